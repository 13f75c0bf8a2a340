import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TableExportService } from '../../shared/export/table-export.service';
import { Dispatch } from '../drafts/draft.model';
import { DispatchRegisterService, dispatchRegisterQuery } from './dispatch-register.service';
import { DispatchRegisterSmartComponent } from './dispatch-register.smart-component';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { TranslateService } from '@ngx-translate/core';
import { refusalOf } from '@eoffice/domain';
import hi from '../../../../assets/i18n/hi.json';

const pending: Dispatch = {
  id: 'd1',
  name: '20261123-1',
  issueNumber: 'A-11011/5/2026-EST-GAD',
  mode: 'byCru',
  status: 'pending',
  deliveryMode: 'Speed Post',
  addressees: ['The Secretary, Staff Selection Commission'],
  issuedAt: '2026-11-23T05:00:00.000Z',
  issuedBy: 'GROUP_EO_GAD_SO_EST',
  fromDraft: 'draft-1'
};

describe('DispatchRegisterSmartComponent', () => {
  let list: jasmine.Spy;
  let markDispatched: jasmine.Spy;
  let rows: Dispatch[];

  beforeEach(() => {
    rows = [pending];
    list = jasmine.createSpy('list').and.callFake(async () => ({ dispatches: rows, totalItems: rows.length }));
    markDispatched = jasmine.createSpy('markDispatched').and.callFake(async () => {
      rows = [];
      return { ...pending, status: 'issuedDispatched' };
    });
    TestBed.configureTestingModule({
      imports: [DispatchRegisterSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: DispatchRegisterService, useValue: { list, markDispatched, letterUrl: (id: string) => `/letter/${id}` } },
        { provide: TableExportService, useValue: {} },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(DispatchRegisterSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the letters to dispatch with their issue number, addressees and delivery mode', async () => {
    const { element } = await render();
    expect(list).toHaveBeenCalledWith('pending', 0, 25);
    const row = element.querySelector('[data-automation-id="eoffice-dispatch-row"]')!;
    expect(row.textContent).toContain('A-11011/5/2026-EST-GAD');
    expect(row.textContent).toContain('Staff Selection Commission');
    expect(row.textContent).toContain('Speed Post');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/letter/d1');
  });

  it('marking a letter dispatched records it and takes it off the pending list', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-dispatch-mark"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(markDispatched).toHaveBeenCalledOnceWith('d1');
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-row"]')).toBeNull();
    expect(element.textContent).toContain('No letters here.');
  });

  it('says so, and keeps the letter pending, when the dispatch cannot be recorded', async () => {
    markDispatched.and.rejectWith(Object.assign(new Error('403'), { status: 403 }));
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-dispatch-mark"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-error"]')?.textContent).toContain('stays pending');
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-row"]')).not.toBeNull();
  });

  /** The repository's refusal of a letter from an unsigned approval (register.js regDispatch), as ACS answers it. */
  const unsignedRefusal = () =>
    refusalOf({
      status: 500,
      message: JSON.stringify({
        error: {
          briefSummary:
            '00070001 Error: Letter A-11011/5/2026-EST-GAD cannot be dispatched: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter (AlfrescoJS#12)'
        }
      })
    });

  it('says in English why the repository refused a letter whose approval is not signed, and keeps it pending', async () => {
    markDispatched.and.callFake(() => Promise.reject(unsignedRefusal()));
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-dispatch-mark"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-error"]')?.textContent).toContain(
      'the approver of this letter has not signed the approved version digitally'
    );
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-row"]')).not.toBeNull();
  });

  it('says it in Hindi to an officer reading in Hindi', async () => {
    markDispatched.and.callFake(() => Promise.reject(unsignedRefusal()));
    const { fixture, element } = await render();
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('hi', hi);
    translate.use('hi');
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-dispatch-mark"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-dispatch-error"]')?.textContent).toContain(
      'अनुमोदित संस्करण पर डिजिटल हस्ताक्षर नहीं किए हैं'
    );
  });

  it('asks the repository only for letters issued by CRU, in the Dispatches of the department’s registered files', () => {
    expect(dispatchRegisterQuery('eo-gad', 'pending')).toBe(
      '(TYPE:"eo:dispatch" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Files/*/*/*/cm:Dispatches/*") AND =eo:dispatchMode:"byCru" AND =eo:dispatchStatus:"pending"'
    );
    expect(dispatchRegisterQuery('eo-gad', 'dispatched')).toContain('=eo:dispatchStatus:"issuedDispatched"');
  });
});
