/**
 * The officer's notices as the bell reads them (notice-query.ts): what counts as unread, the notices of one
 * item (an id that cannot break out of its phrase), a notice read from its node, and the page of its item.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTICE_KINDS, UNREAD_NOTICES_QUERY, latestNoticesRequest, noticeItemRoute, toNotice, unreadNoticesOfItem } from '@eoffice/domain';

describe('notice queries', () => {
  it('the unread notices of one item: the id as a quoted phrase, so an id cannot widen the query', () => {
    assert.equal(unreadNoticesOfItem('abc'), `${UNREAD_NOTICES_QUERY} AND eo:noticeItemId:"abc"`);
    assert.equal(unreadNoticesOfItem('a" OR TYPE:"cm:content'), `${UNREAD_NOTICES_QUERY} AND eo:noticeItemId:"a\\" OR TYPE:\\"cm:content"`);
  });

  it('the latest notices: newest first, with their properties', () => {
    const r = latestNoticesRequest(20);
    assert.deepEqual(r.sort, [{ type: 'FIELD', field: 'eo:noticeAt', ascending: false }]);
    assert.deepEqual(r.include, ['properties']);
    assert.equal(r.paging.maxItems, 20);
  });

  it('reads a notice from its node, the sender in Hindi falling back to English; other nodes are none', () => {
    const n = toNotice({
      id: 'n1',
      name: 'x',
      properties: {
        'eo:noticeKind': 'approval',
        'eo:noticeItemId': 'f1',
        'eo:noticeItemType': 'file',
        'eo:noticeItemNumber': 'A-11011/1/2026-EST',
        'eo:noticeFromTitle': 'Section Officer (Establishment)',
        'eo:noticeAt': new Date('2026-12-06T04:00:00Z'),
        'eo:noticeRead': true
      }
    });
    assert.deepEqual(n && [n.kind, n.itemType, n.from.hi, n.at, n.read], [
      'approval',
      'file',
      'Section Officer (Establishment)',
      '2026-12-06T04:00:00.000Z',
      true
    ]);
    assert.equal(toNotice({ id: 'x', name: 'x', properties: { 'eo:noticeKind': 'escalate' } }), null);
    assert.equal(toNotice({ id: 'x', name: 'x' }), null);
    assert.deepEqual([...NOTICE_KINDS], ['send', 'sendBack', 'copy', 'approval', 'pullBack', 'due', 'overdue']);
  });

  it('a notice opens its receipt or its file', () => {
    assert.equal(noticeItemRoute({ itemType: 'receipt', itemId: 'r1' }), '/eoffice/receipts/r1');
    assert.equal(noticeItemRoute({ itemType: 'file', itemId: 'f1' }), '/eoffice/files/f1');
  });
});
