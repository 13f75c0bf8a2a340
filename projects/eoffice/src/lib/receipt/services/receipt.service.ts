import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi, UploadApi } from '@alfresco/js-api';
import { EO_TYPES, NumberingNodes, claimComputerNumber, claimNext, receiptSeries } from '../../domain';
import { Desk, DeskService } from '../../desk/desk.service';
import { ReceiptDraft, Receipt, toReceipt, toReceiptNodeBody, toReceiptUpdate } from '../model/receipt.model';
import { ReceiptListName, ReceiptListRequest, SORT_PROPERTIES, receiptListKind, receiptQuery } from '../model/receipt-query';

/** The department and the signed-in officer's posts, as the diary needs them. */
export type DiaryDesk = Desk;

export interface ScanProgress {
  file: string;
  /** 0..100 */
  percent: number;
  done: boolean;
  failed: boolean;
}

export interface DiarisedReceipt {
  id: string;
  receiptNumber: string;
  /** Scans that could not be stored; the receipt exists and they can be uploaded again. */
  failedScans: File[];
}

export interface ReceiptPage {
  receipts: Receipt[];
  totalItems: number;
}

export interface ReceiptDetails {
  receipt: Receipt;
  scans: { id: string; name: string; mimeType: string }[];
  /** Movements recorded so far; once there is one, the frozen fields cannot be edited. */
  movements: number;
}

const MOVEMENTS_FOLDER = 'Movements';

/** Owns the dak diary in the repository: diarise (number, metadata, scans), read, list, edit. */
@Injectable({ providedIn: 'root' })
export class ReceiptService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);

  private get nodesApi(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  private get uploadApi(): UploadApi {
    return new UploadApi(this.apiService.getInstance());
  }

  private get searchApi(): SearchApi {
    return new SearchApi(this.apiService.getInstance());
  }

  /** The hierarchy, the department's document library and the officer's posts (read once). */
  desk(): Promise<DiaryDesk> {
    return this.deskService.desk();
  }

  /**
   * Diarises a receipt: claims a Computer No. and the next receipt number of the section (race-free,
   * see domain/numbering.ts), creating the eo:receipt with all its metadata in that one request, then
   * stores the scans in it, reporting the progress of each.
   */
  async diarise(draft: ReceiptDraft, scans: File[], progress?: (p: ScanProgress) => void, now = new Date()): Promise<DiarisedReceipt> {
    const desk = await this.desk();
    if (!desk.posts.length) throw new Error('EOFFICE.RECEIPT.ERRORS.NO_POST');
    const nodes = this.nodesApi as unknown as NumberingNodes;
    const year = now.getFullYear();
    const computerNumber = await claimComputerNumber(nodes, desk.documentLibraryId, year, 'Receipt');
    const context = {
      department: desk.hierarchy.department.code,
      diaristPost: desk.posts[0],
      year,
      computerNumber,
      now
    };
    let receiptNumber = '';
    const claimed = await claimNext(nodes, {
      parentId: desk.documentLibraryId,
      folder: receiptSeries(year, draft.section),
      body: (n) => {
        const body = toReceiptNodeBody(draft, n, context);
        receiptNumber = String(body.properties['eo:receiptNumber']);
        return body;
      }
    });
    const failedScans = draft.form === 'electronic' || scans.length ? await this.uploadScans(claimed.id, scans, progress) : [];
    return { id: claimed.id, receiptNumber, failedScans };
  }

  /** Stores scans in a receipt, one after the other; answers those that failed. */
  async uploadScans(receiptId: string, scans: File[], progress?: (p: ScanProgress) => void): Promise<File[]> {
    const failed: File[] = [];
    for (const scan of scans) {
      progress?.({ file: scan.name, percent: 0, done: false, failed: false });
      try {
        const upload = this.uploadApi.uploadFile(
          scan,
          '',
          receiptId,
          { name: scan.name, nodeType: 'cm:content' },
          {
            autoRename: true
          }
        );
        (upload as unknown as { on?: (event: string, cb: (e: { percent?: number }) => void) => void }).on?.('progress', (event) =>
          progress?.({ file: scan.name, percent: Math.min(99, Math.round(event.percent ?? 0)), done: false, failed: false })
        );
        await upload;
        progress?.({ file: scan.name, percent: 100, done: true, failed: false });
      } catch {
        failed.push(scan);
        progress?.({ file: scan.name, percent: 0, done: true, failed: true });
      }
    }
    return failed;
  }

  /** A receipt with its scans and the number of its movements. */
  async get(id: string): Promise<ReceiptDetails> {
    const nodes = this.nodesApi;
    const node = await nodes.getNode(id, { include: ['properties', 'aspectNames'] });
    if (node.entry.nodeType !== EO_TYPES.receipt) throw new Error('EOFFICE.RECEIPT.ERRORS.NOT_A_RECEIPT');
    const children = await nodes.listNodeChildren(id, { include: ['properties'], maxItems: 100, orderBy: ['name ASC'] });
    const entries = children.list?.entries ?? [];
    const scans = entries
      .filter((child) => child.entry.isFile)
      .map((child) => ({ id: child.entry.id, name: child.entry.name, mimeType: child.entry.content?.mimeType ?? '' }));
    const movementsFolder = entries.find((child) => child.entry.isFolder && child.entry.name === MOVEMENTS_FOLDER);
    const movements = movementsFolder
      ? ((await nodes.listNodeChildren(movementsFolder.entry.id, { maxItems: 1 })).list?.pagination?.totalItems ?? 0)
      : 0;
    return { receipt: toReceipt(node.entry), scans, movements };
  }

  /**
   * Records that the acknowledgement went to the sender (it leaves the Acknowledgement list). Only the
   * post holding the receipt may write it; for anyone else the PDF is simply a copy, so a refusal is fine.
   */
  async markAcknowledged(id: string, at = new Date()): Promise<boolean> {
    try {
      await this.nodesApi.updateNode(id, { properties: { 'eo:acknowledgedAt': at.toISOString() } });
      return true;
    } catch {
      return false;
    }
  }

  /** Saves an edit; received, letter and diarised dates and delivery mode stay as they are once it has moved. */
  async update(id: string, draft: ReceiptDraft, moved: boolean): Promise<Receipt> {
    const updated = await this.nodesApi.updateNode(
      id,
      { properties: toReceiptUpdate(draft, moved) as unknown as Record<string, string> },
      { include: ['properties'] }
    );
    return toReceipt(updated.entry);
  }

  /** One page of a receipt list from the search API. */
  async list(kind: ReceiptListName, request: ReceiptListRequest): Promise<ReceiptPage> {
    const desk = await this.desk();
    const listKind = receiptListKind(kind, desk.posts);
    const result = await this.searchApi.search({
      query: { query: receiptQuery(listKind, request.filters), language: 'afts' },
      include: ['properties'],
      paging: { skipCount: request.skipCount, maxItems: request.maxItems },
      sort: [{ type: 'FIELD', field: SORT_PROPERTIES[request.sort.field], ascending: request.sort.ascending }]
    });
    return {
      receipts: (result.list?.entries ?? []).map((entry) => toReceipt(entry.entry)),
      totalItems: result.list?.pagination?.totalItems ?? 0
    };
  }
}
