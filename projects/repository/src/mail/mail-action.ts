import type { MailMessage, OutboundSmtpSettings } from './outbound-smtp';

/**
 * Alfresco's `mail` action (MailActionExecuter, alfresco-community-repo
 * repository/src/main/java/org/alfresco/repo/action/executer/MailActionExecuter.java) as scripts use it:
 * `var mail = actions.create('mail'); mail.parameters.to_many = [...]; …; mail.execute(node)`.
 *
 * Without a template ACS prepares ONE message (prepareEmails: "send as bulk message if there is no
 * template"): to `to` with `cc` and `bcc` when `to` is given, else to every address `to_many` resolves to.
 * `to_many` names users (their cm:email when set and valid, skipped when the person is disabled; a user
 * name that is itself an address when not), groups (every user they contain, directly or not) and
 * GROUP_EVERYONE, or addresses of people who are not users. Preparing never throws: a message without
 * recipients is skipped with a warning (prepareEmail catches and returns null), so a notice to a post whose
 * officers have no e-mail addresses sends nothing and fails nothing.
 *
 * Sending fails the action (AlfrescoRuntimeException "Failed to send email to:…") unless
 * `ignore_send_failure` is true; with `send_after_commit` true the message goes out only once the
 * transaction that asked for it has committed, and never when it rolls back.
 *
 * Templates (`template`, `template_model`: FreeMarker in ACS) are not run by the local repository: an
 * action that names one is refused rather than sent without its body. The e-Office workflow composes
 * subject and text itself, in each officer's language.
 */
export interface MailParameters {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  to_many?: unknown;
  subject?: unknown;
  text?: unknown;
  html?: unknown;
  from?: unknown;
  fromPersonalName?: unknown;
  template?: unknown;
  ignore_send_failure?: unknown;
  send_after_commit?: unknown;
}

/** What preparing a message needs to know of people and groups. */
export interface MailDirectory {
  /** The person with this user name, if one exists. */
  person(userName: string): { email: string | null; enabled: boolean } | undefined;
  /** Every user a group contains, directly or through groups in it. */
  usersIn(group: string): string[];
  /** Every user (for GROUP_EVERYONE). */
  allUsers(): string[];
}

/** The failure ACS's action throws; scripts and the workflow see it as the action's error. */
export class MailActionError extends Error {}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;
export const isMailAddress = (s: string) => ADDRESS.test(s);

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.length ? [v] : [];
  if (Array.isArray(v)) return v.map(String).filter((s) => s.length > 0);
  return [String(v)];
}

const text = (v: unknown) => (v === undefined || v === null ? undefined : (v as string));

/** The parameters ACS casts to String while preparing the message (prepareEmail). */
const TEXT_PARAMETERS = ['to', 'subject', 'text', 'html', 'from', 'fromPersonalName'] as const;

/**
 * The message the action sends, or undefined where ACS skips it (no recipient, all invalid).
 * `sender` is the user the action runs as (ACS: the current user; never System or guest).
 */
export function prepareMail(
  params: MailParameters,
  directory: MailDirectory,
  settings: OutboundSmtpSettings,
  sender: string | undefined
): MailMessage | undefined {
  if (params.template !== undefined && params.template !== null)
    throw new MailActionError('Mail templates are not run by the local repository: give the subject and text');
  // A value of another type fails the cast inside prepareEmail, whose catch skips the message with a warning.
  if (TEXT_PARAMETERS.some((k) => params[k] !== undefined && params[k] !== null && typeof params[k] !== 'string')) return undefined;
  let to: string[];
  let cc: string[] | undefined;
  let bcc: string[] | undefined;
  const single = text(params.to);
  if (single) {
    to = [single];
    cc = list(params.cc);
    bcc = list(params.bcc);
  } else {
    const recipients = new Set<string>();
    for (const authority of list(params.to_many)) {
      if (authority.startsWith('GROUP_')) {
        const users = authority === 'GROUP_EVERYONE' ? directory.allUsers() : directory.usersIn(authority);
        for (const user of users) {
          const person = directory.person(user);
          if (person && !person.enabled) continue;
          if (person?.email) recipients.add(person.email);
          // ACS checks the group's name here, not the user's (MailActionExecuter.prepareEmail): a member
          // without an address is never mailed, since a group name is never an address.
        }
      } else {
        const person = directory.person(authority);
        if (person) {
          if (!person.enabled) continue;
          if (person.email && isMailAddress(person.email)) recipients.add(person.email);
          else if (isMailAddress(authority)) recipients.add(authority);
        } else if (isMailAddress(authority)) recipients.add(authority);
      }
    }
    if (recipients.size === 0) return undefined;
    to = [...recipients];
  }
  let from = settings.fromDefault;
  if (settings.fromEnabled) {
    const asked = text(params.from);
    const name = text(params.fromPersonalName);
    const senderEmail = sender && sender !== 'System' && sender !== 'guest' ? directory.person(sender)?.email : undefined;
    if (asked) from = name ? `"${name.replace(/"/g, "'")}" <${asked}>` : asked;
    else if (senderEmail) from = senderEmail;
  }
  const html = text(params.html);
  const body = text(params.text);
  // ACS sends `text` as HTML when it looks like HTML (isHTML: starts with an <html> or <!DOCTYPE> tag).
  const textIsHtml = body !== undefined && /^\s*(<!doctype html|<html)/i.test(body);
  return {
    from,
    to,
    cc: cc?.length ? cc : undefined,
    bcc: bcc?.length ? bcc : undefined,
    subject: text(params.subject) ?? '',
    text: body !== undefined && !textIsHtml ? body : undefined,
    html: textIsHtml ? body : body === undefined ? html : undefined
  };
}
