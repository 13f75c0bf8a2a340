import { Component, ViewEncapsulation, inject } from '@angular/core';
import { LoginComponent } from '@alfresco/adf-core';
import { AppSettingsService } from '@alfresco/aca-shared';
import { TranslatePipe } from '@ngx-translate/core';

/** The host's sign-in page: ADF's login form with the e-Office logo; after sign-in, Personal Files. */
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
