// Transfer of charge (eoCharge's start, run as admin): a post passes from one officer to another in one
// transaction. Posts, not people, hold items (eo:currentHolder names the post's group), so what changes is
// who the post is: the successor joins the post's group and the predecessor leaves it
// (People.addAuthority / removeAuthority), the hierarchy in Data Dictionary names the successor as the
// post's incumbent, and what the predecessor held personally comes back to the post: the post's own movement and
// approval tasks he had claimed (opened) are released to the post's pool (pending.js), and the drafts he owns in the
// items the post holds (yellow notes, draft letters, replies) are taken over by the administrator, as a hand-over does
// (lib.js eoHandOver), so their rights come from the post's. Every item the post holds or is asked to
// approve records "charge transferred" in its movement history (eo:movementAction transferOfCharge).
//
// Whole or not at all: everything above happens inside this listener, which ACS runs in the transaction of
// the POST /processes that starts the process (ActivitiScriptBase runs the script in the caller's
// transaction; the process ends in it too), so any failure (an item that cannot be written, a user gone, the
// hierarchy locked by someone editing it) rolls back every membership change, release and history entry
// together. The refusal reaches the client as the failed start (500, the script's message).
//
// Who asks is `initiator`, which ProcessesImpl sets to the caller after the client's variables: only an
// administrator may transfer charge. The rest (eowf_chargePost, eowf_chargeTo, eowf_chargeFrom, eowf_chargeOn, eowf_chargeNameHi) is the caller's word,
// checked against the hierarchy and the post's group.
//
// The post's items and releasing the predecessor's claims on them are shared with the link officer's period
// (pending.js: eoPostPending, eoReleasePostItemClaims).

/**
 * The drafts `user` owns in the item (yellow notes, draft letters, replies): the administrator takes them
 * over, so the predecessor keeps no owner's rights and the successor works on them through the post.
 */
function chargeDisown(item, user) {
  var me = String(person.properties.userName);
  var taken = 0;
  var folders = ['Notes', 'Drafts', 'Replies'];
  for (var f = 0; f < folders.length; f++) {
    var folder = item.childByNamePath(folders[f]);
    if (!folder) continue;
    var list = folder.children;
    for (var i = 0; i < list.length; i++) {
      var node = list[i];
      if (folders[f] == 'Notes' && eoText(node.properties['eo:noteColour']) == 'green') continue;
      if (user && String(node.getOwner()) == user) {
        node.setOwner(me);
        taken++;
      }
    }
  }
  return taken;
}

/**
 * The post's record in Data Dictionary's hierarchy names the successor (and his name, as install writes it),
 * and `charge` says that a transfer, not the department's hierarchy file, put him there: whom the file named
 * when charge first passed (the incumbent install had written), from whom, on which day and by which process.
 * `install` keeps the successor while the file still names that incumbent (installer/src/install.ts
 * currentHierarchy); charge coming back to the file's incumbent needs no record.
 */
function chargeHierarchy(postCode, successor, names, from, on) {
  var node = companyhome.childByNamePath(EO_HIERARCHY_PATH);
  if (!node) eoFail('The department hierarchy ' + EO_HIERARCHY_PATH + ' is missing: run npx eoffice install');
  var h = JSON.parse(String(node.content));
  for (var i = 0; i < h.posts.length; i++) {
    var p = h.posts[i];
    if (p.code != postCode) continue;
    var fileIncumbent = p.charge ? p.charge.fileIncumbent : p.incumbent || '';
    p.incumbent = successor;
    p.incumbentName = names;
    if (fileIncumbent == successor) delete p.charge;
    else p.charge = { fileIncumbent: fileIncumbent, from: from, on: on, process: String(execution.processInstanceId) };
  }
  node.content = JSON.stringify(h, null, 2) + '\n';
}

/** "Priya Nair": a person's name from his account (the user name when he has none). */
function chargeName(p) {
  var name = (eoText(p.properties.firstName) + ' ' + eoText(p.properties.lastName)).replace(/^\s+|\s+$/g, '');
  return name || String(p.properties.userName);
}

(function () {
  var asker = String(initiator.properties.userName);
  if (!people.isAdmin(people.getPerson(asker))) eoFail(asker + ' is not an administrator: only an administrator may transfer charge');
  var h = eoHierarchy();
  var post = eoPost(h, eoVar('eowf_chargePost'));
  var group = eoGroupOf(h, post.code);
  if (!people.getGroup(group)) eoFail('The post group ' + group + ' is missing: run npx eoffice install');
  var to = eoVar('eowf_chargeTo');
  var successor = to ? people.getPerson(to) : null;
  if (!successor) eoFail('No user ' + to + ' to take charge of ' + eoTitle(h, post));
  to = String(successor.properties.userName);

  // The predecessor: named, or the one officer the post's group holds in his own right (a link officer
  // named for an absent incumbent is not one; none: a vacant post is filled).
  var all = people.getMembers(people.getGroup(group), false);
  var members = [];
  for (var mi = 0; mi < all.length; mi++) if (!eoLinkOf(group, String(all[mi].properties.userName))) members.push(all[mi]);
  var from = eoVar('eowf_chargeFrom');
  if (from) {
    if (!eoIsMember(group, from) || eoLinkOf(group, from)) eoFail(from + ' does not hold ' + eoTitle(h, post));
  } else if (members.length > 1) {
    eoFail(eoTitle(h, post) + ' is held by ' + members.length + ' officers: name whose charge passes (eowf_chargeFrom)');
  } else if (members.length == 1) from = String(members[0].properties.userName);
  if (from == to) eoFail(to + ' already holds ' + eoTitle(h, post));
  if (eoIsMember(group, to)) eoFail(to + ' already holds ' + eoTitle(h, post));

  // The day charge passes: today unless given, never a day not yet come (IST days).
  var today = eoDomain.officeDay(new Date());
  var on = eoVar('eowf_chargeOn') || today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || isNaN(new Date(on + 'T00:00:00Z').getTime())) eoFail('Not a date: ' + on + ' (YYYY-MM-DD)');
  if (on > today) eoFail('Charge cannot be transferred on ' + eoDomain.officeDate(on) + ', a day still to come');

  // His name in Hindi as given, else as his account records it (eo:officer's eo:nameHi), else in English.
  var names = {
    en: chargeName(successor),
    hi: eoVar('eowf_chargeNameHi') || eoText(successor.properties['eo:nameHi']) || chargeName(successor)
  };
  var remarks =
    'Charge transferred from ' +
    (from ? chargeName(people.getPerson(from)) + ' (' + from + ')' : 'a vacant post') +
    ' to ' +
    names.en +
    ' (' +
    to +
    ') on ' +
    eoDomain.officeDate(on);

  // Only the post's own tasks go back to its pool: a task of another post the predecessor also holds (an
  // approval that post must decide about an item this one holds) stays hers (pending.js eoReleasePostItemClaims).
  var found = eoPostPending(h, group);
  var pending = found.held.concat(found.approvals);
  var released = 0;
  var drafts = 0;
  for (var i = 0; i < pending.length; i++) {
    var item = pending[i];
    var held = i < found.held.length;
    released += eoReleasePostItemClaims(item, group, from, held);
    if (held) drafts += chargeDisown(item, from);
    var m = eoRecord(item, { action: 'transferOfCharge', from: group, fromUser: from || '', to: group, remarks: remarks });
    m.properties['eo:movementToUser'] = to;
    m.save();
  }

  if (from) people.removeAuthority(people.getGroup(group), people.getPerson(from));
  people.addAuthority(people.getGroup(group), successor);
  chargeHierarchy(post.code, to, names, from || '', on);

  // What passed, for the caller (the process ends at once; its variables stay in its history).
  execution.setVariable('eowf_chargeFrom', from || '');
  execution.setVariable('eowf_chargeItems', pending.length);
  execution.setVariable('eowf_chargeReleased', released);
  execution.setVariable('eowf_chargeDrafts', drafts);
})();
