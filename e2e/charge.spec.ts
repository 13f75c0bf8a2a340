import { APIRequestContext, Page, expect, test } from './support/test';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

// The demo department's administrator and Section Officer (Establishment), and a new officer who takes charge.
const ADMIN = { user: 'admin', password: 'admin' };
const SECTION_OFFICER = 'priya.nair';
const SUCCESSOR = { user: 'anjali.sen', password: 'demo1234' };

const AS_ADMIN = { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
const CORE = `${APP_URL}/alfresco/api/-default-/public/alfresco/versions/1`;
const WORKFLOW = `${APP_URL}/alfresco/api/-default-/public/workflow/versions/1`;

const byTest = (page: Page, id: string) => page.locator(`[data-test="${id}"]`);

/** The post back to the officer who held it, through the same workflow, so the specs after this one find her there. */
async function transferBack(request: APIRequestContext): Promise<void> {
  const back = await request.post(`${WORKFLOW}/processes`, {
    headers: AS_ADMIN,
    data: { processDefinitionKey: 'eoCharge', variables: { eowf_chargePost: 'SO_EST', eowf_chargeTo: SECTION_OFFICER } }
  });
  expect(back.status(), await back.text()).toBe(201);
}

test('an administrator transfers the Section Officer’s charge and the successor finds her Inbox', async ({ browser, request }) => {
  const created = await request.post(`${CORE}/people`, {
    headers: AS_ADMIN,
    data: { id: SUCCESSOR.user, firstName: 'Anjali', lastName: 'Sen', email: 'anjali.sen@example.gov.in', password: SUCCESSOR.password }
  });
  expect([201, 409]).toContain(created.status());

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto(`${APP_URL}/#/eoffice/charge`);
  await byTest(admin, 'charge-post').click();
  await admin.getByRole('option', { name: /^Priya Nair \(Section Officer, Establishment\)$/ }).click();
  await byTest(admin, 'charge-to').fill(SUCCESSOR.user);
  await byTest(admin, 'charge-name-hi').fill('अंजलि सेन');
  await byTest(admin, 'charge-preview').click();

  // What passes, before anything moves: the Section Officer's Inbox at least.
  const summary = byTest(admin, 'charge-summary');
  await expect(summary).toContainText(`is held by ${SECTION_OFFICER}`);
  const inboxCount = Number(await byTest(admin, 'charge-kind-inbox').locator('[data-test="charge-count"]').textContent());
  expect(inboxCount).toBeGreaterThan(0);
  const passing = (await byTest(admin, 'charge-kind-inbox').locator('li strong').allTextContents()).map((t) => t.trim());

  try {
    await byTest(admin, 'charge-transfer').click();
    await expect(byTest(admin, 'charge-done')).toContainText(`transferred to ${SUCCESSOR.user}`);

    // The successor signs in and finds the Section Officer's Inbox as hers.
    const successor = await (await browser.newContext()).newPage();
    await signIn(successor, SUCCESSOR);
    const shown: string[] = [];
    for (const list of ['receipts', 'files']) {
      await successor.goto(`${APP_URL}/#/eoffice/${list}/inbox`);
      const numbers = successor.locator(`[data-automation-id="eoffice-${list}-number"]`);
      await expect(numbers.first()).toBeVisible();
      shown.push(...(await numbers.allTextContents()).map((t) => t.trim()));
    }
    const seen = passing.filter((n) => shown.includes(n));
    expect(seen.length, `items that passed (${passing.join(', ')}) in her Inbox (${shown.join(', ')})`).toBeGreaterThan(0);

    // The item's movements say the charge passed, in her language's words.
    await successor.goto(`${APP_URL}/#/eoffice/files/inbox`);
    await successor.locator('[data-automation-id="eoffice-files-number"]').first().click();
    await successor.getByRole('tab', { name: 'Movements' }).click();
    await expect(successor.locator('[data-test="movement-charge"]').first()).toContainText('Charge transferred from');
  } finally {
    await transferBack(request);
  }
});

test('on a phone the transfer page fits the screen and shows what passes', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, ADMIN);
  await page.goto(`${APP_URL}/#/eoffice/charge`);
  await byTest(page, 'charge-post').click();
  await page.getByRole('option', { name: /^Priya Nair \(Section Officer, Establishment\)$/ }).click();
  await byTest(page, 'charge-to').fill(SUCCESSOR.user);
  await byTest(page, 'charge-preview').click();
  await expect(byTest(page, 'charge-transfer')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
});

test('an officer opening the page is told only an administrator transfers charge', async ({ page }) => {
  await signIn(page, { user: SECTION_OFFICER, password: 'demo1234' });
  await page.goto(`${APP_URL}/#/eoffice/charge`);
  await expect(byTest(page, 'charge-not-admin')).toBeVisible();
});
