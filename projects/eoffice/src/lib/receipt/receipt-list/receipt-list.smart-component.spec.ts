import { WEEKLY_OFFS_ONLY, WorkingDaysService } from '../../shared/calendar/working-days.service';
import { WorkingDays } from '@eoffice/domain';
import { TestBed } from '@angular/core/testing';
import { TableExportService } from '../../shared/export/table-export.service';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { receiptNode, registryHierarchy } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { ReceiptService } from '../services/receipt.service';
import { ReceiptListSmartComponent } from './receipt-list.smart-component';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

/** The department with the names of its officers, as the installer records them. */
const hierarchy = {
  ...registryHierarchy,
  posts: registryHierarchy.posts.map((p) => (p.code === 'SO_ADM' ? { ...p, incumbentName: { en: 'Suresh Yadav', hi: 'सुरेश यादव' } } : p))
};

describe('ReceiptListSmartComponent', () => {
  let list: jasmine.Spy;
  let listName: string;

  beforeEach(() => {
    const fresh = { ...toReceipt(receiptNode), heldSince: new Date().toISOString() };
    const old = { ...toReceipt(receiptNode), id: 'old', receiptNumber: '3/2026/EST-GAD', heldSince: '2026-01-05T10:00:00.000Z' };
    listName = 'created';
    list = jasmine.createSpy('list').and.resolveTo({ receipts: [fresh, old], totalItems: 41 });
    TestBed.configureTestingModule({
      imports: [ReceiptListSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: ActivatedRoute, useFactory: () => ({ data: of({ list: listName }) }) },
        { provide: ReceiptService, useValue: { list, desk: async () => ({ hierarchy, posts: ['GROUP_EO_GAD_CRU'] }) } },
        {
          provide: WorkingDaysService,
          useValue: { forYear: async () => ({ days: new WorkingDays(WEEKLY_OFFS_ONLY), installed: false }) }
        },
        { provide: TableExportService, useValue: { export: jasmine.createSpy('export').and.resolveTo() } },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(ReceiptListSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the first page of Created, newest first, with the total for the paginator', async () => {
    const { element } = await render();

    expect(list).toHaveBeenCalledOnceWith(
      'created',
      jasmine.objectContaining({ skipCount: 0, maxItems: 25, sort: { field: 'diarisedDate', ascending: false } })
    );
    const numbers = Array.from(element.querySelectorAll('[data-automation-id="eoffice-receipts-number"]')).map((a) =>
      a.textContent?.trim()
    );
    expect(numbers).toEqual(['12/2026/EST-GAD', '3/2026/EST-GAD']);
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('41');
  });

  it('shows the sender as "name, organisation" with no space before the comma', async () => {
    const { element } = await render();
    const sender = element.querySelector('[data-automation-id="eoffice-receipts-sender"]')?.textContent?.trim();

    expect(sender).toBe('Anil Deshmukh, General Administration Department');
  });

  it('colours days pending against the 7-working-day norm', async () => {
    const { element } = await render();
    const badges = element.querySelectorAll('[data-automation-id="eoffice-receipts-pending"]');

    expect(badges[0].classList).toContain('eoffice-pendency--within');
    expect(badges[1].classList).toContain('eoffice-pendency--over');
  });

  it('asks the server again with the filters and from the first page', async () => {
    const { fixture } = await render();
    fixture.componentInstance.list.page({ pageIndex: 1, pageSize: 25, length: 41 });
    fixture.componentInstance.filters.patchValue({ form: 'physical', urgency: 'Immediate' });
    fixture.componentInstance.applyFilters();

    expect(list.calls.mostRecent().args[1]).toEqual(
      jasmine.objectContaining({ skipCount: 0, filters: jasmine.objectContaining({ form: 'physical', urgency: 'Immediate' }) })
    );
  });

  it('sorts on the server', async () => {
    const { fixture } = await render();
    fixture.componentInstance.list.sortBy({ active: 'heldSince', direction: 'asc' });

    expect(list.calls.mostRecent().args[1].sort).toEqual({ field: 'heldSince', ascending: true });
  });

  it('says so when the repository cannot be read', async () => {
    list.and.rejectWith(new Error('500'));
    const { element } = await render();

    expect(element.querySelector('[data-automation-id="eoffice-receipts-error"]')).not.toBeNull();
  });

  it('exports the dak register of the list as filtered, paging through the whole list on the server', async () => {
    const fixture = TestBed.createComponent(ReceiptListSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    const table = fixture.componentInstance.registerTable();
    const source = table.rows as (page: { skipCount: number; maxItems: number }) => Promise<{ rows: unknown[]; totalItems: number }>;
    list.calls.reset();
    await source({ skipCount: 100, maxItems: 100 });
    expect(list).toHaveBeenCalledWith('created', jasmine.objectContaining({ skipCount: 100, maxItems: 100 }));
    expect(table.columns.map((c) => c.header)).toContain('Receipt number');
    expect(table.title).toContain('Dak register');
  });

  it('exports words, not codes: the status and section as officers read them, and whom a sent receipt went to', async () => {
    const sent = {
      ...toReceipt(receiptNode),
      status: 'inMovement',
      currentHolder: 'GROUP_EO_GAD_SO_ADM',
      previousHolder: 'GROUP_EO_GAD_CRU'
    };
    list.and.resolveTo({ receipts: [sent, toReceipt(receiptNode)], totalItems: 2 });
    const fixture = TestBed.createComponent(ReceiptListSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    const table = fixture.componentInstance.registerTable();
    const { rows } = await (table.rows as (page: { skipCount: number; maxItems: number }) => Promise<{ rows: (typeof sent)[] }>)({
      skipCount: 0,
      maxItems: 100
    });
    const cell = (header: string, row: (typeof rows)[number]) => table.columns.find((c) => c.header === header)!.value(row);

    expect(cell('Status', rows[0])).toBe('In movement');
    expect(cell('Section', rows[0])).toBe('Establishment');
    expect(cell('Sent to', rows[0])).toBe('Suresh Yadav (Section Officer, Administration)');
    expect(cell('Sent to', rows[1])).withContext('not sent yet').toBe('');
    expect(table.columns.map((c) => c.value(rows[0]))).not.toContain('inMovement');
  });

  it('offers read/unread in the Inbox and passes it to the server with the other filters', async () => {
    listName = 'inbox';
    const { fixture, element } = await render();
    expect(element.querySelector('[data-automation-id="eoffice-receipts-filter-read"]')).not.toBeNull();
    fixture.componentInstance.filters.patchValue({ read: 'unread' });
    fixture.componentInstance.applyFilters();

    expect(list).toHaveBeenCalledWith(
      'inbox',
      jasmine.objectContaining({ skipCount: 0, filters: jasmine.objectContaining({ read: 'unread' }) })
    );
  });

  it('does not offer read/unread where it means nothing (Created)', async () => {
    const { element } = await render();
    expect(element.querySelector('[data-automation-id="eoffice-receipts-filter-read"]')).toBeNull();
  });
  describe('Inbox', () => {
    /** A receipt the Section Officer (Administration) sent on with remarks and a due date, as the search returns it. */
    const sentNode = {
      ...receiptNode,
      id: 'sent',
      properties: {
        ...receiptNode.properties,
        'eo:status': 'inMovement',
        'eo:previousHolder': 'GROUP_EO_GAD_SO_ADM',
        'eo:heldSince': '2026-11-24T06:30:00.000+0000',
        'eo:dueDate': '2026-11-30T00:00:00.000+0000',
        'eo:lastRemarks': 'Please examine and put up'
      }
    };

    beforeEach(() => {
      listName = 'inbox';
      const diarised = { ...toReceipt(receiptNode), id: 'diarised', receiptNumber: '3/2026/EST-GAD' };
      list.and.resolveTo({ receipts: [toReceipt(sentNode), diarised], totalItems: 2, unopened: ['sent'] });
    });

    const cells = (element: HTMLElement, id: string) =>
      Array.from(element.querySelectorAll(`[data-automation-id="eoffice-receipts-${id}"]`)).map((c) => c.textContent?.trim());

    it('says who sent each receipt, when, by when it is due and with what remarks', async () => {
      const { element } = await render();

      const headers = Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim());
      expect(headers).toEqual(jasmine.arrayContaining(['Sent by', 'Sent on', 'Due on', 'Remarks']));
      expect(cells(element, 'sent-by')).toEqual(['Suresh Yadav (Section Officer, Administration)', '']);
      // 06:30 UTC is noon in the office (IST)
      expect(cells(element, 'sent-on')).toEqual(['24/11/2026 12:00', '']);
      expect(cells(element, 'due-on')).toEqual(['30/11/2026', '']);
      expect(cells(element, 'remarks')).toEqual(['Please examine and put up', '']);
    });

    it('shows the receipts not opened yet in bold, the opened ones not', async () => {
      const { element } = await render();
      const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-receipts-row"]'));
      const weight = (row: HTMLElement) => Number(getComputedStyle(row.querySelector('td')!).fontWeight);

      expect(rows.map((row) => row.querySelector('[data-automation-id="eoffice-receipts-number"]')?.textContent?.trim())).toEqual([
        '12/2026/EST-GAD',
        '3/2026/EST-GAD'
      ]);
      expect(weight(rows[0])).toBeGreaterThanOrEqual(600);
      expect(weight(rows[1])).toBeLessThan(600);
      expect(rows[0].title).toBe('Not yet opened');
    });

    it('fits beside the navigation on a 1366 px screen: diarised date, form and urgency under the number', async () => {
      const { element } = await render();

      const headers = Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim());
      expect(headers).not.toContain('Diarised date');
      expect(headers).not.toContain('Receipt form');
      expect(headers).not.toContain('Urgency');
      expect(cells(element, 'marks')).toEqual(['20/11/2026 · Electronic · Immediate', '20/11/2026 · Electronic · Immediate']);
    });

    it('never breaks a receipt number over two lines', async () => {
      const { element } = await render();
      const cell = element.querySelector('[data-automation-id="eoffice-receipts-number"]')!.closest('td')!;
      expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
    });
  });

  it('folds the filters behind a "Filters" button that says whether they are open', async () => {
    const { fixture, element } = await render();
    const toggle = element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipts-filters-toggle"]')!;
    const form = element.querySelector('#eoffice-receipt-filters')!;
    expect(toggle.textContent).toContain('Filters');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(form.classList).not.toContain('eoffice-filters--open');

    toggle.click();
    fixture.detectChanges();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(form.classList).toContain('eoffice-filters--open');
  });

  it('shows no sender columns outside the Inbox (Created)', async () => {
    const { element } = await render();
    const headers = Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).not.toContain('Sent by');
    expect(headers).not.toContain('Remarks');
  });
});
