/*
 * Public API of @eoffice/extension: the only door into the library.
 */
export * from './lib/eoffice.module';
export * from './lib/eoffice.routes';
export * from './lib/officer/model/officer-profile.model';
export * from './lib/officer/services/officer-profile.service';
export * from './lib/officer/officer-profile/officer-profile.ui-component';
export * from './lib/officer/officer-profile/officer-profile.smart-component';
export * from './lib/domain';
export * from './lib/desk/desk.service';
export * from './lib/receipt/model/receipt.model';
export * from './lib/receipt/model/receipt-query';
export * from './lib/receipt/model/receipt-validation';
export * from './lib/receipt/services/receipt.service';
export * from './lib/receipt/services/sender-memory.service';
export * from './lib/receipt/receipt-form/receipt-form.ui-component';
export * from './lib/receipt/diarise/diarise.smart-component';
export * from './lib/receipt/receipt-list/receipt-list.smart-component';
export * from './lib/receipt/receipt-view/receipt-view.smart-component';
export * from './lib/receipt/acknowledgement/acknowledgement';
export * from './lib/shared/export/export.model';
export * from './lib/shared/export/file-download.service';
export { TableExportService, EXPORT_PAGE_SIZE } from './lib/shared/export/table-export.service';
export * from './lib/shared/export/export-button.smart-component';
export { PdfWriter, type PdfWriterOptions, type PdfTextStyle, type PdfColumn, type PdfPageText } from './lib/shared/pdf/pdf-writer';
export type { PdfRun } from './lib/shared/pdf/pdf-text';
export { type GeneratedBy, GeneratedByService, officeDateTime } from './lib/shared/pdf/generated-by.service';
export * from './lib/file/export/file-export.service';
export * from './lib/file/export/file-export-button.smart-component';
export * from './lib/file/notesheet/note.model';
export * from './lib/file/notesheet/note-sanitiser';
export { NoteService, NoteError, noteErrorOf, type Signer } from './lib/file/notesheet/note.service';
export * from './lib/file/notesheet/notesheet.smart-component';
export {
  type Draft,
  type DraftVersion,
  type DraftStatus,
  type DraftAction,
  type Dispatch,
  type DispatchMode,
  type DispatchStatus,
  type DispatchRequest,
  DraftError,
  allowedActions,
  dispatchName
} from './lib/file/drafts/draft.model';
export { DRAFT_TEMPLATES, type DraftTemplate, type DraftLanguage } from './lib/file/drafts/draft-templates';
export { sanitiseDraftHtml } from './lib/file/drafts/draft-sanitiser';
export * from './lib/file/drafts/draft.service';
export * from './lib/file/drafts/dispatch-dialog/dispatch-dialog.smart-component';
export * from './lib/file/drafts/drafts-panel.smart-component';
export * from './lib/movement/model/movement.model';
export * from './lib/movement/services/movement.service';
export * from './lib/movement/marking-dialog/marking-options';
export * from './lib/movement/marking-dialog/marking-dialog.smart-component';
export * from './lib/movement/marking-dialog/marking-dialog.service';
export * from './lib/movement/movements-timeline/movements-timeline.smart-component';
