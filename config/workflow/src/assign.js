// Holder task assignment (a claim; runs as admin). A member of the holding post claiming the task
// "opens" the item: from then on the sender can no longer pull it back. A member of the sending post
// may claim only to pull back, and only while the item is unopened.
(function () {
  if (task.assignee === null || task.assignee === undefined) return;
  var actor = String(task.assignee);
  var holderGroup = eoVar('eowf_holderGroup');
  var senderGroup = eoVar('eowf_senderGroup');
  if (eoIsMember(holderGroup, actor)) {
    if (!eoBool('eowf_opened')) {
      execution.setVariable('eowf_opened', true);
      eoMarkRead(eoItem());
    }
    return;
  }
  if (senderGroup && eoIsMember(senderGroup, actor)) {
    if (eoBool('eowf_opened')) eoFail('The recipient has already opened this item; it can no longer be pulled back');
    return;
  }
  eoFail(actor + ' does not hold this item (' + holderGroup + ' does)');
})();
