import { MovementRefusal, completionVariables, refusalOf, toMovement } from './movement.model';

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
});
