// A note of the noting portion of an e-File: an eo:note content node in the file's Notes/ folder, named
// by its zero-padded number. Yellow = draft (editable while the file is with the officer's post),
// green = permanent and signed (frozen by the movement workflow once the file is sent on).
// What the note node records; its HTML is sanitised and shown by the extension (notesheet/note.model.ts),
// which needs the browser's DOM, so `html` is filled there.
import type { NodeEntryLike } from './node-entry';

export const NOTES_FOLDER = 'Notes';
export const NOTE_TYPE = 'eo:note';
export const SIGNED_ASPECT = 'eo:signed';

export type NoteColour = 'yellow' | 'green';

export interface NoteSignature {
  name: string;
  designation: string;
  user: string;
  /** Post group that signed, e.g. GROUP_EO_GAD_SO_EST. */
  post: string;
  at?: string;
}

export interface Note {
  id: string;
  number: number;
  name: string;
  colour: NoteColour;
  /** Post group of the officer who wrote it (a PA's note is confirmed by the officer). */
  authorPost: string;
  /** Node ids of the correspondence entries and notes it refers to. */
  references: string[];
  frozenAt?: string;
  signature?: NoteSignature;
  mimeType?: string;
  createdAt?: string;
  modifiedAt?: string;
  /** The repository lets this user change the note node (from allowableOperations; undefined = not asked). */
  updatable?: boolean;
  /**
   * The note's content as sanitised HTML (plain-text notes escaped into paragraphs); undefined while not read
   * (a notesheet reads the text of the notes in view only, NoteService.read).
   */
  html?: string;
}

/** A permission entry as the nodes API gives it (include=permissions) and takes it (locallySet). */
export interface NotePermissionEntry {
  authorityId?: string;
  name?: string;
  accessStatus?: string;
}

/**
 * The permissions a note takes when its author confirms it green: everyone who could read it still reads
 * it, and nobody but its author writes it. The note stops inheriting from Notes/ (where the holding post
 * writes), its readers keep Consumer, and the author, its owner, keeps full control as owners do in ACS:
 * so a colleague in the same post can no longer rewrite or delete a signed note through the nodes API,
 * whatever his client does. Only the owner may change a node's permissions, so the author's own
 * confirmation sets them; each hand-over then renews the readers (lib.js eoHandOver), and the send
 * freezes the note for everyone.
 */
export function confirmedNotePermissions(current?: { inherited?: NotePermissionEntry[]; locallySet?: NotePermissionEntry[] }): {
  isInheritanceEnabled: false;
  locallySet: { authorityId: string; name: 'Consumer'; accessStatus: 'ALLOWED' }[];
} {
  const readers = new Set<string>();
  for (const e of [...(current?.inherited ?? []), ...(current?.locallySet ?? [])])
    if (e.authorityId && (e.accessStatus ?? 'ALLOWED') === 'ALLOWED') readers.add(e.authorityId);
  return {
    isInheritanceEnabled: false,
    locallySet: [...readers].sort().map((authorityId) => ({ authorityId, name: 'Consumer' as const, accessStatus: 'ALLOWED' as const }))
  };
}

type Props = Record<string, unknown>;
const text = (p: Props, k: string): string => (p[k] === undefined || p[k] === null ? '' : String(p[k]));
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : v ? String(v) : undefined);

/** An eo:note node as the nodes API lists it (include properties, aspectNames, allowableOperations). */
export type NoteNode = NodeEntryLike;

/** Maps an eo:note node to a Note without its text (`html` is the extension's, see above). */
export function noteFromNode(node: NoteNode): Omit<Note, 'html'> {
  const p = node.properties ?? {};
  const signed = (node.aspectNames ?? []).includes(SIGNED_ASPECT) || !!p['eo:signedByName'];
  const number = Number(p['eo:noteNumber'] ?? NaN);
  return {
    id: node.id,
    number: Number.isFinite(number) && number > 0 ? number : parseInt(node.name, 10) || 0,
    name: node.name,
    colour: text(p, 'eo:noteColour') === 'green' ? 'green' : 'yellow',
    authorPost: text(p, 'eo:noteAuthorPost'),
    references: toIds(p['eo:noteReferences']),
    frozenAt: iso(p['eo:noteFrozenAt']),
    signature: signed
      ? {
          name: text(p, 'eo:signedByName'),
          designation: text(p, 'eo:signedByDesignation'),
          user: text(p, 'eo:signedByUser'),
          post: text(p, 'eo:signedByPost'),
          at: iso(p['eo:signedAt'])
        }
      : undefined,
    mimeType: node.content?.mimeType,
    createdAt: iso(node.createdAt),
    modifiedAt: iso(node.modifiedAt),
    updatable: node.allowableOperations ? node.allowableOperations.includes('update') : undefined
  };
}

/** d:noderef values come back as ids, or as `workspace://SpacesStore/<id>` from older clients. */
function toIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((v) => String(v).replace(/^workspace:\/\/SpacesStore\//, '')).filter(Boolean);
}

/** Notes in number order (names are zero-padded numbers, so the name breaks ties the same way). */
export function sortNotes(notes: Note[]): Note[] {
  return [...notes].sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}

/** The latest note: the only one a draft may be, and the only one that may be discarded. */
export function latestNote(notes: Note[]): Note | undefined {
  const sorted = sortNotes(notes);
  return sorted[sorted.length - 1];
}
