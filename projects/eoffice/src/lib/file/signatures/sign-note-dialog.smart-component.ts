import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { BridgeError } from '@eoffice/domain/src/signing';
import { NoteSigningService } from './note-signing.service';

export interface SignNoteDialogData {
  number: number;
  /** What is about to be signed, a translation key with {{number}}: a note's by default, or a draft's approval. */
  intro?: string;
}

/**
 * "Sign with your digital signature certificate": the officer opens his certificate file (.p12/.pfx, with
 * its password) for this session, or uses his DSC token through the signer on his computer (`npx eoffice
 * signer`, which asks him to confirm each signature in its own window). Closes with `true` once a key is
 * ready to sign with; with nothing when he chooses not to sign now.
 */
@Component({
  selector: 'eoffice-sign-note-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.SIGNATURES.DIALOG.TITLE' | translate }}</h2>
    <mat-dialog-content class="eo-sign">
      <p>{{ data.intro ?? 'EOFFICE.SIGNATURES.DIALOG.INTRO' | translate: { number: data.number } }}</p>
      @if (signing.session(); as session) {
        <p class="eo-sign__session" data-testid="sign-session">
          {{ 'EOFFICE.SIGNATURES.DIALOG.SESSION' | translate: { name: session.certificate.name, issuer: session.certificate.issuerName } }}
        </p>
      } @else {
        <section class="eo-sign__choice">
          <h3>{{ 'EOFFICE.SIGNATURES.DIALOG.FILE' | translate }}</h3>
          <input
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            (change)="picked($event)"
            [attr.aria-label]="'EOFFICE.SIGNATURES.DIALOG.FILE' | translate"
            data-testid="sign-certificate-file" />
          <mat-form-field appearance="outline" class="eo-sign__password">
            <mat-label>{{ 'EOFFICE.SIGNATURES.DIALOG.PASSWORD' | translate }}</mat-label>
            <input
              matInput
              type="password"
              autocomplete="off"
              [value]="password()"
              (input)="password.set($any($event.target).value)"
              (keydown.enter)="openFile()"
              data-testid="sign-certificate-password" />
          </mat-form-field>
          <button mat-flat-button type="button" [disabled]="busy() || !file()" (click)="openFile()" data-testid="sign-open-file">
            {{ 'EOFFICE.SIGNATURES.DIALOG.OPEN' | translate }}
          </button>
        </section>
        <section class="eo-sign__choice">
          <h3>{{ 'EOFFICE.SIGNATURES.DIALOG.TOKEN' | translate }}</h3>
          <p class="eo-sign__hint">{{ 'EOFFICE.SIGNATURES.DIALOG.TOKEN_HINT' | translate }}</p>
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="useToken()" data-testid="sign-use-token">
            {{ 'EOFFICE.SIGNATURES.DIALOG.USE_TOKEN' | translate }}
          </button>
        </section>
      }
      @if (failure(); as failed) {
        <p class="eo-sign__failure" role="alert" data-testid="sign-failure">{{ failed.key | translate: failed.params }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="sign-not-now">
        {{ 'EOFFICE.SIGNATURES.DIALOG.CANCEL' | translate }}
      </button>
      @if (signing.session()) {
        <button mat-stroked-button type="button" (click)="change()" data-testid="sign-change">
          {{ 'EOFFICE.SIGNATURES.DIALOG.CHANGE' | translate }}
        </button>
        <button mat-flat-button type="button" [mat-dialog-close]="true" cdkFocusInitial data-testid="sign-confirm">
          {{ 'EOFFICE.SIGNATURES.SIGN' | translate }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .eo-sign__choice {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      margin-block: 12px;
    }
    .eo-sign__choice h3 {
      margin: 0;
      font-size: 1rem;
    }
    .eo-sign__password {
      width: 100%;
    }
    .eo-sign__hint {
      margin: 0;
      opacity: 0.8;
    }
    .eo-sign__failure {
      color: var(--mat-sys-error, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class SignNoteDialogSmartComponent {
  readonly data = inject<SignNoteDialogData>(MAT_DIALOG_DATA);
  readonly signing = inject(NoteSigningService);
  private readonly ref = inject(MatDialogRef<SignNoteDialogSmartComponent, boolean>);

  readonly file = signal<File | null>(null);
  readonly password = signal('');
  readonly busy = signal(false);
  readonly failure = signal<{ key: string; params?: Record<string, unknown> } | null>(null);

  picked(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.failure.set(null);
  }

  async openFile(): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    await this.attempt(() => this.signing.openCertificateFile(file, this.password()), 'EOFFICE.SIGNATURES.DIALOG.FILE_FAILED');
  }

  async useToken(): Promise<void> {
    await this.attempt(() => this.signing.connectToken(), 'EOFFICE.SIGNATURES.DIALOG.TOKEN_FAILED');
  }

  async change(): Promise<void> {
    await this.signing.endSession();
    this.password.set('');
  }

  private async attempt(open: () => Promise<unknown>, failedKey: string): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await open();
      this.password.set('');
      this.ref.close(true);
    } catch (e) {
      const reason = e instanceof BridgeError && e.code === 'unreachable' ? 'EOFFICE.SIGNATURES.DIALOG.NO_SIGNER' : undefined;
      this.failure.set(reason ? { key: reason } : { key: failedKey, params: { reason: (e as Error).message } });
    } finally {
      this.busy.set(false);
    }
  }
}
