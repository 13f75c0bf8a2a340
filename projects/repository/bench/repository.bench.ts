/**
 * npm run bench -- repository [--nodes 100000]
 * Loads N content nodes with properties into a fresh local repository, then measures over HTTP:
 * children listing p50/p95, a faceted search over all nodes p50/p95, node creation per second with
 * 1 and 16 concurrent clients, and the process's peak memory. Prints figures; asserts nothing.
 * Node creation is measured with group commit (the default: concurrent requests share one durable COMMIT)
 * and without it (every request pays its own fsync), beside the disk's own fsync rate: with
 * every commit synced before its answer, no unbatched writer can create more nodes per second than the disk
 * syncs. The repository's CPU per node is printed as well: on a shared machine it is steadier than the rates.
 * So is the event loop's own share of it: WAL checkpoints (a worker thread) and syncs (the thread pool) run
 * beside it, and with every request served by that one thread, its CPU per node is what bounds the rate.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository } from '../src/server';
import type { Caller } from '../src/auth/caller';
import { NodeService } from '../src/services/node-service';
import { commitCount, setGroupCommit } from '../src/persistence/database';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TOTAL = arg('nodes', 100_000);
const PER_FOLDER = 1000;
const auth = { Authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') };

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-bench-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  const ctx = server.context;
  const nodes = new NodeService(ctx);
  const system: Caller = { userId: 'admin', isAdmin: true, authorities: new Set(['admin']) };
  const api = `${server.url}/alfresco/api/-default-/public`;
  console.log(`Loading ${TOTAL.toLocaleString('en-IN')} nodes into ${dataDir} …`);
  const loadStart = performance.now();
  const home = ctx.store.require(ctx.authorities.person('admin')!.home_folder_id!);
  const folders: string[] = [];
  const mimes = ['application/pdf', 'text/plain', 'image/png', 'application/msword'];
  const sections = ['Est', 'Admin', 'Cash', 'Vigilance', 'RTI'];
  for (let f = 0; f * PER_FOLDER < TOTAL; f++) {
    ctx.db.transaction(() => {
      const folder = nodes.create(system, home, { name: `folder-${f}`, nodeType: 'cm:folder' });
      folders.push(folder.id);
      for (let i = 0; i < PER_FOLDER && f * PER_FOLDER + i < TOTAL; i++) {
        const n = f * PER_FOLDER + i;
        const node = nodes.create(system, folder, {
          name: `receipt-${n}.pdf`,
          nodeType: 'cm:content',
          properties: {
            'cm:title': `Receipt ${n} सामान्य प्रशासन ${sections[n % 5]}`,
            'cm:description': `Letter number ${n}/2026-${sections[n % 5]}`
          }
        });
        ctx.store.update(node.id, {
          mime_type: mimes[n % 4],
          size: 1000 + (n % 5000),
          created_at: new Date(Date.UTC(2026, n % 12, 1 + (n % 28))).toISOString().replace('Z', '+0000')
        });
      }
    })();
    if (f % 10 === 9) process.stdout.write(`  ${((f + 1) * PER_FOLDER).toLocaleString('en-IN')}\r`);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  console.log(`Loaded in ${loadSeconds.toFixed(1)} s (${Math.round(TOTAL / loadSeconds)} nodes/s through the node service)`);

  const listing = await timed(200, async (i) => {
    const res = await fetch(
      `${api}/alfresco/versions/1/nodes/${folders[i % folders.length]}/children?skipCount=${(i * 37) % 900}&maxItems=25&include=properties,allowableOperations`,
      { headers: auth }
    );
    if (res.status !== 200) throw new Error(`listing answered ${res.status}`);
    await res.arrayBuffer();
  });

  const searchBody = JSON.stringify({
    query: { query: 'TYPE:"cm:content"', language: 'afts' },
    paging: { maxItems: 25, skipCount: 0 },
    facetFormat: 'V2',
    facetFields: { facets: [{ field: 'content.mimetype' }, { field: 'creator' }] },
    facetQueries: [
      { query: 'created:[NOW-30DAYS TO NOW]', label: 'Last 30 days' },
      { query: 'created:[2026-01-01 TO 2026-06-30]', label: 'First half' }
    ],
    ranges: [{ field: 'content.size', start: '0', end: '6000', gap: '1000' }]
  });
  const search = await timed(30, async () => {
    const res = await fetch(`${api}/search/versions/1/search`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: searchBody
    });
    if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  });

  const create = async (clients: number, perClient: number, batched = true) => {
    setGroupCommit(ctx.db, batched);
    const commitsBefore = commitCount(ctx.db);
    const loopCpu = eventLoopCpu();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const clientCpu = await runClients({
      url: `${api}/alfresco/versions/1/nodes/${folders[0]}/children`,
      authorization: auth.Authorization,
      clients,
      perClient,
      tag: `${clients}-${batched}`
    });
    const n = clients * perClient;
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const perNode = (used.user + used.system) / 1000 / n;
    const loopPerNode = (eventLoopCpu() - loopCpu) / n;
    return (
      `${(n / seconds).toFixed(0).padStart(5)} nodes/s   ${(n / (commitCount(ctx.db) - commitsBefore)).toFixed(1).padStart(4)} per commit   ` +
      `${perNode.toFixed(2)} ms CPU/node (event loop ${Number.isNaN(loopPerNode) ? '?' : loopPerNode.toFixed(2)}, clients ${clientCpu.toFixed(2)})   ` +
      `load ${os.loadavg()[0].toFixed(1)}`
    );
  };
  const naiveOne = await create(1, 300, false);
  const naiveSixteen = await create(16, 60, false);
  const one = await create(1, 300);
  const sixteen = await create(16, 100);
  const syncsPerSecond = fsyncRate(dataDir);

  clearInterval(sampler);
  const maxRssKb = process.resourceUsage().maxRSS;
  console.log('\nrepository benchmark');
  console.log(`nodes loaded                      ${TOTAL.toLocaleString('en-IN')}`);
  console.log(
    `children listing (25 of 1000)     p50 ${percentile(listing, 50).toFixed(1)} ms   p95 ${percentile(listing, 95).toFixed(1)} ms`
  );
  console.log(
    `faceted search over all nodes     p50 ${percentile(search, 50).toFixed(1)} ms   p95 ${percentile(search, 95).toFixed(1)} ms`
  );
  console.log(`node creation, 1 client           ${one}`);
  console.log(`node creation, 16 clients         ${sixteen}`);
  console.log(`  unbatched, 1 client             ${naiveOne}`);
  console.log(`  unbatched, 16 clients           ${naiveSixteen}`);
  console.log(`  disk fsync rate (the bound for unbatched writers)  ${syncsPerSecond.toFixed(0)} fsyncs/s`);
  console.log(
    "  (CPU/node is the repository process's own, all threads; in brackets the event loop's thread alone, which serves every request and so bounds the rate at 1000/that per second on a core of its own, and the clients' CPU per request: they run in a process of their own)"
  );
  console.log(`peak memory (RSS)                 ${Math.round(Math.max(peakRss / 1024, maxRssKb) / 1024)} MiB`);
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

interface CreateJob {
  url: string;
  authorization: string;
  clients: number;
  perClient: number;
  tag: string;
}

/**
 * `clients` concurrent loops, each creating `perClient` content nodes one after the other over a keep-alive
 * connection of its own. They run in a process of their own, as browsers do on other machines: sharing the
 * repository's process, the clients' own HTTP work was counted as the repository's cost. They use node:http,
 * not fetch: on this two-core machine fetch's own work (2.4 ms of CPU per request against 0.6 ms) took the
 * core the repository needed. Resolves with the clients' CPU per request.
 */
async function runClients(job: CreateJob): Promise<number> {
  const script = `
    const http = require('node:http');
    const job = JSON.parse(process.argv[1]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
    const post = (body) => new Promise((resolve, reject) => {
      const req = http.request(job.url, { method: 'POST', agent, headers: { Authorization: job.authorization,
        'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => res.statusCode === 201 ? resolve() : reject(new Error('create answered ' + res.statusCode + ' ' + Buffer.concat(chunks))));
      });
      req.on('error', reject);
      req.end(body);
    });
    Promise.all(Array.from({ length: job.clients }, async (_, c) => {
      for (let i = 0; i < job.perClient; i++)
        await post(JSON.stringify({ name: 'new-' + job.tag + '-' + c + '-' + i + '.txt', nodeType: 'cm:content', properties: { 'cm:title': 'New ' + c + '/' + i } }));
    }))
      .then(() => { const u = process.cpuUsage(); console.log((u.user + u.system) / 1000 / (job.clients * job.perClient)); agent.destroy(); })
      .catch((e) => { console.error(e); process.exit(1); });`;
  return new Promise<number>((resolve, reject) =>
    execFile(process.execPath, ['-e', script, JSON.stringify(job)], (e, out) => (e ? reject(e) : resolve(Number(out.trim()))))
  );
}

/**
 * CPU time (ms) of the event loop's thread so far, from /proc (Linux; NaN elsewhere): process.cpuUsage() adds
 * the worker and pool threads (WAL checkpoints and syncs), which run beside the event loop, not in its way.
 */
function eventLoopCpu(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every mainstream architecture). */
const CLOCK_TICKS = 100;

/** How many write+fdatasync rounds of one page the data directory's disk completes per second (2 s). */
function fsyncRate(dir: string): number {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const page = Buffer.alloc(4096, 1);
  let n = 0;
  const t = performance.now();
  try {
    while (performance.now() - t < 2000) {
      fs.writeSync(fd, page, 0, page.length, (n % 16) * page.length);
      fs.fdatasyncSync(fd);
      n++;
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return n / ((performance.now() - t) / 1000);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
