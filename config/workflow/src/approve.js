// Approval task completion (runs as admin): a Section Officer or above approves or refuses the
// holder's request to close (or to reopen) the item: eowf_decision = approve | refuse, eowf_remarks.
(function () {
  var h = eoHierarchy();
  var item = eoItem();
  var actor = String(task.assignee || '');
  var approverGroup = eoVar('eowf_approverGroup');
  if (!eoIsMember(approverGroup, actor)) eoFail(actor + ' does not hold ' + approverGroup + ' and cannot decide this request');
  var decision = eoTaskVar('eowf_decision');
  if (decision != 'approve' && decision != 'refuse') eoFail('Decide the request: eowf_decision = approve or refuse');
  var remarks = eoTaskVar('eowf_remarks');
  var request = eoVar('eowf_request');
  var holderGroup = eoVar('eowf_holderGroup');
  var requester = eoVar('eowf_holder');
  execution.setVariable('eowf_request', '');
  // The approver keeps read access (it saw the item); the holder keeps the item.
  if (decision == 'refuse') {
    execution.setVariable('eowf_refusal', remarks || 'refused');
    execution.setVariable('eowf_next', request == 'reopen' ? 'end' : 'holder');
    eoSetHolder(h, requester, null);
    return;
  }
  var note = 'Approved by ' + eoTitle(h, eoPost(h, approverGroup)) + (remarks ? ': ' + remarks : '');
  if (request == 'close') {
    var asked = eoVar('eowf_requestRemarks');
    eoRecord(item, { action: 'close', from: holderGroup, fromUser: actor, to: holderGroup, remarks: (asked ? asked + ' - ' : '') + note });
    var closed = { 'eo:status': 'closed' };
    if (item.isSubType('eo:file')) {
      closed['eo:closedAt'] = new Date();
      closed['eo:closureApprovedBy'] = approverGroup;
    }
    eoCustody(item, closed);
    eoHandOver(item, holderGroup, null, null, true);
    execution.setVariable('eowf_next', 'end');
  } else {
    eoRecord(item, { action: 'reopen', from: holderGroup, fromUser: actor, to: holderGroup, remarks: note });
    eoCustody(item, { 'eo:status': 'inMovement', 'eo:heldSince': new Date() });
    eoSetHolder(h, requester, null);
    execution.setVariable('eowf_next', 'holder');
  }
})();
