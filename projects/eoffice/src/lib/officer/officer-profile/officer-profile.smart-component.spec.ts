import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { sectionOfficerProfile } from '../mock/officer-profile.mock';
import { OfficerProfileService } from '../services/officer-profile.service';
import { OfficerProfileSmartComponent } from './officer-profile.smart-component';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

describe('OfficerProfileSmartComponent', () => {
  let loadMyProfile: jasmine.Spy;

  beforeEach(() => {
    loadMyProfile = jasmine.createSpy('loadMyProfile').and.returnValue(of(sectionOfficerProfile));
    TestBed.configureTestingModule({
      imports: [OfficerProfileSmartComponent],
      providers: [...provideEnglish(), { provide: OfficerProfileService, useValue: { loadMyProfile } }, providePageLayout()]
    });
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the page title and the officer read from the repository', async () => {
    const element = await render();

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('My profile');
    expect(element.querySelector('[data-automation-id="eoffice-officer-name"]')?.textContent?.trim()).toBe('Asha Sharma');
    expect(loadMyProfile).toHaveBeenCalledTimes(1);
  });

  it('shows the error and loads again on retry', async () => {
    loadMyProfile.and.returnValue(throwError(() => new Error('offline')));
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-automation-id="eoffice-officer-error"]')).not.toBeNull();

    loadMyProfile.and.returnValue(of(sectionOfficerProfile));
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-officer-retry"]')?.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(loadMyProfile).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[data-automation-id="eoffice-officer-error"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-officer-designation"]')?.textContent?.trim()).toBe('Section Officer');
  });

  it('shows the loading state until the repository answers', async () => {
    const answer = new Subject<typeof sectionOfficerProfile>();
    loadMyProfile.and.returnValue(answer);
    const fixture = TestBed.createComponent(OfficerProfileSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-automation-id="eoffice-officer-loading"]')).not.toBeNull();

    answer.next(sectionOfficerProfile);
    answer.complete();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-officer-loading"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-officer-name"]')).not.toBeNull();
  });
});
