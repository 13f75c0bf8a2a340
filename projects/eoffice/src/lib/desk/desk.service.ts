import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { GroupsApi, NodesApi } from '@alfresco/js-api';
import { NodeTextApi } from '../shared/api/node-text-api';
import { Hierarchy, HierarchyPost, departmentSite, parseHierarchy, postGroup, postOfGroup } from '@eoffice/domain';

/** Where the installer keeps the department's hierarchy. */
export const HIERARCHY_PATH = 'Data Dictionary/eOffice/hierarchy.json';

/** The department and the signed-in officer's posts: what every e-Office screen starts from. */
export interface Desk {
  hierarchy: Hierarchy;
  /** Post groups the officer holds (usually one), e.g. GROUP_EO_GAD_CRU. */
  posts: string[];
  /** The same posts as hierarchy entries (code, level, section, designation). */
  postEntries: HierarchyPost[];
  /** Section of the officer's first post: the default section of new receipts and files. */
  section: string;
}

/**
 * Reads the department's hierarchy and the officer's posts from the repository, once per session. Every
 * list waits on the desk before its first row: the hierarchy and the officer's groups are asked for at
 * once, and the document library (needed only to create a receipt or a file) when first asked for.
 */
@Injectable({ providedIn: 'root' })
export class DeskService {
  private readonly apiService = inject(AlfrescoApiService);
  private deskPromise?: Promise<Desk>;
  private libraryPromise?: Promise<string>;

  desk(): Promise<Desk> {
    this.deskPromise ??= this.load().catch((error) => {
      this.deskPromise = undefined;
      throw error;
    });
    return this.deskPromise;
  }

  /** The node id of the department site's document library, where new receipts and files are created. */
  documentLibraryId(): Promise<string> {
    this.libraryPromise ??= this.desk()
      .then(({ hierarchy }) =>
        new NodesApi(this.apiService.getInstance()).getNode('-root-', {
          relativePath: `Sites/${departmentSite(hierarchy)}/documentLibrary`
        })
      )
      .then((library) => library.entry.id)
      .catch((error) => {
        this.libraryPromise = undefined;
        throw error;
      });
    return this.libraryPromise;
  }

  /** Forgets the cached desk (after a sign-in as someone else, or a transfer of charge). */
  reset(): void {
    this.deskPromise = undefined;
    this.libraryPromise = undefined;
  }

  private async load(): Promise<Desk> {
    const api = this.apiService.getInstance();
    // The hierarchy's content as text, not a Blob (see NodeTextApi): every list waits on it.
    const nodes = new NodeTextApi(api);
    // The groups do not depend on the hierarchy: ask for both at once (one round trip fewer before any list).
    const groupsPromise = new GroupsApi(api).listGroupMembershipsForPerson('-me-', { skipCount: 0, maxItems: 250 });
    groupsPromise.catch(() => undefined); // awaited below; not an unhandled rejection if the hierarchy fails first
    const hierarchyNode = await nodes.getNode('-root-', { relativePath: HIERARCHY_PATH });
    const content: unknown = await nodes.getNodeContent(hierarchyNode.entry.id);
    const hierarchy = parseHierarchy(await asJson(content));
    const groups = await groupsPromise;
    const postEntries = (groups.list?.entries ?? [])
      .map((entry) => postOfGroup(hierarchy, entry.entry.id ?? ''))
      .filter((post): post is HierarchyPost => !!post);
    const section = postEntries.find((post) => post.section)?.section ?? hierarchy.sections[0]?.code ?? '';
    return {
      hierarchy,
      posts: postEntries.map((post) => postGroup(hierarchy, post.code)),
      postEntries,
      section
    };
  }
}

export async function asJson(content: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && content instanceof Blob) return JSON.parse(await content.text());
  if (typeof content === 'string') return JSON.parse(content);
  return content;
}
