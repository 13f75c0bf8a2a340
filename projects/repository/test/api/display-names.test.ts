/**
 * Nodes name their creator and modifier by display name, and those names are cached: a renamed person must
 * show under the new name on the very next answer, and a rename that is rolled back must not show at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository } from '../../src/server';
import { inTransaction } from '../../src/persistence/database';

const auth = 'Basic ' + Buffer.from('admin:admin').toString('base64');

test('display names on nodes follow person changes and ignore rolled-back ones', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-names-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  const api = `${server.url}/alfresco/api/-default-/public/alfresco/versions/1`;
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${api}${url}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    return {
      status: res.status,
      body: (await res.json()) as { entry: Record<string, { displayName?: string } & Record<string, unknown>> }
    };
  };
  try {
    const created = await call('POST', '/nodes/-my-/children', { name: 'named.txt', nodeType: 'cm:content' });
    assert.equal(created.status, 201);
    const id = created.body.entry.id as unknown as string;
    const shown = async () => (await call('GET', `/nodes/${id}`)).body.entry.createdByUser.displayName;
    const before = await shown();

    assert.equal((await call('PUT', '/people/admin', { firstName: 'Mukhya', lastName: 'Sachiv' })).status, 200);
    assert.equal(await shown(), 'Mukhya Sachiv');

    const ctx = server.context;
    assert.throws(() =>
      inTransaction(ctx.db, () => {
        ctx.db.prepare("UPDATE person SET first_name = 'Undone' WHERE id = 'admin'").run();
        assert.equal(ctx.authorities.displayName('admin'), 'Undone Sachiv'); // seen (and cached) inside
        throw new Error('the request fails');
      })
    );
    assert.equal(await shown(), 'Mukhya Sachiv', 'the rolled-back name is gone');
    assert.notEqual(before, 'Mukhya Sachiv');
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
