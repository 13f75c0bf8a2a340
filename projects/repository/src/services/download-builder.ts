import { createReadStream, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepositoryContext } from './repository-context';
import type { NodeRow } from '../persistence/node-row';
import type { DownloadStore } from '../persistence/download-store';
import type { Caller } from '../auth/caller';

import { ZipWriter } from './zip-writer';
import { inTransaction } from '../persistence/database';

export type DownloadStatus = 'PENDING' | 'CANCELLED' | 'IN_PROGRESS' | 'DONE' | 'MAX_CONTENT_SIZE_EXCEEDED';
export const REQUESTED = 'download:requestedNodes';

interface Item {
  path: string;
  node: NodeRow;
}

/**
 * Builds the zip of a download node after the request that created it has answered, as ACS's download
 * service does on its own thread: it counts what the requester may read, then adds file after file,
 * recording progress on the node (download:filesAdded …) and stopping if the download was cancelled.
 */
export class DownloadBuilder {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly downloads: DownloadStore
  ) {}

  status(id: string): DownloadStatus {
    return (this.ctx.store.properties(id)['download:status'] as DownloadStatus) ?? 'PENDING';
  }

  schedule(id: string): void {
    setImmediate(() => {
      this.build(id).catch(() => {
        // The repository may have closed meanwhile; a failed build is reported as cancelled when it can be.
        try {
          this.setProgress(id, { 'download:status': 'CANCELLED' });
        } catch {
          /* database closed */
        }
      });
    });
  }

  private setProgress(id: string, props: Record<string, unknown>): void {
    inTransaction(this.ctx.db, () => {
      if (this.ctx.store.getIncludingArchived(id)) this.ctx.store.setProperties(id, props);
    });
  }

  private async build(id: string): Promise<void> {
    const { store, authorities, content, maxUploadBytes } = this.ctx;
    const download = store.get(id);
    const person = download && authorities.person(download.created_by);
    if (!download || !person || this.status(id) !== 'PENDING') return;
    const caller = authorities.callerFor(person);
    const requested = this.downloads.requested(id, REQUESTED);
    const items = requested.flatMap((n) => this.collect(caller, n, ''));
    const files = items.filter((i) => i.node.is_file);
    const totalBytes = files.reduce((s, i) => s + (i.node.size ?? 0), 0);
    this.setProgress(id, {
      'download:status': 'IN_PROGRESS',
      'download:totalFiles': files.length,
      'download:totalBytes': totalBytes,
      'download:filesAdded': 0,
      'download:bytesAdded': 0
    });
    if (totalBytes > maxUploadBytes) return this.setProgress(id, { 'download:status': 'MAX_CONTENT_SIZE_EXCEEDED' });

    const dir = mkdtempSync(join(tmpdir(), 'download-'));
    const zipPath = join(dir, 'download.zip');
    const zip = new ZipWriter(zipPath);
    try {
      let filesAdded = 0;
      let bytesAdded = 0;
      for (const item of items) {
        if (this.status(id) === 'CANCELLED') {
          zip.abort();
          return;
        }
        const modified = new Date(item.node.modified_at.replace('+0000', 'Z'));
        if (!item.node.is_file) {
          await zip.addFolder(item.path, modified);
          continue;
        }
        const url = item.node.content_url;
        const data = url && content.exists(url) ? readFileSync(content.path(url)) : Buffer.alloc(0);
        await zip.addFile(item.path, data, modified);
        filesAdded++;
        bytesAdded += data.length;
        this.setProgress(id, { 'download:filesAdded': filesAdded, 'download:bytesAdded': bytesAdded });
      }
      await zip.close();
      const staged = await content.stage(createReadStream(zipPath));
      inTransaction(this.ctx.db, () => {
        if (!store.get(id) || this.status(id) === 'CANCELLED') return content.discard(staged);
        store.update(id, { content_url: content.commit(staged), size: staged.size, mime_type: 'application/zip', encoding: 'UTF-8' });
        store.setProperties(id, { 'download:status': 'DONE' });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The node and, for a folder, everything below it that the requester may read, in zip path order. */
  private collect(caller: Caller, node: NodeRow, prefix: string): Item[] {
    if (!this.ctx.permissions.has(caller, node, 'Read')) return [];
    const path = prefix + node.name;
    if (node.is_file) return [{ path, node }];
    if (!node.is_folder) return [];
    const children = this.downloads.children(node.id);
    return [{ path: `${path}/`, node }, ...children.flatMap((c) => this.collect(caller, c, `${path}/`))];
  }
}
