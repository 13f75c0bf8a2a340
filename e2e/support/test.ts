import { test as base } from '@playwright/test';

export * from '@playwright/test';

/**
 * Playwright's `test`, closing at the end of each test every browser context it opened with
 * `browser.newContext()` (an officer signing in). Playwright closes only the contexts of its own `page` and
 * `context` fixtures; the browser lives as long as the worker, so a context left open kept its page running
 * the Content App (the bell's and the Inbox count's polling, answered by the repository) through every later
 * test: by the last specs a run had dozens of them, and each test took about twice as long as alone.
 */
export const test = base.extend<{ closesItsContexts: void }>({
  closesItsContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(
        browser
          .contexts()
          .filter((c) => !before.has(c))
          .map((c) => c.close())
      );
    },
    { auto: true }
  ]
});
