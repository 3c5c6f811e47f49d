// Trunk's post_build hook (Trunk.toml), on a release build: minifies the app's JS glue,
// which Trunk's own minifier cannot parse (an ES module), with esbuild (installed into
// .tools/ by scripts/setup.sh), and puts its new integrity hash into index.html.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR;
let esbuild;
try {
  esbuild = createRequire(join(root, '.tools', 'node_modules'))('esbuild');
} catch {
  console.error('esbuild is missing: run scripts/setup.sh build');
  process.exit(1);
}
const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const page = join(staging, 'index.html');
let html = readFileSync(page, 'utf8');
for (const name of readdirSync(staging).filter((f) => /^shuzhuan-app-[0-9a-f]+\.js$/.test(f))) {
  const path = join(staging, name);
  const before = readFileSync(path, 'utf8');
  const { code } = esbuild.transformSync(before, { minify: true, format: 'esm' });
  if (!html.includes(integrity(before))) {
    console.error(`index.html has no integrity hash for ${name}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  html = html.replace(integrity(before), integrity(code));
}
writeFileSync(page, html);
