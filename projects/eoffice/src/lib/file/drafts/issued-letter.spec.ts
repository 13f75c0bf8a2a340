import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signerFromKey, toArrayBuffer, verifyPdf } from '@eoffice/domain/src/signing';
import { usePdfAssetsFromNodeModules } from '../../shared/pdf/pdf-testing.spec';
import { IssuedLetterService, withIssueNumber } from './issued-letter';

describe('issued letter', () => {
  beforeAll(usePdfAssetsFromNodeModules);

  it("makes the letter's number line the issue number, and leaves other mentions of the file number", () => {
    const html = '<p>No. A-11011/5/2026-EST-GAD</p><p>सं.&nbsp;A-11011/5/2026-EST-GAD</p><p>See file A-11011/5/2026-EST-GAD.</p>';
    expect(withIssueNumber(html, 'A-11011/5/2026-EST-GAD', 'A-11011/5(I)/2026-EST-GAD')).toBe(
      '<p>No. A-11011/5(I)/2026-EST-GAD</p><p>सं.&nbsp;A-11011/5(I)/2026-EST-GAD</p><p>See file A-11011/5/2026-EST-GAD.</p>'
    );
    expect(withIssueNumber(html, 'A-11011/5/2026-EST-GAD', 'A-11011/5/2026-EST-GAD')).toBe(html);
  });

  /** An officer's key and a self-signed certificate naming her, made in the browser (WebCrypto, pkijs). */
  async function officerSigner(name: string) {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    const keys = (await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as CryptoKeyPair;
    const cert = new pkijs.Certificate();
    cert.version = 2;
    cert.serialNumber = new asn1js.Integer({ value: 4242 });
    const cn = new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: name }) });
    cert.subject.typesAndValues.push(cn);
    cert.issuer.typesAndValues.push(cn);
    cert.notBefore.value = new Date(Date.now() - 86_400_000);
    cert.notAfter.value = new Date(Date.now() + 86_400_000);
    await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
    await cert.sign(keys.privateKey, 'SHA-256');
    const signer = signerFromKey(
      [cert],
      async (data) => new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, toArrayBuffer(data)))
    );
    return { signer, cert };
  }

  it('signs the letter with an embedded PAdES signature whose block sits in the box kept below the text', async () => {
    const service = new IssuedLetterService();
    const letter = await service.pdf(
      '<p>No. A-11011/5/2026-EST-GAD</p><p>The leave is sanctioned.</p>',
      { issueNumber: 'A-11011/5/2026-EST-GAD', subject: 'leave', issuedAt: new Date(2026, 10, 23, 15, 30) },
      { signatureBox: true }
    );
    expect(letter.signatureBox?.page).toBe(0);
    const [x, y, w, h] = letter.signatureBox!.rect;
    expect(x + w).toBeCloseTo((210 - 15) * (72 / 25.4), 1);
    expect(y).toBeGreaterThan(0);
    expect(h).toBeGreaterThan(30);

    const { signer, cert } = await officerSigner('Meena Iyer');
    const signed = new Uint8Array(await (await service.sign(letter, signer, { issueNumber: 'A-11011/5/2026-EST-GAD' })).arrayBuffer());
    const [result] = await verifyPdf(signed, { roots: [cert] });
    expect(result.status).withContext(result.reason).toBe('valid');
    expect(result.signer?.name).toBe('Meena Iyer');
    expect(result.reasonText).toBe('Issued: No. A-11011/5/2026-EST-GAD');
    expect(result.wholeDocument).toBeTrue();
    // One byte of the letter changed after signing: no longer valid.
    const changed = new Uint8Array(signed);
    changed[12] ^= 1;
    expect((await verifyPdf(changed, { roots: [cert] }))[0].status).toBe('changed');
  });

  it('is an A4 PDF with the issue number on every page and the text of the letter', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>${i + 1}. The undersigned is directed to convey the sanction.</p>`).join(
      ''
    );
    const letter = await new IssuedLetterService().pdf(
      `<h2>OFFICE MEMORANDUM</h2><p><strong>Subject:</strong> leave rules</p>${paragraphs}`,
      {
        issueNumber: 'A-11011/5(I)/2026-EST-GAD',
        subject: 'leave rules',
        issuedAt: new Date(2026, 10, 23, 15, 30)
      }
    );

    expect(letter.blob.type).toBe('application/pdf');
    expect(new TextDecoder().decode((await letter.blob.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(letter.pages.length).toBeGreaterThan(1);
    letter.pages.forEach((page, i) =>
      expect(page.join(' '))
        .withContext(`page ${i + 1}`)
        .toContain('A-11011/5(I)/2026-EST-GAD')
    );
    const all = letter.pages.map((p) => p.join(' ')).join(' ');
    expect(all).toContain('OFFICE MEMORANDUM');
    expect(all).toContain('60. The undersigned is directed');
  });
});
