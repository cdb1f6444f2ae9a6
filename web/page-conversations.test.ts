// Keeping, sharing and filing conversations, in headless Chromium against the real server and assistant, at 1280×860,
// 390×844, 844×390 and 200 % zoom: a conversation shared by link (and by the HTML link on the clipboard) opens as it
// was answered in a fresh browser without asking again, the list brings back an earlier conversation after "Neues
// Gespräch" and a reload, one answer downloads as a Word document with its statements and citations and prints
// alone; then "Weiterfragen", renaming and deleting, feedback with its context, and the small defects of issue 20.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAndWait, clipboardHtml, clipboardText, openReady } from './testing/page-actions.ts';
import {
  ARTIFACTS_DIR,
  type PageHarness,
  type RecordedPage,
  saveScreenshot,
  seriousAxeViolations,
} from './testing/page-harness.ts';
import type { RealAssistant } from './testing/real-assistant.ts';
import { closeRealHarness, startRealHarness } from './testing/real-page.ts';
import { scriptedAssistant } from './testing/scripted-assistant.ts';
import { VIEWPORTS } from './testing/viewports.ts';

const QUESTIONS = [
  'Wie viele Beamte stellt Deutschland für UNITAMS?',
  'Wie geht die IMK gegen Reichskriegsflaggen vor?',
  'TOP 46 Protokollnotiz SN',
];

let real: RealAssistant;
let harness: PageHarness;

beforeAll(async () => {
  ({ real, harness } = await startRealHarness());
});

afterAll(() => closeRealHarness({ real, harness }));

/** What a reader sees of each turn: the question, the answer's lines and its citation chips. */
function conversationOnScreen(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#messages > li')).map((item) => ({
      question: item.querySelector('.message.user .message-text')?.textContent ?? '',
      lines: Array.from(item.querySelectorAll('.answer-text p, .answer-text li, .abstention-text p')).map(
        (line) => line.textContent ?? '',
      ),
      chips: Array.from(item.querySelectorAll('.chip')).map((chip) => chip.textContent ?? ''),
    })),
  );
}

const answerRequests = (recorded: RecordedPage) =>
  recorded.requests.filter((url) => /\/api\/(?:ask|chat)(?:\?|$)/u.test(url));

async function openNavigation(page: Page): Promise<void> {
  if (await page.locator('#toc-toggle').isVisible()) await page.locator('#toc-toggle').click();
}

/** Page width, viewport width, conversation height and viewport height. */
function layout(page: Page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    conversation: document.getElementById('conversation')?.getBoundingClientRect().height ?? 0,
    height: window.innerHeight,
  }));
}

/** Every visible text box whose placeholder is wider than the box (measured in the box's own font). */
function cutPlaceholders(page: Page) {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d');
    return Array.from(document.querySelectorAll<HTMLInputElement>('input[placeholder]'))
      .filter((input) => input.offsetParent !== null)
      .filter((input) => {
        const style = getComputedStyle(input);
        if (!context) return true;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width > room;
      })
      .map((input) => input.id);
  });
}

describe('at every viewport', () => {
  for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
    it(`${name}: a conversation of three turns shared by link opens identically in a fresh browser, without asking again`, async () => {
      const { page } = await openReady(harness, { viewport, deviceScaleFactor });
      for (const question of QUESTIONS) await askAndWait(page, question);
      const asked = await conversationOnScreen(page);
      expect(asked.map((turn) => turn.chips.length)).toEqual([expect.any(Number), expect.any(Number), 1]);
      expect(asked[0]?.chips.length).toBeGreaterThan(0);

      await page
        .locator('#messages > li')
        .nth(1)
        .getByRole('button', { name: /^Link kopieren/u })
        .click();
      await expect.poll(() => clipboardText(page)).toMatch(/\/c\/[0-9a-f]{32}#frage-2$/u);
      const link = await clipboardText(page);
      const html = await clipboardHtml(page);
      const href = await page.evaluate(
        (markup) =>
          new DOMParser().parseFromString(markup, 'text/html').querySelector('a')?.getAttribute('href'),
        html,
      );
      expect(href).toBe(link);

      for (const url of [link, href ?? '']) {
        const fresh = await harness.newPage({ viewport, deviceScaleFactor, bypassCSP: true });
        await fresh.page.goto(url);
        await fresh.page.locator('#shared-bar:not([hidden])').waitFor();
        await expect.poll(() => fresh.page.locator('#messages > li').count()).toBe(3);
        expect(await conversationOnScreen(fresh.page)).toEqual(asked);
        expect(answerRequests(fresh)).toEqual([]);
        expect(await fresh.page.locator('#ask-form').isHidden()).toBe(true);
        expect(await fresh.page.locator('#shared-text').textContent()).toMatch(
          /^Geteiltes Gespräch „Wie viele Beamte stellt Deutschland für UNITAMS\?“ vom \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/u,
        );
        expect(await fresh.page.locator('#conversation-bar').textContent()).toMatch(
          /Index vom \d{2}\.\d{2}\.\d{4}/u,
        );
        expect(await fresh.page.locator('#frage-2 .answered-at').textContent()).toMatch(
          /^Beantwortet am .* · Index vom /u,
        );
        const fits = await layout(fresh.page);
        expect(fits.scroll).toBeLessThanOrEqual(fits.width);
        expect(await seriousAxeViolations(fresh.page)).toEqual([]);
        expect(fresh.consoleErrors).toEqual([]);
        await saveScreenshot(fresh.page, `${name}-shared-conversation`);
      }
    });

    it(`${name}: the list brings back an earlier conversation after "Neues Gespräch" and a reload`, async () => {
      const recorded = await openReady(harness, { viewport, deviceScaleFactor });
      const { page } = recorded;
      await askAndWait(page, QUESTIONS[1] as string);
      await askAndWait(page, QUESTIONS[0] as string);
      const earlier = await conversationOnScreen(page);
      await page.getByRole('button', { name: 'Neues Gespräch' }).click();
      expect(await page.locator('#messages > li').count()).toBe(0);
      await page.reload();
      await page.locator('#server-status[data-state="online"]').waitFor();
      await openNavigation(page);
      const entry = page.locator('#history-list > li').first();
      expect(await entry.locator('.history-title').textContent()).toBe(QUESTIONS[1]);
      expect(await entry.locator('.history-meta').textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4} · 2 Fragen$/u);
      expect(await cutPlaceholders(page)).toEqual([]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-conversation-list`);
      const before = answerRequests(recorded).length;
      await entry.locator('.history-open').click();
      await expect.poll(() => page.locator('#messages > li').count()).toBe(2);
      expect(await conversationOnScreen(page)).toEqual(earlier);
      expect(answerRequests(recorded)).toHaveLength(before);
      expect((await layout(page)).scroll).toBeLessThanOrEqual(viewport.width);
    });

    it(`${name}: one answer downloads as a Word document with its statements and citations, and prints alone`, async () => {
      const { page } = await openReady(harness, { viewport, deviceScaleFactor });
      await askAndWait(page, QUESTIONS[0] as string);
      await askAndWait(page, QUESTIONS[1] as string);
      // The answer's locator of askAndWait follows the last turn; the first is addressed by its anchor.
      const first = page.locator('#frage-1');
      const statements = await page.evaluate(() =>
        Array.from(document.querySelectorAll('#frage-1 .answer-text li')).map((line) => ({
          text: Array.from(line.childNodes)
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent)
            .join('')
            .trim(),
          chips: Array.from(line.querySelectorAll('.chip')).map((chip) => chip.textContent ?? ''),
        })),
      );
      expect(statements.length).toBeGreaterThan(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        first.getByRole('button', { name: 'Antwort als Word-Datei' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Antwort-1-\d{4}-\d{2}-\d{2}\.docx$/u);
      const buffer = await readFile(await download.path());
      const { value: wordHtml } = await mammoth.convertToHtml({ buffer });
      expect(wordHtml).toContain(`<h2>Frage: ${QUESTIONS[0]}</h2>`);
      expect(wordHtml).not.toContain(QUESTIONS[1]);
      for (const statement of statements) {
        expect(wordHtml).toContain(statement.text);
        for (const chip of statement.chips) expect(wordHtml).toContain(`IMK 10.12.2020, ${chip}`);
      }

      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      const second = page.locator('#frage-2');
      const print = second.getByRole('button', { name: 'Drucken: nur diese Antwort' });
      await print.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const visible = (node: Element) =>
          (node as HTMLElement).offsetParent !== null || getComputedStyle(node).position === 'fixed';
        return {
          questions: Array.from(document.querySelectorAll('#messages > li'))
            .filter(visible)
            .map((item) => item.querySelector('.message.user .message-text')?.textContent),
          // Chips stay: on paper they read as the citation markers they stand for.
          buttons: Array.from(document.querySelectorAll('button:not(.chip), input, textarea'))
            .filter(visible)
            .map((control) => control.outerHTML.slice(0, 120)),
          focused: document.activeElement === document.body,
          units: Array.from(document.querySelectorAll('.print-source'))
            .filter(visible)
            .map((source) => source.getAttribute('data-unit')),
        };
      });
      expect(printed.questions).toEqual([QUESTIONS[1]]);
      expect(printed.buttons).toEqual([]);
      expect(printed.focused).toBe(true);
      expect(printed.units.length).toBeGreaterThan(0);
      expect(new Set(printed.units).size).toBe(printed.units.length);
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.evaluate(() => document.body.classList.contains('print-one'))).toBe(false);
      await expect.poll(() => print.evaluate((button) => button === document.activeElement)).toBe(true);

      // Printed for real: Chromium's own print run ends with afterprint, which lays the page out as before.
      await print.click();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await writeFile(path.join(ARTIFACTS_DIR, `${name}-print-one-answer.pdf`), pdf);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0).toBe(1);
      expect(await page.evaluate(() => document.body.classList.contains('print-one'))).toBe(false);
    });
  }
});

describe('going on with, naming and deleting conversations', () => {
  it('"Weiterfragen" continues a shared conversation as a new one of this browser; the shared one stays as it was', async () => {
    const owner = await openReady(harness);
    await askAndWait(owner.page, QUESTIONS[0] as string);
    await owner.page
      .locator('#messages > li')
      .first()
      .getByRole('button', { name: /^Link kopieren/u })
      .click();
    await expect.poll(() => clipboardText(owner.page)).toMatch(/\/c\/[0-9a-f]{32}/u);
    const link = await clipboardText(owner.page);
    const sharedId = /\/c\/([0-9a-f]{32})/u.exec(link)?.[1] as string;

    const reader = await harness.newPage({ clipboard: true });
    await reader.page.goto(link);
    await reader.page.getByRole('button', { name: 'Weiterfragen' }).click();
    await reader.page.locator('#ask-form:not([hidden])').waitFor();
    expect(new URL(reader.page.url()).pathname).toBe('/');
    expect(await reader.page.evaluate(() => document.activeElement?.id)).toBe('question');
    await askAndWait(reader.page, QUESTIONS[1] as string);
    expect(await reader.page.locator('#messages > li').count()).toBe(2);
    expect(real.requests.at(-1)?.history?.[0]?.content).toBe(QUESTIONS[0]);
    const entries = await reader.page.evaluate(() =>
      JSON.parse(localStorage.getItem('beschluss-assistent.conversations.v1') ?? '[]'),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].id).not.toBe(sharedId);
    const continued = await harness.conversations.get(entries[0].id);
    expect(continued?.continuedFrom).toBe(sharedId);
    expect(continued?.turns.map((turn) => turn.question)).toEqual([QUESTIONS[0], QUESTIONS[1]]);
    expect((await harness.conversations.get(sharedId))?.turns).toHaveLength(1);

    // The whole conversation as a Word file, from a page under the server's own CSP.
    const [download] = await Promise.all([
      reader.page.waitForEvent('download'),
      reader.page.getByRole('button', { name: 'Ganzes Gespräch als Word-Datei' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Gespraech-\d{4}-\d{2}-\d{2}\.docx$/u);
    const { value: wordHtml } = await mammoth.convertToHtml({
      buffer: await readFile(await download.path()),
    });
    expect(wordHtml).toContain(`<h2>1. Frage: ${QUESTIONS[0]}</h2>`);
    expect(wordHtml).toContain(`<h2>2. Frage: ${QUESTIONS[1]}</h2>`);
    expect(reader.consoleErrors).toEqual([]);
  });

  it('renames a conversation in the list and on the server, and deletes it so that its link says it is gone', async () => {
    const { page } = await openReady(harness);
    await askAndWait(page, QUESTIONS[2] as string);
    const entry = page.locator('#history-list > li').first();
    const id = (await entry.getAttribute('data-conversation')) as string;
    await entry.getByRole('button', { name: /^Umbenennen/u }).click();
    await entry.getByLabel(/^Neuer Name für/u).fill('Protokollnotiz Sachsen für den Vermerk');
    await entry.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => entry.locator('.history-title').textContent())
      .toBe('Protokollnotiz Sachsen für den Vermerk');
    expect((await harness.conversations.get(id))?.title).toBe('Protokollnotiz Sachsen für den Vermerk');

    await entry.getByRole('button', { name: /^Löschen/u }).click();
    await entry.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect.poll(() => page.locator(`#history-list > li[data-conversation="${id}"]`).count()).toBe(0);
    expect(await harness.conversations.get(id)).toBeUndefined();
    expect(await page.locator('#messages > li').count()).toBe(0);

    const late = await harness.newPage();
    await late.page.goto(`${harness.url}/c/${id}`);
    await expect
      .poll(() => late.page.locator('.error-box .error-title').textContent())
      .toBe('Gespräch nicht gefunden');
    expect(await late.page.locator('.error-box').textContent()).toContain('gelöscht');
    const malformed = await harness.newPage();
    await malformed.page.goto(`${harness.url}/c/kein-gespraech`);
    await expect
      .poll(() => malformed.page.locator('.error-box .error-title').textContent())
      .toBe('Gespräch nicht gefunden');
  });
});

describe('feedback with its context', () => {
  it('reports the conversation and turn of the rated answer', async () => {
    const { page } = await openReady(harness);
    await askAndWait(page, QUESTIONS[1] as string);
    await askAndWait(page, QUESTIONS[0] as string);
    const second = page.locator('#frage-2');
    const before = (await harness.feedback()).length;
    await second.getByRole('button', { name: 'nicht hilfreich' }).click();
    await second.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await second.locator('.feedback-done').waitFor();
    const [report] = (await harness.feedback()).slice(before);
    const id = await page.locator('#history-list > li').first().getAttribute('data-conversation');
    expect(report).toMatchObject({
      rating: 'unhelpful',
      question: QUESTIONS[0],
      conversationId: id,
      turn: 1,
    });
  });

  it('offers an abstention only the ratings that fit it', async () => {
    harness.setAssistant(
      scriptedAssistant(real.assistant, {
        answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
        statements: [],
        sources: [],
        abstained: true,
        mode: 'extractive',
        language: 'de',
      }),
    );
    try {
      const { page } = await openReady(harness);
      const article = await askAndWait(page, 'Was gilt für Drohnen über Stadien?');
      expect(await article.locator('.feedback-button').allTextContents()).toEqual([
        'hilfreich',
        'nicht hilfreich',
      ]);
      await article.getByRole('button', { name: 'nicht hilfreich' }).click();
      expect(await article.locator('.feedback-form label').textContent()).toBe(
        'Wo steht es in den Beschlüssen? (freiwillig)',
      );
    } finally {
      harness.setAssistant(real.assistant);
    }
  });
});

describe('limits, in German', () => {
  it('says so when a paste is cut to the longest question', async () => {
    const { page } = await openReady(harness);
    const long = 'Welche Beschlüsse betreffen die Polizei? '.repeat(70);
    await page.evaluate((text) => navigator.clipboard.writeText(text), long);
    await page.locator('#question').focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('#question').inputValue()).toHaveLength(2000);
    const notice = page.locator('#question-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      `Der Text war ${long.length.toLocaleString('de-DE')} Zeichen lang; eine Frage darf höchstens 2.000 Zeichen haben. Er wurde gekürzt – bitte prüfen Sie das Ende der Frage.`,
    );
    await saveScreenshot(page, 'desktop-paste-cut');
    await page.locator('#question').fill('Kurz?');
    await page.locator('#question').press('Enter');
    expect(await notice.textContent()).toBe('');
  });

  it('puts the question of a shared link over the limit into the box, cut, with a German notice instead of an English error', async () => {
    const question = `Was gilt für Sirenen ${'und Warnmittel '.repeat(700)}?`;
    const recorded = await harness.newPage();
    await recorded.page.goto(`${harness.url}/?q=${encodeURIComponent(question)}`);
    await recorded.page.locator('#question-notice:not(:empty)').waitFor();
    expect(await recorded.page.locator('#question').inputValue()).toBe(question.slice(0, 2000));
    expect(await recorded.page.locator('#question-notice').textContent()).toMatch(
      /höchstens 2\.000 Zeichen/u,
    );
    expect(answerRequests(recorded)).toEqual([]);
    expect(await recorded.page.locator('.error-box').count()).toBe(0);
  });

  it('lists the nearest references of a failed lookup once', async () => {
    const { page } = await openReady(harness);
    await page.locator('#lookup-input').fill('TOP 46 Ziff. 14');
    await page.locator('#lookup-input').press('Enter');
    const error = page.locator('#lookup-error');
    await expect.poll(() => error.locator('.candidates button').count()).toBe(4);
    const text = (await error.textContent()) ?? '';
    for (const label of await error.locator('.candidates button').allTextContents()) {
      expect(text.split(label).length - 1, label).toBe(1);
    }
  });
});
