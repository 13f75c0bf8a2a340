import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { deferred, provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { LegalHold } from '../records.model';
import { RecordsService } from '../records.service';
import { LegalHoldsSmartComponent } from './legal-holds.smart-component';

const courtCase: LegalHold = { id: 'h1', name: 'WP 1234 of 2026', reason: 'Court case: WP 1234/2026', description: 'High Court' };

describe('LegalHoldsSmartComponent', () => {
  let service: Record<string, jasmine.Spy>;

  beforeEach(() => {
    service = {
      holds: jasmine.createSpy('holds').and.resolveTo([courtCase]),
      createHold: jasmine.createSpy('createHold').and.resolveTo(undefined),
      heldItems: jasmine.createSpy('heldItems').and.resolveTo([{ id: 'f1', name: 'A-12-2026-Estt', nodeType: 'rma:recordFolder' }]),
      release: jasmine.createSpy('release').and.resolveTo(undefined),
      deleteHold: jasmine.createSpy('deleteHold').and.resolveTo(undefined)
    };
    TestBed.configureTestingModule({
      imports: [LegalHoldsSmartComponent],
      providers: [...provideEnglish(), provideNoopAnimations(), providePageLayout(), { provide: RecordsService, useValue: service }]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(LegalHoldsSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);
  const type = (input: HTMLElement, value: string) => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('shows its progress while the holds are read, then each hold with its reason', async () => {
    const pending = deferred<LegalHold[]>();
    service['holds'].and.returnValue(pending.promise);
    const fixture = TestBed.createComponent(LegalHoldsSmartComponent);
    fixture.detectChanges();
    expect(q(fixture.nativeElement, 'eoffice-records-loading')).not.toBeNull();
    pending.resolve([courtCase]);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(q(fixture.nativeElement, 'eoffice-records-hold')?.textContent).toContain('Reason: Court case: WP 1234/2026');
  });

  it('says so when there are no holds, and when they cannot be read', async () => {
    service['holds'].and.resolveTo([]);
    const { fixture, element } = await render();
    expect(q(element, 'eoffice-records-empty')?.textContent).toContain('no legal holds');
    service['holds'].and.rejectWith({ status: 403 });
    await fixture.componentInstance.load();
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-error')?.textContent).toContain('no role in the file plan');
  });

  it('creates a hold with its name, reason and description, then reads the holds again', async () => {
    const { fixture, element } = await render();
    type(q(element, 'eoffice-records-hold-name')!, 'RTI appeal 77');
    type(q(element, 'eoffice-records-hold-reason')!, 'RTI second appeal');
    fixture.detectChanges();
    q(element, 'eoffice-records-hold-create')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service['createHold']).toHaveBeenCalledOnceWith({ name: 'RTI appeal 77', reason: 'RTI second appeal', description: undefined });
    expect(service['holds']).toHaveBeenCalledTimes(2);
  });

  it("shows the repository's refusal of a hold", async () => {
    service['createHold'].and.rejectWith(
      new Error(JSON.stringify({ error: { briefSummary: '01020003 Hold with name WP 1234 of 2026 already exists' } }))
    );
    const { fixture, element } = await render();
    fixture.componentInstance.name.set('WP 1234 of 2026');
    fixture.componentInstance.reason.set('again');
    await fixture.componentInstance.create();
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-hold-refused')?.textContent).toContain(
      'The repository refused: Hold with name WP 1234 of 2026 already exists'
    );
  });

  it('lists what a hold holds and releases an item', async () => {
    const { fixture, element } = await render();
    q(element, 'eoffice-records-hold-items')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-held-item')?.textContent).toContain('A-12-2026-Estt');
    service['heldItems'].and.resolveTo([]);
    q(element, 'eoffice-records-release')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service['release']).toHaveBeenCalledOnceWith('h1', 'f1');
    expect(q(element, 'eoffice-records-hold-items-empty')).not.toBeNull();
  });

  it('deletes a hold only with the reason it ends', async () => {
    const { fixture, element } = await render();
    q(element, 'eoffice-records-hold-delete')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect((q(element, 'eoffice-records-hold-delete-confirm') as HTMLButtonElement).disabled).toBeTrue();
    type(q(element, 'eoffice-records-hold-delete-reason')!, 'Appeal disposed of');
    fixture.detectChanges();
    q(element, 'eoffice-records-hold-delete-confirm')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service['deleteHold']).toHaveBeenCalledOnceWith('h1', 'Appeal disposed of');
  });
});
