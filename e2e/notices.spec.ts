import { Page, expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { signIn } from './support/sign-in';
import { APP_URL, STACK } from './support/stack';
import { giveDelayReason } from './support/marking';

// Officers of the demo department (seeded by the global setup).
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const UNDER_SECRETARY = { user: 'kavita.joshi', password: 'demo1234' };

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/** The unread count the bell states to a screen reader ("Notifications: 3 unread"; none: "Notifications"). */
async function unread(page: Page): Promise<number> {
  const label = (await byId(page, 'eoffice.notices.bell').getAttribute('aria-label')) ?? '';
  return Number(/([\d,]+) unread/.exec(label)?.[1]?.replace(/,/g, '') ?? 0);
}

test('the bell counts a file sent to the Under Secretary; the notice opens the file and is read', async ({ browser }) => {
  const us = await (await browser.newContext()).newPage();
  const watch = new PageWatch(us, new URL(APP_URL).origin);
  watch.enter('Bell');
  await signIn(us, UNDER_SECRETARY);
  await expect(byId(us, 'eoffice.notices.bell')).toBeVisible();
  const before = await unread(us);

  const so = await (await browser.newContext()).newPage();
  await signIn(so, SECTION_OFFICER);
  await so.goto(`${APP_URL}/#/eoffice/files/inbox`);
  const first = byId(so, 'eoffice-files-number').first();
  const fileNumber = (await first.textContent())!.trim();
  await first.click();
  await expect(byId(so, 'eoffice-file-number')).toHaveText(fileNumber);
  await byId(so, 'eoffice-file-send').click();
  const dialog = so.locator('eoffice-marking-dialog');
  await dialog.locator('[data-test="marking-to"]').click();
  await so.getByRole('option', { name: /^Kavita Joshi \(Under Secretary, Establishment\)/ }).click();
  await so.keyboard.press('Escape');
  await giveDelayReason(dialog);
  await dialog.locator('[data-test="marking-submit"]').click();
  await expect(dialog).toBeHidden();

  // A new page of the app reads the notices afresh.
  await us.reload();
  await expect.poll(() => unread(us)).toBe(before + 1);
  await byId(us, 'eoffice.notices.bell').click();
  const notice = us.locator('.eoffice-notices-menu .eoffice-notices-menu__unread', { hasText: fileNumber }).first();
  await expect(notice).toContainText('Sent to you');
  await expect(notice).toContainText('From Section Officer (Establishment)');
  await notice.click();
  await expect(us).toHaveURL(/#\/eoffice\/files\//);
  await expect(byId(us, 'eoffice-file-number')).toHaveText(fileNumber);
  await expect.poll(() => unread(us)).toBe(before);
  expect.soft(watch.problemsOf('Bell'), 'problems with the bell').toEqual([]);

  // The same arrival, by mail: the repository sent it over SMTP to the loopback mail catcher (global setup),
  // whose page she reads it on.
  const mailUrl = STACK.mail;
  test.skip(!mailUrl, 'no mail catcher: the repository was started by somebody else (E2E_REPOSITORY_URL)');
  const mail = await us.context().newPage();
  await mail.goto(`${mailUrl}/`);
  const sent = `${fileNumber} has been sent to you by Section Officer (Establishment)`;
  // Newest first: the first such row is the mail of this send.
  const row = mail.locator('tr', { hasText: 'kavita.joshi@' }).filter({ hasText: sent }).first();
  await expect(row).toBeVisible();
  await row.getByRole('link').click();
  await expect(mail.locator('h1')).toHaveText(`e-Office: ${sent}`);
  await expect(mail.locator('pre')).toContainText('Open e-Office to act on it.');
});

test('on a phone the bell is in the opened navigation, and its list fits the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, UNDER_SECRETARY);
  // The navigation (with the header's actions) opens from the one button in the page's header.
  await page.locator('.aca-content-header-button').click();
  const bell = page.locator('.aca-sidenav-header [data-automation-id="eoffice.notices.bell"]');
  await expect(bell).toBeInViewport();
  await bell.click();
  const panel = page.locator('.eoffice-notices-menu');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the list ends inside the screen').toBeLessThanOrEqual(390);
  await context.close();
});
