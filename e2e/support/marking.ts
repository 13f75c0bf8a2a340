import { expect, type Locator } from '@playwright/test';

/**
 * Gives the reason for delay where the marking dialog asks for one (an item held beyond the 7-working-day
 * norm: the demo's older items are), as CSMOP asks the officer, and checks that it was asked when expected.
 * Returns whether it was asked.
 */
export async function giveDelayReason(
  dialog: Locator,
  reason = 'Awaited comments of the Finance Division',
  expected?: boolean
): Promise<boolean> {
  const field = dialog.locator('[data-test="marking-delay-reason"]');
  const asked = (await field.count()) > 0;
  if (expected !== undefined) expect(asked, 'the marking dialog asks for the reason for delay').toBe(expected);
  if (asked) await field.fill(reason);
  return asked;
}
