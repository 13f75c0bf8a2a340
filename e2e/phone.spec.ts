import { Page, expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { giveDelayReason } from './support/marking';
import { APP_URL } from './support/stack';

/** The Section Officer of the demo department (seeded by the global setup); files wait in her Inbox. */
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234', name: 'Priya Nair' };

/** A phone held upright (iPhone 12–14 class), where the Content App puts its navigation over the page. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);
const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * What scrolls sideways: the document itself, and every box that scrolls its own overflow (the Content App
 * keeps the document at the window's width and scrolls each page inside its own box, so the document alone
 * would say nothing). A box that clips (tab headers with their arrows, ellipsed titles) does not scroll.
 */
function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > window.innerWidth) {
      found.push(`the page: ${root.scrollWidth}px in ${window.innerWidth}px`);
    }
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) {
        const name = `${element.tagName.toLowerCase()}${element.classList.length ? '.' + [...element.classList].join('.') : ''}`;
        found.push(`${name}: ${element.scrollWidth}px in ${element.clientWidth}px`);
      }
    }
    return found;
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  await expect.poll(() => sidewaysScroll(page), { message: `nothing scrolls sideways on ${where}` }).toEqual([]);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The item's number is read whole at the top of the screen (not cut off above it nor past its right edge),
 * and the action bar is drawn under it, not over it.
 */
async function expectNumberClearOfActions(page: Page, numberId: string, actions: string): Promise<void> {
  const number = (await byId(page, numberId).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(number.y, 'the number starts inside the screen').toBeGreaterThanOrEqual(0);
  expect(number.x).toBeGreaterThanOrEqual(0);
  expect(number.x + number.width, 'the number ends inside the screen').toBeLessThanOrEqual(viewport.width);
  expect(number.y + number.height).toBeLessThanOrEqual(viewport.height);
  // a wrapped number is at most two lines of the phone's type, not a headline
  expect(number.height).toBeLessThanOrEqual(60);
  const bar = (await page.locator(actions).boundingBox())!;
  expect(overlaps(number, bar), `the number ${JSON.stringify(number)} and the actions ${JSON.stringify(bar)} do not overlap`).toBe(false);
  expect(bar.y, 'the actions come after the number').toBeGreaterThanOrEqual(number.y + number.height);
}

test('on a phone an officer signs in, opens the menu, her Files inbox and a file, writes a note and sends the file on', async ({
  page
}) => {
  test.setTimeout(180_000);
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.step('Sign in');
  await page.goto(`${APP_URL}/`);
  await expect(page.locator('#login-button')).toBeVisible();
  await expectNoSidewaysScroll(page, 'the sign-in page');
  await page.locator('#username').fill(SECTION_OFFICER.user);
  await page.locator('#password').fill(SECTION_OFFICER.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);

  watch.step('Menu');
  // The navigation is not beside the page at this width: one button in the page's header opens it.
  const menuButton = page.locator('.aca-content-header-button');
  await expect(menuButton).toBeVisible();
  await expectNoSidewaysScroll(page, 'Personal Files');
  const filesInbox = page.locator('[data-automation-id="eoffice.navbar.files.inbox"]');
  await expect(filesInbox).not.toBeInViewport();
  await menuButton.click();
  await expect(filesInbox).toBeInViewport();
  // the bell and the user menu (sign-out) are in the opened navigation's header
  await expect(page.locator('.aca-sidenav-header aca-toolbar button').first()).toBeInViewport();
  await expectNoSidewaysScroll(page, 'the opened menu');

  watch.step('Files inbox');
  await filesInbox.click();
  await expect(page).toHaveURL(/#\/eoffice\/files\/inbox/);
  // the navigation gets out of the way once a page is chosen
  await expect(filesInbox).not.toBeInViewport();
  const firstFile = byId(page, 'eoffice-files-row').first();
  await expect(firstFile).toBeVisible();
  // each file a card: its number, subject, who sent it and the days pending, no table header
  await expect(page.locator('[data-automation-id="eoffice-files-table"] th').first()).toBeHidden();
  await expect(firstFile.locator('[data-automation-id="eoffice-files-number"]')).toBeVisible();
  await expect(firstFile.locator('[data-automation-id="eoffice-files-pending"]')).toBeVisible();
  await expect(firstFile.locator('[data-automation-id="eoffice-files-sent-by"]')).toBeVisible();
  await expect(firstFile.locator('[data-automation-id="eoffice-files-due-on"]')).toBeHidden();
  await expectNoSidewaysScroll(page, 'the Files inbox');

  watch.step('File');
  const fileNumber = (await firstFile.locator('[data-automation-id="eoffice-files-number"]').textContent())!.trim();
  await firstFile.locator('[data-automation-id="eoffice-files-number"]').click();
  await expect(byId(page, 'eoffice-file-number')).toHaveText(fileNumber);
  await expectNoSidewaysScroll(page, 'the file');
  // the header: the number, subject, status and holder, each readable; the action bar on its own row below
  await expectNumberClearOfActions(page, 'eoffice-file-number', '.eoffice-file-view__actions');
  for (const id of ['eoffice-file-subject', 'eoffice-file-status']) {
    const box = (await byId(page, id).boundingBox())!;
    expect(box.x + box.width, `${id} within the screen`).toBeLessThanOrEqual(390);
    expect(overlaps(box, (await page.locator('.eoffice-file-view__actions').boundingBox())!), `${id} clear of the actions`).toBe(false);
  }

  watch.step('Movement actions');
  // Send stays a button; Park and the other movement actions wait in "More" instead of crowding the file's header.
  await expect(byId(page, 'eoffice-file-send')).toBeInViewport();
  await expect(byId(page, 'eoffice-file-park')).toHaveCount(0);
  await byId(page, 'eoffice-file-movement-more').click();
  await expect(page.locator('.mat-mdc-menu-panel [data-automation-id="eoffice-file-park"]')).toBeInViewport();
  await expectNoSidewaysScroll(page, 'the movement actions menu');
  await page.keyboard.press('Escape');
  await expect(page.locator('.mat-mdc-menu-panel')).toHaveCount(0);

  watch.step('Note');
  const text = `Seen on the move; the proposal may be approved (phone ${Date.now()}).`;
  await testId(page, 'note-new').click();
  await testId(page, 'note-new-editor').locator('.ql-editor').fill(text);
  await expectNoSidewaysScroll(page, 'the note editor');
  await testId(page, 'note-save-confirm').click();
  const note = page.locator('[data-testid^="note-body-"]', { hasText: text });
  await expect(note).toBeVisible();
  await expectNoSidewaysScroll(page, 'the file with the new note');

  watch.step('Send');
  await byId(page, 'eoffice-file-send').click();
  const dialog = page.locator('eoffice-marking-dialog');
  await expect(dialog).toBeVisible();
  // the dialog and its fields within the phone's width
  const box = (await page.locator('mat-dialog-container').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page, 'the marking dialog');
  await dialog.locator('[data-test="marking-to"]').click();
  await page.getByRole('option', { name: /^Kavita Joshi \(Under Secretary, Establishment\)/ }).click();
  await dialog.locator('[data-test="marking-remarks"]').fill('Please see the note');
  await giveDelayReason(dialog);
  await dialog.locator('[data-test="marking-submit"]').click();
  await expect(dialog).toBeHidden();
  await expect(byId(page, 'eoffice-file-send')).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'the file once sent');

  watch.step('Receipt');
  // a receipt's header the same way: its number whole above its buttons, its facts and scan one under the other
  await page.goto(`${APP_URL}/#/eoffice/receipts/inbox`);
  const receipt = byId(page, 'eoffice-receipts-number').first();
  await expect(receipt).toBeVisible();
  const receiptNumber = (await receipt.textContent())!.trim();
  await receipt.click();
  await expect(byId(page, 'eoffice-receipt-view-number')).toHaveText(receiptNumber);
  await expect(byId(page, 'eoffice-receipt-view-facts')).toBeVisible();
  await expectNumberClearOfActions(page, 'eoffice-receipt-view-number', '.eoffice-receipt-view__actions');
  await expectNoSidewaysScroll(page, 'the receipt');

  for (const name of watch.steps) {
    expect.soft(watch.problemsOf(name), `console errors and failed requests: ${name}`).toEqual([]);
  }
});
