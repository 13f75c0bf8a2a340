import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * "Discard this unsaved note?": asked before the note editor closes over text that is not saved (Esc,
 * Cancel, leaving the file). It closes with `true` only when the officer chooses to discard; Esc, a click
 * outside and "Keep writing" (focused first, so a stray Enter keeps the text) all close it with nothing.
 */
@Component({
  selector: 'eoffice-unsaved-note-dialog',
  imports: [MatButtonModule, MatDialogModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.FILE.NOTESHEET.UNSAVED.TITLE' | translate }}</h2>
    <mat-dialog-content>
      <p>{{ 'EOFFICE.FILE.NOTESHEET.UNSAVED.MESSAGE' | translate }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial data-testid="unsaved-note-keep">
        {{ 'EOFFICE.FILE.NOTESHEET.UNSAVED.KEEP' | translate }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="unsaved-note-discard">
        {{ 'EOFFICE.FILE.NOTESHEET.UNSAVED.DISCARD' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class UnsavedNoteDialogUiComponent {}
