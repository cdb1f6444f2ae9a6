// Runs the page for browser tests: the real server (startServer on port 0) serving web/ over an assistant the test can
// swap, and one headless Debian Chromium (never a downloaded browser) whose pages record console errors, page errors
// and every request.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Assistant } from '../../src/assistant/types.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { PROJECT_ROOT, WEB_DIR } from '../../src/paths.ts';
import { createApp, type ServerConfig } from '../../src/server/app.ts';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import { CHROMIUM_PATH, launchChromium } from '../../src/testing/chromium.ts';

export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts', 'web');

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type error and uncaught page errors (CSP violations land here). */
  consoleErrors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

export interface NewPageOptions {
  viewport?: { width: number; height: number };
  /** Grants clipboard access (read and write) for the server's origin. */
  clipboard?: boolean;
}

export interface PageHarness {
  /** "http://127.0.0.1:PORT" */
  url: string;
  browser: Browser;
  /** Which assistant answers the next request. */
  setAssistant(assistant: Assistant): void;
  newPage(options?: NewPageOptions): Promise<RecordedPage>;
  /** Stops the server (the page then meets a refused connection); close() still closes the browser. */
  stopServer(): Promise<void>;
  close(): Promise<void>;
}

export interface PageHarnessOptions {
  assistant: Assistant;
  config?: Partial<ServerConfig>;
}

export async function startPageHarness(options: PageHarnessOptions): Promise<PageHarness> {
  let current = options.assistant;
  const logger = createMemoryLogger();
  const config = {
    PORT: 0,
    HOST: '127.0.0.1',
    BESCHLUSS_API_KEY: undefined,
    CORS_ORIGINS: [],
    RATE_LIMIT_PER_MINUTE: 0,
    ...options.config,
  };
  const app = createApp({ assistant: () => current, logger, config, webDirectory: WEB_DIR });
  const server: RunningServer = await startServer({ app, config, logger, shutdownTimeoutMs: 1000 });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  return {
    url: server.url,
    browser,
    setAssistant(assistant) {
      current = assistant;
    },
    async newPage(pageOptions = {}) {
      const context = await browser.newContext({
        viewport: pageOptions.viewport ?? { width: 1280, height: 860 },
        locale: 'de-DE',
      });
      contexts.push(context);
      if (pageOptions.clipboard) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      }
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      return { page, context, consoleErrors, requests };
    },
    stopServer: () => server.close(),
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/web/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export { CHROMIUM_PATH, launchChromium };
