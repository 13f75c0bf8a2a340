import { Routes } from '@angular/router';
import { LoginPageComponent } from './login/login-page.component';

/** Routes of the host itself; the Content App's routes come from the shell, the extension's from its manifest. */
export const APP_ROUTES: Routes = [
  {
    path: 'login',
    component: LoginPageComponent,
    data: { title: 'APP.SIGN_IN' }
  }
];
