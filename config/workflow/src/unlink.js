// The end of a link (eoLink's task ends: its timer fired after the last day, the absent officer completed it,
// or the process was deleted; run as admin): the post's tasks the link officer had claimed go back to its
// pool, he leaves the post's group, and the register node is kept under another name (so links.js no longer
// finds it) with when it ended. Done once: a link already ended changes nothing.
(function () {
  var group = eoVar('eowf_linkGroup');
  var linkOfficer = eoVar('eowf_linkOfficer');
  var link = eoLinkOf(group, linkOfficer);
  if (!link || eoText(link.properties['eo:linkProcess']) != String(execution.processInstanceId)) return;
  var g = people.getGroup(group);
  var officer = people.getPerson(linkOfficer);
  // A link whose first day had not come yet never made him a member. What he had opened and not yet acted on
  // goes back to the post's pool before he leaves, as the absent officer's did when the period began: a claim
  // left with him would keep it from everyone else (he may no longer act, links.js), and the returning
  // officer finds it in her Inbox, still opened, as an officer who takes over a desk expects (pending.js).
  if (g && officer && eoLinkInGroup(group, linkOfficer)) {
    eoReleasePostClaims(eoHierarchy(), group, linkOfficer);
    people.removeAuthority(g, officer);
  }
  link.properties['eo:linkEndedAt'] = new Date();
  link.save();
  link.name = group + '-ended-' + String(execution.processInstanceId);
  link.save();
})();
