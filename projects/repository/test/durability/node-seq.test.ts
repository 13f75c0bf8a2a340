/**
 * Properties, aspects, permission entries and ACLs name a node by its seq (node.seq, as ACS names nodes by
 * alf_node.id). A seq is never given to another node once its node is purged: otherwise a node made after the
 * newest one was purged would take its seq, and with it whatever still named that seq (its permissions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository } from '../../src/server';

const basic = (user: string) => 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');

test("a node made after the newest node was purged gets a new seq, and none of the purged node's permissions", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-seq-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  try {
    server.context.authorities.insertPerson({ id: 'ravi', firstName: 'ravi', password: 'ravi' });
    const api = `${server.url}/alfresco/api/-default-/public/alfresco/versions/1`;
    const send = (method: string, url: string, body?: unknown) =>
      fetch(`${api}${url}`, {
        method,
        headers: { Authorization: basic('admin'), 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
    const closed = { isInheritanceEnabled: false, locallySet: [] as { authorityId: string; name: string }[] };
    const folder = (await (await send('POST', '/nodes/-root-/children', { name: 'Cell', nodeType: 'cm:folder' })).json()).entry.id;
    assert.equal((await send('PUT', `/nodes/${folder}`, { permissions: closed })).status, 200);
    const make = async (name: string, readers: string[]) => {
      const made = await send('POST', `/nodes/${folder}/children`, { name, nodeType: 'cm:content' });
      assert.equal(made.status, 201);
      const id = ((await made.json()) as { entry: { id: string } }).entry.id;
      const acl = { ...closed, locallySet: readers.map((authorityId) => ({ authorityId, name: 'Consumer' })) };
      assert.equal((await send('PUT', `/nodes/${id}`, { permissions: acl })).status, 200);
      return id;
    };
    const asRavi = (id: string) => fetch(`${api}/nodes/${id}`, { headers: { Authorization: basic('ravi') } });

    const open = await make('open.txt', ['ravi']);
    assert.equal((await asRavi(open)).status, 200);
    const seq = server.context.store.get(open)!.seq;
    assert.equal(seq, server.context.db.prepare('SELECT max(seq) FROM node').pluck().get(), 'the newest node');
    assert.equal((await send('DELETE', `/nodes/${open}?permanent=true`)).status, 204);

    const shut = await make('shut.txt', []);
    assert.ok(server.context.store.get(shut)!.seq > seq, 'a seq of its own');
    assert.equal((await asRavi(shut)).status, 403);
    const found = await fetch(`${server.url}/alfresco/api/-default-/public/search/versions/1/search`, {
      method: 'POST',
      headers: { Authorization: basic('ravi'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: { query: 'cm:name:"shut.txt"', language: 'afts' } })
    });
    assert.equal(((await found.json()) as { list: { pagination: { totalItems: number } } }).list.pagination.totalItems, 0);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
