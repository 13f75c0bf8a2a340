import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import en from '../../../../assets/i18n/en.json';
import { SubjectHead } from '@eoffice/domain';
import { registryHierarchy } from '../../receipt/mock/receipt.mock';
import { FileService } from '../services/file.service';
import { CreateFileSmartComponent } from './create-file.smart-component';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

const HEADS: SubjectHead[] = [
  { basic: 'A', primary: '11011', secondary: '', name: { en: 'Transfers and postings', hi: 'स्थानांतरण और तैनाती' } },
  { basic: 'B', primary: '12012', secondary: '', name: { en: 'Leave', hi: 'अवकाश' } },
  { basic: 'C', primary: '13013', secondary: '01', name: { en: 'Recruitment', hi: 'भर्ती' } }
];

describe('CreateFileSmartComponent', () => {
  let readDesk: jasmine.Spy;

  beforeEach(() => {
    const desk = {
      hierarchy: registryHierarchy,
      posts: ['GROUP_EO_GAD_SO_ADM'],
      postEntries: [registryHierarchy.posts[0]],
      section: 'ADM'
    };
    readDesk = jasmine.createSpy('desk').and.callFake(async () => desk);
    TestBed.configureTestingModule({
      imports: [CreateFileSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: FileService, useValue: { desk: readDesk, headsFor: async () => HEADS } },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(CreateFileSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    /** Types in the head search box and lists the heads the picker then offers. */
    const offered = async (term: string): Promise<string[]> => {
      const search = element.querySelector<HTMLInputElement>('[data-automation-id="eoffice-create-file-head-search"]')!;
      search.value = term;
      search.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      element.querySelector<HTMLElement>('[data-automation-id="eoffice-create-file-head"] .mat-mdc-select-trigger')!.click();
      fixture.detectChanges();
      await fixture.whenStable();
      const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim() ?? '');
      (document.querySelector('.cdk-overlay-backdrop') as HTMLElement | null)?.click();
      fixture.detectChanges();
      await fixture.whenStable();
      return options;
    };
    return { fixture, element, offered };
  }

  it('narrows the subject heads by code, or by name in English or Hindi', async () => {
    const { offered } = await render();

    expect((await offered('')).length).toBe(3);
    expect(await offered('b-12')).toEqual(['B-12012 — Leave']);
    expect(await offered('1301301')).toEqual(['C-1301301 — Recruitment']);
    expect(await offered('transfer')).toEqual(['A-11011 — Transfers and postings']);
    expect(await offered('भर्ती')).toEqual(['C-1301301 — Recruitment']);
  });

  it('keeps the chosen head offered whatever the search, so the picker never goes blank', async () => {
    const { fixture, offered } = await render();
    fixture.componentInstance.form.controls.head.setValue('B-12012');
    fixture.detectChanges();

    expect(await offered('recruit')).toEqual(['B-12012 — Leave', 'C-1301301 — Recruitment']);
  });

  it('asks the years a category C file is kept (1 to 10, or none for C’s own period), and none for A or B', async () => {
    const { fixture, element } = await render();
    const years = () => element.querySelector<HTMLInputElement>('[data-automation-id="eoffice-create-file-years"]');
    const form = fixture.componentInstance.form;
    form.patchValue({ head: 'A-11011', subject: 'Casual leave returns', recordCategory: 'A' });
    fixture.detectChanges();
    expect(years()).toBeNull();

    form.controls.recordCategory.setValue('C');
    fixture.detectChanges();
    expect(years()).not.toBeNull();
    expect(element.textContent).toContain('Kept for (years)');
    expect(fixture.componentInstance.validDraft()?.retentionYears).toBeNull();

    form.controls.retentionYears.setValue(11);
    fixture.detectChanges();
    expect(fixture.componentInstance.validDraft()).toBeNull();
    expect(element.textContent).toContain('Give a whole number of years from 1 to 10');
    form.controls.retentionYears.setValue(5);
    expect(fixture.componentInstance.validDraft()?.retentionYears).toBe(5);
  });

  it('shows progress until the desk is read, then the form', async () => {
    const fixture = TestBed.createComponent(CreateFileSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    expect(element.querySelector('form')).toBeNull();

    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(element.querySelector('form')).not.toBeNull();
  });

  it('says that an officer who holds no post cannot open files, and offers no form', async () => {
    readDesk.and.resolveTo({ hierarchy: registryHierarchy, posts: [], postEntries: [], section: '' });
    const { element } = await render();
    const loadError = element.querySelector('[data-automation-id="eoffice-create-file-load-error"]');
    expect(loadError?.textContent?.trim()).toBe(en.EOFFICE.FILE.ERRORS.NO_POST);
    expect(element.querySelector('form')).toBeNull();
  });

  it('says when the desk could not be read', async () => {
    readDesk.and.rejectWith(new Error('offline'));
    const { element } = await render();
    const loadError = element.querySelector('[data-automation-id="eoffice-create-file-load-error"]');
    expect(loadError?.textContent?.trim()).toBe(en.EOFFICE.FILE.ERRORS.LOAD_FAILED);
  });
});
