import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, PeopleApi } from '@alfresco/js-api';
import { officeDay, officerTitle, postOfGroup, type Hierarchy } from '@eoffice/domain';
import { DeskService } from '../desk/desk.service';
import { restCall } from '../shared/api/rest-call';

const WORKFLOW_BASE = '/api/-default-/public/workflow/versions/1';
const LINKS_PATH = 'Data Dictionary/eOffice/Links';

/** A post as the link page offers it. */
export interface LinkPost {
  code: string;
  title: string;
}

/** A link the officer named for himself, still running: its task ends it early. */
export interface NamedLink {
  taskId: string;
  /** The workflow's label: "<link officer> for <officer>, <post>, until DD/MM/YYYY". */
  label: string;
}

/** A post the officer is link officer of, from the register the workflow keeps. */
export interface HeldLink {
  post: string;
  forUser: string;
  /** The first day (YYYY-MM-DD, IST) when it is still to come; absent once the link runs. */
  from?: string;
  until: string;
}

/** What the link page needs: the request to make a link, the links in force for the officer. */
export interface LinkRequest {
  post: string;
  officer: string;
  /** The first day (YYYY-MM-DD, IST) when it is not today: the link begins as that day begins. */
  from?: string;
  until: string;
  /** An administrator names one for another officer. */
  forUser?: string;
}

/**
 * Link officers: an officer names one for his own post while he is away (an administrator for anyone's), from
 * today or a later day; the eoLink workflow makes the link (as its first day begins), ends it after the last day and refuses the link officer afterwards
 * (config/workflow/src/link.js, links.js, unlink.js). This service only asks and lists.
 */
@Injectable({ providedIn: 'root' })
export class LinkService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly desk = inject(DeskService);

  private get api() {
    return this.apiService.getInstance();
  }

  /** The posts the officer may name a link officer for (all of them for an administrator), and who he is. */
  async choices(lang: 'en' | 'hi'): Promise<{ me: string; admin: boolean; posts: LinkPost[]; hierarchy: Hierarchy }> {
    const [desk, me] = await Promise.all([this.desk.desk(), new PeopleApi(this.api).getPerson('-me-')]);
    const admin = !!me.entry.capabilities?.isAdmin;
    const h = desk.hierarchy;
    const own = admin ? h.posts : desk.postEntries;
    return { me: me.entry.id, admin, hierarchy: h, posts: own.map((p) => ({ code: p.code, title: officerTitle(h, p, lang) })) };
  }

  /** Names the link officer (the repository checks who may and for how long). */
  async name(request: LinkRequest): Promise<void> {
    const variables: Record<string, string> = {
      eowf_linkPost: request.post,
      eowf_linkOfficer: request.officer,
      eowf_linkUntil: request.until
    };
    if (request.from) variables['eowf_linkFrom'] = request.from;
    if (request.forUser) variables['eowf_linkFor'] = request.forUser;
    await restCall<unknown>(this.api, 'POST', WORKFLOW_BASE + '/processes', {}, { processDefinitionKey: 'eoLink', variables });
  }

  /** The links the officer named for himself that still run (his "link officer named" tasks). */
  async named(me: string): Promise<NamedLink[]> {
    const answer = await restCall<{ list?: { entries?: { entry: { id: string; name?: string } }[] } }>(
      this.api,
      'GET',
      WORKFLOW_BASE + '/tasks',
      {
        where: `(processDefinitionKey='eoLink' AND assignee='${me}')`,
        maxItems: 100
      }
    );
    return (answer.list?.entries ?? []).map((e) => ({ taskId: e.entry.id, label: e.entry.name ?? '' }));
  }

  /** Ends a link early: the absent officer is back. */
  async end(taskId: string): Promise<void> {
    await restCall<unknown>(this.api, 'PUT', `${WORKFLOW_BASE}/tasks/${taskId}`, { select: 'state' }, { state: 'completed' });
  }

  /** The posts the officer is link officer of now, as the register says. */
  async held(me: string, hierarchy: Hierarchy, lang: 'en' | 'hi'): Promise<HeldLink[]> {
    const nodes = new NodesApi(this.api);
    let folderId: string;
    try {
      folderId = (await nodes.getNode('-root-', { relativePath: `${LINKS_PATH}/${me}` })).entry.id;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return [];
      throw e;
    }
    const children = await nodes.listNodeChildren(folderId, { include: ['properties'], maxItems: 100 });
    return (children.list?.entries ?? [])
      .map((c) => c.entry)
      .filter((n) => !n.properties?.['eo:linkEndedAt'] && n.properties?.['eo:linkPost'])
      .map((n) => {
        const group = String(n.properties!['eo:linkPost']);
        const post = postOfGroup(hierarchy, group);
        const from = n.properties!['eo:linkFrom'] ? officeDay(n.properties!['eo:linkFrom'] as string | Date) : '';
        return {
          post: post ? officerTitle(hierarchy, post, lang) : group,
          forUser: String(n.properties!['eo:linkFor'] ?? ''),
          ...(from > officeDay(new Date()) ? { from } : {}),
          until: String(n.properties!['eo:linkUntil'] ?? '')
        };
      });
  }

  /** Whether `userName` has an account. */
  async exists(userName: string): Promise<boolean> {
    try {
      await new PeopleApi(this.api).getPerson(userName);
      return true;
    } catch {
      return false;
    }
  }
}
