// Process start (runs as admin): the initiator starts moving an item it holds, acting for the post
// eowf_fromPost; or asks to reopen a closed item (SO level and above at once, below through approval).
// The item is bound to the process here; from then on it is found through the binding, not the package.
(function () {
  var h = eoHierarchy();
  var actor = eoActor();
  var item = eoPackageItem('A movement carries');
  var post = eoPost(h, eoVar('eowf_fromPost'));
  var group = eoGroupOf(h, post.code);
  if (!eoIsMember(group, actor)) eoFail(actor + ' does not hold the post ' + eoTitle(h, post) + ' and cannot act for it');
  var status = item.properties['eo:status'];
  var holder = item.properties['eo:currentHolder'];
  if (eoText(item.properties['eo:movementProcess']))
    eoFail(eoLabel(item) + ' is already moving (held by ' + holder + '); act on its task instead');
  execution.setVariable('eowf_itemLabel', eoLabel(item));
  // Lets a client find the task of an item it opens: GET /tasks?where=(variables/eowf_itemId='<id>').
  execution.setVariable('eowf_itemId', String(item.id));
  execution.setVariable('eowf_request', '');
  if (status == 'closed') {
    if (holder != group && item.properties['eo:originPost'] != group)
      eoFail(eoLabel(item) + ' was closed by another post; only its creator or the post that closed it may reopen it');
    // A file kept as records reopens only once the records manager has reopened its record folder (AGS).
    var reopened = eoReopenRecords(item);
    eoBind(item);
    if (post.level >= 2) {
      eoCustody(item, {
        'eo:status': 'inMovement',
        'eo:heldSince': new Date(),
        'eo:currentHolder': group,
        'eo:lastRemarks': eoVar('eowf_remarks') || null
      });
      eoHandOver(item, group, null, null, false);
      eoRecord(item, {
        action: 'reopen',
        from: group,
        fromUser: actor,
        to: group,
        remarks: eoRecordsRemark(eoVar('eowf_remarks'), reopened)
      });
      eoSetHolder(h, item, post.code, null);
      execution.setVariable('eowf_next', 'holder');
    } else {
      var approver = eoApproverOf(h, post, eoVar('eowf_approver'), 'Reopening');
      var approverGroup = eoGroupOf(h, approver.code);
      eoCustody(item, {
        'eo:pendingRequest': 'reopen',
        'eo:pendingRequester': group,
        'eo:approverPost': approverGroup,
        'eo:pendingRemarks': eoVar('eowf_remarks') || null,
        'eo:pendingSince': new Date()
      });
      eoSetHolder(h, item, post.code, null);
      execution.setVariable('eowf_request', 'reopen');
      execution.setVariable('eowf_approverGroup', approverGroup);
      eoHandOver(item, group, approverGroup, null, false);
      eoNotify(h, item, 'approval', approverGroup, group, actor, eoVar('eowf_remarks'));
      execution.setVariable('eowf_next', 'approval');
    }
    return;
  }
  if (status == 'putInFile') eoFail(eoLabel(item) + ' has been put in a file; it moves with the file');
  // In movement or parked but bound to no process: an administrator cancelled its movement; its holder
  // starts a new one.
  if (holder && holder != group) eoFail(eoLabel(item) + ' is held by ' + holder + '; only its holder can start moving it');
  eoBind(item);
  eoTakeOwnership(item);
  var props = { 'eo:currentHolder': group, 'eo:heldSince': new Date(), 'eo:status': 'inMovement' };
  if (!item.properties['eo:originPost']) props['eo:originPost'] = group;
  eoCustody(item, props);
  eoHandOver(item, group, null, null, false);
  eoSetHolder(h, item, post.code, null);
  execution.setVariable('eowf_sentBy', '');
  execution.setVariable('eowf_next', 'holder');
})();
