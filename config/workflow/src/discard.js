// Holder or approval task deleted (runs as admin, after the listener recording the caller). Activiti fires
// `delete` after `complete` on every completion (TaskEntity.complete → TaskEntityManager.deleteTask), and
// on DELETE /processes/{id}, which a real ACS allows the process's starter and every involved user.
// A completion marked itself on the binding (eoCompleting); any other delete of a bound movement strands
// its item, so only an administrator may do it, and it unbinds the item: its holder may start anew.
(function () {
  var actor = eoActor();
  var binding = eoBinding();
  if (!binding) return; // the movement ended in this completion, or was never bound: nothing to keep
  // Left as it is: task ids are never given twice, so the mark cannot pass another task's delete off as a
  // completion, and the next completion overwrites it (one write of the binding per marking, not two).
  if (eoText(binding.properties['eo:completingTask']) == String(task.id)) return;
  var who = people.getPerson(actor);
  if (!who || !people.isAdmin(who))
    eoFail('This item is moving: only an administrator can cancel its movement; its holder acts on its task');
  var id = eoText(binding.properties['eo:boundItem']);
  var item = id ? search.findNode('workspace://SpacesStore/' + id) : null;
  if (item && eoText(item.properties['eo:movementProcess']) == eoProcessId()) eoUnbind(item);
  else binding.remove();
})();
