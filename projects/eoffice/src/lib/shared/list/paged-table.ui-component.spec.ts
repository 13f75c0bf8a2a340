import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import en from '../../../../assets/i18n/en.json';
import { PagedList, PageRequest } from './paged-list';
import { PagedTableUiComponent } from './paged-table.ui-component';
import { provideEnglish } from '../testing/spec-support.spec';

interface Row {
  number: string;
  pendingDays: number;
  unread?: boolean;
  sentBy?: string;
  remarks?: string;
  request?: 'close';
}

interface Request extends PageRequest {
  sort: { field: string; ascending: boolean };
}

/** A list page as the receipt and file lists write one: its own number column, and the shared ones. */
@Component({
  imports: [PagedTableUiComponent, MatSortModule, MatTableModule],
  template: `
    <eoffice-paged-table
      [list]="list"
      [columns]="columns"
      name="things"
      errorKey="EOFFICE.RECEIPT.LIST.ERROR"
      emptyKey="EOFFICE.RECEIPT.LIST.EMPTY">
      <ng-container matColumnDef="number">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Number</th>
        <td mat-cell *matCellDef="let row" class="eoffice-card-number" data-automation-id="eoffice-things-number">{{ row.number }}</td>
      </ng-container>
    </eoffice-paged-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
class ListPageComponent {
  columns = ['number', 'sentBy', 'remarks', 'pending'];
  read = jasmine.createSpy('read');
  list = new PagedList<Row, Request>(this.read, { skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });
}

describe('PagedTableUiComponent', () => {
  let rows: Row[];

  beforeEach(() => {
    rows = [
      { number: '12/2026/EST-GAD', pendingDays: 2, unread: true, sentBy: 'Priya Nair (Section Officer, Establishment)', remarks: 'Put up' },
      { number: '3/2026/EST-GAD', pendingDays: 9, sentBy: '', remarks: 'Nothing remains', request: 'close' }
    ];
    TestBed.configureTestingModule({
      imports: [ListPageComponent],
      providers: [...provideEnglish(), provideNoopAnimations()]
    });
  });

  async function render(read: () => Promise<unknown> = async () => ({ rows, totalItems: 41 })) {
    const fixture = TestBed.createComponent(ListPageComponent);
    fixture.componentInstance.read.and.callFake(read);
    void fixture.componentInstance.list.load();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, read: fixture.componentInstance.read };
  }

  const texts = (element: HTMLElement, selector: string) =>
    Array.from(element.querySelectorAll(selector)).map((e) => e.textContent?.trim());

  it('shows the page’s own columns beside the shared ones, in the order asked', async () => {
    const { element } = await render();

    expect(texts(element, 'th')).toEqual(['Number', 'Sent by', 'Remarks', 'Days pending']);
    expect(texts(element, '[data-automation-id="eoffice-things-number"]')).toEqual(['12/2026/EST-GAD', '3/2026/EST-GAD']);
    expect(texts(element, '[data-automation-id="eoffice-things-sent-by"]')).toEqual(['Priya Nair (Section Officer, Establishment)', '']);
    expect(texts(element, '[data-automation-id="eoffice-things-remarks"]')).toEqual([
      'Put up',
      'Asked to approve closing: Nothing remains'
    ]);
  });

  it('colours days pending against the 7-day norm', async () => {
    const { element } = await render();
    const badges = element.querySelectorAll('[data-automation-id="eoffice-things-pending"]');

    expect(texts(element, '[data-automation-id="eoffice-things-pending"]')).toEqual(['2', '9']);
    expect(badges[0].classList).toContain('eoffice-pendency--within');
    expect(badges[1].classList).toContain('eoffice-pendency--over');
    expect(badges[1].getAttribute('title')).toBeTruthy();
  });

  it('shows unopened rows in bold, with a tooltip that says so', async () => {
    const { element } = await render();
    const rowEls = Array.from(element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-things-row"]'));
    const weight = (row: HTMLElement) => Number(getComputedStyle(row.querySelector('td')!).fontWeight);

    expect(weight(rowEls[0])).toBeGreaterThanOrEqual(600);
    expect(weight(rowEls[1])).toBeLessThan(600);
    expect(rowEls[0].title).toBe('Not yet opened');
  });

  it('sorts on the server when a header of the page is clicked, from the first page', async () => {
    const { fixture, element, read } = await render();
    const numberHeader = element.querySelector<HTMLElement>('th .mat-sort-header-container')!;
    numberHeader.click();
    fixture.detectChanges();

    expect(read.calls.mostRecent().args[0]).toEqual(jasmine.objectContaining({ skipCount: 0, sort: { field: 'number', ascending: true } }));
  });

  it('starts with the days pending header showing the list’s own order', async () => {
    const { element } = await render();
    const pending = Array.from(element.querySelectorAll('th')).find((th) => th.textContent?.includes('Days pending'))!;
    expect(pending.getAttribute('aria-sort')).toBe('ascending');
  });

  it('pages through the paginator, which shows the total', async () => {
    const { fixture, element, read } = await render();
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('41');

    element.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')!.click();
    fixture.detectChanges();
    expect(read.calls.mostRecent().args[0]).toEqual(jasmine.objectContaining({ skipCount: 25, maxItems: 25 }));
  });

  it('says so when the list cannot be read, and reads again on Retry', async () => {
    const { fixture, element, read } = await render(() => Promise.reject(new Error('500')));
    const alert = element.querySelector('[data-automation-id="eoffice-things-error"]');
    expect(alert?.textContent).toContain('could not');

    read.and.callFake(async () => ({ rows, totalItems: 2 }));
    alert!.querySelector('button')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-things-error"]')).toBeNull();
    expect(element.querySelectorAll('[data-automation-id="eoffice-things-row"]').length).toBe(2);
  });

  it('says there is nothing here when the page is empty', async () => {
    const { element } = await render(async () => ({ rows: [], totalItems: 0 }));
    expect(element.querySelector('.eoffice-paged-table__empty')?.textContent?.trim()).toBe(en.EOFFICE.RECEIPT.LIST.EMPTY);
  });
});
