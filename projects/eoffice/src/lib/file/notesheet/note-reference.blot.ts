// A reference inside the note editor (PUC, FR I, Note 4): one atomic token the officer can delete but
// not half-edit. In the stored HTML it is `<a data-eo-ref="<id>" data-eo-kind="…">label</a>`, no href.
import Quill from 'quill';
import { NoteReferenceKind, referenceAnchor } from './note-sanitiser';

export interface NoteReferenceValue {
  id: string;
  kind: NoteReferenceKind;
  label: string;
}

export const REFERENCE_BLOT = 'eoRef';
/** The editor's class for reference anchors; stored notes get it added on their way into the editor. */
export const REFERENCE_CLASS = 'eo-ref';

const Embed = Quill.import('blots/embed') as unknown as {
  new (...args: unknown[]): { domNode: HTMLElement };
  create(value?: unknown): Node;
};

const GUARD = /\uFEFF/g;

class NoteReferenceBlot extends Embed {
  static blotName = REFERENCE_BLOT;
  static tagName = 'A';
  static className = REFERENCE_CLASS;

  static override create(value: NoteReferenceValue): HTMLElement {
    const node = super.create(value) as HTMLElement;
    node.setAttribute('data-eo-ref', value.id);
    node.setAttribute('data-eo-kind', value.kind);
    node.textContent = value.label;
    return node;
  }

  static value(node: HTMLElement): NoteReferenceValue {
    return {
      id: node.getAttribute('data-eo-ref') ?? '',
      kind: node.getAttribute('data-eo-kind') === 'note' ? 'note' : 'correspondence',
      label: (node.textContent ?? '').replace(GUARD, '').trim()
    };
  }

  /** What getSemanticHTML writes for the token: the clean stored form, not the editor's guards and spans. */
  html(): string {
    return referenceAnchor(NoteReferenceBlot.value(this.domNode));
  }
}

let registered = false;

/** Registers the reference token with Quill (once; Quill's registry is global). */
export function registerNoteReferenceBlot(): void {
  if (registered) return;
  Quill.register(NoteReferenceBlot as never, true);
  registered = true;
}

/** Stored note HTML made ready for Quill's clipboard: reference anchors carry the blot's class. */
export function htmlForEditor(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('a[data-eo-ref]').forEach((a) => a.setAttribute('class', REFERENCE_CLASS));
  return doc.body.innerHTML;
}
