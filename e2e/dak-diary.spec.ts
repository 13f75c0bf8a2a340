import { expect, test } from './support/test';
import path from 'node:path';
import { PageWatch } from './support/page-watch';
import { APP_URL } from './support/stack';

const LETTER_PDF = path.resolve(__dirname, 'fixtures', 'letter.pdf');

/** The Central Registry clerk of the demo department (seeded by the global setup). */
const DIARIST = { user: 'pooja.patel', password: 'demo1234' };
/** The Section Officer (Establishment), to whom the CRU marks establishment dak. */
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };

test('the Central Registry clerk diarises two receipts and sends one to the Section Officer, who finds it in her Inbox and puts it in a file', async ({
  page,
  browser
}) => {
  // The whole dak walk (two diarisations, acknowledgement, reply, send, inbox, put in a new file) in one test.
  test.setTimeout(240_000);
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);
  const numbers: string[] = [];

  await test.step('sign in as the CRU clerk', async () => {
    watch.enter('Login (CRU)');
    await page.goto(`${APP_URL}/`);
    await page.locator('#username').fill(DIARIST.user);
    await page.locator('#password').fill(DIARIST.password);
    await page.locator('#login-button').click();
    await expect(page).toHaveURL(/#\/personal-files/);
  });

  await test.step('diarise an electronic receipt with a scanned PDF', async () => {
    watch.enter('Diarise');
    await page.goto(`${APP_URL}/#/eoffice/receipts/diarise`);
    await expect(page.locator('h1', { hasText: 'Diarise dak' })).toBeVisible();
    await byId('eoffice-receipt-sender-name').fill('Anil Deshmukh');
    await byId('eoffice-receipt-letter-number').fill('GAD/2026/114');
    await byId('eoffice-receipt-subject').fill('स्थानांतरण नीति 2026 पर टिप्पणियाँ (e2e electronic)');
    await byId('eoffice-receipt-file-input').setInputFiles(LETTER_PDF);
    await expect(byId('eoffice-receipt-scans')).toContainText('letter.pdf');
    await byId('eoffice-receipt-generate').click();
    const number = byId('eoffice-diarise-number').first();
    await expect(number).toHaveText(/^\d+\/\d{4}\/[A-Z0-9]+-GAD$/);
    numbers.push((await number.textContent())!.trim());
    expect.soft(watch.problemsOf('Diarise'), 'problems while diarising').toEqual([]);
  });

  await test.step('diarise a physical receipt (metadata only); the sender is remembered', async () => {
    // After Generate the form starts afresh (subject empty) and keeps the sender.
    await expect(byId('eoffice-receipt-subject')).toHaveValue('');
    await expect(byId('eoffice-receipt-sender-name')).toHaveValue('Anil Deshmukh');
    await byId('eoffice-receipt-physical').click();
    await expect(byId('eoffice-receipt-physical').getByRole('radio')).toBeChecked();
    await byId('eoffice-receipt-subject').fill('Representation for revision of pay (e2e physical)');
    await byId('eoffice-receipt-generate').click();
    await expect(byId('eoffice-diarise-result')).toHaveCount(2);
    const number = (await byId('eoffice-diarise-number').first().textContent())!.trim();
    expect(number).not.toBe(numbers[0]);
    numbers.push(number);
  });

  await test.step('both receipts are in Created with their numbers and forms', async () => {
    watch.enter('Receipts: Created');
    await page.goto(`${APP_URL}/#/eoffice/receipts/created`);
    const table = byId('eoffice-receipts-table');
    for (const [number, form] of [
      [numbers[0], 'Electronic'],
      [numbers[1], 'Physical']
    ]) {
      const row = table.locator('[data-automation-id="eoffice-receipts-row"]', {
        has: page.getByRole('link', { name: number, exact: true })
      });
      await expect(row).toBeVisible();
      await expect(row.locator('[data-automation-id="eoffice-receipts-form"]')).toHaveText(form);
      await expect(row.locator('[data-automation-id="eoffice-receipts-pending"]')).toHaveText('0');
    }
    expect.soft(watch.problemsOf('Receipts: Created'), 'problems on Created').toEqual([]);
  });

  await test.step('the electronic receipt opens with its metadata', async () => {
    watch.enter('Receipt view');
    await page.getByRole('link', { name: numbers[0], exact: true }).click();
    await expect(byId('eoffice-receipt-view-number')).toHaveText(numbers[0]);
    await expect(byId('eoffice-receipt-view-subject')).toContainText('e2e electronic');
    await expect(page.locator('adf-alfresco-viewer')).toBeVisible();
    // The acknowledgement opens in a new tab to print; the notice offers it to download as well.
    const popup = page.waitForEvent('popup');
    await byId('eoffice-receipt-acknowledgement').click();
    const tab = await popup;
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();
    const download = page.waitForEvent('download');
    await page.locator('.mat-mdc-snack-bar-container').getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe(`Acknowledgement-${numbers[0].replace(/\//g, '-')}.pdf`);
  });

  await test.step('the acknowledged receipt leaves the Acknowledgement list; the other one waits there', async () => {
    watch.enter('Receipts: Acknowledgement');
    await page.goto(`${APP_URL}/#/eoffice/receipts/acknowledgement`);
    await expect(page.getByRole('link', { name: numbers[1], exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: numbers[0], exact: true })).toHaveCount(0);
    await page.goto(`${APP_URL}/#/eoffice/receipts/created`);
    await page.getByRole('link', { name: numbers[0], exact: true }).click();
    await expect(byId('eoffice-receipt-view-number')).toHaveText(numbers[0]);
  });

  await test.step('the clerk drafts a reply to the sender, kept with the receipt and shown as a letter', async () => {
    watch.enter('Reply');
    await byId('eoffice-receipt-reply').click();
    const dialog = page.locator('eoffice-reply-dialog');
    await expect(dialog.locator('[data-test="reply-to"]')).toHaveValue(/Anil Deshmukh/);
    await expect(dialog.locator('[data-test="reply-reference"]')).toHaveValue(/GAD\/2026\/114/);
    await expect(dialog.locator('[data-test="reply-subject"]')).toHaveValue(/^Reply: स्थानांतरण नीति/);
    await dialog.locator('[data-test="reply-save"]').click();
    await expect(dialog.locator('[data-test="reply-body-error"]')).toBeVisible();
    await dialog.locator('[data-test="reply-body"]').fill('Your comments have been received and are under examination.');
    await dialog.locator('[data-test="reply-save"]').click();
    await expect(dialog).toBeHidden();
    await expect(byId('eoffice-receipt-reply-letter')).toContainText('under examination');
    await expect(byId('eoffice-receipt-reply-letter')).toContainText('Anil Deshmukh');
    await page.reload();
    await expect(byId('eoffice-receipt-replies')).toContainText('Reply: स्थानांतरण नीति');
    // Let the scan finish loading first: ADF's viewer logs an error when it is closed mid-load.
    await expect(page.locator('adf-alfresco-viewer .page[data-loaded="true"]').first()).toBeAttached();
    await byId('eoffice-receipt-replies').getByRole('button').first().click();
    await expect(byId('eoffice-receipt-reply-letter')).toContainText('under examination');
    expect.soft(watch.problemsOf('Reply'), 'problems while replying').toEqual([]);
  });

  await test.step("the Content App's own toolbar offers the receipt actions inside the receipt's folder", async () => {
    watch.enter('Toolbar');
    const receiptId = /#\/eoffice\/receipts\/([^/?]+)/.exec(page.url())![1];
    await page.goto(`${APP_URL}/#/personal-files/${receiptId}`);
    const open = page.locator('[id="eoffice.toolbar.receipt.open"]');
    await expect(open).toBeVisible();
    await open.click();
    await expect(page).toHaveURL(new RegExp(`#/eoffice/receipts/${receiptId}`));
    await expect(byId('eoffice-receipt-view-number')).toHaveText(numbers[0]);
  });

  await test.step('the clerk sends the electronic receipt to the Section Officer through the marking dialog', async () => {
    watch.enter('Send');
    await byId('eoffice-receipt-send').click();
    const dialog = page.locator('eoffice-marking-dialog');
    await dialog.locator('[data-test="marking-to"]').click();
    // The channel of submission first: the CRU may mark establishment dak to the Section Officer.
    // Posts are offered by the officer's name first, as NIC lists them.
    await page.getByRole('option', { name: 'Priya Nair (Section Officer, Establishment)', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.locator('[data-test="marking-remarks"]').fill('For necessary action');
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();
    const movement = byId('eoffice-receipt-movements').locator('[data-test="movement"]').first();
    await expect(movement).toContainText('Sent');
    await expect(movement).toContainText('Section Officer (Establishment)');
    await expect(byId('eoffice-receipt-send')).toHaveCount(0);
    expect.soft(watch.problemsOf('Send'), 'problems while sending').toEqual([]);
  });

  await test.step('the clerk copies the physical receipt for information, the Section Officer taking it for action', async () => {
    watch.enter('Copy');
    await page.goto(`${APP_URL}/#/eoffice/receipts/created`);
    await page.getByRole('link', { name: numbers[1], exact: true }).click();
    await expect(byId('eoffice-receipt-view-number')).toHaveText(numbers[1]);
    await byId('eoffice-receipt-copy').click();
    const dialog = page.locator('eoffice-copy-dialog');
    // Nothing chosen: both fields say what is missing, nothing is sent.
    await dialog.locator('[data-test="copy-submit"]').click();
    await expect(dialog.locator('[data-test="copy-to-error"]')).toBeVisible();
    await dialog.locator('[data-test="copy-to"]').click();
    await page.getByRole('option', { name: 'Amit Kumar (Assistant Section Officer, Establishment)', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.locator('[data-test="copy-action-by"]').click();
    await page.getByRole('option', { name: 'Priya Nair (Section Officer, Establishment)', exact: true }).click();
    await dialog.locator('[data-test="copy-submit"]').click();
    await expect(dialog).toBeHidden();
    const steps = byId('eoffice-receipt-movements').locator('[data-test="movement"]');
    await expect(steps).toHaveCount(2);
    await expect(steps.filter({ hasText: '[copy] For information' })).toContainText('Assistant Section Officer (Establishment)');
    await expect(steps.filter({ hasNotText: '[copy]' })).toContainText('Section Officer (Establishment)');
    expect.soft(watch.problemsOf('Copy'), 'problems while copying').toEqual([]);
  });

  await test.step('the Section Officer sees it in her Inbox with days pending and opens it', async () => {
    const context = await browser.newContext();
    const so = await context.newPage();
    const soById = (id: string) => so.locator(`[data-automation-id="${id}"]`);
    await so.goto(`${APP_URL}/`);
    await so.locator('#username').fill(SECTION_OFFICER.user);
    await so.locator('#password').fill(SECTION_OFFICER.password);
    await so.locator('#login-button').click();
    await expect(so).toHaveURL(/#\/personal-files/);
    await so.goto(`${APP_URL}/#/eoffice/receipts/inbox`);
    const row = soById('eoffice-receipts-table').locator('[data-automation-id="eoffice-receipts-row"]', {
      has: so.getByRole('link', { name: numbers[0], exact: true })
    });
    await expect(row).toBeVisible();
    await expect(row.locator('[data-automation-id="eoffice-receipts-pending"]')).toHaveText('0');
    // Not opened yet: the Inbox's read filter (asked of the workflow, then of the search) keeps it under "Not yet opened".
    const readFilter = async (option: string) => {
      await soById('eoffice-receipts-filter-read').click();
      await so.getByRole('option', { name: option, exact: true }).click();
      await soById('eoffice-receipts-apply').click();
    };
    await readFilter('Not yet opened');
    await expect(row).toBeVisible();
    await readFilter('Opened');
    await expect(so.getByRole('link', { name: numbers[0], exact: true })).toHaveCount(0);
    await readFilter('Any');
    await so.getByRole('link', { name: numbers[0], exact: true }).click();
    await expect(soById('eoffice-receipt-view-number')).toHaveText(numbers[0]);
    // Opening claims the task: the movement now shows it opened, and she may send it on.
    await expect(soById('eoffice-receipt-send')).toBeVisible();
    await so.reload();
    await expect(soById('eoffice-receipt-movements').locator('[data-test="movement"]').first()).toContainText('opened');
    await so.goto(`${APP_URL}/#/eoffice/receipts/inbox`);
    await readFilter('Opened');
    await expect(row).toBeVisible();
    await readFilter('Not yet opened');
    await expect(so.getByRole('link', { name: numbers[0], exact: true })).toHaveCount(0);
    await readFilter('Any');
    await so.getByRole('link', { name: numbers[0], exact: true }).click();
    await expect(soById('eoffice-receipt-view-number')).toHaveText(numbers[0]);

    // The files her post holds are offered, but the letter opens a new case: she opens a new file from the
    // receipt (its subject and section filled in) and puts the receipt in it in one go; the movements show both steps.
    const subject = (await soById('eoffice-receipt-view-subject').textContent())!.trim();
    await soById('eoffice-receipt-put-in-file').click();
    const dialog = so.locator('eoffice-put-in-file-dialog');
    await expect(dialog.locator('[data-test="put-in-file-file"]').first()).toBeVisible();
    await dialog.locator('[data-test="put-in-file-new"]').click();
    await expect(dialog.locator('[data-automation-id="eoffice-create-file-subject"]')).toHaveValue(subject);
    await dialog.locator('[data-automation-id="eoffice-create-file-head-search"]').fill('11011');
    await dialog.locator('[data-automation-id="eoffice-create-file-head"]').click();
    await so.getByRole('option', { name: /A-11011/ }).click();
    await expect(dialog.locator('[data-automation-id="eoffice-create-file-preview"]')).toContainText('A-11011/…/');
    await dialog.locator('[data-automation-id="eoffice-create-file-category"]').getByText(/^C —/).click();
    await dialog.locator('[data-test="put-in-file-create"]').click();
    await expect(dialog).toBeHidden();
    const done = soById('eoffice-receipt-put-in-done');
    await expect(done).toContainText(/Receipt put in file A-11011\/\d+\/\d{4}-EST-GAD\./);
    const fileNumber = (await soById('eoffice-receipt-in-file').textContent())!.trim();
    expect(fileNumber).toMatch(/^A-11011\/\d+\/\d{4}-EST-GAD$/);
    const steps = soById('eoffice-receipt-movements').locator('[data-test="movement"]');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toContainText('Placed in a file');
    await expect(steps.nth(0)).toContainText(fileNumber);
    await expect(steps.nth(1)).toContainText('Sent');
    await expect(soById('eoffice-receipt-send')).toHaveCount(0);
    // "Open file" leads to the new file, which has the receipt in its correspondence.
    await soById('eoffice-receipt-open-file').click();
    await expect(so).toHaveURL(/#\/eoffice\/files\/[0-9a-f-]{36}$/);
    await expect(soById('eoffice-file-number')).toHaveText(fileNumber);
    await expect(soById('eoffice-file-subject')).toContainText(subject);
    await context.close();
  });
});
