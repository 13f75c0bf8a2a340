// The end of a link (eoLink's task ends: its timer fired after the last day, the absent officer completed it,
// or the process was deleted; run as admin): the link officer leaves the post's group and the register node
// is kept under another name (so links.js no longer finds it) with when it ended. Done once: a link already
// ended changes nothing.
(function () {
  var group = eoVar('eowf_linkGroup');
  var linkOfficer = eoVar('eowf_linkOfficer');
  var link = eoLinkOf(group, linkOfficer);
  if (!link || eoText(link.properties['eo:linkProcess']) != String(execution.processInstanceId)) return;
  var g = people.getGroup(group);
  var officer = people.getPerson(linkOfficer);
  // A link whose first day had not come yet never made him a member.
  if (g && officer && eoLinkInGroup(group, linkOfficer)) people.removeAuthority(g, officer);
  link.properties['eo:linkEndedAt'] = new Date();
  link.save();
  link.name = group + '-ended-' + String(execution.processInstanceId);
  link.save();
})();
