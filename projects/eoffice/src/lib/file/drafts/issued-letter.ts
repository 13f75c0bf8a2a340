// The issued letter as a PDF: the dispatch record and the office copy in the correspondence carry it, so
// ADF's viewer shows it as a page (an HTML office copy would show as markup) and the file's PDF export
// can include it. The text is the approved version with its number made the issue number.
import { Injectable } from '@angular/core';
import { officeDateTime } from '@eoffice/domain';
import { signPdf, type PadesAppearance, type Signer } from '@eoffice/domain/src/signing';
import { htmlToBlocks } from '../../shared/pdf/html-blocks';
import { PdfPageText, PdfWriter } from '../../shared/pdf/pdf-writer';

export interface IssuedLetterMeta {
  issueNumber: string;
  subject: string;
  issuedAt: Date;
}

export interface IssuedLetter {
  blob: Blob;
  /** Text drawn on each page. */
  pages: PdfPageText[];
  /** The empty box kept below the text for the signature block, when one was asked for. */
  signatureBox?: PadesAppearance;
}

/** The signature block's size in mm: two lines of the signer's name and the time. */
const SIGNATURE_BOX = { width: 75, height: 14 };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letter's own number line (`No. <file number>`, `सं. <file number>`, as the templates write it)
 * becomes the issue number: the second letter of the day goes out as `No. A-11011/5(I)/2026-EST-GAD`.
 * Other mentions of the file number (a reference in the text) stay as written.
 */
export function withIssueNumber(html: string, fileNumber: string, issueNumber: string): string {
  if (!fileNumber || fileNumber === issueNumber) return html;
  const pattern = new RegExp(`((?:No\\.|सं\\.)(?:\\s|&nbsp;)*)${escapeRegExp(fileNumber)}`, 'g');
  return html.replace(pattern, (_whole, label: string) => `${label}${issueNumber}`);
}

@Injectable({ providedIn: 'root' })
export class IssuedLetterService {
  /** An A4 PDF of the letter, its issue number at the head of every page. */
  async pdf(html: string, meta: IssuedLetterMeta, options: { signatureBox?: boolean } = {}): Promise<IssuedLetter> {
    const writer = await PdfWriter.create({
      title: meta.issueNumber,
      subject: meta.subject,
      header: meta.issueNumber,
      footer: `${meta.issueNumber} · ${officeDateTime(meta.issuedAt)}`
    });
    for (const block of htmlToBlocks(html)) {
      await writer.text(block.runs, { size: block.heading ? 14 - block.heading : 11, indent: block.depth * 6, spaceAfter: 2 });
    }
    const signatureBox = options.signatureBox ? await writer.box(SIGNATURE_BOX.width, SIGNATURE_BOX.height) : undefined;
    const doc = await writer.finish();
    return { blob: doc.output('blob'), pages: writer.pages, signatureBox };
  }

  /**
   * The letter with an embedded PAdES signature by the officer's key (docs/signatures.md, "Issued letters"):
   * any PDF reader verifies it; the block in the box kept for it names the signer from his certificate.
   */
  async sign(letter: IssuedLetter, signer: Signer, meta: { issueNumber: string; location?: string }): Promise<Blob> {
    const signed = await signPdf(new Uint8Array(await letter.blob.arrayBuffer()), signer, {
      reason: `Issued: No. ${meta.issueNumber}`,
      location: meta.location,
      appearance: letter.signatureBox
    });
    return new Blob([signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength) as ArrayBuffer], {
      type: 'application/pdf'
    });
  }
}
