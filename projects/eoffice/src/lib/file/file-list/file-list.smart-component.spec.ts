import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { Hierarchy, WorkingDays } from '@eoffice/domain';
import { WEEKLY_OFFS_ONLY, WorkingDaysService } from '../../shared/calendar/working-days.service';
import { toEFile } from '../model/file.model';
import { FileService } from '../services/file.service';
import { FileListSmartComponent } from './file-list.smart-component';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

const hierarchy: Hierarchy = {
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration Department', hi: 'सामान्य प्रशासन विभाग' }, site: 'eo-gad' },
  sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
  posts: [
    {
      code: 'US_EST',
      level: 3,
      section: 'EST',
      designation: { en: 'Under Secretary', hi: 'अवर सचिव' },
      incumbent: 'kavita.joshi',
      incumbentName: { en: 'Kavita Joshi', hi: 'कविता जोशी' }
    },
    {
      code: 'SO_EST',
      level: 2,
      section: 'EST',
      reportsTo: 'US_EST',
      designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' },
      incumbent: 'priya.nair',
      incumbentName: { en: 'Priya Nair', hi: 'प्रिया नायर' }
    }
  ],
  channel: { maxLevelJump: 4, sameLevelInSection: true, returnThroughJumpedLevels: true, allow: [] }
};

/** An eo:file as the search returns it: sent back by the Under Secretary to the Section Officer. */
function fileNode(id: string, fileNumber: string, properties: Record<string, unknown> = {}) {
  return {
    id,
    createdAt: '2026-11-02T05:00:00.000+0000',
    properties: {
      'eo:fileNumber': fileNumber,
      'eo:subject': 'Recruitment of Stenographers',
      'eo:status': 'inMovement',
      'eo:currentHolder': 'GROUP_EO_GAD_SO_EST',
      'eo:heldSince': '2026-11-24T06:30:00.000+0000',
      'eo:urgency': 'Normal',
      ...properties
    }
  };
}

describe('FileListSmartComponent', () => {
  let listName: string;
  let list: jasmine.Spy;
  let posts: string[];

  beforeEach(() => {
    listName = 'inbox';
    posts = ['GROUP_EO_GAD_SO_EST'];
    list = jasmine.createSpy('list').and.resolveTo({
      files: [
        toEFile(
          fileNode('returned', 'A-11011/5/2026-EST-GAD', {
            'eo:previousHolder': 'GROUP_EO_GAD_US_EST',
            'eo:dueDate': '2026-11-30T00:00:00.000+0000',
            'eo:lastRemarks': 'Add last year figures'
          })
        ),
        toEFile(fileNode('own', 'A-11011/6/2026-EST-GAD'))
      ],
      totalItems: 2,
      unopened: ['returned']
    });
    TestBed.configureTestingModule({
      imports: [FileListSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: ActivatedRoute, useFactory: () => ({ data: of({ list: listName }) }) },
        { provide: FileService, useValue: { list, desk: async () => ({ hierarchy, posts }) } },
        {
          provide: WorkingDaysService,
          useValue: { forYear: async () => ({ days: new WorkingDays(WEEKLY_OFFS_ONLY), installed: false }) }
        },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(FileListSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const headers = (element: HTMLElement) => Array.from(element.querySelectorAll('th')).map((th) => th.textContent?.trim());
  const cells = (element: HTMLElement, id: string) =>
    Array.from(element.querySelectorAll(`[data-automation-id="eoffice-files-${id}"]`)).map((c) => c.textContent?.trim());

  it('Inbox: says who sent each file, when, by when it is due and with what remarks', async () => {
    const element = await render();

    expect(headers(element)).toEqual(['File number', 'Subject', 'Sent by', 'Sent on', 'Due on', 'Remarks', 'Urgency', 'Days pending']);
    expect(cells(element, 'number')).toEqual(['A-11011/5/2026-EST-GAD', 'A-11011/6/2026-EST-GAD']);
    expect(cells(element, 'sent-by')).toEqual(['Kavita Joshi (Under Secretary, Establishment)', '']);
    // 06:30 UTC is noon in the office (IST); a file opened here and never sent was sent by nobody
    expect(cells(element, 'sent-on')).toEqual(['24/11/2026 12:00', '']);
    expect(cells(element, 'due-on')).toEqual(['30/11/2026', '']);
    expect(cells(element, 'remarks')).toEqual(['Add last year figures', '']);
  });

  it("Approver's Inbox: a request to close names the Section Officer who asked, when and why, not the file's last sender", async () => {
    posts = ['GROUP_EO_GAD_US_EST'];
    list.and.resolveTo({
      files: [
        toEFile(
          fileNode('asked', 'A-11011/5/2026-EST-GAD', {
            // the Under Secretary sent it down on 24/11 with her remarks; the Section Officer asks to close it on 26/11
            'eo:previousHolder': 'GROUP_EO_GAD_US_EST',
            'eo:dueDate': '2026-11-30T00:00:00.000+0000',
            'eo:lastRemarks': 'Add last year figures',
            'eo:pendingRequest': 'close',
            'eo:pendingRequester': 'GROUP_EO_GAD_SO_EST',
            'eo:approverPost': 'GROUP_EO_GAD_US_EST',
            'eo:pendingRemarks': 'Orders issued; nothing remains',
            'eo:pendingSince': '2026-11-26T09:15:00.000+0000'
          })
        )
      ],
      totalItems: 1,
      unopened: []
    });
    const element = await render();

    expect(cells(element, 'sent-by')).toEqual(['Priya Nair (Section Officer, Establishment)']);
    expect(cells(element, 'sent-on')).toEqual(['26/11/2026 14:45']);
    expect(cells(element, 'due-on')).toEqual(['']);
    expect(cells(element, 'remarks')).toEqual(['Asked to approve closing: Orders issued; nothing remains']);
  });

  it('Inbox: shows the files not opened yet in bold, the opened ones not', async () => {
    const element = await render();
    const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-files-row"]'));
    const weight = (row: HTMLElement) => Number(getComputedStyle(row.querySelector('td')!).fontWeight);

    expect(weight(rows[0])).toBeGreaterThanOrEqual(600);
    expect(weight(rows[1])).toBeLessThan(600);
    expect(rows[0].title).toBe('Not yet opened');
    expect(rows[1].title).toBe('');
  });

  it('never breaks a file number over two lines', async () => {
    const element = await render();
    const cell = element.querySelector('[data-automation-id="eoffice-files-number"]')!.closest('td')!;
    expect(getComputedStyle(cell).whiteSpace).toBe('nowrap');
  });

  it('Closed: shows when each file was closed instead of days pending', async () => {
    listName = 'closed';
    list.and.resolveTo({
      files: [
        toEFile(fileNode('closed', 'A-11011/2/2026-EST-GAD', { 'eo:status': 'closed', 'eo:closedAt': '2026-12-01T09:00:00.000+0000' }))
      ],
      totalItems: 1,
      unopened: []
    });
    const element = await render();

    expect(list).toHaveBeenCalledWith('closed', jasmine.anything());
    expect(headers(element)).toContain('Closed on');
    expect(headers(element)).not.toContain('Days pending');
    expect(cells(element, 'closed-on')).toEqual(['01/12/2026']);
    expect(cells(element, 'pending')).toEqual([]);
    expect(cells(element, 'sent-by')).toEqual([]);
  });
});
