// How the release is served, in one place: the Content-Security-Policy (written into
// index.html by scripts/post-build.mjs and sent as a header by scripts/static-server.mjs;
// docs/hosting.md's nginx recipe sends the same, which tests/e2e/hosting.test.mjs checks),
// the media types, which files are compressed, and which are cached for ever.

/** The policy a <meta> element can carry (frame-ancestors is ignored there). */
export const CSP_META = [
  "default-src 'self'",
  // The wasm is compiled from its bytes: 'wasm-unsafe-eval', never 'unsafe-eval'.
  "script-src 'self' 'wasm-unsafe-eval'",
  // No style attribute anywhere: the views style through classes, the charts through SVG
  // presentation attributes.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The policy sent as a header: the meta's, and no page may frame the app. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

/** Headers sent with every file besides its type, encoding and caching. */
export const SECURITY_HEADERS = {
  'content-security-policy': CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files worth a .br and a .gz beside them (PNG is compressed already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|ico|json|webmanifest|bin|txt)$/;

/**
 * Names with a content hash (Trunk's `name-<16 hex>.ext`, the wasm `name-<hash>_bg.wasm`):
 * a new build gives new names, so these may be cached for ever; everything else
 * (index.html, sw.js, the files worker, the questionnaires, icons) is revalidated.
 */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

export const cacheControl = (name) => (HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');
