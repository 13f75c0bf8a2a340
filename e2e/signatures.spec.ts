import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Page, expect, request as playwrightRequest, test } from './support/test';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

const API = `${APP_URL}/alfresco/api/-default-/public/alfresco/versions/1`;
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const UNDER_SECRETARY = { user: 'kavita.joshi', password: 'demo1234' };
const ADMIN = { user: 'admin', password: 'admin' };
const P12_PASSWORD = 'e2e-only';

const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/**
 * A root CA and, in PKCS#12 files, the Section Officer's and the Under Secretary's certificates, made here
 * with OpenSSL (nothing committed). Their names are in capitals, as DSCs spell them, unlike the repository's.
 */
function makePki(): { dir: string; rootPem: Buffer; p12: Buffer; usP12: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-e2e-pki-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '30'],
    ...['-subj', '/C=IN/O=e2e Test PKI/CN=e2e Test Root CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']
  );
  fs.writeFileSync(
    path.join(dir, 'officer.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n'
  );
  const officer = (id: string, name: string): Buffer => {
    openssl(
      ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${id}.key`, '-out', `${id}.csr`],
      ...['-subj', `/C=IN/O=General Administration Department/CN=${name}`]
    );
    openssl(
      ...['x509', '-req', '-in', `${id}.csr`, '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', `${id}.pem`],
      ...['-days', '30', '-extfile', 'officer.ext']
    );
    openssl(
      ...['pkcs12', '-export', '-inkey', `${id}.key`, '-in', `${id}.pem`, '-certfile', 'root.pem'],
      ...['-passout', `pass:${P12_PASSWORD}`, '-out', `${id}.p12`]
    );
    return fs.readFileSync(path.join(dir, `${id}.p12`));
  };
  const p12 = officer('so', 'PRIYA NAIR');
  const usP12 = officer('us', 'KAVITA JOSHI');
  return { dir, rootPem: fs.readFileSync(path.join(dir, 'root.pem')), p12, usP12 };
}

const rest = (who: { user: string; password: string }) =>
  playwrightRequest.newContext({
    extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${who.user}:${who.password}`).toString('base64')}` }
  });

const HIERARCHY = `${API}/nodes/-root-?relativePath=${encodeURIComponent('Data Dictionary/eOffice/hierarchy.json')}`;

test('a department requiring signed notes refuses the unsigned send; the signed note is valid for the Under Secretary, changed after signing once an administrator rewrites it', async ({
  browser
}) => {
  test.setTimeout(240_000);
  const pki = makePki();
  const admin = await rest(ADMIN);
  let fileId = '';
  let noteId = '';
  // The installed hierarchy, put back as it was whatever happens (the demo department does not require signatures).
  const hierarchyId: string = (await (await admin.get(HIERARCHY)).json()).entry.id;
  const installedHierarchy = await (await admin.get(`${API}/nodes/${hierarchyId}/content`)).text();
  const writeHierarchy = async (text: string) => {
    const written = await admin.put(`${API}/nodes/${hierarchyId}/content`, {
      data: text,
      headers: { 'Content-Type': 'application/json' }
    });
    expect(written.status(), await written.text()).toBe(200);
  };
  try {
    await test.step('the department trusts the test root (Data Dictionary/eOffice/Trust/roots, as install puts config/trust there)', async () => {
      const uploaded = await admin.post(`${API}/nodes/-root-/children`, {
        multipart: {
          filedata: { name: 'e2e-test-root.pem', mimeType: 'application/x-x509-ca-cert', buffer: pki.rootPem },
          name: 'e2e-test-root.pem',
          relativePath: 'Data Dictionary/eOffice/Trust/roots',
          overwrite: 'true'
        }
      });
      expect(uploaded.status(), await uploaded.text()).toBeLessThan(300);
    });

    const so = await (await browser.newContext()).newPage();
    await signIn(so, SECTION_OFFICER);

    await test.step('the Section Officer opens a file and confirms a note green', async () => {
      await so.goto(`${APP_URL}/#/eoffice/files/create`);
      await byId(so, 'eoffice-create-file-head').click();
      await so.getByRole('option', { name: /A-11011/ }).click();
      await byId(so, 'eoffice-create-file-subject').fill('Grant of festival advance (signatures e2e)');
      await byId(so, 'eoffice-create-file-category').getByText(/^C —/).click();
      await byId(so, 'eoffice-create-file-submit').click();
      await expect(so).toHaveURL(/#\/eoffice\/files\/[0-9a-f-]{36}$/);
      fileId = so.url().split('/').pop()!;
      await testId(so, 'note-new').click();
      await testId(so, 'note-new-editor')
        .locator('.ql-editor')
        .fill('Festival advance of Rs. 10,000 may be granted. अनुमोदन हेतु प्रस्तुत।');
      await testId(so, 'note-save-confirm').click();
      await expect(testId(so, 'note-1')).toHaveAttribute('data-colour', 'green');
      noteId = (await testId(so, 'note-1').getAttribute('data-note-id'))!;
    });

    await test.step('an administrator makes the department require signed green notes (the installed hierarchy, as install writes it)', async () => {
      const hierarchy = JSON.parse(installedHierarchy);
      await writeHierarchy(JSON.stringify({ ...hierarchy, signatures: { ...hierarchy.signatures, requireSignedNotes: true } }, null, 2));
    });

    await test.step('sending the file with her note unsigned is refused by the repository', async () => {
      await so.locator('body').click();
      await so.keyboard.press('Alt+S');
      const dialog = so.locator('eoffice-marking-dialog');
      await dialog.locator('[data-test="marking-to"]').click();
      await so.getByRole('option', { name: 'Kavita Joshi (Under Secretary, Establishment)', exact: true }).first().click();
      await dialog.locator('[data-test="marking-submit"]').click();
      await expect(dialog).toContainText('The department requires green notes to be digitally signed before a file is sent.');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('she signs it with her certificate file, opened in the browser for the session', async () => {
      await testId(so, 'note-sign-1').click();
      const dialog = so.locator('eoffice-sign-note-dialog');
      await dialog.locator('[data-testid="sign-certificate-file"]').setInputFiles({
        name: 'priya.nair.p12',
        mimeType: 'application/x-pkcs12',
        buffer: pki.p12
      });
      await dialog.locator('[data-testid="sign-certificate-password"]').fill(P12_PASSWORD);
      await dialog.locator('[data-testid="sign-open-file"]').click();
      await expect(dialog).toBeHidden();
      await expect(so.getByText('Note 1 is digitally signed.')).toBeVisible();
      await expect(testId(so, 'note-digital-signature-1')).toContainText('Digitally signed');
      // The signature block names the certificate's holder (her DSC spells it in capitals), not the name the browser wrote.
      await expect(testId(so, 'note-signature-1')).toContainText('PRIYA NAIR');
    });

    await test.step('she places a draft letter for approval', async () => {
      await so.getByRole('tab', { name: 'Drafts' }).click();
      await so.locator('[data-test="draft-new"]').click();
      await so.locator('[data-test="draft-create"]').click();
      await expect(so.locator('[data-test="draft-item"]')).toHaveCount(1);
      await so.locator('[data-test="draft-for-approval"]').click();
      await expect(so.locator('[data-test="draft-status"]').first()).toContainText('approval');
    });

    await test.step('signed, the file goes to the Under Secretary under the same rule', async () => {
      await so.locator('body').click();
      await so.keyboard.press('Alt+S');
      const dialog = so.locator('eoffice-marking-dialog');
      await dialog.locator('[data-test="marking-to"]').click();
      await so.getByRole('option', { name: 'Kavita Joshi (Under Secretary, Establishment)', exact: true }).first().click();
      await dialog.locator('[data-test="marking-submit"]').click();
      await expect(dialog).toBeHidden();
    });

    const us = await (await browser.newContext()).newPage();
    await signIn(us, UNDER_SECRETARY);
    await test.step('the Under Secretary sees the signature valid: the signer and the issuer from the certificate', async () => {
      await us.goto(`${APP_URL}/#/eoffice/files/${fileId}`);
      await expect(testId(us, 'note-digital-signature-1')).toContainText('Digitally signed');
      await expect(testId(us, 'note-digital-signature-1')).toContainText('PRIYA NAIR, certificate issued by e2e Test Root CA');
    });

    await test.step('the Under Secretary confirms her note: the department requires a signature, so she opens her certificate file', async () => {
      await testId(us, 'note-new').click();
      await testId(us, 'note-new-editor').locator('.ql-editor').fill('Draft approved. Issue. अनुमोदित, जारी करें।');
      await testId(us, 'note-save-confirm').click();
      const dialog = us.locator('eoffice-sign-note-dialog');
      await dialog.locator('[data-testid="sign-certificate-file"]').setInputFiles({
        name: 'kavita.joshi.p12',
        mimeType: 'application/x-pkcs12',
        buffer: pki.usP12
      });
      await dialog.locator('[data-testid="sign-certificate-password"]').fill(P12_PASSWORD);
      await dialog.locator('[data-testid="sign-open-file"]').click();
      await expect(dialog).toBeHidden();
      await expect(us.getByText('Note 2 is digitally signed.')).toBeVisible();
      await expect(testId(us, 'note-signature-2')).toContainText('KAVITA JOSHI');
    });

    await test.step('she approves the draft with her key open: the drafts panel shows the approval signed, valid, in her certificate’s name', async () => {
      await us.getByRole('tab', { name: 'Drafts' }).click();
      await us.locator('[data-test="draft-item"]').first().click();
      await us.locator('[data-test="draft-approve"]').click();
      await expect(us.locator('[data-test="draft-status"]').first()).toContainText('Approved');
      await expect(us.locator('[data-test="draft-approval-signature"]').first()).toContainText('Digitally signed');
      await expect(us.locator('[data-test="draft-approval-signature"]').first()).toContainText('KAVITA JOSHI');
    });

    await test.step('an administrator rewrites the note through REST: the notesheet shows it changed after signing', async () => {
      const changed = await admin.put(`${API}/nodes/${noteId}/content`, {
        data: '<p>Festival advance of Rs. 90,000 may be granted.</p>',
        headers: { 'Content-Type': 'text/html' }
      });
      expect(changed.status()).toBe(200);
      await us.reload();
      await expect(testId(us, 'note-body-1')).toContainText('Rs. 90,000');
      await expect(testId(us, 'note-digital-signature-1')).toContainText('Changed after signing');
      // No longer her signature: the block falls back to the name the repository recorded.
      await expect(testId(us, 'note-signature-1')).toContainText('Priya Nair');
    });
  } finally {
    await writeHierarchy(installedHierarchy);
    await admin.dispose();
    fs.rmSync(pki.dir, { recursive: true, force: true });
  }
});
