// The daily mails (issue 19): one eoDaily process, started by `install` as the administrator, mails once a day
// the digests officers asked for and the escalations to reporting posts (config/README.md, "Due dates, the norm
// and escalation"). Found through the public workflow API: GET /processes, filtered as ACS's ProcessesImpl
// filters (processDefinitionKey, status).
import type { Acs } from './acs';
import type { StepLog } from './log';

export const DAILY_PROCESS_KEY = 'eoDaily';

/** The ids of the running eoDaily processes. */
export async function dailyProcesses(acs: Acs): Promise<string[]> {
  const r = await acs.call<{ list?: { entries?: { entry: { id: string } }[] } }>('workflow', 'GET', '/processes', {
    where: `(processDefinitionKey='${DAILY_PROCESS_KEY}' AND status='active')`,
    maxItems: 100
  });
  return (r.list?.entries ?? []).map((e) => e.entry.id);
}

/** Starts eoDaily unless one runs (a second one would do nothing: each day is mailed once, digest.js). */
export async function ensureDailyMails(acs: Acs, log: StepLog): Promise<void> {
  const running = await dailyProcesses(acs);
  if (running.length) return log.record('unchanged', `daily mails (${DAILY_PROCESS_KEY} ${running[0]})`);
  const p = await acs.call<{ entry: { id: string } }>('workflow', 'POST', '/processes', {}, { processDefinitionKey: DAILY_PROCESS_KEY });
  log.record('created', `daily mails (${DAILY_PROCESS_KEY} ${p.entry.id})`);
}
