// e-Office notices (issue 19): when an item reaches a post's Inbox (sent, sent back, a copy for information, an
// approval asked) or is pulled back from it, every officer of that post gets ONE notice (an eo:notice in the
// "eOffice Notices" folder under his home, read by the bell in the header) and, unless he chose the daily
// digest, one mail in his language, sent by the repository through Alfresco's `mail` action.
// Plain ES5 for Rhino and V8; build.mjs puts it after lib.js in every script (the listeners run as admin).
//
// Only Alfresco's script API is used, so the same code runs on ACS: people.getMembers, the person's
// cm:homeFolder, ScriptNode.createFolder/createNode/setPermission, preferenceService.getPreferences (the
// officer's `locale` and `eoffice.notices.mail`, set through POST /alfresco/s/api/people/{userid}/preferences:
// ScriptPreferenceService, PreferenceServiceImpl), actions.create('mail') (MailActionExecuter).

/** The folder under each officer's home that holds his notices. */
var EO_NOTICES_FOLDER = 'eOffice Notices';

/**
 * The officer's notices folder, made on his first notice: inheritance off and Collaborator for him alone, so
 * only he (and administrators) read his notices and he may mark them read, but not delete or re-own them.
 * Null for someone without a home folder (nothing to keep a notice in).
 */
function eoNoticeFolder(userName) {
  var officer = people.getPerson(userName);
  var home = officer ? officer.properties['cm:homeFolder'] : null;
  if (!home) return null;
  var folder = home.childByNamePath(EO_NOTICES_FOLDER);
  if (folder) return folder;
  folder = eoAdminMade(home.createFolder(EO_NOTICES_FOLDER));
  folder.setInheritsPermissions(false);
  folder.setPermission('Collaborator', userName);
  return folder;
}

/** The officer's preferences as ScriptPreferenceService gives them (dotted names as nested objects); {} on failure. */
function eoNoticePreferences(userName) {
  try {
    var prefs = preferenceService.getPreferences(userName);
    return prefs ? prefs : {};
  } catch (e) {
    // A preference that cannot be read must not stop the movement: English, one mail per notice.
    return {};
  }
}

/** 'hi' when the officer's `locale` preference (what MailActionExecuter reads) is Hindi, else 'en'. */
function eoNoticeLanguage(prefs) {
  var locale = prefs && prefs.locale ? String(prefs.locale) : '';
  return locale.toLowerCase().indexOf('hi') == 0 ? 'hi' : 'en';
}

/** The officer's preference eoffice.notices.mail: 'daily' (a digest instead of a mail per notice), 'both', or ''. */
function eoNoticeMailChoice(prefs) {
  var eo = prefs ? prefs.eoffice : null;
  var notices = eo ? eo.notices : null;
  var choice = notices ? String(notices.mail) : '';
  return choice == 'daily' || choice == 'both' ? choice : '';
}

/** Whether the officer asked for one mail a day instead of one per notice (preference eoffice.notices.mail = daily). */
function eoNoticeDigest(prefs) {
  return eoNoticeMailChoice(prefs) == 'daily';
}

/** A post in words, in English or Hindi: designation (section). */
function eoNoticePostTitle(h, post, lang) {
  var section = null;
  for (var i = 0; i < h.sections.length; i++) if (h.sections[i].code == post.section) section = h.sections[i];
  var designation = post.designation[lang] || post.designation.en;
  return section ? designation + ' (' + (section.name[lang] || section.name.en) + ')' : designation;
}

/** The notice's first line, in the officer's language (`notice`: the due date and the norm of due and overdue). */
function eoNoticeHeadline(kind, number, from, lang, notice) {
  if (kind == 'due') return lang == 'hi' ? number + ' की नियत तिथि ' + notice.due + ' आ गई है' : number + ' is due on ' + notice.due;
  if (kind == 'overdue')
    return lang == 'hi'
      ? number + ' आपके पास ' + notice.since + ' से है: ' + notice.norm + ' कार्य दिवसों का मानदंड पार हो गया है'
      : number + ' has been with you since ' + notice.since + ', beyond the norm of ' + notice.norm + ' working days';
  if (lang == 'hi') {
    if (kind == 'sendBack') return number + ' ' + from + ' द्वारा आपको वापस भेजी गई है';
    if (kind == 'copy') return number + ' की प्रति सूचनार्थ ' + from + ' द्वारा आपको भेजी गई है';
    if (kind == 'approval') return from + ' ने ' + number + ' पर आपका अनुमोदन माँगा है';
    if (kind == 'pullBack') return number + ' ' + from + ' द्वारा आपसे वापस ले ली गई है';
    return number + ' ' + from + ' द्वारा आपको भेजी गई है';
  }
  if (kind == 'sendBack') return number + ' has been sent back to you by ' + from;
  if (kind == 'copy') return 'A copy of ' + number + ' has been sent to you for information by ' + from;
  if (kind == 'approval') return from + ' asks for your approval on ' + number;
  if (kind == 'pullBack') return number + ' has been pulled back from you by ' + from;
  return number + ' has been sent to you by ' + from;
}

/**
 * The mail of one notice: subject and plain text in the officer's language, sent after the movement commits.
 * The words of each language are made once per notice and kept on it for the post's other officers.
 */
function eoNoticeMail(h, userName, lang, notice) {
  var words = (notice.mails = notice.mails || {})[lang] || (notice.mails[lang] = eoNoticeMailWords(h, lang, notice));
  eoSendMail(h, userName, words.subject, words.text, notice.node);
}

/** A notice's mail subject and text in one language. */
function eoNoticeMailWords(h, lang, notice) {
  var from = lang == 'hi' ? notice.fromTitleHi : notice.fromTitle;
  var headline = eoNoticeHeadline(notice.kind, notice.number, from, lang, notice);
  var when = eoDomain.officeDateTime(notice.at);
  var lines = [headline, ''];
  if (lang == 'hi') {
    lines.push('विषय: ' + notice.subject);
    if (notice.remarks) lines.push('टिप्पणी: ' + notice.remarks);
    lines.push('दिनांक: ' + when);
    lines.push('');
    lines.push('कार्रवाई के लिए ई-ऑफिस खोलें।');
  } else {
    lines.push('Subject: ' + notice.subject);
    if (notice.remarks) lines.push('Remarks: ' + notice.remarks);
    lines.push('On: ' + when);
    lines.push('');
    lines.push('Open e-Office to act on it.');
  }
  return { subject: (lang == 'hi' ? 'ई-ऑफिस: ' : 'e-Office: ') + headline, text: lines.join('\n') };
}

/**
 * One notice (and mail) to every officer of `toGroup` about `item`: `kind` send | sendBack | copy | approval |
 * pullBack, from the post `fromGroup` where `actor` acted, with the movement's remarks. Each officer once,
 * however many of his groups lead to the post.
 */
function eoNotify(h, item, kind, toGroup, fromGroup, actor, remarks) {
  var group = people.getGroup(toGroup);
  if (!group) return;
  var members = people.getMembers(group, true);
  var fromPost = eoPost(h, fromGroup);
  var at = new Date();
  var number = eoText(item.properties['eo:receiptNumber'] || item.properties['eo:fileNumber'] || item.name);
  var notice = {
    kind: kind,
    number: number,
    subject: eoText(item.properties['eo:subject']),
    remarks: remarks ? String(remarks) : '',
    fromTitle: eoNoticePostTitle(h, fromPost, 'en'),
    fromTitleHi: eoNoticePostTitle(h, fromPost, 'hi'),
    at: at
  };
  // What every officer's notice says, made once for the post.
  var props = {
    'eo:noticeKind': kind,
    'eo:noticeItem': item,
    'eo:noticeItemId': String(item.id),
    'eo:noticeItemType': item.isSubType('eo:file') ? 'file' : 'receipt',
    'eo:noticeItemNumber': number,
    'eo:noticeSubject': notice.subject,
    'eo:noticeFrom': String(fromGroup),
    'eo:noticeFromTitle': notice.fromTitle,
    'eo:noticeFromTitleHi': notice.fromTitleHi,
    'eo:noticeFromUser': String(actor),
    'eo:noticeTo': String(toGroup),
    'eo:noticeAt': at,
    'eo:noticeRead': false
  };
  if (notice.remarks) props['eo:noticeRemarks'] = notice.remarks;
  // Unique within the folder: the time, the event, the item and the post (one event, one notice per post).
  var name = at.getTime() + '-' + kind + '-' + String(item.id) + '-' + String(toGroup);
  var done = [];
  for (var i = 0; i < members.length; i++) {
    var userName = String(members[i].properties.userName);
    if (done.indexOf(userName) >= 0) continue;
    done.push(userName);
    var folder = eoNoticeFolder(userName);
    if (!folder) continue;
    // What was pulled back is no longer his to open: its earlier notices are done with.
    if (kind == 'pullBack') eoNoticesRead(folder, item);
    notice.node = folder.createNode(name, 'eo:notice', eoAdminOwned(props));
    var prefs = eoNoticePreferences(userName);
    if (!eoNoticeDigest(prefs)) eoNoticeMail(h, userName, eoNoticeLanguage(prefs), notice);
  }
}

/** Marks read every unread notice of `item` in an officer's notices folder. */
function eoNoticesRead(folder, item) {
  var list = folder.children;
  for (var i = 0; i < list.length; i++) {
    var n = list[i];
    if (eoText(n.properties['eo:noticeItemId']) != String(item.id) || String(n.properties['eo:noticeRead']) == 'true') continue;
    n.properties['eo:noticeRead'] = true;
    n.save();
  }
}

// ------------------------------------------------------------------ due date and the 7-working-day norm
//
// The holder task carries two non-interrupting timer boundary events (Activiti 5's timeDate, as eoLink's task
// does): `due` at 00:00 IST of the item's eo:dueDate, `norm` at 00:00 IST of the first day on which the item has
// been held more than the norm's working days (the hierarchy's escalation.normDays, else CSMOP's 7, counted as
// the MIS counts them: working days after the day it arrived, over Data Dictionary/eOffice/holidays-<year>.json).
// eoSetHolder computes both from the item each time the task is entered (after the custody is written), so no
// variable a caller sets decides them. When a timer fires, its flow's listener (due.js, overdue.js) gives every
// officer of the holding post one notice (and one mail), named by the event, the item and the holding, so a
// task entered again for the same holding (a copy, a park) never repeats it.

/** Working days a case may be held before it is over the norm: the hierarchy's escalation.normDays, else 7. */
function eoNormDays(h) {
  var e = h && h.escalation ? h.escalation : null;
  var n = e && e.normDays !== undefined ? Number(e.normDays) : 7;
  return n >= 1 && Math.floor(n) == n ? n : 7;
}

/**
 * The holiday calendar of a year (Data Dictionary/eOffice/holidays-<year>.json) as the domain reads it, or null
 * when there is none or the domain refuses it (parseHolidayCalendar): that year then has the weekly offs only,
 * as the browser's MIS counts it.
 */
function eoCalendar(year) {
  var node = companyhome.childByNamePath('Data Dictionary/eOffice/holidays-' + year + '.json');
  if (!node) return null;
  try {
    return eoDomain.parseHolidayCalendar(JSON.parse(String(node.content)));
  } catch (e) {
    return null;
  }
}

var eoWorkingDaysMade = null;

/**
 * The department's working days, counted by the domain's WorkingDays (domain/working-days.ts, the MIS's own
 * count): each year's calendar is read the first time a day of that year is counted, once per script run.
 */
function eoWorkingDays() {
  if (!eoWorkingDaysMade) eoWorkingDaysMade = new eoDomain.WorkingDays(eoDomain.WEEKLY_OFFS_ONLY, eoCalendar);
  return eoWorkingDaysMade;
}

/** The first office day on which an item held since `since` (a date) is over `norm` working days. */
function eoNormPassedOn(since, norm) {
  return eoWorkingDays().normPassedOn(eoDate(since), norm);
}

/** 00:00 IST of an office day, as the ISO text Activiti's timeDate takes. */
function eoOfficeMidnight(day) {
  return day + 'T00:00:00' + eoDomain.OFFICE_UTC_OFFSET;
}

/**
 * The holder task's timers, from the item: eowf_dueAt (00:00 IST of eo:dueDate, '' for none: no timer) and
 * eowf_normAt. Called by eoSetHolder, before the task is entered (Activiti creates a scope's timers first).
 */
function eoScheduleNotices(h, item) {
  var due = item.properties['eo:dueDate'];
  var since = item.properties['eo:heldSince'];
  execution.setVariable('eowf_dueAt', due ? eoOfficeMidnight(eoDomain.officeDay(eoDate(due))) : '');
  execution.setVariable('eowf_normAt', since ? eoOfficeMidnight(eoNormPassedOn(since, eoNormDays(h))) : '');
}

/**
 * A timer of the holder task fired (`kind` due | overdue): each officer of the holding post gets one notice and,
 * unless he chose the digest, one mail. Nothing for an item no longer in movement (parked, waiting for an
 * approval) or without a due date, and nothing twice for one holding.
 */
function eoHolderNotice(kind) {
  var item = eoItem();
  if (eoText(item.properties['eo:status']) != 'inMovement' || eoText(item.properties['eo:pendingRequest'])) return;
  var h = eoHierarchy();
  var holderGroup = eoText(item.properties['eo:currentHolder']);
  var since = eoDate(item.properties['eo:heldSince']);
  var due = eoDate(item.properties['eo:dueDate']);
  if (!holderGroup || !since || (kind == 'due' && !due)) return;
  var norm = eoNormDays(h);
  var key = kind + '-' + String(item.id) + '-' + since.getTime() + (kind == 'due' ? '-' + eoDomain.officeDay(due) : '');
  var holder = eoPost(h, holderGroup);
  var number = eoText(item.properties['eo:receiptNumber'] || item.properties['eo:fileNumber'] || item.name);
  var at = new Date();
  var notice = {
    kind: kind,
    number: number,
    subject: eoText(item.properties['eo:subject']),
    remarks: '',
    due: due ? eoDomain.officeDate(due) : '',
    since: eoDomain.officeDate(since),
    norm: norm,
    fromTitle: eoNoticePostTitle(h, holder, 'en'),
    fromTitleHi: eoNoticePostTitle(h, holder, 'hi'),
    at: at
  };
  var props = {
    'eo:noticeKind': kind,
    'eo:noticeItem': item,
    'eo:noticeItemId': String(item.id),
    'eo:noticeItemType': item.isSubType('eo:file') ? 'file' : 'receipt',
    'eo:noticeItemNumber': number,
    'eo:noticeSubject': notice.subject,
    'eo:noticeFrom': holderGroup,
    'eo:noticeFromTitle': notice.fromTitle,
    'eo:noticeFromTitleHi': notice.fromTitleHi,
    'eo:noticeFromUser': 'admin',
    'eo:noticeTo': holderGroup,
    'eo:noticeAt': at,
    'eo:noticeRead': false
  };
  // Escalation: the post the holder reports to may now read the item (and its movements), so its officers find it
  // on their dashboard among the items past their due date or the norm (domain escalation-query.ts).
  var reporting = holder.reportsTo ? eoGroupOf(h, holder.reportsTo) : '';
  if (reporting && eoAuthorities(item).indexOf(reporting) < 0) {
    item.setPermission('Consumer', reporting);
    eoFolder(item, 'Movements').setPermission('Consumer', reporting);
  }
  var group = people.getGroup(holderGroup);
  if (!group) return;
  var members = people.getMembers(group, true);
  var done = [];
  for (var i = 0; i < members.length; i++) {
    var userName = String(members[i].properties.userName);
    if (done.indexOf(userName) >= 0) continue;
    done.push(userName);
    var folder = eoNoticeFolder(userName);
    if (!folder || folder.childByNamePath(key)) continue;
    notice.node = folder.createNode(key, 'eo:notice', eoAdminOwned(props));
    var prefs = eoNoticePreferences(userName);
    if (!eoNoticeDigest(prefs)) eoNoticeMail(h, userName, eoNoticeLanguage(prefs), notice);
  }
}

// ------------------------------------------------------------------ the daily mails (eoDaily)

/** The first time after `after` (a date) at the hierarchy's escalation.dailyMailAt (IST, default 09:00), as ISO text. */
function eoDailyNext(h, after) {
  var at = h && h.escalation && h.escalation.dailyMailAt ? String(h.escalation.dailyMailAt) : '09:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) at = '09:00';
  var day = eoDomain.officeDay(after);
  for (;;) {
    var text = day + 'T' + at + ':00' + eoDomain.OFFICE_UTC_OFFSET;
    if (Date.parse(text) > after.getTime()) return text;
    day = eoDomain.nextOfficeDay(day);
  }
}

/** Working days an item held since `since` (a date) has been held on the office day `day` (the MIS's age). */
function eoWorkingDaysHeld(since, day) {
  return eoWorkingDays().age(eoDate(since), day);
}

/**
 * Sends one mail to a user (to_many: his cm:email) through Alfresco's `mail` action. A mail server that is down must
 * not undo a movement (ignore_send_failure), and a movement rolled back sends nothing (send_after_commit).
 */
function eoSendMail(h, userName, subject, text, node) {
  var mail = actions.create('mail');
  if (!mail) return;
  mail.parameters.to_many = userName;
  mail.parameters.subject = subject;
  mail.parameters.text = text;
  if (h.department.email) mail.parameters.from = String(h.department.email);
  mail.parameters.send_after_commit = true;
  mail.parameters.ignore_send_failure = true;
  mail.execute(node);
}
