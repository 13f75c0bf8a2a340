// Reason for delay (CSMOP): an officer acting on a case held longer than the 7-working-day norm records why,
// and the pendency statements read it back. It travels in the remarks of the movement he makes (the one
// place every action writes, read by the history and the MIS), on a line of its own after his remarks, so
// the remarks stay as he wrote them and the reason can be found again.
import { CSMOP_NORM_WORKING_DAYS } from './working-days';

/** How the reason's line starts in a movement's remarks (English: the repository's records are). */
export const DELAY_REASON_PREFIX = 'Reason for delay: ';

/** Whether an item held `workingDays` must be given a reason for delay when acted on. */
export function overNorm(workingDays: number, norm = CSMOP_NORM_WORKING_DAYS): boolean {
  return workingDays > norm;
}

/** The remarks a movement records: the officer's remarks, then the reason for delay on its own line. */
export function withDelayReason(remarks: string, reason: string): string {
  const why = reason.replace(/\s+/g, ' ').trim();
  const said = remarks.trim();
  if (!why) return said;
  return said ? `${said}\n${DELAY_REASON_PREFIX}${why}` : `${DELAY_REASON_PREFIX}${why}`;
}

/** The reason for delay a movement's remarks record, or '' when they record none. */
export function delayReasonOf(remarks: string | null | undefined): string {
  const text = String(remarks ?? '');
  const at = text.lastIndexOf(DELAY_REASON_PREFIX);
  if (at < 0 || (at > 0 && text[at - 1] !== '\n')) return '';
  return text
    .slice(at + DELAY_REASON_PREFIX.length)
    .split('\n')[0]
    .trim();
}
