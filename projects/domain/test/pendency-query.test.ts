/**
 * The pendency statement's queries: every figure, drill-down and month-wise count is scoped to the
 * department's series trees, so an item cannot be counted by its properties alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkingDays, drillDownRequest, monthlyRequest, overThreeMonthsRequest, pendencyRequest, pendingQuery } from '@eoffice/domain';

const LIBRARY = '/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary';
const SERIES_ITEMS =
  `((TYPE:"eo:receipt" AND PATH:"${LIBRARY}/cm:Receipts/*/*/*")` + ` OR (TYPE:"eo:file" AND PATH:"${LIBRARY}/cm:Files/*/*/*"))`;

describe('pendency queries', () => {
  const days = new WorkingDays({ weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] });
  const filter = { holders: ['GROUP_EO_GAD_SO_EST'], site: 'eo-gad', myPosts: ['GROUP_EO_GAD_DS'] };

  it('counts only receipts and files at their place in the department’s series trees, never by properties alone', () => {
    assert.equal(pendingQuery(filter), `${SERIES_ITEMS} AND (=eo:status:"inMovement" OR =eo:status:"parked")`);
    assert.equal(pendencyRequest(days, '2026-12-04', filter).query.query, pendingQuery(filter));
  });

  it('narrows to a section’s posts on top of the series scope', () => {
    const q = pendingQuery({ ...filter, onlyHolders: true });
    assert.ok(q.startsWith(`${SERIES_ITEMS} AND `));
    assert.ok(q.includes('(=eo:currentHolder:"GROUP_EO_GAD_SO_EST")'));
  });

  it('drill-downs and the over-three-months statement list from the same scoped query the counts came from', () => {
    const page = { skipCount: 0, maxItems: 10 };
    assert.ok(drillDownRequest(days, '2026-12-04', filter, { kind: 'file' }, page).query.query.startsWith(pendingQuery(filter)));
    assert.ok(overThreeMonthsRequest('2026-12-04', filter, page).query.query.startsWith(`${pendingQuery(filter)} AND `));
  });

  it('month-wise figures count items in the series trees and sends only in such an item’s own Movements folder', () => {
    assert.equal(
      monthlyRequest('eo-gad', 2026).query.query,
      `(${SERIES_ITEMS} OR (TYPE:"eo:movement" AND ` +
        `(PATH:"${LIBRARY}/cm:Receipts/*/*/*/cm:Movements/*" OR PATH:"${LIBRARY}/cm:Files/*/*/*/cm:Movements/*")))`
    );
  });
});
