import { Injector, Type, inject } from '@angular/core';
import { CanActivateFn, Data, Route, Routes } from '@angular/router';
import { AuthGuardEcm, AuthenticationService } from '@alfresco/adf-core';
import { ExtensionsDataLoaderGuard } from '@alfresco/aca-shared';
import { DeskService } from './desk/desk.service';
import { unsavedNoteGuard } from './file/notesheet/unsaved-note.guard';
import { officeDay } from '@eoffice/domain';
import { WorkingDaysService } from './shared/calendar/working-days.service';

/** The lists a receipt page can show (route data `list`). */
const RECEIPT_LISTS = ['created', 'inbox', 'acknowledgement', 'sent', 'closed'] as const;
/** The lists a file page can show (route data `list`). */
const FILE_LISTS = ['inbox', 'created', 'sent', 'parked', 'closed'] as const;

const fileView = () => import('./file/file-view/file-view.smart-component');
const receiptList = () => import('./receipt/receipt-list/receipt-list.smart-component').then((m) => m.ReceiptListSmartComponent);
const fileList = () => import('./file/file-list/file-list.smart-component').then((m) => m.FileListSmartComponent);

/**
 * A page whose code starts loading as soon as the router matches its URL: canMatch runs before any guard, so
 * on a new tab the page's chunks arrive while the guards ask the repository who is signed in, not after.
 */
function page(path: string, load: () => Promise<Type<unknown>>, data?: Data): Route {
  const prefetch = () => {
    load().catch(() => undefined); // loadComponent reports a failure itself
    return true;
  };
  return { path, loadComponent: load, canMatch: [prefetch], ...(data && { data }) };
}

/** What the Content App gives a manifest route by default (`app.auth`, `app.extensions.dataLoaderGuard`). */
const GUARDS = [AuthGuardEcm, ExtensionsDataLoaderGuard];

/**
 * Every e-Office page starts from the desk (the hierarchy, the officer's posts) and counts days with the
 * holiday calendar. Asked for beside the guards (which run together), both are read while the Content App
 * builds its layout rather than after it, and a list's first row then waits on its own query only. Both
 * are kept once read; a failure is left for the page to report when it asks itself.
 */
const startDesk: CanActivateFn = () => {
  if (inject(AuthenticationService).isLoggedIn()) {
    inject(DeskService)
      .desk()
      .catch(() => undefined);
    void inject(WorkingDaysService).forYear(Number(officeDay(new Date()).slice(0, 4)));
  }
  return true;
};

/**
 * Opening a file: its reading and its notes' listing (with the first notes' texts) begin as the router
 * activates the file's address, beside the rest of the Content App's start, rather than when the file view
 * is created after the Content App's layout (on the first-screen bench 0.15 s later). The file view takes
 * them as its own first readings (FileService.prefetch, NoteService.prefetch); a failure is reported there.
 * The services are reached through the file view's own code (the page's canMatch is already loading it), so
 * that the Content App's first bundle does not carry them and the build splits its code as before (a chunk of
 * their own broke the start: a class extending one not yet defined); the guard waits for that code, which
 * the page needs anyway.
 */
const startFile: CanActivateFn = async (route) => {
  const fileId = route.paramMap.get('fileId');
  if (!fileId || !inject(AuthenticationService).isLoggedIn()) return true;
  const injector = inject(Injector);
  try {
    (await fileView()).prefetchFile(injector, fileId);
  } catch {
    // The page's own loading reports code that cannot be loaded; the file view then reads as it always did.
  }
  return true;
};

/**
 * The extension's pages, under `/eoffice` inside the Content App's layout. Each page is loaded when it is
 * first opened (as aca-content loads its viewer and folder rules), so the Content App starts without the
 * extension's pages, and the heavy libraries a page uses (charts, the note editor) come with that page only.
 *
 * The host puts these routes among the shell's children before the Content App's own, whose `**` would
 * otherwise answer `/eoffice/...` with its error page:
 * `provideShellRoutes([...EOFFICE_ROUTES, ...CONTENT_LAYOUT_ROUTES])`.
 */
export const EOFFICE_ROUTES: Routes = [
  {
    path: 'eoffice',
    canActivate: [...GUARDS, startDesk],
    canActivateChild: GUARDS,
    children: [
      page('mis', () => import('./mis/dashboard/pendency-dashboard.smart-component').then((m) => m.PendencyDashboardSmartComponent)),
      page('search', () => import('./search/search-page/search-page.smart-component').then((m) => m.SearchPageSmartComponent)),
      page('officer', () =>
        import('./officer/officer-profile/officer-profile.smart-component').then((m) => m.OfficerProfileSmartComponent)
      ),
      // The fixed receipt and file pages come before `receipts/:receiptId` and `files/:fileId`, so that
      // "diarise" or "create" is never taken for an item's id.
      page('receipts/diarise', () => import('./receipt/diarise/diarise.smart-component').then((m) => m.DiariseSmartComponent)),
      ...RECEIPT_LISTS.map((list) => page(`receipts/${list}`, receiptList, { list })),
      page('files/create', () => import('./file/create-file/create-file.smart-component').then((m) => m.CreateFileSmartComponent)),
      ...FILE_LISTS.map((list) => page(`files/${list}`, fileList, { list })),
      // The records managers' pages (Governance Services); AGS itself refuses anyone without a file plan role.
      page('records/file-plan', () => import('./records/file-plan/file-plan.smart-component').then((m) => m.FilePlanSmartComponent)),
      page('records/due', () => import('./records/due/disposition-due.smart-component').then((m) => m.DispositionDueSmartComponent)),
      page('records/holds', () => import('./records/holds/legal-holds.smart-component').then((m) => m.LegalHoldsSmartComponent)),
      page('records/destroyed', () =>
        import('./records/destruction-register/destruction-register.smart-component').then((m) => m.DestructionRegisterSmartComponent)
      ),
      page('records/transferred', () =>
        import('./records/transfer-list/transfer-list.smart-component').then((m) => m.TransferListSmartComponent)
      ),
      // An administrator's: hand a post to another officer (the repository refuses anyone else).
      page('charge', () => import('./charge/charge-page.smart-component').then((m) => m.ChargePageSmartComponent)),
      // An officer going on leave names his link officer (an administrator for anyone's post).
      page('link', () => import('./link/link-page.smart-component').then((m) => m.LinkPageSmartComponent)),
      page('dispatch', () =>
        import('./file/dispatch-register/dispatch-register.smart-component').then((m) => m.DispatchRegisterSmartComponent)
      ),
      {
        ...page('files/:fileId', () => fileView().then((m) => m.FileViewSmartComponent)),
        canActivate: [startFile],
        canDeactivate: [unsavedNoteGuard]
      },
      page('receipts/:receiptId', () =>
        import('./receipt/receipt-view/receipt-view.smart-component').then((m) => m.ReceiptViewSmartComponent)
      )
    ]
  }
];
