// Holder or approval task assignment (a claim; runs as admin, after the listener recording the caller). A claim is
// made by the caller for themselves: on ACS the process's starter may set anyone as assignee. A member of
// the holding post claiming the task "opens" the item: from then on the sender can no longer pull it
// back. A member of the sending post may claim only to pull back, and only while the item is unopened.
(function () {
  var actor = eoActor();
  var assignee = eoText(task.assignee);
  if (!assignee) return; // released: nobody acts
  if (assignee != actor) eoFail(actor + ' cannot claim this task for ' + assignee + '; each officer claims for themselves');
  var item = eoItem();
  if (eoText(task.taskDefinitionKey) == 'approval') {
    // Only the post the request is addressed to takes up its approval. On ACS the process's starter may
    // claim any of its tasks, and a claim by him would lock the approver out (409 on her claim).
    var approverGroup = eoApproverPost(item);
    if (!eoIsMember(approverGroup, actor)) eoFail(actor + ' does not hold ' + approverGroup + ' and cannot take up this request');
    return;
  }
  var holderGroup = eoText(item.properties['eo:currentHolder']);
  var pullBackBy = eoText(item.properties['eo:pullBackBy']);
  if (eoIsMember(holderGroup, actor)) {
    if (!eoOpened(item)) {
      eoMarkRead(item);
      execution.setVariable('eowf_opened', true);
    }
    return;
  }
  if (pullBackBy && eoIsMember(pullBackBy, actor)) {
    if (eoOpened(item)) eoFail('The recipient has already opened this item; it can no longer be pulled back');
    return;
  }
  eoFail(actor + ' does not hold this item (' + holderGroup + ' does)');
})();
