// The page as a ministry user meets it, in headless Chromium against the real server and assistant, at 1280×860,
// 390×844 (phone), 844×390 (phone landscape) and 200 % zoom (640×430 CSS pixels at two device pixels each): status
// line, reflow, citation labels, copying, kept and shared conversations, print, previews and focus, the filter,
// English answers, "Meinten Sie …?", feedback, and axe-core on every viewport. Screenshots: test-artifacts/web/.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../src/assistant/types.ts';
import { askAndWait, clipboardHtml, clipboardText, openReady } from './testing/page-actions.ts';
import {
  ARTIFACTS_DIR,
  type PageHarness,
  type RecordedPage,
  saveScreenshot,
  seriousAxeViolations,
} from './testing/page-harness.ts';
import { type RealAssistant, withOverrides } from './testing/real-assistant.ts';
import { closeRealHarness, startRealHarness } from './testing/real-page.ts';
import { scriptedAssistant } from './testing/scripted-assistant.ts';
import { VIEWPORTS } from './testing/viewports.ts';

const MEETING = 'imk-2020-12-10';

let real: RealAssistant;
let harness: PageHarness;

beforeAll(async () => {
  ({ real, harness } = await startRealHarness());
});

afterAll(() => closeRealHarness({ real, harness }));

function open(options: Parameters<PageHarness['newPage']>[0] = {}): Promise<RecordedPage> {
  return openReady(harness, options);
}

const ask = askAndWait;

function unitText(id: string): string {
  const unit = real.assistant.catalog.get(id);
  if (!unit) throw new Error(`no unit ${id}`);
  return unit.text;
}

/** The real assistant with a health report as a server with a model would give it (and a long fallback reason). */
function withModelHealth(base: Assistant): Assistant {
  return withOverrides(base, {
    health: () => ({
      ...base.health(),
      model: 'Xenova/multilingual-e5-small',
      dtype: 'q8',
      embedderFallback: `Could not load /very/long/path/${'segment/'.repeat(40)}onnx/model_quantized.onnx; set MODEL_DIR or EMBEDDING_ALLOW_REMOTE=true. Fix: copy the model folder.`,
    }),
  });
}

describe('1 · the status line', () => {
  it('says in one short German line what is loaded, with the technical detail behind "Details"', async () => {
    const { page } = await open();
    const health = real.assistant.health();
    expect(await page.locator('#server-status .status-summary').textContent()).toBe(
      `1 Sitzung · ${health.units} Abschnitte · Modell: ohne Sprachmodell (Offline-Verfahren) · Antworten: wörtliche Auszüge`,
    );
    const embedder = page.locator('#server-status code.embedder');
    expect(await embedder.isVisible()).toBe(false);
    await page.locator('#server-status summary').click();
    expect(await embedder.textContent()).toBe(health.embedder);
    expect(await page.locator('#server-status a[href="/api/health"]').isVisible()).toBe(true);
  });

  it('names the model the server reports and keeps a long fallback reason behind "Details", without widening a phone', async () => {
    harness.setAssistant(withModelHealth(real.assistant));
    try {
      const { page } = await open({ viewport: { width: 390, height: 844 } });
      const summary = (await page.locator('#server-status .status-summary').textContent()) ?? '';
      expect(summary).toContain('Modell: multilingual-e5-small (q8)');
      expect(summary).not.toContain('/very/long/path');
      expect((await page.locator('#server-status').boundingBox())?.height).toBeLessThan(40);
      await page.locator('#server-status summary').click();
      expect(await page.locator('#server-status dd', { hasText: '/very/long/path' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await saveScreenshot(page, 'phone-status-model');
    } finally {
      harness.setAssistant(real.assistant);
    }
  });

  it('turns red when a request reaches no server, and green again once it answers', async () => {
    const { page } = await open();
    await ask(page, 'Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.locator('#question').fill('Was beschließt die IMK zu Drohnen?');
    await page.locator('#question').press('Enter');
    await page.locator('#server-status[data-state="offline"]').waitFor();
    expect(await page.locator('#server-status .status-summary').textContent()).toMatch(
      /^Server nicht erreichbar\. Neuer Versuch in 5 Sekunden\.$/,
    );
    await page.unroute('**/api/**');
    await page.getByRole('button', { name: 'Jetzt prüfen' }).click();
    await page.locator('#server-status[data-state="online"]').waitFor();
  });

  it('checks the server by itself and notices when it went away', async () => {
    const recorded = await harness.newPage();
    const { page } = recorded;
    await page.clock.install();
    await page.goto(harness.url);
    await page.locator('#server-status[data-state="online"]').waitFor();
    await page.route('**/api/health', (route) => route.abort('connectionrefused'));
    await page.clock.runFor(31_000);
    await page.locator('#server-status[data-state="offline"]').waitFor();
    await page.unroute('**/api/health');
    await page.clock.runFor(6_000);
    await page.locator('#server-status[data-state="online"]').waitFor();
  });

  it('opens the paragraph of an earlier answer’s chip while the server is down', async () => {
    const { page } = await open();
    const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await article.locator('.chip', { hasText: 'TOP 49 Ziff. 3' }).first().click();
    await expect
      .poll(() => page.locator('#panel blockquote').textContent())
      .toBe(unitText(`${MEETING}/49/3`));
    await page.unroute('**/api/**');
  });
});

describe('at every viewport: layout (2), axe-core (6), and status, lookup, copy, preview, filter, feedback, reload', () => {
  for (const { name, viewport, deviceScaleFactor } of VIEWPORTS) {
    it(`${name}: keeps half the height for the conversation, never scrolls sideways, and has no serious axe violation`, async () => {
      const { page, consoleErrors } = await open({ viewport, deviceScaleFactor });
      const fits = () =>
        page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
          conversation: document.getElementById('conversation')?.getBoundingClientRect().height ?? 0,
          height: window.innerHeight,
        }));
      const empty = await fits();
      expect(empty.scroll).toBeLessThanOrEqual(empty.width);
      expect(empty.conversation).toBeGreaterThanOrEqual(empty.height / 2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-start`);

      const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
      const answered = await fits();
      expect(answered.scroll).toBeLessThanOrEqual(answered.width);
      expect(answered.conversation).toBeGreaterThanOrEqual(answered.height / 2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-answer`);

      await article.locator('.chip').first().click();
      await page.locator('#panel mark').first().waitFor();
      const close = await page.locator('#panel-close').boundingBox();
      expect(close).not.toBeNull();
      expect((close?.x ?? 0) + (close?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect((await fits()).scroll).toBeLessThanOrEqual(viewport.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-panel`);
      await page
        .locator('#panel')
        .getByRole('button', { name: /^Zitat kopieren/u })
        .click();
      await expect
        .poll(() => clipboardText(page))
        .toMatch(/^„Die IMK stimmt der Entsendung .*“ \(IMK 10\.12\.2020, TOP 49 Ziff\. 3\)$/u);
      await page.keyboard.press('Escape');
      expect(await page.locator('#panel').isHidden()).toBe(true);

      // The preview fits the screen too.
      await article.locator('.chip').first().focus();
      const preview = page.locator('#chip-preview');
      await preview.waitFor();
      const previewBox = await preview.boundingBox();
      expect((previewBox?.x ?? 0) + (previewBox?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      expect((await fits()).scroll).toBeLessThanOrEqual(viewport.width);
      await saveScreenshot(page, `${name}-preview`);
      await page.keyboard.press('Escape');

      await article.getByRole('button', { name: 'hilfreich', exact: true }).click();
      await article.locator('.feedback-done').waitFor();

      // Lookup and filter live in the navigation, a drawer on narrow screens.
      const openNavigation = async () => {
        if (await page.locator('#toc-toggle').isVisible()) await page.locator('#toc-toggle').click();
      };
      await openNavigation();
      await page.locator('#lookup-input').fill('TOP 7');
      await page.locator('#lookup-input').press('Enter');
      await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 6/7');
      const itemClose = await page.locator('#panel-close').boundingBox();
      expect((itemClose?.x ?? 0) + (itemClose?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
      await saveScreenshot(page, `${name}-item`);
      await page.keyboard.press('Escape');
      await openNavigation();
      await page.locator('#toc-filter-input').fill('Gewahrsam');
      await expect
        .poll(() => page.locator('.toc-items > li:not([hidden]) .toc-top').allTextContents())
        .toEqual(['TOP 46']);
      expect((await fits()).scroll).toBeLessThanOrEqual(viewport.width);
      await saveScreenshot(page, `${name}-toc-filter`);
      await page.locator('#toc-filter-input').fill('');
      if (await page.locator('#toc-close').isVisible()) await page.locator('#toc-close').click();

      await page.locator('#server-status summary').click();
      expect((await fits()).scroll).toBeLessThanOrEqual(viewport.width);
      await saveScreenshot(page, `${name}-status-details`);

      await page.reload();
      await page.locator('#messages .feedback-done').waitFor();
      expect(await page.locator('#messages .message.user .message-text').allTextContents()).toEqual([
        'Wie viele Beamte stellt Deutschland für UNITAMS?',
      ]);
      expect(consoleErrors).toEqual([]);
    });
  }
});

describe('3 · every citation label the page prints resolves', () => {
  const labels: Array<[string, string, string]> = [
    ['TOP 6/7 Ziff. 8', `${MEETING}/6/7/8`, 'TOP 6/7 Ziff. 8'],
    ['TOP 7 Ziff. 8', `${MEETING}/6/7/8`, 'TOP 6/7 Ziff. 8'],
    ['TOP 6 und 7 Ziffer 8', `${MEETING}/6/7/8`, 'TOP 6/7 Ziff. 8'],
    ['[IMK 10.12.2020, TOP 46 Ziff. 8]', `${MEETING}/46/8`, 'TOP 46 Ziff. 8'],
    ['TOP 46 Protokollnotiz SN', `${MEETING}/46/Protokollnotiz SN`, 'TOP 46 Protokollnotiz SN'],
  ];

  it('in GET /api/cite', async () => {
    for (const [label, id] of labels) {
      const response = await fetch(`${harness.url}/api/cite?ref=${encodeURIComponent(label)}`);
      expect(response.status, label).toBe(200);
      expect(((await response.json()) as { id: string }).id, label).toBe(id);
    }
  });

  it('in the lookup box, and a bare "TOP 7" opens the whole item', async () => {
    const { page } = await open();
    for (const [label, id, title] of labels) {
      await page.locator('#lookup-input').fill(label);
      await page.locator('#lookup-input').press('Enter');
      await expect.poll(() => page.locator('#panel-title').textContent(), { message: label }).toBe(title);
      expect(await page.locator('#panel blockquote').textContent()).toBe(unitText(id));
      await page.keyboard.press('Escape');
    }
    await page.locator('#lookup-input').fill('TOP 7');
    await page.locator('#lookup-input').press('Enter');
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 6/7');
    const units = real.assistant.catalog.items(MEETING).find((item) => item.top === '6/7')?.units ?? [];
    expect(await page.locator('#panel .unit').count()).toBe(units.length);
    expect(await page.locator('#panel .panel-item-title').textContent()).toContain(
      'in Verbindung mit TOP 7: ',
    );
    await page.keyboard.press('Escape');
  });

  it('as a chat question: the answer quotes that one unit', async () => {
    const { page } = await open();
    for (const [label, id, chip] of labels) {
      const article = await ask(page, label);
      expect(await article.locator('.chip').allTextContents(), label).toEqual([chip]);
      expect(await article.locator('.answer-text li').textContent(), label).toContain(
        unitText(id).slice(0, 40),
      );
    }
  });

  it('explains a reference that does not exist in German, without ids, with the nearest ones as links', async () => {
    const { page } = await open();
    await page.locator('#lookup-input').fill('TOP 99 Ziff. 1');
    await page.locator('#lookup-input').press('Enter');
    const error = page.locator('#lookup-error');
    await expect
      .poll(() => error.textContent())
      .toMatch(/^Fundstelle nicht gefunden: Einen TOP 99 gibt es in der IMK 10\.12\.2020 nicht\./u);
    expect(await error.textContent()).not.toMatch(/imk-\d|There is|names/u);
    const links = error.locator('.candidates button');
    expect(await links.allTextContents()).toEqual(['TOP 50', 'TOP 51', 'TOP 52', 'TOP 53']);
    await saveScreenshot(page, 'desktop-lookup-error');
    await links.filter({ hasText: 'TOP 52' }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toMatch(/^TOP 52/u);
    await page.keyboard.press('Escape');

    await page.locator('#lookup-input').fill('TOP 46 Ziff. 14');
    await page.locator('#lookup-input').press('Enter');
    await expect
      .poll(() => error.textContent())
      .toMatch(/^Fundstelle nicht gefunden: TOP 46 hat keine Ziffer 14; vorhanden: /u);
    expect(await links.allTextContents()).toEqual(['6', '7', '8', '9'].map((para) => `TOP 46 Ziff. ${para}`));
  });
});

describe('4 · copying', () => {
  it('"Zitat kopieren" copies the quoted sentence with its full citation, as text and HTML', async () => {
    const { page } = await open();
    const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    const text = unitText(`${MEETING}/49/3`);
    const sentence = text.split(/(?<=\.)\s+(?=Der Einsatz)/u)[0] ?? '';
    await article.locator('.chip', { hasText: 'TOP 49 Ziff. 3' }).first().click();
    await expect.poll(() => page.locator('#panel mark').allTextContents()).toEqual([sentence]);
    await page
      .locator('#panel')
      .getByRole('button', { name: /^Zitat kopieren/u })
      .click();
    await expect.poll(() => clipboardText(page)).toBe(`„${sentence}“ (IMK 10.12.2020, TOP 49 Ziff. 3)`);
    const html = await clipboardHtml(page);
    expect(html).toContain('<cite>IMK 10.12.2020, TOP 49 Ziff. 3</cite>');
    expect(html).toContain(sentence.slice(0, 40));
    await page.keyboard.press('Escape');
  });

  it('"Antwort kopieren" copies the whole answer with every citation naming its meeting, ready for a Vermerk', async () => {
    const { page } = await open();
    const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    await article.getByRole('button', { name: /^Antwort kopieren/u }).click();
    await expect.poll(() => clipboardText(page)).toMatch(/^Frage: Wie viele Beamte/u);
    const copied = await clipboardText(page);
    expect(copied.startsWith('Frage: Wie viele Beamte stellt Deutschland für UNITAMS?\n\nTOP 49 – ')).toBe(
      true,
    );
    expect(copied).toContain(' [IMK 10.12.2020, TOP 49 Ziff. 3]');
    expect(copied).not.toMatch(/\[TOP 49/u);
    expect(copied).toMatch(/\nFundstellen:\n- IMK 10\.12\.2020, TOP 49 Ziff\. 3 – Beteiligung Deutschlands/u);
    const html = await clipboardHtml(page);
    expect(html).toContain('<li>');
    expect(html).toContain('Fundstellen:');
  });
});

describe('5 · keeping, undoing, sharing and printing a conversation', () => {
  it('restores the conversation after a reload', async () => {
    const { page } = await open();
    await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    await ask(page, 'Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await page.reload();
    await page.locator('#messages > li').nth(1).waitFor();
    expect(await page.locator('#messages .message.user .message-text').allTextContents()).toEqual([
      'Wie viele Beamte stellt Deutschland für UNITAMS?',
      'Wie geht die IMK gegen Reichskriegsflaggen vor?',
    ]);
    expect(await page.locator('#messages .chip').count()).toBeGreaterThan(1);
    expect(await page.locator('#welcome').isHidden()).toBe(true);
  });

  it('undoes "Neues Gespräch"', async () => {
    const { page } = await open();
    await ask(page, 'Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await page.getByRole('button', { name: 'Neues Gespräch' }).click();
    expect(await page.locator('#messages > li').count()).toBe(0);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    expect(await page.locator('#messages .message.user .message-text').allTextContents()).toEqual([
      'Wie geht die IMK gegen Reichskriegsflaggen vor?',
    ]);
    expect(await page.locator('#undo-bar').isHidden()).toBe(true);
    await page.reload();
    await page.locator('#messages > li').first().waitFor();
  });

  it('still asks the question of an old "?q=" link on opening', async () => {
    const question = 'Wie geht die IMK gegen Reichskriegsflaggen vor?';
    const link = `${harness.url}/?q=${encodeURIComponent(question).replace(/%20/gu, '+')}`;
    const other = await harness.newPage();
    await other.page.goto(link);
    const article = other.page.locator('#messages > li').last().locator('article.message');
    await expect.poll(() => article.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    expect(await other.page.locator('.message.user .message-text').allTextContents()).toEqual([question]);
    expect(new URL(other.page.url()).search).toBe('');
  });

  it('prints the conversation with its sources, each paragraph once, and without controls, over several pages', async () => {
    const { page } = await open();
    for (const question of [
      'Wie viele Beamte stellt Deutschland für UNITAMS?',
      'Wie geht die IMK gegen Reichskriegsflaggen vor?',
      'TOP 46 Protokollnotiz SN',
      'Was steht in TOP 37?',
      // Asked again: its paragraphs were printed with the first answer already.
      'Wie viele Beamte stellt Deutschland für UNITAMS?',
    ]) {
      await ask(page, question);
    }
    await page.emulateMedia({ media: 'print' });
    const printedUnits = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.print-source'))
        .filter((source) => (source as HTMLElement).offsetParent !== null)
        .map((source) => source.getAttribute('data-unit')),
    );
    expect(printedUnits).toContain(`${MEETING}/49/3`);
    expect(new Set(printedUnits).size).toBe(printedUnits.length);
    for (const selector of ['#ask-form', '#toc', '.site-footer', '.answer-actions', '.question-actions']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    const sources = page.locator('.print-sources').first();
    expect(await sources.isVisible()).toBe(true);
    expect(await sources.textContent()).toContain(unitText(`${MEETING}/49/3`));
    const clipped = await page.evaluate(() => {
      const conversation = document.getElementById('conversation');
      return conversation ? conversation.scrollHeight - conversation.clientHeight : -1;
    });
    expect(clipped).toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'desktop-print');
    const pdf = await page.pdf({ format: 'A4' });
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(path.join(ARTIFACTS_DIR, 'desktop-print.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('6 · previews, focus and the skip link', () => {
  it('previews the paragraph when a chip is hovered or focused; Escape dismisses the preview', async () => {
    const { page } = await open();
    const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    const chip = article.locator('.chip').first();
    const preview = page.locator('#chip-preview');
    await chip.hover();
    await preview.waitFor();
    expect(await preview.locator('.preview-label').textContent()).toBe('IMK 10.12.2020, TOP 49 Ziff. 3');
    expect(await preview.locator('.preview-text').textContent()).toBe(unitText(`${MEETING}/49/3`));
    expect(await chip.getAttribute('aria-describedby')).toBe('chip-preview');
    await saveScreenshot(page, 'desktop-chip-preview');
    await page.mouse.move(0, 0);
    await preview.waitFor({ state: 'hidden' });

    await chip.focus();
    await preview.waitFor();
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    expect(await chip.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('keeps focus in the open panel until it is closed, and Escape closes it from anywhere', async () => {
    const { page } = await open();
    const article = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    await article.locator('.chip').first().click();
    await page.locator('#panel mark').first().waitFor();
    for (let press = 0; press < 12; press += 1) {
      await page.keyboard.press(press % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(
        await page.evaluate(() => document.getElementById('panel')?.contains(document.activeElement)),
      ).toBe(true);
    }
    await page.locator('.answer-meta').click();
    await page.keyboard.press('Escape');
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('reaches the question box from the top with the skip link', async () => {
    const { page } = await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
    expect(await page.locator('#skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
  });
});

describe('7 · filter, titles, English answers, "Meinten Sie …?"', () => {
  it('filters the table of contents by the text of the paragraphs too', async () => {
    const { page } = await open();
    await page.locator('#toc-filter-input').fill('Gewahrsam');
    const hit = page.locator('.toc-items > li:not([hidden])');
    await expect.poll(() => hit.locator('.toc-top').allTextContents()).toEqual(['TOP 46']);
    expect(await hit.locator('.toc-hit').textContent()).toMatch(/^im Text: Ziff\. 8/u);
    expect(await page.locator('#toc-filter-count').textContent()).toBe('1 TOP gefunden');
    await saveScreenshot(page, 'desktop-toc-filter');
    await page.locator('#toc-filter-input').fill('');
    await expect.poll(() => hit.count()).toBe(real.assistant.catalog.items().length);
  });

  it('shows titles as printed', async () => {
    const { page } = await open();
    const titles = await page.locator('.toc-title').allTextContents();
    expect(titles).toContain(
      'Nationales Waffenregister (NWR) – Betrieb und Ausbau zum NWR II - Sachstandsbericht',
    );
    expect(titles).toContain(
      'Rechtsextremismus in der Polizei in Verbindung mit TOP 7: Resilienz gegen verfassungsfeindliche Tendenzen in der Polizei',
    );
  });

  it('frames an English answer in English around the German quotes', async () => {
    const { page } = await open();
    const article = await ask(page, 'How many police officers will be sent to UNITAMS?');
    expect(await article.locator('.answer-meta').getAttribute('lang')).toBe('en');
    expect(await article.locator('.answer-meta').textContent()).toMatch(
      /^Verbatim excerpts from the resolutions \(in German\)\. \d+ citations?\.$/u,
    );
    expect(await article.textContent()).not.toContain('Wörtliche Auszüge');
  });

  it('offers the server’s "Meinten Sie …?" as a button that asks the corrected question', async () => {
    const corrected = 'Wie geht die IMK gegen Reichskriegsflaggen vor?';
    const scripted = scriptedAssistant(real.assistant, {
      answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
      statements: [],
      sources: [],
      abstained: true,
      mode: 'extractive',
      language: 'de',
      didYouMean: corrected,
    });
    harness.setAssistant(scripted);
    const { page } = await open();
    try {
      const article = await ask(page, 'Wie geht die IMK gegen Reichskriegsflagen vor?');
      const button = article.getByRole('button', { name: `Meinten Sie „${corrected}“?` });
      expect(await button.isVisible()).toBe(true);
      harness.setAssistant(real.assistant);
      await button.click();
      const next = page.locator('#messages > li').last();
      await expect.poll(() => next.locator('.message.user .message-text').textContent()).toBe(corrected);
      expect(scripted.requests.map((request) => request.question)).toEqual([
        'Wie geht die IMK gegen Reichskriegsflagen vor?',
      ]);
    } finally {
      harness.setAssistant(real.assistant);
    }
  });
});

describe('8 · feedback', () => {
  it('records "hilfreich" at once and "Fundstelle falsch" with a comment, with question, answer and citations', async () => {
    const { page } = await open();
    const before = (await harness.feedback()).length;
    const first = await ask(page, 'Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await first.getByRole('button', { name: 'hilfreich', exact: true }).click();
    await expect
      .poll(() => first.locator('.feedback-done').textContent())
      .toBe('Danke – als hilfreich gemeldet.');

    const second = await ask(page, 'Wie viele Beamte stellt Deutschland für UNITAMS?');
    await second.getByRole('button', { name: 'Fundstelle falsch' }).click();
    await second.getByLabel(/^Welche Fundstelle ist falsch/u).fill('Gemeint ist Ziffer 2.');
    await saveScreenshot(page, 'desktop-feedback');
    await second.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await expect
      .poll(() => second.locator('.feedback-done').textContent())
      .toBe('Danke – falsche Fundstelle gemeldet.');

    const saved = (await harness.feedback()).slice(before);
    expect(saved.map((entry) => entry.rating)).toEqual(['helpful', 'wrong-citation']);
    const report = saved[1] ?? {};
    expect(report.question).toBe('Wie viele Beamte stellt Deutschland für UNITAMS?');
    expect(report.comment).toBe('Gemeint ist Ziffer 2.');
    expect(String(report.answer)).toContain('[TOP 49 Ziff. 3]');
    expect(report.citations).toContainEqual({ meeting: MEETING, top: '49', para: '3' });
    expect(typeof report.at).toBe('string');

    await page.reload();
    await page.locator('#messages > li').nth(1).waitFor();
    expect(await page.locator('.feedback-done').allTextContents()).toEqual([
      'Danke – als hilfreich gemeldet.',
      'Danke – falsche Fundstelle gemeldet.',
    ]);
  });
});
