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
  folder = home.createFolder(EO_NOTICES_FOLDER);
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

/** Whether the officer asked for one mail a day instead of one per notice (preference eoffice.notices.mail = daily). */
function eoNoticeDigest(prefs) {
  var eo = prefs ? prefs.eoffice : null;
  var notices = eo ? eo.notices : null;
  return !!notices && String(notices.mail) == 'daily';
}

/** A post in words, in English or Hindi: designation (section). */
function eoNoticePostTitle(h, post, lang) {
  var section = null;
  for (var i = 0; i < h.sections.length; i++) if (h.sections[i].code == post.section) section = h.sections[i];
  var designation = post.designation[lang] || post.designation.en;
  return section ? designation + ' (' + (section.name[lang] || section.name.en) + ')' : designation;
}

/** The notice's first line, in the officer's language. */
function eoNoticeHeadline(kind, number, from, lang) {
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
  var mail = actions.create('mail');
  if (!mail) return;
  var words = (notice.mails = notice.mails || {})[lang] || (notice.mails[lang] = eoNoticeMailWords(h, lang, notice));
  mail.parameters.to_many = userName;
  mail.parameters.subject = words.subject;
  mail.parameters.text = words.text;
  if (h.department.email) mail.parameters.from = String(h.department.email);
  // A mail server that is down must not undo a movement, and a movement rolled back sends nothing.
  mail.parameters.send_after_commit = true;
  mail.parameters.ignore_send_failure = true;
  mail.execute(notice.node);
}

/** A notice's mail subject and text in one language. */
function eoNoticeMailWords(h, lang, notice) {
  var from = lang == 'hi' ? notice.fromTitleHi : notice.fromTitle;
  var headline = eoNoticeHeadline(notice.kind, notice.number, from, lang);
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
    notice.node = folder.createNode(name, 'eo:notice', props);
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
