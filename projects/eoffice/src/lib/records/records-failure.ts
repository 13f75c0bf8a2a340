import { failureKey } from '../shared/state/load-state';
import { serverMessage } from './records.model';

/**
 * Why a records page could not be read: AGS answers 403 to a user without a file plan role and 404 when
 * no RM site exists; anything else is the page's own failure.
 */
export const recordsFailure = (fallback: string) => (error: unknown) =>
  failureKey(error, fallback, { byStatus: { 403: 'EOFFICE.RECORDS.FORBIDDEN', 404: 'EOFFICE.RECORDS.NO_RM_SITE' } });

/** What to show when an action is refused: the repository's own words when it gave any, else `fallback`. */
export interface Refusal {
  key: string;
  params?: Record<string, string>;
}

export function refusalOf(error: unknown, fallback: string): Refusal {
  const message = serverMessage(error);
  return message ? { key: 'EOFFICE.RECORDS.REFUSED', params: { message } } : { key: fallback };
}

/**
 * The translate function steps are put in words with: an event AGS knows but this app has no words for
 * (a department's own) is shown by its name rather than as a translation key.
 */
export function recordsWords(instant: (key: string, params?: Record<string, string | number>) => string) {
  return (key: string, params?: Record<string, string | number>): string => {
    const text = instant(key, params);
    return text === key && key.startsWith('EOFFICE.RECORDS.EVENT.')
      ? key.slice('EOFFICE.RECORDS.EVENT.'.length).toLowerCase().replace(/_/g, ' ')
      : text;
  };
}
