import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { SearchApi } from '@alfresco/js-api';
import en from '../../../../assets/i18n/en.json';
import { SubjectHead } from '@eoffice/domain';
import { DeskService } from '../../desk/desk.service';
import { CreateFileSmartComponent } from '../../file/create-file/create-file.smart-component';
import { FileService } from '../../file/services/file.service';
import { MovementService } from '../../movement/services/movement.service';
import { registryHierarchy } from '../mock/receipt.mock';
import { PutInFileDialogData, PutInFileDialogSmartComponent } from './put-in-file-dialog.smart-component';
import { provideEnglish, provideJsApi } from '../../shared/testing/spec-support.spec';

const HEADS: SubjectHead[] = [
  { basic: 'A', primary: '11011', secondary: '', name: { en: 'Transfers and postings', hi: 'स्थानांतरण और तैनाती' } },
  { basic: 'B', primary: '12012', secondary: '', name: { en: 'Leave', hi: 'अवकाश' } }
];

describe('PutInFileDialogSmartComponent', () => {
  let create: jasmine.Spy;
  let act: jasmine.Spy;
  let close: jasmine.Spy;

  const data: PutInFileDialogData = {
    receiptId: 'receipt-1',
    label: '12/2026/EST-GAD',
    subject: 'Comments on the transfer policy 2026',
    section: 'EST'
  };

  beforeEach(() => {
    create = jasmine.createSpy('create').and.resolveTo({ id: 'file-9', fileNumber: 'A-11011/3/2026-EST-GAD', computerNumber: 41 });
    act = jasmine.createSpy('act').and.resolveTo(undefined);
    close = jasmine.createSpy('close');
    spyOn(SearchApi.prototype, 'search').and.resolveTo({ list: { entries: [] } } as never);
    const desk = {
      hierarchy: {
        ...registryHierarchy,
        posts: [...registryHierarchy.posts, { ...registryHierarchy.posts[0], code: 'SO_EST', section: 'EST' }]
      },
      posts: ['GROUP_EO_GAD_SO_ADM', 'GROUP_EO_GAD_SO_EST'],
      postEntries: [registryHierarchy.posts[0], { ...registryHierarchy.posts[0], code: 'SO_EST', section: 'EST' }],
      section: 'ADM'
    };
    TestBed.configureTestingModule({
      imports: [PutInFileDialogSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
        provideJsApi(),
        { provide: DeskService, useValue: { desk: async () => desk } },
        { provide: MovementService, useValue: { act } },
        { provide: FileService, useValue: { desk: async () => desk, headsFor: async () => HEADS, create } }
      ]
    });
  });

  async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Opens the dialog, chooses "New file" and fills what the receipt cannot give (subject head, record category). */
  async function newFile() {
    const fixture = TestBed.createComponent(PutInFileDialogSmartComponent);
    const element = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    element.querySelector<HTMLButtonElement>('[data-test="put-in-file-new"] button')!.click();
    await settle(fixture);
    const form = fixture.debugElement.query(By.directive(CreateFileSmartComponent)).componentInstance as CreateFileSmartComponent;
    form.form.controls.head.setValue('A-11011');
    form.form.controls.recordCategory.setValue('C');
    await settle(fixture);
    const button = () => element.querySelector<HTMLButtonElement>('[data-test="put-in-file-create"]')!;
    return { fixture, element, form, button };
  }

  it('starts a new file from the receipt: its subject and section are already filled in', async () => {
    const { element, form } = await newFile();

    expect(element.querySelector<HTMLTextAreaElement>('[data-automation-id="eoffice-create-file-subject"]')!.value).toBe(
      'Comments on the transfer policy 2026'
    );
    expect(form.form.controls.section.value).toBe('EST');
    expect(element.querySelector('[data-automation-id="eoffice-create-file-preview"]')?.textContent).toContain('A-11011/…/');
  });

  it('creates the file, then puts the receipt in it, and closes with the new file', async () => {
    const { fixture, button } = await newFile();
    expect(button().textContent).toContain('Create file and put in');
    button().click();
    await settle(fixture);

    expect(create).toHaveBeenCalledOnceWith(
      jasmine.objectContaining({ section: 'EST', head: 'A-11011', subject: 'Comments on the transfer policy 2026', recordCategory: 'C' })
    );
    expect(act).toHaveBeenCalledOnceWith('receipt-1', { action: 'putInFile', file: 'file-9' });
    expect(create).toHaveBeenCalledBefore(act);
    expect(close).toHaveBeenCalledOnceWith({ fileId: 'file-9', fileNumber: 'A-11011/3/2026-EST-GAD' });
  });

  it('creates nothing while the form is incomplete, and shows what is missing', async () => {
    const { fixture, element, form, button } = await newFile();
    form.form.controls.recordCategory.setValue('');
    await settle(fixture);
    button().click();
    await settle(fixture);

    expect(create).not.toHaveBeenCalled();
    expect(element.textContent).toContain(en.EOFFICE.FILE.ERRORS.CATEGORY_REQUIRED);
  });

  it('keeps the file when putting the receipt in fails, says so, and a retry only puts the receipt in it', async () => {
    act.and.rejectWith(new Error('network down'));
    const { fixture, element, button } = await newFile();
    button().click();
    await settle(fixture);

    const refusal = element.querySelector('[data-test="put-in-file-refusal"]')?.textContent ?? '';
    expect(refusal).toContain('File A-11011/3/2026-EST-GAD was created, but the receipt could not be put in it');
    expect(element.querySelector('[data-test="put-in-file-created"]')?.textContent).toContain('A-11011/3/2026-EST-GAD');
    expect(element.querySelector('eoffice-create-file-page')).toBeNull();
    expect(close).not.toHaveBeenCalled();
    expect(button().textContent).toContain('Retry putting in');

    act.and.resolveTo(undefined);
    button().click();
    await settle(fixture);

    expect(create).toHaveBeenCalledTimes(1);
    expect(act).toHaveBeenCalledTimes(2);
    expect(act.calls.mostRecent().args).toEqual(['receipt-1', { action: 'putInFile', file: 'file-9' }]);
    expect(close).toHaveBeenCalledOnceWith({ fileId: 'file-9', fileNumber: 'A-11011/3/2026-EST-GAD' });
  });

  it('keeps what was entered when the file cannot be created, and puts nothing anywhere', async () => {
    create.and.rejectWith(new Error('EOFFICE.FILE.ERRORS.HEAD_UNKNOWN'));
    const { fixture, element, form, button } = await newFile();
    button().click();
    await settle(fixture);

    expect(element.querySelector('[data-test="put-in-file-refusal"]')?.textContent).toContain(en.EOFFICE.FILE.ERRORS.HEAD_UNKNOWN);
    expect(act).not.toHaveBeenCalled();
    expect(form.form.getRawValue()).toEqual(jasmine.objectContaining({ head: 'A-11011', subject: 'Comments on the transfer policy 2026' }));
    expect(button().textContent).toContain('Create file and put in');
  });

  it('keeps what was entered for the new file while the officer looks at the existing files', async () => {
    const { fixture, element, button } = await newFile();
    const subject = () => element.querySelector<HTMLTextAreaElement>('[data-automation-id="eoffice-create-file-subject"]')!;
    subject().value = 'Transfer policy 2026: comments of the States';
    subject().dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-test="put-in-file-existing"] button')!.click();
    await settle(fixture);
    expect(element.querySelector('[data-test="put-in-file-search"]')).not.toBeNull();
    element.querySelector<HTMLButtonElement>('[data-test="put-in-file-new"] button')!.click();
    await settle(fixture);

    expect(subject().value).toBe('Transfer policy 2026: comments of the States');
    button().click();
    await settle(fixture);
    expect(create).toHaveBeenCalledOnceWith(jasmine.objectContaining({ subject: 'Transfer policy 2026: comments of the States' }));
  });

  it('still puts the receipt in a file the post holds, closing with that file', async () => {
    (SearchApi.prototype.search as jasmine.Spy).and.resolveTo({
      list: {
        entries: [
          {
            entry: {
              id: 'file-2',
              name: 'f',
              properties: { 'eo:fileNumber': 'B-12012/1/2026-EST-GAD', 'eo:computerNumber': 7, 'eo:subject': 'Leave' }
            }
          }
        ]
      }
    } as never);
    const fixture = TestBed.createComponent(PutInFileDialogSmartComponent);
    const element = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    element.querySelector<HTMLElement>('[data-test="put-in-file-file"]')!.click();
    await settle(fixture);
    element.querySelector<HTMLButtonElement>('[data-test="put-in-file-confirm"]')!.click();
    await settle(fixture);

    expect(create).not.toHaveBeenCalled();
    expect(act).toHaveBeenCalledOnceWith('receipt-1', { action: 'putInFile', file: 'file-2' });
    expect(close).toHaveBeenCalledOnceWith({ fileId: 'file-2', fileNumber: 'B-12012/1/2026-EST-GAD' });
  });
});
