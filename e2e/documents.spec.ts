import { expect, test } from './support/test';
import { PageWatch } from './support/page-watch';
import { readPdf } from './support/read-pdf';
import { APP_URL } from './support/stack';

/** The Central Registry clerk of the demo department (seeded by the global setup). */
const DIARIST = { user: 'pooja.patel', password: 'demo1234' };

test('the acknowledgement of a seeded receipt opens to print, a one-page bilingual PDF carrying its number', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);

  watch.enter('Login (CRU)');
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(DIARIST.user);
  await page.locator('#password').fill(DIARIST.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);

  watch.enter('Receipt view');
  await page.goto(`${APP_URL}/#/eoffice/receipts/created`);
  const first = byId('eoffice-receipts-number').first();
  await expect(first).toHaveText(/^\d+\/\d{4}\/[A-Z0-9]+-GAD$/);
  const number = (await first.textContent())!.trim();
  await first.click();
  await expect(byId('eoffice-receipt-view-number')).toHaveText(number);

  // The acknowledgement opens in a new tab, where the browser's viewer prints it …
  const popup = page.waitForEvent('popup');
  await byId('eoffice-receipt-acknowledgement').click();
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  await tab.close();
  // … and the notice beside it still offers the file to keep.
  const download = page.waitForEvent('download');
  await page.locator('.mat-mdc-snack-bar-container').getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  const pdf = await readPdf(file);

  expect(pdf.pages).toBe(1);
  expect(pdf.text).toContain(number);
  expect(pdf.text).toContain('Acknowledgement of receipt');
  expect(pdf.text).toContain('1 / 1');
  // A page of real text (subset fonts, no picture of the page) stays small.
  expect(pdf.bytes).toBeLessThan(120_000);
  expect.soft(watch.problemsOf('Receipt view'), 'problems on the receipt view').toEqual([]);
});
