// A link officer's period begins (eoLink's non-interrupting timer on the absent officer's task, due at 00:00 IST
// of the first day; run as admin): the link officer joins the post's group, so what is marked to the post
// reaches him from then on, and what the absent officer had opened goes back to the post's pool for him.
// Nothing when the link has ended meanwhile (its register node renamed by unlink.js), its last day is over
// (the job ran late), or he is a member already (a link from today, whose start made him one and released
// her claims; or he has since taken charge of the post).
(function () {
  var group = eoVar('eowf_linkGroup');
  var linkOfficer = eoVar('eowf_linkOfficer');
  var link = eoLinkOf(group, linkOfficer);
  if (!link || eoText(link.properties['eo:linkProcess']) != String(execution.processInstanceId)) return;
  if (eoDomain.officeDay(new Date()) > eoLinkLastDay(link)) return;
  var g = people.getGroup(group);
  var officer = people.getPerson(linkOfficer);
  if (!g || !officer || eoLinkInGroup(group, linkOfficer)) return;
  people.addAuthority(g, officer);
  // The absent officer's claims on the post's tasks go back to its pool (as link.js does for a link from
  // today); whom he acts for is the register's word, not a variable his process's users could set.
  eoReleasePostClaims(eoHierarchy(), group, eoText(link.properties['eo:linkFor']));
})();
