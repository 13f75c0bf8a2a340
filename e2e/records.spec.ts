import { expect, test } from '@playwright/test';
import { PageWatch } from './support/page-watch';
import { APP_URL, signIn } from './support/sign-in';

/** The demo department's records manager (seeded with the file plan's RecordsManager role) and a Section Officer. */
const RECORDS_MANAGER = { user: 'lakshmi.pillai', password: 'demo1234' };
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };

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
