import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

/**
 * Issue 17's archival form: a Section Officer closes a category B file (kept permanently) from the e-file;
 * her browser writes the whole file as PDF/A into the file's Archive/ first, and the close declares it a
 * record with the note. The copy is read back with poppler as an archivist would: PDF/A identification in
 * its metadata, the note's Hindi and English as text.
 */
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const API = `${APP_URL}/alfresco/api/-default-/public/alfresco/versions/1`;
const NOTE = 'Cadre review completed as per rules. नियमानुसार संवर्ग समीक्षा पूर्ण। File may be closed.';

test('closing a category B file writes its archival copy (PDF/A) into the file, and the copy becomes a record', async ({
  page,
  playwright
}) => {
  test.setTimeout(180_000);
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);

  watch.step('Open, note and close');
  await signIn(page, SECTION_OFFICER);
  await page.goto(`${APP_URL}/#/eoffice/files/create`);
  await byId('eoffice-create-file-head').click();
  await page.getByRole('option', { name: /A-11011/ }).click();
  await byId('eoffice-create-file-subject').fill('Cadre review of Stenographers, 2026 (archival e2e)');
  await byId('eoffice-create-file-category').getByText(/^B —/).click();
  await byId('eoffice-create-file-submit').click();
  await expect(page).toHaveURL(/#\/eoffice\/files\/[0-9a-f-]{36}$/);
  const fileId = page.url().split('/').pop()!;
  await expect(byId('eoffice-file-number')).toHaveText(/^A-11011\/\d+\/\d{4}-EST-GAD$/);

  await page.locator('[data-testid="note-new"]').click();
  await page.locator('[data-testid="note-new-editor"] .ql-editor').fill(NOTE);
  await page.locator('[data-testid="note-save-confirm"]').click();
  await expect(page.locator('[data-testid="note-1"]')).toHaveAttribute('data-colour', 'green');

  // A Section Officer closes at once (no approver named); the dialog writes the archival copy first.
  await byId('eoffice-file-close').click();
  const dialog = page.locator('eoffice-marking-dialog');
  await dialog.locator('[data-test="marking-remarks"]').fill('Review complete');
  await dialog.locator('[data-test="marking-submit"]').click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  // Asked before the reload below, which cuts short whatever the page is still reading.
  expect.soft(watch.problemsOf('Open, note and close'), 'console errors and failed requests').toEqual([]);
  await page.reload();
  await expect(byId('eoffice-file-status')).toHaveText('Closed');

  // The copy, as the officer may read it: in Archive/, a PDF, declared and completed as a record.
  const rest = await playwright.request.newContext({
    extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${SECTION_OFFICER.user}:${SECTION_OFFICER.password}`).toString('base64')}` }
  });
  const listing = await (await rest.get(`${API}/nodes/${fileId}/children?relativePath=Archive&include=aspectNames`)).json();
  const copies = listing.list.entries.map((e: { entry: { id: string; name: string; aspectNames?: string[] } }) => e.entry);
  expect(copies).toHaveLength(1);
  // A record is renamed "<name> (<identifier>)", as AGS does.
  expect(copies[0].name).toMatch(/archival-copy-\d{4}-\d{2}-\d{2} \(\d{4}-\d+\)\.pdf$/);
  expect(copies[0].aspectNames).toContain('rma:declaredRecord');
  const bytes = await (await rest.get(`${API}/nodes/${copies[0].id}/content`)).body();
  await rest.dispose();

  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'archival-e2e-')), 'copy.pdf');
  await writeFile(file, bytes);
  expect(execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' })).toContain('<pdfaid:part>2</pdfaid:part>');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  for (const words of ['Cadre review completed as per rules.', 'नियमानुसार संवर्ग समीक्षा पूर्ण।', 'Cadre review of Stenographers, 2026'])
    expect(text, words).toContain(words.normalize('NFC'));
});
