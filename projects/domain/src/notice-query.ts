import { quote } from './afts';
import type { NodeEntryLike } from './node-entry';
import { EO_TYPES } from './vocabulary';

/**
 * The officer's notices (issue 19): eo:notice nodes the movement workflow writes into his "eOffice Notices"
 * folder (config/workflow/src/notices.js), which only he may read, so a plain search finds his and nobody
 * else's. The bell reads them with these queries; the repository's tests use the same ones.
 */

/** The model's eo:noticeKinds (config/model/eofficeModel.xml; installer/test/notices.test.ts checks they agree). */
export const NOTICE_KINDS = ['send', 'sendBack', 'copy', 'approval', 'pullBack', 'due', 'overdue'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  id: string;
  kind: NoticeKind;
  itemId: string;
  itemType: 'receipt' | 'file';
  itemNumber: string;
  subject: string;
  /** The sending post in words, English and Hindi. */
  from: { en: string; hi: string };
  /** ISO date-time. */
  at: string;
  read: boolean;
}

/** Every notice of the caller. */
export const NOTICES_QUERY = `TYPE:${quote(EO_TYPES.notice)}`;
/** The caller's unread notices (what the bell counts). */
export const UNREAD_NOTICES_QUERY = `${NOTICES_QUERY} AND eo:noticeRead:false`;
/** The caller's unread notices of one item (read once he opens the item). */
export const unreadNoticesOfItem = (itemId: string): string => `${UNREAD_NOTICES_QUERY} AND eo:noticeItemId:${quote(itemId)}`;

/** The search request for the latest `max` notices, newest first. */
export function latestNoticesRequest(max: number) {
  return {
    query: { query: NOTICES_QUERY, language: 'afts' as const },
    include: ['properties'],
    sort: [{ type: 'FIELD' as const, field: 'eo:noticeAt', ascending: false }],
    paging: { skipCount: 0, maxItems: max }
  };
}

/** A notice read from its node; null for a node that is not one (or of a kind this version does not know). */
export function toNotice(node: NodeEntryLike): Notice | null {
  const p = (node.properties ?? {}) as Record<string, unknown>;
  const kind = String(p['eo:noticeKind'] ?? '') as NoticeKind;
  if (!NOTICE_KINDS.includes(kind)) return null;
  const text = (k: string) => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
  const at = p['eo:noticeAt'];
  return {
    id: node.id,
    kind,
    itemId: text('eo:noticeItemId'),
    itemType: text('eo:noticeItemType') === 'file' ? 'file' : 'receipt',
    itemNumber: text('eo:noticeItemNumber'),
    subject: text('eo:noticeSubject'),
    from: { en: text('eo:noticeFromTitle'), hi: text('eo:noticeFromTitleHi') || text('eo:noticeFromTitle') },
    at: at instanceof Date ? at.toISOString() : text('eo:noticeAt'),
    read: p['eo:noticeRead'] === true
  };
}

/** The page of the app that shows a notice's item. */
export const noticeItemRoute = (n: Pick<Notice, 'itemType' | 'itemId'>): string =>
  `/eoffice/${n.itemType === 'file' ? 'files' : 'receipts'}/${n.itemId}`;
