#!/usr/bin/env node
// Serves a production build of the Content App and forwards /alfresco/... to a repository.
// Usage: node scripts/serve.mjs --dist dist/content-app/browser --port 4200 --repository http://localhost:8080 [--no-compress]
// The build's files are read once into memory and compressed there (gzip at once, brotli in the background),
// so a cold start of the app moves about a quarter of the bytes; hashed bundles are cached for a year,
// everything else is revalidated with its ETag (304 without a body).
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8'
};

/**
 * The Content-Security-Policy of the app: scripts only from its own files (no inline script, no event
 * handler attributes, no eval), so an HTML fragment that slips into the page runs nothing; WebAssembly may
 * compile ('wasm-unsafe-eval' allows that and no JavaScript eval: the PDF writer's HarfBuzz). Styles may be
 * inline (Angular and Material insert <style> elements); images and the pdf.js worker may come from blob:
 * and data: URLs the viewer makes; no plugins, no framing by other sites, forms post only to the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'"
].join('; ');

/** Headers on every answer of the app server, its own files and the repository's alike. */
const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

/** Paths forwarded to the repository. */
const PROXIED_PREFIXES = ['/alfresco/'];

/** Types worth compressing; images, fonts in woff/woff2 and the like are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.ttf', '.ico', '.wasm']);

/**
 * Brotli quality 10: on the 1.5 MB main bundle 1.7% larger than the maximum (11) in 40% of its time, so the
 * whole build is compressed a few seconds after start rather than twenty.
 */
const BROTLI_QUALITY = 10;

/** Below this size the headers outweigh what compression saves. */
const MIN_COMPRESSED_SIZE = 1024;

/** Files the Angular build names by their content (main-ABCD1234.js, media/x-ABCD1234.woff2): never change. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, app.config.json, assets, the pdf.js worker) is revalidated on every use. */
const REVALIDATE = 'no-cache';

/**
 * Starts the server. Resolves with { url, port, ready, close() }; `ready` resolves once every file of the
 * build has its compressed forms (answers before that fall back to gzip, never wait for brotli).
 * @param {{ dist: string; port?: number; host?: string; repository: string; quiet?: boolean; compress?: boolean }} options
 */
export async function startStaticServer({ dist, port = 4200, host = '127.0.0.1', repository, quiet = false, compress = true }) {
  const root = path.resolve(dist);
  const target = new URL(repository);
  await stat(path.join(root, 'index.html')).catch(() => {
    throw new Error(`No index.html in ${root}: build the app first (npm run build)`);
  });
  const files = new StaticFiles(root, compress);
  const ready = files.preload().catch((error) => {
    // Files are then read on first use instead.
    if (!quiet) {
      console.error(`Reading ${root} ahead: ${error.message}`);
    }
  });

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (PROXIED_PREFIXES.some((prefix) => url === prefix.slice(0, -1) || url.startsWith(prefix))) {
      forward(request, response, target, quiet, compress);
    } else {
      sendFile(files, request, response).catch((error) => {
        if (!quiet) {
          console.error(`${request.method} ${url}: ${error.message}`);
        }
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
        }
        response.end();
      });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    ready,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      })
  };
}

/**
 * Passes a request on to the repository. Its JSON answers are gzipped on the way when the browser takes gzip
 * and the repository did not compress them (as a reverse proxy in front of ACS does): a file's 500 notes
 * listed with their properties are 315 kB as JSON, about a tenth of that gzipped.
 */
function forward(request, response, target, quiet, compress = true) {
  const upstream = http.request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: request.method,
      path: request.url,
      headers: { ...request.headers, host: target.host }
    },
    (answer) => {
      const json = /^application\/json\b/i.test(String(answer.headers['content-type'] ?? ''));
      // Only answers with a body: a 204, a 304 or an answer to HEAD must stay empty.
      const withBody = request.method !== 'HEAD' && (answer.statusCode ?? 0) >= 200 && ![204, 304].includes(answer.statusCode ?? 0);
      const gzipped =
        compress &&
        json &&
        withBody &&
        !answer.headers['content-encoding'] &&
        acceptedEncodings(request.headers['accept-encoding']).has('gzip');
      if (gzipped) {
        const { etag, vary } = answer.headers;
        const headers = {
          ...answer.headers,
          ...SECURITY_HEADERS,
          'content-encoding': 'gzip',
          vary: [vary, 'Accept-Encoding'].filter(Boolean).join(', '),
          // The gzipped bytes are not the repository's: a strong tag becomes weak, as reverse proxies do.
          ...(etag && !etag.startsWith('W/') ? { etag: `W/${etag}` } : {})
        };
        delete headers['content-length'];
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(zlib.createGzip({ level: 6 })).pipe(response);
        return;
      }
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...SECURITY_HEADERS });
      answer.pipe(response);
    }
  );
  upstream.on('error', (error) => {
    if (!quiet) {
      console.error(`proxy ${request.method} ${request.url}: ${error.message}`);
    }
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    }
    response.end('Repository unreachable');
  });
  request.pipe(upstream);
}

/**
 * The build's files in memory, each with its ETag and compressed forms. An entry is re-read when the file
 * on disk changes (a rebuild under a running server), found by its size and modification time.
 */
class StaticFiles {
  /** @param {string} root @param {boolean} compress */
  constructor(root, compress) {
    this.root = root;
    this.compress = compress;
    /** @type {Map<string, Promise<StaticFile>>} */
    this.entries = new Map();
    /** Brotli takes a second or more on the largest bundles: one file at a time, off the event loop. */
    this.brotliQueue = Promise.resolve();
  }

  /** Reads and compresses every file of the build; resolves when all compressed forms exist. */
  async preload() {
    const all = await listFiles(this.root);
    const entries = await Promise.all(all.map(async (file) => this.get(file, await stat(file))));
    await Promise.all(entries.flatMap((entry) => [entry.gzip, entry.brotli]));
  }

  /** @param {string} file @param {import('node:fs').Stats} info @returns {Promise<StaticFile>} */
  async get(file, info) {
    const cached = this.entries.get(file);
    if (cached) {
      const entry = await cached;
      if (entry.size === info.size && entry.mtimeMs === info.mtimeMs) {
        return entry;
      }
    }
    const loading = this.load(file, info);
    this.entries.set(file, loading);
    loading.catch(() => this.entries.delete(file));
    return loading;
  }

  /** @param {string} file @param {import('node:fs').Stats} info @returns {Promise<StaticFile>} */
  async load(file, info) {
    const body = await readFile(file);
    const relative = path.relative(this.root, file);
    const extension = path.extname(file);
    const hashed = HASHED_NAME.test(relative) && (path.dirname(relative) === '.' || path.dirname(relative) === 'media');
    /** @type {StaticFile} */
    const entry = {
      size: info.size,
      mtimeMs: info.mtimeMs,
      body,
      tag: createHash('sha256').update(body).digest('base64url').slice(0, 32),
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      cacheControl: hashed ? IMMUTABLE : REVALIDATE,
      compressible: this.compress && COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESSED_SIZE,
      gzip: Promise.resolve(null),
      brotli: Promise.resolve(null),
      brotliDone: null
    };
    if (entry.compressible) {
      // A form that fails or does not shrink the file is left out: the file goes as it is.
      const smaller = (/** @type {Buffer} */ packed) => (packed.length < body.length ? packed : null);
      entry.gzip = gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }).then(smaller, () => null);
      entry.brotli = this.brotliQueue = this.brotliQueue.then(() =>
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]:
              extension === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length
          }
        }).then(smaller, () => null)
      );
      void entry.brotli.then((packed) => (entry.brotliDone = packed));
    }
    return entry;
  }
}

/**
 * @typedef {{ size: number; mtimeMs: number; body: Buffer; tag: string; type: string; cacheControl: string;
 *   compressible: boolean; gzip: Promise<Buffer | null>; brotli: Promise<Buffer | null>; brotliDone: Buffer | null }} StaticFile
 */

/** @param {string} directory @returns {Promise<string[]>} */
async function listFiles(directory) {
  const found = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    found.map((item) => (item.isDirectory() ? listFiles(path.join(directory, item.name)) : [path.join(directory, item.name)]))
  );
  return nested.flat();
}

/**
 * The encodings the client accepts with a non-zero weight (RFC 9110 §12.5.3), e.g. "gzip, deflate, br;q=0".
 * @param {string | undefined} header
 */
function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const weight = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(weight && Number(weight.slice(2)) === 0)) {
      accepted.add(name);
    }
  }
  return accepted;
}

/**
 * True when If-None-Match names this file's content. Weak comparison, as RFC 9110 §13.1.2 asks for
 * If-None-Match: the gzip and brotli forms carry the same tag with a suffix and count as the same content.
 * @param {string | undefined} header @param {string} tag
 */
function notModified(header, tag) {
  if (!header) {
    return false;
  }
  return header.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === '*' || value.replace(/^"|"$/g, '').replace(/-(br|gz)$/, '') === tag;
  });
}

async function sendFile(files, request, response) {
  const url = request.url ?? '/';
  const root = files.root;
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://local').pathname);
  } catch {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Bad request');
    return;
  }
  let file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) {
    response.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    // Unknown paths without a file extension are app routes: answer with the app.
    if (path.extname(pathname) === '') {
      file = path.join(root, 'index.html');
      info = await stat(file);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
  }
  const entry = await files.get(file, info);
  const headers = {
    ...SECURITY_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'content-type': entry.type,
    'cache-control': entry.cacheControl,
    ...(entry.compressible ? { vary: 'accept-encoding' } : {})
  };

  // Brotli once it is ready (it is made in the background at start), gzip meanwhile, else the file as is.
  const accepted = entry.compressible ? acceptedEncodings(request.headers['accept-encoding']) : new Set();
  let body = entry.body;
  let suffix = '';
  if (accepted.has('br') && entry.brotliDone) {
    [body, suffix] = [entry.brotliDone, '-br'];
    headers['content-encoding'] = 'br';
  } else if (accepted.has('gzip')) {
    const packed = await entry.gzip;
    if (packed) {
      [body, suffix] = [packed, '-gz'];
      headers['content-encoding'] = 'gzip';
    }
  }
  headers.etag = `"${entry.tag}${suffix}"`;

  if (notModified(request.headers['if-none-match'], entry.tag)) {
    delete headers['content-type'];
    delete headers['content-encoding'];
    response.writeHead(304, headers).end();
    return;
  }
  headers['content-length'] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function parseArguments(argv) {
  const options = { dist: 'dist/content-app/browser', port: 4200, repository: 'http://localhost:8080', host: '127.0.0.1', compress: true };
  for (let index = 0; index < argv.length; index += 2) {
    const [name, value] = [argv[index], argv[index + 1]];
    if (name === '--no-compress') {
      // For a reverse proxy that compresses itself (and to measure what compression saves).
      options.compress = false;
      index -= 1;
    } else if (name === '--dist') options.dist = value;
    else if (name === '--port') options.port = Number(value);
    else if (name === '--repository') options.repository = value;
    else if (name === '--host') options.host = value;
    else throw new Error(`Unknown option ${name}`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const options = parseArguments(process.argv.slice(2));
  startStaticServer(options).then(
    (server) => {
      console.log(`Content App on ${server.url} (repository ${options.repository}, files ${path.resolve(options.dist)})`);
      const stop = () => server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    }
  );
}
