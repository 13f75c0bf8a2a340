import { Component, ViewEncapsulation, inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { RouterOutlet } from '@angular/router';
import { AppService } from '@alfresco/aca-shared';

/** Root of the host: starts the Content App (which also registers extension routes) and shows the router. */
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
