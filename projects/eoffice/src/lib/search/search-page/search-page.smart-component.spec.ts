import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { registryHierarchy } from '../../receipt/mock/receipt.mock';
import { EofficeSearchService } from '../search.service';
import { SEARCH_DEBOUNCE_MS, SearchPageSmartComponent } from './search-page.smart-component';
import { SearchResult } from '@eoffice/domain';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

const found: SearchResult = {
  total: 2,
  hits: [
    {
      id: 'r1',
      kind: 'receipt',
      number: '82/2026/ADM-GAD',
      computerNumber: '2026000082',
      subject: 'Pay fixation of Shri Verma',
      sender: 'R. Sharma, Ministry of Finance',
      holder: 'GROUP_EO_GAD_SO_ADM',
      status: 'inMovement',
      date: '2026-11-30T05:00:00.000Z',
      modifiedAt: '2026-12-01T10:00:00.000Z'
    },
    {
      id: 'f1',
      kind: 'file',
      number: 'A-11011/5/2026-EST-GAD',
      computerNumber: '',
      subject: 'Pay fixation policy',
      sender: '',
      holder: 'GROUP_EO_GAD_SO_ADM',
      status: 'parked',
      date: '2026-10-01T05:00:00.000Z',
      modifiedAt: '2026-10-02T05:00:00.000Z'
    }
  ],
  facets: {
    kind: [
      { group: 'kind', value: 'receipt', count: 1 },
      { group: 'kind', value: 'file', count: 1 }
    ],
    status: [],
    year: [{ group: 'year', value: '2026', count: 2 }],
    section: [{ group: 'section', value: 'ADM', count: 2 }],
    holder: []
  }
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SearchPageSmartComponent', () => {
  let search: jasmine.Spy;

  beforeEach(() => {
    search = jasmine.createSpy('search').and.resolveTo(found);
    TestBed.configureTestingModule({
      imports: [SearchPageSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: EofficeSearchService, useValue: { search, desk: async () => ({ hierarchy: registryHierarchy, posts: [] }) } },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(SearchPageSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  async function type(fixture: Awaited<ReturnType<typeof render>>['fixture'], value: string) {
    const box = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('[data-automation-id="eoffice-search-box"]')!;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await wait(SEARCH_DEBOUNCE_MS + 50);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('explains what to type before any search and asks the repository nothing', async () => {
    const { element } = await render();
    expect(element.querySelector('[data-automation-id="eoffice-search-start"]')?.textContent).toContain('receipt or file number');
    expect(search).not.toHaveBeenCalled();
  });

  it('searches once the officer pauses, not on every key', async () => {
    const { fixture, element } = await render();
    const box = element.querySelector<HTMLInputElement>('[data-automation-id="eoffice-search-box"]')!;
    for (const value of ['p', 'pa', 'pay']) {
      box.value = value;
      box.dispatchEvent(new Event('input'));
    }
    await wait(SEARCH_DEBOUNCE_MS + 50);
    await fixture.whenStable();
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.calls.mostRecent().args[0]).toBe('pay');
  });

  it('lists receipts and files with kind, number linking to their page, sender, holder, status and office date', async () => {
    const { fixture, element } = await render();
    await type(fixture, 'pay');
    const receipt = element.querySelector('[data-automation-id="eoffice-search-hit-r1"]')!;
    expect(receipt.textContent).toContain('Receipt');
    expect(receipt.textContent).toContain('From: R. Sharma, Ministry of Finance');
    expect(receipt.textContent).toContain('In movement');
    expect(receipt.textContent).toContain('Section Officer');
    expect(receipt.textContent).toContain('30/11/2026');
    expect(receipt.querySelector('a')!.getAttribute('href')).toBe('/eoffice/receipts/r1');
    const file = element.querySelector('[data-automation-id="eoffice-search-hit-f1"]')!;
    expect(file.textContent).toContain('File');
    expect(file.querySelector('a')!.getAttribute('href')).toBe('/eoffice/files/f1');
    expect(element.querySelector('[data-automation-id="eoffice-search-total"]')?.textContent).toContain('2 found');
  });

  it('shows facet chips with counts and narrows the search by the one chosen', async () => {
    const { fixture, element } = await render();
    await type(fixture, 'pay');
    const chip = element.querySelector<HTMLElement>('[data-automation-id="eoffice-search-chip-section-ADM"]')!;
    expect(chip.textContent).toContain('Administration (2)');
    chip.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(search.calls.mostRecent().args[1]).toEqual(jasmine.objectContaining({ section: 'ADM' }));
    expect(element.querySelector('[data-automation-id="eoffice-search-chosen-section"]')?.textContent).toContain('Section: Administration');
  });

  it('says so when nothing the officer may open matches', async () => {
    search.and.resolveTo({ total: 0, hits: [], facets: { kind: [], status: [], year: [], section: [], holder: [] } });
    const { fixture, element } = await render();
    await type(fixture, 'zzz');
    expect(element.querySelector('[data-automation-id="eoffice-search-empty"]')).not.toBeNull();
  });

  it('reports a failed search and runs it again on request', async () => {
    search.and.rejectWith(new Error('503'));
    const { fixture, element } = await render();
    await type(fixture, 'pay');
    expect(element.querySelector('[data-automation-id="eoffice-search-error"]')?.textContent).toContain('could not be run');
    search.and.resolveTo(found);
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-search-error"] button')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-search-hit-r1"]')).not.toBeNull();
  });

  it('shows progress while a search runs, and drops it (and its answer) when the box is emptied meanwhile', async () => {
    let answer!: (value: typeof found) => void;
    search.and.callFake(() => new Promise((resolve) => (answer = resolve)));
    const { fixture, element } = await render();
    await type(fixture, 'pay');
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();

    await type(fixture, '');
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    answer(found);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-search-hit-r1"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-search-error"]')).toBeNull();
  });
});
