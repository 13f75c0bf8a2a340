/**
 * Durability: the repository is killed with SIGKILL in the middle of a burst of concurrent writes.
 * After a restart on the same data directory, every write that was answered 2xx must be there, whole
 * (properties and content), and nothing half-written may be: each node either exists completely or not at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startRepositoryProcess } from '../support/repository-process';

const auth = 'Basic ' + Buffer.from('admin:admin').toString('base64');

const base = (port: number) => `http://127.0.0.1:${port}/alfresco/api/-default-/public/alfresco/versions/1`;

test('writes answered 2xx survive SIGKILL; nothing half-written appears', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-durability-'));
  const port = await freePort();
  let child = await startRepositoryProcess(port, dataDir);
  try {
    const folder = await fetch(`${base(port)}/nodes/-my-/children`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'burst', nodeType: 'cm:folder' })
    });
    assert.equal(folder.status, 201);
    const folderId = ((await folder.json()) as { entry: { id: string } }).entry.id;

    const acknowledged = new Map<string, { id: string; size: number; title: string }>();
    let killed = false;
    // 16 concurrent writers, each creating files with a title and content until the process dies.
    const writer = async (w: number) => {
      for (let i = 0; !killed && i < 400; i++) {
        const name = `w${w}-${i}.txt`;
        const text = `receipt ${w}/${i} `.repeat(50 + i);
        const form = new FormData();
        form.append('filedata', new Blob([text], { type: 'text/plain' }), name);
        form.append('cm:title', `Title ${w}-${i} सामान्य`);
        try {
          const res = await fetch(`${base(port)}/nodes/${folderId}/children`, {
            method: 'POST',
            headers: { Authorization: auth },
            body: form
          });
          if (res.status === 201) {
            const body = (await res.json()) as { entry: { id: string } };
            acknowledged.set(name, { id: body.entry.id, size: Buffer.byteLength(text), title: `Title ${w}-${i} सामान्य` });
          }
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const writers = Array.from({ length: 16 }, (_, w) => writer(w));
    // Kill once a fair number of writes have been answered, while the rest are in flight.
    while (acknowledged.size < 120) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await exited;
    assert.ok(acknowledged.size >= 120);

    child = await startRepositoryProcess(port, dataDir);
    // Every acknowledged write is there with its properties and its whole content.
    for (const [name, ack] of acknowledged) {
      const res = await fetch(`${base(port)}/nodes/${ack.id}`, { headers: { Authorization: auth } });
      assert.equal(res.status, 200, `acknowledged ${name} is missing after restart`);
      const node = (
        (await res.json()) as { entry: { name: string; content: { sizeInBytes: number }; properties: Record<string, unknown> } }
      ).entry;
      assert.equal(node.name, name);
      assert.equal(node.properties['cm:title'], ack.title);
      assert.equal(node.content.sizeInBytes, ack.size);
      const content = await fetch(`${base(port)}/nodes/${ack.id}/content`, { headers: { Authorization: auth } });
      assert.equal((await content.arrayBuffer()).byteLength, ack.size, `content of ${name} is incomplete`);
    }
    // Whatever else made it in (answered or not) is complete too: no node without its title or content.
    const list = await fetch(`${base(port)}/nodes/${folderId}/children?maxItems=10000&include=properties`, {
      headers: { Authorization: auth }
    });
    const entries = (
      (await list.json()) as {
        list: { entries: { entry: { id: string; name: string; content: { sizeInBytes: number }; properties: Record<string, unknown> } }[] };
      }
    ).list.entries;
    assert.ok(entries.length >= acknowledged.size);
    for (const { entry } of entries) {
      assert.match(String(entry.properties['cm:title']), /^Title \d+-\d+ सामान्य$/, `${entry.name} lost its title`);
      const content = await fetch(`${base(port)}/nodes/${entry.id}/content`, { headers: { Authorization: auth } });
      assert.equal((await content.arrayBuffer()).byteLength, entry.content.sizeInBytes, `${entry.name} is half-written`);
    }
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
