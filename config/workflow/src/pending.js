// What a post has pending, and giving an officer's claims on it back to the post: shared by a transfer of
// charge (charge.js: the predecessor's claims) and a link officer's period (link.js and linkbegins.js: the
// absent officer's claims, so the link officer can take them up; unlink.js: the link officer's, so the
// returning officer finds them). build.mjs adds this file only to those scripts (SCRIPT_SOURCES).
//
// Opening an item claims its task (assign.js), and a claimed task is no longer offered to the post's
// candidate group: only its assignee can act on it. Posts, not people, hold items (eo:currentHolder names
// the post's group), so whoever now answers for the post finds an item its previous officer had opened
// only once that claim is released.
//
// The items are found by TYPE and exact property matches only, which ACS can answer from its database
// (transactional metadata queries) rather than the search index, and each is checked to sit in the
// department's series trees (Receipts|Files/<year>/<section>/<item>, lib.js eoRegisteredAt), where no officer
// can plant one.

/** Every node a query finds, page after page (the search answers at most a page at a time). */
function eoFindAll(query) {
  var out = [];
  var size = 500;
  for (var skip = 0; ; skip += size) {
    var page = search.query({ query: query, language: 'afts', page: { maxItems: size, skipCount: skip } });
    for (var i = 0; i < page.length; i++) out.push(page[i]);
    if (page.length < size) return out;
  }
}

/** What a post has pending: the items it holds (created, in movement, parked) and those it is asked to approve. */
function eoPostPending(h, group) {
  var lib = eoDepartmentLibrary(h);
  var held = [];
  var approvals = [];
  var seen = {};
  var kinds = ['eo:receipt', 'eo:file'];
  for (var k = 0; k < kinds.length; k++) {
    var found = eoFindAll('TYPE:"' + kinds[k] + '" AND =eo:currentHolder:"' + group + '"');
    for (var i = 0; i < found.length; i++) {
      var status = eoText(found[i].properties['eo:status']);
      if ((status == 'inMovement' || status == 'parked' || status == 'created') && eoRegisteredAt(lib, found[i])) {
        held.push(found[i]);
        seen[String(found[i].id)] = true;
      }
    }
    var asked = eoFindAll('TYPE:"' + kinds[k] + '" AND =eo:approverPost:"' + group + '"');
    for (var j = 0; j < asked.length; j++)
      if (!seen[String(asked[j].id)] && eoText(asked[j].properties['eo:pendingRequest']) && eoRegisteredAt(lib, asked[j])) {
        approvals.push(asked[j]);
        seen[String(asked[j].id)] = true;
      }
  }
  return { held: held, approvals: approvals };
}

/** cm:owner as JscriptWorkflowTask.getProperties keys it (a QNameMap: "{uri}localName"). */
var EO_OWNER_KEY = '{http://www.alfresco.org/model/content/1.0}owner';

/**
 * Releases the item's open movement tasks that `user` had claimed back to their candidates: every one, or
 * with `taskType` only the tasks of that type (JscriptWorkflowTask.getName(): on ACS the task's form key,
 * ActivitiTypeConverter.convert builds the WorkflowTask's name from it; `eowf:holderTask` is the holding
 * post's, `eowf:approvalTask` the approving post's). Returns how many it released.
 *
 * JscriptWorkflowTask.setProperties hands its map to WorkflowService.updateTask, and Activiti's property
 * converter (ActivitiPropertyConverter.setTaskProperties) writes every entry it is given: cm:owner becomes
 * the assignee (TaskService.setAssignee, null unclaims and fires the `assignment` listeners), but every other
 * property of the task type, including those read from process variables, would be saved as a task-local
 * variable and from then on hide the process's value for that task (WorkflowPropertyHandlerRegistry, the
 * default handler). So the map read from getProperties (the only way a sandboxed script gets one) is emptied
 * of everything but cm:owner before it goes back: `for in` lists a ScriptableQNameMap's keys, and `delete`
 * removes one (ScriptableQNameMap.getIds / delete).
 */
function eoReleaseClaims(item, user, taskType) {
  var processId = eoText(item.properties['eo:movementProcess']);
  if (!processId || !user) return 0;
  var instance = workflow.getInstance('activiti$' + processId);
  if (!instance) return 0;
  var released = 0;
  var paths = instance.getPaths();
  for (var p = 0; p < paths.length; p++) {
    var tasks = paths[p].getTasks();
    for (var t = 0; t < tasks.length; t++) {
      if (taskType && eoText(tasks[t].name) != taskType) continue;
      var props = tasks[t].getProperties();
      if (eoText(props['cm:owner']) != user) continue;
      var keys = [];
      for (var key in props) keys.push(String(key));
      for (var k = 0; k < keys.length; k++) if (keys[k] != 'cm:owner' && keys[k] != EO_OWNER_KEY) delete props[keys[k]];
      props['cm:owner'] = null;
      tasks[t].setProperties(props);
      released++;
    }
  }
  return released;
}

/**
 * Gives back to the post every task of its own that `user` had claimed: the holder task of each item it
 * holds, the approval task of each request it is asked to decide. Tasks of other posts in those processes
 * (an approval the item's holder asked of another post, a pull back by the sending post) stay as they are,
 * even when `user` holds that other post too. Returns how many it released.
 */
function eoReleasePostClaims(h, group, user) {
  var found = eoPostPending(h, group);
  var released = 0;
  for (var i = 0; i < found.held.length; i++) released += eoReleasePostItemClaims(found.held[i], group, user, true);
  for (var j = 0; j < found.approvals.length; j++) released += eoReleasePostItemClaims(found.approvals[j], group, user, false);
  return released;
}

/**
 * Gives back to the post the tasks of its own in one item of eoPostPending (`held`: from its `held`, else
 * from its `approvals`) that `user` had claimed: the holder task of an item it holds, the approval task of a
 * request it is asked to decide. The one place that says which of an item's tasks are the post's, for a link
 * officer's period (eoReleasePostClaims) and a transfer of charge (charge.js, which also visits each item).
 */
function eoReleasePostItemClaims(item, group, user, held) {
  if (!held) return eoReleaseClaims(item, user, 'eowf:approvalTask');
  // A request the post is asked to decide about an item it also holds: listed once, with what it holds, and
  // both its tasks there (holder and approval, the only two) are the post's.
  var asked = eoText(item.properties['eo:pendingRequest']) && eoText(item.properties['eo:approverPost']) == group;
  return eoReleaseClaims(item, user, asked ? '' : 'eowf:holderTask');
}
