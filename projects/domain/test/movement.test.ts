/**
 * The movement model (movement.ts): the officer's words for a refusal, the variables that complete a holder
 * task, a movement history entry read from its node, the "Frequent" recipients and an Inbox row's arrival.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FREQUENT_MAX,
  MovementRefusal,
  completionVariables,
  frequentRecipients,
  inboxArrival,
  recentSendsRequest,
  refusalOf,
  toMovement
} from '@eoffice/domain';
import { excludes, includes } from './text-assert';

describe('movement model', () => {
  it('shows the officer the reason a listener script gave, not the stack of the engine', () => {
    const body = JSON.stringify({
      error: {
        statusCode: 500,
        briefSummary:
          'Workflow script failed in eoMovement userTask holder (complete listener): Error: Section Officer (Administration) is outside the channel of submission'
      }
    });
    const refusal = refusalOf({ status: 500, message: body });
    assert.ok(refusal instanceof MovementRefusal);
    assert.equal(refusal.message, 'Section Officer (Administration) is outside the channel of submission');
    assert.equal(refusal.key, undefined);
  });

  it('leaves out the script line Rhino appends to a script error', () => {
    const body = JSON.stringify({
      error: {
        statusCode: 500,
        briefSummary: 'Failed to execute supplied script: Error: The item is parked: take it out of park first (AlfrescoJS#212)'
      }
    });
    assert.equal(refusalOf({ status: 500, message: body }).message, 'The item is parked: take it out of park first');
  });

  it("puts the department's rule on signed notes in the officer's language (a key), keeping the numbers in the message", () => {
    const body = JSON.stringify({
      error: {
        statusCode: 500,
        briefSummary:
          'Workflow script failed in eoMovement (complete listener): Error: Unsigned notes: 3, 4. The department requires green notes to be digitally signed before a file is sent (AlfrescoJS#40)'
      }
    });
    const refusal = refusalOf({ status: 500, message: body });
    assert.equal(refusal.key, 'EOFFICE.MOVEMENT.REFUSED.UNSIGNED_NOTES');
    assert.match(refusal.message, /^Unsigned notes: 3, 4\./);
  });

  it("a refusal for letters issued on unsigned approvals carries its own key (the workflow's English stays the message)", () => {
    const body = JSON.stringify({
      error: {
        statusCode: 500,
        briefSummary:
          'Workflow script failed in eoMovement (complete listener): Error: Letters issued without a signed approval: A-11011/5(I)/2026-EST-GAD. The department requires the approval of a letter to be digitally signed by its approver'
      }
    });
    const refusal = refusalOf({ status: 500, message: body });
    assert.equal(refusal.key, 'EOFFICE.MOVEMENT.REFUSED.UNSIGNED_APPROVALS');
    assert.match(refusal.message, /^Letters issued without a signed approval: A-11011\/5\(I\)\/2026-EST-GAD\./);
  });

  it("the Central Registry's dispatch refused for an unsigned approval, or of a letter no longer pending, carries a key of its own", () => {
    const of = (reason: string) =>
      refusalOf({
        status: 500,
        message: JSON.stringify({ error: { statusCode: 500, briefSummary: `eoRegister start listener: Error: ${reason} (AlfrescoJS#9)` } })
      });
    const unsigned = of(
      'Letter A-11011/5(I)/2026-EST-GAD cannot be dispatched: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter'
    );
    assert.equal(unsigned.key, 'EOFFICE.DISPATCH.UNSIGNED_APPROVAL');
    assert.match(unsigned.message, /^Letter A-11011\/5\(I\)\/2026-EST-GAD cannot be dispatched/);
    assert.equal(of('Letter A-11011/5/2026-EST-GAD is not pending dispatch').key, 'EOFFICE.DISPATCH.NOT_PENDING');
    // Other refusals of the dispatch stay the repository's words.
    assert.equal(of('Letter A/1 was not sent to Under Secretary for dispatch').key, undefined);
  });

  it('maps the task API statuses to translated refusals', () => {
    assert.equal(refusalOf({ status: 403, message: '{}' }).key, 'EOFFICE.MOVEMENT.REFUSED.NOT_ALLOWED');
    assert.equal(refusalOf({ status: 409, message: '{}' }).key, 'EOFFICE.MOVEMENT.REFUSED.TAKEN');
    assert.equal(refusalOf({ status: 405, message: '{}' }).key, 'EOFFICE.MOVEMENT.REFUSED.DONE');
    assert.equal(refusalOf(new Error('network down')).key, 'EOFFICE.MOVEMENT.REFUSED.FAILED');
  });

  it('completes a send with local variables only for what was given; copies joined by commas', () => {
    assert.deepEqual(
      completionVariables({ action: 'send', to: 'SO_EST', copyTo: ['ASO_EST_1', 'ASO_EST_2'], remarks: '  ', urgency: 'Immediate' }),
      [
        { name: 'eowf_action', value: 'send', scope: 'local' },
        { name: 'eowf_to', value: 'SO_EST', scope: 'local' },
        { name: 'eowf_copyTo', value: 'ASO_EST_1,ASO_EST_2', scope: 'local' },
        { name: 'eowf_urgency', value: 'Immediate', scope: 'local' }
      ]
    );
    assert.deepEqual(
      completionVariables({ action: 'putInFile', file: 'file-1' }).map((v) => v.name),
      ['eowf_action', 'eowf_file']
    );
  });

  it('reads a movement node: who, when, due date, opened or not, jumped levels', () => {
    const m = toMovement({
      id: 'm1',
      name: '000002',
      properties: {
        'eo:movementSequence': 2,
        'eo:movementAction': 'send',
        'eo:movementFrom': 'GROUP_EO_GAD_SO_EST',
        'eo:movementFromUser': 'priya.nair',
        'eo:movementTo': 'GROUP_EO_GAD_JS',
        'eo:movementAt': '2026-11-20T10:00:00.000+0000',
        'eo:movementDue': '2026-11-27T00:00:00.000+0000',
        'eo:movementJumped': ['GROUP_EO_GAD_US_EST', 'GROUP_EO_GAD_DS']
      }
    });
    assert.equal(m.sequence, 2);
    assert.equal(m.due, '2026-11-27');
    assert.equal(m.readAt, null);
    assert.equal(m.at?.toISOString(), '2026-11-20T10:00:00.000Z');
    assert.deepEqual(m.jumped, ['GROUP_EO_GAD_US_EST', 'GROUP_EO_GAD_DS']);
  });

  describe('frequent recipients', () => {
    const sends = (...groups: string[]) => groups.map((toGroup) => ({ toGroup }));

    it('puts the post sent to most often first, and of two sent to as often the more recent', () => {
      // newest first: the Deputy Secretary twice, the Under Secretary twice but longer ago, the ASO once
      const order = frequentRecipients(sends('G_DS', 'G_US', 'G_DS', 'G_ASO', 'G_US'));
      assert.deepEqual(order, ['G_DS', 'G_US', 'G_ASO']);
    });

    it('shows at most five posts and never the post the officer marks from', () => {
      const order = frequentRecipients(sends('G_SO', 'G_A', 'G_B', 'G_C', 'G_D', 'G_E', 'G_F', 'G_A'), ['G_SO']);
      assert.equal(order.length, FREQUENT_MAX);
      assert.equal(order[0], 'G_A');
      excludes(order, 'G_SO');
    });

    it("asks for the officer's own sends from his post, newest first, in the registered items only", () => {
      const request = recentSendsRequest('eo-gad', 'GROUP_EO_GAD_SO_EST', 'priya.nair');
      const query = request.query.query;
      includes(query, 'TYPE:"eo:movement"');
      includes(query, '/cm:Movements/*');
      includes(query, '=eo:movementAction:"send"');
      includes(query, '=eo:movementFrom:"GROUP_EO_GAD_SO_EST"');
      // a tokenised property: a phrase, never `=` (ACS refuses exact term search on it)
      includes(query, ' eo:movementFromUser:"priya.nair"');
      excludes(query, '=eo:movementFromUser');
      assert.deepEqual(request.sort, [{ type: 'FIELD', field: 'eo:movementAt', ascending: false }]);
    });

    it('keeps a quote in a user name inside the phrase', () => {
      includes(recentSendsRequest('eo-gad', 'G', 'o"brien').query.query, 'eo:movementFromUser:"o\\"brien"');
    });
  });

  describe('inbox arrival', () => {
    const asked = {
      previousHolder: 'G_US',
      heldSince: '2026-11-24T06:30:00Z',
      dueDate: '2026-11-30',
      lastRemarks: 'Add last year figures',
      pendingApprover: 'G_US',
      pendingRequest: 'reopen',
      pendingRequester: 'G_ASO',
      pendingRemarks: 'A new representation came in',
      pendingSince: '2026-11-26T09:15:00Z'
    };

    it('for the post asked to approve: the requester, when and why; no due date of the requester', () => {
      assert.deepEqual(inboxArrival(asked, ['G_US']), {
        from: 'G_ASO',
        at: '2026-11-26T09:15:00Z',
        remarks: 'A new representation came in',
        request: 'reopen'
      });
    });

    it('for the holder: who sent it, when, by when and with what remarks, whatever request waits', () => {
      assert.deepEqual(inboxArrival(asked, ['G_ASO']), {
        from: 'G_US',
        at: '2026-11-24T06:30:00Z',
        due: '2026-11-30',
        remarks: 'Add last year figures'
      });
      assert.deepEqual(inboxArrival({ heldSince: '2026-11-24T06:30:00Z' }, ['G_ASO']), {
        from: '',
        at: undefined,
        due: undefined,
        remarks: ''
      });
    });
  });
});
