import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

/** Where `npm run build:web` writes the dashboard, seen from this file (libs/runtime/src/http). */
export const DEFAULT_WEB_DIST_DIR = resolve(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist');

/**
 * Paths the API owns (CONTRACT.md "Endpoints"): the dashboard never answers under them, even if the
 * build happened to hold a file of that name.
 */
export const API_PATH_PREFIXES = ['/graphql', '/health', '/metrics', '/imports', '/exports', '/auth'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
};

// Text compresses 3–5×; on a 400 kbit/s link that is most of the first load's time.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.topojson', '.geojson']);

/** Vite names built assets `name-<hash>.ext`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the hashed assets of the current build: always revalidate it (cheap: ETag → 304).
const REVALIDATE = 'no-cache';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface StaticFile {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly mtimeMs: number;
  readonly encoded: Map<'br' | 'gzip', Promise<Buffer>>;
}

export interface WebDashboardOptions {
  /** The built dashboard (apps/web/dist); defaults to the repository's. */
  readonly distDir?: string;
}

/** What an express-like application must offer (NestExpressApplication and express() both do). */
export interface MountsMiddleware {
  use(handler: (request: Request, response: Response, next: NextFunction) => void): unknown;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title></head>
<body><main><h1>The web dashboard is not built</h1>
<p>Run <code>npm run build:web</code> (or start the platform with <code>npm start</code>, which builds it when needed), then reload this page.</p>
<p>The API is available: <code>POST /graphql</code>.</p></main></body></html>
`;

const isApiPath = (path: string) => API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

const negotiate = (acceptEncoding: string | undefined): 'br' | 'gzip' | null => {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
};

/**
 * Serves the built dashboard at `/` from the platform or the gateway: hashed assets cached for a
 * year, index.html revalidated, text compressed (brotli or gzip, once per file, kept in memory: the
 * build is a few hundred KB). The dashboard uses hash routes, so there is no fallback from unknown
 * paths to index.html: an unknown path falls through to the application's own 404.
 * Call it before the application starts listening.
 */
export const mountWebDashboard = (app: MountsMiddleware, options: WebDashboardOptions = {}): void => {
  const distDir = resolve(options.distDir ?? DEFAULT_WEB_DIST_DIR);
  const cache = new Map<string, StaticFile>();

  const load = (urlPath: string): StaticFile | null => {
    const relative = urlPath === '/' ? '/index.html' : urlPath;
    const filePath = normalize(join(distDir, relative));
    // `..` or encoded separators must not leave the build directory.
    if (filePath !== distDir && !filePath.startsWith(distDir + sep)) return null;
    let stat;
    try {
      stat = statSync(filePath);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const cached = cache.get(filePath);
    // A rebuild (npm run build:web while the platform runs) replaces index.html in place.
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
    const body = readFileSync(filePath);
    const extension = extname(filePath).toLowerCase();
    const file: StaticFile = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      cacheControl: HASHED_ASSET.test(relative) ? IMMUTABLE : REVALIDATE,
      mtimeMs: stat.mtimeMs,
      encoded: new Map(),
    };
    if (COMPRESSIBLE.has(extension) && body.length > 1024) {
      file.encoded.set('br', brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
      file.encoded.set('gzip', gzipAsync(body, { level: 9 }));
    }
    cache.set(filePath, file);
    return file;
  };

  app.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (isApiPath(path)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return next();
    }
    if (decoded.includes('\0')) return next();
    if (!existsSync(join(distDir, 'index.html'))) {
      if (path !== '/' && path !== '/index.html') return next();
      response.status(503).set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30' }).send(NOT_BUILT_PAGE);
      return;
    }
    const file = load(decoded);
    if (!file) return next();
    response.set({
      'content-type': file.contentType,
      'cache-control': file.cacheControl,
      etag: file.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag)) {
      response.status(304).end();
      return;
    }
    const encoding = file.encoded.size > 0 ? negotiate(request.headers['accept-encoding']) : null;
    const send = (body: Buffer, contentEncoding: string | null) => {
      if (contentEncoding) response.set('content-encoding', contentEncoding);
      response.set('content-length', String(body.length));
      if (request.method === 'HEAD') response.status(200).end();
      else response.status(200).end(body);
    };
    if (!encoding) return send(file.body, null);
    file.encoded.get(encoding)!.then(
      (body) => send(body, encoding),
      () => send(file.body, null),
    );
  });
};
