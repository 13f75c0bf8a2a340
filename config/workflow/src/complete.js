// Holder task completion (runs as admin): the action the officer chose, in task variables (scope
// local): eowf_action = send | copy | sendBack | pullBack | park | unpark | close | putInFile, eowf_to (post code or
// group, for send; the approving post for close, optional), eowf_copyTo (receipts: more posts that get
// a read-only copy, comma-separated), eowf_remarks, eowf_dueDate, eowf_urgency, eowf_file (putInFile:
// the file's node id). The client sends each of them, '' when unused, so none planted by another survives.
// Who acts is the recorded caller (eoActor), custody state is read from the item, never from variables.
(function () {
  var h = eoHierarchy();
  var actor = eoActor();
  var item = eoItem();
  var holderGroup = eoText(item.properties['eo:currentHolder']);
  var holder = eoPost(h, holderGroup);
  var senderGroup = eoText(item.properties['eo:pullBackBy']);
  var action = eoTaskVar('eowf_action');
  var remarks = eoTaskVar('eowf_remarks');
  var due = eoDate(eoTaskValue('eowf_dueDate'));
  var urgency = eoTaskVar('eowf_urgency');
  var toText = eoTaskVar('eowf_to');
  var status = item.properties['eo:status'];

  /**
   * Send back returns an item the way it came. eo:returnTo is the post it goes back to next and eo:returnPath
   * the posts before that, oldest first: a send puts the holder on top, a send back takes the top off, so the
   * officer an item was sent back to sends it further back, not up again to whoever returned it. The values
   * before the move are kept for pull back (eo:returnToBefore, eo:returnPathBefore).
   */
  function returnPathAfter(move) {
    var top = eoText(item.properties['eo:returnTo']);
    var before = item.properties['eo:returnPath'] || [];
    var path = [];
    for (var i = 0; i < before.length; i++) path.push(eoText(before[i]));
    var props = { 'eo:returnToBefore': top || null, 'eo:returnPathBefore': path.slice(0) };
    if (move == 'send') {
      if (top) path.push(top);
      props['eo:returnTo'] = holder.code;
    } else props['eo:returnTo'] = path.length ? path.pop() : null;
    props['eo:returnPath'] = path;
    return props;
  }

  /**
   * A send or send back freezes the green notes: where the department requires it, only signed ones (and,
   * where it requires signed approvals, it hands on no letter issued from an unsigned one).
   */
  function requireSignedNotes() {
    var unsigned = eoUnsignedNotes(h, item);
    if (unsigned.length)
      eoFail(
        'Unsigned notes: ' + unsigned.join(', ') + '. The department requires green notes to be digitally signed before a file is sent'
      );
    requireSignedApprovals();
  }

  /**
   * Letters issued while this post held the file, where the department requires it, only from approvals their
   * approver signed: a hand-over (send, send back, close) is refused until each has one, so no file leaves the
   * post with a letter issued on an unsigned approval in it.
   */
  function requireSignedApprovals() {
    var unsigned = eoUnsignedApprovals(h, item);
    if (unsigned.length)
      eoFail(
        'Letters issued without a signed approval: ' +
          unsigned.join(', ') +
          '. The department requires the approval of a letter to be digitally signed by its approver'
      );
  }

  function moveTo(target, kind, opts) {
    var toGroup = eoGroupOf(h, target.code);
    // The approvals this post made while holding the file are sealed as it leaves (before the hand-over writes the drafts).
    var sealed = opts.freeze ? eoSealApprovals(h, item, holderGroup) : [];
    eoRecord(item, {
      action: kind,
      from: holderGroup,
      fromUser: actor,
      to: toGroup,
      remarks: remarks,
      due: due,
      jumped: opts.jumped,
      sealed: sealed,
      custodyNext: true
    });
    // One write of the item: the return path (opts.custody), the new holder, and who may pull it back.
    var props = opts.custody;
    props['eo:currentHolder'] = toGroup;
    props['eo:heldSince'] = new Date();
    props['eo:previousHolder'] = holderGroup;
    props['eo:status'] = 'inMovement';
    props['eo:dueDate'] = due;
    props['eo:lastRemarks'] = remarks || null;
    props['eo:pullBackBy'] = opts.pullable ? holderGroup : null;
    if (opts.returnVia) props['eo:returnVia'] = opts.returnVia;
    if (urgency) props['eo:urgency'] = String(urgency);
    eoCustody(item, props);
    eoHandOver(item, toGroup, opts.drop ? null : holderGroup, opts.drop ? holderGroup : null, opts.freeze);
    eoSetHolder(h, item, target.code, opts.pullable ? holderGroup : null);
    eoNotify(h, item, kind, toGroup, holderGroup, actor, remarks);
    execution.setVariable('eowf_next', 'holder');
  }

  if (action == 'pullBack') {
    if (!senderGroup || !eoIsMember(senderGroup, actor)) eoFail('Only the post that sent this item can pull it back');
    if (eoOpened(item)) eoFail('The recipient has already opened this item; it can no longer be pulled back');
    eoCompleting();
    var sender = eoPost(h, senderGroup);
    var sentBy = eoText(item.properties['eo:returnToBefore']);
    eoRecord(item, { action: 'pullBack', from: holderGroup, fromUser: actor, to: senderGroup, remarks: remarks, custodyNext: true });
    eoCustody(item, {
      'eo:currentHolder': senderGroup,
      'eo:heldSince': new Date(),
      'eo:previousHolder': sentBy ? eoGroupOf(h, sentBy) : null,
      'eo:lastRemarks': remarks || null,
      'eo:returnTo': sentBy || null,
      'eo:returnPath': item.properties['eo:returnPathBefore'] || []
    });
    eoHandOver(item, senderGroup, null, holderGroup, false);
    eoSetHolder(h, item, sender.code, null);
    eoNotify(h, item, 'pullBack', holderGroup, senderGroup, actor, remarks);
    execution.setVariable('eowf_sentBy', sentBy);
    execution.setVariable('eowf_next', 'holder');
    return;
  }
  if (!eoIsMember(holderGroup, actor)) eoFail(actor + ' does not hold ' + eoTitle(h, holder) + "'s charge and cannot act on this item");
  if (status == 'parked' && action != 'unpark' && action != 'close') eoFail('The item is parked: take it out of park first');
  if (eoText(item.properties['eo:pendingRequest'])) eoFail('A request on this item is waiting for approval');
  eoCompleting();

  if (action == 'send') {
    if (!toText) eoFail('Choose the officer (post) to send the item to');
    requireSignedNotes();
    var to = eoPost(h, toText);
    var decision = eoDomain.mayMark(h, holder.code, to.code);
    if (!decision.allowed) eoFail(decision.reason.en);
    var pending = (item.properties['eo:returnVia'] || []).slice(0);
    var target = to;
    var jumped = [];
    if (to.level < holder.level) target = eoPost(h, eoDomain.routeDown(h, holder.code, to.code, pending));
    else if (h.channel.returnThroughJumpedLevels) {
      for (var i = 0; i < decision.jumped.length; i++) if (pending.indexOf(decision.jumped[i]) < 0) pending.push(decision.jumped[i]);
      jumped = decision.jumped;
    }
    // Receipts may also go to several officers: the others get a copy (read access and a movement).
    var copies = [];
    var copyText = eoTaskVar('eowf_copyTo');
    if (copyText) {
      if (!item.isSubType('eo:receipt')) eoFail('A file goes to one officer only; send copies of receipts, not of files');
      var codes = String(copyText).split(',');
      for (var c = 0; c < codes.length; c++) {
        if (!codes[c].replace(/\s/g, '')) continue;
        var copy = eoPost(h, codes[c].replace(/\s/g, ''));
        var allowed = eoDomain.mayMark(h, holder.code, copy.code);
        if (!allowed.allowed) eoFail(allowed.reason.en);
        if (copy.code != to.code) copies.push(copy);
      }
    }
    var left = [];
    for (var j = 0; j < pending.length; j++) if (pending[j] != target.code) left.push(pending[j]);
    if (target.code != to.code)
      remarks =
        (remarks ? remarks + ' ' : '') + '[for ' + eoTitle(h, to) + ', through ' + eoTitle(h, target) + ', a level jumped on the way up]';
    var jumpedGroups = [];
    for (var k = 0; k < jumped.length; k++) jumpedGroups.push(eoGroupOf(h, jumped[k]));
    execution.setVariable('eowf_sentBy', holder.code);
    moveTo(target, 'send', { custody: returnPathAfter('send'), jumped: jumpedGroups, returnVia: left, freeze: true, pullable: true });
    for (var k2 = 0; k2 < copies.length; k2++) {
      var copyGroup = eoGroupOf(h, copies[k2].code);
      eoRecord(item, {
        action: 'send',
        from: holderGroup,
        fromUser: actor,
        to: copyGroup,
        remarks: '[copy]' + (remarks ? ' ' + remarks : ''),
        due: due
      });
      item.setPermission('Consumer', copyGroup);
      eoFolder(item, 'Movements').setPermission('Consumer', copyGroup);
      eoNotify(h, item, 'copy', copyGroup, holderGroup, actor, remarks);
    }
    return;
  }
  if (action == 'copy') {
    // Copies of a receipt for information: the named posts may read it, each copy is a movement, and the
    // holder keeps the receipt to act on.
    if (!item.isSubType('eo:receipt')) eoFail('Only receipts are copied; a file moves as one');
    var copyCodes = (eoTaskVar('eowf_copyTo') || '').split(',');
    var given = 0;
    for (var cc = 0; cc < copyCodes.length; cc++) {
      var code = copyCodes[cc].replace(/\s/g, '');
      if (!code) continue;
      var copyTo = eoPost(h, code);
      if (copyTo.code == holder.code) continue;
      var may = eoDomain.mayMark(h, holder.code, copyTo.code);
      if (!may.allowed) eoFail(may.reason.en);
      var copyToGroup = eoGroupOf(h, copyTo.code);
      eoRecord(item, {
        action: 'send',
        from: holderGroup,
        fromUser: actor,
        to: copyToGroup,
        remarks: '[copy]' + (remarks ? ' ' + remarks : '')
      });
      item.setPermission('Consumer', copyToGroup);
      eoFolder(item, 'Movements').setPermission('Consumer', copyToGroup);
      eoNotify(h, item, 'copy', copyToGroup, holderGroup, actor, remarks);
      given++;
    }
    if (!given) eoFail('Name at least one other post to copy the receipt to');
    eoSetHolder(h, item, holder.code, null);
    execution.setVariable('eowf_opened', true); // the holder has it open: still read, not new
    execution.setVariable('eowf_next', 'holder');
    return;
  }
  if (action == 'sendBack') {
    var back = eoText(item.properties['eo:returnTo']);
    if (!back) eoFail('Nobody sent this item to ' + eoTitle(h, holder) + '; there is no one to send it back to');
    requireSignedNotes();
    execution.setVariable('eowf_sentBy', holder.code);
    moveTo(eoPost(h, back), 'sendBack', { custody: returnPathAfter('sendBack'), freeze: true, pullable: true });
    return;
  }
  if (action == 'park' || action == 'unpark') {
    if (action == 'park' && status == 'parked') eoFail('The item is already parked');
    if (action == 'unpark' && status != 'parked') eoFail('The item is not parked');
    eoRecord(item, { action: action, from: holderGroup, fromUser: actor, to: holderGroup, remarks: remarks });
    eoCustody(item, { 'eo:status': action == 'park' ? 'parked' : 'inMovement' });
    eoSetHolder(h, item, holder.code, null);
    execution.setVariable('eowf_next', 'holder');
    return;
  }
  if (action == 'close') {
    requireSignedApprovals();
    if (holder.level >= 2 && !toText) {
      // Before the hand-over below dates the notes as frozen: the copy must be newer than their last change.
      eoRequireArchivalCopy(item);
      var closed = { 'eo:status': 'closed' };
      if (item.isSubType('eo:file')) {
        closed['eo:closedAt'] = new Date();
        closed['eo:closureApprovedBy'] = holderGroup;
      }
      eoCustody(item, closed);
      var sealedOnClose = eoSealApprovals(h, item, holderGroup);
      eoHandOver(item, holderGroup, null, null, true);
      // Where Governance Services is installed the file's papers become records (after the hand-over froze
      // its notes: a record no longer changes).
      var filed = eoFileRecords(item, actor);
      eoRecord(item, {
        action: 'close',
        from: holderGroup,
        fromUser: actor,
        to: holderGroup,
        remarks: eoRecordsRemark(remarks, filed),
        sealed: sealedOnClose
      });
      eoUnbind(item);
      execution.setVariable('eowf_next', 'end');
      return;
    }
    if (toText && eoPost(h, toText).code == holder.code) eoFail('Close it directly: ' + eoTitle(h, holder) + ' needs no approval');
    var approver = eoApproverOf(h, holder, toText, 'Closing');
    if (approver.code == holder.code) eoFail('Close it directly: ' + eoTitle(h, holder) + ' needs no approval');
    var approverGroup = eoGroupOf(h, approver.code);
    eoCustody(item, {
      'eo:pendingRequest': 'close',
      'eo:pendingRequester': holderGroup,
      'eo:approverPost': approverGroup,
      'eo:pendingRemarks': remarks || null,
      'eo:pendingSince': new Date(),
      'eo:pullBackBy': null
    });
    execution.setVariable('eowf_request', 'close');
    execution.setVariable('eowf_requestRemarks', remarks || '');
    execution.setVariable('eowf_approverGroup', approverGroup);
    eoHandOver(item, holderGroup, approverGroup, null, false);
    eoNotify(h, item, 'approval', approverGroup, holderGroup, actor, remarks);
    execution.setVariable('eowf_next', 'approval');
    return;
  }
  if (action == 'putInFile') {
    if (!item.isSubType('eo:receipt')) eoFail('Only a receipt can be put in a file');
    var fileId = eoTaskVar('eowf_file');
    var file = fileId ? search.findNode('workspace://SpacesStore/' + String(fileId).replace(/^workspace:\/\/SpacesStore\//, '')) : null;
    if (!file || !file.isSubType('eo:file')) eoFail('Choose the file to put ' + eoLabel(item) + ' in');
    if (file.properties['eo:status'] == 'closed') eoFail(eoLabel(file) + ' is closed; reopen it before putting receipts in it');
    if (file.properties['eo:currentHolder'] != holderGroup)
      eoFail(eoTitle(h, holder) + ' does not hold ' + eoLabel(file) + '; put the receipt in a file your post holds');
    eoFileReceipt(file, item, holderGroup, actor);
    eoRecord(item, { action: 'putInFile', from: holderGroup, fromUser: actor, to: holderGroup, remarks: remarks || eoLabel(file) });
    eoCustody(item, { 'eo:status': 'putInFile', 'eo:inFile': file });
    eoUnbind(item);
    execution.setVariable('eowf_next', 'end');
    return;
  }
  eoFail('Unknown action ' + action + ': send, copy, sendBack, pullBack, park, unpark, close or putInFile');
})();
