import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { errors } from '../errors/api-error';

/** Texts kept by readText: the last KEPT_TEXTS of at most KEPT_TEXT_BYTES each. */
const KEPT_TEXTS = 32;
const KEPT_TEXT_BYTES = 256 * 1024;

/** A binary staged in the content store's temp area, not yet referenced by any node. */
export interface StagedContent {
  tempPath: string;
  size: number;
}

/**
 * Content binaries live on disk as in Alfresco's file content store: store://yyyy/mm/dd/hh/<uuid>.bin.
 * Uploads are streamed to a temp file first and only moved into place once the database transaction
 * that references them is about to commit, so an interrupted upload leaves nothing behind.
 * Binaries are never overwritten (a new version is a new URL), so readers never see half-written data.
 */
export class ContentStore {
  private readonly root: string;
  private readonly temp: string;

  constructor(
    dataDir: string,
    private readonly maxBytes: number
  ) {
    this.root = join(dataDir, 'contentstore');
    this.temp = join(dataDir, 'contentstore.tmp');
    mkdirSync(this.root, { recursive: true });
    rmSync(this.temp, { recursive: true, force: true });
    mkdirSync(this.temp, { recursive: true });
  }

  async stage(source: Readable): Promise<StagedContent> {
    const tempPath = join(this.temp, randomUUID());
    let size = 0;
    const max = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > max) cb(errors.payloadTooLarge(`Content exceeds the upload limit of ${max} bytes`));
        else cb(null, chunk);
      }
    });
    try {
      await pipeline(source, counter, createWriteStream(tempPath));
    } catch (e) {
      rmSync(tempPath, { force: true });
      throw e;
    }
    return { tempPath, size };
  }

  stageBuffer(buf: Buffer): Promise<StagedContent> {
    return this.stage(Readable.from([buf]));
  }

  /** Moves a staged binary into the store and returns its content URL. */
  commit(staged: StagedContent): string {
    const now = new Date();
    const rel = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours()].join('/') + `/${randomUUID()}.bin`;
    const target = join(this.root, rel);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staged.tempPath, target);
    return `store://${rel}`;
  }

  discard(staged: StagedContent | undefined): void {
    if (staged) rmSync(staged.tempPath, { force: true });
  }

  path(url: string): string {
    return join(this.root, url.replace(/^store:\/\//, ''));
  }

  exists(url: string): boolean {
    return existsSync(this.path(url));
  }

  size(url: string): number {
    return statSync(this.path(url)).size;
  }

  read(url: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.path(url), range);
  }

  /**
   * A binary's text. Small texts are kept, by URL, since a URL's binary never changes: the workflow's
   * listeners read the hierarchy and the holiday calendar on every run (as they do on ACS, whose content
   * store reads the file each time); here that was an open, a read and a decode per run.
   */
  readText(url: string, limit = 1_000_000): string {
    const key = `${limit} ${url}`;
    const kept = this.texts.get(key);
    if (kept !== undefined) {
      this.texts.delete(key);
      this.texts.set(key, kept);
      return kept;
    }
    const buf = readFileSync(this.path(url));
    const text = buf.subarray(0, limit).toString('utf8');
    if (buf.length <= KEPT_TEXT_BYTES) {
      this.texts.set(key, text);
      if (this.texts.size > KEPT_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    }
    return text;
  }

  private readonly texts = new Map<string, string>();
}
