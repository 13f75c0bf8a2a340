/**
 * npm run bench -- movement [--officers 50] [--rounds 3] [--receipts 200]
 *
 * The movement workflow and numbering on the local repository (started in-process, fresh data dir),
 * through @alfresco/js-api as the extension calls them. Prints figures; asserts nothing.
 * - diarisations per second: receipts numbered concurrently by 5 and by `officers` clients (claimNext, 409 + retry)
 * - marking latency p50/p95: `officers` officers each marking their own file at the same moment
 *   (inbox read + claim + complete with eowf_action = send / sendBack), `rounds` rounds
 * - REST calls per marking: HTTP requests the client made, counted at fetch
 */
import { performance } from 'node:perf_hooks';
import { act, diariseReceipt, inbox, openFile, startDepartment, startMovement, PASSWORD } from '../test/movement-support';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OFFICERS = arg('officers', 50);
const ROUNDS = arg('rounds', 3);
const RECEIPTS = arg('receipts', 200);

// Count every HTTP request js-api makes (FetchHttpClient calls the global fetch).
let requests = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
  requests++;
  return realFetch(...args);
}) as typeof fetch;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const d = await startDepartment();
  console.log(`setup: repository + install + officers in ${ms(performance.now() - t0)}`);
  try {
    // ---------------------------------------------------------------- numbering
    const clerks = Array.from({ length: OFFICERS }, (_, i) => `clerk${String(i + 1).padStart(2, '0')}`);
    const asos = Array.from({ length: OFFICERS }, (_, i) => `aso${String(i + 1).padStart(2, '0')}`);
    const sos = Array.from({ length: OFFICERS }, (_, i) => `so${String(i + 1).padStart(2, '0')}`);
    for (const [users, post] of [
      [clerks, 'CRU'],
      [asos, 'ASO_EST_1'],
      [sos, 'SO_EST']
    ] as const) {
      for (const id of users) await d.addOfficer(id, post);
    }
    await Promise.all([...clerks, ...asos, ...sos].map((u) => d.as(u)));

    let start = 0;
    let seconds = 0;
    for (const [concurrency, section] of [
      [5, 'ADM'],
      [OFFICERS, 'EST']
    ] as const) {
      start = performance.now();
      let next = 0;
      await Promise.all(
        clerks.slice(0, concurrency).map(async (u) => {
          while (next < RECEIPTS) {
            next++;
            await diariseReceipt(d, u, `Bench receipt by ${u}`, section);
          }
        })
      );
      seconds = (performance.now() - start) / 1000;
      console.log(
        `numbering: ${RECEIPTS} receipts by ${concurrency} concurrent clerks in ${seconds.toFixed(2)} s = ${(RECEIPTS / seconds).toFixed(1)} diarisations/s`
      );
    }

    // ---------------------------------------------------------------- marking
    const files = await Promise.all(asos.map((u) => openFile(d, u, `Bench file of ${u}`)));
    const processes = await Promise.all(asos.map(async (u, i) => startMovement(await d.as(u), files[i], 'ASO_EST_1')));
    const latencies: number[] = [];
    let markings = 0;
    const requestsBefore = requests;
    start = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      const up = round % 2 === 0;
      const actors = up ? asos : sos;
      const group = d.group(up ? 'ASO_EST_1' : 'SO_EST');
      await Promise.all(
        actors.map(async (u, i) => {
          const t = performance.now();
          const acs = await d.as(u);
          // What the extension does: read the post's inbox, pick the item, claim (open) it, act.
          const task = (await inbox(acs, group)).find((x) => x.processId === processes[i]);
          if (!task) throw new Error(`no task for ${u}`);
          await act(
            acs,
            task.id,
            up
              ? { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For orders' }
              : { eowf_action: 'sendBack', eowf_remarks: 'Revise' }
          );
          latencies.push(performance.now() - t);
          markings++;
        })
      );
    }
    seconds = (performance.now() - start) / 1000;
    const sorted = latencies.sort((a, b) => a - b);
    console.log(
      `marking: ${markings} markings (${ROUNDS} rounds of ${OFFICERS} concurrent officers) in ${seconds.toFixed(2)} s = ${(markings / seconds).toFixed(1)}/s; latency p50 ${ms(pct(sorted, 50))}, p95 ${ms(pct(sorted, 95))}, max ${ms(sorted[sorted.length - 1])}`
    );
    // One officer alone: the marking's own cost without queueing behind 49 others.
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) {
      const up = (ROUNDS + i) % 2 === 0;
      const acs = await d.as(up ? asos[0] : sos[0]);
      const t = performance.now();
      const task = (await inbox(acs, d.group(up ? 'ASO_EST_1' : 'SO_EST'))).find((x) => x.processId === processes[0]);
      await act(acs, task!.id, up ? { eowf_action: 'send', eowf_to: 'SO_EST' } : { eowf_action: 'sendBack' });
      alone.push(performance.now() - t);
    }
    alone.sort((a, b) => a - b);
    console.log(`marking, one officer at a time: p50 ${ms(pct(alone, 50))}, p95 ${ms(pct(alone, 95))} (${alone.length} markings)`);
    console.log(
      `REST calls per marking: ${((requests - requestsBefore) / (markings + 20)).toFixed(2)} (inbox GET /tasks, PUT claim, PUT complete)`
    );
  } finally {
    await d.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
