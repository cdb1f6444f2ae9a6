// What the page tests do again and again: open the page ready for use, ask a question and wait for its answer, read
// the clipboard as text and as HTML.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { NewPageOptions, PageHarness, RecordedPage } from './page-harness.ts';

/** A new page (clipboard allowed, axe injectable) at `path`, once its table of contents and status line are there. */
export async function openReady(
  harness: PageHarness,
  options: NewPageOptions = {},
  path = '/',
): Promise<RecordedPage> {
  const recorded = await harness.newPage({ clipboard: true, bypassCSP: true, ...options });
  await recorded.page.goto(`${harness.url}${path}`);
  await recorded.page.locator('.toc-item').first().waitFor({ state: 'attached' });
  await recorded.page.locator('#server-status[data-state="online"]').waitFor();
  return recorded;
}

/** Asks `question` in the question box and returns the answer's article once it is complete. */
export async function askAndWait(page: Page, question: string): Promise<Locator> {
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  const article = page.locator('#messages > li').last().locator('article.message');
  await expect.poll(() => article.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  return article;
}

export async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

export async function clipboardHtml(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item ? await (await item.getType('text/html')).text() : '';
  });
}
