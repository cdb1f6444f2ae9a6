import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../serve.ts';
import { type ErrorJson, serveTestApp, testApp } from '../testing/test-app.ts';
import { staticFiles } from './static-files.ts';

const SECRET = 'TOP-SECRET-CONTENT';
let folder: string;
let webDirectory: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'beschluss-static-'));
  webDirectory = path.join(folder, 'web');
  await mkdir(path.join(webDirectory, 'css'), { recursive: true });
  await mkdir(path.join(webDirectory, 'api'), { recursive: true });
  await writeFile(path.join(webDirectory, 'index.html'), '<!doctype html><title>Beschluss-Assistent</title>');
  await writeFile(path.join(webDirectory, 'app.js'), 'console.log("app");');
  await writeFile(path.join(webDirectory, 'css', 'style.css'), 'body { margin: 0 }');
  await writeFile(path.join(webDirectory, '.env'), SECRET);
  await writeFile(path.join(webDirectory, 'api', 'health'), SECRET);
  await writeFile(path.join(folder, 'secret.txt'), SECRET);
  await symlink(folder, path.join(webDirectory, 'outside'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('web files at /', () => {
  it('serves index.html for /, and files with their content types', async () => {
    const { app } = testApp({ webDirectory });
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('Beschluss-Assistent');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await app.request('/index.html')).status).toBe(200);
    const script = await app.request('/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const style = await app.request('/css/style.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await style.text()).toBe('body { margin: 0 }');
  });

  it('refuses an absolute path sent as one encoded segment', async () => {
    const { app } = testApp({ webDirectory });
    const response = await app.request(`/${encodeURIComponent(path.join(folder, 'secret.txt'))}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers HEAD without a body', async () => {
    const { app } = testApp({ webDirectory });
    const head = await app.request('/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers a missing file with 404 JSON, and never serves files over /api', async () => {
    const { app } = testApp({ webDirectory });
    const missing = await app.request('/nothing.js');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorJson).error.code).toBe('NOT_FOUND');
    const api = await app.request('/api/health');
    expect(await api.text()).not.toContain(SECRET);
    expect((await app.request('/css/')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/css/..%2F..%2Fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '/.env',
    '/%2eenv',
    '/outside/secret.txt',
    '/index.html%00',
    '/%00/../secret.txt',
    '/%2Fetc%2Fpasswd',
    '//etc/passwd',
  ])('refuses %s without revealing anything', async (url) => {
    const { app } = testApp({ webDirectory });
    const response = await app.request(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });
});

describe('web files over a real socket (raw request targets, no URL normalisation by a client)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    ({ server } = await serveTestApp({ webDirectory }));
  });

  afterAll(async () => {
    await server.close();
  });

  function rawGet(target: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let response = '';
      socket.on('data', (data) => {
        response += data.toString('latin1');
      });
      socket.on('end', () => resolve(response));
      socket.on('error', reject);
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
  }

  it('serves a file to a raw request', async () => {
    const response = await rawGet('/app.js');
    expect(response.startsWith('HTTP/1.1 200')).toBe(true);
  });

  it.each([
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/css/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..\\secret.txt',
    '/css\\..\\..\\secret.txt',
    '/outside/secret.txt',
    '/.env',
    'http://127.0.0.1/../secret.txt',
    '/%00',
  ])('refuses the raw target %s', async (target) => {
    const response = await rawGet(target);
    expect(response).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(response).not.toContain(SECRET);
    expect(response).not.toContain('root:');
  });
});

describe('static files: only what a browser needs', () => {
  it('does not serve tests, type declarations, test helpers or unknown file types', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'beschluss-static-public-'));
    await mkdir(path.join(root, 'js'), { recursive: true });
    await mkdir(path.join(root, 'testing'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(root, 'js', 'app.js'), 'export {};');
    await writeFile(path.join(root, 'js', 'app.test.ts'), 'test');
    await writeFile(path.join(root, 'js', 'app.d.ts'), 'export {};');
    await writeFile(path.join(root, 'testing', 'harness.js'), 'export {};');
    await writeFile(path.join(root, 'notes.md'), '# notes');
    const app = new Hono();
    app.use('*', staticFiles({ root, isExcluded: (requestPath) => requestPath.startsWith('/api') }));
    app.notFound((c) => c.text('not found', 404));
    expect((await app.request('/js/app.js')).status).toBe(200);
    for (const hidden of ['/js/app.test.ts', '/js/app.d.ts', '/testing/harness.js', '/notes.md']) {
      expect((await app.request(hidden)).status, hidden).toBe(404);
    }
    await rm(root, { recursive: true, force: true });
  });
});
