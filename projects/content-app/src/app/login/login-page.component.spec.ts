import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { AppConfigService, NoopTranslateModule, provideAppConfigTesting, provideCoreAuthTesting } from '@alfresco/adf-core';
import { LoginPageComponent } from './login-page.component';

describe('LoginPageComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LoginPageComponent, NoopTranslateModule],
      providers: [provideRouter([]), provideNoopAnimations(), provideCoreAuthTesting(), provideAppConfigTesting()]
    });
    const appConfig = TestBed.inject(AppConfigService);
    appConfig.config = { ...appConfig.config, application: { name: 'e-Office', copyright: 'e-Office copyright' } };
  });

  it('shows the e-Office logo, the copyright and a user name and password form', () => {
    const fixture = TestBed.createComponent(LoginPageComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('img')?.getAttribute('src')).toContain('assets/images/eoffice-logo.svg');
    expect(element.textContent).toContain('e-Office copyright');
    expect(element.querySelector('input#username')).not.toBeNull();
    expect(element.querySelector('input#password')).not.toBeNull();
  });
});
