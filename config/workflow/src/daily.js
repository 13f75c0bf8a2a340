// eoDaily's start (runs as admin): the daily mails (digests of pending items, escalations to reporting posts) are
// started once, by `npx eoffice install`, as an administrator. An officer starting it through POST /processes is
// refused: he could otherwise make the repository mail others. The process then waits in the administrator's
// task, whose timer is due at the hierarchy's escalation.dailyMailAt (IST); see digest.js.
(function () {
  var asker = String(initiator.properties.userName);
  if (!people.isAdmin(people.getPerson(asker)))
    eoFail(asker + ' is not an administrator: only an administrator starts the daily mails (npx eoffice install does)');
  execution.setVariable('eowf_dailyAt', eoDailyNext(eoHierarchy(), new Date()));
})();
