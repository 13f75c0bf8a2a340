// Test fixtures of the notesheet (a .spec file so that the library build leaves it out): a file, the officer's desk and an in-memory Notes/ folder that answers
// the js-api calls the NoteService makes, with the repository's rules (unique names → 409, 404, 403).
import { NodesApi, PeopleApi, UploadApi } from '@alfresco/js-api';
import { Desk } from '../../desk/desk.service';
import { parseHierarchy, postGroup, NotePermissionEntry } from '@eoffice/domain';
import { EFile, NoteReference } from '../model/file.model';

export const notesheetHierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
  posts: [
    { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' } },
    {
      code: 'SO_EST',
      level: 2,
      section: 'EST',
      designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' },
      reportsTo: 'US_EST',
      incumbent: 'priya.nair',
      incumbentName: { en: 'Priya Nair', hi: 'प्रिया नायर' }
    },
    {
      code: 'ASO_EST',
      level: 1,
      section: 'EST',
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      reportsTo: 'SO_EST'
    }
  ]
});

export const SO_GROUP = postGroup(notesheetHierarchy, 'SO_EST');
export const ASO_GROUP = postGroup(notesheetHierarchy, 'ASO_EST');

export const notesheetDesk: Desk = {
  hierarchy: notesheetHierarchy,
  posts: [SO_GROUP],
  postEntries: [notesheetHierarchy.posts[1]],
  section: 'EST'
};

// Cast: the file view's model grows (links, part files); the notesheet reads only what is below.
export const testFile = (canWrite = true): EFile =>
  ({
    id: 'file-1',
    fileNumber: 'A-11011/5/2026-EST-GAD',
    subject: 'Leave rules / अवकाश नियम',
    subjectHead: 'Leave',
    section: 'EST',
    department: 'GAD',
    year: 2026,
    serial: 5,
    basicHead: 'A',
    primaryHead: '11011',
    secondaryHead: '',
    form: 'electronic',
    status: 'inMovement',
    currentHolder: SO_GROUP,
    originPost: ASO_GROUP,
    linkedFiles: [],
    canWrite
  }) as EFile;

export const testReferences: NoteReference[] = [
  { kind: 'correspondence', id: 'corr-1', label: 'PUC', title: '12/2026/EST-GAD: Leave application' },
  { kind: 'correspondence', id: 'corr-2', label: 'FR I', title: '15/2026/EST-GAD: Reminder' }
];

export interface StoredNote {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  aspectNames: string[];
  content: string;
  mimeType: string;
  allowableOperations?: string[];
  /** As include=permissions answers them (the note's author, its owner, may read them). */
  permissions?: { isInheritanceEnabled?: boolean; inherited?: NotePermissionEntry[]; locallySet?: NotePermissionEntry[] };
  /** Bumped on every change, as the repository's modifiedAt is. */
  modifiedAt: string;
}

const status = (code: number) => Object.assign(new Error(String(code)), { status: code });

/** An in-memory Notes/ folder of file-1 behind spies on the js-api classes. */
export class NotesRepository {
  notes = new Map<string, StoredNote>();
  folderExists = true;
  /** Status to answer the next call of a method with (then cleared). */
  failNext: Partial<Record<'getNode' | 'list' | 'upload' | 'put' | 'update' | 'delete', number>> = {};
  /** Runs before an upload is stored: lets a test play another client taking the name first. */
  beforeUpload?: (name: string) => void;
  private seq = 0;

  add(n: number, colour: 'yellow' | 'green', content: string, extra: Partial<StoredNote> = {}): StoredNote {
    const name = String(n).padStart(6, '0');
    const note: StoredNote = {
      id: `note-${n}-${++this.seq}`,
      name,
      properties: {
        'eo:noteNumber': n,
        'eo:noteColour': colour,
        'eo:noteAuthorPost': ASO_GROUP,
        ...(colour === 'green' && {
          'eo:signedByName': 'Ravi Kumar',
          'eo:signedByDesignation': 'Assistant Section Officer (Establishment)',
          'eo:signedByUser': 'ravi.kumar',
          'eo:signedByPost': ASO_GROUP,
          'eo:signedAt': '2026-11-20T10:15:00.000Z'
        })
      },
      aspectNames: ['cm:auditable', ...(colour === 'green' ? ['eo:signed'] : [])],
      content,
      mimeType: 'text/plain',
      modifiedAt: this.tick(),
      ...extra
    };
    this.notes.set(name, note);
    return note;
  }

  byId(id: string): StoredNote | undefined {
    return [...this.notes.values()].find((n) => n.id === id);
  }

  private clock = Date.UTC(2026, 10, 20);

  tick(): string {
    return new Date((this.clock += 1000)).toISOString();
  }

  private fail(method: keyof NotesRepository['failNext']): void {
    const code = this.failNext[method];
    if (code) {
      delete this.failNext[method];
      throw status(code);
    }
  }

  private entry(n: StoredNote) {
    return {
      id: n.id,
      name: n.name,
      nodeType: 'eo:note',
      isFile: true,
      content: { mimeType: n.mimeType },
      properties: { ...n.properties },
      aspectNames: [...n.aspectNames],
      allowableOperations: n.allowableOperations,
      permissions: n.permissions,
      modifiedAt: n.modifiedAt
    };
  }

  install(): void {
    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (id: string, opts?: { relativePath?: string }) => {
      this.fail('getNode');
      if (id === 'file-1' && !opts?.relativePath) return { entry: { id: 'file-1', name: '000005' } } as never;
      if (id === 'file-1' && opts?.relativePath === 'Notes') {
        if (!this.folderExists) throw status(404);
        return { entry: { id: 'notes-folder', name: 'Notes' } } as never;
      }
      if (id === 'file-1' && opts?.relativePath?.startsWith('Notes/')) {
        const note = this.notes.get(opts.relativePath.slice(6));
        if (!note) throw status(404);
        return { entry: this.entry(note) } as never;
      }
      const note = this.byId(id);
      if (!note) throw status(404);
      return { entry: this.entry(note) } as never;
    });
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(
      async (id: string, opts?: { orderBy?: string[]; skipCount?: number; maxItems?: number; relativePath?: string }) => {
        this.fail('list');
        // Notes/ named by its path below the file, as ACS resolves relativePath (404 while it does not exist)
        if (id === 'file-1' && opts?.relativePath === 'Notes' && !this.folderExists) throw status(404);
        if (id === 'file-1' && !opts?.relativePath) {
          // the file's folders: Notes/ once a note was begun
          const folders = this.folderExists ? [{ entry: { id: 'notes-folder', name: 'Notes', isFolder: true } }] : [];
          return { list: { entries: folders, pagination: { hasMoreItems: false } } } as never;
        }
        if (id !== 'notes-folder' && !(id === 'file-1' && opts?.relativePath === 'Notes')) throw status(404);
        const sorted = [...this.notes.values()].sort((a, b) => a.name.localeCompare(b.name));
        if (opts?.orderBy?.[0]?.endsWith('DESC')) sorted.reverse();
        const skip = opts?.skipCount ?? 0;
        const page = sorted.slice(skip, skip + (opts?.maxItems ?? 100));
        return {
          list: { entries: page.map((n) => ({ entry: this.entry(n) })), pagination: { hasMoreItems: skip + page.length < sorted.length } }
        } as never;
      }
    );
    spyOn(NodesApi.prototype, 'getNodeContent').and.callFake(async (id: string) => {
      const note = this.byId(id);
      if (!note) throw status(404);
      return new Blob([note.content], { type: note.mimeType }) as never;
    });
    spyOn(UploadApi.prototype, 'uploadFile').and.callFake(async (file: File, relativePath?: string, parentId?: string, body?: unknown) => {
      this.fail('upload');
      this.beforeUpload?.(file.name);
      if (parentId !== 'file-1' || relativePath !== 'Notes') throw status(400);
      if (this.notes.has(file.name)) throw status(409);
      this.folderExists = true;
      const props = (body as { properties: Record<string, unknown> }).properties;
      const note: StoredNote = {
        id: `note-${props['eo:noteNumber']}-${++this.seq}`,
        name: file.name,
        properties: { ...props },
        aspectNames: ['cm:auditable'],
        content: await file.text(),
        mimeType: file.type,
        modifiedAt: this.tick()
      };
      this.notes.set(file.name, note);
      return { entry: { id: note.id, name: note.name } } as never;
    });
    spyOn(NodesApi.prototype, 'put').and.callFake(
      async (options: { pathParams?: { nodeId?: string }; contentTypes?: string[]; bodyParam?: unknown }) => {
        this.fail('put');
        const note = this.byId(String(options.pathParams?.nodeId));
        if (!note) throw status(404);
        note.content = String(options.bodyParam);
        note.mimeType = (options.contentTypes?.[0] ?? '').split(';')[0];
        note.modifiedAt = this.tick();
        return { entry: this.entry(note) } as never;
      }
    );
    spyOn(NodesApi.prototype, 'updateNode').and.callFake(
      async (
        id: string,
        body: { properties?: Record<string, unknown>; aspectNames?: string[]; permissions?: StoredNote['permissions'] }
      ) => {
        this.fail('update');
        const note = this.byId(id);
        if (!note) throw status(404);
        Object.assign(note.properties, body.properties ?? {});
        if (body.permissions)
          note.permissions = { ...body.permissions, inherited: body.permissions.isInheritanceEnabled ? note.permissions?.inherited : [] };
        if (body.aspectNames) note.aspectNames = [...body.aspectNames];
        note.modifiedAt = this.tick();
        return { entry: this.entry(note) } as never;
      }
    );
    spyOn(NodesApi.prototype, 'deleteNode').and.callFake(async (id: string) => {
      this.fail('delete');
      const note = this.byId(id);
      if (!note) throw status(404);
      this.notes.delete(note.name);
    });
    spyOn(PeopleApi.prototype, 'getPerson').and.resolveTo({
      entry: { id: 'priya.nair', firstName: 'Priya', lastName: 'Nair', email: 'priya@example.gov.in', enabled: true }
    } as never);
  }
}

export type XssWindow = Window & { __eoXss?: unknown };

/**
 * Classic XSS payloads: each would run `window.__eoXss = <n>` if any part of it survived as live markup.
 * Shared with the notesheet component spec, which renders them as stored notes.
 */
export const XSS_CORPUS: string[] = [
  `<script>window.__eoXss=1</script>`,
  `<img src=x onerror="window.__eoXss=2">`,
  `<svg onload="window.__eoXss=3"></svg>`,
  `<svg><script>window.__eoXss=4</script></svg>`,
  `<a href="javascript:window.__eoXss=5">click</a>`,
  `<a href="JaVaScRiPt:window.__eoXss=6" data-eo-ref="abc-6" data-eo-kind="note">FR I</a>`,
  `<iframe src="javascript:window.__eoXss=7"></iframe>`,
  `<iframe srcdoc="<script>parent.__eoXss=8</script>"></iframe>`,
  `<body onload="window.__eoXss=9"><p>body</p></body>`,
  `<div style="background:url(javascript:window.__eoXss=10)">styled</div>`,
  `<div style="width: expression(window.__eoXss=11)">expression</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__eoXss=12">`,
  `<noscript><p title="</noscript><img src=x onerror=window.__eoXss=13>">`,
  `<form action="javascript:window.__eoXss=14"><input type=submit value=go></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__eoXss=15">`,
  `<template><img src=x onerror="window.__eoXss=16"></template>`,
  `<base href="javascript:window.__eoXss=17//"><a href="/x">relative</a>`,
  `<object data="data:text/html,<script>parent.__eoXss=18</script>"></object>`,
  `<embed src="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19lb1hzcz0xOTwvc2NyaXB0Pg==">`,
  `<a href="data:text/html,<script>parent.__eoXss=20</script>">data url</a>`,
  `<p onclick="window.__eoXss=21" onmouseover="window.__eoXss=21">hover me</p>`,
  `<details open ontoggle="window.__eoXss=22"><summary>s</summary></details>`,
  `<video><source onerror="window.__eoXss=23"></video>`,
  `<audio src=x onerror="window.__eoXss=24"></audio>`,
  `<input autofocus onfocus="window.__eoXss=25">`,
  `<marquee onstart="window.__eoXss=26">moving</marquee>`,
  `<style>@import 'javascript:window.__eoXss=27'; p { background: url(javascript:window.__eoXss=27) }</style><p>x</p>`,
  `<link rel="stylesheet" href="javascript:window.__eoXss=28">`,
  `<svg><a xlink:href="javascript:window.__eoXss=29"><text x=20 y=20>svg link</text></a></svg>`,
  `<img """><script>window.__eoXss=30</script>">`,
  `<scr<script>ipt>window.__eoXss=31</scr</script>ipt>`,
  `<a data-eo-ref="x&quot; onclick=&quot;window.__eoXss=32" data-eo-kind="note">N 32</a>`,
  `<a data-eo-ref="ok-33" data-eo-kind="javascript:window.__eoXss=33" href="#">N 33</a>`,
  `<table background="javascript:window.__eoXss=34"><tr><td onclick="window.__eoXss=34" colspan="2 onclick=x">cell</td></tr></table>`,
  `<button formaction="javascript:window.__eoXss=35">button</button>`,
  `<svg><style><img src=x onerror="window.__eoXss=36"></style></svg>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:window.__eoXss=37">click</maction></math>`,
  `"><img src=x onerror=window.__eoXss=38>`,
  `<object data="javascript:window.__eoXss=39"></object>`,
  `<form id="test"><input name="attributes"><input name="innerHTML"></form><img id="__eoXss" name="__eoXss">`,
  `<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">overlay</p>`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=">`,
  `<x onclick="window.__eoXss=43" contenteditable>custom element</x>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__eoXss=44">entities</a>`,
  `<div><a href="vbscript:msgbox(45)">vb</a></div>`,
  `<img src=x:x onerror&#61;"window.__eoXss=46">`,
  `<svg><animate onbegin="window.__eoXss=47" attributeName=x dur=1s>`,
  `<p id="x" class="cdk-overlay-container" role="dialog" tabindex="1" lang="hi" dir="rtl">attrs</p>`
];

/** Tags and attributes that may exist in the page once a note is shown. */
const SHOWN_TAGS = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'OL',
  'UL',
  'LI',
  'H2',
  'H3',
  'H4',
  'BLOCKQUOTE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'A'
]);
const SHOWN_ATTRS = new Set(['data-eo-ref', 'data-eo-kind', 'colspan', 'rowspan', 'tabindex', 'role', 'class']);

/** Every element and attribute under `root` that the note allow-list does not permit. */
export function unsafeMarkup(root: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!SHOWN_TAGS.has(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of Array.from(el.attributes)) if (!SHOWN_ATTRS.has(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
    if (el.getAttribute('class') && el.getAttribute('class') !== 'eo-note-ref') found.push(`class=${el.getAttribute('class')}`);
    if (el.hasAttribute('tabindex') && el.getAttribute('tabindex') !== '0') found.push(`tabindex=${el.getAttribute('tabindex')}`);
  }
  return found;
}
