import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import { DeskService } from '../../desk/desk.service';
import { registryHierarchy } from '../../receipt/mock/receipt.mock';
import { MovementService } from '../services/movement.service';
import { MovementsTimelineSmartComponent } from './movements-timeline.smart-component';
import { Movement } from '@eoffice/domain';

function movement(sequence: number, remarks: string): Movement {
  return {
    sequence,
    action: 'send',
    fromGroup: 'GROUP_EO_GAD_CRU',
    fromUser: 'pooja.patel',
    toUser: '',
    forUser: '',
    toGroup: 'GROUP_EO_GAD_SO_ADM',
    at: new Date('2026-11-24T06:30:00.000Z'),
    remarks,
    due: '',
    readAt: null,
    jumped: []
  };
}

describe('MovementsTimelineSmartComponent', () => {
  let movements: jasmine.Spy;

  beforeEach(() => {
    movements = jasmine
      .createSpy('movements')
      .and.callFake(async (id: string) => [movement(1, `first of ${id}`), movement(2, `then ${id}`)]);
    TestBed.configureTestingModule({
      imports: [MovementsTimelineSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: MovementService, useValue: { movements } },
        { provide: DeskService, useValue: { desk: async () => ({ hierarchy: registryHierarchy, posts: [] }) } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  async function render(itemId: string) {
    const fixture = TestBed.createComponent(MovementsTimelineSmartComponent);
    fixture.componentRef.setInput('itemId', itemId);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const remarks = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('.eoffice-movement-remarks')).map((r) => r.textContent?.trim());

  it('shows the item’s movements newest first, between posts as officers name them', async () => {
    const fixture = await render('r1');
    const element = fixture.nativeElement as HTMLElement;

    expect(movements).toHaveBeenCalledOnceWith('r1');
    expect(remarks(element)).toEqual(['then r1', 'first of r1']);
    expect(element.querySelector('.eoffice-movement-head span')?.textContent).toContain('Central Registry Clerk');
  });

  it('reads the history of the next item the page shows', async () => {
    const fixture = await render('r1');
    fixture.componentRef.setInput('itemId', 'r2');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(movements.calls.mostRecent().args).toEqual(['r2']);
    expect(remarks(fixture.nativeElement)).toEqual(['then r2', 'first of r2']);
  });

  it('says in the officer’s language whose charge passed to whom, not the workflow’s English remarks', async () => {
    const transfer: Movement = {
      ...movement(3, 'Charge transferred from Suresh Yadav (suresh.yadav) to Anjali Sen (anjali.sen) on 06/12/2026'),
      action: 'transferOfCharge',
      fromGroup: 'GROUP_EO_GAD_SO_ADM',
      fromUser: 'suresh.yadav',
      toUser: 'anjali.sen',
      toGroup: 'GROUP_EO_GAD_SO_ADM'
    };
    movements.and.resolveTo([movement(1, 'first'), transfer]);
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('hi', {
      EOFFICE: { MOVEMENT: { TIMELINE: { CHARGE: '{{ on }} को कार्यभार {{ from }} से {{ to }} को हस्तांतरित' } } }
    });
    translate.use('hi');
    const fixture = await render('r1');
    const entry = (fixture.nativeElement as HTMLElement).querySelector('[data-test="movement-charge"]');

    expect(entry?.textContent?.trim()).toBe('06/12/2026 को कार्यभार suresh.yadav से anjali.sen को हस्तांतरित');
    expect(remarks(fixture.nativeElement)).not.toContain(transfer.remarks);
  });

  it('names both the link officer and the officer he acted for', async () => {
    movements.and.resolveTo([{ ...movement(1, 'Put up'), fromUser: 'suresh.yadav', forUser: 'pooja.patel' }]);
    const fixture = await render('r1');
    const entry = (fixture.nativeElement as HTMLElement).querySelector('[data-test="movement-for"]');

    expect(entry?.textContent?.trim()).toBe('suresh.yadav for pooja.patel');
  });

  it('says so when the history cannot be read', async () => {
    movements.and.rejectWith(new Error('500'));
    const fixture = await render('r1');
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');

    expect(alert?.textContent).toContain(en.EOFFICE.MOVEMENT.TIMELINE.FAILED);
  });
});
