import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { TranslatePipe } from '@ngx-translate/core';
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
  private readonly destroyRef = inject(DestroyRef);

  readonly profile = signal<OfficerProfile | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);

  constructor() {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.failed.set(false);
    this.profileService
      .loadMyProfile()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (profile) => {
          this.profile.set(profile);
          this.loading.set(false);
        },
        error: () => {
          this.profile.set(null);
          this.failed.set(true);
          this.loading.set(false);
        }
      });
  }
}
