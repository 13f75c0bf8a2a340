import { APIRequestContext, Browser, Page, expect, request as playwrightRequest, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { readPdf } from './support/read-pdf';
import { APP_URL } from './support/stack';

const API = `${APP_URL}/alfresco/api/-default-/public/alfresco/versions/1`;
const SEARCH = `${APP_URL}/alfresco/api/-default-/public/search/versions/1/search`;

/** Officers of the demo department (seeded by the global setup). */
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234', name: 'Priya Nair' };
const UNDER_SECRETARY = { user: 'kavita.joshi', password: 'demo1234', name: 'Kavita Joshi' };
/** A dealing hand of another section: the file is never with her post. */
const OUTSIDER = { user: 'deepa.menon', password: 'demo1234' };

type Officer = { user: string; password: string };

async function signIn(browser: Browser, officer: Officer): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(officer.user);
  await page.locator('#password').fill(officer.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);
  return page;
}

/** The officer's own REST client: what the repository lets them do, whatever the browser shows. */
function restAs(officer: Officer): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${officer.user}:${officer.password}`).toString('base64')}` }
  });
}

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);
const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

test('a day in the life of an e-File: opened, noted, sent up, approved, sent back, dispatched and closed', async ({ browser }) => {
  test.setTimeout(300_000);
  let fileNumber = '';
  let fileUrl = '';
  let fileId = '';

  const so = await signIn(browser, SECTION_OFFICER);
  const soWatch = new PageWatch(so, new URL(APP_URL).origin);

  await test.step('the Section Officer opens a file under a subject head; its functional number appears', async () => {
    soWatch.enter('Create file');
    await so.goto(`${APP_URL}/#/eoffice/files/create`);
    await byId(so, 'eoffice-create-file-head').click();
    await so.getByRole('option', { name: /A-11011/ }).click();
    await expect(byId(so, 'eoffice-create-file-preview')).toContainText('A-11011/…/');
    await byId(so, 'eoffice-create-file-subject').fill('आशुलिपिकों की भर्ती 2026 — Recruitment of Stenographers (e2e)');
    await byId(so, 'eoffice-create-file-category').getByText(/^C —/).click();
    await byId(so, 'eoffice-create-file-submit').click();
    await expect(so).toHaveURL(/#\/eoffice\/files\/[0-9a-f-]{36}$/);
    fileUrl = so.url();
    fileId = fileUrl.split('/').pop()!;
    await expect(byId(so, 'eoffice-file-number')).toHaveText(/^A-11011\/\d+\/\d{4}-EST-GAD$/);
    fileNumber = (await byId(so, 'eoffice-file-number').textContent())!.trim();
    await expect(byId(so, 'eoffice-file-subject')).toContainText('आशुलिपिकों की भर्ती');
    expect.soft(soWatch.problemsOf('Create file'), 'problems while creating the file').toEqual([]);
  });

  await test.step('she puts a receipt from her Inbox in the file: it becomes the PUC', async () => {
    const rest = await restAs(SECTION_OFFICER);
    const found = await rest.post(SEARCH, {
      data: {
        query: {
          query: 'TYPE:"eo:receipt" AND =eo:currentHolder:"GROUP_EO_GAD_SO_EST" AND =eo:status:"inMovement"',
          language: 'afts'
        },
        paging: { maxItems: 1 }
      }
    });
    expect(found.ok()).toBeTruthy();
    const receiptId = (await found.json()).list.entries[0].entry.id as string;
    await so.goto(`${APP_URL}/#/eoffice/receipts/${receiptId}`);
    await byId(so, 'eoffice-receipt-put-in-file').click();
    const dialog = so.locator('eoffice-put-in-file-dialog');
    await dialog.locator('[data-test="put-in-file-file"]', { hasText: fileNumber }).click();
    await dialog.locator('[data-test="put-in-file-confirm"]').click();
    await expect(dialog).toBeHidden();
    await so.goto(fileUrl);
    await expect(byId(so, 'eoffice-correspondence-1')).toContainText('PUC');
    await rest.dispose();
  });

  await test.step('she writes a note without the mouse and confirms it green', async () => {
    soWatch.enter('Noting');
    await expect(testId(so, 'note-new')).toBeVisible();
    await so.keyboard.press('Alt+N');
    const editor = testId(so, 'note-new-editor').locator('.ql-editor');
    await expect(editor).toBeFocused();
    await so.keyboard.type('Kindly see ');
    // Esc on the reference menu closes the menu, not the note.
    await so.keyboard.press('Alt+R');
    await expect(so.getByRole('menuitem', { name: /PUC/ })).toBeVisible();
    await so.keyboard.press('Escape');
    await expect(so.getByRole('menuitem', { name: /PUC/ })).toBeHidden();
    await expect(editor).toBeFocused();
    // Chosen from the menu, the reference goes in once and the typing carries on in the note.
    await so.keyboard.press('Alt+R');
    await expect(so.getByRole('menuitem', { name: /PUC/ })).toBeFocused();
    await so.keyboard.press('Enter');
    await expect(editor).toBeFocused();
    await so.keyboard.type('for approval. प्रस्ताव नियमों के अनुसार है, अनुमोदन हेतु प्रस्तुत।');
    await so.keyboard.press('Control+Shift+Enter');
    const note = testId(so, 'note-1');
    await expect(note).toHaveAttribute('data-colour', 'green');
    await expect(testId(so, 'note-body-1')).toContainText('Kindly see PUC for approval. प्रस्ताव नियमों के अनुसार है');
    await expect(testId(so, 'note-body-1').locator('a[data-eo-ref]')).toHaveCount(1);
    await expect(testId(so, 'note-signature-1')).toContainText(SECTION_OFFICER.name);
    // Green, but the file is still with her: she may still amend her note, which stays green and signed.
    await testId(so, 'note-edit-1').click();
    await expect(note.locator('.ql-editor')).toBeFocused();
    await so.keyboard.type(' Urgent.');
    await so.keyboard.press('Control+Enter');
    await expect(testId(so, 'note-body-1')).toContainText('अनुमोदन हेतु प्रस्तुत। Urgent.');
    await expect(note).toHaveAttribute('data-colour', 'green');
    await expect(testId(so, 'note-signature-1')).toContainText(SECTION_OFFICER.name);
    expect.soft(soWatch.problemsOf('Noting'), 'problems while noting').toEqual([]);
  });

  await test.step('she places a draft letter for approval', async () => {
    await so.getByRole('tab', { name: 'Drafts' }).click();
    await so.locator('[data-test="draft-new"]').click();
    await so.locator('[data-test="draft-create"]').click();
    await expect(so.locator('[data-test="draft-item"]')).toHaveCount(1);
    await so.locator('[data-test="draft-for-approval"]').click();
    await expect(so.locator('[data-test="draft-status"]').first()).toContainText('approval');
  });

  await test.step('she sends the file to the Under Secretary (Alt+S opens the marking dialog)', async () => {
    await so.locator('body').click();
    await so.keyboard.press('Alt+S');
    const dialog = so.locator('eoffice-marking-dialog');
    await dialog.locator('[data-test="marking-to"]').click();
    // The demo's history has her sending from her post to the Under Secretary: she is on top, under Frequent.
    await so
      .getByRole('group', { name: 'Frequent' })
      .getByRole('option', { name: 'Kavita Joshi (Under Secretary, Establishment)', exact: true })
      .click();
    await dialog.locator('[data-test="marking-remarks"]').fill('For approval of the draft, please');
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();
    await expect(byId(so, 'eoffice-file-send')).toHaveCount(0);
    // Sent on, her note can no longer be edited or discarded by anyone
    await expect(testId(so, 'note-edit-1')).toHaveCount(0);
  });

  const us = await signIn(browser, UNDER_SECRETARY);
  await test.step('the Under Secretary finds it in her Inbox and cannot touch the Section Officer’s note', async () => {
    await us.goto(`${APP_URL}/#/eoffice/files/inbox`);
    await us.getByRole('link', { name: fileNumber, exact: true }).click();
    await expect(byId(us, 'eoffice-file-number')).toHaveText(fileNumber);
    await expect(testId(us, 'note-1')).toHaveAttribute('data-colour', 'green');
    await expect(testId(us, 'note-edit-1')).toHaveCount(0);
    await expect(testId(us, 'note-discard-1')).toHaveCount(0);
    // … and the repository refuses it too, whatever the browser offers
    const rest = await restAs(UNDER_SECRETARY);
    const noteId = await testId(us, 'note-1').getAttribute('data-note-id');
    const edit = await rest.put(`${API}/nodes/${noteId}/content`, {
      data: 'Rewritten by the Under Secretary',
      headers: { 'Content-Type': 'text/html' }
    });
    expect(edit.status()).toBe(403);
    await rest.dispose();
  });

  await test.step('she adds her own note, approves the draft and sends the file back', async () => {
    await testId(us, 'note-new').click();
    await testId(us, 'note-new-editor').locator('.ql-editor').fill('Draft approved. Issue. अनुमोदित, जारी करें।');
    await testId(us, 'note-save-confirm').click();
    await expect(testId(us, 'note-2')).toHaveAttribute('data-colour', 'green');
    await expect(testId(us, 'note-signature-2')).toContainText(UNDER_SECRETARY.name);
    await us.getByRole('tab', { name: 'Drafts' }).click();
    await us.locator('[data-test="draft-item"]').first().click();
    await us.locator('[data-test="draft-approve"]').click();
    await expect(us.locator('[data-test="draft-status"]').first()).toContainText('Approved');
    // Send back says to whom, on the button and in the dialog, before she confirms.
    await expect(byId(us, 'eoffice-file-send-back')).toContainText('Send back to Priya Nair');
    await byId(us, 'eoffice-file-send-back').click();
    const dialog = us.locator('eoffice-marking-dialog');
    await expect(dialog.locator('[data-test="marking-send-back-to"]')).toContainText(
      'Sends the file back to Priya Nair (Section Officer, Establishment), who sent it to you'
    );
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the Section Officer dispatches the approved letter: the office copy joins the correspondence with its issue number', async () => {
    await so.goto(fileUrl);
    await so.reload();
    await expect(byId(so, 'eoffice-file-send')).toBeVisible();
    await so.getByRole('tab', { name: 'Drafts' }).click();
    await so.locator('[data-test="draft-item"]').first().click();
    await so.locator('[data-test="draft-dispatch"]').click();
    await so.locator('[data-test="dispatch-mode-bySelf"]').click();
    await so.locator('[data-test="dispatch-addressees"]').fill('The Secretary, Staff Selection Commission, New Delhi');
    await so.locator('[data-test="dispatch-confirm"]').click();
    await expect(so.locator('[data-test="dispatch-item"]').first()).toContainText(fileNumber);
    await so.getByRole('tab', { name: 'Correspondence' }).click();
    await expect(byId(so, 'eoffice-correspondence-2')).toContainText(fileNumber);
  });

  await test.step('she exports the whole file: every page names who generated it, and the file number', async () => {
    const download = so.waitForEvent('download');
    await byId(so, 'eoffice-file-export').click();
    const saved = await (await download).path();
    const pdf = await readPdf(saved);
    // a cover, the notes and the correspondence (the PUC and the office copy of the issue)
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    for (const [n, text] of pdf.pageTexts.entries()) {
      expect.soft(text, `page ${n + 1}`).toContain('Generated by Priya Nair');
      expect.soft(text, `page ${n + 1}`).toContain(fileNumber);
    }
  });

  await test.step('she asks the Under Secretary to approve closing; the Under Secretary closes it', async () => {
    await byId(so, 'eoffice-file-close').click();
    const dialog = so.locator('eoffice-marking-dialog');
    await dialog.locator('[data-test="marking-approver"]').click();
    await so.getByRole('option', { name: 'Kavita Joshi (Under Secretary, Establishment)', exact: true }).click();
    await dialog.locator('[data-test="marking-remarks"]').fill('Letter issued; nothing remains');
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();
    // She asked: she is offered no decision on her own request (ACS lists the approval task to her too).
    await so.reload();
    await expect(byId(so, 'eoffice-file-number')).toHaveText(fileNumber);
    await so.waitForLoadState('networkidle');
    await expect(byId(so, 'eoffice-file-approve')).toHaveCount(0);

    // The request waits in the Under Secretary's Files Inbox, sent by the Section Officer who asked (the file's
    // last move was the Under Secretary's own send back), with the remarks of her request.
    await us.goto(`${APP_URL}/#/eoffice/files/inbox`);
    await us.reload();
    const row = byId(us, 'eoffice-files-row').filter({ has: us.getByRole('link', { name: fileNumber, exact: true }) });
    await expect(row.locator('[data-automation-id="eoffice-files-sent-by"]')).toHaveText('Priya Nair (Section Officer, Establishment)');
    await expect(row.locator('[data-automation-id="eoffice-files-remarks"]')).toHaveText(
      'Asked to approve closing: Letter issued; nothing remains'
    );
    await us.getByRole('link', { name: fileNumber, exact: true }).click();
    await expect(us.getByText('Asked to approve closing')).toBeVisible();
    await byId(us, 'eoffice-file-approve').click();
    await expect(byId(us, 'eoffice-file-status')).toHaveText('Closed');
    await us.goto(`${APP_URL}/#/eoffice/files/closed`);
    await expect(us.getByRole('link', { name: fileNumber, exact: true })).toBeVisible();
  });

  await test.step('an officer of another section can neither open the file nor write a note into it', async () => {
    const outsider = await signIn(browser, OUTSIDER);
    await outsider.goto(fileUrl);
    await expect(byId(outsider, 'eoffice-file-error')).toContainText('never been with your post');
    const rest = await restAs(OUTSIDER);
    const write = await rest.post(`${API}/nodes/${fileId}/children`, {
      data: { name: '000099', nodeType: 'eo:note', relativePath: 'Notes', properties: { 'eo:noteNumber': 99, 'eo:noteColour': 'yellow' } }
    });
    expect([403, 404]).toContain(write.status());
    await rest.dispose();
  });
});
