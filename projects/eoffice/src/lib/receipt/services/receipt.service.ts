import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi, UploadApi } from '@alfresco/js-api';
import {
  EO_TYPES,
  departmentSite,
  registryPosts,
  READ_FILTER_LISTS,
  ReceiptListName,
  ReceiptListRequest,
  RECEIPT_SORT_PROPERTIES,
  receiptListKind,
  receiptQuery
} from '@eoffice/domain';
import { Desk, DeskService } from '../../desk/desk.service';
import { RegistrationService } from '../../movement/services/registration.service';
import { ReceiptDraft, Receipt, toReceipt, toReceiptIntakeBody, toReceiptUpdate } from '../model/receipt.model';
import { MovementService } from '../../movement/services/movement.service';
import { REPLIES_FOLDER, ReplyDraft, replyFileName, replyLetterHtml } from '../reply/reply-letter';

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
  /** Empty while the receipt waits unnumbered in the intake folder (some scans could not be stored). */
  receiptNumber: string;
  /** The Central Registry post that diarises it (its code). */
  post: string;
  /** Scans that could not be stored; they can be uploaded again, and the receipt is numbered then. */
  failedScans: File[];
}

export interface ReceiptPage {
  receipts: Receipt[];
  totalItems: number;
  /** Inbox: ids of the receipts the officer's posts have not opened yet (shown in bold); empty elsewhere. */
  unopened: string[];
}

export interface ReceiptDetails {
  receipt: Receipt;
  scans: { id: string; name: string; mimeType: string }[];
  /** Movements recorded so far; once there is one, the frozen fields cannot be edited. */
  movements: number;
  /** Draft replies to the sender kept under the receipt (Replies/), oldest first. */
  replies: { id: string; name: string; title: string }[];
}

const MOVEMENTS_FOLDER = 'Movements';

/** Owns the dak diary in the repository: diarise (number, metadata, scans), read, list, edit. */
@Injectable({ providedIn: 'root' })
export class ReceiptService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);
  private readonly registration = inject(RegistrationService);
  private readonly movements = inject(MovementService);

  private get nodesApi(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  private get uploadApi(): UploadApi {
    return new UploadApi(this.apiService.getInstance());
  }

  private get searchApi(): SearchApi {
    return new SearchApi(this.apiService.getInstance());
  }

  /** The hierarchy and the officer's posts (read once). */
  desk(): Promise<DiaryDesk> {
    return this.deskService.desk();
  }

  /**
   * Diarises a receipt: creates it with all its metadata in the Central Registry's intake folder, stores
   * the scans in it (reporting the progress of each), then has the repository number it (eoRegister: the
   * diary number and Computer No., race-free and gap-free, see domain/numbering.ts). While a scan could not
   * be stored the receipt waits unnumbered: once numbered it is read-only to the diarist.
   */
  async diarise(draft: ReceiptDraft, scans: File[], progress?: (p: ScanProgress) => void, now = new Date()): Promise<DiarisedReceipt> {
    const desk = await this.desk();
    if (!desk.posts.length) throw new Error('EOFFICE.RECEIPT.ERRORS.NO_POST');
    const registry = registryPosts(desk.hierarchy).map((p) => p.code);
    const post = desk.postEntries.find((p) => registry.includes(p.code));
    if (!post) throw new Error('EOFFICE.RECEIPT.ERRORS.NOT_REGISTRY');
    const body = toReceiptIntakeBody(draft, now);
    const id = await this.registration.createInIntake(
      await this.deskService.documentLibraryId(),
      post.code,
      body.nodeType,
      body.properties
    );
    const failedScans = draft.form === 'electronic' || scans.length ? await this.uploadScans(id, scans, progress) : [];
    return this.numberIfComplete({ id, receiptNumber: '', post: post.code, failedScans });
  }

  /** Uploads the scans that failed again; the receipt is numbered once all are stored. */
  async retryScans(done: DiarisedReceipt, progress?: (p: ScanProgress) => void): Promise<DiarisedReceipt> {
    const failedScans = await this.uploadScans(done.id, done.failedScans, progress);
    return this.numberIfComplete({ ...done, failedScans });
  }

  private async numberIfComplete(done: DiarisedReceipt): Promise<DiarisedReceipt> {
    if (done.failedScans.length || done.receiptNumber) return done;
    const registered = await this.registration.register(done.id, done.post);
    return { ...done, receiptNumber: registered.number };
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
    const folder = (name: string) => entries.find((child) => child.entry.isFolder && child.entry.name === name)?.entry.id;
    const movementsFolder = folder(MOVEMENTS_FOLDER);
    const repliesFolder = folder(REPLIES_FOLDER);
    const [movements, replies] = await Promise.all([
      movementsFolder ? nodes.listNodeChildren(movementsFolder, { maxItems: 1 }).then((page) => page.list?.pagination?.totalItems ?? 0) : 0,
      repliesFolder
        ? nodes.listNodeChildren(repliesFolder, { include: ['properties'], maxItems: 100, orderBy: ['createdAt ASC'] }).then((page) =>
            (page.list?.entries ?? []).map(({ entry }) => ({
              id: entry.id,
              name: entry.name,
              title: String((entry.properties as Record<string, unknown> | undefined)?.['cm:title'] ?? entry.name)
            }))
          )
        : []
    ]);
    return { receipt: toReceipt(node.entry), scans, movements, replies };
  }

  /** The body of a stored draft reply (the letter without its page head), to show in the receipt view. */
  async replyLetter(id: string): Promise<string> {
    const content: unknown = await this.nodesApi.getNodeContent(id);
    const text = content instanceof Blob ? await content.text() : String(content ?? '');
    return new DOMParser().parseFromString(text, 'text/html').body.innerHTML.trim();
  }

  /**
   * Stores a draft reply to the sender under the receipt (Replies/, created with the first one) as an
   * eo:draft of kind `reply`. The letter is written in a second request; if that fails the empty draft
   * is removed again, so nothing half-saved stays behind.
   */
  async createReply(receipt: Receipt, reply: ReplyDraft, now = new Date()): Promise<{ id: string; name: string; title: string }> {
    const nodes = this.nodesApi;
    const subject = reply.subject.trim();
    const created = await nodes.createNode(
      receipt.id,
      {
        name: replyFileName(receipt, now),
        nodeType: EO_TYPES.draft,
        relativePath: REPLIES_FOLDER,
        properties: { 'cm:title': subject, 'eo:draftKind': 'reply', 'eo:draftStatus': 'draft' }
      },
      { autoRename: true }
    );
    try {
      await nodes.updateNodeContent(created.entry.id, replyLetterHtml({ ...reply, subject }, receipt, now), { majorVersion: false });
    } catch (error) {
      await nodes.deleteNode(created.entry.id, { permanent: true }).catch(() => undefined);
      throw error;
    }
    return { id: created.entry.id, name: created.entry.name, title: subject };
  }

  /**
   * Records that the acknowledgement went to the sender (it leaves the Acknowledgement list), through the
   * repository's amendment: only the post holding the receipt may; for anyone else the PDF is simply a copy,
   * so a refusal is fine.
   */
  async markAcknowledged(id: string, at = new Date()): Promise<boolean> {
    try {
      await this.registration.amend(id, { 'eo:acknowledgedAt': at.toISOString() });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Saves the holder's edit through the repository (eoRegister's amendment: the receipt itself is read-only
   * to officers); received and letter dates and delivery mode stay as they are once it has moved.
   */
  async update(id: string, draft: ReceiptDraft, moved: boolean): Promise<Receipt> {
    await this.registration.amend(id, toReceiptUpdate(draft, moved));
    const updated = await this.nodesApi.getNode(id, { include: ['properties'] });
    return toReceipt(updated.entry);
  }

  /**
   * One page of a receipt list from the search API. The Inbox also learns which of its receipts are
   * unopened (one workflow request per post, beside the search); a read/unread filter needs those ids first.
   */
  async list(kind: ReceiptListName, request: ReceiptListRequest): Promise<ReceiptPage> {
    const desk = await this.desk();
    const listKind = receiptListKind(kind, desk.posts);
    const read = READ_FILTER_LISTS.includes(kind) ? request.filters.read : undefined;
    const filters = { ...request.filters, read };
    const unopened =
      read || kind === 'inbox' ? this.movements.unopenedItems(desk.posts, kind === 'inbox' ? 'holder' : 'sender') : Promise.resolve([]);
    const search = (unreadIds: string[]) =>
      this.searchApi.search({
        query: { query: receiptQuery(departmentSite(desk.hierarchy), listKind, filters, unreadIds), language: 'afts' },
        include: ['properties'],
        paging: { skipCount: request.skipCount, maxItems: request.maxItems },
        sort: [{ type: 'FIELD', field: RECEIPT_SORT_PROPERTIES[request.sort.field], ascending: request.sort.ascending }]
      });
    const [result, unopenedIds] = await Promise.all([read ? unopened.then(search) : search([]), unopened]);
    return {
      receipts: (result.list?.entries ?? []).map((entry) => toReceipt(entry.entry)),
      totalItems: result.list?.pagination?.totalItems ?? 0,
      unopened: kind === 'inbox' ? unopenedIds : []
    };
  }
}
