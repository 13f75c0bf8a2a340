#!/usr/bin/env node
// Serves a production build of the Content App and forwards /alfresco/... to a repository.
// Usage: node scripts/serve.mjs --dist dist/content-app/browser --port 4200 --repository http://localhost:8080
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
 * handler attributes, no eval), so an HTML fragment that slips into the page runs nothing. Styles may be
 * inline (Angular and Material insert <style> elements); images and the pdf.js worker may come from blob:
 * and data: URLs the viewer makes; no plugins, no framing by other sites, forms post only to the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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

/**
 * Starts the server. Resolves with { url, port, close() }.
 * @param {{ dist: string; port?: number; host?: string; repository: string; quiet?: boolean }} options
 */
export async function startStaticServer({ dist, port = 4200, host = '127.0.0.1', repository, quiet = false }) {
  const root = path.resolve(dist);
  const target = new URL(repository);
  await stat(path.join(root, 'index.html')).catch(() => {
    throw new Error(`No index.html in ${root}: build the app first (npm run build)`);
  });

  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (PROXIED_PREFIXES.some((prefix) => url === prefix.slice(0, -1) || url.startsWith(prefix))) {
      forward(request, response, target, quiet);
    } else {
      void sendFile(root, url, response);
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
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      })
  };
}

function forward(request, response, target, quiet) {
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

async function sendFile(root, url, response) {
  const pathname = decodeURIComponent(new URL(url, 'http://local').pathname);
  let file = path.join(root, path.normalize(pathname));
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
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
  const isIndex = path.basename(file) === 'index.html' || file.endsWith('.json');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable'
  });
  createReadStream(file).pipe(response);
}

function parseArguments(argv) {
  const options = { dist: 'dist/content-app/browser', port: 4200, repository: 'http://localhost:8080', host: '127.0.0.1' };
  for (let index = 0; index < argv.length; index += 2) {
    const [name, value] = [argv[index], argv[index + 1]];
    if (name === '--dist') options.dist = value;
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
