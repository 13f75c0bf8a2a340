import { expect, test, type Page } from './support/test';
import { readFile } from 'node:fs/promises';
import { APP_URL } from './support/stack';

const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';

/** An officer of the demo department: any officer may upload and share a file. */
const OFFICER = { user: 'pooja.patel', password: 'demo1234' };
const BASIC = `Basic ${Buffer.from(`${OFFICER.user}:${OFFICER.password}`).toString('base64')}`;

/** What a hostile upload would do in the app's origin if a browser ran it: every effect is observable. */
const PAYLOAD = `<!doctype html><html><head><title>notice</title></head><body>
<script>
  localStorage.setItem('e2e-pwned', 'ticket ' + (localStorage.getItem('ticket-ECM') || 'none'));
  document.title = 'pwned';
  fetch('/pwned-beacon?t=' + encodeURIComponent(localStorage.getItem('ticket-ECM') || ''));
  alert('pwned');
</script>
<img src="x" onerror="fetch('/pwned-beacon?img=1')">
</body></html>`;

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('/pwned-beacon?svg=1');alert('svg')"><script>fetch('/pwned-beacon?svg=2')</script></svg>`;

test.describe('content security', () => {
  test('a shared HTML or SVG attachment downloads and runs nothing in the app origin', async ({ page, request }) => {
    // The officer uploads the two files and shares them, through the app server as the browser would.
    const links: Record<string, string> = {};
    const uploads: string[] = [];
    for (const [name, mimeType, text] of [
      [`notice-${Date.now()}.html`, 'text/html', PAYLOAD],
      [`emblem-${Date.now()}.svg`, 'image/svg+xml', SVG]
    ]) {
      const uploaded = await request.post(`${APP_URL}${CORE}/nodes/-my-/children`, {
        headers: { authorization: BASIC },
        multipart: { filedata: { name, mimeType, buffer: Buffer.from(text) } }
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
      const nodeId = (await uploaded.json()).entry.id as string;
      uploads.push(nodeId);
      const shared = await request.post(`${APP_URL}${CORE}/shared-links`, { headers: { authorization: BASIC }, data: { nodeId } });
      expect(shared.status(), await shared.text()).toBe(201);
      links[mimeType] = (await shared.json()).entry.id as string;
    }

    try {
      await openAsTheRecipient(page, links);
    } finally {
      // Other suites sign in as admin and list every shared link: leave none behind.
      for (const id of uploads) {
        await request.delete(`${APP_URL}${CORE}/nodes/${id}?permanent=true`, { headers: { authorization: BASIC } });
      }
    }
  });

  test('the app is served with a policy that refuses inline script', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${APP_URL}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await expect(page.locator('#login-button')).toBeVisible();
    // The app itself runs under the policy without a single violation.
    expect(violations).toEqual([]);

    // An injected inline script and event handler are refused by the browser.
    const ran = await injectInlineScript(page);
    expect(ran).toEqual({ script: false, handler: false });
  });
});

async function injectInlineScript(page: Page): Promise<{ script: boolean; handler: boolean }> {
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__e2eInline = true;';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__e2eHandler = true" onload="window.__e2eHandler = true">';
    document.body.append(holder);
  });
  await page.waitForTimeout(300);
  return page.evaluate(() => ({
    script: (window as unknown as { __e2eInline?: boolean }).__e2eInline === true,
    handler: (window as unknown as { __e2eHandler?: boolean }).__e2eHandler === true
  }));
}

/** Signed in to the app, opens each shared file as its recipient would and asserts nothing ran. */
async function openAsTheRecipient(page: Page, links: Record<string, string>): Promise<void> {
  const effects: string[] = [];
  page.on('dialog', (dialog) => {
    effects.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (r) => {
    if (r.url().includes('/pwned-beacon')) effects.push(`request: ${r.url()}`);
  });

  // Signed in to the app, so a script in its origin would find the ticket in localStorage.
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(OFFICER.user);
  await page.locator('#password').fill(OFFICER.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);

  // Opened from the link, even asking for inline, each comes as a download with the uploaded bytes.
  for (const [mimeType, text] of [
    ['text/html', PAYLOAD],
    ['image/svg+xml', SVG]
  ]) {
    const url = `${APP_URL}${CORE}/shared-links/${links[mimeType]}/content?attachment=false`;
    const [download] = await Promise.all([page.waitForEvent('download'), page.goto(url).catch(() => undefined)]);
    expect(await readFile((await download.path())!, 'utf8')).toBe(text);
  }

  // The public viewer of the link (what the recipient of a shared link opens) shows it without running it.
  await page.goto(`${APP_URL}/#/preview/s/${links['text/html']}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);

  await page.goto(`${APP_URL}/#/personal-files`);
  expect(await page.evaluate(() => localStorage.getItem('e2e-pwned'))).toBeNull();
  expect(await page.title()).not.toBe('pwned');
  expect(effects).toEqual([]);
}
