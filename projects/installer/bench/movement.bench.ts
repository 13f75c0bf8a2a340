/**
 * npm run bench -- movement [--officers 50] [--rounds 10] [--receipts 200] [--crowd 50] [--notes 500] [--workflows DIR]
 *   [--in-process] [--profile DIR]
 *
 * --workflows DIR: deploy the *.bpmn20.xml found in DIR instead of config/workflow's (a copy of the definitions
 * before a change, so that before and after can be run one after the other on the same machine).
 *
 * The movement workflow and numbering on the local repository (in a process of its own, or in this one with
 * --in-process as before; a fresh data dir),
 * through @alfresco/js-api as the extension calls them. Prints figures; asserts nothing.
 *
 * The department is GAD's hierarchy plus `officers` sections of the size a real section has, each with its
 * own Section Officer and Assistant Section Officer posts held by one officer each: 50 officers marking at
 * once are 50 posts, as in a department, and each marking gives the receiving post's one officer one notice
 * (and one mail, to a loopback SMTP catcher, as a department has a mail server). One post held by `crowd`
 * officers at once (every one of them gets a notice of each item reaching it) is measured apart.
 * The Central Registry (CRU) is one post with `officers` clerks, who diarise for every section.
 *
 * Each figure stands beside what bounds it, so the ratio is what the reader sees:
 * - the disk: fsyncs per second in the data directory's file system (each committed transaction waits for
 *   one unless commits are grouped; a diarisation and a marking commit twice each);
 * - the CPU: CPU milliseconds per operation in the repository's process, so 1000 / that is the rate one core
 *   allows, and beside it the bench's clients' in this one (with --in-process: both together, as before);
 * - the machine: its cores over the repository's and the clients' CPU per marking together, the most markings a
 *   second this machine allows even with the repository on every core, and the CPU per marking 300/s needs;
 * - diarisations per second: receipts numbered by 5 and by `officers` clerks on one series, then by `officers`
 *   clerks spread over the hierarchy's sections; every number made is then read back: per series the serials
 *   must be 1..n with no duplicate, and the computer numbers likewise across all items;
 * - marking latency p50/p95: `officers` officers each marking their own file at the same moment (inbox read +
 *   claim + complete with eowf_action = send / sendBack), `rounds` rounds (ten: the first two or three run code
 *   V8 has not optimised yet, a department's repository has long since), beside the queue alone would make
 *   (officers × one officer's own time: the repository runs one transaction at a time);
 * - marking into a crowded post: one officer at a time sends a file to a post held by `crowd` officers;
 * - marking a file with `notes` green notes, beside an empty file (a hand-over walks the file's notes);
 * - a listener script run: in a kept context as the repository runs it now, beside a fresh context with a
 *   watchdog per run (the way before) and compiled afresh on every run too (the way before that);
 * - the post's inbox (candidateGroup): its time beside the open and the finished tasks of the repository;
 * - REST calls per marking and per diarisation: HTTP requests the client made, counted at fetch;
 * - SQL statements per marking: statements better-sqlite3 ran (run/get/all/iterate and exec), counted at its
 *   Statement and Database prototypes, the inbox read and the claim included, in ten markings of their own after
 *   the timed ones (counting costs a twentieth of a marking's CPU).
 * --profile DIR writes CPU profiles of the numbering, of the concurrent marking and of the file with notes there
 * (numbering-*.cpuprofile, marking.cpuprofile, notes.cpuprofile), of the repository's process (with --in-process, of this one): open them in Chrome's
 * DevTools or summarise them with `node scripts/cpu-profile.mjs FILE`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { parseHierarchy } from '@eoffice/domain';
import { act, addNote, diariseReceipt, inbox, openFile, startDepartment, startMovement } from '../test/movement-support';
import { artefacts } from '../test/support';
import { hierarchyText, type Artefacts } from '../src/config';
import { runScript } from '../../repository/src/workflow/script-runtime';
import { MailCatcher } from '../../repository/src/mail/mail-catcher';
import { countStatements, startRepositoryProcess, type RepositoryProcess } from './repository-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OFFICERS = arg('officers', 50);
const ROUNDS = arg('rounds', 10);
const RECEIPTS = arg('receipts', 200);
const CROWD = arg('crowd', 50);
const NOTES = arg('notes', 500);
const PROFILE_DIR = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;

/**
 * The repository in a process of its own (repository-process.ts), so that the CPU figures are its own; with
 * --in-process, in this one beside its clients (js-api, fetch, the mail catcher) as before, whose figures
 * include theirs.
 */
const IN_PROCESS = process.argv.includes('--in-process');
let repository: RepositoryProcess | undefined;
const statementsHere = IN_PROCESS ? countStatements() : undefined;

/** CPU milliseconds used so far by the repository and by this process, and the SQL statements run. */
async function reading(): Promise<{ repo: number; here: number; statements: number }> {
  const u = process.cpuUsage();
  const here = (u.user + u.system) / 1000;
  if (!repository) return { repo: here, here, statements: statementsHere!.count() };
  return { repo: await repository.cpuMs(), here, statements: await repository.statements() };
}
/** Counts the repository's SQL statements (on) or stops (off): only in passes that are not timed. */
async function countingStatements(on: boolean): Promise<void> {
  if (repository) await repository.countStatements(on);
  else statementsHere!.counting(on);
}
/** What was used since `before`, per operation of `n`: the repository's CPU, its clients', statements. */
async function usedSince(before: Awaited<ReturnType<typeof reading>>, n: number) {
  const now = await reading();
  const repo = (now.repo - before.repo) / n;
  const clients = (now.here - before.here) / n;
  return {
    repo,
    clients,
    statements: (now.statements - before.statements) / n,
    text: repository
      ? `CPU ${ms(repo)} each in the repository's process (one core: ${(1000 / repo).toFixed(0)}/s; the bench's clients ${ms(clients)} more in theirs)`
      : `CPU ${ms(repo)} each, the clients' included (one core: ${(1000 / repo).toFixed(0)}/s)`
  };
}

/**
 * A CPU profile of `run` into PROFILE_DIR/`name`.cpuprofile, if asked: of the repository's process, or with
 * --in-process of this one (clients and repository).
 */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return run();
  if (repository) {
    const profile = await repository.profile();
    try {
      return await run();
    } finally {
      await profile.stop(path.resolve(PROFILE_DIR, `${name}.cpuprofile`));
    }
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    fs.writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
const WORKFLOWS = process.argv.includes('--workflows') ? process.argv[process.argv.indexOf('--workflows') + 1] : '';

const two = (i: number) => String(i + 1).padStart(2, '0');

/**
 * GAD's hierarchy and `n` more sections B01…, each with a Section Officer (SO_B01, held by so01, reporting to
 * the Under Secretary of Establishment) and an Assistant Section Officer (ASO_B01, aso01, reporting to him).
 */
function benchArtefacts(n: number): Artefacts {
  const a = artefacts();
  const h = a.hierarchy;
  const sections = Array.from({ length: n }, (_, i) => ({
    code: `B${two(i)}`,
    name: { en: `Bench section ${two(i)}`, hi: `बेंच अनुभाग ${two(i)}` }
  }));
  const posts = sections.flatMap((s, i) => [
    {
      code: `SO_${s.code}`,
      level: 2,
      section: s.code,
      designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' },
      reportsTo: 'US_EST',
      incumbent: `so${two(i)}`
    },
    {
      code: `ASO_${s.code}`,
      level: 1,
      section: s.code,
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      reportsTo: `SO_${s.code}`,
      incumbent: `aso${two(i)}`
    }
  ]);
  const hierarchy = parseHierarchy({ ...h, sections: [...h.sections, ...sections], posts: [...h.posts, ...posts] });
  const workflows = a.workflows.map((w) =>
    WORKFLOWS && fs.existsSync(path.join(WORKFLOWS, w.name)) ? { ...w, xml: fs.readFileSync(path.join(WORKFLOWS, w.name), 'utf8') } : w
  );
  return { ...a, workflows, hierarchy, hierarchyJson: hierarchyText(hierarchy) };
}

// Count every HTTP request js-api makes (FetchHttpClient calls the global fetch).
let requests = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
  requests++;
  return realFetch(...args);
}) as typeof fetch;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** fsyncs per second of a small file in the data directory's file system (what synchronous=FULL waits for). */
function fsyncRate(): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-fsync-')), 'probe');
  const fd = fs.openSync(file, 'w');
  let n = 0;
  const end = performance.now() + 1000;
  while (performance.now() < end) {
    fs.writeSync(fd, 'x');
    fs.fsyncSync(fd);
    n++;
  }
  fs.closeSync(fd);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return n;
}

/**
 * One listener-sized script run (helpers declared and called, as the workflow's lib.js is): as the
 * repository runs it now (script-runtime.ts: a kept context, the source as an arrow body, no watchdog
 * unless a limit is set) beside the way before (a fresh context each run with a 5 s watchdog, the source a
 * top-level program, compiled once) and the way before that (also compiled on every run).
 */
function scriptRunCost(): { now: number; fresh: number; compiled: number } {
  const helpers = Array.from({ length: 20 }, (_, i) => `function eoHelper${i}(x) { return x + ${i}; }`).join('\n');
  const source = `${helpers}\nvar n = 0; for (var i = 0; i < 50; i++) n += eoHelper${19}(String(i).length); execution.setVariable("n", n);`;
  const globals = () => ({ execution: { setVariable: () => undefined }, person: {}, companyhome: {} });
  const context = () => vm.createContext(globals(), { codeGeneration: { strings: false, wasm: false } });
  const whole = new vm.Script(source, { filename: 'AlfrescoJS' });
  const time = (f: () => void, n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) f();
    return (performance.now() - t) / n;
  };
  runScript(source, globals(), 'bench');
  const now = time(() => runScript(source, globals(), 'bench'), 200);
  const fresh = time(() => whole.runInContext(context(), { timeout: 5000 }), 200);
  const compiled = time(() => new vm.Script(source, { filename: 'AlfrescoJS' }).runInContext(context(), { timeout: 5000 }), 200);
  return { now, fresh, compiled };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const catcher = await new MailCatcher({ smtpPort: 0 }).start();
  const a = benchArtefacts(OFFICERS);
  const mail = { 'mail.host': '127.0.0.1', 'mail.port': String(catcher.smtpPort) };
  repository = IN_PROCESS ? undefined : await startRepositoryProcess({ mail });
  const d = await startDepartment({ mail }, a, repository);
  try {
    // ---------------------------------------------------------------- numbering
    const clerks = Array.from({ length: OFFICERS }, (_, i) => `clerk${two(i)}`);
    const asos = Array.from({ length: OFFICERS }, (_, i) => `aso${two(i)}`);
    const sos = Array.from({ length: OFFICERS }, (_, i) => `so${two(i)}`);
    // The crowded post: SO_EST's incumbent and `crowd` - 1 more officers holding it beside her.
    const crowd = Array.from({ length: Math.max(0, CROWD - 1) }, (_, i) => `crowd${two(i)}`);
    for (const id of clerks) await d.addOfficer(id, 'CRU');
    for (const id of crowd) await d.addOfficer(id, 'SO_EST');
    await Promise.all([...clerks, ...asos, ...sos].map((u) => d.as(u)));
    console.log(
      `setup: repository + install (${a.hierarchy.sections.length} sections, ${a.hierarchy.posts.length} posts) + officers in ${ms(performance.now() - t0)}`
    );

    const fsyncs = fsyncRate();
    console.log(
      `disk: ${fsyncs} fsyncs/s in ${os.tmpdir()} (one per committed transaction: ${(fsyncs / 2).toFixed(0)}/s for operations of two commits)`
    );

    const sections = a.hierarchy.sections.map((s) => s.code);
    const made: { id: string; section: string }[] = [];
    let start = 0;
    let seconds = 0;
    for (const [concurrency, spread] of [
      [5, false],
      [OFFICERS, false],
      [OFFICERS, true]
    ] as const) {
      const cpu = await reading();
      const requestsBefore = requests;
      start = performance.now();
      let next = 0;
      await profiled(`numbering-${concurrency}${spread ? '-spread' : ''}`, () =>
        Promise.all(
          clerks.slice(0, concurrency).map(async (u, i) => {
            const section = spread ? sections[i % sections.length] : sections[0];
            while (next < RECEIPTS) {
              next++;
              made.push({ id: await diariseReceipt(d, u, `Bench receipt by ${u}`, section), section });
            }
          })
        )
      );
      seconds = (performance.now() - start) / 1000;
      const used = await usedSince(cpu, RECEIPTS);
      console.log(
        `numbering: ${RECEIPTS} receipts by ${concurrency} concurrent clerks ${spread ? `spread over ${sections.length} sections` : `on one series (${sections[0]})`} in ${seconds.toFixed(2)} s = ${(RECEIPTS / seconds).toFixed(1)} diarisations/s; ${used.text}, disk: ${(fsyncs / 2).toFixed(0)}/s; ${((requests - requestsBefore) / RECEIPTS).toFixed(2)} REST calls each (create, POST /processes, read back; a lost race would add a retry)`
      );
    }
    // Every number made, read back: per series 1..n without a duplicate, computer numbers likewise.
    const serials = new Map<string, number[]>();
    const computer: number[] = [];
    for (const { id } of made) {
      const p = (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties as Record<string, unknown>;
      const series = `${p['eo:receiptYear']}/${p['eo:receiptSection']}`;
      serials.set(series, [...(serials.get(series) ?? []), Number(p['eo:receiptSerial'])]);
      computer.push(Number(p['eo:computerNumber']));
    }
    // Numbers of a series (or the computer numbers: year × 1,000,000 + n) must be first..last, each once.
    const check = (numbers: number[]) => {
      const distinct = new Set(numbers);
      const first = Math.min(...numbers);
      const last = Math.max(...numbers);
      return { first, last, duplicates: numbers.length - distinct.size, gaps: last - first + 1 - distinct.size };
    };
    let duplicates = 0;
    let gaps = 0;
    for (const numbers of serials.values()) {
      const c = check(numbers);
      if (c.first !== 1) gaps += c.first - 1;
      duplicates += c.duplicates;
      gaps += c.gaps;
    }
    const busiest = [...serials].sort((x, y) => y[1].length - x[1].length)[0];
    console.log(
      `numbers: ${serials.size} series (the busiest ${busiest[0]}: ${busiest[1].length} receipts), serials from 1 in each: duplicates ${duplicates}, gaps ${gaps}`
    );
    const cc = check(computer);
    console.log(
      `numbers: computer numbers of the ${computer.length} receipts: ${cc.first}..${cc.last}, duplicates ${cc.duplicates}, gaps ${cc.gaps}`
    );

    // ---------------------------------------------------------------- marking
    const post = (u: string) => d.postOf(u);
    const sectionOf = (u: string) => a.hierarchy.posts.find((p) => p.code === post(u))!.section!;
    const files = await Promise.all(asos.map((u) => openFile(d, u, `Bench file of ${u}`, sectionOf(u))));
    const processes = await Promise.all(asos.map(async (u, i) => startMovement(await d.as(u), files[i], post(u))));
    const latencies: number[] = [];
    let markings = 0;
    const requestsBefore = requests;
    const markingCpu = await reading();
    start = performance.now();
    await profiled('marking', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const up = round % 2 === 0;
        const actors = up ? asos : sos;
        await Promise.all(
          actors.map(async (u, i) => {
            const t = performance.now();
            const acs = await d.as(u);
            // What the extension does: read the post's inbox, pick the item, claim (open) it, act.
            const task = (await inbox(acs, d.group(post(u)))).find((x) => x.processId === processes[i]);
            if (!task) throw new Error(`no task for ${u}`);
            await act(
              acs,
              task.id,
              up
                ? { eowf_action: 'send', eowf_to: post(sos[i]), eowf_remarks: 'For orders' }
                : { eowf_action: 'sendBack', eowf_remarks: 'Revise' }
            );
            latencies.push(performance.now() - t);
            markings++;
          })
        );
      }
    });
    seconds = (performance.now() - start) / 1000;
    const marking = await usedSince(markingCpu, markings);
    const sorted = latencies.sort((a, b) => a - b);
    // One officer alone: the marking's own cost without queueing behind 49 others. The i-th marking of the
    // first file after the rounds: up from its ASO, or back down from its SO.
    let markedAlone = 0;
    const markAlone = async (): Promise<number> => {
      const up = (ROUNDS + markedAlone++) % 2 === 0;
      const u = up ? asos[0] : sos[0];
      const acs = await d.as(u);
      const t = performance.now();
      const task = (await inbox(acs, d.group(post(u)))).find((x) => x.processId === processes[0]);
      await act(acs, task!.id, up ? { eowf_action: 'send', eowf_to: post(sos[0]) } : { eowf_action: 'sendBack' });
      return performance.now() - t;
    };
    const alone: number[] = [];
    const aloneCpu = await reading();
    for (let i = 0; i < 20; i++) alone.push(await markAlone());
    const aloneUsed = await usedSince(aloneCpu, alone.length);
    alone.sort((a, b) => a - b);
    // The same markings again, counting their SQL statements.
    await countingStatements(true);
    const counted = await reading();
    for (let i = 0; i < 10; i++) await markAlone();
    const statements = (await usedSince(counted, 10)).statements;
    await countingStatements(false);
    console.log(
      `marking: ${markings} markings (${ROUNDS} rounds of ${OFFICERS} concurrent officers) in ${seconds.toFixed(2)} s = ${(markings / seconds).toFixed(1)}/s; ${marking.text}, disk: ${(fsyncs / 2).toFixed(0)}/s`
    );
    // The whole machine as the bound: its cores shared by the repository and the bench's clients (js-api,
    // fetch, the mail catcher), were the repository spread over every core, and what 300/s would need.
    const cores = os.availableParallelism();
    if (!IN_PROCESS)
      console.log(
        `marking, the machine's bound: ${cores} cores / (repository ${ms(marking.repo)} + clients ${ms(marking.clients)}) = ${((1000 * cores) / (marking.repo + marking.clients)).toFixed(0)}/s at most here, a repository on every core; 300/s here needs the two under ${ms((1000 * cores) / 300)} together`
      );
    console.log(
      `marking latency, ${OFFICERS} at once: p50 ${ms(pct(sorted, 50))}, p95 ${ms(pct(sorted, 95))}, max ${ms(sorted[sorted.length - 1])}; the queue alone: ${OFFICERS} × one officer's p50 = ${ms(OFFICERS * pct(alone, 50))}`
    );
    console.log(`marking, one officer at a time: p50 ${ms(pct(alone, 50))}, p95 ${ms(pct(alone, 95))} (${alone.length} markings)`);
    console.log(`SQL statements per marking (inbox read, claim and complete): ${statements.toFixed(1)}; one at a time ${aloneUsed.text}`);
    console.log(
      `REST calls per marking: ${((requests - requestsBefore) / (markings + alone.length + 10)).toFixed(2)} (inbox GET /tasks, PUT claim, PUT complete)`
    );

    /**
     * Ten times: `up` (of post `from`) sends the item moving in `moving` to `to`, whose officer `down` sends it
     * back, one at a time. The sends' times, and the repository's CPU per marking there and back.
     */
    const thereAndBack = async (moving: string, up: string, from: string, down: string, to: string) => {
      const [acsUp, acsDown] = [await d.as(up), await d.as(down)];
      const sends: number[] = [];
      const cpu = await reading();
      for (let i = 0; i < 10; i++) {
        let t = performance.now();
        let task = (await inbox(acsUp, d.group(from))).find((x) => x.processId === moving);
        await act(acsUp, task!.id, { eowf_action: 'send', eowf_to: to });
        sends.push(performance.now() - t);
        t = performance.now();
        task = (await inbox(acsDown, d.group(to))).find((x) => x.processId === moving);
        await act(acsDown, task!.id, { eowf_action: 'sendBack' });
      }
      sends.sort((x, y) => x - y);
      return { p50: pct(sends, 50), cpu: (await usedSince(cpu, 20)).text };
    };

    // ---------------------------------------------------------------- a crowded post
    if (CROWD > 1) {
      // ASO_EST_1 sends a file up to SO_EST, held by CROWD officers (each gets a notice), and has it sent back.
      const file = await openFile(d, 'amit.kumar', 'Bench file for a crowded post');
      const moving = await startMovement(await d.as('amit.kumar'), file, 'ASO_EST_1');
      const into = await thereAndBack(moving, 'amit.kumar', 'ASO_EST_1', 'priya.nair', 'SO_EST');
      console.log(
        `marking into a post held by ${CROWD} officers (one notice each), one at a time: p50 ${ms(into.p50)}; per marking there and back ${into.cpu}`
      );
    }

    // ---------------------------------------------------------------- a file with many notes
    if (NOTES > 0) {
      // Every hand-over walks the file's notes (each green one's ACL follows the file's readers): a file of
      // NOTES green notes sent up and back, beside an empty one, after a first round trip that froze the notes.
      const [aso, so] = [asos[1], sos[1]];
      const trip = async (notes: number) => {
        const file = await openFile(d, aso, `Bench file with ${notes} notes`, sectionOf(aso));
        for (let i = 0; i < notes; i++) await addNote(await d.as(aso), file, `Note ${i + 1} on the bench file`);
        const moving = await startMovement(await d.as(aso), file, post(aso));
        await thereAndBack(moving, aso, post(aso), so, post(so));
        return notes
          ? profiled('notes', () => thereAndBack(moving, aso, post(aso), so, post(so)))
          : thereAndBack(moving, aso, post(aso), so, post(so));
      };
      const [empty, thick] = [await trip(0), await trip(NOTES)];
      console.log(
        `marking a file with ${NOTES} green notes, one at a time: p50 ${ms(thick.p50)}, ${thick.cpu}; an empty file: p50 ${ms(empty.p50)}, ${empty.cpu}`
      );
    }

    // ---------------------------------------------------------------- the post's inbox and a script run
    const tasks = await d.admin.call('workflow', 'GET', '/tasks', { where: '(status=any)', maxItems: 1 });
    const open = await d.admin.call('workflow', 'GET', '/tasks', { where: '(status=active)', maxItems: 1 });
    const so = await d.as(sos[0]);
    const reads: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await inbox(so, d.group('SO_EST'));
      reads.push(performance.now() - t);
    }
    reads.sort((a, b) => a - b);
    console.log(
      `inbox (candidateGroup) of SO_EST: p50 ${ms(pct(reads, 50))} with ${open.list.pagination.totalItems} open of ${tasks.list.pagination.totalItems} tasks (finished ones are not read)`
    );
    const run = scriptRunCost();
    console.log(
      `script run: ${ms(run.now)} as run now (kept context), ${ms(run.fresh)} in a fresh context with a watchdog (${(run.fresh / run.now).toFixed(1)}×), ${ms(run.compiled)} also compiled on every run (${(run.compiled / run.now).toFixed(1)}×)`
    );
    console.log(`mails: ${catcher.messages.length} caught by the loopback SMTP server`);
  } finally {
    await d.stop();
    await catcher.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
