// Approval task completion (runs as admin, after the listener recording the caller): a Section Officer or
// above on the requester's reporting line approves or refuses the request to close (or to reopen) the
// item: eowf_decision = approve | refuse, eowf_remarks. The request, its requester and its approver are
// read from the item (written when it was asked), never from variables.
(function () {
  var h = eoHierarchy();
  var actor = eoActor();
  var item = eoItem();
  var request = eoText(item.properties['eo:pendingRequest']);
  var approverGroup = eoApproverPost(item);
  var holderGroup = eoText(item.properties['eo:pendingRequester']);
  if (!request || !approverGroup || !holderGroup) eoFail('No request on ' + eoLabel(item) + ' is waiting for approval');
  if (!eoIsMember(approverGroup, actor)) eoFail(actor + ' does not hold ' + approverGroup + ' and cannot decide this request');
  var decision = eoTaskVar('eowf_decision');
  if (decision != 'approve' && decision != 'refuse') eoFail('Decide the request: eowf_decision = approve or refuse');
  eoCompleting();
  var remarks = eoTaskVar('eowf_remarks');
  var requester = eoPost(h, holderGroup);
  var pending = {
    'eo:pendingRequest': null,
    'eo:pendingRequester': null,
    'eo:pendingApprover': null,
    'eo:approverPost': null,
    'eo:pendingRemarks': null,
    'eo:pendingSince': null
  };
  execution.setVariable('eowf_request', '');
  // The approver keeps read access (it saw the item); the holder keeps the item.
  if (decision == 'refuse') {
    execution.setVariable('eowf_refusal', remarks || 'refused');
    eoCustody(item, pending);
    if (request == 'reopen') {
      eoUnbind(item);
      execution.setVariable('eowf_next', 'end');
    } else {
      eoSetHolder(h, item, requester.code, null);
      execution.setVariable('eowf_next', 'holder');
    }
    return;
  }
  var note = 'Approved by ' + eoTitle(h, eoPost(h, approverGroup)) + (remarks ? ': ' + remarks : '');
  if (request == 'close') {
    // Checked as the approver decides (the notes' author may have amended one since the request), before
    // the hand-over dates the notes as frozen.
    eoRequireArchivalCopy(item);
    var asked = eoText(item.properties['eo:pendingRemarks']);
    var closed = { 'eo:status': 'closed' };
    if (item.isSubType('eo:file')) {
      closed['eo:closedAt'] = new Date();
      closed['eo:closureApprovedBy'] = approverGroup;
    }
    eoCustody(item, pending);
    eoCustody(item, closed);
    eoHandOver(item, holderGroup, null, null, true);
    // Closed on approval: the file's papers become records where Governance Services is installed.
    var filed = eoFileRecords(item, actor);
    eoRecord(item, {
      action: 'close',
      from: holderGroup,
      fromUser: actor,
      to: holderGroup,
      remarks: eoRecordsRemark((asked ? asked + ' - ' : '') + note, filed)
    });
    eoUnbind(item);
    execution.setVariable('eowf_next', 'end');
  } else {
    // The record folder may have been closed again since the request: AGS's rule is checked as it is decided.
    var reopened = eoReopenRecords(item);
    eoRecord(item, { action: 'reopen', from: holderGroup, fromUser: actor, to: holderGroup, remarks: eoRecordsRemark(note, reopened) });
    eoCustody(item, pending);
    eoCustody(item, { 'eo:status': 'inMovement', 'eo:heldSince': new Date(), 'eo:currentHolder': holderGroup, 'eo:lastRemarks': note });
    eoHandOver(item, holderGroup, null, null, false);
    eoSetHolder(h, item, requester.code, null);
    execution.setVariable('eowf_next', 'holder');
  }
})();
