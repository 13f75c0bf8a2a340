import type { Request, Response } from 'express';
import busboy from 'busboy';
import { readFileSync } from 'node:fs';
import type { RepositoryContext } from '../../services/repository-context';
import type { StagedContent } from '../../persistence/content-store';
import { errors } from '../../errors/api-error';
export { guessMimeType } from '../../services/mime-types';

/** Text of a staged binary for the full-text index (plain text kinds only). */
export function extractText(staged: StagedContent, mimeType: string): string | undefined {
  if (!/^text\/|\/json$|\/xml$/.test(mimeType)) return undefined;
  return readFileSync(staged.tempPath).subarray(0, 1_000_000).toString('utf8');
}

export interface Multipart {
  fields: Record<string, string>;
  file?: { staged: StagedContent; filename: string; mimeType: string };
}

/**
 * Reads a multipart/form-data upload: the `filedata` part is streamed to the content store's staging area
 * (bounded by the upload limit), every other part becomes a field. A client that drops the connection
 * mid-upload leaves nothing behind.
 */
export function readMultipart(ctx: RepositoryContext, req: Request): Promise<Multipart> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: 1_000_000, fields: 200, files: 1 } });
    } catch (e) {
      return reject(errors.invalidArgument(`Malformed multipart request: ${(e as Error).message}`));
    }
    const fields: Record<string, string> = {};
    let pending: Promise<Multipart['file']> | undefined;
    let failed = false;
    let fileStream: (NodeJS.ReadableStream & { destroy(error?: Error): void }) | undefined;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      // Ending the part's stream with an error makes the content store drop what it staged so far.
      fileStream?.destroy(new Error('upload aborted'));
      pending?.then(
        (f) => f && ctx.content.discard(f.staged),
        () => undefined
      );
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (name, stream, info) => {
      if (name !== 'filedata') {
        stream.resume();
        return;
      }
      fileStream = stream;
      pending = ctx.content.stage(stream).then((staged) => ({ staged, filename: info.filename, mimeType: info.mimeType }));
      pending.catch(fail);
    });
    bb.on('error', (e) => fail(errors.invalidArgument(`Malformed multipart request: ${(e as Error).message}`)));
    bb.on('close', () => {
      if (failed) return;
      Promise.resolve(pending).then((file) => resolve({ fields, file }), fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(errors.invalidArgument('Upload interrupted'));
    });
    req.pipe(bb);
  });
}

/**
 * The only mimetypes a caller may have served inline (`attachment=false`): ACS's default
 * `content.nonAttach.mimetypes` (repository.properties), which NodesImpl.getContent and the content service
 * check before honouring attachment=false. Anything else (HTML, SVG, XML, scripts) could run in the
 * origin that serves it, so it always comes as an attachment.
 */
export const INLINE_MIMETYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/gif',
  'image/png',
  'image/tiff',
  'image/bmp',
  'application/octet-stream'
]);

/**
 * Streams a binary with Range support and Alfresco's Content-Disposition handling: an attachment unless
 * inline was asked for and the mimetype is in INLINE_MIMETYPES (exact match, as ACS compares).
 */
export function sendContent(
  ctx: RepositoryContext,
  req: Request,
  res: Response,
  // A node or a version row as stored: both carry their content's columns under the same names.
  stored: { content_url: string | null; mime_type: string | null; size: number | null; name: string; modified_at: string },
  attachment: boolean
): void {
  // X-Content-Type-Options: nosniff is set on every response (http/request-guards.ts noSniff).
  const mimeType = stored.mime_type?.includes('/') ? stored.mime_type : 'application/octet-stream';
  const inline = !attachment && INLINE_MIMETYPES.has(mimeType);
  if (!stored.content_url || !ctx.content.exists(stored.content_url)) {
    res.status(200).type(mimeType).setHeader('Content-Length', '0');
    res.end();
    return;
  }
  const size = ctx.content.size(stored.content_url);
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${stored.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(stored.name)}`;
  res.setHeader('Content-Disposition', disposition);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Last-Modified', new Date(stored.modified_at.replace('+0000', 'Z')).toUTCString());
  res.setHeader('Cache-Control', 'no-cache');
  res.type(mimeType); // always a full type here: res.type would map a bare `html` to text/html
  const range = req.headers.range;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    let start = m && m[1] ? Number(m[1]) : NaN;
    let end = m && m[2] ? Number(m[2]) : size - 1;
    if (m && !m[1] && m[2]) {
      start = Math.max(0, size - Number(m[2]));
      end = size - 1;
    }
    if (!m || Number.isNaN(start) || start > end || start >= size) {
      res.status(416).setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    end = Math.min(end, size - 1);
    res.status(206).setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') return void res.end();
    ctx.content.read(stored.content_url, { start, end }).pipe(res);
    return;
  }
  res.status(200).setHeader('Content-Length', String(size));
  if (req.method === 'HEAD') return void res.end();
  ctx.content.read(stored.content_url).pipe(res);
}
