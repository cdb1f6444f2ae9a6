// Serves the files of the web folder (index.html for a folder) to GET and HEAD; anything else falls through to 404.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { staticSegments } from '../static-path.ts';

export interface StaticFilesOptions {
  /** The folder served at "/". */
  root: string;
  /** Paths that are never files (the API). */
  isExcluded: (path: string) => boolean;
  /** Paths the page itself answers (its index.html), e.g. a shared conversation's /c/<id>. */
  isPage?: (path: string) => boolean;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Only what a browser needs is served: files of the known types above, never the page's tests, type declarations
 * or test helpers that live beside it in web/.
 */
function isPublic(file: string): boolean {
  const name = path.basename(file);
  if (!Object.hasOwn(CONTENT_TYPES, path.extname(name).toLowerCase())) return false;
  if (/\.(?:test|spec)\.[cm]?[jt]s$|\.d\.ts$/.test(name)) return false;
  return !file.split(path.sep).includes('testing');
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of the file to serve, or undefined; symbolic links that lead out of the root are refused. */
async function findFile(root: string, segments: string[]): Promise<string | undefined> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined;
  }
  const candidate = path.join(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return undefined;
  try {
    let real = await realpath(candidate);
    if (!isInside(realRoot, real)) return undefined;
    if ((await stat(real)).isDirectory()) {
      real = await realpath(path.join(real, 'index.html'));
      if (!isInside(realRoot, real)) return undefined;
    }
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function staticFiles(options: StaticFilesOptions): MiddlewareHandler<AppEnv> {
  const { root, isExcluded, isPage = () => false } = options;
  return async (c, next) => {
    // Hono routes HEAD like GET and drops the body.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isExcluded(c.req.path)) return next();
    const segments = isPage(c.req.path) ? ['index.html'] : staticSegments(new URL(c.req.url).pathname);
    const file = segments && (await findFile(root, segments));
    if (!file || !isPublic(file)) return next();
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] as string;
    return c.body(new Uint8Array(await readFile(file)), 200, {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
    });
  };
}
