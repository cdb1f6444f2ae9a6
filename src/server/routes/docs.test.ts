import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../testing/chromium.ts';
import { serveTestApp, testApp } from '../testing/test-app.ts';

type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
};
type OpenAPIDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  security?: unknown[];
};

async function openApiDocument(options: Parameters<typeof testApp>[0] = {}): Promise<OpenAPIDocument> {
  const { app } = testApp(options);
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as OpenAPIDocument;
}

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const each of value) collectRefs(each, into);
  else if (value && typeof value === 'object') {
    for (const [key, each] of Object.entries(value)) {
      if (key === '$ref' && typeof each === 'string') into.push(each);
      else collectRefs(each, into);
    }
  }
  return into;
}

const UNDOCUMENTED = new Set([
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/init.js',
  '/api/docs/{asset}',
  // the id form of /api/units/{meeting}/{top}/{para} (documented in its description)
  '/api/units/{meeting}/{topFirst}/{topSecond}/{para}',
]);

describe('GET /api/openapi.json', () => {
  it('documents every API route of the app with its method', async () => {
    const { app } = testApp();
    const document = await openApiDocument();
    const registered = app.routes
      .filter((route) => route.method !== 'ALL' && /^\/(api|v1)\//.test(route.path))
      .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)/g, '{$1}') }))
      .filter((route) => !UNDOCUMENTED.has(route.path));
    expect(registered.length).toBeGreaterThanOrEqual(12);
    for (const route of registered) {
      expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    expect(Object.keys(document.paths).sort()).toEqual(
      [...new Set(registered.map((route) => route.path))].sort(),
    );
  });

  it('is a well-formed OpenAPI 3.1 document: responses, declared path parameters, resolvable $refs', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Beschluss-Assistent', version: '0.1.0' });
    for (const [path, operations] of Object.entries(document.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        expect(['get', 'post', 'patch', 'delete']).toContain(method);
        expect(operation.responses['200'], `${method} ${path} 200`).toBeDefined();
        const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
        expect(declared.map((parameter) => parameter.name).sort()).toEqual([...templated].sort());
        expect(declared.every((parameter) => parameter.required === true)).toBe(true);
      }
    }
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      expect(document.components?.schemas?.[name], ref).toBeDefined();
    }
    for (const name of ['Answer', 'Source', 'Citation', 'Statement', 'Error', 'Health', 'AskRequest']) {
      expect(document.components?.schemas?.[name], name).toBeDefined();
    }
  });

  it('describes the request and error shapes of POST /api/ask', async () => {
    const document = await openApiDocument();
    const ask = document.paths['/api/ask']?.post;
    expect(JSON.stringify(ask?.requestBody)).toContain('#/components/schemas/AskRequest');
    expect(JSON.stringify(ask?.responses['400'])).toContain('#/components/schemas/Error');
    expect(ask?.responses['200']?.content?.['application/json']).toBeDefined();
    const chat = document.paths['/api/chat']?.post;
    expect(chat?.responses['200']?.content?.['text/event-stream']).toBeDefined();
  });

  it('declares bearer authentication only when the server has an API key, and not for health', async () => {
    const open = await openApiDocument();
    expect(open.security).toBeUndefined();
    const keyed = await openApiDocument({ config: { BESCHLUSS_API_KEY: 'k' } });
    expect(keyed.security).toEqual([{ bearerAuth: [] }]);
    expect(keyed.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(keyed.paths['/api/health']?.get?.security).toEqual([]);
  });
});

describe('GET /api/docs', () => {
  it('serves a page whose every URL is a local path, and each of those assets', async () => {
    const { app } = testApp();
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z0-9]/i);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) {
      expect(url.startsWith('/api/')).toBe(true);
      const asset = await app.request(url);
      expect(asset.status, url).toBe(200);
    }
    const init = await (await app.request('/api/docs/init.js')).text();
    expect(init).toContain("url: '/api/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });

  it('serves only the listed Swagger UI assets', async () => {
    const { app } = testApp();
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
    expect((await app.request('/api/docs/..%2F..%2Fpackage.json')).status).toBe(404);
    const css = await app.request('/api/docs/swagger-ui.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await css.text()).length).toBeGreaterThan(1000);
  });

  it('stays open without the API key, like the health check', async () => {
    const { app } = testApp({ config: { BESCHLUSS_API_KEY: 'k' } });
    expect((await app.request('/api/docs')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect((await app.request('/api/items')).status).toBe(401);
  });
});

describe('the docs page in a browser (strict CSP, offline)', () => {
  it('renders every documented operation with no console error and no request to another origin', async () => {
    const { server } = await serveTestApp();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
          problems.push(request.url());
      });
      await page.goto(`${server.url}/api/docs`);
      await page.waitForSelector('.opblock');
      const documented = Object.values((await openApiDocument()).paths).flatMap((operations) =>
        Object.keys(operations),
      );
      expect(await page.locator('.opblock').count()).toBe(documented.length);
      expect(await page.textContent('.info .title')).toContain('Beschluss-Assistent');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
