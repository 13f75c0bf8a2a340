/**
 * Downloads API (the Content App's "Download" of several items or a folder): a zip is built after
 * POST /downloads answers 202, its progress is read from GET /downloads/{id}, and the zip itself is
 * the download node's content.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateRawSync, crc32 } from 'node:zlib';
import { DownloadsApi, NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, API } from '../support/test-repository';

/** Reads a zip through its central directory; checks every file's CRC. */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory record present');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressed);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(crc32(data) >>> 0, crc >>> 0, `CRC of ${name}`);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function textFile(api: AlfrescoApi, parent: string, name: string, text: string) {
  const nodes = new NodesApi(api);
  const node = (await nodes.createNode(parent, { name, nodeType: 'cm:content' })).entry;
  await nodes.updateNodeContent(node.id, text);
  return node;
}
async function folder(api: AlfrescoApi, parent: string, name: string) {
  return (await new NodesApi(api).createNode(parent, { name, nodeType: 'cm:folder' })).entry;
}

describe('downloads API', () => {
  const repo = useTestRepository();

  const waitDone = async (downloads: DownloadsApi, id: string) => {
    for (let i = 0; i < 100; i++) {
      const d = (await downloads.getDownload(id)).entry;
      if (d.status !== 'PENDING' && d.status !== 'IN_PROGRESS') return d;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('download did not finish');
  };

  it('zips files and folders recursively (202, PENDING → DONE) and serves the zip as node content', async () => {
    const admin = await repo().api();
    const reports = await folder(admin, '-my-', 'Reports');
    const sub = await folder(admin, reports.id, 'Sub');
    await textFile(admin, reports.id, 'a.txt', 'alpha');
    await textFile(admin, sub.id, 'b.txt', 'beta '.repeat(200));
    const single = await textFile(admin, '-my-', 'single.txt', 'single');
    const downloads = new DownloadsApi(admin);
    const created = await downloads.createDownload({ nodeIds: [reports.id, single.id] });
    assert.equal(repo().recorder.last()!.status, 202);
    assert.equal(created.entry.status, 'PENDING');
    const done = await waitDone(downloads, created.entry.id!);
    assert.equal(done.status, 'DONE');
    assert.equal(done.totalFiles, 3);
    assert.equal(done.filesAdded, 3);
    assert.equal(done.totalBytes, 5 + 1000 + 6);
    assert.equal(done.bytesAdded, done.totalBytes);

    const zip = await repo().request('GET', `${API.core}/nodes/${created.entry.id}/content`);
    assert.equal(zip.status, 200);
    assert.equal(zip.contentType, 'application/zip');
    const files = unzip(zip.body as Buffer);
    assert.deepEqual([...files.keys()], ['Reports/', 'Reports/a.txt', 'Reports/Sub/', 'Reports/Sub/b.txt', 'single.txt']);
    assert.equal(files.get('Reports/a.txt'), 'alpha');
    assert.equal(files.get('Reports/Sub/b.txt'), 'beta '.repeat(200));
    assert.equal(files.get('single.txt'), 'single');
  });

  it("leaves out what the requester cannot read; someone else's download answers 403", async () => {
    await repo().createUser('dl.user');
    await repo().createUser('dl.other');
    const admin = await repo().api();
    const area = await folder(admin, '-root-', 'Download area');
    await repo().grant(area.id, 'dl.user', 'Consumer', { inherit: false });
    await textFile(admin, area.id, 'open.txt', 'open');
    const secret = await textFile(admin, area.id, 'secret.txt', 'secret');
    await new NodesApi(admin).updateNode(secret.id, { permissions: { isInheritanceEnabled: false, locallySet: [] } });

    const user = await repo().api('dl.user', 'dl.user');
    const downloads = new DownloadsApi(user);
    const created = await downloads.createDownload({ nodeIds: [area.id] });
    const done = await waitDone(downloads, created.entry.id!);
    assert.equal(done.totalFiles, 1);
    const zip = await repo().request('GET', `${API.core}/nodes/${created.entry.id}/content`, { auth: ['dl.user', 'dl.user'] });
    assert.deepEqual([...unzip(zip.body as Buffer).keys()], ['Download area/', 'Download area/open.txt']);

    const other = await repo().api('dl.other', 'dl.other');
    expectError(await rejectionOf(new DownloadsApi(other).getDownload(created.entry.id!)), 403);
    expectError(await repo().request('GET', `${API.core}/nodes/${created.entry.id}/content`, { auth: ['dl.other', 'dl.other'] }), 403);
    expectError(await rejectionOf(downloads.createDownload({ nodeIds: [secret.id] })), 403);
  });

  it('bad requests: empty or duplicate nodeIds (400), unknown node (404), not a download node (400)', async () => {
    const admin = await repo().api();
    const downloads = new DownloadsApi(admin);
    const doc = await textFile(admin, '-my-', 'dup.txt', 'd');
    expectError(await rejectionOf(downloads.createDownload({ nodeIds: [] })), 400);
    expectError(await rejectionOf(downloads.createDownload({ nodeIds: [doc.id, doc.id] })), 400);
    expectError(await rejectionOf(downloads.createDownload({ nodeIds: ['no-such-node'] })), 404);
    expectError(await rejectionOf(downloads.getDownload(doc.id)), 400);
  });

  it('cancel answers 202 and leaves the download cancelled or, if it had finished, done', async () => {
    const admin = await repo().api();
    const big = await textFile(admin, '-my-', 'big.txt', 'x'.repeat(2_000_000));
    const downloads = new DownloadsApi(admin);
    const created = await downloads.createDownload({ nodeIds: [big.id] });
    await downloads.cancelDownload(created.entry.id!);
    assert.equal(repo().recorder.last()!.status, 202);
    const after = await waitDone(downloads, created.entry.id!);
    assert.ok(after.status === 'CANCELLED' || after.status === 'DONE', `status ${after.status}`);
    if (after.status === 'CANCELLED') {
      const content = await repo().request('GET', `${API.core}/nodes/${created.entry.id}/content`);
      assert.equal((content.body as Buffer | undefined)?.length ?? 0, 0, 'a cancelled download has no zip');
    }
  });
});
