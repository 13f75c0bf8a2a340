import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { GroupsApi, PeopleApi, SearchApi } from '@alfresco/js-api';
import {
  chargeStartBody,
  departmentSite,
  officerTitle,
  postGroup,
  readChargePreview,
  type ChargeKind,
  type ChargePreview,
  type ChargeTransfer,
  type Hierarchy
} from '@eoffice/domain';
import { DeskService } from '../desk/desk.service';
import { restCall } from '../shared/api/rest-call';

const WORKFLOW_BASE = '/api/-default-/public/workflow/versions/1';

/** A post as the transfer page offers it: its code, how it reads, who holds it now. */
export interface ChargePost {
  code: string;
  group: string;
  title: string;
}

/** What passes with a post, read just before the administrator confirms. */
export interface ChargeState {
  post: string;
  /** The officers the post's group holds now (one as a rule; none when vacant). */
  holders: string[];
  preview: ChargePreview;
  truncated: ChargeKind[];
}

/**
 * Transfer of charge for an administrator: the department's posts, what passes with one (the domain's
 * readChargePreview over the search API, with the administrator's read rights, which see everything), the
 * transfer itself (one POST /processes of eoCharge, which the repository carries out whole or not at all and
 * refuses to anyone but an administrator: config/workflow/src/charge.js).
 */
@Injectable({ providedIn: 'root' })
export class ChargeService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly desk = inject(DeskService);

  private hierarchy(): Promise<Hierarchy> {
    return this.desk.desk().then((d) => d.hierarchy);
  }

  /** Every post of the department, named as officers pick them ("Priya Nair (Section Officer, Establishment)"). */
  async posts(lang: 'en' | 'hi'): Promise<ChargePost[]> {
    const h = await this.hierarchy();
    return h.posts.map((p) => ({ code: p.code, group: postGroup(h, p.code), title: officerTitle(h, p, lang) }));
  }

  /** What passes if `post` goes from its holder (or `from`) to another officer. */
  async preview(post: string, from?: string): Promise<ChargeState> {
    const h = await this.hierarchy();
    const api = this.apiService.getInstance();
    const group = postGroup(h, post);
    const members = await new GroupsApi(api).listGroupMemberships(group, { skipCount: 0, maxItems: 100 });
    const holders = (members.list?.entries ?? []).filter((m) => m.entry.memberType === 'PERSON').map((m) => m.entry.id);
    const search = new SearchApi(api);
    const predecessor = from ?? (holders.length === 1 ? holders[0] : '');
    const { preview, truncated } = await readChargePreview(
      (r) => search.search(r as never) as never,
      departmentSite(h),
      group,
      predecessor
    );
    return { post, holders, preview, truncated };
  }

  /** Whether the signed-in user is an administrator (the page says so to others; the repository refuses them anyway). */
  async isAdmin(): Promise<boolean> {
    const me = await new PeopleApi(this.apiService.getInstance()).getPerson('-me-');
    return !!me.entry.capabilities?.isAdmin;
  }

  /** Whether `userName` has an account (the successor must). */
  async exists(userName: string): Promise<boolean> {
    try {
      await new PeopleApi(this.apiService.getInstance()).getPerson(userName);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Transfers the charge; then the desk is read again at the next page, since the administrator's own posts
   * may have changed. A refusal rejects with the repository's error (refusalText words it).
   */
  async transfer(t: ChargeTransfer): Promise<void> {
    await restCall<unknown>(this.apiService.getInstance(), 'POST', WORKFLOW_BASE + '/processes', {}, chargeStartBody(t));
    this.desk.reset();
  }
}
