import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { Node, NodesApi } from '@alfresco/js-api';
import { TranslateService } from '@ngx-translate/core';
import { DeskService } from '../../desk/desk.service';
import {
  CORRESPONDENCE_KINDS,
  labelOf,
  noteFromNode,
  officeDateTime,
  postOfGroup,
  postTitle,
  type Note,
  type NoteNode
} from '@eoffice/domain';
import { ExportProgress, exportCancelled } from '../../shared/export/export.model';
import { FileDownloadService, downloadName } from '../../shared/export/file-download.service';
import { GeneratedByService } from '../../shared/pdf/generated-by.service';
import { htmlToBlocks } from '../../shared/pdf/html-blocks';
import { openPdf } from '../../shared/pdf/pdf-pages';
import { PdfDocument, PdfPageText, PdfWriter } from '../../shared/pdf/pdf-writer';
import { NoteSignatureView, NoteSigningService } from '../signatures/note-signing.service';
import { signatureStateLines } from '../signatures/signature-state';

/** Progress of a whole-file export: items (notes, then correspondence) done of all. */
export interface FileExportProgress extends Omit<ExportProgress, 'stage'> {
  stage: 'notes' | 'correspondence' | 'saving';
  /** Pages of a long correspondence PDF printed so far. */
  pages?: { done: number; total: number };
}

/** A built file PDF before download. */
export interface FileExport {
  doc: PdfDocument;
  fileName: string;
  /** Text drawn on each page. */
  pages: PdfPageText[];
}

/** How a whole-file PDF is written. */
export interface FileExportOptions {
  /** PDF/A-2u, the archival form of a file kept permanently (written when it is closed: ArchivalCopyService). */
  archival?: boolean;
}

/** Colours of a signature's state on paper, as the notesheet shows them. */
const SIGNATURE_TONES = { good: '#1b5e20', bad: '#b00020', none: '#555555' } as const;

/** Rendering resolution of correspondence pages: sharp enough to read a scanned letter, small enough to mail. */
const CORRESPONDENCE_DPI = 110;

type Properties = Record<string, unknown>;
const props = (node: Node): Properties => (node.properties ?? {}) as Properties;
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * The whole e-File as one PDF, as officers print it: a cover (file number, subject, Computer No.), the
 * notes in order with who signed them, then the correspondence in serial order (PDFs page by page,
 * images as pages, other documents listed). Every page names who generated it, when, and the file number.
 */
@Injectable({ providedIn: 'root' })
export class FileExportService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly translate = inject(TranslateService);
  private readonly generatedBy = inject(GeneratedByService);
  private readonly desk = inject(DeskService);
  private readonly download = inject(FileDownloadService);
  private readonly signing = inject(NoteSigningService);

  /** Builds the PDF (reporting progress) and downloads it. */
  async exportFile(fileId: string, onProgress?: (p: FileExportProgress) => void, signal?: AbortSignal): Promise<void> {
    const built = await this.build(fileId, onProgress, signal);
    if (signal?.aborted) throw exportCancelled();
    this.download.save(built.doc.output('blob'), built.fileName);
  }

  async build(
    fileId: string,
    onProgress?: (p: FileExportProgress) => void,
    signal?: AbortSignal,
    options: FileExportOptions = {}
  ): Promise<FileExport> {
    const t = (key: string, params?: Record<string, unknown>) => this.translate.instant(`EOFFICE.PDF.${key}`, params) as string;
    const check = () => {
      if (signal?.aborted) throw exportCancelled();
    };
    const nodes = new NodesApi(this.apiService.getInstance());
    const file = (await nodes.getNode(fileId, { include: ['properties'] })).entry;
    const p = props(file);
    const fileNumber = text(p['eo:fileNumber']) || text(p['cm:title']) || file.name;
    const subject = text(p['eo:subject']) || text(p['cm:description']);
    const [by, desk, notes, correspondence] = await Promise.all([
      this.generatedBy.current(),
      this.desk.desk().catch(() => null),
      this.children(nodes, fileId, 'Notes'),
      this.children(nodes, fileId, 'Correspondence')
    ]);
    check();
    notes.sort((a, b) => Number(props(a)['eo:noteNumber'] ?? 0) - Number(props(b)['eo:noteNumber'] ?? 0) || a.name.localeCompare(b.name));
    correspondence.sort(
      (a, b) =>
        Number(props(a)['eo:correspondenceSerial'] ?? 0) - Number(props(b)['eo:correspondenceSerial'] ?? 0) || a.name.localeCompare(b.name)
    );
    // Each green note's signature checked as the notesheet checks it (the department's trust, in this browser).
    const [signatures, signaturesRequired] = await Promise.all([
      this.signing
        .check(
          { id: fileId, fileNumber },
          notes.map((n) => noteFromNode(n as unknown as NoteNode) as Note)
        )
        .catch((): Map<string, NoteSignatureView> | null => null),
      this.signing.signedNotesRequired()
    ]);
    check();
    const total = notes.length + correspondence.length;
    let done = 0;
    const report = (stage: FileExportProgress['stage']) => onProgress?.({ done, total, stage });
    report('notes');

    const at = new Date();
    const hindi = this.translate.getCurrentLang() === 'hi';
    const writer = await PdfWriter.create({
      title: `${fileNumber} ${subject}`.trim(),
      subject,
      author: by.name,
      keywords: [fileNumber, text(p['eo:computerNumber'])].filter(Boolean).join(', '),
      header: fileNumber,
      headerRight: subject,
      footer: `${this.generatedBy.line(by, at)} · ${fileNumber}`,
      archival: options.archival,
      lang: hindi ? 'hi-IN' : 'en-IN'
    });

    // Cover
    await writer.text(t('FILE_TITLE'), { size: 12, color: '#555555', align: 'center', spaceBefore: 30 });
    await writer.text(fileNumber, { size: 20, bold: true, align: 'center', spaceAfter: 4 });
    if (subject) await writer.text(subject, { size: 14, align: 'center', spaceAfter: 12 });
    const section = desk?.hierarchy.sections.find((s) => s.code === p['eo:fileSection']);
    await writer.fields(
      [
        [t('FILE_NUMBER'), fileNumber],
        [t('COMPUTER_NUMBER'), text(p['eo:computerNumber'])],
        [t('SUBJECT'), subject],
        [t('SUBJECT_HEAD'), text(p['eo:subjectHead'])],
        [t('SECTION'), section ? (hindi ? section.name.hi : section.name.en) : text(p['eo:fileSection'])],
        [t('NOTES_COUNT'), String(notes.length)],
        [t('CORRESPONDENCE_COUNT'), String(correspondence.length)],
        [t('GENERATED'), this.generatedBy.line(by, at)]
      ].filter(([, value]) => value) as [string, string][]
    );
    await writer.pageBreak();

    // Notes, in order, each with its signature block.
    await writer.text(t('NOTES'), { size: 15, bold: true, spaceAfter: 3 });
    if (!notes.length) await writer.text(t('NO_NOTES'), { italic: true });
    else if (!signatures) await writer.text(t('SIGNATURES_UNCHECKED'), { italic: true, size: 9.5, color: '#555555', spaceAfter: 2 });
    // The next note is fetched while this one is laid out.
    const fetchNote = (i: number) => (i < notes.length ? this.content(nodes, notes[i]) : Promise.resolve(''));
    let nextBody = fetchNote(0);
    for (const [i, note] of notes.entries()) {
      check();
      const body = await nextBody;
      nextBody = fetchNote(i + 1);
      nextBody.catch(() => undefined); // a failure is raised when that note's turn comes
      const np = props(note);
      const yellow = np['eo:noteColour'] === 'yellow';
      const heading = t(yellow ? 'NOTE_DRAFT' : 'NOTE', { number: text(np['eo:noteNumber']) || note.name });
      await writer.text(heading, { size: 11, bold: true, spaceBefore: 3, spaceAfter: 1, keepWithNext: 12 });
      if (note.content?.mimeType === 'text/html' || /^\s*</.test(body)) {
        for (const block of htmlToBlocks(body)) {
          await writer.text(block.runs, { size: block.heading ? 13 - block.heading : 10.5, indent: block.depth * 6, spaceAfter: 1.5 });
        }
      } else if (body.trim()) {
        for (const paragraph of body.split(/\n\s*\n/)) await writer.text(paragraph.trim(), { spaceAfter: 1.5 });
      }
      const view = signatures?.get(note.id);
      // The name in the signature block is the certificate's when the signature is valid (as on the notesheet).
      const signer = view?.status === 'valid' && view.signer?.name ? view.signer.name : text(np['eo:signedByName']);
      if (signer) {
        await writer.text(signer, { bold: true, align: 'right', size: 10, spaceBefore: 2 });
        if (np['eo:signedByDesignation']) await writer.text(text(np['eo:signedByDesignation']), { align: 'right', size: 9.5 });
        if (np['eo:signedAt']) await writer.text(officeDateTime(text(np['eo:signedAt'])), { align: 'right', size: 9.5 });
      }
      const state = view && signatureStateLines(view, (key, params) => this.translate.instant(key, params) as string, signaturesRequired);
      if (state) {
        const [first, ...rest] = state.lines;
        await writer.text(first, { align: 'right', size: 9, bold: true, color: SIGNATURE_TONES[state.tone], spaceBefore: 1 });
        for (const line of rest) await writer.text(line, { align: 'right', size: 9, color: SIGNATURE_TONES[state.tone] });
      }
      if (!signer) {
        const post = desk ? postOfGroup(desk.hierarchy, text(np['eo:noteAuthorPost'])) : undefined;
        const author = desk && post ? postTitle(desk.hierarchy, post, hindi ? 'hi' : 'en') : text(np['eo:noteAuthorPost']);
        await writer.text(t('UNSIGNED', { author }), { italic: true, align: 'right', size: 9.5, color: '#555555', spaceBefore: 2 });
      }
      writer.rule(2);
      done++;
      report('notes');
    }
    await writer.pageBreak();

    // Correspondence: an index, then every item's documents in serial order.
    await writer.text(t('CORRESPONDENCE'), { size: 15, bold: true, spaceAfter: 3 });
    if (!correspondence.length) await writer.text(t('NO_CORRESPONDENCE'), { italic: true });
    else
      await writer.table(
        [{ header: t('SERIAL'), align: 'right' }, { header: t('FLAG') }, { header: t('TITLE') }, { header: t('KIND') }],
        correspondence.map((item) => {
          const cp = props(item);
          return [text(cp['eo:correspondenceSerial']), text(cp['eo:correspondenceFlag']), text(cp['cm:title']) || item.name, this.kind(cp)];
        })
      );
    report('correspondence');
    for (const item of correspondence) {
      check();
      const cp = props(item);
      const caption = [
        t('CORRESPONDENCE_ITEM', { serial: text(cp['eo:correspondenceSerial']) }),
        text(cp['eo:correspondenceFlag']),
        text(cp['cm:title']) || item.name
      ]
        .filter(Boolean)
        .join(' · ');
      const documents = await this.documents(nodes, item);
      if (!documents.length) {
        await writer.text(`${caption}: ${t('NO_DOCUMENT')}`, { size: 10, spaceBefore: 2 });
      }
      for (const document of documents) {
        await this.printDocument(nodes, writer, document, caption, t, (page, pages) => {
          check();
          onProgress?.({ done, total, stage: 'correspondence', pages: { done: page, total: pages } });
        });
      }
      done++;
      report('correspondence');
    }

    report('saving');
    const doc = await writer.finish();
    return { doc, fileName: downloadName(fileNumber, 'pdf', at), pages: writer.pages };
  }

  private kind(cp: Properties): string {
    const kind = text(cp['eo:correspondenceKind']);
    return kind ? labelOf(CORRESPONDENCE_KINDS, kind, this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en') : '';
  }

  /** Every child of a file's sub-folder (Notes/, Correspondence/); none when the folder does not exist yet. */
  private async children(nodes: NodesApi, fileId: string, folder: string): Promise<Node[]> {
    const all: Node[] = [];
    for (let skipCount = 0; ; ) {
      const page = await nodes
        .listNodeChildren(fileId, { relativePath: folder, include: ['properties'], skipCount, maxItems: 100 })
        .catch((error: { status?: number }) => {
          if (error?.status === 404) return null;
          throw error;
        });
      if (!page) return all;
      const entries = page.list?.entries ?? [];
      all.push(...entries.map((e) => e.entry));
      skipCount += entries.length;
      if (!page.list?.pagination?.hasMoreItems || !entries.length) return all;
    }
  }

  /** A correspondence entry's documents: its own content, else the scans of the receipt put in the file. */
  private async documents(nodes: NodesApi, item: Node): Promise<Node[]> {
    if (item.isFile && (item.content?.sizeInBytes ?? 0) > 0) return [item];
    const receipt = text(props(item)['eo:sourceReceipt']).replace(/^workspace:\/\/SpacesStore\//, '');
    if (!receipt) return [];
    const page = await nodes.listNodeChildren(receipt, { where: '(isFile=true)', maxItems: 100 }).catch(() => null);
    return (page?.list?.entries ?? []).map((e) => e.entry).filter((node) => node.isFile);
  }

  private async content(nodes: NodesApi, node: Node): Promise<string> {
    const content: unknown = await nodes.getNodeContent(node.id);
    if (content instanceof Blob) return content.text();
    return typeof content === 'string' ? content : '';
  }

  private async printDocument(
    nodes: NodesApi,
    writer: PdfWriter,
    document: Node,
    caption: string,
    t: (key: string, params?: Record<string, unknown>) => string,
    onPage: (page: number, pages: number) => void
  ): Promise<void> {
    const mime = document.content?.mimeType ?? '';
    const listed = () =>
      writer.text(`${caption}: ${t('NOT_PRINTABLE', { name: document.name, type: mime || '?' })}`, { size: 10, spaceBefore: 2 });
    if (mime !== 'application/pdf' && !mime.startsWith('image/')) return listed();
    const blob: unknown = await nodes.getNodeContent(document.id);
    if (!(blob instanceof Blob)) return listed();
    if (mime.startsWith('image/')) {
      const image = await createImageBitmap(blob).catch(() => null);
      if (!image) return listed();
      await writer.image(image, image.width, image.height, `${caption} · ${document.name}`);
      image.close();
      return;
    }
    const pdf = await openPdf(await blob.arrayBuffer()).catch(() => null);
    if (!pdf) return listed();
    try {
      for (let page = 1; page <= pdf.pageCount; page++) {
        onPage(page - 1, pdf.pageCount);
        const rendered = await pdf.render(page, CORRESPONDENCE_DPI);
        await writer.image(
          rendered.canvas,
          rendered.width,
          rendered.height,
          `${caption} · ${t('PAGE_OF', { page, pages: pdf.pageCount })}`
        );
        rendered.canvas.width = 0;
      }
    } finally {
      await pdf.close();
    }
  }
}
