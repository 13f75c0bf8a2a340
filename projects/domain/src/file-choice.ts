// Put in a file: the open files a receipt may go into, as the dialog's search finds and lists them.
import { quote } from './afts';
import { fileTextQuery } from './file-query';
import type { NodeEntryLike } from './node-entry';
import { seriesItems } from './series-scope';

/** A file a receipt can be put in, as the search lists it. */
export interface FileChoice {
  id: string;
  fileNumber: string;
  computerNumber: string;
  subject: string;
}

/**
 * AFTS for the open files of the department site `site` the officer's posts hold (at their place in its
 * series tree: a planted or copied eo:file is never offered), narrowed by a term matched against the file
 * number, the Computer No. and the subject (the workflow refuses any other file anyway).
 */
export function fileChoiceQuery(site: string, holderPosts: string[], term: string): string {
  const holders = holderPosts.length ? holderPosts.map((p) => `=eo:currentHolder:${quote(p)}`).join(' OR ') : '=eo:currentHolder:"-none-"';
  const parts = [seriesItems(site, ['file']), `(${holders})`, `NOT =eo:status:"closed"`];
  const words = fileTextQuery(term);
  if (words) parts.push(words);
  return parts.join(' AND ');
}

export function toFileChoice(entry: Pick<NodeEntryLike, 'id' | 'name' | 'properties'>): FileChoice {
  const p = entry.properties ?? {};
  return {
    id: entry.id,
    fileNumber: String(p['eo:fileNumber'] ?? entry.name),
    computerNumber: String(p['eo:computerNumber'] ?? ''),
    subject: String(p['eo:subject'] ?? '')
  };
}
