import { expect, test } from './support/test';
import { readFile } from 'node:fs/promises';
import { PageWatch } from './support/page-watch';
import { APP_URL } from './support/stack';

/** The Secretary of the demo department (seeded by the global setup). */
const SECRETARY = { user: 'meera.iyer', password: 'demo1234' };

test('the Secretary opens the pendency dashboard, drills into a section’s items over 30 working days and exports them', async ({
  page
}) => {
  const watch = new PageWatch(page, new URL(APP_URL).origin);
  const byId = (id: string) => page.locator(`[data-automation-id="${id}"]`);

  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(SECRETARY.user);
  await page.locator('#password').fill(SECRETARY.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);

  watch.enter('Dashboard');
  await page.goto(`${APP_URL}/#/eoffice/mis`);
  // the bars: pending with each officer, and by level
  await expect(byId('eoffice-mis-holder-chart').locator('canvas')).toBeVisible();
  await expect(byId('eoffice-mis-level-chart').locator('canvas')).toBeVisible();
  // month-wise figures come when asked for (one more request)
  await byId('eoffice-mis-monthly-show').click();
  await expect(byId('eoffice-mis-monthly')).toContainText('Receipts received');

  // on a 1366 px screen the section table fits or scrolls in its own box, never the page
  await page.setViewportSize({ width: 1366, height: 768 });
  const sectionBox = byId('eoffice-mis-by-section-box');
  await expect(sectionBox).toBeVisible();
  const box = (await sectionBox.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  // the charts follow the new width a frame or two later (chart.js listens to a ResizeObserver, and its
  // resize waits for an animation frame, which a loaded CI machine can hold back for seconds): wait for it
  const settled = { timeout: 20_000 };
  // 'fits', or what sticks out furthest (so that a failure names it)
  const overflow = () =>
    page.locator('.eoffice-mis').evaluate((box) => {
      if (box.scrollWidth <= box.clientWidth) return 'fits';
      const right = box.getBoundingClientRect().right;
      const widest = [...box.querySelectorAll<HTMLElement>('*')].sort(
        (a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right
      )[0];
      return `${widest.tagName.toLowerCase()}.${[...widest.classList].join('.')} ends ${Math.round(widest.getBoundingClientRect().right - right)} px past the page`;
    });
  await expect.poll(overflow, settled).toBe('fits');
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), settled).toBe(true);

  // Establishment's cases held beyond 30 working days
  const over30 = byId('eoffice-mis-section-EST-over30');
  await expect(over30).toBeEnabled();
  const counted = Number((await over30.textContent())!.replace(/[^0-9]/g, ''));
  expect(counted).toBeGreaterThan(0);
  await over30.click();
  const drill = byId('eoffice-mis-drill');
  await expect(drill.locator('h2')).toContainText('Establishment · Over 30 working days');
  await expect(drill.locator('h2')).toContainText(`(${counted})`);
  // the list opens far below the cell: it is brought into view, focus on its heading
  await expect(drill.locator('h2')).toBeFocused();
  await expect(drill.locator('h2')).toBeInViewport();
  await expect(drill.locator('tbody tr')).toHaveCount(Math.min(counted, 100));
  // every item listed has been held more than 30 working days
  const days = await drill.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(days.every((d) => Number(d.replace(/[^0-9]/g, '')) > 30)).toBe(true);

  // export them: the CSV carries every item behind the cell
  await drill.locator('[data-automation-id="eoffice-export-button"]').click();
  const download = page.waitForEvent('download');
  await byId('eoffice-export-csv').click();
  const file = await download;
  // the file says which cell it holds, dated
  expect(file.suggestedFilename()).toMatch(/^pendency-Establishment-Over-30-working-days-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await file.path())).toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('Number');
  expect(lines.length - 1).toBe(counted);
  expect.soft(watch.problemsOf('Dashboard'), 'problems on the dashboard').toEqual([]);
});
