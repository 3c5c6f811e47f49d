// Serving the release (docs/hosting.md): scripts/static-server.mjs (scripts/serve.sh, the
// tests, the benchmark) and docs/hosting.md's nginx recipe, run as written in a throw-away
// nginx, each checked for media types, the encoding chosen, caching and the policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, ROOT, serveDist } from './support.mjs';
import { CSP_HEADER } from '../../scripts/site.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** GET `path` with `accept-encoding`; resolves to { status, headers, body (decoded) }. */
function get(base, path, { encoding, headers = {} } = {}) {
  return new Promise((ok, fail) => {
    const req = request(new URL(path, base), { headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let body = Buffer.concat(chunks);
        const used = body.length > 0 ? res.headers['content-encoding'] : null;
        if (used === 'br') body = brotliDecompressSync(body);
        if (used === 'gzip') body = gunzipSync(body);
        ok({ status: res.statusCode, headers: res.headers, body });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

const built = (pattern) => {
  const name = readdirSync(DIST).find((f) => pattern.test(f));
  assert.ok(name, `dist/ has a file matching ${pattern}`);
  return name;
};

/** The checks docs/hosting.md promises, against a server of dist/ at `base`. */
async function checkHost(base) {
  const wasm = built(/^shuzhuan-app-[0-9a-f]{8,16}_bg\.wasm$/);
  const glue = built(/^shuzhuan-app-[0-9a-f]{8,16}\.js$/);
  const css = built(/^style-[0-9a-f]{8,16}\.css$/);
  const cases = [
    // path, accept-encoding, type, encoding sent, cache-control
    ['/', 'gzip, deflate, br', /^text\/html; ?charset=utf-8$/i, 'br', 'no-cache', 'index.html'],
    ['/index.html', 'gzip', /^text\/html; ?charset=utf-8$/i, 'gzip', 'no-cache', 'index.html'],
    [`/${wasm}`, 'br', /^application\/wasm$/, 'br', IMMUTABLE, wasm],
    [`/${wasm}`, 'gzip', /^application\/wasm$/, 'gzip', IMMUTABLE, wasm],
    [`/${glue}`, null, /^text\/javascript(; ?charset=utf-8)?$/i, undefined, IMMUTABLE, glue],
    [`/${css}`, 'br', /^text\/css(; ?charset=utf-8)?$/i, 'br', IMMUTABLE, css],
    ['/sw.js', 'br', /^text\/javascript(; ?charset=utf-8)?$/i, 'br', 'no-cache', 'sw.js'],
    ['/files-worker.js?v=1', 'gzip', /^text\/javascript(; ?charset=utf-8)?$/i, 'gzip', 'no-cache', 'files-worker.js'],
    ['/shuzhuan-files_bg.wasm?v=1', 'br', /^application\/wasm$/, 'br', 'no-cache', 'shuzhuan-files_bg.wasm'],
    ['/xlsx-worker.js?v=1', 'gzip', /^text\/javascript(; ?charset=utf-8)?$/i, 'gzip', 'no-cache', 'xlsx-worker.js'],
    ['/shuzhuan-xlsx_bg.wasm?v=1', 'br', /^application\/wasm$/, 'br', 'no-cache', 'shuzhuan-xlsx_bg.wasm'],
    ['/desk.css?v=1', 'br', /^text\/css(; ?charset=utf-8)?$/i, 'br', 'no-cache', 'desk.css'],
    ['/sme-digital-level.bin?v=1', 'br', /^application\/octet-stream$/, 'br', 'no-cache', 'sme-digital-level.bin'],
    ['/manifest.webmanifest', 'br', /^application\/manifest\+json/, 'br', 'no-cache', 'manifest.webmanifest'],
    ['/icons/icon-192.png', 'br', /^image\/png$/, undefined, 'no-cache', 'icons/icon-192.png'],
    ['/favicon.ico', null, /^image\/x-icon$/, undefined, 'no-cache', 'favicon.ico'],
  ];
  for (const [path, accept, type, encoding, cache, file] of cases) {
    const r = await get(base, path, { encoding: accept });
    const where = `${path} (accept-encoding: ${accept ?? 'none'})`;
    assert.equal(r.status, 200, where);
    assert.match(r.headers['content-type'] ?? '', type, `${where}: content-type`);
    assert.equal(r.headers['content-encoding'], encoding, `${where}: content-encoding`);
    assert.equal(r.headers['cache-control'], cache, `${where}: cache-control`);
    assert.equal(r.headers['content-security-policy'], CSP_HEADER, `${where}: the policy`);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
    if (encoding) assert.match(r.headers.vary ?? '', /accept-encoding/i, `${where}: vary`);
    assert.ok(r.body.equals(readFileSync(join(DIST, file))), `${where}: the body decodes to dist/${file}`);
  }
  // Revalidation answers 304 without a body.
  const first = await get(base, '/sw.js', { encoding: 'br' });
  assert.ok(first.headers.etag, 'an ETag to revalidate with');
  const again = await get(base, '/sw.js', { encoding: 'br', headers: { 'if-none-match': first.headers.etag } });
  assert.equal(again.status, 304);
  assert.equal((await get(base, '/no-such-file.js')).status, 404);
}

test('scripts/static-server.mjs serves the release as docs/hosting.md says', async () => {
  const server = await serveDist();
  try {
    await checkHost(server.url);
  } finally {
    await server.close();
  }
});

async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

test('docs/hosting.md’s nginx recipe serves the release as it says', async () => {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  const module = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  assert.ok(nginx && existsSync(module), 'nginx and libnginx-mod-http-brotli-static are installed (scripts/setup.sh test)');
  const doc = readFileSync(join(ROOT, 'docs/hosting.md'), 'utf8');
  const recipe = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(recipe, 'docs/hosting.md has an nginx block');
  const port = await freePort();
  const conf = recipe.replace('listen 8080;', `listen 127.0.0.1:${port};`).replace('root /srv/shuzhuan;', `root ${DIST};`);
  assert.notEqual(conf, recipe);
  const dir = mkdtempSync(join(tmpdir(), 'shuzhuan-nginx-'));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `load_module ${module};
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${conf}
}
`,
  );
  const syntax = spawnSync(nginx, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(syntax.status, 0, `nginx -t: ${syntax.stderr}`);
  const server = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; ; i++) {
      try {
        await get(base, '/');
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    await checkHost(base);
  } finally {
    server.kill('SIGTERM');
    await new Promise((ok) => server.once('exit', ok));
    rmSync(dir, { recursive: true, force: true });
  }
});
