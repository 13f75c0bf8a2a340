import {
  FREQUENT_MAX,
  MovementRefusal,
  completionVariables,
  frequentRecipients,
  inboxArrival,
  recentSendsRequest,
  refusalOf,
  toMovement
} from './movement.model';

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
    expect(refusal).toEqual(jasmine.any(MovementRefusal));
    expect(refusal.message).toBe('Section Officer (Administration) is outside the channel of submission');
    expect(refusal.key).toBeUndefined();
  });

  it('leaves out the script line Rhino appends to a script error', () => {
    const body = JSON.stringify({
      error: {
        statusCode: 500,
        briefSummary: 'Failed to execute supplied script: Error: The item is parked: take it out of park first (AlfrescoJS#212)'
      }
    });
    expect(refusalOf({ status: 500, message: body }).message).toBe('The item is parked: take it out of park first');
  });

  it('maps the task API statuses to translated refusals', () => {
    expect(refusalOf({ status: 403, message: '{}' }).key).toBe('EOFFICE.MOVEMENT.REFUSED.NOT_ALLOWED');
    expect(refusalOf({ status: 409, message: '{}' }).key).toBe('EOFFICE.MOVEMENT.REFUSED.TAKEN');
    expect(refusalOf({ status: 405, message: '{}' }).key).toBe('EOFFICE.MOVEMENT.REFUSED.DONE');
    expect(refusalOf(new Error('network down')).key).toBe('EOFFICE.MOVEMENT.REFUSED.FAILED');
  });

  it('completes a send with local variables only for what was given; copies joined by commas', () => {
    expect(
      completionVariables({ action: 'send', to: 'SO_EST', copyTo: ['ASO_EST_1', 'ASO_EST_2'], remarks: '  ', urgency: 'Immediate' })
    ).toEqual([
      { name: 'eowf_action', value: 'send', scope: 'local' },
      { name: 'eowf_to', value: 'SO_EST', scope: 'local' },
      { name: 'eowf_copyTo', value: 'ASO_EST_1,ASO_EST_2', scope: 'local' },
      { name: 'eowf_urgency', value: 'Immediate', scope: 'local' }
    ]);
    expect(completionVariables({ action: 'putInFile', file: 'file-1' }).map((v) => v.name)).toEqual(['eowf_action', 'eowf_file']);
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
    } as never);
    expect(m.sequence).toBe(2);
    expect(m.due).toBe('2026-11-27');
    expect(m.readAt).toBeNull();
    expect(m.at?.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(m.jumped).toEqual(['GROUP_EO_GAD_US_EST', 'GROUP_EO_GAD_DS']);
  });

  describe('frequent recipients', () => {
    const sends = (...groups: string[]) => groups.map((toGroup) => ({ toGroup }));

    it('puts the post sent to most often first, and of two sent to as often the more recent', () => {
      // newest first: the Deputy Secretary twice, the Under Secretary twice but longer ago, the ASO once
      const order = frequentRecipients(sends('G_DS', 'G_US', 'G_DS', 'G_ASO', 'G_US'));
      expect(order).toEqual(['G_DS', 'G_US', 'G_ASO']);
    });

    it('shows at most five posts and never the post the officer marks from', () => {
      const order = frequentRecipients(sends('G_SO', 'G_A', 'G_B', 'G_C', 'G_D', 'G_E', 'G_F', 'G_A'), ['G_SO']);
      expect(order.length).toBe(FREQUENT_MAX);
      expect(order[0]).toBe('G_A');
      expect(order).not.toContain('G_SO');
    });

    it("asks for the officer's own sends from his post, newest first, in the registered items only", () => {
      const request = recentSendsRequest('eo-gad', 'GROUP_EO_GAD_SO_EST', 'priya.nair');
      const query = request.query.query;
      expect(query).toContain('TYPE:"eo:movement"');
      expect(query).toContain('/cm:Movements/*');
      expect(query).toContain('=eo:movementAction:"send"');
      expect(query).toContain('=eo:movementFrom:"GROUP_EO_GAD_SO_EST"');
      // a tokenised property: a phrase, never `=` (ACS refuses exact term search on it)
      expect(query).toContain(' eo:movementFromUser:"priya.nair"');
      expect(query).not.toContain('=eo:movementFromUser');
      expect(request.sort).toEqual([{ type: 'FIELD', field: 'eo:movementAt', ascending: false }]);
    });

    it('keeps a quote in a user name inside the phrase', () => {
      expect(recentSendsRequest('eo-gad', 'G', 'o"brien').query.query).toContain('eo:movementFromUser:"o\\"brien"');
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
      expect(inboxArrival(asked, ['G_US'])).toEqual({
        from: 'G_ASO',
        at: '2026-11-26T09:15:00Z',
        remarks: 'A new representation came in',
        request: 'reopen'
      });
    });

    it('for the holder: who sent it, when, by when and with what remarks, whatever request waits', () => {
      expect(inboxArrival(asked, ['G_ASO'])).toEqual({
        from: 'G_US',
        at: '2026-11-24T06:30:00Z',
        due: '2026-11-30',
        remarks: 'Add last year figures'
      });
      expect(inboxArrival({ heldSince: '2026-11-24T06:30:00Z' }, ['G_ASO'])).toEqual({
        from: '',
        at: undefined,
        due: undefined,
        remarks: ''
      });
    });
  });
});
