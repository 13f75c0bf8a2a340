// Naming a link officer (eoLink's start, run as admin). An officer names one for his own post while he is away,
// an administrator for any officer's, from a first day (today unless given, eowf_linkFrom) to a last day; the
// register Data Dictionary/eOffice/Links/<link officer>/<post group> records for whom and from and until which
// day. The link officer joins the post's group (so items marked to the post reach him and he may act on them,
// links.js) at once when the period begins today, else when its first day begins (00:00 IST): the task's
// non-interrupting timer (linkbegins.js); then the tasks the absent officer had claimed (opened) go back to
// the post's pool, so the link officer may act on those too. The process waits in the absent officer's task
// "link officer named": its other timer, due when the last day is over (IST), or his completing it (he is back
// early, or no longer going) ends the link (unlink.js). Who asks is `initiator` (ACS sets it after the client's variables).

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
  var isDay = function (day) {
    return /^\d{4}-\d{2}-\d{2}$/.test(day) && !isNaN(new Date(day + 'T00:00:00Z').getTime());
  };
  var until = eoVar('eowf_linkUntil');
  if (!isDay(until)) eoFail('Not a date: ' + until + ' (YYYY-MM-DD)');
  if (until < today) eoFail('The last day of the link, ' + eoDomain.officeDate(until) + ', is already over');
  var from = eoVar('eowf_linkFrom') || today;
  if (!isDay(from)) eoFail('Not a date: ' + from + ' (YYYY-MM-DD)');
  if (from < today) eoFail('The first day of the link, ' + eoDomain.officeDate(from) + ', is already over');
  if (from > until)
    eoFail('The first day of the link, ' + eoDomain.officeDate(from) + ', comes after its last day, ' + eoDomain.officeDate(until));
  var later = from > today;

  var dictionary = companyhome.childByNamePath('Data Dictionary/eOffice');
  if (!dictionary) eoFail('Data Dictionary/eOffice is missing: run npx eoffice install');
  var links = dictionary.childByNamePath('Links');
  if (!links) links = eoAdminMade(dictionary.createFolder('Links'));
  var mine = links.childByNamePath(linkOfficer);
  if (!mine) mine = eoAdminMade(links.createFolder(linkOfficer));
  if (mine.childByNamePath(group)) eoFail(linkOfficer + ' is already link officer of ' + eoTitle(h, post));
  var node = eoAdminMade(mine.createNode(group, 'cm:content', {}));
  node.addAspect('eo:linkCharge', {
    'eo:linkPost': group,
    'eo:linkFor': forUser,
    'eo:linkOfficer': linkOfficer,
    // When he may act: now, or the first day's 00:00 IST (links.js refuses him before it).
    'eo:linkFrom': later ? new Date(Date.parse(eoDomain.officeMidnight(from))) : new Date(),
    'eo:linkUntil': until,
    'eo:linkProcess': String(execution.processInstanceId)
  });
  if (!later) people.addAuthority(people.getGroup(group), officer);
  // What the absent officer had opened is claimed by him (opening claims, assign.js), and a claimed task is
  // offered to no one else: CSMOP's link officer acts on everything marked to the post, opened or not. So
  // as the period begins his claims on the post's tasks go back to its pool (only his, only this post's:
  // pending.js); a link from a later day does it when that day begins (linkbegins.js).
  execution.setVariable('eowf_linkReleased', later ? 0 : eoReleasePostClaims(h, group, forUser));

  // The absent officer's task and its timers: the first day's start (00:00 IST; already past for a link from
  // today, whose job then finds him a member), and the start of the day after the last (IST).
  execution.setVariable('eowf_linkFor', forUser);
  execution.setVariable('eowf_linkOfficer', linkOfficer);
  execution.setVariable('eowf_linkGroup', group);
  execution.setVariable('eowf_linkStarts', from + 'T00:00:00' + eoDomain.OFFICE_UTC_OFFSET);
  execution.setVariable('eowf_linkEnds', eoDomain.nextOfficeDay(until) + 'T00:00:00' + eoDomain.OFFICE_UTC_OFFSET);
  execution.setVariable(
    'eowf_linkLabel',
    linkOfficer +
      ' for ' +
      forUser +
      ', ' +
      eoTitle(h, post) +
      (later ? ', from ' + eoDomain.officeDate(from) : '') +
      ', until ' +
      eoDomain.officeDate(until)
  );
})();
