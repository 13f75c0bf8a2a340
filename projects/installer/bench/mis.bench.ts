/**
 * npm run bench -- mis [--items 100000]
 *
 * The pendency dashboard at volume, on the local repository started in-process (fresh data dir).
 * Seeding: the department is installed through the REST API like any ACS; the items are then written in
 * bulk through the repository's own NodeService in-process (5,000 per transaction), which runs the same
 * validation, permissions and index rows as POST /nodes without 100,000 HTTP round trips.
 * Then, measured in one run over HTTP:
 * - dashboard: the one search request of mis/model/pendency-query.ts (facet queries counted by the repository)
 * - naive: the client lists every pending item (search, pages of 1,000 with properties) and counts itself
 * Prints requests, bytes transferred (request + response bodies) and time for each, and checks both agree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRepository } from '../../repository/src/server';
import { NodeService } from '../../repository/src/services/node-service';
import { inTransaction } from '../../repository/src/persistence/database';
import { connect } from '../src/acs';
import { artefacts } from '../test/support';
import { install } from '../src/install';
import { StepLog } from '../src/log';
import { CONFIG_DIR } from '../src/config';
import {
  departmentSite,
  parseHolidayCalendar,
  WorkingDays,
  ageBucketOf,
  CATEGORIES,
  ITEM_KINDS,
  PENDING_STATUSES,
  monthlyRequest,
  URGENCY_CODES,
  pendencyRequest,
  pendingQuery,
  readPendency,
  type PendencyFigures
} from '@eoffice/domain';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 100_000);
const TODAY = '2026-11-23';
const days = new WorkingDays(
  parseHolidayCalendar(JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, 'calendar', 'holidays-2026.json'), 'utf8')))
);

interface Meter {
  requests: number;
  bytes: number;
}

async function post(url: string, body: unknown, meter: Meter): Promise<any> {
  const text = JSON.stringify(body);
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    body: text
  };
  // A keep-alive socket the server closed while the bench seeded in-process fails before any answer: retry once.
  const res = await fetch(url, init).catch(() => fetch(url, init));
  const answer = await res.text();
  meter.requests++;
  meter.bytes += Buffer.byteLength(text) + Buffer.byteLength(answer);
  if (!res.ok) throw new Error(`${res.status} ${answer.slice(0, 300)}`);
  return JSON.parse(answer);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-mis-bench-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  const url = server.url.replace(/\/+$/, '');
  try {
    const a = artefacts();
    const admin = await connect({ url, user: 'admin', password: 'admin' });
    const { documentLibraryId } = await install(admin, a, new StepLog(() => undefined), { incumbents: false });
    const holders = a.hierarchy.posts.map((p) => `GROUP_EO_GAD_${p.code}`);

    // ------------------------------------------------------------ seed
    const t0 = performance.now();
    // at the depth the MIS counts: <series>/<year>/<section>/<item> (domain/series-scope.ts)
    const series = async (tree: string) =>
      (await admin.nodes.createNode(documentLibraryId, { name: 'BENCH', nodeType: 'cm:folder', relativePath: `${tree}/1999` } as never))
        .entry.id;
    const folders = { receipt: await series('Receipts'), file: await series('Files') };
    const nodes = new NodeService(server.context);
    const caller = { userId: 'admin', isAdmin: true, authorities: new Set(['admin', 'GROUP_EVERYONE', 'GROUP_ALFRESCO_ADMINISTRATORS']) };
    const parents = { receipt: nodes.resolve(caller, folders.receipt), file: nodes.resolve(caller, folders.file) };
    let s = 12345;
    const rnd = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    const end = Date.parse(`${TODAY}T12:00:00+05:30`);
    for (let i = 0; i < ITEMS; i += 5000) {
      inTransaction(server.context.db, () => {
        for (let j = i; j < Math.min(ITEMS, i + 5000); j++) {
          const kind = pick(ITEM_KINDS);
          nodes.create(caller, parents[kind], {
            name: `item-${j}`,
            nodeType: `eo:${kind}`,
            properties: {
              ...(kind === 'receipt'
                ? {
                    'eo:receiptNumber': `${j + 1}/2026/EST-GAD`,
                    'eo:receiptSerial': j + 1,
                    'eo:receivedDate': '2026-01-02',
                    'eo:diarisedDate': '2026-01-02T10:00:00.000Z',
                    'eo:deliveryMode': 'Post',
                    'eo:mainCategory': pick(CATEGORIES)
                  }
                : { 'eo:fileNumber': `A-11011/${j + 1}/2026-EST-GAD` }),
              'eo:subject': `Subject ${j}`,
              'eo:status': pick(['created', 'inMovement', 'inMovement', 'inMovement', 'parked', 'closed']),
              'eo:currentHolder': pick(holders),
              'eo:heldSince': new Date(end - Math.floor(rnd() * 400 * 1440) * 60_000).toISOString(),
              'eo:urgency': pick(URGENCY_CODES),
              'eo:originPost': pick(holders)
            }
          } as never);
        }
      });
    }
    console.log(`seeded ${ITEMS.toLocaleString('en-IN')} items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const searchUrl = `${url}/alfresco/api/-default-/public/search/versions/1/search`;
    // counted as if by the Section Officer (Establishment): her own items pending with others too
    const filter = { holders, site: departmentSite(a.hierarchy), myPosts: ['GROUP_EO_GAD_SO_EST'] };

    // ------------------------------------------------------------ dashboard
    const dash: Meter = { requests: 0, bytes: 0 };
    let t = performance.now();
    const figures = readPendency(await post(searchUrl, pendencyRequest(days, TODAY, filter), dash), filter);
    const dashMs = performance.now() - t;
    // the month-wise figures, a second request when the officer asks for them
    const month: Meter = { requests: 0, bytes: 0 };
    t = performance.now();
    await post(searchUrl, monthlyRequest(departmentSite(a.hierarchy), Number(TODAY.slice(0, 4))), month);
    const monthMs = performance.now() - t;

    // ------------------------------------------------------------ naive client-side count
    const naive: Meter = { requests: 0, bytes: 0 };
    t = performance.now();
    const counted: PendencyFigures = readPendency({ list: { pagination: { totalItems: 0 } } }, filter);
    for (let skip = 0; ; skip += 1000) {
      const page = await post(
        searchUrl,
        { query: { query: pendingQuery(filter), language: 'afts' }, include: ['properties'], paging: { skipCount: skip, maxItems: 1000 } },
        naive
      );
      for (const { entry } of page.list.entries) {
        const p = entry.properties;
        const kind = entry.nodeType === 'eo:receipt' ? 'receipt' : 'file';
        const bucket = ageBucketOf(days, p['eo:heldSince'], TODAY);
        counted.total++;
        counted.byKindBucket[kind][bucket]++;
        counted.byKindUrgency[kind][p['eo:urgency']]++;
        if (counted.byHolderBucket[p['eo:currentHolder']]) counted.byHolderBucket[p['eo:currentHolder']][bucket]++;
        if (kind === 'receipt' && p['eo:mainCategory'] in counted.byCategory) counted.byCategory[p['eo:mainCategory']]++;
        if (filter.myPosts.includes(p['eo:originPost']) && !filter.myPosts.includes(p['eo:currentHolder']))
          counted.mineWithOthers[bucket]++;
      }
      if (!page.list.pagination.hasMoreItems) break;
    }
    const naiveMs = performance.now() - t;

    const same = JSON.stringify(counted) === JSON.stringify(figures);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
    console.log(`pending items: ${figures.total.toLocaleString('en-IN')} (statuses ${PENDING_STATUSES.join(', ')})`);
    console.log('                 requests      bytes       time');
    console.log(
      `dashboard        ${String(dash.requests).padStart(8)} ${kb(dash.bytes).padStart(10)} ${`${dashMs.toFixed(0)} ms`.padStart(10)}`
    );
    console.log(
      `month-wise       ${String(month.requests).padStart(8)} ${kb(month.bytes).padStart(10)} ${`${monthMs.toFixed(0)} ms`.padStart(10)}`
    );
    console.log(
      `naive (client)   ${String(naive.requests).padStart(8)} ${kb(naive.bytes).padStart(10)} ${`${naiveMs.toFixed(0)} ms`.padStart(10)}`
    );
    console.log(`figures agree: ${same ? 'yes' : 'NO'}`);
    if (!same) {
      process.exitCode = 1;
      for (const key of Object.keys(figures) as (keyof PendencyFigures)[])
        if (JSON.stringify(figures[key]) !== JSON.stringify(counted[key]))
          console.log(`  ${key}: dashboard ${JSON.stringify(figures[key])} / naive ${JSON.stringify(counted[key])}`);
    }
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
