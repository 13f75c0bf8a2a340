import { Page, expect, test } from './support/test';
import { giveDelayReason } from './support/marking';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

// The Section Officer (Establishment) of the demo department; the demo backdates what she holds.
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const DAY = 86_400_000;

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/** The statement of cases pending over three months, prepared afresh on the dashboard. */
async function statement(page: Page) {
  await page.goto(`${APP_URL}/#/eoffice/mis`);
  await byId(page, 'eoffice-mis-statement-show').click();
  const table = byId(page, 'eoffice-mis-statement');
  await expect(table).toBeVisible();
  return table;
}

/** DD/MM/YYYY as a date. */
const parseOfficeDate = (text: string): number => {
  const [d, m, y] = /(\d{2})\/(\d{2})\/(\d{4})/.exec(text)!.slice(1).map(Number);
  return Date.UTC(y, m - 1, d);
};

// The Assistant Section Officers (Establishment), by the name the statement gives.
const ASSISTANTS: Record<string, string> = { 'Amit Kumar': 'amit.kumar', 'Neha Gupta': 'neha.gupta', 'Farhan Ali': 'farhan.ali' };

test('acting on an item held beyond eight working days asks the reason, which the three-month statement then gives', async ({
  browser
}) => {
  const so = await (await browser.newContext()).newPage();
  await signIn(so, SECTION_OFFICER);
  const table = await statement(so);

  // An item of the statement (begun over three months ago) that an Assistant Section Officer of her section has held
  // for more than three calendar weeks (over eight working days whatever the holidays).
  let number = '';
  let href = '';
  let assistant = '';
  const rows = table.locator('tbody tr').filter({ hasText: /\(Assistant Section Officer, Establishment\)/ });
  for (let i = 0; i < (await rows.count()) && !number; i++) {
    const row = rows.nth(i);
    const since = parseOfficeDate((await row.locator('td').nth(4).textContent()) ?? '');
    const level = (await row.locator('td').nth(3).textContent()) ?? '';
    const holder = Object.keys(ASSISTANTS).find((name) => level.includes(name));
    if (!holder || Date.now() - since <= 21 * DAY) continue;
    const link = row.getByRole('link');
    [number, href, assistant] = [(await link.textContent())!.trim(), (await link.getAttribute('href'))!, ASSISTANTS[holder]];
  }
  expect(number, 'an item of the statement held for weeks by an Assistant Section Officer').not.toBe('');

  // She submits it to the Section Officer; the dialog asks why it was held so long, as CSMOP asks.
  const aso = await (await browser.newContext()).newPage();
  await signIn(aso, { user: assistant, password: SECTION_OFFICER.password });
  await aso.goto(new URL(href, `${APP_URL}/`).toString());
  await byId(aso, /\/files\//.test(href) ? 'eoffice-file-send' : 'eoffice-receipt-send').click();
  const dialog = aso.locator('eoffice-marking-dialog');
  await dialog.locator('[data-test="marking-to"]').click();
  await aso.getByRole('option', { name: 'Priya Nair (Section Officer, Establishment)', exact: true }).click();
  await aso.keyboard.press('Escape');
  await expect(dialog).toContainText('beyond the norm of 7');
  const reason = `Awaited the Law Ministry's opinion (${Date.now().toString(36)})`;
  await giveDelayReason(dialog, reason, true);
  await dialog.locator('[data-test="marking-submit"]').click();
  await expect(dialog).toBeHidden();

  // The statement prepared again reads the reason from the movement's remarks.
  const after = await statement(so);
  const row = after.locator('tbody tr').filter({ has: so.getByRole('link', { name: number, exact: true }) });
  await expect(row).toContainText(reason);
  await expect(row).toContainText('Priya Nair (Section Officer, Establishment)');
});
