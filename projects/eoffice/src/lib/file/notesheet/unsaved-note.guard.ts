import { CanDeactivateFn } from '@angular/router';

/** A page that may hold a note being written: it answers whether the officer may leave it now. */
export interface HoldsUnsavedNote {
  mayLeave(): boolean | Promise<boolean>;
}

/**
 * Leaving a page while a note is being written (another file, a list, the browser's Back) asks first when
 * the text is not saved, as Esc and Cancel do; "keep writing" stays on the page with the text as it was.
 * Kept free of the editor's code, so the routes that name it still load the notesheet only with its page.
 */
export const unsavedNoteGuard: CanDeactivateFn<HoldsUnsavedNote> = (page) => page?.mayLeave() ?? true;
