import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { TranslatePipe } from '@ngx-translate/core';
import { LoadState } from '../../shared/state/load-state';
import { OfficerProfile } from '../model/officer-profile.model';
import { OfficerProfileService } from '../services/officer-profile.service';
import { OfficerProfileUiComponent } from './officer-profile.ui-component';

/** The "My profile" page: loads the signed-in officer from the repository and owns the page state. */
@Component({
  selector: 'eoffice-officer-profile-page',
  imports: [PageLayoutComponent, TranslatePipe, OfficerProfileUiComponent],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.OFFICER.TITLE' | translate }}</h1>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable">
          <eoffice-officer-profile [profile]="profile()" [loading]="loading()" [failed]="failed()" (retry)="load()" />
        </div>
      </div>
    </aca-page-layout>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class OfficerProfileSmartComponent {
  private readonly profileService = inject(OfficerProfileService);

  readonly profile = signal<OfficerProfile | null>(null);
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly failed = this.state.failed;

  constructor() {
    void this.load();
  }

  /** Reads the officer; a failure empties the page, so no earlier profile looks current next to the error. */
  async load(): Promise<void> {
    await this.state.run(
      () => firstValueFrom(this.profileService.loadMyProfile()),
      (profile) => this.profile.set(profile),
      () => this.profile.set(null)
    );
  }
}
