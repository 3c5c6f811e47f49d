// Trunk's post_build hook (Trunk.toml): everything done to a build after Trunk, in order.
//  1. The on-demand questionnaires build.rs compiled (target/compiled/*.bin) go beside the app.
//  2. Release only: the app's JS glue, an ES module Trunk's minifier cannot parse, is
//     minified with esbuild (.tools/, scripts/setup.sh), its integrity hash following; so
//     are the desk's loader and stylesheet (assets/desk-loader.js, assets/desk.css: Trunk
//     copies them as they are, minifying only the stylesheet index.html links).
//  3. Trunk's inline start-up script is replaced by assets/start.js under a hashed name,
//     and the Content-Security-Policy (scripts/site.mjs) goes into index.html: no inline
//     script is left, so the policy needs no 'unsafe-inline'.
//  4. assets/sw.js is written with this build's version and the list of its files.
//  5. Release only: a .br and a .gz beside every file worth compressing (docs/hosting.md).
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { COMPRESSIBLE, CSP_META } from './site.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!staging) fail('TRUNK_STAGING_DIR is not set: this runs as Trunk’s post_build hook');

function fail(message) {
  console.error(`post-build: ${message}`);
  // What was being worked on, to see why (target/ is not committed).
  if (staging && existsSync(join(staging, 'index.html'))) {
    cpSync(staging, join(root, 'target', 'post-build-failed'), { recursive: true });
    console.error('post-build: the build as Trunk left it is in target/post-build-failed/');
  }
  process.exit(1);
}

const sha = (algorithm, data) => createHash(algorithm).update(data);
const integrity = (text) => `sha384-${sha('sha384', text).digest('base64')}`;
const contentHash = (data) => sha('sha256', data).digest('hex').slice(0, 16);

let esbuild = null;
if (release) {
  try {
    esbuild = createRequire(join(root, '.tools', 'node_modules'))('esbuild');
  } catch {
    fail('esbuild is missing: run scripts/setup.sh build');
  }
}
const minify = (code) => (esbuild ? esbuild.transformSync(code, { minify: true, format: 'esm' }).code : code);

// 1. The on-demand questionnaires, and the version the app asks for them with.
const compiled = join(root, 'target', 'compiled');
for (const name of readdirSync(compiled).filter((f) => f.endsWith('.bin'))) {
  copyFileSync(join(compiled, name), join(staging, name));
}
const versionFile = join(compiled, 'version.txt');
if (!existsSync(versionFile)) fail(`${versionFile} is missing (build.rs writes it)`);
const compiledVersion = readFileSync(versionFile, 'utf8').trim();

const pagePath = join(staging, 'index.html');
let html = readFileSync(pagePath, 'utf8');

// 2. The app's glue, minified.
const glueName = readdirSync(staging).find((f) => /^shuzhuan-app-[0-9a-f]+\.js$/.test(f));
if (!glueName) fail('no shuzhuan-app-<hash>.js in the build');
if (release) {
  const path = join(staging, glueName);
  const before = readFileSync(path, 'utf8');
  const code = minify(before);
  if (!html.includes(integrity(before))) fail(`index.html has no integrity hash for ${glueName}`);
  writeFileSync(path, code);
  html = html.replace(integrity(before), integrity(code));
}
// The desk's loader (a classic script) and the stylesheet it adds when the desk is loaded.
for (const [name, loader] of [['desk-loader.js', 'js'], ['desk.css', 'css']]) {
  const path = join(staging, name);
  if (!existsSync(path)) fail(`no ${name} in the build (index.html copies assets/${name})`);
  if (release) writeFileSync(path, esbuild.transformSync(readFileSync(path, 'utf8'), { loader, minify: true }).code);
}

// 3. Trunk's preloads of the app's glue and wasm are taken out: start.js fetches both once
//    the boot screen has painted (with the same integrity hashes), so that nothing but the
//    page, its stylesheet and start.js is fetched before the first paint (Lighthouse's LCP
//    estimate counts every request started before the largest paint, the 220 kB wasm too).
const preloaded = {};
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  if (!/\brel="?(modulepreload|preload)\b/.test(tag)) return tag;
  const href = /\bhref="?([^"\s>]+)/.exec(tag)?.[1] ?? '';
  const kind = /shuzhuan-app-[0-9a-f]+\.js$/.test(href) ? 'js' : /shuzhuan-app-[0-9a-f]+_bg\.wasm$/.test(href) ? 'wasm' : null;
  if (!kind) return tag;
  preloaded[kind] = /\bintegrity="?([^"\s>]+)/.exec(tag)?.[1] ?? '';
  return '';
});
if (preloaded.js === undefined || preloaded.wasm === undefined) fail('index.html has no preload of the app’s glue and wasm to take over (has Trunk changed?)');

// 4. Trunk's inline script → start-<hash>.js; the policy.
const inline = /<script type="?module"?[^>]*>([^<]*?import init[^<]*?)<\/script>/.exec(html);
if (!inline) fail('index.html has no inline start-up script of Trunk’s to replace (has Trunk changed?)');
const appJs = /from\s*['"]([^'"]+\.js)['"]/.exec(inline[1])?.[1];
const appWasm = /module_or_path:\s*['"]([^'"]+\.wasm)['"]/.exec(inline[1])?.[1];
if (!appJs || !appWasm) fail(`cannot read the glue and wasm names in Trunk’s start-up script: ${inline[1]}`);
const start = minify(
  readFileSync(join(root, 'assets', 'start.js'), 'utf8')
    .replace("'__APP_JS__'", JSON.stringify(appJs))
    .replace("'__APP_WASM__'", JSON.stringify(appWasm))
    .replace("'__APP_JS_INTEGRITY__'", JSON.stringify(preloaded.js))
    .replace("'__APP_WASM_INTEGRITY__'", JSON.stringify(preloaded.wasm)),
);
const startName = `start-${contentHash(start)}.js`;
writeFileSync(join(staging, startName), start);
const base = appJs.slice(0, appJs.lastIndexOf('/') + 1);
html = html.replace(inline[0], `<script type="module" src="${base}${startName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('index.html still has an inline script, which the policy would block');
if (/\sstyle=/.test(html)) fail('index.html has a style attribute, which the policy would block');
html = html.replace(/<meta charset="?utf-8"?\s*\/?>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`);
if (!html.includes('http-equiv="Content-Security-Policy"')) fail('index.html has no <meta charset="utf-8"> to put the policy after');
writeFileSync(pagePath, html);

// 4. The service worker. The app asks for these with `?v=<compiled version>`
//    (src/app/platform/files.rs, src/app/state/questionnaires.rs, assets/files-worker.js,
//    assets/xlsx-worker.js,
//    src/app/desk.rs, assets/desk-loader.js, which also asks for desk.css so):
//    they are cached under exactly that URL.
const VERSIONED = /^(files-worker\.js|shuzhuan-files\.js|shuzhuan-files_bg\.wasm|xlsx-worker\.js|shuzhuan-xlsx\.js|shuzhuan-xlsx_bg\.wasm|desk-loader\.js|desk\.css|shuzhuan-desk\.js|shuzhuan-desk_bg\.wasm|[^/]+\.bin)$/;
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(staging, path).split(sep).join('/'));
  }
};
walk(staging);
const served = files.filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f));
// The browser fetches the manifest's icons and favicon.ico for itself (when installing the
// app, or when a page names no icon): the page names only icons/icon.svg.
const NOT_PRECACHED = /^icons\/(?!icon\.svg$)|\.ico$/;
const precache = served.filter((f) => !NOT_PRECACHED.test(f)).map((f) => (f === 'index.html' ? './' : VERSIONED.test(f) ? `${f}?v=${compiledVersion}` : f));
const buildHash = sha('sha256', '');
for (const f of served) buildHash.update(`${f}\0`).update(readFileSync(join(staging, f)));
const buildVersion = buildHash.digest('hex').slice(0, 16);
const worker = readFileSync(join(root, 'assets', 'sw.js'), 'utf8')
  .replace("const VERSION = 'development';", `const VERSION = ${JSON.stringify(buildVersion)};`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(precache)};`);
if (!worker.includes(buildVersion) || !worker.includes(startName)) fail('assets/sw.js has no VERSION or FILES line to fill in');
writeFileSync(join(staging, 'sw.js'), minify(worker));

// 5. Compressed copies, written after their file (a server may check that they are newer).
if (release) {
  for (const f of [...served, 'sw.js'].filter((name) => COMPRESSIBLE.test(name))) {
    const path = join(staging, f);
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = gzipSync(body, { level: 9 });
    for (const [suffix, data] of [['.br', br], ['.gz', gz]]) {
      if (data.length < body.length) writeFileSync(path + suffix, data);
      else if (existsSync(path + suffix)) unlinkSync(path + suffix);
    }
  }
}
console.log(`post-build: ${precache.length} files precached by sw.js (build ${buildVersion}), start script ${startName}`);
