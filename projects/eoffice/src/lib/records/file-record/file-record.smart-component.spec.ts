import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { provideEnglish, provideJsApi } from '../../shared/testing/spec-support.spec';
import { FileRecord, FileRecordService } from './file-record.service';
import { FileRecordSmartComponent } from './file-record.smart-component';

const asRecord: FileRecord = {
  folder: 'C-5 / A-11011_5_2026-EST-GAD',
  category: 'C-5',
  recordCategory: 'C',
  retentionYears: 5,
  held: false,
  papers: [
    { id: 'n1', name: '000001 (2026-0000000008)', identifier: '2026-0000000008', completed: true, held: false },
    { id: 'c1', name: 'PUC (2026-0000000009)', identifier: '2026-0000000009', completed: true, held: false }
  ],
  nextStep: { step: 'cutoff', asOf: null }
};

@Component({ imports: [FileRecordSmartComponent], template: `<eoffice-file-record [fileId]="fileId()" />` })
class HostComponent {
  readonly fileId = signal('file-1');
}

describe('FileRecordSmartComponent', () => {
  let read: jasmine.Spy;

  beforeEach(() => {
    read = jasmine.createSpy('read').and.resolveTo(asRecord);
    TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [...provideEnglish(), { provide: FileRecordService, useValue: { read } }]
    });
  });

  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows a closed file as a record: its folder, category, retention, next step and each paper badged', async () => {
    const { element } = await render();
    expect(read).toHaveBeenCalledOnceWith('file-1');
    expect(q(element, 'eoffice-file-record')?.textContent).toContain('Kept as a record');
    expect(q(element, 'eoffice-file-record-folder')?.textContent?.trim()).toBe('C-5 / A-11011_5_2026-EST-GAD');
    expect(q(element, 'eoffice-file-record-category')?.textContent?.trim()).toBe('C-5');
    expect(q(element, 'eoffice-file-record-retention')?.textContent).toContain('C — keep for a specified period');
    expect(q(element, 'eoffice-file-record-retention')?.textContent).toContain('5 years');
    expect(q(element, 'eoffice-file-record-next')?.textContent).toContain('Cut off');
    expect(q(element, 'eoffice-file-record-held')).toBeNull();
    const papers = Array.from(element.querySelectorAll('[data-automation-id="eoffice-file-record-paper"]'));
    expect(papers.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Record 000001 (2026-0000000008)',
      'Record PUC (2026-0000000009)'
    ]);
    // Nothing in the panel offers to change a record.
    expect(q(element, 'eoffice-file-record')?.querySelector('button')).toBeNull();
  });

  it('says when a legal hold holds the file', async () => {
    read.and.resolveTo({ ...asRecord, held: true, papers: asRecord.papers.map((p) => ({ ...p, held: true })) });
    const { element } = await render();
    expect(q(element, 'eoffice-file-record-held')?.textContent).toContain('On legal hold');
  });

  it('shows nothing for a file none of whose papers is a record, or whose papers cannot be read', async () => {
    read.and.resolveTo(null);
    const { fixture, element } = await render();
    expect(q(element, 'eoffice-file-record')).toBeNull();
    read.and.rejectWith({ status: 403 });
    fixture.componentInstance.fileId.set('file-2');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(q(element, 'eoffice-file-record')).toBeNull();
  });
});

describe('FileRecordService', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideJsApi({})] }));

  it('reads the records among the papers of Notes, Correspondence and Dispatches, with their folder from the record path', async () => {
    spyOn(NodesApi.prototype, 'getNode').and.resolveTo({
      entry: { id: 'file-1', properties: { 'eo:recordCategory': 'C', 'eo:retentionYears': 5, 'eo:closedAt': '2026-12-07T10:00:00.000Z' } }
    } as never);
    const path = { name: '/Company Home/Sites/rm/documentLibrary/C/C-5/A-11011_5_2026-EST-GAD' };
    const children = spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(async (id: string) => {
      const page = (entries: object[]) => ({ list: { entries: entries.map((entry) => ({ entry })) } }) as never;
      if (id === 'file-1')
        return page([
          { id: 'notes', name: 'Notes' },
          { id: 'corr', name: 'Correspondence' },
          { id: 'moves', name: 'Movements' }
        ]);
      if (id === 'notes')
        return page([
          { id: 'n1', name: '000001 (2026-0000000008)', aspectNames: ['rma:record', 'rma:declaredRecord', 'rma:frozen'], path },
          { id: 'n2', name: '000002', aspectNames: [] }
        ]);
      return page([
        { id: 'c1', name: 'PUC (2026-0000000009)', aspectNames: ['rma:record'], properties: { 'rma:identifier': '2026-0000000009' }, path }
      ]);
    });
    spyOn(NodesApi.prototype, 'listParents').and.resolveTo({ list: { entries: [] } } as never);
    // The officer may not read the folder's retention action: the next step is the one C-5's schedule sets
    // from what the records say (not cut off yet: the cut-off, due when the case closed), and nothing fails.
    spyOn(SearchApi.prototype, 'search').and.rejectWith({ status: 403 });

    const record = await TestBed.inject(FileRecordService).read('file-1');
    expect(children.calls.allArgs().map(([id]) => id)).toEqual(['file-1', 'notes', 'corr']);
    expect(record).toEqual({
      folder: 'C / C-5 / A-11011_5_2026-EST-GAD',
      category: 'C-5',
      recordCategory: 'C',
      retentionYears: 5,
      held: true,
      papers: [
        { id: 'n1', name: '000001 (2026-0000000008)', identifier: '', completed: true, held: true },
        { id: 'c1', name: 'PUC (2026-0000000009)', identifier: '2026-0000000009', completed: false, held: false }
      ],
      nextStep: { step: 'cutoff', asOf: '2026-12-07T10:00:00.000Z' }
    });
  });

  it('after the cut-off, an officer is told the retention ends the category’s years later; a records manager reads the real step', async () => {
    spyOn(NodesApi.prototype, 'getNode').and.resolveTo({ entry: { id: 'file-1', properties: { 'eo:recordCategory': 'C' } } } as never);
    const path = { name: '/Company Home/Sites/rm/documentLibrary/C/C-5/A-11011_5_2026-EST-GAD' };
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(async (id: string) => {
      const page = (entries: object[]) => ({ list: { entries: entries.map((entry) => ({ entry })) } }) as never;
      if (id === 'file-1') return page([{ id: 'notes', name: 'Notes' }]);
      return page([
        {
          id: 'n1',
          name: '000001 (2026-0000000008)',
          aspectNames: ['rma:record', 'rma:declaredRecord', 'rma:cutOff'],
          properties: { 'rma:cutOffDate': '2026-12-08T09:00:00.000Z' },
          path
        }
      ]);
    });
    spyOn(NodesApi.prototype, 'listParents').and.resolveTo({ list: { entries: [{ entry: { id: 'folder-1' } }] } } as never);
    const search = spyOn(SearchApi.prototype, 'search').and.resolveTo({ list: { entries: [] } } as never);
    const service = TestBed.inject(FileRecordService);
    expect((await service.read('file-1'))?.nextStep).toEqual({ step: 'retain', asOf: '2031-12-08T09:00:00.000Z' });

    search.and.resolveTo({
      list: {
        entries: [{ entry: { properties: { 'rma:dispositionAction': 'destroy', 'rma:dispositionAsOf': '2031-12-08T09:00:00.000Z' } } }]
      }
    } as never);
    expect((await service.read('file-1'))?.nextStep).toEqual({ step: 'destroy', asOf: '2031-12-08T09:00:00.000Z' });
  });
});
