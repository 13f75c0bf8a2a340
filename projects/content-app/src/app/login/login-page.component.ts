import { Component, ViewEncapsulation, inject } from '@angular/core';
import { LoginComponent } from '@alfresco/adf-core';
import { AppSettingsService } from '@alfresco/aca-shared';
import { TranslatePipe } from '@ngx-translate/core';

/** The host's sign-in page: ADF's login form with the e-Office logo; after sign-in, Personal Files. */
// Default change detection on purpose: ADF's <adf-login> sets its error and progress fields after the
// sign-in request without marking itself for check, which an OnPush page would never show.
// eslint-disable-next-line @angular-eslint/prefer-on-push-component-change-detection
@Component({
  selector: 'app-login-page',
  imports: [LoginComponent, TranslatePipe],
  template: `
    <adf-login
      [copyrightText]="settings.appCopyright | translate"
      logoImageUrl="./assets/images/eoffice-logo.svg"
      successRoute="/personal-files"
      [showRememberMe]="false"
      [showLoginActions]="false" />
  `,
  styles: [
    `
      app-login-page {
        display: flex;
        flex: 1;
      }
    `
  ],
  encapsulation: ViewEncapsulation.None
})
export class LoginPageComponent {
  readonly settings = inject(AppSettingsService);
}
