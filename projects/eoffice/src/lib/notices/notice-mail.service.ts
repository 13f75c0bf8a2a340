import { Injectable, Injector, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuthenticationService } from '@alfresco/adf-core';
import { WebscriptApi } from '@alfresco/js-api';

/** How the officer is mailed his notices: one mail each, one daily digest instead, or both. */
export type NoticeMailChoice = 'each' | 'daily' | 'both';
export const NOTICE_MAIL_CHOICES: NoticeMailChoice[] = ['each', 'daily', 'both'];

/** The preference the workflow reads (config/workflow/src/notices.js, eoNoticeMailChoice; digest.js). */
const PREFERENCE = 'eoffice.notices.mail';

/**
 * The officer's choice of notice mails, kept as his `eoffice.notices.mail` preference through ACS's preferences web
 * script (GET/POST /alfresco/s/api/people/{userid}/preferences, only for himself or an administrator), where the
 * repository reads it: the movement workflow skips the mail per notice for `daily`, the daily process (eoDaily)
 * sends the digest for `daily` and `both`. The browser only records the wish; the repository sends.
 */
@Injectable({ providedIn: 'root' })
export class NoticeMailService {
  private readonly injector = inject(Injector);
  /** The stored choice; 'each' until read (and when none is stored). */
  readonly choice = signal<NoticeMailChoice>('each');

  /** Reads the stored choice; a failure leaves the default. */
  async read(): Promise<void> {
    try {
      const user = this.user();
      if (!user) return;
      const prefs = (await this.api().executeWebScript('GET', this.path(user), { pf: PREFERENCE }, 'alfresco', 'service')) as {
        eoffice?: { notices?: { mail?: string } };
      };
      const value = prefs?.eoffice?.notices?.mail;
      this.choice.set(value === 'daily' || value === 'both' ? value : 'each');
    } catch {
      // Shown as "each" until it can be read: what the repository does without a preference.
    }
  }

  /** Stores a new choice; the shown choice changes only once the repository has it. */
  async choose(choice: NoticeMailChoice): Promise<void> {
    const user = this.user();
    if (!user) return;
    await this.api().executeWebScript('POST', this.path(user), {}, 'alfresco', 'service', { eoffice: { notices: { mail: choice } } });
    this.choice.set(choice);
  }

  private path(user: string): string {
    return `api/people/${encodeURIComponent(user)}/preferences`;
  }

  private user(): string | undefined {
    const auth = this.injector.get(AuthenticationService);
    return auth.isLoggedIn() ? auth.getUsername() : undefined;
  }

  private api(): WebscriptApi {
    return new WebscriptApi(this.injector.get(AlfrescoApiService).getInstance());
  }
}
