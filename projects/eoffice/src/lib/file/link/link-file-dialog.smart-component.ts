import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { EFile } from '../model/file.model';
import { FileService } from '../services/file.service';
import { LoadState, failureKey } from '../../shared/state/load-state';

export interface LinkFileDialogData {
  file: EFile;
}

/** Link files: find them by number, Computer No. or subject; linked files stay independent and move separately. */
@Component({
  selector: 'eoffice-link-file-dialog',
  imports: [
    FormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe
  ],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.FILE.LINK.TITLE' | translate }}: {{ data.file.fileNumber }}</h2>
    <mat-dialog-content>
      <form (ngSubmit)="search()" class="eoffice-link-file__search">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.FILE.LIST.SEARCH' | translate }}</mat-label>
          <input matInput name="term" [(ngModel)]="term" data-automation-id="eoffice-link-file-term" />
        </mat-form-field>
        <button mat-stroked-button type="submit">{{ 'EOFFICE.FILE.LIST.SEARCH_BUTTON' | translate }}</button>
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @for (f of results(); track f.id) {
        <mat-checkbox [checked]="chosen().includes(f.id)" (change)="toggle(f.id)" [disabled]="f.id === data.file.id">
          <strong>{{ f.fileNumber }}</strong> — {{ f.subject }}
        </mat-checkbox>
      } @empty {
        @if (searched()) {
          <p>{{ 'EOFFICE.FILE.LIST.EMPTY' | translate }}</p>
        }
      }
      @if (error(); as e) {
        <p role="alert" class="eoffice-link-file__error">{{ e | translate }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'EOFFICE.MOVEMENT.DIALOG.CANCEL' | translate }}</button>
      <button mat-flat-button color="primary" type="button" [disabled]="!chosen().length || busy()" (click)="link()">
        {{ 'EOFFICE.FILE.LINK.SUBMIT' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .eoffice-link-file__search {
      display: flex;
      gap: 8px;
      align-items: baseline;
    }
    mat-checkbox {
      display: block;
    }
    .eoffice-link-file__error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class LinkFileDialogSmartComponent {
  readonly data = inject<LinkFileDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<LinkFileDialogSmartComponent, EFile | undefined>);
  private readonly files = inject(FileService);

  term = '';
  readonly results = signal<EFile[]>([]);
  readonly chosen = signal<string[]>([]);
  /** Finding files and linking them: one at a time, the progress bar and the reason shown for either. */
  private readonly state = new LoadState();
  readonly busy = this.state.loading;
  readonly searched = signal(false);
  readonly error = this.state.reason;

  async search(): Promise<void> {
    await this.state.run(
      () => this.files.search(this.term),
      (found) => {
        this.results.set(found.filter((f) => !this.data.file.linkedFiles.includes(f.id)));
        this.searched.set(true);
      },
      () => 'EOFFICE.FILE.LIST.ERROR'
    );
  }

  toggle(id: string): void {
    this.chosen.update((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  }

  async link(): Promise<void> {
    await this.state.run(
      () => this.files.link(this.data.file, this.chosen()),
      (updated) => this.ref.close(updated),
      (error) => failureKey(error, 'EOFFICE.FILE.LINK.FAILED', { byStatus: { 403: 'EOFFICE.FILE.LINK.NOT_HOLDER' } })
    );
  }
}
