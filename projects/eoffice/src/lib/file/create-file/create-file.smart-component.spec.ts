import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { AppService } from '@alfresco/aca-shared';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { BehaviorSubject, Subject } from 'rxjs';
import en from '../../../../assets/i18n/en.json';
import { SubjectHead } from '@eoffice/domain';
import { registryHierarchy } from '../../receipt/mock/receipt.mock';
import { FileService } from '../services/file.service';
import { CreateFileSmartComponent } from './create-file.smart-component';

const HEADS: SubjectHead[] = [
  { basic: 'A', primary: '11011', secondary: '', name: { en: 'Transfers and postings', hi: 'स्थानांतरण और तैनाती' } },
  { basic: 'B', primary: '12012', secondary: '', name: { en: 'Leave', hi: 'अवकाश' } },
  { basic: 'C', primary: '13013', secondary: '01', name: { en: 'Recruitment', hi: 'भर्ती' } }
];

describe('CreateFileSmartComponent', () => {
  beforeEach(() => {
    const desk = {
      hierarchy: registryHierarchy,
      posts: ['GROUP_EO_GAD_SO_ADM'],
      postEntries: [registryHierarchy.posts[0]],
      section: 'ADM'
    };
    TestBed.configureTestingModule({
      imports: [CreateFileSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: FileService, useValue: { desk: async () => desk, headsFor: async () => HEADS } },
        { provide: AppService, useValue: { appNavNarMode$: new BehaviorSubject('expanded'), toggleAppNavBar$: new Subject<void>() } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
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
});
