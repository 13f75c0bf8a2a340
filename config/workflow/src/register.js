// Registration (eoRegister's start, run as admin): the only place numbers are made.
//
// Who asks is `initiator`: ProcessesImpl.create puts the calling user there after the client's start
// variables, so no request body can name someone else; the process ends in this same transaction, so no
// later PUT /processes/{id}/variables can change it either. Everything else (the package, eowf_registerAs,
// eowf_amendment) is the caller's word and is checked against what only the repository knows: group
// membership, the folder the item sits in, the numbers already taken.
//
// Numbers: the next number of a series is the highest numbered name in its folder + 1 (the folder keeps
// it as its count, see regNext), taken here as the administrator (who sees every item), so the series has
// no gaps; two registrations that pick the same number in parallel collide on the folder's unique names
// (ACS: DuplicateChildNodeNameException), the second transaction rolls back whole and its client tries again. Series folders are readable but not
// writable by officers (`npx eoffice install`), so nothing else can take or skip a number.

/** The folder at `path` below `root`, created (as the administrator) where missing. */
function regFolder(root, path) {
  var folder = root;
  var parts = path.split('/');
  for (var i = 0; i < parts.length; i++) {
    var next = folder.childByNamePath(parts[i]);
    folder = next ? next : eoAdminMade(folder.createFolder(parts[i]));
  }
  return folder;
}

/**
 * The next number of the series folder, taken: the folder keeps the last number it gave (eo:lastNumber of
 * eo:numberSeries), so a registration costs one name look-up however many items the year holds, where
 * reading every child of the series (and of the year's Computer No. register) grew with the data. The
 * count is checked against the names, never trusted alone: a number whose name is taken is never given
 * (a series numbered before the count existed, or a count left behind, is found by a few look-ups:
 * eoDomain.firstFreeNumber). The count changes in the registration's own transaction, so a registration
 * that fails takes nothing back out of the series; two that run at once on ACS collide on the folder's
 * node (optimistic locking) or on the item's name, and the loser's transaction is retried or refused.
 */
function regNext(folder, label) {
  var width = eoDomain.DEFAULT_WIDTH;
  var counted = folder.hasAspect('eo:numberSeries');
  var last = counted ? Number(folder.properties['eo:lastNumber'] || 0) : 0;
  var taken = function (k) {
    return folder.childByNamePath(eoDomain.padNumber(k, width)) !== null;
  };
  var n;
  try {
    n = eoDomain.firstFreeNumber(taken, last, width);
  } catch (e) {
    eoFail('The series ' + label + ' is full (' + width + ' digits)');
  }
  if (counted) {
    folder.properties['eo:lastNumber'] = n;
    folder.save();
  } else folder.addAspect('eo:numberSeries', { 'eo:lastNumber': n });
  return n;
}

function regSection(h, code) {
  for (var i = 0; i < h.sections.length; i++) if (h.sections[i].code == code) return h.sections[i];
  eoFail('Unknown section ' + code + ' in department ' + h.department.code);
  return null;
}

/** The subject head the file is opened under, from the department's index (Data Dictionary/eOffice). */
function regSubjectHead(item) {
  var node = companyhome.childByNamePath('Data Dictionary/eOffice/subject-heads.json');
  if (!node) eoFail('The subject-head index is missing: run npx eoffice install');
  var heads = JSON.parse(String(node.content)).heads;
  var p = item.properties;
  for (var i = 0; i < heads.length; i++)
    if (heads[i].basic == p['eo:basicHead'] && heads[i].primary == p['eo:primaryHead'] && heads[i].secondary == p['eo:secondaryHead'])
      return heads[i];
  eoFail('Unknown subject head ' + p['eo:basicHead'] + '-' + p['eo:primaryHead'] + p['eo:secondaryHead']);
  return null;
}

/** State only the workflow writes: whatever the creator put there goes. */
var REG_CLEARED = [
  'eo:dueDate',
  'eo:previousHolder',
  'eo:returnVia',
  'eo:movementProcess',
  'eo:pullBackBy',
  'eo:returnTo',
  'eo:returnToBefore',
  'eo:returnPath',
  'eo:returnPathBefore',
  'eo:pendingRequest',
  'eo:pendingRequester',
  'eo:pendingApprover',
  'eo:approverPost',
  'eo:pendingRemarks',
  'eo:pendingSince',
  'eo:lastRemarks',
  'eo:inFile',
  'eo:closedAt',
  'eo:closureApprovedBy',
  'eo:frozenNotes',
  'eo:acknowledgedAt'
];

/**
 * Before its first send the item is the registering post's and the oversight's to read, nobody's to
 * write (the post writes in its working folders only): inheritance cut, Consumer for both, the
 * administrator owning it and all it holds (an owner keeps full rights whatever the ACL says, so the
 * creator must not stay one).
 */
function regRestrict(h, item, group) {
  var me = String(person.properties.userName);
  item.setOwner(me);
  var children = item.children;
  for (var i = 0; i < children.length; i++) children[i].setOwner(me);
  if (item.inheritsPermissions()) item.setInheritsPermissions(false);
  var readers = [group, eoDomain.oversightGroup(h)];
  var perms = item.directPermissions;
  for (var j = 0; j < perms.length; j++) {
    var parts = String(perms[j]).split(';');
    if (!(parts[0] == 'ALLOWED' && parts[2] == 'Consumer' && readers.indexOf(parts[1]) >= 0)) item.removePermission(parts[2], parts[1]);
  }
  for (var k = 0; k < readers.length; k++) item.setPermission('Consumer', readers[k]);
  // The registering post writes only in the item's working folders (a reply before the first send).
  eoGrantWork(item, group);
}

function regRegister(h, item, actor) {
  var post = eoPost(h, eoVar('eowf_registerAs'));
  var group = eoGroupOf(h, post.code);
  if (!eoIsMember(group, actor)) eoFail(actor + ' does not hold the post ' + eoTitle(h, post) + ' and cannot register for it');
  var receipt = item.isSubType('eo:receipt');
  if (receipt) {
    var registry = eoDomain.registryPosts(h);
    var isRegistry = false;
    for (var r = 0; r < registry.length; r++) if (registry[r].code == post.code) isRegistry = true;
    if (!isRegistry) eoFail('Only the Central Registry diarises receipts; ' + eoTitle(h, post) + ' cannot');
  }
  var lib = eoDepartmentLibrary(h);
  var intake = lib.childByNamePath(eoDomain.intakeFolder(post.code));
  var parent = item.parent;
  if (!intake || !parent || String(parent.id) != String(intake.id))
    eoFail(item.name + ' is not in the intake folder of ' + eoTitle(h, post) + ' (' + eoDomain.intakeFolder(post.code) + ')');

  var p = item.properties;
  var section = regSection(h, String(p[receipt ? 'eo:receiptSection' : 'eo:fileSection'] || '')).code;
  var dept = String(h.department.code);
  var year = Number(eoDomain.officeDay(new Date()).substring(0, 4));
  var now = new Date();

  var seriesPath = receipt ? eoDomain.receiptSeries(year, section) : eoDomain.fileSeries(year, section);
  var series = regFolder(lib, seriesPath);
  var n = regNext(series, seriesPath);
  var props = {};
  if (receipt) {
    var receiptNumber = eoDomain.formatReceiptNumber(n, year, section, dept);
    props['cm:title'] = receiptNumber;
    props['eo:receiptNumber'] = receiptNumber;
    props['eo:receiptSerial'] = n;
    props['eo:receiptYear'] = year;
    props['eo:receiptDepartment'] = dept;
    props['eo:diarisedBy'] = group;
    if (!p['eo:diarisedDate']) props['eo:diarisedDate'] = now;
  } else {
    var head = regSubjectHead(item);
    var fileNumber = eoDomain.formatFileNumber({
      basicHead: head.basic,
      primaryHead: head.primary,
      secondaryHead: head.secondary,
      serial: n,
      year: year,
      section: section,
      department: dept
    });
    props['cm:title'] = fileNumber;
    props['eo:fileNumber'] = fileNumber;
    props['eo:fileSerial'] = n;
    props['eo:fileYear'] = year;
    props['eo:fileDepartment'] = dept;
    props['eo:subjectHead'] = head.name.en + ' / ' + head.name.hi;
  }

  var registerPath = eoDomain.computerNumberSeries(year);
  var register = regFolder(lib, registerPath);
  var c = regNext(register, registerPath);
  eoAdminMade(
    register.createNode(eoDomain.padNumber(c), 'cm:folder', { 'cm:title': (receipt ? 'Receipt ' : 'e-File ') + props['cm:title'] })
  );
  props['eo:computerNumber'] = eoDomain.computerNumberOf(year, c);

  props['eo:status'] = 'created';
  props['eo:currentHolder'] = group;
  props['eo:originPost'] = group;
  props['eo:heldSince'] = receipt && p['eo:diarisedDate'] ? p['eo:diarisedDate'] : now;
  for (var k in props) if (props.hasOwnProperty(k)) item.properties[k] = props[k];
  for (var i = 0; i < REG_CLEARED.length; i++) if (item.properties[REG_CLEARED[i]] !== null) item.properties[REG_CLEARED[i]] = null;
  // The number is the node's name in its series (written with the rest, as ScriptNode.save writes cm:name):
  // a parallel registration of the same number fails here.
  item.properties['cm:name'] = eoDomain.padNumber(n);
  item.save();
  item.move(series);
  regRestrict(h, item, group);
  execution.setVariable('eowf_number', String(props['cm:title']));
}

/**
 * A holder's edit of a registered receipt or file: descriptive properties of a receipt, the linked files of
 * a file (domain/numbering.ts lists them); never numbers or custody.
 */
function regAmend(h, item, actor, text) {
  var receipt = item.isSubType('eo:receipt');
  if (!receipt && !item.isSubType('eo:file')) eoFail(item.name + ' is neither an e-Office receipt nor a file');
  if (!item.properties[receipt ? 'eo:receiptNumber' : 'eo:fileNumber']) eoFail(item.name + ' is not registered yet');
  var holder = String(item.properties['eo:currentHolder'] || '');
  if (!eoIsMember(holder, actor)) eoFail(actor + ' does not hold ' + eoLabel(item) + ' and cannot amend it');
  var changes;
  try {
    changes = JSON.parse(text);
  } catch (e) {
    eoFail('eowf_amendment is not a JSON object');
  }
  if (!changes || typeof changes != 'object' || changes instanceof Array) eoFail('eowf_amendment is not a JSON object');
  var movements = item.childByNamePath('Movements');
  var moved = String(item.properties['eo:status'] || 'created') != 'created' || (movements && movements.children.length > 0);
  for (var key in changes) {
    if (!changes.hasOwnProperty(key)) continue;
    var value = changes[key];
    if (!receipt) {
      if (eoDomain.FILE_AMENDABLE.indexOf(key) < 0) eoFail(key + ' cannot be amended on a file');
      item.properties[key] = regLinkedFiles(item, value);
      continue;
    }
    var allowed = eoDomain.RECEIPT_AMENDABLE.indexOf(key) >= 0 || (!moved && eoDomain.RECEIPT_AMENDABLE_BEFORE_MOVING.indexOf(key) >= 0);
    if (!allowed)
      eoFail(
        key + ' cannot be amended' + (eoDomain.RECEIPT_AMENDABLE_BEFORE_MOVING.indexOf(key) >= 0 ? ' once the receipt has moved' : '')
      );
    if (value !== null && typeof value != 'string' && typeof value != 'boolean') eoFail(key + ' must be text, true/false or null');
    item.properties[key] = value;
  }
  item.save();
}

/** The linked files of an amendment: ids of other registered e-files (at most 100), as node references. */
function regLinkedFiles(item, value) {
  if (value === null) return null;
  if (!(value instanceof Array) || value.length > 100) eoFail('eo:linkedFiles must be a list of at most 100 file ids');
  var refs = [];
  for (var i = 0; i < value.length; i++) {
    var id = value[i];
    if (typeof id != 'string' || !/^[0-9a-zA-Z-]{1,64}$/.test(id)) eoFail('eo:linkedFiles holds something that is not a node id');
    var other = search.findNode('workspace://SpacesStore/' + id);
    if (!other || !other.isSubType('eo:file') || !other.properties['eo:fileNumber']) eoFail(id + ' is not an e-file');
    if (String(other.id) == String(item.id)) eoFail('A file cannot be linked to itself');
    refs.push('workspace://SpacesStore/' + id);
  }
  return refs;
}

/**
 * The dispatch of a letter a file issued "by CRU" (eowf_dispatchAs: the post that sends it; the letter is the
 * package's one item): how the Central Registry marks it Issued & Dispatched, since the letter is read-only to
 * the CRU (its writer opens it with Consumer, and every hand-over makes any other entry Consumer:
 * lib.js eoReadOnlyLetter). The post holding the file may record it the same way (its drafts panel does).
 * Checked against what only the repository knows: the caller holds the post; the letter is pending in the
 * Dispatches/ of a registered e-file; the post is a Central Registry post the letter was opened to, or the
 * file's holder; and, where the department requires it, the letter's draft carries its approver's signature of
 * the version approved (lib.js eoLetterUnsigned, the rule the hand-over applies). The check and the write
 * happen in the start's one transaction (ACS: ActivitiScriptBase runs this listener in the transaction of the
 * POST /processes, and the process ends in it), on ACS as locally. The package holds the letter as a secondary
 * child (ProcessesImpl.create adds items with bpm:packageContains), so `letter.parent` is still its folder.
 */
function regDispatch(h, actor, code) {
  var post = eoPost(h, code);
  var group = eoGroupOf(h, post.code);
  if (!eoIsMember(group, actor)) eoFail(actor + ' does not hold the post ' + eoTitle(h, post) + ' and cannot dispatch for it');
  var items = bpm_package.children;
  if (items.length != 1) eoFail('A dispatch takes exactly one letter; this one has ' + items.length + ' items');
  var letter = items[0];
  if (!letter.isSubType('eo:dispatch')) eoFail(letter.name + ' is not a letter issued from a file');
  var label = eoText(letter.properties['eo:issueNumber']) || String(letter.name);
  var folder = letter.parent;
  var file = folder ? folder.parent : null;
  if (
    !folder ||
    String(folder.name) != 'Dispatches' ||
    !file ||
    !file.isSubType('eo:file') ||
    !file.properties['eo:fileNumber'] ||
    !eoRegisteredAt(eoDepartmentLibrary(h), file)
  )
    eoFail('Letter ' + label + ' is not in the Dispatches of a registered e-file');
  var registry = eoDomain.registryPosts(h);
  var isRegistry = false;
  for (var r = 0; r < registry.length; r++) if (registry[r].code == post.code) isRegistry = true;
  var opened = false;
  var perms = letter.directPermissions;
  for (var i = 0; i < perms.length; i++) {
    var parts = String(perms[i]).split(';');
    if (parts[0] == 'ALLOWED' && parts[1] == group) opened = true;
  }
  var holding = eoText(file.properties['eo:currentHolder']) == group && eoText(file.properties['eo:status']) != 'closed';
  if (!(isRegistry && opened) && !holding) eoFail('Letter ' + label + ' was not sent to ' + eoTitle(h, post) + ' for dispatch');
  if (eoText(letter.properties['eo:dispatchMode']) != 'byCru')
    eoFail('Letter ' + label + ' is sent by its section, not by the Central Registry');
  if (eoText(letter.properties['eo:dispatchStatus']) != 'pending') eoFail('Letter ' + label + ' is not pending dispatch');
  if (eoLetterUnsigned(h, file, letter))
    eoFail(
      'Letter ' +
        label +
        ' cannot be dispatched: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter'
    );
  letter.properties['eo:dispatchStatus'] = 'issuedDispatched';
  letter.properties['eo:dispatchedAt'] = new Date();
  letter.save();
}

/** What an issue says (eowf_issue, a JSON object): checked field by field, nothing else taken from it. */
function regIssueRequest(text) {
  var r;
  try {
    r = JSON.parse(text);
  } catch (e) {
    eoFail('eowf_issue is not a JSON object');
  }
  if (!r || typeof r != 'object' || r instanceof Array) eoFail('eowf_issue is not a JSON object');
  if (typeof r.draft != 'string' || !/^[0-9a-zA-Z-]{1,64}$/.test(r.draft)) eoFail('eowf_issue.draft is not a node id');
  if (typeof r.issueOfDay != 'number' || r.issueOfDay % 1 !== 0 || r.issueOfDay < 1 || r.issueOfDay > 99)
    eoFail('eowf_issue.issueOfDay must be a whole number from 1 to 99');
  if (r.mode != 'bySelf' && r.mode != 'byCru') eoFail('eowf_issue.mode must be bySelf or byCru');
  // eo:dispatchDeliveryMode has a LIST constraint: ACS checks it only when the transaction commits
  // (IntegrityChecker), a server error rather than this clear refusal.
  var modes = [];
  for (var dm = 0; dm < eoDomain.DELIVERY_MODES.length; dm++) modes.push(eoDomain.DELIVERY_MODES[dm].value);
  if (typeof r.deliveryMode != 'string' || modes.indexOf(r.deliveryMode) < 0)
    eoFail('eowf_issue.deliveryMode must be one of ' + modes.join(', '));
  var addressees = [];
  if (!(r.addressees instanceof Array) || r.addressees.length > 100) eoFail('eowf_issue.addressees must be a list of at most 100 names');
  for (var i = 0; i < r.addressees.length; i++) {
    var a = typeof r.addressees[i] == 'string' ? r.addressees[i].replace(/^\s+|\s+$/g, '') : '';
    if (!a || a.length > 1000) eoFail('eowf_issue.addressees holds an empty or over-long name');
    addressees.push(a);
  }
  if (!addressees.length) eoFail('A letter needs at least one addressee');
  return { draft: r.draft, issueOfDay: r.issueOfDay, mode: r.mode, deliveryMode: r.deliveryMode, addressees: addressees };
}

/** The highest issue of `day` (YYYYMMDD) among the names in Dispatches/ (draft.model.ts issuesOfDay; a record keeps its " (<identifier>)"). */
function regIssuesOfDay(dispatches, day) {
  var top = 0;
  var list = dispatches.children;
  var pattern = new RegExp('^' + day + '-(\\d{2,})(?: \\(.*\\))?$');
  for (var i = 0; i < list.length; i++) {
    var m = pattern.exec(String(list[i].name));
    if (m && Number(m[1]) > top) top = Number(m[1]);
  }
  return top;
}

/**
 * The issue of a letter (eowf_issueAs: the post issuing; eowf_issue: the draft, its issue of the day, mode,
 * delivery mode and addressees; the package's one item: the letter as a PDF, made and signed by the browser in
 * the post's intake folder). The holding post only reads Dispatches/ (lib.js eoWorkingFolders): an issued letter
 * is made here alone, after checking what only the repository knows: the caller holds the post and the post
 * holds the file the draft belongs to (a registered e-file, not closed); the draft is approved, by a post of
 * Section Officer level or above, and its current version is the one approved; where the department requires
 * it, the approver signed that version (lib.js eoDraftApprovalSigned, the rule of the hand-over and of the
 * dispatch); the issue is the day's next (the office's day, draft.model.ts dayKey), so numbers stay unique and
 * without gaps: two issues that pick one number at once collide on the name in Dispatches/ (ACS:
 * DuplicateChildNodeNameException) and the second's transaction rolls back whole. Then, in the start's one
 * transaction (ActivitiScriptBase), the letter becomes the eo:dispatch (ScriptNode.specializeType), numbered,
 * moved into Dispatches/, owned by the administrator, opened to the Central Registry's posts to read when it
 * goes by CRU, and the draft becomes issued. The browser then files the office copy in Correspondence/.
 */
function regIssue(h, actor, code) {
  var post = eoPost(h, code);
  var group = eoGroupOf(h, post.code);
  if (!eoIsMember(group, actor)) eoFail(actor + ' does not hold the post ' + eoTitle(h, post) + ' and cannot issue for it');
  var request = regIssueRequest(eoVar('eowf_issue'));
  var items = bpm_package.children;
  if (items.length != 1) eoFail('An issue takes exactly one letter; this one has ' + items.length + ' items');
  var letter = items[0];
  var lib = eoDepartmentLibrary(h);
  var intake = lib.childByNamePath(eoDomain.intakeFolder(post.code));
  var parent = letter.parent;
  if (!intake || !parent || String(parent.id) != String(intake.id) || letter.isContainer || String(letter.typeShort) != 'cm:content')
    eoFail(letter.name + ' is not a letter in the intake folder of ' + eoTitle(h, post) + ' (' + eoDomain.intakeFolder(post.code) + ')');
  if (!(letter.size > 0) || eoText(letter.mimetype) != 'application/pdf') eoFail(letter.name + ' is not a PDF letter');

  var draft = search.findNode('workspace://SpacesStore/' + request.draft);
  var drafts = draft ? draft.parent : null;
  var file = drafts ? drafts.parent : null;
  if (
    !draft ||
    !draft.isSubType('eo:draft') ||
    String(drafts.name) != 'Drafts' ||
    !file ||
    !file.isSubType('eo:file') ||
    !file.properties['eo:fileNumber'] ||
    !eoRegisteredAt(lib, file)
  )
    eoFail(request.draft + ' is not a draft of a registered e-file');
  var fileNumber = eoText(file.properties['eo:fileNumber']);
  if (eoText(file.properties['eo:currentHolder']) != group || eoText(file.properties['eo:status']) == 'closed')
    eoFail(eoTitle(h, post) + ' does not hold the file ' + fileNumber + ' and cannot issue its letters');
  var dp = draft.properties;
  // A real approval only (lib.js eoApprovalReal): sealed when its post handed the file over, or written by an
  // officer of this post while it holds the file. The draft's words alone are not one: a lower post holding
  // the file writes them as easily.
  var approval = eoApprovalReal(h, file, draft, group, true);
  if (eoText(dp['eo:draftStatus']) != 'approved' || !approval) eoFail('Draft ' + draft.name + ' of ' + fileNumber + ' is not approved');
  var version = approval.version;
  if (eoText(dp['cm:versionLabel']) != version)
    eoFail('Draft ' + draft.name + ' of ' + fileNumber + ' has changed since its approval (version ' + version + ' approved)');
  if (eoSignedApprovalsRequired(h) && !eoDraftApprovalSigned(h, draft, eoChildrenOf(file, 'Signatures')))
    eoFail(
      'Draft ' +
        draft.name +
        ' of ' +
        fileNumber +
        ' cannot be issued: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter'
    );

  var dispatches = eoFolder(file, 'Dispatches');
  var now = new Date();
  var day = eoDomain.officeDay(now).replace(/-/g, '');
  var next = regIssuesOfDay(dispatches, day) + 1;
  // A number taken since the browser counted: the same words as the name's collision, so the client tries the next.
  if (request.issueOfDay < next) eoFail('Issue ' + request.issueOfDay + ' of the day already exists in ' + fileNumber);
  if (request.issueOfDay > next)
    eoFail('Issue ' + request.issueOfDay + ' of the day is not the next issue of ' + fileNumber + ' (' + next + ')');
  var number = eoDomain.issueNumber(fileNumber, next);
  var me = String(person.properties.userName);
  letter.specializeType('eo:dispatch');
  var props = {
    'cm:name': day + '-' + eoDomain.padNumber(next, 2),
    'cm:title': number,
    'eo:issueNumber': number,
    'eo:dispatchMode': request.mode,
    'eo:dispatchStatus': request.mode == 'bySelf' ? 'issuedSent' : 'pending',
    'eo:dispatchDeliveryMode': request.deliveryMode,
    'eo:addressees': request.addressees,
    'eo:issuedAt': now,
    'eo:issuedBy': group,
    'eo:fromDraft': draft,
    'eo:dispatchedAt': null
  };
  for (var k in props) if (props.hasOwnProperty(k)) letter.properties[k] = props[k];
  letter.save();
  letter.move(dispatches);
  // Its writer would keep an owner's rights whatever the ACL says: the administrator owns it, the file's readers
  // read it (Dispatches/ inherits), the Central Registry reads one it is to dispatch (regDispatch).
  letter.setOwner(me);
  if (!letter.inheritsPermissions()) letter.setInheritsPermissions(true);
  var perms = letter.directPermissions;
  for (var d = 0; d < perms.length; d++) {
    var parts = String(perms[d]).split(';');
    letter.removePermission(parts[2], parts[1]);
  }
  if (request.mode == 'byCru') {
    var registry = eoDomain.registryPosts(h);
    for (var r = 0; r < registry.length; r++) letter.setPermission('Consumer', eoGroupOf(h, registry[r].code));
  }
  draft.properties['eo:draftStatus'] = 'issued';
  draft.save();
  execution.setVariable('eowf_number', number);
}

(function () {
  var h = eoHierarchy();
  var actor = String(initiator.properties.userName);
  var issueAs = eoVar('eowf_issueAs');
  if (issueAs) {
    regIssue(h, actor, issueAs);
    return;
  }
  var dispatchAs = eoVar('eowf_dispatchAs');
  if (dispatchAs) {
    regDispatch(h, actor, dispatchAs);
    return;
  }
  var item = eoPackageItem('Registration takes');
  var amendment = eoVar('eowf_amendment');
  if (amendment) regAmend(h, item, actor, amendment);
  else regRegister(h, item, actor);
})();
