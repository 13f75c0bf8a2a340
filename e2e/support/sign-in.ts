import { expect, type Page } from '@playwright/test';
import { APP_URL } from './stack';

/** An officer of the demo department (seeded by the global setup). */
export interface Officer {
  user: string;
  password: string;
}

/** Signs the officer in through the Content App's login page and waits for the landing page. */
export async function signIn(page: Page, officer: Officer): Promise<void> {
  await page.goto(`${APP_URL}/`);
  await page.locator('#username').fill(officer.user);
  await page.locator('#password').fill(officer.password);
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/#\/personal-files/);
}
