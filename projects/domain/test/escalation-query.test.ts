/**
 * Escalation rules (the hierarchy's `escalation` block) and the dashboard's query of what is escalated to an
 * officer: the items of the posts reporting to his, in movement, past their due date or the norm.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  escalatedQuery,
  escalatedRequest,
  escalationRules,
  parseHierarchy,
  parseHolidayCalendar,
  reportingPosts,
  validateHierarchy,
  WorkingDays
} from '@eoffice/domain';

const CONFIG = join(__dirname, '..', '..', '..', 'config');
const raw = JSON.parse(readFileSync(join(CONFIG, 'hierarchy', 'gad.hierarchy.json'), 'utf8'));
const h = parseHierarchy(raw);
const days = new WorkingDays(parseHolidayCalendar(JSON.parse(readFileSync(join(CONFIG, 'calendar', 'holidays-2026.json'), 'utf8'))));

describe('escalation', () => {
  it('reads the rules with their defaults, and refuses rules that are not', () => {
    assert.deepEqual(escalationRules(h), { normDays: 7, dailyMailAt: '09:00', mailReportingPost: true });
    assert.deepEqual(escalationRules({}), { normDays: 7, dailyMailAt: '09:00', mailReportingPost: false });
    assert.deepEqual(validateHierarchy({ ...raw, escalation: { normDays: 0, dailyMailAt: '9 am', mailReportingPost: 'yes', every: 1 } }), [
      'escalation.normDays must be a whole number of working days from 1 to 60',
      "escalation.dailyMailAt must be 'HH:MM' (IST)",
      'escalation.mailReportingPost must be true or false',
      'escalation.every is not a rule'
    ]);
  });

  it('asks for the items of the posts reporting to the officer’s, held before the norm’s boundary or due before today', () => {
    assert.deepEqual(reportingPosts(h, ['US_EST']), ['SO_EST']);
    const q = escalatedQuery(h, 'eo-gad', ['US_EST'], days, '2026-12-16')!;
    assert.match(q, /PATH:"\/app:company_home\/st:sites\/cm:eo-gad\/cm:documentLibrary\/cm:Files\/\*\/\*\/\*"/);
    assert.match(q, /=eo:status:"inMovement" AND \(=eo:currentHolder:"GROUP_EO_GAD_SO_EST"\)/);
    // Within 7 working days on Wednesday 16 December 2026: arrived on or after Monday 7 December (12th: 2nd Saturday).
    assert.match(q, /\(eo:heldSince:\[MIN TO "2026-12-06T18:30:00.000Z"> OR eo:dueDate:\[MIN TO "2026-12-16">\)$/);
    assert.equal(escalatedQuery(h, 'eo-gad', ['ASO_EST_1'], days, '2026-12-16'), null, 'nobody reports to a dealing hand');
    const body = escalatedRequest(h, 'eo-gad', ['US_EST'], days, '2026-12-16', { skipCount: 0, maxItems: 10 })!;
    assert.deepEqual(body.sort, [{ type: 'FIELD', field: 'eo:heldSince', ascending: true }]);
  });
});
