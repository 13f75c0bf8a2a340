// What the notesheet adds to @eoffice/domain's note (note.ts): the note's text as sanitised HTML, and the
// reference a later note makes to it. Both need the browser's DOM (DOMPurify, DOMParser), which the
// framework-free domain does not have.
import { Note, NoteNode, noteFromNode } from '@eoffice/domain';
import { NoteReference } from '../model/file.model';
import { isBlankNote, plainTextToHtml, sanitiseNoteHtml } from './note-sanitiser';

/** HTML notes are stored as text/html; older and seeded notes are text/plain and are shown as text. */
export function noteContentToHtml(content: string, mimeType?: string): string {
  const html = mimeType === 'text/html' || (!mimeType && /^\s*</.test(content));
  return html ? sanitiseNoteHtml(content) : plainTextToHtml(content);
}

/** Maps an eo:note node and its content, when read, to a Note. */
export function toNote(node: NoteNode, content?: string): Note {
  return { ...noteFromNode(node), html: content === undefined ? undefined : noteContentToHtml(content, node.content?.mimeType) };
}

/** The reference a later note makes to a note. */
export function noteReference(note: Pick<Note, 'id' | 'number' | 'html'>, label: string): NoteReference {
  // A note not read yet is referred to by its number alone.
  const words = new DOMParser().parseFromString(note.html ?? '', 'text/html').body.textContent?.trim() ?? '';
  return { kind: 'note', id: note.id, label, title: words.length > 80 ? `${words.slice(0, 80)}…` : words };
}

export { isBlankNote };
