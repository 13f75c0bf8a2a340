import { Locator, Page, expect, test } from './support/test';
import { execFileSync } from 'node:child_process';
import { PageWatch } from './support/page-watch';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';
import { giveDelayReason } from './support/marking';

// Officers of the demo department (seeded by the global setup).
const CRU = { user: 'pooja.patel', password: 'demo1234' };
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/** A count as the navbar shows it (Indian grouping: 1,23,456). */
const numberOf = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** The total a list's paginator states ("1 – 25 of 37"). */
async function listTotal(page: Page): Promise<number> {
  const label = page.locator('mat-paginator .mat-mdc-paginator-range-label');
  await expect(label).toHaveText(/of\s+[\d,]+/);
  return numberOf(/of\s+([\d,]+)/.exec((await label.textContent()) ?? '')?.[1] ?? '');
}

/** The lines of a PDF's text as pdftotext lays them out (columns side by side, as printed). */
function pdfLines(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n');
}

test('the navbar counts what waits in the inbox, and the count follows a file sent on', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.enter('Navbar counts');
  await signIn(page, SECTION_OFFICER);
  const filesInbox = byId(page, 'eoffice.navbar.files.inbox');
  const count = byId(page, 'eoffice.navbar.files.inbox.count');
  await expect(count).toHaveText(/^[\d,]+$/);
  const before = numberOf(await count.textContent());
  expect(before).toBeGreaterThan(0);
  // the count is said with the entry's name, for a screen reader
  await expect(filesInbox).toHaveAttribute('aria-label', `Files: Inbox, ${(await count.textContent())!.trim()} waiting`);

  await filesInbox.click();
  await expect(page).toHaveURL(/#\/eoffice\/files\/inbox/);
  await expect(filesInbox).toHaveClass(/aca-action-button--active/);
  // the count is the list's own total
  expect(await listTotal(page)).toBe(before);

  const first = byId(page, 'eoffice-files-number').first();
  const fileNumber = (await first.textContent())!.trim();
  await first.click();
  await expect(byId(page, 'eoffice-file-number')).toHaveText(fileNumber);
  await byId(page, 'eoffice-file-send').click();
  const dialog = page.locator('eoffice-marking-dialog');
  await dialog.locator('[data-test="marking-to"]').click();
  await page.getByRole('option', { name: /^Kavita Joshi \(Under Secretary, Establishment\)/ }).click();
  await page.keyboard.press('Escape');
  // the demo's first file has waited beyond the 7-working-day norm
  await giveDelayReason(dialog, undefined, true);
  await dialog.locator('[data-test="marking-submit"]').click();
  await expect(dialog).toBeHidden();
  // one file fewer on her desk, without a reload
  await expect.poll(async () => numberOf(await count.textContent())).toBe(before - 1);
  expect.soft(watch.problemsOf('Navbar counts'), 'problems while counting').toEqual([]);
});

test('a receipt register printed as PDF keeps every receipt number on one line', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.enter('Receipt register PDF');
  await signIn(page, CRU);
  await page.goto(`${APP_URL}/#/eoffice/receipts/created`);
  const numbers = byId(page, 'eoffice-receipts-number');
  await expect(numbers.first()).toHaveText(/^\d+\/\d{4}\/[A-Z0-9]+-GAD$/);
  const shown = (await numbers.allTextContents()).map((n) => n.trim());

  await expectWholeInPdf(page, byId(page, 'eoffice-receipts-export').locator('[data-automation-id="eoffice-export-button"]'), shown);
  expect.soft(watch.problemsOf('Receipt register PDF'), 'problems while printing the register').toEqual([]);
});

test('the dispatch register printed as PDF keeps every issue number on one line', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.enter('Dispatch register PDF');
  await signIn(page, CRU);
  await page.goto(`${APP_URL}/#/eoffice/dispatch`);
  const letters = byId(page, 'eoffice-dispatch-letter');
  await expect(letters.first()).toBeVisible();
  const shown = (await letters.allTextContents()).map((n) => n.trim()).filter((n) => !!n);
  expect(shown.length).toBeGreaterThan(0);

  await expectWholeInPdf(page, page.locator('[data-automation-id="eoffice-export-button"]'), shown);
  expect.soft(watch.problemsOf('Dispatch register PDF'), 'problems while printing the register').toEqual([]);
});

/** Exports the list as PDF through its Export button and expects each number shown to stand whole on one line. */
async function expectWholeInPdf(page: Page, exportButton: Locator, shown: string[]): Promise<void> {
  const download = page.waitForEvent('download');
  await exportButton.click();
  await page.locator('[data-automation-id="eoffice-export-pdf"]').click();
  const lines = pdfLines((await (await download).path())!);
  for (const number of shown) {
    expect
      .soft(
        lines.some((line) => line.includes(number)),
        `${number} whole on one line`
      )
      .toBe(true);
  }
}
