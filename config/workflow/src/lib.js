// e-Office movement workflow: helpers every listener of eoMovement shares. Plain ES5, so it runs on
// Alfresco's Rhino and on the local repository's V8 alike. build.mjs puts the compiled channel rules
// (eoDomain.mayMark, eoDomain.routeDown from projects/eoffice/src/lib/domain/hierarchy.ts) in front of it.
// Listeners run as the repository administrator (runAs): they set permissions and owners no officer
// may set. Nothing a caller can write is authority (docs/workflow-scripts.md, "Trust"): on ACS the starter
// and every involved user may set task.assignee, any variable and the package through the REST API. So:
// who acted comes from the listener without runAs that precedes each admin one and records the caller
// (eoActor); the item comes from the process's binding node (eoItem); custody state (holder, who may pull
// back, where to send back, a pending request) lives on the item, which only these scripts write.
//
// Values from Java reach the script the way Rhino wraps them (docs/workflow-scripts.md, Script runtime):
// execution.getVariable, task.getVariableLocal, task.assignee, node.name … give java.lang objects, not JS
// values. A java.lang.Boolean holding false is an object and so truthy; a java.lang.String is never
// === '' and its `length` is a method. So every value is read through eoVar / eoBool / eoTaskVar, which
// turn it into a JS string or boolean first, and compared with == only after String(). Alfresco binds
// `execution` for task listeners too (ScriptTaskListener: the task's execution).

var EO_HIERARCHY_PATH = 'Data Dictionary/eOffice/hierarchy.json';

function eoFail(message) {
  throw new Error(message);
}

/** The hierarchy, read once per script run (each run starts with a fresh scope, so never a stale one). */
var eoHierarchyRead = null;

function eoHierarchy() {
  if (eoHierarchyRead) return eoHierarchyRead;
  var node = companyhome.childByNamePath(EO_HIERARCHY_PATH);
  if (!node) eoFail('The department hierarchy ' + EO_HIERARCHY_PATH + ' is missing: run npx eoffice install');
  eoHierarchyRead = JSON.parse(String(node.content));
  return eoHierarchyRead;
}

/** A property, variable or Java value as a JS string; '' for none (callers treat '' as absent). */
function eoText(v) {
  return v === null || v === undefined ? '' : String(v);
}

/**
 * Who acted: the caller recorded by the listener without runAs that runs just before this one in the same
 * event (Alfresco's ActivitiScriptBase binds `person` to the fully authenticated caller there). Read once
 * and removed, so no value survives to be read by a later event.
 */
function eoActor() {
  var who = eoText(execution.getVariable('eowf_actor'));
  execution.removeVariable('eowf_actor');
  if (!who) eoFail('Who acted is unknown: the listener recording the caller must run before this one');
  return who;
}

var EO_BINDINGS_PATH = 'Data Dictionary/eOffice/Movements';

function eoProcessId() {
  return String(execution.processInstanceId);
}

/** The node binding this process to its item; null once the movement ended or was cancelled. */
function eoBinding() {
  return companyhome.childByNamePath(EO_BINDINGS_PATH + '/' + eoProcessId());
}

/**
 * The one receipt or file the starter put in the package (only at start: later the package is not trusted).
 * `what` opens the refusal: 'A movement carries' (eoMovement), 'Registration takes' (eoRegister).
 */
function eoPackageItem(what) {
  var items = bpm_package.children;
  if (items.length != 1) eoFail(what + ' exactly one receipt or file; this one has ' + items.length + ' items');
  var item = items[0];
  if (!item.isSubType('eo:receipt') && !item.isSubType('eo:file')) eoFail(item.name + ' is neither an e-Office receipt nor a file');
  return item;
}

/**
 * Binds the item to this process: a node named by the process id under Data Dictionary/eOffice/Movements
 * (no officer writes there) names the item, and the item names the process. An item bound to another
 * process is refused: it is moving already.
 */
function eoBind(item) {
  var bound = eoText(item.properties['eo:movementProcess']);
  if (bound && bound != eoProcessId()) eoFail(eoLabel(item) + ' is already moving; act on its task instead');
  var dictionary = companyhome.childByNamePath('Data Dictionary/eOffice');
  if (!dictionary) eoFail('Data Dictionary/eOffice is missing: run npx eoffice install');
  var folder = dictionary.childByNamePath('Movements');
  if (!folder) folder = eoAdminMade(dictionary.createFolder('Movements'));
  var binding = eoAdminMade(folder.createNode(eoProcessId(), 'cm:content', {}));
  binding.addAspect('eo:movementBinding', { 'eo:boundItem': String(item.id) });
  item.properties['eo:movementProcess'] = eoProcessId();
  item.save();
}

/**
 * The receipt or file this movement carries, from its binding, never from the package: whoever may work
 * with the process may add and remove package items, so items found there are ignored.
 */
function eoItem() {
  var binding = eoBinding();
  if (!binding) eoFail('This movement carries no item any more (it was ended or cancelled)');
  var id = eoText(binding.properties['eo:boundItem']);
  var item = id ? search.findNode('workspace://SpacesStore/' + id) : null;
  if (!item || eoText(item.properties['eo:movementProcess']) != eoProcessId())
    eoFail('The item of this movement is bound to another movement');
  return item;
}

/** The post group asked to approve the request waiting on the item (eo:pendingApprover for requests made before eo:approverPost). */
function eoApproverPost(item) {
  return eoText(item.properties['eo:approverPost']) || eoText(item.properties['eo:pendingApprover']);
}

/** Ends the binding (the process ends, or an administrator cancelled it): the holder may start a new movement. */
function eoUnbind(item) {
  var props = { 'eo:movementProcess': null, 'eo:pullBackBy': null, 'eo:pendingRequest': null, 'eo:pendingRequester': null };
  props['eo:pendingApprover'] = null;
  props['eo:approverPost'] = null;
  props['eo:pendingRemarks'] = null;
  props['eo:pendingSince'] = null;
  eoCustody(item, props);
  var binding = eoBinding();
  if (binding) binding.remove();
}

/**
 * Marks the task being completed on the binding, so that its `delete` listener (Activiti fires `delete`
 * after `complete`, TaskEntity.complete → TaskEntityManager.deleteTask) can tell completion from a
 * process deleted through the REST API.
 */
function eoCompleting() {
  var binding = eoBinding();
  if (!binding) return;
  binding.properties['eo:completingTask'] = String(task.id);
  binding.save();
}

function eoLabel(item) {
  var number = item.properties['eo:receiptNumber'] || item.properties['eo:fileNumber'] || item.name;
  var subject = item.properties['eo:subject'] || '';
  return number + (subject ? ' - ' + subject : '');
}

function eoGroupOf(h, post) {
  return 'GROUP_EO_' + h.department.code + '_' + post;
}

/** Accepts a post code (SO_EST) or its group id (GROUP_EO_GAD_SO_EST); gives the post or fails. */
function eoPost(h, codeOrGroup) {
  var text = String(codeOrGroup || '');
  var prefix = 'GROUP_EO_' + h.department.code + '_';
  var code = text.indexOf(prefix) == 0 ? text.substring(prefix.length) : text;
  for (var i = 0; i < h.posts.length; i++) if (h.posts[i].code == code) return h.posts[i];
  eoFail('Unknown post ' + text + ' in department ' + h.department.code);
  return null;
}

function eoTitle(h, post) {
  var section = null;
  for (var i = 0; i < h.sections.length; i++) if (h.sections[i].code == post.section) section = h.sections[i];
  return section ? post.designation.en + ' (' + section.name.en + ')' : post.designation.en;
}

function eoIsMember(group, userName) {
  if (!group || !userName) return false;
  var g = people.getGroup(group);
  if (!g) return false;
  var members = people.getMembers(g, true);
  // A link officer's membership holds only until his link's last day (links.js).
  for (var i = 0; i < members.length; i++)
    if (String(members[i].properties.userName) == String(userName)) return eoLinkAllows(group, userName);
  return false;
}

/** A process variable as a JS string; '' when it is not set. */
function eoVar(name) {
  var v = execution.getVariable(name);
  return v === null || v === undefined ? '' : String(v);
}

/** A process flag as a JS boolean: a java.lang.Boolean FALSE is truthy, its text is 'false'. */
function eoBool(name) {
  return String(execution.getVariable(name)) == 'true';
}

/**
 * A value the client sent when completing the task (scope local), as it came from Java (a wrapped String or
 * Date), or null when it is missing or empty. Process variables of the same name are never read: anyone
 * involved may plant them; the client sends every input ('' when unused), overwriting what others set.
 */
function eoTaskValue(name) {
  var v = task.getVariableLocal(name);
  return v === null || v === undefined || String(v) == '' ? null : v;
}

/** eoTaskValue as a JS string (or null). */
function eoTaskVar(name) {
  var v = eoTaskValue(name);
  return v === null ? null : String(v);
}

/** A JS Date from a java.util.Date (d:date variables), a JS Date or ISO text; null for none. */
function eoDate(v) {
  if (v === null || v === undefined || String(v) == '') return null;
  if (typeof v.getTime == 'function') return new Date(Number(v.getTime()));
  var d = new Date(String(v));
  if (isNaN(d.getTime())) eoFail('Not a date: ' + v);
  return d;
}

/** True when `candidate` is `post` or a post it reports to, directly or through others. */
function eoOnReportingLine(h, post, candidate) {
  var p = post;
  for (var guard = 0; p && guard <= h.posts.length; guard++) {
    if (p.code == candidate.code) return true;
    p = p.reportsTo ? eoPost(h, p.reportsTo) : null;
  }
  return false;
}

/**
 * The post to approve `post`'s request: `asked` (a post code or group) when given, which must be on its
 * reporting line at Section Officer level or above; else the nearest such post.
 */
function eoApproverOf(h, post, asked, what) {
  var approver = asked ? eoPost(h, asked) : eoApproverFor(h, post);
  if (approver.level < 2)
    eoFail(what + ' needs the approval of a Section Officer or above; ' + eoTitle(h, approver) + ' cannot approve it');
  if (!eoOnReportingLine(h, post, approver))
    eoFail(eoTitle(h, approver) + ' is not on the reporting line of ' + eoTitle(h, post) + ' and cannot approve it');
  return approver;
}

/** Nearest post at Section Officer level (2) or above on `post`'s reporting line, itself included. */
function eoApproverFor(h, post) {
  var p = post;
  for (var guard = 0; p && guard < h.posts.length; guard++) {
    if (p.level >= 2) return p;
    p = p.reportsTo ? eoPost(h, p.reportsTo) : null;
  }
  eoFail('No Section Officer or higher post above ' + eoTitle(h, post) + ' to approve');
  return null;
}

/** The department's document library; its series folders (Receipts|Files) are where registered items live. */
function eoDepartmentLibrary(h) {
  var lib = companyhome.childByNamePath('Sites/' + eoDomain.departmentSite(h) + '/documentLibrary');
  if (!lib) eoFail('The department site ' + eoDomain.departmentSite(h) + ' is missing: run npx eoffice install');
  return lib;
}

/**
 * Whether `item` is a registered receipt or file: exactly at <library>/<Receipts|Files>/<year>/<section>/<item>
 * of the department's document library `lib`, where only the registration workflow puts items (the series
 * folders are read-only to officers), so no officer can plant one there.
 */
function eoRegisteredAt(lib, item) {
  var series = item.isSubType('eo:file') ? eoDomain.FOLDERS.files : eoDomain.FOLDERS.receipts;
  var section = item.parent;
  var year = section ? section.parent : null;
  var top = year ? year.parent : null;
  return !!(top && String(top.name) == series && top.parent && String(top.parent.id) == String(lib.id));
}

// ------------------------------------------------------------------ permissions

/**
 * The authorities with a permission set on the node itself ("ALLOWED;GROUP_x;Consumer" entries). Not
 * `node.permissions`: that lists the inherited entries too (the site's groups), and copying those onto the
 * item would let the whole department read it.
 */
function eoAuthorities(node) {
  var out = [];
  var perms = node.directPermissions;
  for (var i = 0; i < perms.length; i++) {
    var who = String(perms[i]).split(';')[1];
    if (who && out.indexOf(who) < 0) out.push(who);
  }
  return out;
}

/**
 * Makes `node`'s local ACL exactly: Consumer for each of `readers`, Collaborator for `writer` (may be null).
 * What is missing is added before what goes is removed, and an entry already there is not set again: the
 * node keeps entries of its own throughout, so its ACL is not dropped for the parent's and made afresh on
 * every hand-over (each a rewrite of the ACL below it), and a hand-over writes only what changes.
 */
function eoSetAcl(node, writer, readers) {
  if (node.inheritsPermissions()) node.setInheritsPermissions(false);
  var perms = node.directPermissions;
  var present = {};
  var drop = [];
  for (var i = 0; i < perms.length; i++) {
    var parts = String(perms[i]).split(';');
    var keep =
      parts[0] == 'ALLOWED' &&
      ((parts[1] == writer && parts[2] == 'Collaborator') ||
        (parts[1] != writer && parts[2] == 'Consumer' && readers.indexOf(parts[1]) >= 0));
    if (keep) present[parts[2] + ';' + parts[1]] = true;
    else drop.push(parts);
  }
  for (var j = 0; j < readers.length; j++)
    if (readers[j] != writer && !present['Consumer;' + readers[j]]) node.setPermission('Consumer', readers[j]);
  if (writer && !present['Collaborator;' + writer]) node.setPermission('Collaborator', writer);
  for (var k = 0; k < drop.length; k++) node.removePermission(drop[k][2], drop[k][1]);
}

function eoFolder(item, name) {
  var f = item.childByNamePath(name);
  return f ? f : eoAdminMade(item.createFolder(name));
}

/**
 * `node`, just made by this run-as-administrator script, owned by the administrator. On ACS a listener's runAs
 * changes only the run-as user (AuthenticationUtil.runAs): cm:creator is the fully authenticated officer who
 * acted (AuditablePropertiesEntity.setAuditValues), and so is the owner (OwnableServiceImpl.getOwner falls
 * back to cm:creator), who holds FullControl over it (permissionDefinitions.xml, ROLE_OWNER) whatever its ACL.
 */
function eoAdminMade(node) {
  node.setOwner(String(person.properties.userName));
  return node;
}

/**
 * `props` for a node this run-as-administrator script is about to make with them, naming the administrator its
 * owner (cm:owner): the node is his from the start, as eoAdminMade makes it after, without a second write of
 * the node (ACS adds cm:ownable for the property, DbNodeServiceImpl.getMissingAspects; createNode asks only
 * CreateChildren). For the nodes made on every marking: its movement record and its notices.
 */
function eoAdminOwned(props) {
  props['cm:owner'] = String(person.properties.userName);
  return props;
}

/**
 * The folders inside an item where its holder works. The item itself is read-only to every officer (its
 * number, name, custody and status are the workflow's): a Collaborator on it could rewrite any of them
 * through PUT /nodes, since ACS has no per-property permission.
 */
function eoWorkingFolders(item) {
  return item.isSubType('eo:file') ? ['Notes', 'Correspondence', 'Drafts', 'Signatures', eoDomain.ARCHIVE_FOLDER] : ['Replies'];
}

/**
 * Folders the holder reads only: a file's Dispatches/, where eoRegister alone puts issued letters (register.js
 * regIssue checks the approval and its signature first). A file handed over before that rule keeps a
 * Collaborator entry there until its next hand-over, which takes it away (eoGrantWork).
 */
function eoReadOnlyFolders(item) {
  return item.isSubType('eo:file') ? ['Dispatches'] : [];
}

/**
 * Write for `writer` (a post's group; null: nobody) in the item's working folders, and for no other post:
 * each folder keeps inheriting the item's readers and carries at most one Collaborator entry of its own.
 */
function eoGrantWork(item, writer) {
  var names = eoWorkingFolders(item);
  for (var n = 0; n < names.length; n++) {
    var folder = eoFolder(item, names[n]);
    if (!folder.inheritsPermissions()) folder.setInheritsPermissions(true);
    var perms = folder.directPermissions;
    var has = false;
    var drop = [];
    for (var i = 0; i < perms.length; i++) {
      var parts = String(perms[i]).split(';');
      if (parts[0] == 'ALLOWED' && parts[1] == writer && parts[2] == 'Collaborator') has = true;
      else drop.push(parts);
    }
    // The new writer first (see eoSetAcl): the folder's own ACL is kept, not dropped and made again.
    if (writer && !has) folder.setPermission('Collaborator', writer);
    for (var k = 0; k < drop.length; k++) folder.removePermission(drop[k][2], drop[k][1]);
  }
  var readOnly = eoReadOnlyFolders(item);
  for (var r = 0; r < readOnly.length; r++) {
    var ro = item.childByNamePath(readOnly[r]);
    if (!ro) continue;
    if (!ro.inheritsPermissions()) ro.setInheritsPermissions(true);
    var entries = ro.directPermissions;
    for (var e = 0; e < entries.length; e++) {
      var entry = String(entries[e]).split(';');
      ro.removePermission(entry[2], entry[1]);
    }
  }
}

/**
 * Hands the item to `holderGroup`: read for it and everyone who held it before (minus `drop`), write in
 * the working folders for it only, the movement history read-only for all of them, green notes read-only
 * for all of them, a yellow note no longer its author's once his post has passed the file on.
 */
function eoHandOver(item, holderGroup, extraReader, drop, freeze) {
  var readers = [];
  var before = eoAuthorities(item);
  for (var i = 0; i < before.length; i++) if (before[i] != drop && before[i] != holderGroup) readers.push(before[i]);
  if (extraReader && readers.indexOf(extraReader) < 0 && extraReader != holderGroup) readers.push(extraReader);
  // The department's oversight (Joint Secretary and above) reads everything: pendency at the top.
  var oversight = eoDomain.oversightGroup(eoHierarchy());
  if (readers.indexOf(oversight) < 0 && oversight != holderGroup) readers.push(oversight);
  var all = readers.concat([holderGroup]);
  eoSetAcl(item, null, all);
  // A closed item is read-only to all, its post included, until it is reopened.
  eoGrantWork(item, eoText(item.properties['eo:status']) == 'closed' ? null : holderGroup);
  eoSetAcl(eoFolder(item, 'Movements'), null, all);
  var ags = item.isSubType('eo:file') && eoAgs();
  eoDisownContents(item, ags);
  // A draft whose approval a hand-over sealed (eoSealApprovals) has an ACL of its own: read-only, for the readers.
  var drafts = eoChildrenOf(item, 'Drafts');
  for (var s = 0; s < drafts.length; s++)
    if (!drafts[s].inheritsPermissions() && !eoIsRecord(drafts[s], ags)) eoSetAcl(drafts[s], null, all);
  var notes = item.childByNamePath('Notes');
  if (notes) {
    var list = notes.children;
    var me = String(person.properties.userName);
    var frozen = eoFrozenNotes(item);
    for (var n = 0; n < list.length; n++) {
      var note = list[n];
      // A note kept as a record is Governance Services' (it reads as it did when it was declared).
      if (eoIsRecord(note, ags)) continue;
      if (note.properties['eo:noteColour'] != 'green') {
        // A yellow (draft) note is its author's while his post holds the file. Once it has moved on, the
        // run-as administrator takes it over as it does drafts (eoDisownContents): an owner keeps full
        // rights whatever the ACL says, so otherwise the earlier holder could still rewrite or delete it.
        // Its rights then come from the Notes folder: the post holding the file edits it, the rest read it.
        var author = String(note.getOwner());
        if (author != me && !eoIsMember(holderGroup, author)) note.setOwner(me);
        continue;
      }
      // Until the file leaves his post a green note stays its author's to amend (his client signs it again).
      // Frozen means named in the file's ledger (eoFrozenNotes), not merely dated or the administrator's:
      // its author may write both on his own note, and a planted one must be frozen (and checked) as any.
      if (!frozen.has(note)) {
        if (!freeze) {
          // Still its author's (he owns it; confirming took write away from his post, note.model.ts
          // confirmedNotePermissions): the readers follow the file, nobody else writes it.
          eoSetAcl(note, null, all);
          continue;
        }
        note.properties['eo:noteFrozenAt'] = new Date();
        note.save();
        if (String(note.getOwner()) != me) note.setOwner(me);
        frozen.add(note);
      }
      eoSetAcl(note, null, all);
    }
    frozen.save();
  }
  eoSealSignatures(item, all, freeze);
}

/**
 * The notes' digital signatures (eo:signature in Signatures/, docs/signatures.md) go as their notes do: each
 * is read-only to every post from the start (its signer stores it so), stays its signer's while his post
 * holds the file, and is taken over by the run-as administrator when the file is sent on, so that nobody
 * may change it afterwards (and sys:undeletable keeps anyone from deleting it).
 */
function eoSealSignatures(item, all, freeze) {
  var folder = item.isSubType('eo:file') ? item.childByNamePath('Signatures') : null;
  if (!folder) return;
  var me = String(person.properties.userName);
  var list = folder.children;
  for (var i = 0; i < list.length; i++) {
    if (freeze && String(list[i].getOwner()) != me) list[i].setOwner(me);
    eoSetAcl(list[i], null, all);
  }
}

/**
 * The green notes of a file that a send has frozen. The file's ledger (eo:frozenNotes, the notes' ids) says
 * which: eoHandOver writes it as it freezes them, on the file, which no officer writes (registration clears
 * whatever its creator put there). A note's own date (eo:noteFrozenAt) and owner prove nothing: its author
 * writes the first, and may make the second the administrator by creating the note with cm:owner (ACS's
 * createNode asks only CreateChildren) or by giving his note away. Notes frozen before the ledger was kept
 * (created before the upgrade that brought it, `npx eoffice install` recording when in upgrades.json) count
 * when dated and the administrator's, as they did then: cm:created is the repository's, no client writes it.
 * `add` and `save` record what a send freezes; `save` writes the file only when something was added.
 */
function eoFrozenNotes(item) {
  var ids = {};
  var ledger = item.properties['eo:frozenNotes'] || [];
  for (var i = 0; i < ledger.length; i++) ids[String(ledger[i])] = true;
  var added = [];
  var since;
  var me = String(person.properties.userName);
  var legacy = function (note) {
    if (!note.properties['eo:noteFrozenAt'] || String(note.getOwner()) != me) return false;
    if (since === undefined) since = eoLedgerSince();
    var created = note.properties['cm:created'];
    return since !== null && !!created && created.getTime() < since;
  };
  return {
    has: function (note) {
      return ids[String(note.id)] === true || legacy(note);
    },
    add: function (note) {
      ids[String(note.id)] = true;
      added.push(String(note.id));
    },
    save: function () {
      if (!added.length) return;
      var all = [];
      for (var j = 0; j < ledger.length; j++) all.push(String(ledger[j]));
      ledger = all.concat(added);
      item.properties['eo:frozenNotes'] = ledger;
      item.save();
      added = [];
    }
  };
}

/**
 * When the ledger of frozen notes began (ms), from Data Dictionary/eOffice/upgrades.json, which install
 * writes once and only administrators write; null where it is missing (no note then counts as frozen
 * unless the ledger names it).
 */
function eoLedgerSince() {
  var node = companyhome.childByNamePath('Data Dictionary/eOffice/upgrades.json');
  if (!node) return null;
  var since = Date.parse(String(JSON.parse(String(node.content)).frozenNoteLedgerSince));
  return isNaN(since) ? null : since;
}

/**
 * The department's rule "signed green notes" (hierarchy.json signatures.requireSignedNotes): the numbers of
 * the file's green notes that this send would freeze (not frozen yet) and that lack their signer's digital
 * signature of their current version. A signature counts when it is an eo:signature in the file's
 * Signatures/ folder naming the note and its version label, stored by the officer the note names as its
 * signer (cm:creator, which the repository writes): a colleague cannot sign for him. The script does not
 * check the cryptography (a sandboxed script has no crypto); the notesheet and `npx eoffice verify` do.
 */
function eoUnsignedNotes(h, item) {
  if (!h.signatures || h.signatures.requireSignedNotes !== true || !item.isSubType('eo:file')) return [];
  var notes = item.childByNamePath('Notes');
  if (!notes) return [];
  var folder = item.childByNamePath('Signatures');
  var signatures = folder ? folder.children : [];
  var missing = [];
  var frozen = eoFrozenNotes(item);
  var ags = eoAgs();
  var list = notes.children;
  for (var n = 0; n < list.length; n++) {
    var note = list[n];
    if (!note.isSubType('eo:note') || note.properties['eo:noteColour'] != 'green' || eoIsRecord(note, ags)) continue;
    // Frozen by an earlier send: the file's ledger says so, never the note's own date or owner (eoFrozenNotes).
    if (frozen.has(note)) continue;
    var noteId = String(note.id);
    var version = eoText(note.properties['cm:versionLabel']);
    var signer = eoText(note.properties['eo:signedByUser']).toLowerCase();
    var signed = false;
    for (var i = 0; i < signatures.length && !signed; i++) {
      var s = signatures[i];
      var of = s.properties['eo:signatureOf'];
      signed =
        s.isSubType('eo:signature') &&
        !!of &&
        // A d:noderef property reads as a ScriptNode: compared by id (its toString is a debug text on ACS).
        String(of.id) == noteId &&
        eoText(s.properties['eo:signedVersion']) == version &&
        !!signer &&
        eoText(s.properties['cm:creator']).toLowerCase() == signer &&
        s.size > 0;
    }
    if (!signed) missing.push(eoText(note.properties['eo:noteNumber']) || note.name);
  }
  return missing;
}

/**
 * The department's rule "signed approvals" (hierarchy.json signatures.requireSignedApprovals): the issue
 * numbers of the letters issued while this post held the file (eo:dispatch in Dispatches/ not yet taken over
 * by the run-as administrator, which every hand-over does: eoDisownContents) whose draft's approval lacks its
 * approver's digital signature of the version approved. The approval counts when the letter names a draft of
 * this file (eo:fromDraft) approved (eo:approvedVersion, eo:approvedBy: a post of Section Officer level or
 * above, and eo:approvedByUser, an officer holding it) and Signatures/ holds an eo:signature of that draft in
 * the approval form, naming that version and that post, not empty, stored by that officer (cm:creator, which
 * the repository writes: neither a colleague nor the issuer below can sign for the approver). As for notes, the script
 * checks presence and binding, not the cryptography (the drafts panel and the correspondence do).
 */
function eoUnsignedApprovals(h, item) {
  if (!eoSignedApprovalsRequired(h) || !item.isSubType('eo:file')) return [];
  var dispatches = item.childByNamePath('Dispatches');
  if (!dispatches) return [];
  var me = String(person.properties.userName);
  var drafts = eoChildrenOf(item, 'Drafts');
  var signatures = eoChildrenOf(item, 'Signatures');
  var missing = [];
  var list = dispatches.children;
  for (var n = 0; n < list.length; n++) {
    var letter = list[n];
    if (!letter.isSubType('eo:dispatch') || String(letter.getOwner()) == me) continue;
    if (!eoApprovalSigned(h, letter, drafts, signatures, item)) missing.push(eoText(letter.properties['eo:issueNumber']) || letter.name);
  }
  return missing;
}

function eoSignedApprovalsRequired(h) {
  return !!h.signatures && h.signatures.requireSignedApprovals === true;
}

function eoChildrenOf(item, name) {
  var folder = item.childByNamePath(name);
  return folder ? folder.children : [];
}

/**
 * The same rule for one letter of `file` about to be dispatched by the Central Registry (register.js,
 * regDispatch): whether the department requires a signed approval and this letter lacks one. Whoever issued
 * it and whenever, since the CRU's dispatch is what sends it out.
 */
function eoLetterUnsigned(h, file, letter) {
  return eoSignedApprovalsRequired(h) && !eoApprovalSigned(h, letter, eoChildrenOf(file, 'Drafts'), eoChildrenOf(file, 'Signatures'));
}

/** The canonical form an approver signs (note-canonical.ts APPROVAL_SIGNATURE_FORMAT). */
var EO_APPROVAL_FORM = 'eoffice-draft-approval/1';

function eoApprovalSigned(h, letter, drafts, signatures, heldBy) {
  var ref = letter.properties['eo:fromDraft'];
  if (!ref) return false;
  // A d:noderef property reads as a ScriptNode (compared by id); the draft must be one of this file's.
  var draftId = String(ref.id);
  var draft = null;
  for (var d = 0; d < drafts.length && !draft; d++)
    if (String(drafts[d].id) == draftId && drafts[d].isSubType('eo:draft')) draft = drafts[d];
  if (!draft) return false;
  // At a hand-over (`heldBy`, the file): only a real approval, sealed or the handing-over post's own.
  if (heldBy && !eoApprovalReal(h, heldBy, draft, eoText(heldBy.properties['eo:currentHolder']), false)) return false;
  return eoDraftApprovalSigned(h, draft, signatures);
}

/**
 * What a draft says of its approval (eo:approvedVersion, eo:approvedBy: a post of Section Officer level or above,
 * eo:approvedByUser: an officer, with `memberNow` one holding that post now), or null when it names none that
 * could be one. Words only: any Collaborator on Drafts/ writes them (ACS has no per-property permission);
 * eoApprovalReal says whether they count. A sealed approval stays one after its officer has left the post.
 */
function eoApprovalOf(h, draft, memberNow) {
  var version = eoText(draft.properties['eo:approvedVersion']);
  var post = eoText(draft.properties['eo:approvedBy']);
  var user = eoText(draft.properties['eo:approvedByUser']).toLowerCase();
  if (!version || !post || !user || (memberNow && !eoIsMember(post, user))) return null;
  var approver = null;
  for (var p = 0; p < h.posts.length; p++) if (eoGroupOf(h, h.posts[p].code) == post) approver = h.posts[p];
  return approver && approver.level >= 2 ? { version: version, post: post, user: user } : null;
}

/** How a hand-over records an approval it sealed (eo:movementSealedApprovals): draft id, version, post, officer. */
function eoApprovalSeal(draft, a) {
  return [String(draft.id), a.version, a.post, a.user].join('|');
}

/**
 * Whether the file's Movements/ records `a` as sealed: a hand-over by the approving post wrote it on its
 * eo:movement (eoSealApprovals). Movements/ and its records are the administrator's, read-only to every post
 * (eoHandOver, eoTakeOwnership), so no officer can plant one; a draft's own properties could be.
 */
function eoApprovalSealed(file, draft, a) {
  var seal = eoApprovalSeal(draft, a);
  var list = eoChildrenOf(file, 'Movements');
  for (var i = list.length - 1; i >= 0; i--) {
    var sealed = list[i].properties['eo:movementSealedApprovals'];
    if (sealed) for (var k = 0; k < sealed.length; k++) if (String(sealed[k]) == seal) return true;
  }
  return false;
}

/** Whether the draft's last writer (cm:modifier, which the repository writes, never the caller) holds the post `a` names. */
function eoApprovalWrittenByPost(draft, a) {
  var writer = eoText(draft.properties['cm:modifier']);
  return !!writer && eoIsMember(a.post, writer);
}

/**
 * A real approval of `draft` (one of `file`'s), the one notion regIssue and the hand-over checks share: well formed
 * (eoApprovalOf) and either sealed by the approving post's hand-over (eoApprovalSealed) or made by `post`, the
 * post acting now, itself (the approving post issuing while it still holds the file). With `writerChecked` the
 * draft's last writer must hold that post too: an approval a lower post wrote in its name is neither (issuing
 * rewrites the draft, making the issuing officer its modifier on ACS, so the hand-over after an issue checks the post only).
 */
function eoApprovalReal(h, file, draft, post, writerChecked) {
  var a = eoApprovalOf(h, draft, false);
  if (!a) return null;
  if (eoApprovalSealed(file, draft, a)) return a;
  if (a.post != post || (writerChecked && !eoApprovalWrittenByPost(draft, a))) return null;
  return a;
}

/**
 * At a hand-over of a file by `holderGroup` (send, send back, close: complete.js), the approvals that post made
 * while holding it: each draft approved (eo:draftStatus approved) by this post, in its current version, whose last
 * writer (cm:modifier) holds this post, is sealed: taken over by the run-as administrator and made
 * read-only to every post (eoHandOver keeps it so), its seal answered for the hand-over's movement record.
 * (The last writer is read before the draft is taken over: on ACS that write names the officer handing over as
 * its modifier, the fully authenticated user, not the run-as administrator: AuditablePropertiesEntity.)
 * An approval naming another post (written by someone else) is left unsealed, and never counts (eoApprovalReal).
 */
function eoSealApprovals(h, item, holderGroup) {
  var seals = [];
  if (!item.isSubType('eo:file')) return seals;
  var me = String(person.properties.userName);
  var readers = eoAuthorities(item);
  var list = eoChildrenOf(item, 'Drafts');
  for (var i = 0; i < list.length; i++) {
    var draft = list[i];
    if (!draft.isSubType('eo:draft') || eoText(draft.properties['eo:draftStatus']) != 'approved') continue;
    var a = eoApprovalOf(h, draft, true);
    if (!a || a.post != holderGroup || eoText(draft.properties['cm:versionLabel']) != a.version) continue;
    if (!eoApprovalWrittenByPost(draft, a) || eoApprovalSealed(item, draft, a)) continue;
    if (String(draft.getOwner()) != me) draft.setOwner(me);
    eoSetAcl(draft, null, readers);
    seals.push(eoApprovalSeal(draft, a));
  }
  return seals;
}

/** Whether `draft` (one of the file's) carries its approver's signature of the version approved (register.js regIssue too). */
function eoDraftApprovalSigned(h, draft, signatures) {
  var draftId = String(draft.id);
  var a = eoApprovalOf(h, draft, true);
  if (!a) return false;
  var version = a.version;
  var post = a.post;
  var approverUser = a.user;
  for (var i = 0; i < signatures.length; i++) {
    var s = signatures[i];
    var of = s.properties['eo:signatureOf'];
    if (
      s.isSubType('eo:signature') &&
      !!of &&
      String(of.id) == draftId &&
      eoText(s.properties['eo:signatureForm']) == EO_APPROVAL_FORM &&
      eoText(s.properties['eo:signedVersion']) == version &&
      eoText(s.properties['eo:signerPost']) == post &&
      s.size > 0 &&
      eoText(s.properties['cm:creator']).toLowerCase() == approverUser
    )
      return true;
  }
  return false;
}

/**
 * Whoever wrote a draft, dispatch or office copy owns it, and an owner keeps full rights whatever the ACL
 * says: on every hand-over the run-as administrator takes those over, so only the post now holding the
 * file can change them (through the file's ACL). Notes are left to eoHandOver: green ones are frozen, and a
 * yellow note stays its author's to edit or discard only while his post holds the file.
 */
function eoDisownContents(item, ags) {
  var me = String(person.properties.userName);
  var folders = ['Drafts', 'Dispatches', 'Correspondence', 'Replies'];
  for (var f = 0; f < folders.length; f++) {
    var folder = item.childByNamePath(folders[f]);
    if (!folder) continue;
    var list = folder.children;
    // Records have no owner (AGS takes it away when they are made); they are left as they are.
    for (var i = 0; i < list.length; i++) {
      if (eoIsRecord(list[i], ags)) continue;
      if (String(list[i].getOwner()) != me) list[i].setOwner(me);
      if (folders[f] == 'Dispatches' && list[i].isSubType('eo:dispatch')) eoReadOnlyLetter(list[i]);
    }
  }
}

/**
 * A letter is only read by those its writer opened it to (the Central Registry's posts): it becomes Issued &
 * Dispatched only through eoRegister's dispatch (register.js regDispatch), which checks its approval's
 * signature. A writer may have granted more (an earlier client granted Collaborator, or one by hand): each
 * such entry becomes Consumer when the file is handed over.
 */
function eoReadOnlyLetter(letter) {
  var perms = letter.directPermissions;
  for (var i = 0; i < perms.length; i++) {
    var parts = String(perms[i]).split(';');
    if (parts[0] != 'ALLOWED' || parts[2] == 'Consumer') continue;
    letter.setPermission('Consumer', parts[1]);
    letter.removePermission(parts[2], parts[1]);
  }
}

/** The run-as administrator owns the item and its folders, so no creator keeps owner's rights. */
function eoTakeOwnership(item) {
  var me = String(person.properties.userName);
  item.setOwner(me);
  var children = item.children;
  for (var i = 0; i < children.length; i++) if (children[i].isContainer || item.isSubType('eo:receipt')) children[i].setOwner(me);
}

// ------------------------------------------------------------------ movement history

/**
 * The sequence of the item's latest movement. eo:lastMovement, which eoRecord keeps, where Movements/ agrees
 * (that movement is there, the next is not); otherwise the highest name there: an item moved before the
 * property was kept, or one whose history an administrator changed.
 */
function eoLastMovement(item, folder) {
  var kept = item.properties['eo:lastMovement'];
  var n = kept === null || kept === undefined ? NaN : parseInt(String(kept), 10);
  if (!isNaN(n) && n > 0 && folder.childByNamePath(utils.pad(String(n), 6)) && !folder.childByNamePath(utils.pad(String(n + 1), 6)))
    return n;
  var last = 0;
  var children = folder.children;
  for (var i = 0; i < children.length; i++) {
    var seq = parseInt(children[i].name, 10);
    if (!isNaN(seq) && seq > last) last = seq;
  }
  return last;
}

/**
 * Appends an eo:movement to the item's Movements/ folder, named by its sequence (000001 …), and keeps that
 * sequence on the item (eo:lastMovement): a long history is not listed again on every movement. With
 * `m.custodyNext` the caller writes the item's custody next (eoCustody), which saves that sequence with it:
 * one write of the item, not two.
 */
function eoRecord(item, m) {
  eoLatestToHolderRead = {};
  var folder = eoFolder(item, 'Movements');
  var seq = eoLastMovement(item, folder) + 1;
  var props = {
    'eo:movementSequence': seq,
    'eo:movementAction': m.action,
    'eo:movementFrom': m.from,
    'eo:movementFromUser': m.fromUser,
    'eo:movementTo': m.to,
    'eo:movementAt': new Date()
  };
  if (m.remarks) props['eo:movementRemarks'] = String(m.remarks);
  if (m.due) props['eo:movementDue'] = m.due;
  if (m.jumped && m.jumped.length) props['eo:movementJumped'] = m.jumped;
  if (m.sealed && m.sealed.length) props['eo:movementSealedApprovals'] = m.sealed;
  var forUser = eoLinkFor(m.fromUser);
  if (forUser) props['eo:movementForUser'] = forUser;
  var made = folder.createNode(utils.pad(String(seq), 6), 'eo:movement', eoAdminOwned(props));
  item.properties['eo:lastMovement'] = seq;
  if (!m.custodyNext) item.save();
  return made;
}

/**
 * Adds a receipt to a file's correspondence: the next serial (unique zero-padded name, so a concurrent
 * addition fails rather than repeats it), flagged PUC for the first and FR I, FR II … after, with a copy of
 * the scanned letter so whoever may read the file can read it (the receipt itself stays with its readers).
 */
function eoFileReceipt(file, receipt, holderGroup, actor) {
  var folder = eoFolder(file, 'Correspondence');
  var last = 0;
  var children = folder.children;
  for (var i = 0; i < children.length; i++) {
    var n = parseInt(children[i].name, 10);
    if (!isNaN(n) && n > last) last = n;
  }
  var serial = last + 1;
  var scan = null;
  var parts = receipt.children;
  for (var p = 0; p < parts.length && !scan; p++) if (!parts[p].isContainer && parts[p].mimetype) scan = parts[p];
  var entry;
  if (scan) {
    entry = scan.copy(folder);
    entry.name = utils.pad(String(serial), 6);
    entry.save();
  } else {
    entry = folder.createNode(utils.pad(String(serial), 6), 'cm:content', {});
  }
  eoAdminMade(entry);
  entry.addAspect('eo:correspondence', {
    'eo:correspondenceSerial': serial,
    'eo:correspondenceKind': 'receipt',
    'eo:correspondenceFlag': eoDomain.correspondenceFlag(serial),
    'eo:sourceReceipt': receipt
  });
  entry.properties['cm:title'] = String(receipt.properties['eo:receiptNumber'] || receipt.name);
  entry.properties['cm:description'] = String(receipt.properties['eo:subject'] || '');
  entry.save();
  return entry;
}

/**
 * eoLatestToHolder's answers in this script run, by item and holder: the claim asks eoOpened and then eoMarkRead,
 * one listing of Movements/ (as long as the history) serves both. eoRecord forgets them (a new movement).
 */
var eoLatestToHolderRead = {};

/** The latest movement that reached the current holder (copies to other posts come after a send). */
function eoLatestToHolder(item) {
  var holder = eoText(item.properties['eo:currentHolder']);
  var key = String(item.id) + ' ' + holder;
  if (eoLatestToHolderRead.hasOwnProperty(key)) return eoLatestToHolderRead[key];
  return (eoLatestToHolderRead[key] = eoFindLatestToHolder(item, holder));
}

function eoFindLatestToHolder(item, holder) {
  var folder = item.childByNamePath('Movements');
  if (!folder) return null;
  // Newest first: usually the newest is the one (copies to other posts come after a send), so the latest few
  // are read by name, and only an older one costs the whole history, as listed names sorted newest first.
  var last = eoLastMovement(item, folder);
  for (var n = last; n > 0 && n > last - EO_LATEST_READ; n--) {
    var m = folder.childByNamePath(utils.pad(String(n), 6));
    if (m && eoText(m.properties['eo:movementTo']) == holder) return m;
  }
  var children = folder.children;
  children.sort(function (a, b) {
    var x = String(a.name);
    var y = String(b.name);
    return x < y ? 1 : x > y ? -1 : 0;
  });
  for (var i = 0; i < children.length; i++) if (eoText(children[i].properties['eo:movementTo']) == holder) return children[i];
  return null;
}

/** How many of the newest movements eoFindLatestToHolder reads by name before it lists them all. */
var EO_LATEST_READ = 8;

/** Whether the holder has opened the item since it reached it: the movement's read stamp, not a variable. */
function eoOpened(item) {
  var latest = eoLatestToHolder(item);
  return !!(latest && latest.properties['eo:movementReadAt']);
}

/** Stamps "opened by the recipient" on the latest movement that reached the current holder. */
function eoMarkRead(item) {
  var latest = eoLatestToHolder(item);
  if (latest && !latest.properties['eo:movementReadAt']) {
    latest.properties['eo:movementReadAt'] = new Date();
    latest.save();
  }
}

/**
 * Who the next holder task is for: on the item, eo:pullBackBy (the sending post while it may pull back);
 * as variables, the same for the task's candidate groups and for listings (never read as authority).
 */
function eoSetHolder(h, item, postCode, senderGroup) {
  var group = eoGroupOf(h, postCode);
  var sender = senderGroup ? String(senderGroup) : '';
  // Written with the rest of the custody where the caller already did (moveTo): no second write of the item.
  if (eoText(item.properties['eo:pullBackBy']) != sender) eoCustody(item, { 'eo:pullBackBy': sender || null });
  execution.setVariable('eowf_holder', String(postCode));
  execution.setVariable('eowf_holderGroup', group);
  execution.setVariable('eowf_senderGroup', sender);
  execution.setVariable('eowf_candidates', sender ? group + ',' + sender : group);
  execution.setVariable('eowf_opened', false);
  // The holder task's due-date and norm timers (notices.js), from the custody just written.
  eoScheduleNotices(h, item);
}

function eoCustody(item, props) {
  for (var k in props) if (props.hasOwnProperty(k)) item.properties[k] = props[k];
  item.save();
}

// ------------------------------------------------------------------ records (Governance Services)
//
// Closing a file makes records where the repository has AGS (docs/workflow-scripts.md, "Closing makes
// records"): its green notes, its correspondence and its issued letters are declared as records in place
// (AGS's create-record leaves each where it was, as a secondary child, readable by the file's readers),
// filed into a record folder named by the file number under the record category of its eo:recordCategory,
// completed; then the retention event case_closed is completed on the folder and the folder closed. Only
// AGS's own actions are used (the `actions` root object), so the same script runs on ACS and here.

/** Where AGS keeps the file plan: the documentLibrary of its one records management site, `rm`. */
var EO_FILE_PLAN_PATH = 'Sites/rm/documentLibrary';
/** The retention event the department's schedules cut off on (config/retention). */
var EO_CLOSING_EVENT = 'case_closed';

/**
 * The file plan, or null where records are not kept: AGS is absent (its actions are not registered, so
 * actions.create answers null; rma: names would not even parse there) or its RM site was never made.
 */
function eoFilePlan() {
  if (!eoAgs()) return null;
  var fp = companyhome.childByNamePath(EO_FILE_PLAN_PATH);
  return fp && fp.isSubType('rma:filePlan') ? fp : null;
}

/** Whether Governance Services is installed: its actions are registered. */
function eoAgs() {
  return !!actions.create('create-record');
}

/** Whether a node is a record; `ags` from eoAgs() (without AGS the rma: prefix is unknown and would not parse). */
function eoIsRecord(node, ags) {
  return !!ags && node.hasAspect('rma:record');
}

/**
 * The record category of a file, as install builds it from config/retention: a category named by the code
 * under the file plan (A, B, C) and its sub-categories under it, named `<code>-<years>` (C-5); the file goes
 * to the sub-category of its eo:retentionYears when there is one, else to its root category (the domain's
 * retentionCategoryFor). Null for a file without a category; a category missing from the file plan fails,
 * or with `lenient` gives null.
 */
function eoRecordCategory(fp, item, lenient) {
  var code = eoText(item.properties['eo:recordCategory']);
  if (!code) return null;
  var years = eoText(item.properties['eo:retentionYears']);
  var path = code;
  var category = fp.childByNamePath(code);
  if (category && years && category.childByNamePath(code + '-' + years)) {
    path = code + '/' + code + '-' + years;
    category = category.childByNamePath(code + '-' + years);
  }
  if (!category || !category.isSubType('rma:recordCategory')) {
    if (lenient) return null;
    eoFail('Record category ' + code + ' is not in the file plan of the records management site: run npx eoffice install');
  }
  return { node: category, path: path };
}

/** The name of a file's record folder: its file number, whose slashes no node name may hold, as underscores. */
function eoRecordFolderName(item) {
  return eoText(item.properties['eo:fileNumber'] || item.name).replace(/\//g, '_');
}

/** The file's record folder ({node, path} below the file plan), or null: no AGS, no category, none made yet. */
function eoRecordFolderOf(item) {
  var fp = item.isSubType('eo:file') ? eoFilePlan() : null;
  // A category missing from the file plan has no record folder of the file: nothing to wait for.
  var category = fp ? eoRecordCategory(fp, item, true) : null;
  if (!category) return null;
  var name = eoRecordFolderName(item);
  var folder = category.node.childByNamePath(name);
  return folder ? { node: folder, path: category.path + '/' + name } : null;
}

/** A record folder's state: AGS keeps it in rma:isClosed. */
function eoRecordFolderClosed(folder) {
  return String(folder.properties['rma:isClosed']) == 'true';
}

/**
 * What becomes a record when a file closes, not already one: green (signed) notes (a yellow draft is not
 * yet a note of the file), every correspondence entry (receipts put in the file and the office copies of
 * letters issued), and the issued letters in Dispatches/ except those the CRU has still to dispatch (their
 * status is the CRU's to write; they become records when the file next closes).
 */
function eoRecordables(item) {
  var out = [];
  var take = function (folderName, keep) {
    var folder = item.childByNamePath(folderName);
    if (!folder) return;
    var list = folder.children;
    for (var i = 0; i < list.length; i++) if (!list[i].isContainer && !eoIsRecord(list[i], true) && keep(list[i])) out.push(list[i]);
  };
  take('Notes', function (n) {
    return n.properties['eo:noteColour'] == 'green';
  });
  take('Correspondence', function () {
    return true;
  });
  take('Dispatches', function (n) {
    return n.properties['eo:dispatchStatus'] != 'pending';
  });
  // The archival copies (PDF/A of the whole file, eoRequireArchivalCopy) made at this closing or before.
  take(eoDomain.ARCHIVE_FOLDER, function () {
    return true;
  });
  return out;
}

/** A node's cm:modified (or another date property) in milliseconds; 0 when it has none. */
function eoTime(node, property) {
  var d = eoDate(node.properties[property || 'cm:modified']);
  return d ? d.getTime() : 0;
}

/**
 * A file of a permanent category (A, B: eoDomain.isPermanentRecordCategory) is kept as records in an
 * archival form too: the whole file as PDF/A, which the closing officer's browser writes into the file's
 * Archive/ folder (no PDF library runs in an ACS script). Where closing will file records (AGS installed,
 * the file has a category), the close is refused unless Archive/ holds a PDF made after the last change to
 * any green note or correspondence entry; the content itself cannot be checked here (docs/governance-
 * services.md). Called before the close's hand-over, which dates every note as frozen.
 */
function eoRequireArchivalCopy(item) {
  if (!item.isSubType('eo:file')) return;
  var fp = eoFilePlan();
  if (!fp || !eoRecordCategory(fp, item)) return;
  if (!eoDomain.isPermanentRecordCategory(eoText(item.properties['eo:recordCategory']))) return;
  var latest = 0;
  var changed = null;
  var scan = function (folderName, keep) {
    var folder = item.childByNamePath(folderName);
    var list = folder ? folder.children : [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].isContainer || !keep(list[i])) continue;
      var at = eoTime(list[i]);
      if (at > latest) {
        latest = at;
        changed = list[i];
      }
    }
  };
  scan('Notes', function (n) {
    return n.properties['eo:noteColour'] == 'green';
  });
  scan('Correspondence', function () {
    return true;
  });
  var archive = item.childByNamePath(eoDomain.ARCHIVE_FOLDER);
  var copies = archive ? archive.children : [];
  var newest = 0;
  for (var c = 0; c < copies.length; c++) {
    var copy = copies[c];
    if (copy.isContainer || String(copy.mimetype) != 'application/pdf' || !(Number(copy.size) > 0)) continue;
    // Made (created) after the last change: a copy whose content was replaced later counts from its making.
    newest = Math.max(newest, eoTime(copy, 'cm:created'));
  }
  var category = eoText(item.properties['eo:recordCategory']);
  if (!newest)
    eoFail(
      eoLabel(item) +
        ' is kept permanently (category ' +
        category +
        '): its archival copy (the whole file as PDF/A in ' +
        eoDomain.ARCHIVE_FOLDER +
        '/) is missing; close it from the e-file, which writes it'
    );
  if (newest < latest)
    eoFail(
      'The archival copy of ' +
        eoLabel(item) +
        ' (category ' +
        category +
        ') is older than ' +
        changed.name +
        ', changed since: close it from the e-file, which writes it again'
    );
}

/** Runs one of AGS's actions on a node with the given parameters; gives the action (its `result` parameter). */
function eoRmAction(name, node, params) {
  var action = actions.create(name);
  if (!action) eoFail('Governance Services has no action ' + name);
  for (var k in params) if (params.hasOwnProperty(k)) action.parameters[k] = params[k];
  action.execute(node);
  return action;
}

/**
 * Files a closing e-file's records (see above). `actor` closed it or approved its closing: the event is
 * completed in their name. Nothing happens without AGS or for a file without a record category (one opened
 * before categories were asked for); a record folder the records manager has closed since refuses it.
 */
function eoFileRecords(item, actor) {
  if (!item.isSubType('eo:file')) return null;
  var fp = eoFilePlan();
  if (!fp) return null;
  var category = eoRecordCategory(fp, item);
  if (!category) return null;
  var name = eoRecordFolderName(item);
  var path = category.path + '/' + name;
  var folder = category.node.childByNamePath(name);
  if (folder && !folder.isSubType('rma:recordFolder')) eoFail(path + ' in the file plan is not a record folder');
  if (folder && eoRecordFolderClosed(folder))
    eoFail(
      'The record folder ' + path + ' of ' + eoLabel(item) + ' is closed: the records manager reopens it before the file is closed again'
    );
  var docs = eoRecordables(item);
  for (var i = 0; i < docs.length; i++) {
    var doc = docs[i];
    eoRmAction('create-record', doc, { 'hide-record': false });
    eoRmAction('fileTo', doc, { path: path, createRecordPath: true });
    var declared = eoRmAction('declareRecord', doc, {});
    if (!doc.hasAspect('rma:declaredRecord'))
      eoFail(doc.name + ' of ' + eoLabel(item) + ' could not be completed as a record (' + eoText(declared.parameters['result']) + ')');
  }
  folder = category.node.childByNamePath(name);
  if (!folder) return null;
  if (!eoText(folder.properties['cm:title'])) {
    folder.properties['cm:title'] = eoText(item.properties['eo:fileNumber']);
    folder.properties['cm:description'] = eoText(item.properties['eo:subject']);
    folder.save();
  }
  eoRmAction('completeEvent', folder, { eventName: EO_CLOSING_EVENT, eventCompletedBy: String(actor), eventCompletedAt: new Date() });
  eoRmAction('closeRecordFolder', folder, {});
  return path;
}

/**
 * Reopening a file whose records are filed follows AGS: while its record folder is closed nothing may be
 * added to it, so the file stays closed until the records manager reopens the record folder (AGS's
 * openRecordFolder, ReOpenFolders capability). Gives the words the reopen movement records ('' when the
 * file has no record folder).
 */
function eoReopenRecords(item) {
  var folder = eoRecordFolderOf(item);
  if (!folder) return '';
  if (eoRecordFolderClosed(folder.node))
    eoFail(
      eoLabel(item) +
        ' is kept as records in the record folder ' +
        folder.path +
        ', which is closed: the records manager reopens that record folder before the file can be reopened'
    );
  return '[record folder ' + folder.path + ' reopened by the records manager]';
}

/** A movement's remarks with what happened to the records: '[records filed in C/C-5/…]', the reopen note. */
function eoRecordsRemark(remarks, records) {
  if (!records) return remarks;
  var note = records.charAt(0) == '[' ? records : '[records filed in the record folder ' + records + ']';
  return remarks ? remarks + ' ' + note : note;
}
