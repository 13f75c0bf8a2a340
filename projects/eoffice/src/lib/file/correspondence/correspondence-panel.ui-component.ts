import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AlfrescoViewerComponent } from '@alfresco/adf-content-services';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CorrespondenceEntry } from '../model/file.model';
import type { NoteSignatureView } from '../signatures/note-signing.service';
import { SignatureStateUiComponent } from '../signatures/signature-state.ui-component';

/**
 * The correspondence portion: serially numbered receipts and issued letters, each flagged (PUC, FR I …,
 * or its issue number), a signed letter with its signature's state; the selected one opens in ADF's viewer
 * below the list.
 */
@Component({
  selector: 'eoffice-correspondence-panel',
  imports: [AlfrescoViewerComponent, MatIconModule, SignatureStateUiComponent, TranslatePipe],
  template: `
    @if (!entries().length) {
      <p class="eoffice-correspondence__empty" data-automation-id="eoffice-correspondence-empty">
        {{ 'EOFFICE.FILE.CORRESPONDENCE.EMPTY' | translate }}
      </p>
    } @else {
      <ol class="eoffice-correspondence__list" role="listbox" [attr.aria-label]="'EOFFICE.FILE.CORRESPONDENCE.TITLE' | translate">
        @for (entry of entries(); track entry.id) {
          <li
            role="option"
            tabindex="0"
            [attr.aria-selected]="entry.id === selectedId()"
            [class.eoffice-correspondence__item--selected]="entry.id === selectedId()"
            class="eoffice-correspondence__item"
            [attr.data-automation-id]="'eoffice-correspondence-' + entry.serial"
            (click)="selected.emit(entry)"
            (keydown.enter)="selected.emit(entry)"
            (keydown.space)="selected.emit(entry); $event.preventDefault()">
            <span class="eoffice-correspondence__serial">{{ entry.serial }}</span>
            <mat-icon aria-hidden="true">{{ entry.kind === 'issue' ? 'outgoing_mail' : 'move_to_inbox' }}</mat-icon>
            <span class="eoffice-correspondence__flag" data-automation-id="eoffice-correspondence-flag">{{ entry.flag }}</span>
            <span class="eoffice-correspondence__title">
              {{ entry.title }}
              @if (entry.description) {
                <small>{{ entry.description }}</small>
              }
              @if (letterSignatures().get(entry.id); as signature) {
                <small data-automation-id="eoffice-correspondence-signature"><eoffice-signature-state [view]="signature" /></small>
              }
            </span>
          </li>
        }
      </ol>
      @if (selectedId(); as nodeId) {
        <div class="eoffice-correspondence__viewer">
          <adf-alfresco-viewer
            [nodeId]="nodeId"
            [overlayMode]="false"
            [showViewer]="true"
            [allowGoBack]="false"
            [allowRightSidebar]="false"
            [allowFullScreen]="true" />
        </div>
      }
    }
  `,
  styles: `
    :host {
      position: relative;
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
    }
    .eoffice-correspondence__list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 30%;
      overflow: auto;
      flex: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #ddd);
    }
    .eoffice-correspondence__item {
      display: flex;
      gap: 8px;
      align-items: center;
      padding: 6px 8px;
      cursor: pointer;
    }
    .eoffice-correspondence__item:focus-visible {
      outline: 2px solid var(--mat-sys-primary, #1565c0);
    }
    .eoffice-correspondence__item--selected {
      background: var(--mat-sys-secondary-container, #e3f2fd);
    }
    .eoffice-correspondence__serial {
      min-width: 2ch;
      text-align: right;
      opacity: 0.7;
    }
    .eoffice-correspondence__flag {
      font-weight: 600;
      min-width: 6ch;
    }
    .eoffice-correspondence__title small {
      display: block;
      opacity: 0.75;
    }
    /* The viewer's own layers (loading screen, toolbar) are positioned against the page; containing
       layout and paint here keeps them inside the correspondence side instead of over the notes. */
    .eoffice-correspondence__viewer {
      flex: 1;
      min-height: 320px;
      position: relative;
      overflow: hidden;
      contain: layout paint;
    }
    .eoffice-correspondence__empty {
      padding: 16px;
      opacity: 0.75;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class CorrespondencePanelUiComponent {
  readonly entries = input<CorrespondenceEntry[]>([]);
  readonly selectedId = input<string | null>(null);
  /** The PAdES signature's state of each signed issued letter, by node id (NoteSigningService.checkLetters). */
  readonly letterSignatures = input<ReadonlyMap<string, NoteSignatureView>>(new Map());
  readonly selected = output<CorrespondenceEntry>();
}
