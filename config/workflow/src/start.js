// Process start (runs as admin): the initiator starts moving an item it holds, acting for the post
// eowf_fromPost; or asks to reopen a closed item (SO level and above at once, below through approval).
(function () {
  var h = eoHierarchy();
  var item = eoItem();
  var actor = String(initiator.properties.userName);
  var post = eoPost(h, eoVar('eowf_fromPost'));
  var group = eoGroupOf(h, post.code);
  if (!eoIsMember(group, actor)) eoFail(actor + ' does not hold the post ' + eoTitle(h, post) + ' and cannot act for it');
  var status = item.properties['eo:status'];
  var holder = item.properties['eo:currentHolder'];
  execution.setVariable('eowf_itemLabel', eoLabel(item));
  // Lets a client find the task of an item it opens: GET /tasks?where=(variables/eowf_itemId='<id>').
  execution.setVariable('eowf_itemId', String(item.id));
  execution.setVariable('eowf_request', '');
  if (status == 'closed') {
    if (holder != group && item.properties['eo:originPost'] != group)
      eoFail(eoLabel(item) + ' was closed by another post; only its creator or the post that closed it may reopen it');
    eoSetHolder(h, post.code, null);
    if (post.level >= 2) {
      eoCustody(item, { 'eo:status': 'inMovement', 'eo:heldSince': new Date() });
      eoRecord(item, { action: 'reopen', from: group, fromUser: actor, to: group, remarks: eoVar('eowf_remarks') });
      execution.setVariable('eowf_next', 'holder');
    } else {
      var approver = eoVar('eowf_approver') ? eoPost(h, eoVar('eowf_approver')) : eoApproverFor(h, post);
      if (approver.level < 2)
        eoFail('Reopening needs the approval of a Section Officer or above; ' + eoTitle(h, approver) + ' cannot approve it');
      execution.setVariable('eowf_request', 'reopen');
      execution.setVariable('eowf_approverGroup', eoGroupOf(h, approver.code));
      eoHandOver(item, group, eoGroupOf(h, approver.code), null, false);
      execution.setVariable('eowf_next', 'approval');
    }
    return;
  }
  if (status == 'inMovement' || status == 'parked')
    eoFail(eoLabel(item) + ' is already moving (held by ' + holder + '); act on its task instead');
  if (status == 'putInFile') eoFail(eoLabel(item) + ' has been put in a file; it moves with the file');
  if (holder && holder != group) eoFail(eoLabel(item) + ' is held by ' + holder + '; only its holder can start moving it');
  eoTakeOwnership(item);
  var props = { 'eo:currentHolder': group, 'eo:heldSince': new Date(), 'eo:status': 'inMovement' };
  if (!item.properties['eo:originPost']) props['eo:originPost'] = group;
  eoCustody(item, props);
  eoHandOver(item, group, null, null, false);
  eoSetHolder(h, post.code, null);
  execution.setVariable('eowf_sentBy', '');
  execution.setVariable('eowf_next', 'holder');
})();
