import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { sectionOfficerProfile } from '../mock/officer-profile.mock';
import { OfficerProfile } from '../model/officer-profile.model';
import { OfficerProfileUiComponent } from './officer-profile.ui-component';

describe('OfficerProfileUiComponent', () => {
  let fixture: ComponentFixture<OfficerProfileUiComponent>;
  let translate: TranslateService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [OfficerProfileUiComponent],
      providers: [provideTranslateService({ fallbackLang: 'en' })]
    });
    translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
    fixture = TestBed.createComponent(OfficerProfileUiComponent);
  });

  function render(inputs: { profile?: OfficerProfile | null; loading?: boolean; failed?: boolean }): HTMLElement {
    fixture.componentRef.setInput('profile', inputs.profile ?? null);
    fixture.componentRef.setInput('loading', inputs.loading ?? false);
    fixture.componentRef.setInput('failed', inputs.failed ?? false);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function text(element: HTMLElement, automationId: string): string | undefined {
    return element.querySelector(`[data-automation-id="${automationId}"]`)?.textContent?.trim();
  }

  it('shows the officer name, designation, section and groups', () => {
    const element = render({ profile: sectionOfficerProfile });

    expect(text(element, 'eoffice-officer-name')).toBe('Asha Sharma');
    expect(text(element, 'eoffice-officer-designation')).toBe('Section Officer');
    expect(text(element, 'eoffice-officer-section')).toBe('Establishment-I');
    const groups = Array.from(element.querySelectorAll('[data-automation-id="eoffice-officer-groups"] li')).map((li) =>
      li.textContent?.trim()
    );
    expect(groups).toEqual(['CRU', 'Establishment-I', 'Under Secretaries']);
    expect(element.textContent).toContain('Designation');
  });

  it('says a designation or section is not recorded instead of leaving a blank', () => {
    const element = render({ profile: { ...sectionOfficerProfile, designation: undefined, section: undefined } });

    expect(text(element, 'eoffice-officer-designation')).toBe('Not recorded');
    expect(text(element, 'eoffice-officer-section')).toBe('Not recorded');
  });

  it('says so when the officer belongs to no group', () => {
    const element = render({ profile: { ...sectionOfficerProfile, groups: [] } });

    expect(text(element, 'eoffice-officer-no-groups')).toBe('You are not a member of any group.');
    expect(element.querySelector('[data-automation-id="eoffice-officer-groups"]')).toBeNull();
  });

  it('shows a loading message while the profile is read', () => {
    const element = render({ loading: true });

    expect(text(element, 'eoffice-officer-loading')).toContain('Loading your profile');
    expect(element.querySelector('[data-automation-id="eoffice-officer-profile"]')).toBeNull();
  });

  it('shows an error with a retry button that asks for a reload', () => {
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => retries++);
    const element = render({ failed: true });

    expect(text(element, 'eoffice-officer-error')).toContain('could not be loaded');
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-officer-retry"]')?.click();
    expect(retries).toBe(1);
  });

  it('shows no untranslated key in any state', () => {
    for (const state of [
      { loading: true },
      { failed: true },
      { profile: sectionOfficerProfile },
      { profile: { ...sectionOfficerProfile, groups: [] } }
    ]) {
      expect(render(state).textContent).not.toContain('EOFFICE.');
    }
  });

  it('speaks Hindi when the officer picks Hindi', () => {
    translate.use('hi');
    const element = render({ profile: { ...sectionOfficerProfile, designation: undefined } });

    expect(element.textContent).toContain('पदनाम');
    expect(text(element, 'eoffice-officer-designation')).toBe('दर्ज नहीं');
  });
});
