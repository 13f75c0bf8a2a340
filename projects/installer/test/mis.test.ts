/**
 * Pendency MIS: random receipts and files in the local repository; every figure the dashboard's one search
 * request yields (mis/model/pendency-query.ts) must equal a brute-force count over the same items.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SearchApi } from '@alfresco/js-api';
import {
  parseHolidayCalendar,
  WorkingDays,
  departmentSite,
  ageBucketOf,
  ITEM_KINDS,
  PENDING_STATUSES,
  URGENCY_CODES,
  CATEGORIES,
  monthlyRequest,
  overThreeMonthsRequest,
  pendencyRequest,
  readMonthly,
  readPendency,
  threeMonthsBefore,
  drillDownRequest,
  toPendingItem,
  type ItemKind
} from '@eoffice/domain';
import { startDepartment, type Department } from './movement-support';
import { artefacts } from './support';
import { readText } from '../src/acs';

const days = new WorkingDays(
  parseHolidayCalendar(JSON.parse(readFileSync(join(__dirname, '../../../config/calendar/holidays-2026.json'), 'utf8')))
);
const TODAY = '2026-11-23';

interface Seeded {
  kind: ItemKind;
  status: string;
  holder: string;
  heldSince: string;
  urgency: string;
  origin: string;
  category: string;
  /** Receipts: diarised; files: closed (when closed). */
  dated: string;
  sends: string[];
}

/** A small deterministic generator, so a failure can be replayed. */
function dice(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]
  };
}

describe('pendency MIS figures', () => {
  let d: Department;
  const items: Seeded[] = [];
  const holders = artefacts().hierarchy.posts.map((p) => `GROUP_EO_GAD_${p.code}`);
  const site = departmentSite(artefacts().hierarchy);

  before(async () => {
    d = await startDepartment();
    // Written by the administrator straight into a series tree (<series>/<year>/<section>/<item>), where the
    // MIS counts: the scope itself is tried by custody-planted.test.ts.
    const series = async (tree: string) =>
      (await d.admin.nodes.createNode(d.docLib, { name: 'MIS', nodeType: 'cm:folder', relativePath: `${tree}/1999` } as never)).entry.id;
    const folder = { receipt: await series('Receipts'), file: await series('Files') };
    const r = dice(7);
    const end = Date.parse(`${TODAY}T12:00:00+05:30`);
    for (let i = 0; i < 120; i++) {
      const item: Seeded = {
        kind: r.pick(ITEM_KINDS),
        status: r.pick(['created', 'inMovement', 'inMovement', 'parked', 'closed']),
        holder: r.pick(holders),
        // every few items sits exactly on an office midnight, the edge of a bucket
        heldSince: new Date(
          i % 5 === 0 ? Date.parse(`${TODAY}T00:00:00+05:30`) - r.int(0, 200) * 86_400_000 : end - r.int(0, 200 * 1440) * 60_000
        ).toISOString(),
        urgency: r.pick(URGENCY_CODES),
        origin: r.pick(holders),
        category: r.pick(CATEGORIES),
        dated: new Date(Date.parse('2026-01-01T00:00:00+05:30') + r.int(0, 360 * 24) * 3_600_000).toISOString(),
        sends: Array.from({ length: r.int(0, 2) }, () =>
          new Date(Date.parse('2026-01-01T00:00:00+05:30') + r.int(0, 360 * 24) * 3_600_000).toISOString()
        )
      };
      items.push(item);
      const created = await d.admin.nodes.createNode(folder[item.kind], {
        name: `item-${i}`,
        nodeType: `eo:${item.kind}`,
        properties: {
          ...(item.kind === 'receipt'
            ? {
                'eo:receiptNumber': `${i + 1}/2026/EST-GAD`,
                'eo:receiptSerial': i + 1,
                'eo:receivedDate': '2026-01-02',
                'eo:diarisedDate': item.dated,
                'eo:deliveryMode': 'Post',
                'eo:mainCategory': item.category
              }
            : {
                'eo:fileNumber': `A-11011/${i + 1}/2026-EST-GAD`,
                ...(item.status === 'closed' && { 'eo:closedAt': item.dated })
              }),
          'eo:originPost': item.origin,
          'eo:subject': `Subject ${i}`,
          'eo:status': item.status,
          'eo:currentHolder': item.holder,
          'eo:heldSince': item.heldSince,
          'eo:urgency': item.urgency
        }
      });
      for (const [n, at] of item.sends.entries())
        await d.admin.nodes.createNode(created.entry.id, {
          name: String(n + 1).padStart(6, '0'),
          nodeType: 'eo:movement',
          relativePath: 'Movements',
          properties: { 'eo:movementSequence': n + 1, 'eo:movementAction': n % 2 ? 'park' : 'send', 'eo:movementAt': at }
        });
    }
  });
  after(() => d?.stop());

  it('finds the holiday calendar the installer uploaded, and counts with it', async () => {
    const node = await d.admin.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/holidays-2026.json' });
    const json: unknown = JSON.parse(await readText(d.admin, node.entry.id));
    const installed = new WorkingDays(parseHolidayCalendar(json));
    assert.equal(installed.isWorkingDay('2026-10-02'), false, 'Gandhi Jayanti');
    assert.equal(installed.age('2026-11-20', '2026-11-30'), days.age('2026-11-20', '2026-11-30'));
  });

  it('counts by kind, age bucket, holder and urgency exactly as a brute-force count does, in one request', async () => {
    const filter = { holders, site };
    const body = pendencyRequest(days, TODAY, filter);
    const answer = await new SearchApi(d.admin.api).search(body as never);
    const figures = readPendency(answer as never, filter);
    const pending = items.filter((x) => PENDING_STATUSES.includes(x.status));
    assert.ok(pending.length > 30 && pending.length < items.length, 'the data mixes pending and not pending items');
    assert.equal(figures.total, pending.length);
    for (const k of ITEM_KINDS) {
      for (const [bucket, n] of Object.entries(figures.byKindBucket[k])) {
        assert.equal(n, pending.filter((x) => x.kind === k && ageBucketOf(days, x.heldSince, TODAY) === bucket).length, `${k} ${bucket}`);
      }
      for (const u of URGENCY_CODES)
        assert.equal(figures.byKindUrgency[k][u], pending.filter((x) => x.kind === k && x.urgency === u).length, `${k} ${u}`);
    }
    for (const h of holders) {
      for (const [bucket, n] of Object.entries(figures.byHolderBucket[h])) {
        assert.equal(n, pending.filter((x) => x.holder === h && ageBucketOf(days, x.heldSince, TODAY) === bucket).length, `${h} ${bucket}`);
      }
    }
    const sum =
      Object.values(figures.byKindBucket.receipt).reduce((a, b) => a + b, 0) +
      Object.values(figures.byKindBucket.file).reduce((a, b) => a + b, 0);
    assert.equal(sum, figures.total, 'every pending item is in exactly one bucket');
    assert.ok(JSON.stringify(answer).length < 50_000, `answer ${JSON.stringify(answer).length} bytes`);
  });

  it("restricts to one section's posts, and drills into a section's over-30-days items, oldest first", async () => {
    const sectionHolders = artefacts()
      .hierarchy.posts.filter((p) => p.section === 'EST')
      .map((p) => `GROUP_EO_GAD_${p.code}`);
    const filter = { holders: sectionHolders, onlyHolders: true, site };
    const search = new SearchApi(d.admin.api);
    const figures = readPendency((await search.search(pendencyRequest(days, TODAY, filter) as never)) as never, filter);
    const mine = items.filter((x) => PENDING_STATUSES.includes(x.status) && sectionHolders.includes(x.holder));
    assert.equal(figures.total, mine.length);
    assert.equal(
      figures.byKindBucket.file.upTo90,
      mine.filter((x) => x.kind === 'file' && ageBucketOf(days, x.heldSince, TODAY) === 'upTo90').length
    );

    const old = mine.filter((x) => ['upTo90', 'over90'].includes(ageBucketOf(days, x.heldSince, TODAY)));
    const listed = [];
    for (const bucket of ['upTo90', 'over90'] as const) {
      const answer = await search.search(drillDownRequest(days, TODAY, filter, { bucket }, { skipCount: 0, maxItems: 100 }) as never);
      const rows = answer.list!.entries!.map((e) => toPendingItem(e.entry as never));
      assert.deepEqual(
        rows.map((r) => r.heldSince),
        [...rows.map((r) => r.heldSince)].sort(),
        'oldest first'
      );
      listed.push(...rows);
    }
    assert.ok(old.length > 0);
    assert.deepEqual(listed.map((r) => r.heldSince).sort(), old.map((x) => x.heldSince).sort());
    assert.ok(
      listed.every(
        (r) => sectionHolders.includes(r.holder) && /^(receipt|file)$/.test(r.kind) && r.number && r.subject.startsWith('Subject')
      )
    );
  });

  it('counts receipts by category and my items pending with others exactly as brute force does', async () => {
    const mine = holders.slice(0, 4);
    const filter = { holders, site, myPosts: mine };
    const figures = readPendency((await new SearchApi(d.admin.api).search(pendencyRequest(days, TODAY, filter) as never)) as never, filter);
    const pending = items.filter((x) => PENDING_STATUSES.includes(x.status));
    for (const c of CATEGORIES)
      assert.equal(figures.byCategory[c], pending.filter((x) => x.kind === 'receipt' && x.category === c).length, c);
    for (const [bucket, n] of Object.entries(figures.mineWithOthers))
      assert.equal(
        n,
        pending.filter((x) => mine.includes(x.origin) && !mine.includes(x.holder) && ageBucketOf(days, x.heldSince, TODAY) === bucket)
          .length,
        `mine ${bucket}`
      );
    assert.ok(Object.values(figures.mineWithOthers).some((n) => n > 0));
  });

  it('counts month-wise receipts received, files closed and sends in one request', async () => {
    const answer = await new SearchApi(d.admin.api).search(monthlyRequest(site, 2026) as never);
    const monthly = readMonthly(answer as never, 2026);
    const monthOf = (iso: string) => new Date(Date.parse(iso) + 330 * 60_000).toISOString().slice(0, 7);
    for (const [i, month] of monthly.months.entries()) {
      assert.equal(
        monthly.counts.received[i],
        items.filter((x) => x.kind === 'receipt' && monthOf(x.dated) === month).length,
        `received ${month}`
      );
      assert.equal(
        monthly.counts.closed[i],
        items.filter((x) => x.kind === 'file' && x.status === 'closed' && monthOf(x.dated) === month).length,
        `closed ${month}`
      );
      assert.equal(
        monthly.counts.forwarded[i],
        items.flatMap((x) => x.sends.filter((_, n) => n % 2 === 0)).filter((at) => monthOf(at) === month).length,
        `forwarded ${month}`
      );
    }
    // every file here was created today (the test made them)
    assert.equal(monthly.counts.created.reduce((a, b) => a + b, 0) >= items.filter((x) => x.kind === 'file').length, true);
  });

  it('the over-three-months statement lists the pending receipts diarised before three months ago', async () => {
    const filter = { holders, site };
    const answer = await new SearchApi(d.admin.api).search(overThreeMonthsRequest(TODAY, filter, { skipCount: 0, maxItems: 200 }) as never);
    const cutoff = Date.parse(`${threeMonthsBefore(TODAY)}T00:00:00+05:30`);
    assert.equal(threeMonthsBefore(TODAY), '2026-08-23');
    const expected = items.filter((x) => PENDING_STATUSES.includes(x.status) && x.kind === 'receipt' && Date.parse(x.dated) < cutoff);
    const listed = answer.list!.entries!.map((e) => toPendingItem(e.entry as never)).filter((r) => r.kind === 'receipt');
    assert.equal(listed.length, expected.length);
    assert.ok(expected.length > 0);
  });
});
