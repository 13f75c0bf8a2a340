// The e-File lists (Inbox, Created, Sent, Parked, Closed) as AFTS queries on the custody properties the
// movement workflow keeps: holder, previous holder, origin and status are post groups and codes, matched
// exactly (`=`). Only files at their place in the department's series tree count (seriesItems), so a planted
// or copied eo:file never appears, whatever its properties say.
import { quote } from './afts';
import { seriesItems } from './series-scope';

export type FileListName = 'inbox' | 'created' | 'sent' | 'parked' | 'closed';
export const FILE_LISTS: FileListName[] = ['inbox', 'created', 'sent', 'parked', 'closed'];

export type FileSortField = 'fileNumber' | 'subject' | 'heldSince' | 'urgency' | 'closedAt';

export const FILE_SORT_PROPERTIES: Record<FileSortField, string> = {
  fileNumber: 'eo:fileSerial',
  subject: 'eo:subject',
  heldSince: 'eo:heldSince',
  urgency: 'eo:urgency',
  closedAt: 'eo:closedAt'
};

export interface FileListRequest {
  /** Words of the subject, or a file number / Computer No. */
  text?: string;
  skipCount: number;
  maxItems: number;
  sort: { field: FileSortField; ascending: boolean };
}

function anyOf(property: string, values: string[]): string {
  if (!values.length) return `=${property}:"-none-"`;
  return values.length === 1 ? `=${property}:${quote(values[0])}` : `(${values.map((v) => `=${property}:${quote(v)}`).join(' OR ')})`;
}

/** The query of a file list for the officer's post groups, in the department site `site`. */
export function fileQuery(site: string, list: FileListName, posts: string[], text?: string): string {
  const parts = [seriesItems(site, ['file'])];
  switch (list) {
    case 'inbox':
      // Files on the officer's desk: received, sent back, or opened here and not yet sent; and files whose
      // closing or reopening waits for the officer's post to approve it (they stay with the requester).
      parts.push(
        `((${anyOf('eo:currentHolder', posts)} AND ${anyOf('eo:status', ['created', 'inMovement'])}) OR ${anyOf('eo:approverPost', posts)})`
      );
      break;
    case 'created':
      // Every file the officer's posts opened, wherever it is now (as the receipts' Created list).
      parts.push(anyOf('eo:originPost', posts));
      break;
    case 'sent':
      parts.push(anyOf('eo:previousHolder', posts), anyOf('eo:status', ['inMovement', 'parked']));
      // … and no longer with the officer (a file sent back is in the Inbox, not Sent)
      parts.push(`NOT ${anyOf('eo:currentHolder', posts)}`);
      break;
    case 'parked':
      parts.push(anyOf('eo:currentHolder', posts), anyOf('eo:status', ['parked']));
      break;
    case 'closed':
      // Closed with the officer's post, opened by it, or closed on its approval.
      parts.push(
        `(${anyOf('eo:currentHolder', posts)} OR ${anyOf('eo:originPost', posts)} OR ${anyOf('eo:closureApprovedBy', posts)})`,
        anyOf('eo:status', ['closed'])
      );
      break;
  }
  const words = fileTextQuery(text);
  if (words) parts.push(words);
  return parts.join(' AND ');
}

/** Files of the department whose number, Computer No. or subject match `text` (Link a file); undefined for no words. */
export function fileSearchQuery(site: string, text: string): string | undefined {
  const words = fileTextQuery(text);
  return words ? `${seriesItems(site, ['file'])} AND ${words}` : undefined;
}

/**
 * Each word must appear in the file number or the subject, or begin the Computer No. (the files list and
 * Put in a file search alike). eo:fileNumber is untokenised, so ACS's index holds it as one whole value and
 * matches a wildcard on it case-sensitively: the word is looked for in capitals, as formatFileNumber writes
 * every file number (`est` finds A-11011/5/2026-EST-GAD).
 */
export function fileTextQuery(text?: string): string {
  const words = (text ?? '')
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[*?"\\]/g, ''))
    .filter((w) => !!w);
  return words
    .map((word) => {
      const inNumber = quote(`*${word.toUpperCase()}*`);
      const computerNumber = computerNumberPrefixRange(word);
      return `(eo:fileNumber:${inNumber}${computerNumber ? ` OR ${computerNumber}` : ''} OR eo:subject:${quote(`*${word}*`)})`;
    })
    .join(' AND ');
}

/** Digits of a Computer No.: the year and a six-digit serial (computerNumberOf in numbering.ts). */
const COMPUTER_NUMBER_DIGITS = 10;

/**
 * The Computer Nos. that begin with `digits`, as a range: eo:computerNumber is a d:long, and ACS's index
 * (Solr's Trie numbers, Elasticsearch's long fields) matches no wildcard on a number.
 */
export function computerNumberPrefixRange(digits: string): string | undefined {
  if (!/^[1-9]\d*$/.test(digits) || digits.length > COMPUTER_NUMBER_DIGITS) return undefined;
  const span = 10 ** (COMPUTER_NUMBER_DIGITS - digits.length);
  const first = Number(digits) * span;
  return `eo:computerNumber:[${first} TO ${first + span - 1}]`;
}
