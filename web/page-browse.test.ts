// Browsing in headless Chromium against the real server and assistant: the table of contents, whole items with a copy
// button per unit, the reference lookup and its errors, and the narrow-screen (375 px) layout with overlays.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PageHarness,
  type RecordedPage,
  saveScreenshot,
  startPageHarness,
} from './testing/page-harness.ts';
import type { RealAssistant } from './testing/real-assistant.ts';
import { closeRealHarness, openLoadedPage, startRealHarness } from './testing/real-page.ts';

const MEETING = 'imk-2020-12-10';

let real: RealAssistant;
let harness: PageHarness;
let desktop: RecordedPage;
let page: Page;

beforeAll(async () => {
  ({ real, harness } = await startRealHarness());
  desktop = await openLoadedPage(harness);
  page = desktop.page;
});

afterAll(() => closeRealHarness({ real, harness }));

function item(top: string) {
  return real.assistant.catalog.items(MEETING).find((each) => each.top === top)!;
}

function tocButton(top: string) {
  return page
    .locator('.toc-item')
    .filter({ has: page.locator('.toc-top', { hasText: new RegExp(`^TOP ${top}$`) }) });
}

async function clipboard(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('the table of contents', () => {
  it('lists every item of every meeting', async () => {
    const items = real.assistant.catalog.items(MEETING);
    expect(await page.locator('.toc-meeting-label').allTextContents()).toEqual(['IMK 10.12.2020']);
    expect(await page.locator('.toc-top').allTextContents()).toEqual(items.map((each) => `TOP ${each.top}`));
    expect(await page.locator('.toc-title').allTextContents()).toEqual(items.map((each) => each.title));
  });

  it('opens a whole item with every paragraph and Protokollnotiz, each with its own copy button', async () => {
    const expected = item('46');
    await tocButton('46').click();
    const units = page.locator('#panel .unit');
    await expect.poll(() => units.count()).toBe(expected.units.length);
    expect(await page.locator('#panel-title').textContent()).toBe('TOP 46');
    expect(await page.locator('#panel .panel-item-title').textContent()).toBe(expected.title);
    expect(await units.locator('.unit-text').allTextContents()).toEqual(
      expected.units.map((unit) => unit.text),
    );
    expect(await units.locator('.unit-label').allTextContents()).toEqual(
      expected.units.map((unit) => (unit.kind === 'note' ? unit.para : `Ziff. ${unit.para}`)),
    );
    expect(await units.locator('.copy-button').count()).toBe(expected.units.length);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    await saveScreenshot(page, 'desktop-item');

    const note = units.filter({ has: page.locator('.unit-label', { hasText: 'Protokollnotiz SN' }) });
    await note.locator('.copy-button').click();
    const noteText = expected.units.find((unit) => unit.para === 'Protokollnotiz SN')!.text;
    await expect.poll(clipboard).toBe(`„${noteText}“ (IMK 10.12.2020, TOP 46 Protokollnotiz SN)`);
    expect(await note.locator('.copy-button').textContent()).toBe('Kopiert');
    await units.nth(7).locator('.copy-button').click();
    await expect
      .poll(clipboard)
      .toBe(`„${expected.units[7]!.text}“ (IMK 10.12.2020, TOP 46 Ziff. ${expected.units[7]!.para})`);

    await page.keyboard.press('Escape');
    expect(await page.locator('#panel').isHidden()).toBe(true);
    expect(await tocButton('46').evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('cites a one-paragraph item by its TOP alone and opens a combined item "6/7"', async () => {
    const single = real.assistant.catalog.items(MEETING).find((each) => each.units.length === 1)!;
    await tocButton(single.top).click();
    await expect.poll(() => page.locator('#panel .unit-label').allTextContents()).toEqual(['Beschluss']);
    await page.locator('#panel .copy-button').click();
    await expect.poll(clipboard).toBe(`„${single.units[0]!.text}“ (IMK 10.12.2020, TOP ${single.top})`);

    await tocButton('6/7').click();
    await expect.poll(() => page.locator('#panel .unit').count()).toBe(item('6/7').units.length);
    expect(await page.locator('#panel-title').textContent()).toBe('TOP 6/7');
    await page.locator('#panel-close').click();
  });

  it('filters the items by a word of their title at once', async () => {
    await page.locator('#toc-filter-input').fill('Sudan');
    await expect.poll(() => page.locator('.toc-item:visible .toc-top').allTextContents()).toEqual(['TOP 49']);
    expect(await page.locator('#toc-filter-count').textContent()).toBe('1 TOP gefunden');
    await page.locator('#toc-filter-input').fill('');
    await expect
      .poll(() => page.locator('.toc-item:visible').count())
      .toBe(real.assistant.catalog.items().length);
  });
});

describe('the reference lookup', () => {
  it('shows the paragraph "TOP 21 Nr. 2" names', async () => {
    await page.locator('#lookup-input').fill('TOP 21 Nr. 2');
    await page.locator('#lookup-input').press('Enter');
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 21 Ziff. 2');
    expect(await page.locator('#panel blockquote').textContent()).toBe(
      real.assistant.catalog.get(`${MEETING}/21/2`)!.text,
    );
    expect(await page.locator('#panel mark').count()).toBe(0);
    expect(await page.locator('#lookup-error').textContent()).toBe('');
    await page.locator('#panel-close').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lookup-input');
  });

  it('shows the server’s message for an unknown reference', async () => {
    await page.locator('#lookup-input').fill('TOP 99 Ziff. 1');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    const error = page.locator('#lookup-error');
    await expect
      .poll(() => error.textContent())
      .toMatch(/^Fundstelle nicht gefunden: Einen TOP 99 gibt es in der IMK 10\.12\.2020 nicht\./);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('#lookup-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('lists the references an ambiguous lookup names, each opening its unit', async () => {
    await page.locator('#lookup-input').fill('TOP 9 und TOP 46 Ziffer 8');
    await page.locator('#lookup-input').press('Enter');
    const candidates = page.locator('#lookup-error .candidates button');
    await expect.poll(() => candidates.allTextContents()).toEqual(['TOP 9', 'TOP 46 Ziff. 8']);
    expect(await page.locator('#lookup-error').textContent()).toMatch(
      /^Fundstelle nicht eindeutig: „TOP 9 und TOP 46 Ziffer 8“ nennt 2 Fundstellen/,
    );
    await candidates.filter({ hasText: 'TOP 46 Ziff. 8' }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 46 Ziff. 8');
    await page.locator('#panel-close').click();
  });

  it('loaded nothing from elsewhere and logged no console errors besides the refused lookups', () => {
    expect(desktop.requests.filter((url) => !url.startsWith(`${harness.url}/`))).toEqual([]);
    expect(
      desktop.consoleErrors.filter(
        (message) => !message.includes('status of 404') && !message.includes('status of 400'),
      ),
    ).toEqual([]);
  });
});

describe('colours', () => {
  it('give text a contrast of at least 4.5:1 against its background', async () => {
    await page.locator('#question').fill('Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await page.locator('#question').press('Enter');
    await page.locator('article.message[aria-busy="false"] .chip').first().waitFor();
    await page.locator('.chip').first().click();
    await page.locator('#panel mark').first().waitFor();
    const failures = await page.evaluate(() => {
      const parse = (color: string) => {
        const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
        return { r, g, b, a };
      };
      const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const channel = (value: number) => {
          const s = value / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const background = (element: Element | null): { r: number; g: number; b: number } => {
        for (let node = element; node; node = node.parentElement) {
          const color = parse(getComputedStyle(node).backgroundColor);
          if (color.a > 0.5) return color;
        }
        return { r: 255, g: 255, b: 255 };
      };
      const problems: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (
          !element ||
          (node.textContent ?? '').trim() === '' ||
          element.closest('[hidden], .visually-hidden')
        )
          continue;
        if (element.getClientRects().length === 0) continue;
        const foreground = luminance(parse(getComputedStyle(element).color));
        const back = luminance(background(element));
        const ratio = (Math.max(foreground, back) + 0.05) / (Math.min(foreground, back) + 0.05);
        if (ratio < 4.5)
          problems.push(
            `${ratio.toFixed(2)} ${element.className || element.tagName}: ${node.textContent?.trim().slice(0, 30)}`,
          );
      }
      return problems;
    });
    expect(failures).toEqual([]);
  });
});

describe('on a narrow screen (375 px)', () => {
  let mobile: RecordedPage;

  beforeAll(async () => {
    mobile = await harness.newPage({ viewport: { width: 375, height: 740 }, clipboard: true });
    await mobile.page.goto(harness.url);
    await mobile.page.locator('.toc-item').first().waitFor({ state: 'attached' });
  });

  it('hides the table of contents behind a button and fits the width', async () => {
    const { page: phone } = mobile;
    expect(await phone.locator('#toc').isVisible()).toBe(false);
    expect(await phone.locator('#toc-toggle').isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('shows the side panel as a full-width overlay with a close button that returns focus', async () => {
    const { page: phone } = mobile;
    await phone.locator('#question').fill('Wie viele Beamte stellt Deutschland für UNITAMS?');
    await phone.locator('#question').press('Enter');
    const chip = phone.locator('article.message[aria-busy="false"] .chip').first();
    await chip.waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await saveScreenshot(phone, 'mobile-answer');

    await chip.click();
    await phone.locator('#panel mark').first().waitFor();
    const box = await phone.locator('#panel').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 740 });
    await saveScreenshot(phone, 'mobile-answer-panel');

    await phone.getByRole('button', { name: 'Seitenleiste schließen' }).click();
    expect(await phone.locator('#panel').isHidden()).toBe(true);
    expect(await chip.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('opens the table of contents as a drawer; an item opens in the panel and focus comes back to the toggle', async () => {
    const { page: phone } = mobile;
    const toggle = phone.locator('#toc-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await phone.locator('#toc').isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.activeElement?.id)).toBe('lookup-input');
    await saveScreenshot(phone, 'mobile-toc');

    await phone.locator('.toc-item').filter({ hasText: 'Sudan' }).click();
    expect(await phone.locator('#toc').isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => phone.locator('#panel .unit').count()).toBe(item('49').units.length);
    await phone.keyboard.press('Escape');
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('logged no console errors and loaded nothing from elsewhere', () => {
    expect(mobile.consoleErrors).toEqual([]);
    expect(mobile.requests.filter((url) => !url.startsWith(`${harness.url}/`))).toEqual([]);
  });
});

describe('a server that requires an API key', () => {
  let keyed: PageHarness;

  beforeAll(async () => {
    keyed = await startPageHarness({
      assistant: real.assistant,
      config: { BESCHLUSS_API_KEY: 'schluessel-42' },
    });
  });

  afterAll(async () => {
    await keyed?.close();
  });

  it('asks for the key after a refused request and works once it is given', async () => {
    const { page: keyedPage } = await keyed.newPage();
    await keyedPage.goto(keyed.url);
    await keyedPage.locator('#api-key-box').waitFor();
    expect(await keyedPage.locator('#toc-list .error-title').textContent()).toBe(
      'Inhaltsverzeichnis: API-Schlüssel erforderlich',
    );
    await keyedPage.getByLabel('API-Schlüssel').fill('schluessel-42');
    await keyedPage.getByRole('button', { name: 'Speichern' }).click();
    await keyedPage.locator('.toc-item').first().waitFor();
    expect(await keyedPage.locator('#api-key-box').isHidden()).toBe(true);

    await keyedPage.locator('#question').fill('Wie geht die IMK gegen Reichskriegsflaggen vor?');
    await keyedPage.locator('#question').press('Enter');
    await keyedPage.locator('article.message[aria-busy="false"] .chip').first().waitFor();
  });
});

describe('copying without the Clipboard API (plain http in an office network)', () => {
  it('copies text and HTML through the copy command of a selected text area', async () => {
    const { page: plain, consoleErrors } = await harness.newPage();
    await plain.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      // Runs after the page's own copy handler on the text area has filled the clipboard data.
      document.addEventListener('copy', (event) => {
        const copied = window as unknown as { copied: string; copiedHtml: string };
        copied.copied = event.clipboardData?.getData('text/plain') ?? '';
        copied.copiedHtml = event.clipboardData?.getData('text/html') ?? '';
      });
    });
    await plain.goto(harness.url);
    await plain.locator('#lookup-input').fill('TOP 49 Ziff. 3');
    await plain.locator('#lookup-input').press('Enter');
    const button = plain.locator('#panel .copy-button');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Kopiert');
    const unitText = real.assistant.catalog.get(`${MEETING}/49/3`)!.text;
    expect(await plain.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(
      `„${unitText}“ (IMK 10.12.2020, TOP 49 Ziff. 3)`,
    );
    expect(await plain.evaluate(() => (window as unknown as { copiedHtml?: string }).copiedHtml)).toContain(
      '<cite>IMK 10.12.2020, TOP 49 Ziff. 3</cite>',
    );
    expect(await plain.locator('.clipboard-buffer').count()).toBe(0);
    expect(await plain.evaluate(() => document.activeElement?.classList.contains('copy-button'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
