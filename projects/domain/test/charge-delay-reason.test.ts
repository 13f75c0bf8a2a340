import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chargeQuery, chargeStartBody, delayReasonOf, overNorm, withDelayReason } from '@eoffice/domain';

describe('reason for delay in a movement’s remarks', () => {
  it('is asked beyond the 7-working-day norm, not on the seventh day', () => {
    assert.equal(overNorm(7), false);
    assert.equal(overNorm(8), true);
  });

  it('goes on its own line after the remarks, and is read back from there only', () => {
    const remarks = withDelayReason('Put up for orders', '  awaited   the report of the Estate Office ');
    assert.equal(remarks, 'Put up for orders\nReason for delay: awaited the report of the Estate Office');
    assert.equal(delayReasonOf(remarks), 'awaited the report of the Estate Office');
    assert.equal(withDelayReason('', 'leave'), 'Reason for delay: leave');
    assert.equal(delayReasonOf('Reason for delay: leave'), 'leave');
    assert.equal(withDelayReason('Put up', '   '), 'Put up');
    // Words an officer wrote in the middle of his remarks are not a recorded reason.
    assert.equal(delayReasonOf('See the note. Reason for delay: none given'), '');
    assert.equal(delayReasonOf(null), '');
  });
});

describe('transfer of charge: the requests', () => {
  it('asks only registered items of the department, by exact custody matches', () => {
    const q = chargeQuery('eo-gad', 'GROUP_EO_GAD_SO_EST', 'parked');
    assert.match(q, /PATH:"\/app:company_home\/st:sites\/cm:eo-gad\/cm:documentLibrary\/cm:Receipts\/\*\/\*\/\*"/);
    assert.match(q, /=eo:currentHolder:"GROUP_EO_GAD_SO_EST" AND =eo:status:"parked"$/);
    assert.match(chargeQuery('eo-gad', 'GROUP_EO_GAD_SO_EST', 'approvals'), /=eo:approverPost:"GROUP_EO_GAD_SO_EST"$/);
  });

  it('starts eoCharge with the variables eowf:startCharge declares, and refuses a malformed day', () => {
    assert.deepEqual(chargeStartBody({ post: 'SO_EST', to: 'anjali.sen', on: '2026-12-05' }), {
      processDefinitionKey: 'eoCharge',
      variables: { eowf_chargePost: 'SO_EST', eowf_chargeTo: 'anjali.sen', eowf_chargeOn: '2026-12-05' }
    });
    assert.throws(() => chargeStartBody({ post: 'SO_EST', to: 'anjali.sen', on: '05/12/2026' }), /Not a date/);
    assert.throws(() => chargeStartBody({ post: '', to: 'anjali.sen' }), /names a post/);
  });
});
