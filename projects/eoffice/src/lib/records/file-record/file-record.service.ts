import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { expectedRetentionStep } from '@eoffice/domain';
import { filePlanPath } from '../records.model';

/** The folders of an e-file whose papers closing declares records (docs/governance-services.md). */
const PAPER_FOLDERS = ['Notes', 'Correspondence', 'Dispatches'];

/** One paper of a closed e-file that is a record. */
export interface RecordPaper {
  id: string;
  name: string;
  identifier: string;
  /** Declared complete (rma:declaredRecord): nobody may change or delete it any more. */
  completed: boolean;
  /** Held by a legal hold (rma:frozen): kept from disposition until released. */
  held: boolean;
}

/** What an officer may know of a closed e-file as a record, read from the papers he may read. */
export interface FileRecord {
  /** The record folder, as the file plan names it: `C-5 / A-11011_5_2026-EST-GAD`. */
  folder: string;
  /** The record category the folder is in (`C-5`), from the record's path. */
  category: string;
  /** The file's own category (A, B, C) and the years a C file is kept (eo:recordCategory, eo:retentionYears). */
  recordCategory?: string;
  retentionYears?: number;
  held: boolean;
  papers: RecordPaper[];
  /**
   * The next retention step and the date it falls due: the record folder's own when the reader may read it
   * (a records manager may), else as the category's schedule sets it from what the records say
   * (expectedRetentionStep: an officer may not read the folder, in AGS as here).
   */
  nextStep?: { step: string; asOf: string | null };
}

/** A node as the nodes API answers it with include=aspectNames,properties,path. */
interface PaperNode {
  id: string;
  name: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
  path?: { name?: string };
}

/**
 * Reads a closed e-file as a record for the officers who read the file: an officer is no records manager
 * (Governance Services answers him 403), so nothing here calls the GS API. The papers the close declared stay
 * in the file's folders (declared in place, AGS's createRecord with hide-record false) and carry AGS's
 * aspects, read through the core API: rma:record with its rma:identifier, rma:declaredRecord once
 * complete, rma:frozen while a hold holds them; the record's path names its record folder and category.
 * The next step is the record folder's rma:dispositionAction, read only when the repository lets the officer.
 */
@Injectable({ providedIn: 'root' })
export class FileRecordService {
  private readonly apiService = inject(AlfrescoApiService);

  private get api() {
    return this.apiService.getInstance();
  }

  /** The file as a record, or null when none of its papers is one (closed before AGS, or without category). */
  async read(fileId: string): Promise<FileRecord | null> {
    const nodes = new NodesApi(this.api);
    const [file, folders] = await Promise.all([
      nodes.getNode(fileId, { include: ['properties'] }),
      nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 50 })
    ]);
    const paperFolders = (folders.list?.entries ?? []).filter((e) => PAPER_FOLDERS.includes(e.entry.name));
    const listed = await Promise.all(
      paperFolders.map((f) =>
        nodes.listNodeChildren(f.entry.id, { where: '(isFile=true)', include: ['aspectNames', 'properties', 'path'], maxItems: 1000 })
      )
    );
    const records = listed
      .flatMap((page) => page.list?.entries ?? [])
      .map((e) => e.entry as unknown as PaperNode)
      .filter((n) => (n.aspectNames ?? []).includes('rma:record'));
    if (!records.length) return null;

    const papers: RecordPaper[] = records.map((n) => ({
      id: n.id,
      name: n.name,
      identifier: String(n.properties?.['rma:identifier'] ?? ''),
      completed: (n.aspectNames ?? []).includes('rma:declaredRecord'),
      held: (n.aspectNames ?? []).includes('rma:frozen')
    }));
    // The record's primary path ends in its folder: …/documentLibrary/<category>/…/<folder>/<record>.
    const parts = filePlanPath(records[0].path?.name).split('/').filter(Boolean);
    const props = (file.entry.properties ?? {}) as Record<string, unknown>;
    const years = Number(props['eo:retentionYears']);
    const category = parts.at(-2) ?? '';
    return {
      folder: parts.join(' / '),
      category,
      recordCategory: typeof props['eo:recordCategory'] === 'string' ? (props['eo:recordCategory'] as string) : undefined,
      ...(Number.isInteger(years) && years > 0 ? { retentionYears: years } : {}),
      held: papers.some((p) => p.held),
      papers,
      nextStep: (await this.nextStep(records[0]).catch(() => undefined)) ?? this.expectedStep(category, props, records)
    };
  }

  /** The next step as the category's schedule sets it, from the file's closing and the records' cut-off. */
  private expectedStep(category: string, file: Record<string, unknown>, records: PaperNode[]): FileRecord['nextStep'] {
    const prop = (n: PaperNode, name: string) => (typeof n.properties?.[name] === 'string' ? (n.properties[name] as string) : undefined);
    const declared = records.map((n) => prop(n, 'rma:declaredAt')).filter((d): d is string => !!d);
    const closedAt = typeof file['eo:closedAt'] === 'string' ? (file['eo:closedAt'] as string) : declared.sort()[0];
    return expectedRetentionStep({
      category,
      closedAt,
      cutOffAt: records.map((n) => prop(n, 'rma:cutOffDate')).find((d) => !!d),
      disposed: records.some((n) => ['rma:ghosted', 'rma:transferred', 'rma:ascended'].some((a) => (n.aspectNames ?? []).includes(a)))
    });
  }

  /**
   * The next retention step of the record folder (at record level, of the record itself), as a search finds
   * it; undefined when the officer may not read it, as in AGS unless the records manager gave him access.
   */
  private async nextStep(record: PaperNode): Promise<FileRecord['nextStep']> {
    const search = new SearchApi(this.api);
    const folderId = await this.primaryParent(record.id);
    const found = await search.search({
      query: {
        query: `TYPE:"rma:dispositionAction" AND (PARENT:"workspace://SpacesStore/${record.id}" OR PARENT:"workspace://SpacesStore/${folderId}")`,
        language: 'afts'
      },
      include: ['properties'],
      paging: { skipCount: 0, maxItems: 10 }
    });
    const open = (found.list?.entries ?? [])
      .map((e) => e.entry.properties ?? {})
      .find((p) => !p['rma:dispositionActionCompletedAt'] && p['rma:dispositionAction']);
    return open
      ? {
          step: String(open['rma:dispositionAction']),
          asOf: typeof open['rma:dispositionAsOf'] === 'string' ? open['rma:dispositionAsOf'] : null
        }
      : undefined;
  }

  /** The record folder holding the record (its primary parent, in the file plan). */
  private async primaryParent(recordId: string): Promise<string> {
    const parents = await new NodesApi(this.api).listParents(recordId, { where: '(isPrimary=true)', maxItems: 1 });
    return parents.list?.entries?.[0]?.entry.id ?? recordId;
  }
}
