import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import type { NoteSignatureView } from './note-signing.service';
import { SIGNATURE_STATES } from './signature-state';

/**
 * A note's digital signature as a reader needs it: valid (signer and issuer from the certificate, and the
 * signing time), changed after signing, signer unknown (no chain to a root the department trusts), expired
 * or revoked; "checking" while the verifier runs. Words, not colour alone, carry the state.
 */
@Component({
  selector: 'eoffice-signature-state',
  imports: [EofficeDatePipe, MatIconModule, TranslatePipe],
  template: `
    <span class="eo-sig" [class]="'eo-sig eo-sig--' + look().tone" [attr.data-state]="state()" data-testid="signature-state">
      <mat-icon aria-hidden="true" class="eo-sig__icon">{{ look().icon }}</mat-icon>
      <span class="eo-sig__label">{{ look().label | translate }}</span>
      @if (view()?.signer; as signer) {
        <span class="eo-sig__who" data-testid="signature-signer">
          {{ 'EOFFICE.SIGNATURES.DETAIL.SIGNER' | translate: { name: signer.name, issuer: signer.issuerName } }}
          @if (view()?.signingTime; as at) {
            <time [attr.datetime]="at">{{ at | eofficeDate: 'datetime' }}</time>
          }
        </span>
      }
      @if (look().detail; as detail) {
        <span class="eo-sig__detail">{{ detail | translate }}</span>
      }
    </span>
  `,
  styles: `
    .eo-sig {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      font-size: 0.85rem;
    }
    .eo-sig__icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .eo-sig__label {
      font-weight: 600;
    }
    .eo-sig--good .eo-sig__icon,
    .eo-sig--good .eo-sig__label {
      color: var(--eo-signature-valid, #1b5e20);
    }
    .eo-sig--bad .eo-sig__icon,
    .eo-sig--bad .eo-sig__label {
      color: var(--mat-sys-error, #b00020);
    }
    .eo-sig__detail {
      flex-basis: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class SignatureStateUiComponent {
  /** The verifier's answer; undefined while it runs. */
  readonly view = input<NoteSignatureView | undefined>(undefined);

  readonly state = computed(() => this.view()?.status ?? 'checking');
  readonly look = computed(() => SIGNATURE_STATES[this.state()]);
}
