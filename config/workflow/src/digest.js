// eoDaily's timer fired (runs as admin, on the timer's flow back to the waiting task): once a day, at the
// hierarchy's escalation.dailyMailAt (IST),
//  - each officer whose preference eoffice.notices.mail is `daily` or `both` gets ONE mail listing the items his
//    posts hold (in movement or parked), in his language;
//  - where escalation.mailReportingPost is true, each officer of a post gets ONE mail listing the items past their
//    due date or the norm held by the posts that report to it.
// The day's run leaves a marker (Data Dictionary/eOffice/Daily mails/<day>, unique by name), so a second eoDaily
// process or a retried job never mails twice for a day. Items are found by TYPE and exact `=` matches and must lie
// in the department's series (Receipts|Files/<year>/<section>/<item>), so a node planted elsewhere is never listed.
(function () {
  var h = eoHierarchy();
  var at = eoDate(execution.getVariable('eowf_dailyAt')) || new Date();
  var now = new Date();
  execution.setVariable('eowf_dailyAt', eoDailyNext(h, at.getTime() > now.getTime() ? at : now));
  var day = eoDomain.officeDay(at);
  var eo = companyhome.childByNamePath('Data Dictionary/eOffice');
  if (!eo) eoFail('Data Dictionary/eOffice is missing: run npx eoffice install');
  var runs = eo.childByNamePath('Daily mails') || eo.createFolder('Daily mails');
  if (runs.childByNamePath(day)) return;
  var marker = runs.createFolder(day);
  var norm = eoNormDays(h);
  var lib = companyhome.childByNamePath('Sites/' + eoDomain.departmentSite(h) + '/documentLibrary');
  if (!lib) return;

  function registered(item) {
    var series = item.isSubType('eo:file') ? eoDomain.FOLDERS.files : eoDomain.FOLDERS.receipts;
    var year = item.parent ? item.parent.parent : null;
    var top = year ? year.parent : null;
    return !!(top && String(top.name) == series && top.parent && String(top.parent.id) == String(lib.id));
  }

  function findAll(query) {
    var out = [];
    for (var skip = 0; ; skip += 500) {
      var page = search.query({ query: query, language: 'afts', page: { maxItems: 500, skipCount: skip } });
      for (var i = 0; i < page.length; i++) out.push(page[i]);
      if (page.length < 500) return out;
    }
  }

  // Every item held, by holding post group, each with what the mails say of it.
  var held = {};
  var kinds = ['eo:receipt', 'eo:file'];
  var statuses = ['inMovement', 'parked'];
  for (var k = 0; k < kinds.length; k++)
    for (var s = 0; s < statuses.length; s++) {
      var found = findAll('TYPE:"' + kinds[k] + '" AND =eo:status:"' + statuses[s] + '"');
      for (var f = 0; f < found.length; f++) {
        var item = found[f];
        var holder = eoText(item.properties['eo:currentHolder']);
        var since = eoDate(item.properties['eo:heldSince']);
        if (!holder || !since || !registered(item)) continue;
        var due = eoDate(item.properties['eo:dueDate']);
        var age = eoWorkingDaysHeld(since, day);
        var moving = statuses[s] == 'inMovement' && !eoText(item.properties['eo:pendingRequest']);
        (held[holder] = held[holder] || []).push({
          number: eoText(item.properties['eo:receiptNumber'] || item.properties['eo:fileNumber'] || item.name),
          subject: eoText(item.properties['eo:subject']),
          since: eoDomain.officeDate(since),
          due: due ? eoDomain.officeDate(due) : '',
          age: age,
          overNorm: moving && age > norm,
          pastDue: moving && !!due && eoDomain.officeDay(due) < day,
          parked: statuses[s] == 'parked',
          holder: holder
        });
      }
    }

  function line(e, lang) {
    var post = eoPost(h, e.holder);
    if (lang == 'hi')
      return (
        '- ' +
        e.number +
        ' — ' +
        e.subject +
        ' — ' +
        eoNoticePostTitle(h, post, 'hi') +
        ', ' +
        e.since +
        ' से (' +
        e.age +
        ' कार्य दिवस)' +
        (e.due ? ', नियत तिथि ' + e.due : '') +
        (e.parked ? ': रखी गई' : e.pastDue ? ': नियत तिथि बीत गई' : e.overNorm ? ': मानदंड से अधिक' : '')
      );
    return (
      '- ' +
      e.number +
      ' — ' +
      e.subject +
      ' — ' +
      eoNoticePostTitle(h, post, 'en') +
      ', since ' +
      e.since +
      ' (' +
      e.age +
      ' working days)' +
      (e.due ? ', due ' + e.due : '') +
      (e.parked ? ': parked' : e.pastDue ? ': past its due date' : e.overNorm ? ': beyond the norm' : '')
    );
  }

  function membersOf(group) {
    var g = people.getGroup(group);
    var out = [];
    var list = g ? people.getMembers(g, true) : [];
    for (var i = 0; i < list.length; i++) {
      var u = String(list[i].properties.userName);
      if (out.indexOf(u) < 0) out.push(u);
    }
    return out;
  }

  var date = eoDomain.officeDate(day);
  // Digests: the officers who asked for one, each with the items of all his posts.
  var digests = {};
  var order = [];
  for (var p = 0; p < h.posts.length; p++) {
    var group = eoGroupOf(h, h.posts[p].code);
    var users = membersOf(group);
    for (var u = 0; u < users.length; u++) {
      var prefs = eoNoticePreferences(users[u]);
      if (!eoNoticeMailChoice(prefs)) continue;
      if (!digests[users[u]]) {
        digests[users[u]] = { lang: eoNoticeLanguage(prefs), items: [] };
        order.push(users[u]);
      }
      digests[users[u]].items = digests[users[u]].items.concat(held[group] || []);
    }
  }
  for (var d = 0; d < order.length; d++) {
    var digest = digests[order[d]];
    if (!digest.items.length) continue;
    var hi = digest.lang == 'hi';
    var lines = [hi ? date + ' को आपके लंबित मामले:' : 'Your pending items on ' + date + ':', ''];
    for (var i = 0; i < digest.items.length; i++) lines.push(line(digest.items[i], digest.lang));
    lines.push('');
    lines.push(hi ? 'कार्रवाई के लिए ई-ऑफिस खोलें।' : 'Open e-Office to act on them.');
    eoSendMail(
      h,
      order[d],
      (hi ? 'ई-ऑफिस: ' + date + ' को आपके लंबित मामले (' : 'e-Office: your pending items on ' + date + ' (') + digest.items.length + ')',
      lines.join('\n'),
      marker
    );
  }

  // Escalation: each post's officers, the overdue items of the posts reporting to it.
  if (!(h.escalation && h.escalation.mailReportingPost === true)) return;
  for (var r = 0; r < h.posts.length; r++) {
    var overdue = [];
    for (var q = 0; q < h.posts.length; q++) {
      if (h.posts[q].reportsTo != h.posts[r].code) continue;
      var list = held[eoGroupOf(h, h.posts[q].code)] || [];
      for (var j = 0; j < list.length; j++) if (list[j].pastDue || list[j].overNorm) overdue.push(list[j]);
    }
    if (!overdue.length) continue;
    var officers = membersOf(eoGroupOf(h, h.posts[r].code));
    for (var o = 0; o < officers.length; o++) {
      var lang = eoNoticeLanguage(eoNoticePreferences(officers[o]));
      var text = [
        lang == 'hi'
          ? 'आपको रिपोर्ट करने वाले पदों के पास ये मामले नियत तिथि या ' + norm + ' कार्य दिवसों के मानदंड से अधिक समय से लंबित हैं:'
          : 'These items are past their due date or the norm of ' + norm + ' working days with the posts reporting to you:',
        ''
      ];
      for (var x = 0; x < overdue.length; x++) text.push(line(overdue[x], lang));
      text.push('');
      text.push(lang == 'hi' ? 'ये आपके ई-ऑफिस डैशबोर्ड पर भी हैं।' : 'They are on your e-Office dashboard too.');
      eoSendMail(
        h,
        officers[o],
        lang == 'hi'
          ? 'ई-ऑफिस: आपको रिपोर्ट करने वाले पदों के पास ' + overdue.length + ' अतिदेय मामले (' + date + ')'
          : 'e-Office: ' + overdue.length + ' overdue items with the posts reporting to you (' + date + ')',
        text.join('\n'),
        marker
      );
    }
  }
})();
