// The dak diary's lists (Created, Inbox, Sent, Closed, Acknowledgement) as AFTS queries on the custody
// properties the movement workflow keeps, with the list filters; shared by the receipt lists, the desk counts,
// the installer's custody test and the repository's bench.
import { quote } from './afts';
import { nextOfficeDay, officeDaysRange } from './office-time';
import { seriesItems } from './series-scope';
import { RECEIPT_FORMS } from './vocabulary';

/** How the dak came: scanned (electronic) or on paper (physical), eo:receiptForm. */
export type ReceiptForm = (typeof RECEIPT_FORMS)[number]['value'];

/** Filters of a receipt list; empty values do not filter. Dates are `yyyy-mm-dd`. */
export interface ReceiptFilters {
  diarisedFrom?: string;
  diarisedTo?: string;
  mainCategory?: string;
  urgency?: string;
  securityGrading?: string;
  sender?: string;
  form?: ReceiptForm | '';
  /** Inbox: not yet opened by the officer's post; Sent: not yet opened by the recipient. */
  read?: ReadFilter;
}

export type ReadFilter = 'read' | 'unread' | '';

/** Lists where "read" means something: the Inbox (opened by us) and Sent (opened by the recipient). */
export const READ_FILTER_LISTS: ReceiptListName[] = ['inbox', 'sent'];

/** AFTS clause keeping (unread) or leaving out (read) the unopened receipts; no unopened ones means none are unread. */
export function readClause(read: ReadFilter | undefined, unreadIds: string[]): string | undefined {
  if (!read) return undefined;
  const ids = unreadIds.map((id) => `ID:${quote(`workspace://SpacesStore/${id}`)}`);
  if (read === 'unread') return ids.length ? `(${ids.join(' OR ')})` : `ID:${quote('workspace://SpacesStore/-none-')}`;
  return ids.length ? `NOT (${ids.join(' OR ')})` : undefined;
}

export type ReceiptSortField = 'diarisedDate' | 'receiptNumber' | 'subject' | 'urgency' | 'heldSince';

export interface ReceiptListRequest {
  filters: ReceiptFilters;
  skipCount: number;
  maxItems: number;
  sort: { field: ReceiptSortField; ascending: boolean };
}

/** The receipt lists of the dak diary. */
export type ReceiptListName = 'created' | 'inbox' | 'sent' | 'closed' | 'acknowledgement';

/** What each list shows, for the officer's post groups. */
export function receiptListKind(list: ReceiptListName, posts: string[]): ReceiptListKind {
  switch (list) {
    case 'inbox':
      return { holderPosts: posts, statuses: ['inMovement', 'parked'], approverPosts: posts };
    case 'sent':
      return { previousHolderPosts: posts, statuses: ['inMovement', 'parked'] };
    case 'closed':
      return { holderPosts: posts, statuses: ['closed', 'putInFile'] };
    case 'acknowledgement':
      return { originPosts: posts, unacknowledged: true };
    default:
      return { originPosts: posts };
  }
}

export interface ReceiptListKind {
  /** Created: receipts diarised by the officer's posts. */
  originPosts?: string[];
  /** Inbox: receipts held by the officer's posts. */
  holderPosts?: string[];
  /** Sent: receipts the officer's posts passed on most recently (eo:previousHolder), now with someone else. */
  previousHolderPosts?: string[];
  /** Acknowledgement: receipts whose acknowledgement to the sender has not been generated yet. */
  unacknowledged?: boolean;
  /** Only receipts in these states (the Inbox shows moving and parked ones, not closed or filed ones). */
  statuses?: string[];
  /** Inbox: also receipts whose reopening waits for one of these posts to approve it, whoever holds them. */
  approverPosts?: string[];
}

function anyOf(property: string, values: string[]): string {
  return values.length === 1 ? `=${property}:${quote(values[0])}` : `(${values.map((v) => `=${property}:${quote(v)}`).join(' OR ')})`;
}

/**
 * The AFTS query of a receipt list in the department site `site`: only receipts at their place in its
 * series tree (seriesItems), so a planted or copied eo:receipt never appears, whatever its properties say.
 * That PATH, the date range and the sender text are answered by the search index (Solr/Elasticsearch).
 */
export function receiptQuery(site: string, kind: ReceiptListKind, filters: ReceiptFilters, unreadIds: string[] = []): string {
  const parts = [seriesItems(site, ['receipt'])];
  if (kind.originPosts) parts.push(kind.originPosts.length ? anyOf('eo:originPost', kind.originPosts) : '=eo:originPost:"-none-"');
  const custody: string[] = [];
  if (kind.holderPosts) custody.push(kind.holderPosts.length ? anyOf('eo:currentHolder', kind.holderPosts) : '=eo:currentHolder:"-none-"');
  if (kind.previousHolderPosts)
    custody.push(kind.previousHolderPosts.length ? anyOf('eo:previousHolder', kind.previousHolderPosts) : '=eo:previousHolder:"-none-"');
  if (kind.statuses?.length) custody.push(anyOf('eo:status', kind.statuses));
  if (kind.approverPosts?.length) parts.push(`((${custody.join(' AND ')}) OR ${anyOf('eo:approverPost', kind.approverPosts)})`);
  else parts.push(...custody);
  if (kind.unacknowledged) parts.push('NOT eo:acknowledgedAt:[MIN TO MAX]');
  if (filters.diarisedFrom || filters.diarisedTo) {
    // index needed: range over office days (IST), the "to" day included
    parts.push(officeDaysRange('eo:diarisedDate', filters.diarisedFrom, filters.diarisedTo && nextOfficeDay(filters.diarisedTo)));
  }
  if (filters.mainCategory) parts.push(`=eo:mainCategory:${quote(filters.mainCategory)}`);
  if (filters.urgency) parts.push(`=eo:urgency:${quote(filters.urgency)}`);
  if (filters.securityGrading) parts.push(`=eo:securityGrading:${quote(filters.securityGrading)}`);
  if (filters.form) parts.push(`=eo:receiptForm:${quote(filters.form)}`);
  const sender = filters.sender?.trim();
  if (sender) {
    // index needed: text match on the sender's name, organisation or ministry (Devanagari works too)
    const words = sender.split(/\s+/).map((w) => quote(`*${w.replace(/[*?]/g, '')}*`));
    const inField = (field: string) => `(${words.map((w) => `${field}:${w}`).join(' AND ')})`;
    parts.push(`(${['eo:senderName', 'eo:senderOrganisation', 'eo:senderMinistry'].map(inField).join(' OR ')})`);
  }
  const read = readClause(filters.read, unreadIds);
  if (read) parts.push(read);
  return parts.join(' AND ');
}

export const RECEIPT_SORT_PROPERTIES: Record<ReceiptSortField, string> = {
  diarisedDate: 'eo:diarisedDate',
  receiptNumber: 'eo:receiptSerial',
  subject: 'eo:subject',
  urgency: 'eo:urgency',
  heldSince: 'eo:heldSince'
};
