import { Page, expect, test } from './support/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PageWatch } from './support/page-watch';
import { APP_URL } from './support/stack';

/** The Section Officer of the demo department (seeded by the global setup): receipts and files wait for her. */
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };

const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/** The Content App's and ADF's English, read from the packages themselves so the list follows their wording. */
const ROOT = path.resolve(__dirname, '..');
const ENGLISH_FILES = [
  'node_modules/@alfresco/aca-content/assets/i18n/en.json',
  'node_modules/@alfresco/adf-core/bundles/assets/adf-core/i18n/en.json',
  'node_modules/@alfresco/adf-content-services/bundles/assets/adf-content-services/i18n/en.json',
  'projects/eoffice/assets/i18n/en.json'
].map((file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>);

function english(key: string): string {
  for (const json of ENGLISH_FILES) {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], json);
    if (typeof value === 'string') return value;
  }
  throw new Error(`${key} is in none of the English files`);
}

/**
 * What an officer who picked हिन्दी must not meet in English: the navigation's Files group and saved searches,
 * the user menu, the paginators (ADF's and the lists'), the header search, the sign-in page and common
 * dialog buttons. Placeholders such as `({{ number }})` are cut off: the text is compared without its count.
 */
const ENGLISH_KEYS = [
  'APP.BROWSE.FILE.SIDENAV_LINK.LABEL',
  'APP.BROWSE.PERSONAL.SIDENAV_LINK.LABEL',
  'APP.BROWSE.PERSONAL.TITLE',
  'APP.BROWSE.LIBRARIES.MENU.MY_LIBRARIES.SIDENAV_LINK.LABEL',
  'APP.BROWSE.LIBRARIES.MENU.FAVORITE_LIBRARIES.SIDENAV_LINK.LABEL',
  'APP.BROWSE.LIBRARIES.MENU.ALL_LIBRARIES.SIDENAV_LINK.LABEL',
  'APP.BROWSE.RECENT.SIDENAV_LINK.LABEL',
  'APP.BROWSE.REPOSITORY_VIEW.SIDENAV_LINK.LABEL',
  'APP.BROWSE.FAVORITES.SIDENAV_LINK.LABEL',
  'APP.BROWSE.SHARED.SIDENAV_LINK.LABEL',
  'APP.BROWSE.TRASHCAN.SIDENAV_LINK.LABEL',
  'APP.BROWSE.SEARCH.SAVE_SEARCH.LIST.TITLE',
  'APP.BROWSE.SEARCH.SAVE_SEARCH.NAVBAR.TITLE',
  'APP.BROWSE.SEARCH.SAVE_SEARCH.NAVBAR.MANAGE_BUTTON',
  'APP.SIGN_OUT',
  'APP.LANGUAGE',
  'ADF.LANGUAGE',
  'CORE.PAGINATION.ITEMS_PER_PAGE',
  'EOFFICE.PAGINATOR.ITEMS_PER_PAGE',
  'SEARCH.INPUT.PLACEHOLDER',
  'SEARCH.INPUT.FILES',
  'SEARCH.INPUT.FOLDERS',
  'SEARCH.INPUT.LIBRARIES',
  'ADF-DOCUMENT-LIST.LAYOUT.NAME',
  'ADF-DOCUMENT-LIST.LAYOUT.SIZE',
  'ADF-DOCUMENT-LIST.LAYOUT.MODIFIED_ON',
  'ADF-DOCUMENT-LIST.LAYOUT.MODIFIED_BY',
  'COMMON.CANCEL',
  'CLOSE'
];
const SIGN_IN_KEYS = ['LOGIN.LABEL.USERNAME', 'LOGIN.LABEL.PASSWORD', 'LOGIN.BUTTON.LOGIN', 'LOGIN.LABEL.LOGIN'];

const normal = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\s*\(\s*\d*\s*\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .toLowerCase();

/** Paginators' English ranges: "Showing 1-25 of 40", "1 – 25 of 40", "Page 2". */
const ENGLISH_PATTERNS = [/^showing \d/, /^\d[\d,]* [–-] \d[\d,]* of \d/, /^page \d+$/, /^of \d+$/];

/**
 * The texts the page shows, each as read (whole text of one node, and visible fields' placeholders), that are
 * one of `words` or look like an English paginator. A screen reader's hidden text and icons are not looked at.
 */
async function englishOn(page: Page, words: string[]): Promise<string[]> {
  const shown = await page.evaluate(() => {
    const seen: string[] = [];
    const visible = (element: Element | null) =>
      !!element &&
      // an icon's ligature ("search", "more_vert") names a picture, not a word shown
      !element.closest('.cdk-visually-hidden, mat-icon, .material-icons') &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      element.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && visible(node.parentElement)) seen.push(text);
    }
    for (const field of Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')))
      if (visible(field) && field.placeholder) seen.push(field.placeholder);
    return seen;
  });
  const wanted = new Set(words.map(normal));
  return [...new Set(shown.filter((text) => wanted.has(normal(text)) || ENGLISH_PATTERNS.some((p) => p.test(normal(text)))))];
}

async function expectNoEnglish(page: Page, where: string, words = ENGLISH_KEYS.map(english)): Promise<void> {
  await expect.poll(() => englishOn(page, words), { message: `no English of the Content App or ADF on ${where}` }).toEqual([]);
}

test('an officer who switches to Hindi meets no English of the Content App or ADF from her inbox to a receipt, a file, the MIS and search', async ({
  page
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.step('Sign in');
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(SECTION_OFFICER.user);
  await page.locator('#password').fill(SECTION_OFFICER.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);
  // in English until she picks Hindi: the list of words is the app's own
  await expect(page.getByText(english('APP.BROWSE.PERSONAL.SIDENAV_LINK.LABEL'), { exact: true }).first()).toBeVisible();

  watch.step('Switch to Hindi');
  await byId(page, 'app-user-menu-button').click();
  await page.getByRole('menuitem', { name: english('ADF.LANGUAGE') }).click();
  await page.getByRole('menuitem', { name: 'हिन्दी' }).click();
  await expect(page.getByText('निजी फ़ाइलें', { exact: true }).first()).toBeVisible();
  await expectNoEnglish(page, 'Personal Files');

  watch.step('User menu');
  await byId(page, 'app-user-menu-button').click();
  await expect(page.getByRole('menuitem', { name: 'साइन आउट करें' })).toBeVisible();
  await expectNoEnglish(page, 'the user menu');
  await page.keyboard.press('Escape');

  watch.step('Receipts inbox');
  await page.locator('[data-automation-id="eoffice.navbar.receipts.inbox"]').click();
  await expect(page).toHaveURL(/#\/eoffice\/receipts\/inbox/);
  const receipt = byId(page, 'eoffice-receipts-number').first();
  await expect(receipt).toBeVisible();
  await expect(page.locator('mat-paginator')).toBeVisible();
  await expectNoEnglish(page, 'the receipts inbox');

  watch.step('Receipt');
  await receipt.click();
  await expect(byId(page, 'eoffice-receipt-view-facts')).toBeVisible();
  await expectNoEnglish(page, 'a receipt');

  watch.step('Files inbox');
  await page.locator('[data-automation-id="eoffice.navbar.files.inbox"]').click();
  await expect(page).toHaveURL(/#\/eoffice\/files\/inbox/);
  const file = byId(page, 'eoffice-files-number').first();
  await expect(file).toBeVisible();
  await expectNoEnglish(page, 'the files inbox');

  watch.step('File');
  const fileNumber = (await file.textContent())!.trim();
  await file.click();
  await expect(byId(page, 'eoffice-file-number')).toHaveText(fileNumber);
  await expect(page.locator('[data-testid^="note-body-"]').first()).toBeVisible();
  await expectNoEnglish(page, 'a file');

  watch.step('MIS');
  await page.locator('[data-automation-id="eoffice.navbar.mis"]').click();
  await expect(page).toHaveURL(/#\/eoffice\/mis/);
  await expect(page.locator('.eoffice-mis canvas').first()).toBeVisible();
  await expectNoEnglish(page, 'the MIS');

  watch.step('Search');
  await page.locator('[data-automation-id="eoffice.navbar.search"]').click();
  await expect(page).toHaveURL(/#\/eoffice\/search/);
  await expect(byId(page, 'eoffice-search-start')).toBeVisible();
  await byId(page, 'eoffice-search-box').fill(fileNumber);
  await expect(byId(page, 'eoffice-search-results').getByRole('link', { name: fileNumber, exact: true })).toBeVisible();
  await expectNoEnglish(page, 'search');

  for (const name of watch.steps) {
    expect.soft(watch.problemsOf(name), `console errors and failed requests: ${name}`).toEqual([]);
  }
});

test('the sign-in page in Hindi, for an officer whose browser last signed in in Hindi', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  watch.enter('Sign-in page');
  // ADF keeps the language picked before signing in under GUEST
  await page.addInitScript(() => localStorage.setItem('GUEST__locale', 'hi'));
  await page.goto(`${APP_URL}/`);
  await expect(page.locator('#login-button')).toBeVisible();
  await expect(page.locator('#login-button')).toHaveText(/साइन इन करें/);
  await expectNoEnglish(page, 'the sign-in page', SIGN_IN_KEYS.map(english));
  expect.soft(watch.problemsOf('Sign-in page'), 'console errors and failed requests').toEqual([]);
});
