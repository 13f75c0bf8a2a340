/**
 * Bad input gets an ACS-style error and writes nothing: after each refused request the folder is as it was,
 * and an upload cut off mid-way leaves neither a node nor a binary behind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';

describe('bad input writes nothing', () => {
  const repo = useTestRepository();
  let n = 0;

  async function emptyFolder(api: AlfrescoApi): Promise<string> {
    return (await new NodesApi(api).createNode('-my-', { name: `untouched-${++n}`, nodeType: 'cm:folder' })).entry.id;
  }
  async function childNames(api: AlfrescoApi, folderId: string): Promise<string[]> {
    const list = await new NodesApi(api).listNodeChildren(folderId);
    return list.list!.entries!.map((e) => e.entry.name);
  }

  it('an unknown property answers 400 and creates nothing', async () => {
    const api = await repo().api();
    const folder = await emptyFolder(api);
    const err = expectError(
      await rejectionOf(
        new NodesApi(api).createNode(folder, { name: 'a.txt', nodeType: 'cm:content', properties: { 'cm:noSuchProperty': 'x' } })
      ),
      400
    );
    assert.match(String(err.briefSummary), /noSuchProperty/);
    assert.deepEqual(await childNames(api, folder), []);
  });

  it('a mistyped property value answers 400 and leaves the node unchanged', async () => {
    const api = await repo().api();
    const nodes = new NodesApi(api);
    const folder = await emptyFolder(api);
    const doc = await nodes.createNode(folder, { name: 'doc.txt', nodeType: 'cm:content', properties: { 'cm:title': 'Before' } });
    expectError(
      await rejectionOf(
        nodes.updateNode(doc.entry.id, { name: 'renamed.txt', properties: { 'cm:title': 'After', 'cm:autoVersion': 'perhaps' } } as never)
      ),
      400
    );
    const after = await nodes.getNode(doc.entry.id);
    assert.equal(after.entry.name, 'doc.txt');
    assert.equal(after.entry.properties['cm:title'], 'Before');
  });

  it('an over-long name answers 400 and a name with ".." answers 422; neither creates a node', async () => {
    const api = await repo().api();
    const nodes = new NodesApi(api);
    const folder = await emptyFolder(api);
    expectError(await rejectionOf(nodes.createNode(folder, { name: 'क'.repeat(256), nodeType: 'cm:folder' })), 400);
    expectError(await rejectionOf(nodes.createNode(folder, { name: '..', nodeType: 'cm:folder' })), 422);
    expectError(await rejectionOf(nodes.createNode(folder, { name: 'a/b', nodeType: 'cm:folder' })), 422);
    assert.deepEqual(await childNames(api, folder), []);
    // 255 characters of Devanagari is still a valid name.
    const ok = await nodes.createNode(folder, { name: 'क'.repeat(255), nodeType: 'cm:folder' });
    assert.equal(ok.entry.name.length, 255);
  });

  it('an invalid node id answers 404', async () => {
    const nodes = new NodesApi(await repo().api());
    expectError(await rejectionOf(nodes.getNode('not-a-node-id')), 404);
    expectError(await rejectionOf(nodes.createNode('not-a-node-id', { name: 'x', nodeType: 'cm:folder' })), 404);
  });

  it('an upload cut off mid-way leaves no node and no binary', async () => {
    const api = await repo().api();
    const folder = await emptyFolder(api);
    const url = new URL(repo().url);
    const boundary = 'eofficeBoundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nscan.pdf\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="filedata"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    const declaredLength = Buffer.byteLength(head) + 1_000_000;
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /alfresco/api/-default-/public/alfresco/versions/1/nodes/${folder}/children HTTP/1.1\r\n` +
            `Host: ${url.host}\r\nAuthorization: Basic ${Buffer.from('admin:admin').toString('base64')}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${declaredLength}\r\n\r\n`
        );
        socket.write(head);
        socket.write(Buffer.alloc(200_000, 0x25));
        // The client goes away with 800 kB still to send.
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200);
      });
      socket.on('error', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(await childNames(api, folder), []);
    const staging = path.join(repo().dataDir, 'contentstore.tmp');
    assert.deepEqual(fs.readdirSync(staging), [], 'the staged part of the upload was not cleaned up');
  });
});
