import { expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { APP_URL } from './support/stack';

/** The Central Registry clerk of the demo department (seeded by the global setup). */
const CRU = { user: 'pooja.patel', password: 'demo1234' };

test('the Central Registry posts a letter a file issued "by CRU" and marks it dispatched', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(CRU.user);
  await page.locator('#password').fill(CRU.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);

  watch.enter('Dispatch register');
  await page.goto(`${APP_URL}/#/eoffice/dispatch`);
  const rows = byId('eoffice-dispatch-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const issue = (await rows.first().locator('[data-automation-id="eoffice-dispatch-letter"]').textContent())!.trim();
  expect(issue).toMatch(/^[A-Z]{1,2}-\d{5}\/\d+(\([IVX]+\))?\/\d{4}-[A-Z]+-GAD$/);
  await rows.first().locator('[data-automation-id="eoffice-dispatch-mark"]').click();
  await expect(rows).toHaveCount(before - 1);
  await expect(page.getByRole('link', { name: issue, exact: true })).toHaveCount(0);

  await byId('eoffice-dispatch-dispatched').click();
  const done = rows.filter({ has: page.getByRole('link', { name: issue, exact: true }) });
  await expect(done).toBeVisible();
  await expect(done).toContainText('Dispatched');
  expect.soft(watch.problemsOf('Dispatch register'), 'problems on the dispatch register').toEqual([]);
});
