// Runs the page for browser tests: the real server (startServer on port 0) serving web/ over an assistant the test can
// swap, and one headless Debian Chromium (never a downloaded browser) whose pages record console errors, page errors
// and every request.

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Assistant } from '../../src/assistant/types.ts';
import { type ConversationStore, createFileConversationStore } from '../../src/conversation/index.ts';
import { createMemoryLogger } from '../../src/logger.ts';
import { PROJECT_ROOT, WEB_DIR } from '../../src/paths.ts';
import { createApp, type ServerConfig } from '../../src/server/app.ts';
import { createFeedbackLog } from '../../src/server/feedback-log.ts';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import { LOOPBACK_CONFIG } from '../../src/server/testing/test-app.ts';
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
  /** Device pixels per CSS pixel; 2 with half the viewport is how a browser at 200 % zoom lays out. */
  deviceScaleFactor?: number;
  /**
   * Lets the test inject scripts (axe-core) despite the page's CSP; the CSP itself is checked on the pages without it.
   */
  bypassCSP?: boolean;
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
  /** The lines of the feedback file (POST /api/feedback), parsed; empty before the first report. */
  feedback(): Promise<Array<Record<string, unknown>>>;
  /** Where the server keeps the conversations (files in a temporary folder). */
  conversations: ConversationStore;
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
  const config = { ...LOOPBACK_CONFIG, ...options.config };
  const feedbackDir = await mkdtemp(path.join(tmpdir(), 'beschluss-page-feedback-'));
  const feedbackLog = createFeedbackLog({ file: path.join(feedbackDir, 'feedback.jsonl') });
  const conversations = createFileConversationStore({ directory: path.join(feedbackDir, 'conversations') });
  const app = createApp({
    assistant: () => current,
    logger,
    config,
    webDirectory: WEB_DIR,
    feedback: feedbackLog,
    conversations,
  });
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
        deviceScaleFactor: pageOptions.deviceScaleFactor ?? 1,
        bypassCSP: pageOptions.bypassCSP ?? false,
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
    async feedback() {
      const text = await readFile(feedbackLog.location, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    conversations,
    stopServer: () => server.close(),
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      await server.close();
      await rm(feedbackDir, { recursive: true, force: true });
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

const AXE_SOURCE = path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (from node_modules, injected as a script; never from elsewhere) on the page as it stands and returns
 * the violations of impact serious or critical, each with the selectors of its nodes. The page must come from
 * newPage({ bypassCSP: true }): its CSP allows no injected script.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(AXE_SOURCE, 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
  });
}
