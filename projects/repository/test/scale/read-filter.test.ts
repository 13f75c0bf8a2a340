/**
 * The SQL read filter (search, listings) and the node-by-node permission check must agree on every node for
 * every caller, whatever shape the permissions take: entries set and cleared, DENIED entries, inheritance
 * switched, moves, deletion to the trashcan, restore and purge. A seeded random walk of such changes is
 * checked against PermissionService.has after every few steps, and the ACL chains kept incrementally are
 * checked against the same chains rebuilt from scratch.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Caller } from '../../src/auth/caller';
import type { NodeRow } from '../../src/persistence/node-row';
import { AclChains } from '../../src/persistence/acl-chains';
import { startRepository, type RepositoryServer } from '../../src/server';
import { NodeService } from '../../src/services/node-service';

const SYSTEM: Caller = { userId: 'admin', isAdmin: true, authorities: new Set(['admin']) };
const USERS = ['u1', 'u2', 'u3'];
/** u1 is in G1, which is in G2; u2 in G3; u3 in no group. Denies only ever name u1, G1 or G2. */
const GRANTEES = ['u1', 'u2', 'u3', 'GROUP_G1', 'GROUP_G2', 'GROUP_G3', 'GROUP_EVERYONE'];
const DENIABLE = ['u1', 'GROUP_G1', 'GROUP_G2'];
const ROLES = ['Consumer', 'Contributor', 'Editor', 'Collaborator', 'Coordinator', 'SiteConsumer', 'Write', 'Read', 'AddChildren'];

/** mulberry32: the same walk on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the SQL read filter agrees with the permission check', () => {
  let server: RepositoryServer;
  let dataDir: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-filter-'));
    server = await startRepository({ port: 0, dataDir, quiet: true });
    const { authorities } = server.context;
    for (const u of USERS) authorities.insertPerson({ id: u, firstName: u, password: u });
    for (const g of ['GROUP_G1', 'GROUP_G2', 'GROUP_G3']) authorities.insertGroup(g, g);
    authorities.addMember('GROUP_G2', 'GROUP_G1');
    authorities.addMember('GROUP_G1', 'u1');
    authorities.addMember('GROUP_G3', 'u2');
  });

  after(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function check(step: number): void {
    const { db, permissions, authorities } = server.context;
    const all = db.prepare('SELECT * FROM node').all() as NodeRow[];
    for (const user of USERS) {
      const caller = authorities.callerFor(authorities.person(user)!);
      const filter = permissions.readFilter(caller, 'n');
      const bySql = new Set(
        db
          .prepare(`SELECT n.id FROM node n WHERE ${filter.sql}`)
          .pluck()
          .all(...filter.params) as string[]
      );
      const byCheck = all.filter((n) => permissions.has(caller, n, 'Read') || (n.owner ?? n.created_by) === user);
      const missing = byCheck.filter((n) => !bySql.has(n.id)).map((n) => n.name);
      const extra = all.filter((n) => bySql.has(n.id) && !byCheck.includes(n)).map((n) => n.name);
      if (missing.length || extra.length) {
        for (const n of all.filter((x) => missing.includes(x.name) || extra.includes(x.name)))
          console.log(
            'DEBUG',
            n.name,
            n.acl_id,
            JSON.stringify(permissions.effectiveEntries(n.acl_id)),
            JSON.stringify(
              db
                .prepare(
                  'SELECT m.depth, m.def_id, a.authority, a.permission, a.allowed FROM acl_member m LEFT JOIN ace a ON a.node_id = m.def_id WHERE m.acl_id = ? ORDER BY m.depth, a.authority, a.permission'
                )
                .all(n.acl_id)
            ),
            [...caller.authorities]
          );
      }
      assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `step ${step}, ${user}`);
    }
    const inUse = db.prepare('SELECT DISTINCT acl_id FROM node').pluck().all() as number[];
    const rows = () =>
      (db.prepare('SELECT acl_id, depth, def_id FROM acl_member ORDER BY acl_id, depth').all() as { acl_id: number }[]).filter((r) =>
        inUse.includes(r.acl_id)
      );
    const kept = rows();
    db.prepare('DELETE FROM acl_member').run();
    new AclChains(db).ensureBuilt();
    assert.deepEqual(kept, rows(), `step ${step}: the chains kept step by step are the chains rebuilt`);
  }

  it('over a random walk of permission changes, moves, deletes and restores', () => {
    const ctx = server.context;
    const nodes = new NodeService(ctx);
    const rnd = random(14);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const home = ctx.store.require(ctx.wellKnown.companyHome);
    const top = nodes.create(SYSTEM, home, { name: 'walk', nodeType: 'cm:folder' });
    const live = () =>
      ctx.db
        .prepare(
          'SELECT * FROM node WHERE archived_at IS NULL AND (id = ? OR id IN (WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT n.id FROM node n JOIN d ON n.parent_id = d.id) SELECT id FROM d))'
        )
        .all(top.id, top.id) as NodeRow[];
    let made = 0;
    let denied = 0;
    for (let step = 1; step <= 400; step++) {
      const mine = live();
      const folders = mine.filter((n) => n.is_folder);
      const others = mine.filter((n) => n.id !== top.id);
      const r = rnd();
      if (r < 0.3 || others.length < 5) {
        const parent = pick(folders);
        const folder = rnd() < 0.5;
        const node = nodes.create(SYSTEM, parent, { name: `n${++made}`, nodeType: folder ? 'cm:folder' : 'cm:content' });
        // some owned by a user (cm:owner), some made by one (the creator owns what has no owner)
        if (rnd() < 0.1) ctx.store.update(node.id, rnd() < 0.5 ? { owner: pick(USERS) } : { created_by: pick(USERS) });
      } else if (r < 0.6) {
        const target = pick(mine);
        const entries = Array.from({ length: Math.floor(rnd() * 3) }, () => {
          const deny = rnd() < 0.25;
          if (deny) denied++;
          return { authorityId: deny ? pick(DENIABLE) : pick(GRANTEES), name: pick(ROLES), accessStatus: deny ? 'DENIED' : 'ALLOWED' };
        });
        nodes.setPermissions(target.id, { locallySet: entries, isInheritanceEnabled: rnd() < 0.8 });
      } else if (r < 0.72) {
        const node = pick(others);
        const below = new Set(ctx.store.subtreeIds(node.id));
        const targets = folders.filter((f) => !below.has(f.id) && f.id !== node.parent_id);
        if (targets.length) nodes.move(SYSTEM, node, pick(targets));
      } else if (r < 0.82) {
        nodes.delete(SYSTEM, pick(others), rnd() < 0.3);
      } else if (r < 0.9) {
        const archived = ctx.db.prepare('SELECT * FROM node WHERE archived_parent_id IS NOT NULL').all() as NodeRow[];
        if (archived.length) {
          const node = pick(archived);
          const parent = ctx.store.get(node.archived_parent_id!);
          if (parent && !parent.archived_at) nodes.restore(SYSTEM, node);
        }
      } else {
        nodes.setPermissions(pick(mine).id, { locallySet: [], isInheritanceEnabled: true });
      }
      if (step % 10 === 0) check(step);
    }
    assert.ok(made > 50 && denied > 10, `the walk made ${made} nodes and ${denied} deny entries`);
  });
});
