// Naming a link officer (eoLink's start, run as admin). An officer names one for his own post while he is away,
// an administrator for any officer's; the link officer joins the post's group at once (so items marked to the
// post reach him and he may act on them, links.js) and the register Data Dictionary/eOffice/Links/<link
// officer>/<post group> records for whom and until which day. The process then waits in the absent officer's
// task "link officer named": its timer, due when the last day is over (IST), or his completing it (he is back
// early) ends the link (unlink.js). Who asks is `initiator` (ACS sets it after the client's variables).

(function () {
  var asker = String(initiator.properties.userName);
  var admin = people.isAdmin(people.getPerson(asker));
  var h = eoHierarchy();
  var post = eoPost(h, eoVar('eowf_linkPost'));
  var group = eoGroupOf(h, post.code);
  var forUser = eoVar('eowf_linkFor') || asker;
  if (forUser != asker && !admin) eoFail(asker + ' may name a link officer only for himself; an administrator names one for others');
  // The absent officer holds the post in his own right, not as someone else's link officer.
  if (!eoIsMember(group, forUser) || eoLinkOf(group, forUser)) eoFail(forUser + ' does not hold ' + eoTitle(h, post));
  var officer = people.getPerson(eoVar('eowf_linkOfficer'));
  if (!officer) eoFail('No user ' + eoVar('eowf_linkOfficer') + ' to be link officer');
  var linkOfficer = String(officer.properties.userName);
  if (linkOfficer == forUser) eoFail('An officer cannot be his own link officer');
  if (eoIsMember(group, linkOfficer)) eoFail(linkOfficer + ' already holds ' + eoTitle(h, post));

  var today = eoDomain.officeDay(new Date());
  var until = eoVar('eowf_linkUntil');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || isNaN(new Date(until + 'T00:00:00Z').getTime()))
    eoFail('Not a date: ' + until + ' (YYYY-MM-DD)');
  if (until < today) eoFail('The last day of the link, ' + eoDomain.officeDate(until) + ', is already over');

  var dictionary = companyhome.childByNamePath('Data Dictionary/eOffice');
  if (!dictionary) eoFail('Data Dictionary/eOffice is missing: run npx eoffice install');
  var links = dictionary.childByNamePath('Links');
  if (!links) links = dictionary.createFolder('Links');
  var mine = links.childByNamePath(linkOfficer);
  if (!mine) mine = links.createFolder(linkOfficer);
  if (mine.childByNamePath(group)) eoFail(linkOfficer + ' is already link officer of ' + eoTitle(h, post));
  var node = mine.createNode(group, 'cm:content', {});
  node.addAspect('eo:linkCharge', {
    'eo:linkPost': group,
    'eo:linkFor': forUser,
    'eo:linkOfficer': linkOfficer,
    'eo:linkFrom': new Date(),
    'eo:linkUntil': until,
    'eo:linkProcess': String(execution.processInstanceId)
  });
  people.addAuthority(people.getGroup(group), officer);

  // The absent officer's task, and its timer: due at the start of the day after the last (IST).
  execution.setVariable('eowf_linkFor', forUser);
  execution.setVariable('eowf_linkOfficer', linkOfficer);
  execution.setVariable('eowf_linkGroup', group);
  execution.setVariable('eowf_linkEnds', eoDomain.nextOfficeDay(until) + 'T00:00:00' + eoDomain.OFFICE_UTC_OFFSET);
  execution.setVariable(
    'eowf_linkLabel',
    linkOfficer + ' for ' + forUser + ', ' + eoTitle(h, post) + ', until ' + eoDomain.officeDate(until)
  );
})();
