/**
 * The repository process is killed with SIGKILL during a burst of 50 markings (holders sending their items
 * up the reporting line at once). After a restart on the same data directory `doctor --consistency` finds
 * nothing: every marking happened whole (task, custody, movement record) or not at all, and every marking
 * that was answered 2xx is there.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connect } from '../src/acs';
import { checkConsistency } from '../src/consistency';
import { StepLog } from '../src/log';
import { DEMO_PASSWORD } from '../src/seed/officers';
import { seedDemo } from '../src/seed/seed-demo';
import { findPost, postGroup, postOfGroup } from '@eoffice/domain';
import { artefacts } from './support';
import { freePort, startRepositoryProcess } from '../../repository/test/support/repository-process';

interface Marking {
  itemId: string;
  user: string;
  taskId: string;
  to: string;
}

test('kill -9 during a burst of 50 markings leaves nothing for the consistency check to find', { timeout: 300_000 }, async () => {
  const a = artefacts();
  const h = a.hierarchy;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-crash-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = await startRepositoryProcess(port, dataDir);
  try {
    const admin = await connect({ url, user: 'admin', password: 'admin' });
    await seedDemo(admin, a, new StepLog(() => undefined));
    assert.deepEqual((await checkConsistency(admin, h)).findings, [], 'the seeded department is consistent to begin with');

    // Items in movement whose holder and the post it reports to both have an officer: a send up the
    // reporting line is always within the channel of submission.
    const markings: Marking[] = [];
    const tasks = (await admin.call('workflow', 'GET', '/tasks', { where: `(processDefinitionKey='eoMovement')`, maxItems: 1000 })).list
      .entries;
    for (const { entry: t } of tasks) {
      if (markings.length === 50) break;
      if (t.activityDefinitionId !== 'holder') continue;
      const itemId = (await admin.call('workflow', 'GET', `/processes/${t.processId}/items`)).list.entries[0].entry.id;
      const item = (await admin.nodes.getNode(itemId)).entry.properties as Record<string, string>;
      const holder = postOfGroup(h, item['eo:currentHolder']);
      const boss = holder?.reportsTo ? findPost(h, holder.reportsTo) : undefined;
      if (item['eo:status'] !== 'inMovement' || !holder?.incumbent || !boss?.incumbent) continue;
      markings.push({ itemId, user: holder.incumbent, taskId: t.id, to: boss.code });
    }
    assert.equal(markings.length, 50, 'the demo department has 50 items to mark');
    // Plain fetch, as an officer's browser sends them: claim (open the item), then complete with the send.
    const call = (m: Marking, body: unknown, select: string) =>
      fetch(`${url}/alfresco/api/-default-/public/workflow/versions/1/tasks/${m.taskId}?select=${select}`, {
        method: 'PUT',
        headers: {
          Authorization: 'Basic ' + Buffer.from(`${m.user}:${DEMO_PASSWORD}`).toString('base64'),
          'Content-Type': 'application/json'
        },
        body: JSON.stringify(body)
      });
    const answered = new Set<Marking>();
    const burst = Promise.all(
      markings.map(async (m) => {
        try {
          if ((await call(m, { state: 'claimed' }, 'state')).status !== 200) return;
          const variables = Object.entries({ eowf_action: 'send', eowf_to: m.to, eowf_remarks: 'For orders' }).map(([name, value]) => ({
            name,
            value,
            scope: 'local'
          }));
          if ((await call(m, { state: 'completed', variables }, 'state,variables')).status === 200) answered.add(m);
        } catch {
          /* the connection died with the server */
        }
      })
    );
    let settled = false;
    void burst.then(() => (settled = true));
    while (answered.size < 10 && !settled) await new Promise((r) => setTimeout(r, 10));
    assert.ok(!settled, `the burst ended before the kill: ${answered.size} of 50 markings answered`);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await burst;
    await exited;
    assert.ok(answered.size < markings.length, `the kill came in the middle of the burst (${answered.size} of 50 answered)`);

    child = await startRepositoryProcess(port, dataDir);
    const after = await connect({ url, user: 'admin', password: 'admin' });
    const report = await checkConsistency(after, h);
    assert.deepEqual(
      report.findings.map((f) => `${f.kind} ${f.subject}: ${f.what}`),
      []
    );
    for (const m of answered) {
      const item = (await after.nodes.getNode(m.itemId)).entry.properties as Record<string, string>;
      assert.equal(item['eo:currentHolder'], postGroup(h, m.to), `the answered marking of ${m.itemId} survived the crash`);
    }
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
