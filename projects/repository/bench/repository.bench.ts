/**
 * npm run bench -- repository [--nodes 100000]
 * Loads N content nodes with properties into a fresh local repository, then measures over HTTP:
 * children listing p50/p95, a faceted search over all nodes p50/p95, node creation per second with
 * 1 and 16 concurrent clients, and the process's peak memory. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository } from '../src/server';
import type { Caller } from '../src/auth/caller';
import { NodeService } from '../src/services/node-service';

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

  const create = async (clients: number, perClient: number) => {
    const target = folders[0];
    const t = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < perClient; i++) {
          const res = await fetch(`${api}/alfresco/versions/1/nodes/${target}/children`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              name: `new-${clients}-${c}-${i}.txt`,
              nodeType: 'cm:content',
              properties: { 'cm:title': `New ${c}/${i}` }
            })
          });
          if (res.status !== 201) throw new Error(`create answered ${res.status}`);
          await res.arrayBuffer();
        }
      })
    );
    return (clients * perClient) / ((performance.now() - t) / 1000);
  };
  const one = await create(1, 300);
  const sixteen = await create(16, 60);

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
  console.log(`node creation, 1 client           ${one.toFixed(0)} nodes/s`);
  console.log(`node creation, 16 clients         ${sixteen.toFixed(0)} nodes/s`);
  console.log(`peak memory (RSS)                 ${Math.round(Math.max(peakRss / 1024, maxRssKb) / 1024)} MiB`);
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
