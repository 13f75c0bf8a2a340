import { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { EOFFICE_ROUTES } from '../../eoffice.routes';
import { HoldsUnsavedNote, unsavedNoteGuard } from './unsaved-note.guard';

describe('unsavedNoteGuard', () => {
  const leave = (page: HoldsUnsavedNote | null) =>
    unsavedNoteGuard(page as HoldsUnsavedNote, {} as ActivatedRouteSnapshot, {} as RouterStateSnapshot, {} as RouterStateSnapshot);

  it('guards the file page, where notes are written', () => {
    const file = EOFFICE_ROUTES[0].children?.find((route) => route.path === 'files/:fileId');
    expect(file?.canDeactivate).toContain(unsavedNoteGuard);
  });

  it('lets the officer leave only when the page says the unsaved note may go', async () => {
    expect(await leave({ mayLeave: () => Promise.resolve(false) })).toBeFalse();
    expect(await leave({ mayLeave: () => true })).toBeTrue();
    // A page that failed to load holds no note.
    expect(await leave(null)).toBeTrue();
  });
});
