import { expect, test } from './support/test';
import path from 'node:path';
import { PageWatch } from './support/page-watch';
import { APP_URL } from './support/stack';

const REQUEST_REPORT = path.resolve(__dirname, '..', 'test-results', 'e2e-requests.md');

/** The Content App pages the smoke visits: route, and what the page shows once it has loaded. */
const CONTENT_PAGES = [
  { name: 'Personal Files', route: '#/personal-files', ready: 'adf-document-list' },
  { name: 'My Libraries', route: '#/libraries', ready: 'adf-document-list' },
  { name: 'Favorites', route: '#/favorites', ready: 'adf-document-list' },
  { name: 'Recent Files', route: '#/recent-files', ready: 'adf-document-list' },
  { name: 'Shared', route: '#/shared', ready: 'adf-document-list' },
  { name: 'Trash', route: '#/trashcan', ready: 'adf-document-list' }
];

test('an officer signs in, walks the Content App and the e-Office profile, and signs out', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);

  try {
    await test.step('Login page', async () => {
      watch.enter('Login');
      await page.goto(`${APP_URL}/`);
      await expect(page).toHaveURL(/#\/login/);
      await page.locator('#username').fill('admin');
      await page.locator('#password').fill('admin');
      await page.locator('#login-button').click();
      await expect(page).toHaveURL(/#\/personal-files/);
      expect.soft(watch.problemsOf('Login'), 'problems while signing in').toEqual([]);
    });

    for (const contentPage of CONTENT_PAGES) {
      await test.step(contentPage.name, async () => {
        watch.enter(contentPage.name);
        await page.goto(`${APP_URL}/${contentPage.route}`);
        await expect(page.locator(contentPage.ready).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expect(page.locator('.adf-datatable-loading, mat-progress-spinner').first()).toBeHidden();
        expect.soft(watch.problemsOf(contentPage.name), `problems on ${contentPage.name}`).toEqual([]);
      });
    }

    await test.step('Search', async () => {
      watch.enter('Search');
      await page.goto(`${APP_URL}/#/search`);
      const input = page.getByRole('textbox', { name: 'Search input' });
      await input.fill('report');
      await input.press('Enter');
      await expect(page).toHaveURL(/#\/search.*q=/);
      await expect(page.locator('aca-search-results adf-datatable, aca-search-results adf-empty-content').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect.soft(watch.problemsOf('Search'), 'problems on Search').toEqual([]);
    });

    await test.step('e-Office navbar group and My profile', async () => {
      watch.enter('My profile (e-Office)');
      await page.goto(`${APP_URL}/#/personal-files`);
      const eOfficeGroup = page.getByRole('navigation', { name: 'e-Office' });
      await expect(eOfficeGroup).toBeVisible();
      const officerLink = eOfficeGroup.getByRole('button', { name: 'My profile' });
      if (!(await officerLink.isVisible())) {
        await eOfficeGroup.getByRole('button', { name: 'e-Office' }).click();
      }
      await officerLink.click();
      await expect(page).toHaveURL(/#\/eoffice\/officer/);
      await expect(page.locator('h1', { hasText: 'My profile' })).toBeVisible();
      await expect(page.locator('[data-automation-id="eoffice-officer-user-id"]')).toHaveText('admin');
      await expect(page.locator('[data-automation-id="eoffice-officer-name"]')).toHaveText('Administrator');
      await expect(page.locator('[data-automation-id="eoffice-officer-email"]')).toHaveText('admin@alfresco.com');
      await expect(page.locator('[data-automation-id="eoffice-officer-designation"]')).not.toBeEmpty();
      await expect(
        page.locator('[data-automation-id="eoffice-officer-groups"] li', { hasText: 'ALFRESCO_ADMINISTRATORS' }).first()
      ).toBeVisible();
      expect.soft(watch.problemsOf('My profile (e-Office)'), 'problems on My profile').toEqual([]);
    });

    await test.step('Saved searches are read without a 404', async () => {
      // ACA's own service asked for these on every page and got 404 (on ACS too) for anyone without saved
      // searches; the host app reads them through listings instead (SavedSearchesFromPreferencesService).
      const notFoundProbes = watch.requests.filter((request) =>
        /\/preferences\/saved-searches|relativePath=config\.json/.test(request.pattern)
      );
      expect(notFoundProbes).toEqual([]);
    });

    await test.step('Sign out', async () => {
      watch.enter('Sign out');
      await page.locator('[data-automation-id="app-user-menu-button"]').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/#\/login/);
      expect.soft(watch.problemsOf('Sign out'), 'problems while signing out').toEqual([]);
    });
  } finally {
    watch.writeReport(REQUEST_REPORT);
  }
});

/** The officer's e-Office screens: each list, then the first receipt and file of her Inbox. */
const OFFICER_PAGES = [
  ...['inbox', 'created', 'sent', 'closed'].map((list) => ({ name: `Receipts: ${list}`, route: `#/eoffice/receipts/${list}` })),
  ...['inbox', 'created', 'sent', 'parked', 'closed'].map((list) => ({ name: `Files: ${list}`, route: `#/eoffice/files/${list}` }))
];

test('a Section Officer walks her e-Office lists, a receipt and a file with no console error and no failed request', async ({ page }) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);
  let receiptNumber = '';

  await test.step('Login', async () => {
    watch.enter('Login (Section Officer)');
    await page.goto(`${APP_URL}/`);
    await page.locator('#username').fill('priya.nair');
    await page.locator('#password').fill('demo1234');
    await page.locator('#login-button').click();
    await expect(page).toHaveURL(/#\/personal-files/);
    await page.waitForLoadState('networkidle');
    expect.soft(watch.problemsOf('Login (Section Officer)'), 'problems while signing in').toEqual([]);
  });

  for (const officerPage of OFFICER_PAGES) {
    await test.step(officerPage.name, async () => {
      watch.enter(officerPage.name);
      await page.goto(`${APP_URL}/${officerPage.route}`);
      await expect(page.locator('h1.eoffice-page-title')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect.soft(watch.problemsOf(officerPage.name), `problems on ${officerPage.name}`).toEqual([]);
    });
  }

  await test.step('A receipt from her Inbox', async () => {
    watch.enter('Receipt view');
    await page.goto(`${APP_URL}/#/eoffice/receipts/inbox`);
    receiptNumber = (await byId('eoffice-receipts-number').first().innerText()).trim();
    await byId('eoffice-receipts-number').first().click();
    await expect(byId('eoffice-receipt-view-number')).toHaveText(receiptNumber);
    await page.waitForLoadState('networkidle');
    expect.soft(watch.problemsOf('Receipt view'), 'problems on a receipt').toEqual([]);
  });

  await test.step('e-Office search: the receipt by its number, typed in small letters', async () => {
    watch.enter('Search');
    await page.goto(`${APP_URL}/#/eoffice/search`);
    await expect(byId('eoffice-search-start')).toBeVisible();
    await byId('eoffice-search-box').fill(receiptNumber.toLowerCase());
    const hit = byId('eoffice-search-results').getByRole('link', { name: receiptNumber, exact: true });
    await expect(hit).toBeVisible();
    await hit.click();
    await expect(byId('eoffice-receipt-view-number')).toHaveText(receiptNumber);
    await page.waitForLoadState('networkidle');
    expect.soft(watch.problemsOf('Search'), 'problems on the search page').toEqual([]);
  });

  await test.step('A file from her Inbox', async () => {
    watch.enter('File view');
    await page.goto(`${APP_URL}/#/eoffice/files/inbox`);
    await byId('eoffice-files-number').first().click();
    await expect(byId('eoffice-file-number')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    expect.soft(watch.problemsOf('File view'), 'problems on a file').toEqual([]);
  });
});
