import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { MarkingDialogData, MarkingDialogSmartComponent } from './marking-dialog.smart-component';

/** Opens the marking dialog; resolves true when the action was done in the repository. */
@Injectable({ providedIn: 'root' })
export class MarkingDialogService {
  private readonly dialog = inject(MatDialog);

  async open(data: MarkingDialogData): Promise<boolean> {
    const ref = this.dialog.open<MarkingDialogSmartComponent, MarkingDialogData, boolean>(MarkingDialogSmartComponent, {
      data,
      autoFocus: 'first-tabbable',
      width: '600px'
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
