import { Injectable, Injector, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuthenticationService } from '@alfresco/adf-core';
import { WebscriptApi } from '@alfresco/js-api';

/**
 * Tells the repository the officer's language, so that the notices it mails him are in it: Alfresco's
 * MailActionExecuter and the movement workflow read the person's `locale` preference, which ACS writes
 * through the preferences web script (POST /alfresco/s/api/people/{userid}/preferences, only for the user
 * himself or an administrator). Each language is sent once per session.
 */
@Injectable({ providedIn: 'root' })
export class OfficerLanguageService {
  private readonly injector = inject(Injector);
  private sent: string | null = null;

  /** Stores `lang` as the signed-in officer's `locale` preference, unless already sent; failures are ignored. */
  async remember(lang: string): Promise<void> {
    if (!lang || lang === this.sent) return;
    // ADF's session names the officer; js-api's own (getEcmUsername) is not set up under ADF's authentication.
    const auth = this.injector.get(AuthenticationService);
    const user = auth.isLoggedIn() ? auth.getUsername() : undefined;
    if (!user) return;
    const api = this.injector.get(AlfrescoApiService).getInstance();
    this.sent = lang;
    try {
      await new WebscriptApi(api).executeWebScript(
        'POST',
        `api/people/${encodeURIComponent(user)}/preferences`,
        {},
        'alfresco',
        'service',
        {
          locale: lang
        }
      );
    } catch {
      // The next change tries again; the mails stay in the language last stored meanwhile.
      this.sent = null;
    }
  }
}
