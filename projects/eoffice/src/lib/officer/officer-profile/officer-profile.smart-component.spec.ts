import { TestBed } from '@angular/core/testing';
import { AppService } from '@alfresco/aca-shared';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { BehaviorSubject, Subject, of, throwError } from 'rxjs';
import en from '../../../../assets/i18n/en.json';
import { sectionOfficerProfile } from '../mock/officer-profile.mock';
import { OfficerProfileService } from '../services/officer-profile.service';
import { OfficerProfileSmartComponent } from './officer-profile.smart-component';

describe('OfficerProfileSmartComponent', () => {
  let loadMyProfile: jasmine.Spy;

  beforeEach(() => {
    loadMyProfile = jasmine.createSpy('loadMyProfile').and.returnValue(of(sectionOfficerProfile));
    TestBed.configureTestingModule({
      imports: [OfficerProfileSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: OfficerProfileService, useValue: { loadMyProfile } },
        { provide: AppService, useValue: { appNavNarMode$: new BehaviorSubject('expanded'), toggleAppNavBar$: new Subject<void>() } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  function render(): HTMLElement {
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the page title and the officer read from the repository', () => {
    const element = render();

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('My profile');
    expect(element.querySelector('[data-automation-id="eoffice-officer-name"]')?.textContent?.trim()).toBe('Asha Sharma');
    expect(loadMyProfile).toHaveBeenCalledTimes(1);
  });

  it('shows the error and loads again on retry', () => {
    loadMyProfile.and.returnValue(throwError(() => new Error('offline')));
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-automation-id="eoffice-officer-error"]')).not.toBeNull();

    loadMyProfile.and.returnValue(of(sectionOfficerProfile));
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-officer-retry"]')?.click();
    fixture.detectChanges();

    expect(loadMyProfile).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[data-automation-id="eoffice-officer-error"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-officer-designation"]')?.textContent?.trim()).toBe('Section Officer');
  });

  it('shows the loading state until the repository answers', () => {
    const answer = new Subject<typeof sectionOfficerProfile>();
    loadMyProfile.and.returnValue(answer);
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-automation-id="eoffice-officer-loading"]')).not.toBeNull();

    answer.next(sectionOfficerProfile);
    answer.complete();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-officer-loading"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-officer-name"]')).not.toBeNull();
  });
});
