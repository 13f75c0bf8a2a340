// Link officers (issue 19), shared by every script: while an officer is away, the link officer he (or an
// administrator) named is a member of his post's group (eoLink, link.js), so items marked to the post reach
// him and every membership check lets him act. The register Data Dictionary/eOffice/Links/<link officer>/<post
// group> (written only by eoLink as the administrator) says that membership is a link, for whom, and until
// which day: the repository, not the browser, ends it. The link's own timer takes him out of the group when
// the last day is over; until that job has run, eoIsMember already refuses him (eoLinkAllows), and a movement
// he makes inside the period records whom he acted for (eo:movementForUser: "X for Y").

var EO_LINKS_PATH = 'Data Dictionary/eOffice/Links';

/** The register node of `user`'s link to `group`, or null when his membership is not a link. */
function eoLinkOf(group, user) {
  if (!group || !user) return null;
  return companyhome.childByNamePath(EO_LINKS_PATH + '/' + user + '/' + group);
}

/** The last day (IST, YYYY-MM-DD) of a link. */
function eoLinkLastDay(link) {
  return eoText(link.properties['eo:linkUntil']);
}

/** Who the link officer acts for in the current action, set by eoLinkAllows; read by eoRecord. */
var eoLinkActing = null;

/** Whether `user` is a direct member of `group` (a link officer is put there, and taken out, directly). */
function eoLinkInGroup(group, user) {
  var g = people.getGroup(group);
  if (!g) return false;
  var members = people.getMembers(g, false);
  for (var i = 0; i < members.length; i++) if (String(members[i].properties.userName) == String(user)) return true;
  return false;
}

/**
 * Whether `user`, found in `group`, may act for it: always, unless his membership is a link outside its period:
 * before its first day began (eo:linkFrom, 00:00 IST of that day) or after its last day (the timers that add
 * and remove him may not have run when they were due). A link inside its period is remembered for the
 * movement record.
 */
function eoLinkAllows(group, user) {
  var link = eoLinkOf(group, user);
  if (!link) return true;
  var from = link.properties['eo:linkFrom'];
  if (from && new Date().getTime() < from.getTime()) return false;
  if (eoDomain.officeDay(new Date()) > eoLinkLastDay(link)) return false;
  eoLinkActing = { user: String(user), group: String(group), forUser: eoText(link.properties['eo:linkFor']) };
  return true;
}

/** The absent officer a movement by `fromUser` is made for, or '' when he acts in his own right. */
function eoLinkFor(fromUser) {
  return eoLinkActing && eoLinkActing.user == String(fromUser) ? eoLinkActing.forUser : '';
}
