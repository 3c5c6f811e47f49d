// Serves a release build as a real host should (docs/hosting.md): the .br or .gz written
// beside a file when the browser accepts it, the right media types, hashed files cached
// for ever and the rest revalidated (ETag), and the Content-Security-Policy header.
// scripts/serve.sh runs it; the end-to-end tests and the benchmark import `serveDir`, so
// what they measure is what a user runs.
//
//   node scripts/static-server.mjs [dir=dist] [port=8080] [host=127.0.0.1]
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, SECURITY_HEADERS, TYPES, cacheControl } from './site.mjs';

/** The encodings to try for a request, best first; '' is the file itself. */
function encodings(accept = '') {
  const offered = new Set();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    offered.add(name);
  }
  return [...(offered.has('br') ? [['.br', 'br']] : []), ...(offered.has('gzip') ? [['.gz', 'gzip']] : []), ['', null]];
}

async function fileStat(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Serves `dir` on `host:port` (0: a free port). `onSent(path, bytes, encoding)` is told
 * each body sent. Resolves to { url, port, close }.
 */
export async function serveDir(dir, { host = '127.0.0.1', port = 0, onSent } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const headers = { ...SECURITY_HEADERS };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    const file = join(root, path === '' ? 'index.html' : path);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const original = await fileStat(file);
    if (!original) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end('not found');
      return;
    }
    let chosen = { path: file, stat: original, encoding: null };
    const compressible = COMPRESSIBLE.test(file);
    if (compressible) {
      for (const [suffix, encoding] of encodings(req.headers['accept-encoding'])) {
        if (!encoding) break;
        const s = await fileStat(file + suffix);
        // A compressed copy older than its file is stale: never serve it.
        if (s && s.mtimeMs >= original.mtimeMs) {
          chosen = { path: file + suffix, stat: s, encoding };
          break;
        }
      }
      headers.vary = 'Accept-Encoding';
    }
    headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    headers['cache-control'] = cacheControl(file);
    const etag = `"${original.size.toString(16)}-${Math.floor(original.mtimeMs).toString(16)}${chosen.encoding ? `-${chosen.encoding}` : ''}"`;
    headers.etag = etag;
    if (chosen.encoding) headers['content-encoding'] = chosen.encoding;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = await readFile(chosen.path);
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    res.end(body);
    onSent?.(path === '' ? 'index.html' : path, body.length, chosen.encoding);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const bound = server.address().port;
  return {
    url: `http://${host}:${bound}/`,
    port: bound,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(ok);
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!(await fileStat(join(dir, 'index.html')))) {
    console.error(`${dir}/index.html is missing: run \`trunk build --release\` first`);
    process.exit(1);
  }
  const { url } = await serveDir(dir, { host, port: Number(port) });
  console.log(`Serving ${dir}/ on ${url} (compressed, with the CSP header); Ctrl-C stops.`);
}
