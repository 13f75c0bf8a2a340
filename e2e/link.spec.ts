import { Page, expect, test } from './support/test';
import { giveDelayReason } from './support/marking';
import { signIn } from './support/sign-in';
import { APP_URL } from './support/stack';

// The Section Officer (Establishment) goes on leave; the Section Officer (Administration) is her link officer.
const ABSENT = { user: 'priya.nair', password: 'demo1234' };
const LINK_OFFICER = { user: 'suresh.yadav', password: 'demo1234' };

const byTest = (page: Page, id: string) => page.locator(`[data-test="${id}"]`);
const byId = (page: Page, id: string) => page.locator(`[data-automation-id="${id}"]`);

/** Tomorrow in India, as the app's date fields take it (DD/MM/YYYY). */
const tomorrow = (): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + 86_400_000)
  );

test('an officer on leave names a link officer, who acts on her file; the record says he acted for her', async ({ browser }) => {
  const absent = await (await browser.newContext()).newPage();
  await signIn(absent, ABSENT);
  // A file she holds, before she goes.
  await absent.goto(`${APP_URL}/#/eoffice/files/inbox`);
  const first = byId(absent, 'eoffice-files-number').first();
  await expect(first).toBeVisible();
  const fileNumber = (await first.textContent())!.trim();

  await absent.goto(`${APP_URL}/#/eoffice/link`);
  // Her one post is chosen for her; the period begins today and ends tomorrow.
  await byTest(absent, 'link-officer').fill(LINK_OFFICER.user);
  await byTest(absent, 'link-until').fill(tomorrow());
  await byTest(absent, 'link-name').click();
  await expect(byTest(absent, 'link-done')).toBeVisible();
  await expect(byTest(absent, 'link-named')).toContainText(/Suresh Yadav|suresh\.yadav/);

  try {
    const link = await (await browser.newContext()).newPage();
    await signIn(link, LINK_OFFICER);
    await link.goto(`${APP_URL}/#/eoffice/link`);
    await expect(byTest(link, 'link-held')).toContainText(/Priya Nair|priya\.nair/);

    // Her file reaches his Inbox; he sends it to the Under Secretary.
    await link.goto(`${APP_URL}/#/eoffice/files/inbox`);
    await link.getByRole('link', { name: fileNumber, exact: true }).click();
    await expect(byId(link, 'eoffice-file-number')).toHaveText(fileNumber);
    await byId(link, 'eoffice-file-send').click();
    const dialog = link.locator('eoffice-marking-dialog');
    // The posts to mark to load with his desk: the list stays disabled until it has them (a click waits).
    const to = dialog.locator('[data-test="marking-to"]');
    await expect(to).toBeEnabled();
    await to.click();
    await link.getByRole('option', { name: /^Kavita Joshi \(Under Secretary, Establishment\)/ }).click();
    await link.keyboard.press('Escape');
    await giveDelayReason(dialog);
    await dialog.locator('[data-test="marking-submit"]').click();
    await expect(dialog).toBeHidden();

    // The movement names both: the link officer, for the officer on leave.
    await link.reload();
    await link.getByRole('tab', { name: 'Movements' }).click();
    await expect(link.locator('[data-test="movement-for"]').first()).toContainText(
      /(Suresh Yadav|suresh\.yadav) for (Priya Nair|priya\.nair)/
    );
  } finally {
    // Back from leave early: she ends the link, so the specs after this one find her post as seeded.
    await absent.reload();
    await byTest(absent, 'link-end').first().click();
    await expect(byTest(absent, 'link-named')).not.toContainText(/Suresh Yadav|suresh\.yadav/);
  }
});
