import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { deferred, provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { RecordCategory, RetentionSchedule } from '../records.model';
import { RecordsService } from '../records.service';
import { FilePlanSmartComponent } from './file-plan.smart-component';

const scheduleC5: RetentionSchedule = {
  id: 's1',
  authority: 'CSMOP',
  instructions: 'Category C: keep 5 years, review, destroy',
  isRecordLevel: false,
  steps: [
    { id: 'a', index: 0, name: 'cutoff', period: 'none', periodProperty: 'cm:created', events: ['case_closed'] },
    { id: 'b', index: 1, name: 'retain', period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate', events: [] }
  ]
};

describe('FilePlanSmartComponent', () => {
  let categories: jasmine.Spy;
  let addStep: jasmine.Spy;
  let schedule: jasmine.Spy;
  let createSchedule: jasmine.Spy;
  let updateStep: jasmine.Spy;
  let removeStep: jasmine.Spy;
  let canRemoveSteps: jasmine.Spy;

  beforeEach(() => {
    categories = jasmine.createSpy('categories').and.resolveTo([
      { id: 'c5', name: 'C-5', schedule: scheduleC5 },
      { id: 'a', name: 'A', schedule: null }
    ] satisfies RecordCategory[]);
    addStep = jasmine.createSpy('addStep').and.resolveTo(undefined);
    createSchedule = jasmine.createSpy('createSchedule').and.resolveTo(undefined);
    updateStep = jasmine.createSpy('updateStep').and.resolveTo(undefined);
    removeStep = jasmine.createSpy('removeStep').and.resolveTo(undefined);
    canRemoveSteps = jasmine.createSpy('canRemoveSteps').and.resolveTo(false);
    schedule = jasmine.createSpy('schedule').and.resolveTo({
      ...scheduleC5,
      steps: [...scheduleC5.steps, { id: 'c', index: 2, name: 'destroy', period: 'immediately', events: [] }]
    });
    TestBed.configureTestingModule({
      imports: [FilePlanSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        providePageLayout(),
        { provide: RecordsService, useValue: { categories, addStep, schedule, createSchedule, updateStep, removeStep, canRemoveSteps } }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(FilePlanSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const q = (element: HTMLElement, id: string) => element.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);

  it('shows its progress while the file plan is read', () => {
    categories.and.returnValue(deferred<RecordCategory[]>().promise);
    const fixture = TestBed.createComponent(FilePlanSmartComponent);
    fixture.detectChanges();
    expect(q(fixture.nativeElement, 'eoffice-records-loading')).not.toBeNull();
  });

  it("lists each category with its schedule's steps in words, and says when a category has none", async () => {
    const { element } = await render();
    const sections = element.querySelectorAll('[data-automation-id="eoffice-records-category"]');
    expect(sections.length).toBe(2);
    expect(
      Array.from(sections[0].querySelectorAll('[data-automation-id="eoffice-records-step"]')).map((li) => li.textContent!.trim())
    ).toEqual(['Cut off when the case is closed', 'Keep 5 years after cut-off']);
    expect(sections[0].textContent).toContain('Authority: CSMOP');
    expect(sections[1].textContent).toContain('No retention schedule');
  });

  it('says so when the file plan has no categories', async () => {
    categories.and.resolveTo([]);
    const { element } = await render();
    expect(q(element, 'eoffice-records-empty')?.textContent).toContain('no record categories');
  });

  it('tells a user without a file plan role why the page is empty', async () => {
    categories.and.rejectWith({ status: 403 });
    const { element } = await render();
    expect(q(element, 'eoffice-records-error')?.textContent).toContain('no role in the file plan');
  });

  it("shows AGS's rules before a step is sent, and what the new step would break", async () => {
    const { fixture, element } = await render();
    q(element, 'eoffice-records-add-step')!.click();
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-step-rules')?.textContent).toContain('the first step is Cut off or Retain');
    expect(q(element, 'eoffice-records-step-problems')?.textContent).toContain('Choose a step.');
    expect((q(element, 'eoffice-records-step-send') as HTMLButtonElement).disabled).toBeTrue();
  });

  it('adds a step and shows the schedule read again', async () => {
    const { fixture, element } = await render();
    const page = fixture.componentInstance;
    await page.addStep(page.categories()[0], {
      name: 'destroyContent',
      period: 'immediately',
      periodAmount: null,
      periodProperty: 'rma:dispositionAsOf',
      events: [],
      location: '',
      description: ''
    });
    fixture.detectChanges();
    expect(addStep).toHaveBeenCalledWith('s1', jasmine.objectContaining({ name: 'destroyContent' }));
    const steps = Array.from(element.querySelectorAll('[data-automation-id="eoffice-records-step"]')).map((li) => li.textContent!.trim());
    expect(steps.at(-1)).toBe('Destroy');
    expect(q(element, 'eoffice-records-step-added')).not.toBeNull();
  });

  it("shows the repository's refusal in its words", async () => {
    addStep.and.rejectWith(new Error(JSON.stringify({ error: { briefSummary: '07060002 Invalid Step - This step already exists.' } })));
    const { fixture, element } = await render();
    q(element, 'eoffice-records-add-step')!.click();
    fixture.detectChanges();
    const page = fixture.componentInstance;
    await page.addStep(page.categories()[0], {
      name: 'retain',
      period: 'year',
      periodAmount: 2,
      periodProperty: 'rma:cutOffDate',
      events: [],
      location: '',
      description: ''
    });
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-step-refused')?.textContent).toContain(
      'The repository refused: Invalid Step - This step already exists.'
    );
  });

  it('shows sub-categories below their parent with their own schedule, or that they follow the parent', async () => {
    categories.and.resolveTo([
      { id: 'c', name: 'C', schedule: scheduleC5, depth: 0 },
      { id: 'c1', name: 'C-1', schedule: scheduleC5, parentId: 'c', depth: 1, inheritedFrom: 'C' },
      { id: 'c5', name: 'C-5', schedule: { ...scheduleC5, id: 's5', authority: 'CSMOP C-5' }, parentId: 'c', depth: 1 }
    ] satisfies RecordCategory[]);
    const { element } = await render();
    const sections = Array.from(element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-category"]'));
    expect(sections.map((s) => [s.querySelector('h2, h3')!.textContent!.trim(), s.dataset['depth']])).toEqual([
      ['C', '0'],
      ['C-1', '1'],
      ['C-5', '1']
    ]);
    expect(q(sections[1], 'eoffice-records-inherited')?.textContent).toContain('Follows the schedule of C');
    expect(q(sections[1], 'eoffice-records-add-step')).toBeNull();
    expect(sections[2].textContent).toContain('Authority: CSMOP C-5');
    expect(q(sections[2], 'eoffice-records-add-step')).not.toBeNull();
  });

  it('gives a category without a schedule its own, and reads the file plan again', async () => {
    const { fixture, element } = await render();
    const noSchedule = element.querySelectorAll<HTMLElement>('[data-automation-id="eoffice-records-category"]')[1];
    q(noSchedule, 'eoffice-records-new-schedule')!.click();
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-new-schedule-form')?.textContent).toContain('one schedule per category');
    const page = fixture.componentInstance;
    await page.createSchedule(page.categories()[1], { authority: 'CSMOP', instructions: 'Keep for good', isRecordLevel: false });
    fixture.detectChanges();
    expect(createSchedule).toHaveBeenCalledOnceWith('a', { authority: 'CSMOP', instructions: 'Keep for good', isRecordLevel: false });
    expect(categories).toHaveBeenCalledTimes(2);
    expect(q(element, 'eoffice-records-schedule-created')).not.toBeNull();
  });

  it("shows AGS's refusal of a schedule in its words", async () => {
    createSchedule.and.rejectWith(
      new Error(
        JSON.stringify({
          error: {
            briefSummary: '07060003 Record level retention schedule cannot be created for a record category having folder associated.'
          }
        })
      )
    );
    const { fixture, element } = await render();
    const page = fixture.componentInstance;
    page.startScheduling(page.categories()[1]);
    fixture.detectChanges();
    await page.createSchedule(page.categories()[1], { authority: '', instructions: '', isRecordLevel: true });
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-schedule-refused')?.textContent).toContain(
      'The repository refused: Record level retention schedule cannot be created'
    );
  });

  it("changes a step's period through AGS's web script, shows it in words, and offers no removal once records are under it", async () => {
    const { fixture, element } = await render();
    const page = fixture.componentInstance;
    await page.startEditing(page.categories()[0], scheduleC5.steps[1]);
    fixture.detectChanges();
    expect(canRemoveSteps).toHaveBeenCalledOnceWith('c5');
    expect(q(element, 'eoffice-records-edit-step-form')).not.toBeNull();
    expect(q(element, 'eoffice-records-remove-step')).toBeNull();
    expect(q(element, 'eoffice-records-remove-not-allowed')?.textContent).toContain('removes steps only while no record folder');
    expect(q(element, 'eoffice-records-edit-preview')?.textContent).toContain('Keep 5 years after cut-off');
    categories.and.resolveTo([
      { id: 'c5', name: 'C-5', schedule: { ...scheduleC5, steps: [scheduleC5.steps[0], { ...scheduleC5.steps[1], periodAmount: 7 }] } }
    ] satisfies RecordCategory[]);
    await page.saveStep(page.categories()[0], scheduleC5.steps[1], { period: 'year', periodAmount: 7, description: 'Keep seven years' });
    fixture.detectChanges();
    expect(updateStep).toHaveBeenCalledOnceWith('c5', 'b', { period: 'year', periodAmount: 7, description: 'Keep seven years' });
    const steps = Array.from(element.querySelectorAll('[data-automation-id="eoffice-records-step"]')).map((s) => s.textContent!.trim());
    expect(steps[1]).toBe('Keep 7 years after cut-off');
    expect(q(element, 'eoffice-records-step-changed')?.textContent).toContain('Step changed');
  });

  it('removes a step while AGS allows it, and shows its refusal in its words', async () => {
    canRemoveSteps.and.resolveTo(true);
    const { fixture, element } = await render();
    const page = fixture.componentInstance;
    await page.startEditing(page.categories()[0], scheduleC5.steps[1]);
    fixture.detectChanges();
    expect(q(element, 'eoffice-records-remove-step')).not.toBeNull();
    removeStep.and.rejectWith(new Error(JSON.stringify({ message: 'Can not remove action definitions from schedule' })));
    await page.removeStep(page.categories()[0], scheduleC5.steps[1]);
    fixture.detectChanges();
    expect(removeStep).toHaveBeenCalledOnceWith('c5', 'b');
    expect(q(element, 'eoffice-records-edit-refused')).not.toBeNull();
  });
});
