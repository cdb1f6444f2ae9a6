// GET /api/openapi.json (the OpenAPI 3.1 document built from the route schemas) and GET /api/docs (Swagger UI served
// from the local swagger-ui-dist package: the machine is offline, so the page loads nothing from elsewhere; its
// start-up code is a file too, because the Content-Security-Policy allows no inline script).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { App } from '../env.ts';
import { errorResponse } from '../error-response.ts';

export interface DocsOptions {
  /** Version of the API shown in the document. */
  version: string;
  /** Whether the server requires an API key (the document then declares bearer authentication). */
  apiKeyRequired: boolean;
}

const DOCS_HTML = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Beschluss-Assistent – API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
<noscript><p>Die API-Beschreibung: <a href="/api/openapi.json">/api/openapi.json</a></p></noscript>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    validatorUrl: null,
    deepLinking: true,
    tryItOutEnabled: false,
  });
});
`;

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

export function registerDocsRoutes(app: App, options: DocsOptions): void {
  const distFolder = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  const asset = (name: string) => {
    let content = cache.get(name);
    if (!content) {
      content = readFile(path.join(distFolder, name)).then((buffer) => Uint8Array.from(buffer));
      cache.set(name, content);
    }
    return content;
  };

  if (options.apiKeyRequired) {
    app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
      type: 'http',
      scheme: 'bearer',
      description: 'BESCHLUSS_API_KEY of the server',
    });
  }

  app.get('/api/openapi.json', (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Beschluss-Assistent',
          version: options.version,
          description:
            'Questions and answers over published resolutions of German ministerial conferences; every statement ' +
            'cites its TOP and Ziffer. Errors: { "error": { "code", "message" } }.',
        },
        ...(options.apiKeyRequired ? { security: [{ bearerAuth: [] }] } : {}),
      }),
    ),
  );

  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/init.js', (c) =>
    c.body(INIT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/:asset', async (c) => {
    const name = c.req.param('asset');
    const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (type === undefined)
      return errorResponse(c, 'NOT_FOUND', `No documentation asset ${JSON.stringify(name.slice(0, 80))}.`);
    return c.body(await asset(name), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
  });
}
