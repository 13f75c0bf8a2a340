import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { provideEnglish } from '../../shared/testing/spec-support.spec';
import { RecordFolderRow } from '../records.model';
import { RecordsService } from '../records.service';
import { RecordFoldersSmartComponent } from './record-folders.smart-component';

const open: RecordFolderRow = {
  id: 'rf1',
  name: 'A-11011_5_2026-EST-GAD',
  title: 'A-11011/5/2026-EST-GAD',
  identifier: '2026-0000000007',
  closed: true,
  cutOff: true,
  held: false
};
const held: RecordFolderRow = { ...open, id: 'rf2', name: 'A-11011_6_2026-EST-GAD', title: 'A-11011/6/2026-EST-GAD', held: true };

@Component({ imports: [RecordFoldersSmartComponent], template: `<eoffice-record-folders categoryId="c5" />` })
class HostComponent {}

describe('RecordFoldersSmartComponent', () => {
  let service: Record<string, jasmine.Spy>;

  beforeEach(() => {
    service = {
      recordFolders: jasmine.createSpy('recordFolders').and.resolveTo([open, held]),
      folderRecords: jasmine
        .createSpy('folderRecords')
        .and.resolveTo([
          { id: 'r1', name: '000001 (2026-0000000008)', identifier: '2026-0000000008', completed: true, held: false, destroyed: false }
        ]),
      holds: jasmine.createSpy('holds').and.resolveTo([{ id: 'h1', name: 'RTI appeal 45 of 2026', reason: 'RTI first appeal' }]),
      putOnHold: jasmine.createSpy('putOnHold').and.resolveTo(undefined)
    };
    TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [...provideEnglish(), provideNoopAnimations(), provideRouter([]), { provide: RecordsService, useValue: service }]
    });
  });

  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);
  const all = (root: ParentNode, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-automation-id="${id}"]`));
  async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }
  async function opened() {
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;
    q(element, 'eoffice-records-folders-toggle')!.click();
    await settle(fixture);
    return { fixture, element };
  }

  it('reads the folders only when opened, each by its file number with closed, cut off and held shown', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
    expect(service['recordFolders']).not.toHaveBeenCalled();
    q(fixture.nativeElement, 'eoffice-records-folders-toggle')!.click();
    await settle(fixture);
    expect(service['recordFolders']).toHaveBeenCalledOnceWith('c5');
    const folders = all(fixture.nativeElement, 'eoffice-records-folder');
    expect(folders.map((f) => q(f, 'eoffice-records-folder-title')?.textContent?.trim())).toEqual([
      'A-11011/5/2026-EST-GAD',
      'A-11011/6/2026-EST-GAD'
    ]);
    expect(folders[0].textContent).toContain('Closed');
    expect(folders[0].textContent).toContain('Cut off');
    expect(q(folders[0], 'eoffice-records-folder-held')).toBeNull();
    // A held folder says so, and is not offered the hold again.
    expect(q(folders[1], 'eoffice-records-folder-held')?.textContent).toContain('On legal hold');
    expect(q(folders[1], 'eoffice-records-folder-hold')).toBeNull();
  });

  it('shows a folder’s records with their record state', async () => {
    const { fixture, element } = await opened();
    q(all(element, 'eoffice-records-folder')[0], 'eoffice-records-folder-records-toggle')!.click();
    await settle(fixture);
    expect(service['folderRecords']).toHaveBeenCalledOnceWith('rf1');
    const record = q(element, 'eoffice-records-record')!;
    expect(record.textContent).toContain('000001 (2026-0000000008)');
    expect(record.textContent).toContain('Completed');
  });

  it('puts a folder on the hold chosen, then reads the folders again', async () => {
    const { fixture, element } = await opened();
    q(all(element, 'eoffice-records-folder')[0], 'eoffice-records-folder-hold')!.click();
    await settle(fixture);
    // The one hold there is comes chosen.
    const confirm = q(element, 'eoffice-records-folder-hold-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBeFalse();
    confirm.click();
    await settle(fixture);
    expect(service['putOnHold']).toHaveBeenCalledOnceWith('h1', 'rf1');
    expect(service['recordFolders']).toHaveBeenCalledTimes(2);
    expect(q(element, 'eoffice-records-folder-hold-confirm')).toBeNull();
  });

  it("shows the repository's refusal in its words", async () => {
    service['putOnHold'].and.rejectWith(new Error(JSON.stringify({ error: { briefSummary: '01020004 Access Denied' } })));
    const { fixture, element } = await opened();
    q(all(element, 'eoffice-records-folder')[0], 'eoffice-records-folder-hold')!.click();
    await settle(fixture);
    q(element, 'eoffice-records-folder-hold-confirm')!.click();
    await settle(fixture);
    expect(q(element, 'eoffice-records-folder-refused')?.textContent).toContain('Access Denied');
  });

  it('says when there are no holds to put it on', async () => {
    service['holds'].and.resolveTo([]);
    const { fixture, element } = await opened();
    q(all(element, 'eoffice-records-folder')[0], 'eoffice-records-folder-hold')!.click();
    await settle(fixture);
    expect(element.textContent).toContain('There are no legal holds yet');
    expect(q(element, 'eoffice-records-folder-hold-confirm')).toBeNull();
  });
});
