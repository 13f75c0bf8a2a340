import { Component, ViewEncapsulation, inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { RouterOutlet } from '@angular/router';
import { AppService } from '@alfresco/aca-shared';

/** Root of the host: starts the Content App (which also registers extension routes) and shows the router. */
// Default change detection on purpose: the Content App's shell and pages below it (ACA, ADF) are written
// for it and update their own fields after requests; an OnPush root would leave them unrefreshed.
// eslint-disable-next-line @angular-eslint/prefer-on-push-component-change-detection
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
  encapsulation: ViewEncapsulation.None
})
export class AppComponent {
  constructor() {
    inject(AppService).init();
    inject(MatIconRegistry).setDefaultFontSetClass('material-icons-outlined');
  }
}
