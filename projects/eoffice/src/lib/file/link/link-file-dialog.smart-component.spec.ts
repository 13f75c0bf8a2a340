import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import en from '../../../../assets/i18n/en.json';
import { EFile, toEFile } from '../model/file.model';
import { FileService } from '../services/file.service';
import { LinkFileDialogSmartComponent } from './link-file-dialog.smart-component';
import { deferred, provideEnglish } from '../../shared/testing/spec-support.spec';

const fileOf = (id: string, fileNumber: string): EFile =>
  toEFile({ id, properties: { 'eo:fileNumber': fileNumber, 'eo:subject': `Subject of ${fileNumber}` } }, ['update']);

describe('LinkFileDialogSmartComponent', () => {
  const file = fileOf('f1', 'A-11011/5/2026-EST-GAD');
  let search: jasmine.Spy;
  let link: jasmine.Spy;
  let close: jasmine.Spy;

  beforeEach(() => {
    search = jasmine.createSpy('search');
    link = jasmine.createSpy('link');
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [LinkFileDialogSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { file } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: FileService, useValue: { search, link } }
      ]
    });
  });

  function render() {
    const fixture = TestBed.createComponent(LinkFileDialogSmartComponent);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const alert = (element: HTMLElement) => element.querySelector('[role="alert"]')?.textContent?.trim();

  it('shows progress while it searches, then the files found, and says when the search fails', async () => {
    const answer = deferred<EFile[]>();
    search.and.returnValue(answer.promise);
    const { fixture, element } = render();
    const searching = fixture.componentInstance.search();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();

    answer.resolve([fileOf('f2', 'A-11011/6/2026-EST-GAD')]);
    await searching;
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('mat-checkbox')?.textContent).toContain('A-11011/6/2026-EST-GAD');

    search.and.rejectWith(new Error('500'));
    await fixture.componentInstance.search();
    fixture.detectChanges();
    expect(alert(element)).toBe(en.EOFFICE.FILE.LIST.ERROR);
  });

  it('links the files chosen and hands the file back, or says why the repository refused', async () => {
    search.and.resolveTo([fileOf('f2', 'A-11011/6/2026-EST-GAD')]);
    const { fixture, element } = render();
    await fixture.componentInstance.search();
    fixture.componentInstance.toggle('f2');

    link.and.rejectWith(Object.assign(new Error('403'), { status: 403 }));
    await fixture.componentInstance.link();
    fixture.detectChanges();
    expect(alert(element)).toBe(en.EOFFICE.FILE.LINK.NOT_HOLDER);
    expect(close).not.toHaveBeenCalled();

    link.and.rejectWith(Object.assign(new Error('500'), { status: 500 }));
    await fixture.componentInstance.link();
    fixture.detectChanges();
    expect(alert(element)).toBe(en.EOFFICE.FILE.LINK.FAILED);

    const linked = { ...file, linkedFiles: ['f2'] };
    link.and.resolveTo(linked);
    await fixture.componentInstance.link();
    fixture.detectChanges();
    expect(link).toHaveBeenCalledWith(file, ['f2']);
    expect(close).toHaveBeenCalledOnceWith(linked);
    expect(alert(element)).toBeUndefined();
  });
});
