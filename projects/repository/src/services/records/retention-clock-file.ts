import { readFileSync } from 'node:fs';
import type { RetentionClock } from './disposition';

/**
 * The retention clock of a repository started as a process (`--retention-clock <file>`), for the end-to-end
 * tests and the demo: the file holds the instant the retention rules take as now (ISO 8601, e.g.
 * `2038-04-01T10:00:00Z`); empty or missing, they take the system's time. The file is read at each reading
 * of the clock, so a test moves the clock by writing the file, with no request of any caller able to move
 * it (there is no REST endpoint for it, and a real ACS needs none: its retention follows the server's own
 * clock). Only the retention rules read it (due dates, cut-off and event dates); nodes' cm:modified and
 * audit times stay the system's.
 */
export function fileRetentionClock(path: string, warn: (message: string) => void = console.warn): RetentionClock {
  let warned = '';
  return {
    now(): Date {
      let text = '';
      try {
        text = readFileSync(path, 'utf8').trim();
      } catch {
        return new Date();
      }
      if (!text) return new Date();
      const at = new Date(text);
      // An instant only: a bare date or a typo would otherwise move the clock somewhere nobody meant.
      if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime())) {
        if (warned !== text) warn(`Retention clock ${path}: "${text}" is not an ISO 8601 instant; using the system's time.`);
        warned = text;
        return new Date();
      }
      return at;
    }
  };
}
