import { Page, expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

// Officers of the demo department (seeded by the global setup). The Section Officer (Establishment) reports to
// the Under Secretary; the demo backdates what the Section Officer holds, so some of it is past its due date.
const UNDER_SECRETARY = { user: 'kavita.joshi', password: 'demo1234' };
const SECRETARY = { user: 'meera.iyer', password: 'demo1234' };

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

test('the Under Secretary finds the items overdue with the posts reporting to her under "Escalated to you"', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  await signIn(page, UNDER_SECRETARY);
  watch.enter('Escalated');
  await page.goto(`${APP_URL}/#/eoffice/mis`);
  const section = byId(page, 'eoffice-mis-escalated');
  await expect(section.getByRole('heading', { name: /^Escalated to you \(\d+\)$/ })).toBeVisible();
  const items = byId(page, 'eoffice-mis-escalated-item');
  await expect(items.first()).toBeVisible();
  // Each says how long it has been held and why it is here.
  await expect(items.first()).toContainText(/Past its due date|Beyond the norm/);
  const number = (await items.first().getByRole('link').textContent())!.trim();
  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/eoffice\/(files|receipts)\//);
  await expect(page.getByText(number, { exact: true }).first()).toBeVisible();
  expect.soft(watch.problemsOf('Escalated'), 'problems with the escalated items').toEqual([]);
});

test('on a phone the "Escalated to you" section fits the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, UNDER_SECRETARY);
  await page.goto(`${APP_URL}/#/eoffice/mis`);
  const section = byId(page, 'eoffice-mis-escalated');
  await expect(byId(page, 'eoffice-mis-escalated-item').first()).toBeVisible();
  const box = (await section.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the section ends inside the screen').toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling of the page').toBeLessThanOrEqual(0);
  await context.close();
});

test('an officer chooses a daily digest instead of each notice by mail, on a phone too, and the choice is kept', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, SECRETARY);
  const openBell = async () => {
    await page.locator('.aca-content-header-button').click();
    await page.locator('.aca-sidenav-header [data-automation-id="eoffice.notices.bell"]').click();
    await expect(page.locator('.eoffice-notices-menu')).toBeVisible();
  };
  const choice = (name: string) => page.locator(`[data-automation-id="eoffice.notices.mail.${name}"]`);
  await openBell();
  await expect(choice('each')).toBeInViewport();
  try {
    await choice('daily').click();
    await page.reload();
    await openBell();
    // Read back from the repository on a new page of the app.
    await expect(choice('daily')).toHaveAttribute('aria-checked', 'true');
    await expect(choice('each')).toHaveAttribute('aria-checked', 'false');
    await expect(choice('daily')).toContainText('One daily digest instead');
  } finally {
    // Leave the demo as seeded for the specs after this one.
    await choice('each').click();
    await page.reload();
    await openBell();
    await expect(choice('each')).toHaveAttribute('aria-checked', 'true');
    await context.close();
  }
});

test('in Hindi the Secretary reads "Escalated to you" and the mail choices in Hindi', async ({ page }) => {
  await signIn(page, SECRETARY);
  const language = async (menuName: string, name: string) => {
    await byId(page, 'app-user-menu-button').click();
    await page.getByRole('menuitem', { name: menuName }).click();
    await page.getByRole('menuitem', { name }).click();
  };
  await language('Language', 'हिन्दी');
  try {
    await page.goto(`${APP_URL}/#/eoffice/mis`);
    await expect(byId(page, 'eoffice-mis-escalated').getByRole('heading')).toContainText('आपके ध्यान में लाए गए मामले');
    await byId(page, 'eoffice.notices.bell').click();
    await expect(page.locator('[data-automation-id="eoffice.notices.mail.daily"]')).toContainText('इसके बजाय प्रतिदिन एक सारांश');
    await page.keyboard.press('Escape');
  } finally {
    // Her mails follow her language: back to English for the specs after this one.
    await language('भाषा', 'English');
  }
});
