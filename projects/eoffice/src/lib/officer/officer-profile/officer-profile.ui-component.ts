import { ChangeDetectionStrategy, Component, ViewEncapsulation, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe } from '@ngx-translate/core';
import { OfficerProfile } from '../model/officer-profile.model';

/** Shows an officer's profile, or that it is loading, or that it failed. No services: inputs in, events out. */
@Component({
  selector: 'eoffice-officer-profile',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslatePipe],
  templateUrl: './officer-profile.ui-component.html',
  styleUrl: './officer-profile.ui-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'eoffice-officer-profile' }
})
export class OfficerProfileUiComponent {
  readonly profile = input<OfficerProfile | null>(null);
  readonly loading = input(false);
  readonly failed = input(false);
  readonly retry = output<void>();
}
