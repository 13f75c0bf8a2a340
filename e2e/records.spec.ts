import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from './support/test';
import { strFromU8, unzipSync } from 'fflate';
import { PageWatch } from './support/page-watch';
import { signIn } from './support/sign-in';
import { APP_URL, STACK } from './support/stack';

/** The demo department's records manager (seeded with the file plan's RecordsManager role) and a Section Officer. */
const RECORDS_MANAGER = { user: 'lakshmi.pillai', password: 'demo1234' };
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const UNDER_SECRETARY = { user: 'kavita.joshi', password: 'demo1234' };
const API = `${APP_URL}/alfresco/api/-default-/public/alfresco/versions/1`;
/** DD/MM/YYYY, as the eofficeDate pipe shows a day (in India's time zone). */
const indianDate = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: 'Asia/Kolkata' });

test('the records manager finds the CSMOP categories A, B and C with their schedules in words and puts a court case on hold', async ({
  page
}) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);

  watch.step('Sign in');
  await signIn(page, RECORDS_MANAGER);
  const filePlanEntry = page.getByText('File plan', { exact: true });
  await filePlanEntry.scrollIntoViewIfNeeded();
  await expect(filePlanEntry).toBeVisible();

  watch.step('File plan');
  await filePlanEntry.click();
  await expect(page).toHaveURL(/#\/eoffice\/records\/file-plan/);
  const categories = byId('eoffice-records-category');
  // The whole tree: A, B and C, and C's sub-categories C-1, C-3, C-5 and C-10 below it, in that order.
  await expect(categories.locator('h2, h3')).toHaveText(['A', 'B', 'C', 'C-1', 'C-3', 'C-5', 'C-10']);
  // Category C, as config/retention installs it: cut off when the case closes, kept ten years, destroyed;
  // category B kept for good.
  const steps = (code: string) =>
    categories
      .filter({ has: page.locator('h2, h3', { hasText: new RegExp(`^${code}$`) }) })
      .locator('[data-automation-id="eoffice-records-step"]');
  await expect(steps('C')).toHaveText(['Cut off when the case is closed', 'Keep 10 years after cut-off', 'Destroy']);
  await expect(steps('B')).toHaveText(['Cut off when the case is closed', 'Keep permanently']);
  const c5 = categories.filter({ has: page.locator('h3', { hasText: /^C-5$/ }) });
  await expect(c5).toHaveAttribute('data-depth', '1');
  await expect(steps('C-5')).toHaveText(['Cut off when the case is closed', 'Keep 5 years after cut-off', 'Destroy']);

  watch.step('Edit C');
  // She edits category C's schedule within AGS's rules: a step after Destroy is refused before anything is
  // sent, in words, and the schedule stays as it was.
  const c = categories.filter({ has: page.locator('h2', { hasText: /^C$/ }) });
  await c.locator('[data-automation-id="eoffice-records-add-step"]').click();
  const form = byId('eoffice-records-add-step-form');
  await expect(form.locator('[data-automation-id="eoffice-records-step-rules"]')).toContainText('nothing follows Destroy');
  await form.locator('[data-automation-id="eoffice-records-step-name"]').click();
  await page.getByRole('option', { name: 'Transfer', exact: true }).click();
  await expect(form.locator('[data-automation-id="eoffice-records-step-problems"]')).toContainText('Nothing may follow Destroy.');
  await expect(form.locator('[data-automation-id="eoffice-records-step-send"]')).toBeDisabled();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(steps('C')).toHaveText(['Cut off when the case is closed', 'Keep 10 years after cut-off', 'Destroy']);
  // She changes the retention of category C to twelve years (AGS's schedule web script), reads it in words,
  // then puts it back to CSMOP's ten so that the department's schedule (and the installer's check) stay.
  const changeRetention = async (years: number, description?: string) => {
    await c
      .locator('[data-automation-id="eoffice-records-steps"] > li')
      .nth(1)
      .locator('[data-automation-id="eoffice-records-edit-step"]')
      .click();
    const edit = byId('eoffice-records-edit-step-form');
    const was = await edit.locator('[data-automation-id="eoffice-records-edit-description"]').inputValue();
    await edit.locator('[data-automation-id="eoffice-records-edit-amount"]').fill(String(years));
    if (description !== undefined) await edit.locator('[data-automation-id="eoffice-records-edit-description"]').fill(description);
    await expect(edit.locator('[data-automation-id="eoffice-records-edit-preview"]')).toContainText(`Keep ${years} years after cut-off`);
    await edit.locator('[data-automation-id="eoffice-records-edit-send"]').click();
    await expect(byId('eoffice-records-step-changed')).toContainText('Step changed');
    await expect(steps('C')).toHaveText(['Cut off when the case is closed', `Keep ${years} years after cut-off`, 'Destroy']);
    return was;
  };
  const description = await changeRetention(12, 'Keep twelve years after cut-off');
  await changeRetention(10, description);

  watch.step('Transfer list');
  await page.getByText('Transfer list', { exact: true }).click();
  await expect(page).toHaveURL(/#\/eoffice\/records\/transferred/);
  await expect(page.locator('h1', { hasText: 'Transfer list' })).toBeVisible();
  await expect(page.getByText('No records have been transferred.').or(byId('eoffice-transferred-row').first())).toBeVisible();

  watch.step('Legal holds');
  await page.goto(`${APP_URL}/#/eoffice/records/holds`);
  await byId('eoffice-records-hold-name').fill('OA 311 of 2026');
  await byId('eoffice-records-hold-reason').fill('Court case: OA 311/2026 before the CAT');
  await byId('eoffice-records-hold-create').click();
  await expect(byId('eoffice-records-hold').filter({ hasText: 'OA 311 of 2026' })).toBeVisible();
  await expect(byId('eoffice-records-hold').filter({ hasText: 'OA 311 of 2026' })).toContainText('Court case');

  for (const name of watch.steps) expect.soft(watch.problemsOf(name), `console errors and failed requests: ${name}`).toEqual([]);
});

test('an officer without a file plan role sees no Records group and no refused request', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.step('Sign in');
  await signIn(page, SECTION_OFFICER);
  await expect(page.getByText('Files: Inbox', { exact: false }).first()).toBeVisible();
  // The e-Office group is drawn; the Records group, for file plan roles only, is not.
  await expect(page.getByText('Legal holds', { exact: true })).toHaveCount(0);
  await expect(page.getByText('File plan', { exact: true })).toHaveCount(0);
  expect(watch.problemsOf('Sign in')).toEqual([]);
});

/**
 * The repository's retention clock (global-setup starts it with `--retention-clock <file>`): what is written
 * there is "now" for retention steps. Absent when the run uses a repository somebody else started.
 */
const RETENTION_CLOCK = STACK.retentionClock;

test('a closed category C file becomes a record: held for an RTI appeal, released, destroyed when its years are over, and registered', async ({
  browser,
  playwright
}) => {
  test.skip(!RETENTION_CLOCK, 'needs the retention clock of a repository the run started');
  test.setTimeout(300_000);
  const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

  const so = await (await browser.newContext()).newPage();
  const soWatch = new PageWatch(so, new URL(APP_URL).origin);
  let fileNumber = '';
  let fileUrl = '';
  const closedOn = new Date();

  await test.step('the Section Officer opens a category C file kept five years, notes on it and closes it with approval', async () => {
    soWatch.step('Open, note and close');
    await signIn(so, SECTION_OFFICER);
    await so.goto(`${APP_URL}/#/eoffice/files/create`);
    await byId(so, 'eoffice-create-file-head').click();
    await so.getByRole('option', { name: /A-11011/ }).click();
    await byId(so, 'eoffice-create-file-subject').fill('Grant of casual leave to contract staff, 2026 (records e2e)');
    await byId(so, 'eoffice-create-file-category').getByText(/^C —/).click();
    await byId(so, 'eoffice-create-file-years').fill('5');
    await byId(so, 'eoffice-create-file-submit').click();
    await expect(so).toHaveURL(/#\/eoffice\/files\/[0-9a-f-]{36}$/);
    fileUrl = so.url();
    await expect(byId(so, 'eoffice-file-number')).toHaveText(/^A-11011\/\d+\/\d{4}-EST-GAD$/);
    fileNumber = (await byId(so, 'eoffice-file-number').textContent())!.trim();

    await so.locator('[data-testid="note-new"]').click();
    await so
      .locator('[data-testid="note-new-editor"] .ql-editor')
      .fill('Leave granted as per rules. नियमानुसार अवकाश स्वीकृत। File may be closed.');
    await so.locator('[data-testid="note-save-confirm"]').click();
    await expect(so.locator('[data-testid="note-1"]')).toHaveAttribute('data-colour', 'green');

    // She asks the Under Secretary to approve closing it; the Under Secretary approves, which closes it.
    await byId(so, 'eoffice-file-close').click();
    const dialog = so.locator('eoffice-marking-dialog');
    await dialog.locator('[data-test="marking-approver"]').click();
    await so.getByRole('option', { name: /^Kavita Joshi \(Under Secretary, Establishment\)$/ }).click();
    await dialog.locator('[data-test="marking-remarks"]').fill('Action complete');
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();
    expect.soft(soWatch.problemsOf('Open, note and close'), 'console errors and failed requests').toEqual([]);

    const us = await (await browser.newContext()).newPage();
    await signIn(us, UNDER_SECRETARY);
    await us.goto(fileUrl);
    await expect(us.getByText('Asked to approve closing')).toBeVisible();
    await byId(us, 'eoffice-file-approve').click();
    await expect(byId(us, 'eoffice-file-status')).toHaveText('Closed');
    await us.context().close();
  });
  const folderName = fileNumber.replace(/\//g, '_');

  await test.step('she sees the closed file as a record: its folder, category, retention and next step; its note can no longer be edited', async () => {
    // Read afresh once the close has settled (a reload cuts short whatever the page is still reading).
    await so.waitForLoadState('networkidle');
    await so.reload();
    const record = byId(so, 'eoffice-file-record');
    await expect(record).toContainText('Kept as a record');
    await expect(byId(so, 'eoffice-file-status')).toHaveText('Closed');
    await expect(byId(so, 'eoffice-file-record-folder')).toHaveText(`C / C-5 / ${folderName}`);
    await expect(byId(so, 'eoffice-file-record-category')).toHaveText('C-5');
    await expect(byId(so, 'eoffice-file-record-retention')).toContainText('C — keep for a specified period');
    await expect(byId(so, 'eoffice-file-record-retention')).toContainText('5 years');
    // Not cut off yet: the cut-off is due from the day the case closed.
    await expect(byId(so, 'eoffice-file-record-next')).toHaveText(`Cut off · ${indianDate(closedOn)}`);
    await expect(byId(so, 'eoffice-file-record-held')).toHaveCount(0);
    // The note is a completed record, and so badged; nothing offers to change it.
    await expect(byId(so, 'eoffice-file-record-paper').filter({ hasText: /Record\s*000001 \(\d{4}-\d+\)/ })).toHaveCount(1);
    await expect(so.locator('[data-testid="note-1"]')).toBeVisible();
    await expect(so.locator('[data-testid="note-edit-1"]')).toHaveCount(0);
    await expect(so.locator('[data-testid="note-discard-1"]')).toHaveCount(0);
    // Nor through the REST API her browser could call instead: the repository refuses it.
    const rest = await playwright.request.newContext({
      extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${SECTION_OFFICER.user}:${SECTION_OFFICER.password}`).toString('base64')}` }
    });
    const fileId = fileUrl.split('/').pop()!;
    const notes = await (await rest.get(`${API}/nodes/${fileId}/children?relativePath=Notes`)).json();
    const note = notes.list.entries
      .map((e: { entry: { id: string; name: string } }) => e.entry)
      .find((n: { name: string }) => /^000001 /.test(n.name));
    expect(note, 'the note, listed in Notes/').toBeTruthy();
    // Its text (403 to a reader, 422 for a record's content to anyone) and its properties.
    expect([403, 422]).toContain(
      (await rest.put(`${API}/nodes/${note.id}/content`, { data: 'rewritten', headers: { 'content-type': 'text/html' } })).status()
    );
    expect((await rest.put(`${API}/nodes/${note.id}`, { data: { properties: { 'cm:title': 'Rewritten' } } })).status()).toBe(403);
    await rest.dispose();
  });

  const rm = await (await browser.newContext()).newPage();
  const rmWatch = new PageWatch(rm, new URL(APP_URL).origin);
  const folderIn = async (page: Page): Promise<Locator> => {
    await page.goto(`${APP_URL}/#/eoffice/records/file-plan`);
    const c = byId(page, 'eoffice-records-category').filter({ has: page.locator('h3', { hasText: /^C-5$/ }) });
    await c.locator('[data-automation-id="eoffice-records-folders-toggle"]').click();
    return c.locator('[data-automation-id="eoffice-records-folder"]').filter({ hasText: fileNumber });
  };
  const dueRow = (page: Page) => byId(page, 'eoffice-records-due-row').filter({ hasText: folderName });
  const execute = async (page: Page, step: string) => {
    await page.goto(`${APP_URL}/#/eoffice/records/due`);
    // Already there, the hash route does not read the list again: the page is loaded afresh, once the list
    // it shows is read (a reload would cut that reading short).
    await page.waitForLoadState('networkidle');
    await page.reload();
    await expect(dueRow(page)).toContainText(step);
    await dueRow(page).locator('[data-automation-id="eoffice-records-execute"]').click();
    await byId(page, 'eoffice-records-execute-confirm').click();
    await expect(byId(page, 'eoffice-records-due-outcome')).toContainText(`Done: ${step} on ${folderName}`);
  };

  try {
    await test.step('the records manager finds its record folder in category C-5 with its completed records', async () => {
      rmWatch.step('Find the record');
      await signIn(rm, RECORDS_MANAGER);
      const folder = await folderIn(rm);
      await expect(folder).toContainText('Closed');
      await folder.locator('[data-automation-id="eoffice-records-folder-records-toggle"]').click();
      const records = folder.locator('[data-automation-id="eoffice-records-record"]');
      await expect(records.filter({ hasText: /^\s*000001 \(\d{4}-\d+\)/ })).toContainText('Completed');
      // Later steps move between pages while lists are still read (Playwright cuts those requests short).
      expect.soft(rmWatch.problemsOf('Find the record'), 'console errors and failed requests').toEqual([]);
    });

    await test.step('closing cut it off: she executes the cut-off; five years later the retention ends', async () => {
      await execute(rm, 'Cut off');
      // The officer is told when the retention ends: five years from the cut-off.
      await so.reload();
      const ends = new Date();
      ends.setFullYear(ends.getFullYear() + 5);
      await expect(byId(so, 'eoffice-file-record-next')).toHaveText(`Retain · ${indianDate(ends)}`);
      // Six years on, for the repository and for her browser alike (category C-5 keeps five after cut-off).
      const later = new Date(Date.now() + 6 * 365.25 * 24 * 3600 * 1000);
      await writeFile(RETENTION_CLOCK!, later.toISOString());
      await rm.clock.setFixedTime(later);
      await execute(rm, 'Retain');
      await expect(dueRow(rm)).toContainText('Destroy');
    });

    await test.step('an RTI appeal puts the folder on hold: the destruction is blocked, and the officer sees the hold', async () => {
      await rm.goto(`${APP_URL}/#/eoffice/records/holds`);
      await byId(rm, 'eoffice-records-hold-name').fill('RTI appeal 45 of 2026');
      await byId(rm, 'eoffice-records-hold-reason').fill('RTI first appeal 45/2026 under section 19 pending');
      await byId(rm, 'eoffice-records-hold-create').click();
      await expect(byId(rm, 'eoffice-records-hold').filter({ hasText: 'RTI appeal 45 of 2026' })).toBeVisible();

      const folder = await folderIn(rm);
      await folder.locator('[data-automation-id="eoffice-records-folder-hold"]').click();
      await folder.locator('[data-automation-id="eoffice-records-folder-hold-select"]').click();
      await rm.getByRole('option', { name: /^RTI appeal 45 of 2026/ }).click();
      await folder.locator('[data-automation-id="eoffice-records-folder-hold-confirm"]').click();
      await expect(folder.locator('[data-automation-id="eoffice-records-folder-held"]')).toHaveText('On legal hold');

      await rm.goto(`${APP_URL}/#/eoffice/records/due`);
      await expect(dueRow(rm).locator('[data-automation-id="eoffice-records-due-held"]')).toBeVisible();
      await expect(dueRow(rm).locator('[data-automation-id="eoffice-records-execute"]')).toBeDisabled();

      // She is still on the file: it is read afresh.
      await so.reload();
      await expect(byId(so, 'eoffice-file-record-held')).toHaveText('On legal hold');
    });

    await test.step('the appeal decided, she releases the folder; the destruction is due again', async () => {
      await rm.goto(`${APP_URL}/#/eoffice/records/holds`);
      const hold = byId(rm, 'eoffice-records-hold').filter({ hasText: 'RTI appeal 45 of 2026' });
      await hold.locator('[data-automation-id="eoffice-records-hold-items"]').click();
      const item = hold.locator('[data-automation-id="eoffice-records-held-item"]').filter({ hasText: folderName });
      await item.locator('[data-automation-id="eoffice-records-release"]').click();
      await expect(hold.locator('[data-automation-id="eoffice-records-hold-items-empty"]')).toBeVisible();
      await rm.goto(`${APP_URL}/#/eoffice/records/due`);
      await expect(dueRow(rm).locator('[data-automation-id="eoffice-records-due-held"]')).toHaveCount(0);
      await expect(dueRow(rm).locator('[data-automation-id="eoffice-records-execute"]')).toBeEnabled();
    });

    await test.step('she destroys it after a confirmation that names the folder and its records', async () => {
      await dueRow(rm).locator('[data-automation-id="eoffice-records-execute"]').click();
      const list = byId(rm, 'eoffice-records-destroy-list').locator('li');
      await expect(list.first()).toHaveText(folderName);
      await expect(list.filter({ hasText: /^000001 \(\d{4}-\d+\)$/ })).toHaveCount(1);
      await byId(rm, 'eoffice-records-execute-confirm').click();
      await expect(byId(rm, 'eoffice-records-due-outcome')).toContainText(`Done: Destroy on ${folderName}`);
      await expect(dueRow(rm)).toHaveCount(0);
    });

    await test.step('the destruction register lists what was destroyed, and exports it as CSV and XLSX', async () => {
      await rm.goto(`${APP_URL}/#/eoffice/records/destroyed`);
      // The record folder destroyed, with its identifier and category, its metadata kept; and its note, which
      // names the folder it was filed in.
      const rows = byId(rm, 'eoffice-destroyed-row').filter({ hasText: folderName });
      await expect(rows).toHaveCount(2);
      await expect(rows.filter({ hasText: /000001 \(\d{4}-\d+\)/ })).toHaveCount(1);
      for (const row of await rows.all()) await expect(row).toContainText(/\d{4}-\d{10}/);

      await byId(rm, 'eoffice-export-button').click();
      const csvDownload = rm.waitForEvent('download');
      await byId(rm, 'eoffice-export-csv').click();
      const csvFile = await csvDownload;
      expect(csvFile.suggestedFilename()).toMatch(/^destruction-register.*\.csv$/);
      const csv = (await readFile(await csvFile.path())).toString('utf8');
      expect(csv).toContain(folderName);
      expect(csv).toMatch(/000001 \(\d{4}-\d+\)/);

      await byId(rm, 'eoffice-export-button').click();
      const xlsxDownload = rm.waitForEvent('download');
      await byId(rm, 'eoffice-export-xlsx').click();
      const xlsxFile = await xlsxDownload;
      expect(xlsxFile.suggestedFilename()).toMatch(/^destruction-register.*\.xlsx$/);
      const sheet = Object.entries(unzipSync(new Uint8Array(await readFile(await xlsxFile.path()))))
        .filter(([name]) => name.startsWith('xl/'))
        .map(([, data]) => strFromU8(data))
        .join('\n');
      expect(sheet).toContain(folderName);
    });
  } finally {
    await writeFile(RETENTION_CLOCK!, '');
  }
});
