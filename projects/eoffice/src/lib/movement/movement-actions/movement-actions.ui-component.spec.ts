import { TestBed } from '@angular/core/testing';
import { BreakpointObserver } from '@angular/cdk/layout';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { ActionContext, MovementActionCode } from '@eoffice/domain';
import { MovementActionsUiComponent } from './movement-actions.ui-component';

const holder: ActionContext = {
  kind: 'file',
  status: 'inMovement',
  task: 'holder',
  postHolds: true,
  postOriginated: false,
  returnsTo: true
};

describe('MovementActionsUiComponent', () => {
  let phone: boolean;

  beforeEach(() => {
    phone = false;
    TestBed.configureTestingModule({
      imports: [MovementActionsUiComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: phone, breakpoints: {} }) } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  function render(context: ActionContext, extra: Record<string, unknown> = {}) {
    const fixture = TestBed.createComponent(MovementActionsUiComponent);
    fixture.componentRef.setInput('context', context);
    for (const [name, value] of Object.entries(extra)) fixture.componentRef.setInput(name, value);
    const chosen: MovementActionCode[] = [];
    fixture.componentInstance.act.subscribe((code) => chosen.push(code));
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement, chosen };
  }
  /** What a button says, without its icon's ligature name. */
  const labelOf = (button: HTMLElement) =>
    (button.textContent ?? '').replace(button.querySelector('mat-icon')?.textContent ?? '', '').trim();
  const buttonTexts = (element: HTMLElement) => Array.from(element.querySelectorAll<HTMLElement>(':scope > button')).map(labelOf);
  const byId = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);

  it('shows the holder of a file every action she may take, named as buttons, and says which she chose', () => {
    const { element, chosen } = render(holder, { recipient: { short: 'Priya Nair', full: 'Priya Nair (Section Officer, Establishment)' } });
    expect(buttonTexts(element)).toEqual(['Send', 'Send back to Priya Nair', 'Park', 'Close']);
    expect(byId(element, 'eoffice-file-movement-more')).toBeNull();
    byId(element, 'eoffice-file-send-back')!.click();
    byId(element, 'eoffice-file-close')!.click();
    expect(chosen).toEqual(['sendBack', 'close']);
  });

  it('offers a receipt’s holder its own actions, and a reader none', () => {
    let { element } = render({ ...holder, kind: 'receipt' });
    expect(buttonTexts(element)).toEqual(['Send', 'Park', 'Copy', 'Put in a file', 'Close']);
    ({ element } = render({ ...holder, kind: 'receipt', task: null }));
    expect(element.querySelector('button')).toBeNull();
  });

  it('says what the approver is asked to decide, and waits while a decision is under way', () => {
    const { element, fixture } = render({ ...holder, task: 'approval' }, { request: 'reopen' });
    expect(element.textContent).toContain('Asked to approve reopening:');
    expect(buttonTexts(element)).toEqual(['Approve', 'Refuse']);
    fixture.componentRef.setInput('busy', true);
    fixture.detectChanges();
    expect(byId(element, 'eoffice-file-approve')!.hasAttribute('disabled')).toBeTrue();
  });

  it('on a phone keeps Send as a button and puts the rest in a "More" menu', async () => {
    phone = true;
    const { element, fixture, chosen } = render(holder);
    expect(buttonTexts(element)).toEqual(['Send', 'More']);
    expect(byId(element, 'eoffice-file-park')).toBeNull();
    byId(element, 'eoffice-file-movement-more')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const menu = document.querySelector('.cdk-overlay-container')!;
    const items = Array.from(menu.querySelectorAll<HTMLElement>('[mat-menu-item]')).map(labelOf);
    expect(items).toEqual(['Send back', 'Park', 'Close']);
    byId(menu, 'eoffice-file-park')!.click();
    expect(chosen).toEqual(['park']);
  });

  it('on a phone a sender keeps Pull back as a button: no menu for nothing', () => {
    phone = true;
    const { element } = render({ ...holder, task: 'pullBack' });
    expect(buttonTexts(element)).toEqual(['Pull back']);
  });

  it('speaks Hindi, with the "More" menu too', () => {
    phone = true;
    TestBed.inject(TranslateService).use('hi');
    const { element } = render(holder);
    expect(buttonTexts(element)).toEqual(['भेजें', 'और']);
  });
});
