import { TestBed } from '@angular/core/testing';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { EofficePaginatorIntl } from './paginator-intl';

@Component({
  imports: [MatPaginatorModule],
  template: `<mat-paginator [length]="123456" [pageSize]="25" [pageIndex]="2" [pageSizeOptions]="[25, 50]" showFirstLastButtons />`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
class ListHostComponent {}

describe('EofficePaginatorIntl', () => {
  let translate: TranslateService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ListHostComponent],
      providers: [
        provideNoopAnimations(),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: MatPaginatorIntl, useClass: EofficePaginatorIntl }
      ]
    });
    translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  function paginator(): HTMLElement {
    const fixture = TestBed.createComponent(ListHostComponent);
    fixture.detectChanges();
    return fixture.nativeElement;
  }

  it('in English: the page size label and the range with Indian grouping', () => {
    const element = paginator();
    expect(element.querySelector('.mat-mdc-paginator-page-size-label')?.textContent?.trim()).toBe('Items per page:');
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('51 – 75 of 1,23,456');
    expect(element.querySelector('.mat-mdc-paginator-navigation-next')?.getAttribute('aria-label')).toBe('Next page');
  });

  it('in Hindi, once the officer picks हिन्दी, without reopening the list', async () => {
    const fixture = TestBed.createComponent(ListHostComponent);
    fixture.detectChanges();
    translate.use('hi');
    fixture.detectChanges();
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('.mat-mdc-paginator-page-size-label')?.textContent?.trim()).toBe('प्रति पृष्ठ प्रविष्टियाँ:');
    expect(element.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1,23,456 में से 51 – 75');
    expect(element.querySelector('.mat-mdc-paginator-navigation-next')?.getAttribute('aria-label')).toBe('अगला पृष्ठ');
    expect(element.textContent).not.toContain('Items per page');
  });
});
