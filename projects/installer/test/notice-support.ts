/**
 * What the notice tests share (notices.test.ts, overdue.test.ts): a department whose repository mails through a
 * loopback SMTP server that keeps what it receives, with a second Section Officer and an Under Secretary who reads
 * Hindi; the officer's notices read as the bell reads them; the mails one officer has received.
 */
import assert from 'node:assert/strict';
import { MailCatcher } from '../../repository/src/mail/mail-catcher';
import { PASSWORD, type Department, startDepartment } from './movement-support';

export const NOTICE_SO2 = 'rekha.sharma'; // a second officer of SO_EST (added)
export const NOTICE_US = 'kavita.joshi'; // US_EST, reads Hindi

export interface Notice {
  id: string;
  kind: string;
  itemId: string;
  number: string;
  from: string;
  read: boolean;
}

/** A legacy web script called as `user` (Basic authentication), as Share and the extension call it. */
export const webscriptAs = (d: Department, user: string, method: string, path: string, body?: unknown) =>
  fetch(`${d.repo.url}/alfresco/s${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${user}:${user === 'admin' ? 'admin' : PASSWORD}`).toString('base64')}`,
      'content-type': 'application/json'
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });

/** The department and its mail catcher; the Under Secretary works in Hindi (ACS's `locale` preference). */
export async function startNoticeDepartment(): Promise<{ d: Department; catcher: MailCatcher }> {
  const catcher = await new MailCatcher({ smtpPort: 0 }).start();
  const d = await startDepartment({ mail: { 'mail.host': '127.0.0.1', 'mail.port': String(catcher.smtpPort) } });
  await d.addOfficer(NOTICE_SO2, 'SO_EST');
  const r = await webscriptAs(d, NOTICE_US, 'POST', `/api/people/${NOTICE_US}/preferences`, { locale: 'hi' });
  assert.equal(r.status, 200, await r.text());
  return { d, catcher };
}

export async function stopNoticeDepartment(d: Department | undefined, catcher: MailCatcher | undefined): Promise<void> {
  await d?.stop();
  await catcher?.stop();
}

/** The officer's notices (of one item, if given), as the bell reads them: his own folder, through the public API. */
export async function noticesOf(d: Department, user: string, itemId?: string): Promise<Notice[]> {
  const acs = await d.as(user);
  let list: { entry: { id: string; properties?: Record<string, unknown> } }[];
  try {
    const r = await acs.nodes.listNodeChildren('-my-', { relativePath: 'eOffice Notices', include: ['properties'], maxItems: 1000 });
    list = r.list?.entries ?? [];
  } catch (e) {
    if ((e as { status?: number }).status === 404) return []; // no notice yet: no folder yet
    throw e;
  }
  return list
    .map(({ entry }) => ({
      id: entry.id,
      kind: String(entry.properties?.['eo:noticeKind']),
      itemId: String(entry.properties?.['eo:noticeItemId']),
      number: String(entry.properties?.['eo:noticeItemNumber']),
      from: String(entry.properties?.['eo:noticeFrom']),
      read: entry.properties?.['eo:noticeRead'] === true
    }))
    .filter((n) => !itemId || n.itemId === itemId);
}

/** The mails the loopback mail server has received for `user` whose subject names `text` (an item's number). */
export const receivedBy = (catcher: MailCatcher, user: string, text: string) =>
  catcher.messages.filter((m) => m.to.includes(`${user}@example.gov.in`) && m.subject.includes(text));

/**
 * Those mails once `count` of them have arrived: the repository sends them over SMTP after the movement
 * commits (send_after_commit), so they are waited for.
 */
export async function mailsTo(catcher: MailCatcher, user: string, text: string, count = 1) {
  await catcher.waitFor(() => receivedBy(catcher, user, text).length >= count);
  return receivedBy(catcher, user, text);
}

/** A receipt's or a file's number. */
export async function itemNumber(d: Department, id: string): Promise<string> {
  const p = (await d.admin.nodes.getNode(id)).entry.properties as Record<string, string>;
  return p['eo:fileNumber'] ?? p['eo:receiptNumber'];
}
