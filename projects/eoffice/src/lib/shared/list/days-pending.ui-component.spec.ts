import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { DaysPendingUiComponent } from './days-pending.ui-component';

describe('DaysPendingUiComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [DaysPendingUiComponent], providers: [provideTranslateService({ fallbackLang: 'en' })] });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  function badge(days: number): HTMLElement {
    const fixture = TestBed.createComponent(DaysPendingUiComponent);
    fixture.componentRef.setInput('days', days);
    fixture.componentRef.setInput('automationId', 'eoffice-files-pending');
    fixture.detectChanges();
    return fixture.nativeElement.querySelector('[data-automation-id="eoffice-files-pending"]');
  }

  it('shows the working days, coloured within, nearing and over the 7-day norm, with the level in words', () => {
    const within = badge(2);
    const over = badge(9);

    expect(within.textContent).toBe('2');
    expect(within.classList).toContain('eoffice-pendency--within');
    expect(over.classList).toContain('eoffice-pendency--over');
    expect(over.title).toBe(en.EOFFICE.RECEIPT.LIST.PENDENCY.OVER);
    expect(getComputedStyle(over).backgroundColor).not.toBe(getComputedStyle(within).backgroundColor);
  });

  it('says the level in Hindi to a Hindi reader', () => {
    TestBed.inject(TranslateService).use('hi');
    expect(badge(9).title).toBe(hi.EOFFICE.RECEIPT.LIST.PENDENCY.OVER);
  });
});
