import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { deferred, provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { DueItem } from '../records.model';
import { NoOpenTransfer, RecordsService } from '../records.service';
import { DispositionDueSmartComponent } from './disposition-due.smart-component';

const destroyDue: DueItem = {
  itemId: 'f1',
  itemName: 'A-12-2026-Estt',
  location: 'C-5',
  step: 'destroy',
  asOf: '2031-12-01T00:00:00.000Z',
  eventsEligible: false
};
const cutoffDue: DueItem = { itemId: 'f2', itemName: 'A-13-2026-Estt', location: 'C-5', step: 'cutoff', asOf: null, eventsEligible: true };

describe('DispositionDueSmartComponent', () => {
  let due: jasmine.Spy;
  let destroyedBy: jasmine.Spy;
  let execute: jasmine.Spy;

  beforeEach(() => {
    due = jasmine.createSpy('due').and.resolveTo([destroyDue, cutoffDue]);
    destroyedBy = jasmine.createSpy('destroyedBy').and.resolveTo(['A-12-2026-Estt', 'Green note 1', 'Letter to SSC']);
    execute = jasmine.createSpy('execute').and.resolveTo(undefined);
    TestBed.configureTestingModule({
      imports: [DispositionDueSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        providePageLayout(),
        { provide: RecordsService, useValue: { due, destroyedBy, execute } }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(DispositionDueSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);
  const settle = async (fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };

  it('shows its progress while the due steps are read', () => {
    due.and.returnValue(deferred<DueItem[]>().promise);
    const fixture = TestBed.createComponent(DispositionDueSmartComponent);
    fixture.detectChanges();
    expect(q(fixture.nativeElement, 'eoffice-records-loading')).not.toBeNull();
  });

  it('lists each item with its step due and the Indian date it fell due, or that its events are complete', async () => {
    const { element } = await render();
    const rows = element.querySelectorAll('[data-automation-id="eoffice-records-due-row"]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('A-12-2026-Estt');
    expect(rows[0].textContent).toContain('Destroy');
    expect(rows[0].textContent).toContain('01/12/2031');
    expect(rows[1].textContent).toContain('Cut off');
    expect(rows[1].textContent).toContain('Events complete');
  });

  it('says so when nothing is due, and when the list cannot be read', async () => {
    due.and.resolveTo([]);
    let { element } = await render();
    expect(q(element, 'eoffice-records-empty')?.textContent).toContain('Nothing is due');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [DispositionDueSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        providePageLayout(),
        { provide: RecordsService, useValue: { due: jasmine.createSpy().and.rejectWith(new Error('offline')), destroyedBy, execute } }
      ]
    });
    ({ element } = await render());
    expect(q(element, 'eoffice-records-error')?.textContent).toContain('could not be read');
  });

  it('names every record a destruction destroys before it is confirmed, then executes it', async () => {
    const { fixture, element } = await render();
    q(element, 'eoffice-records-execute')!.click();
    await settle(fixture);
    const list = q(document, 'eoffice-records-destroy-list')!;
    expect(destroyedBy).toHaveBeenCalledOnceWith(destroyDue);
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.textContent!.trim())).toEqual([
      'A-12-2026-Estt',
      'Green note 1',
      'Letter to SSC'
    ]);
    expect(document.querySelector('.cdk-overlay-container')!.textContent).toContain('content cannot be recovered');
    q(document, 'eoffice-records-execute-confirm')!.click();
    await settle(fixture);
    await settle(fixture);
    expect(execute).toHaveBeenCalledOnceWith(destroyDue);
    expect(q(element, 'eoffice-records-due-outcome')?.textContent).toContain('Done: Destroy on A-12-2026-Estt.');
    expect(due).toHaveBeenCalledTimes(2);
  });

  it('shows a held item blocked: its step is not offered until the hold releases it', async () => {
    due.and.resolveTo([{ ...destroyDue, held: true }, cutoffDue]);
    const { element } = await render();
    const rows = element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-due-row"]');
    expect(q(rows[0], 'eoffice-records-due-held')?.textContent).toContain('On legal hold');
    expect((q(rows[0], 'eoffice-records-execute') as HTMLButtonElement).disabled).toBeTrue();
    expect(q(rows[1], 'eoffice-records-due-held')).toBeNull();
    expect((q(rows[1], 'eoffice-records-execute') as HTMLButtonElement).disabled).toBeFalse();
  });

  it('executes nothing when the confirmation is cancelled', async () => {
    const { fixture, element } = await render();
    element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-execute"]')[1].click();
    await settle(fixture);
    expect(destroyedBy).not.toHaveBeenCalled();
    expect(document.querySelector('.cdk-overlay-container')!.textContent).toContain('Execute the step "Cut off" on A-13-2026-Estt now?');
    Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button'))
      .find((b) => b.textContent!.includes('Cancel'))!
      .click();
    await settle(fixture);
    await settle(fixture);
    expect(execute).not.toHaveBeenCalled();
  });

  it("shows the repository's refusal of a step in its words", async () => {
    execute.and.rejectWith(
      new Error(
        JSON.stringify({
          status: { code: 403 },
          message: 'Access Denied.  You do not have the appropriate permissions to perform this operation.'
        })
      )
    );
    const { fixture, element } = await render();
    element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-execute"]')[1].click();
    await settle(fixture);
    q(document, 'eoffice-records-execute-confirm')!.click();
    await settle(fixture);
    await settle(fixture);
    expect(q(element, 'eoffice-records-due-outcome')?.textContent).toContain('The repository refused: Access Denied.');
  });

  it('offers a transfer due, and once under way, completing it with the archives; a vanished transfer is said so', async () => {
    const transferDue: DueItem = {
      itemId: 'f3',
      itemName: 'A-7-2026-Estt',
      location: 'A',
      step: 'transfer',
      asOf: null,
      eventsEligible: true
    };
    const inTransfer: DueItem = { ...transferDue, itemId: 'f4', itemName: 'A-8-2026-Estt', step: 'accession', inTransfer: true };
    due.and.resolveTo([transferDue, inTransfer]);
    const { fixture, element } = await render();
    const buttons = element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-execute"]');
    expect(buttons[0].textContent).toContain('Transfer');
    expect(element.querySelectorAll('[data-automation-id="eoffice-records-in-transfer"]').length).toBe(1);
    expect(buttons[1].textContent).toContain('Complete Accession');
    execute.and.rejectWith(new NoOpenTransfer());
    buttons[1].click();
    await settle(fixture);
    expect(document.querySelector('.cdk-overlay-container')!.textContent).toContain('Complete Accession');
    q(document, 'eoffice-records-execute-confirm')!.click();
    await settle(fixture);
    await settle(fixture);
    expect(execute).toHaveBeenCalledOnceWith(inTransfer);
    expect(q(element, 'eoffice-records-due-outcome')?.textContent).toContain('No open transfer holds this item');
  });
});
