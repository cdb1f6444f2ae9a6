// The chat page in headless Chromium against the real server and the real assistant (index built from data/corpus):
// streaming, citation chips and the side panel, history, abstention, errors with retry, stop, new conversation.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeschlussError } from '../src/errors.ts';
import { createGate, createRecordingAssistant } from '../src/server/testing/fakes.ts';
import { type PageHarness, type RecordedPage, saveScreenshot } from './testing/page-harness.ts';
import type { RealAssistant } from './testing/real-assistant.ts';
import { closeRealHarness, openLoadedPage, startRealHarness } from './testing/real-page.ts';
import { scriptedAssistant } from './testing/scripted-assistant.ts';

let real: RealAssistant;
let harness: PageHarness;
let recorded: RecordedPage;
let page: Page;

/** Failed requests the tests cause on purpose show up as console errors; anything else is a fault of the page. */
const DELIBERATE_FAILURE = /^Failed to load resource/;

beforeAll(async () => {
  ({ real, harness } = await startRealHarness());
  recorded = await openLoadedPage(harness);
  page = recorded.page;
});

afterAll(() => closeRealHarness({ real, harness }));

function lastTurn(): Locator {
  return page.locator('#messages > li').last();
}

async function ask(question: string): Promise<Locator> {
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  const turn = lastTurn();
  await expect.poll(() => turn.locator('.message.user .message-text').textContent()).toBe(question);
  return turn;
}

async function answered(turn: Locator): Promise<Locator> {
  const article = turn.locator('article.message');
  await expect.poll(() => article.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
  return article;
}

describe('the chat page', () => {
  it('loads with its landmarks, the table of contents and the server status, from this server only', async () => {
    for (const landmark of ['header', 'nav', 'main', 'aside', 'footer']) {
      expect(await page.locator(landmark).count(), landmark).toBe(1);
    }
    expect(await page.locator('#messages-log').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#messages-log').getAttribute('role')).toBe('log');
    const health = real.assistant.health();
    await expect
      .poll(() => page.locator('#server-status .status-summary').textContent())
      .toContain(`1 Sitzung · ${health.units} Abschnitte`);
    expect(await page.locator('.toc-item').count()).toBe(real.assistant.catalog.items().length);
    expect(recorded.requests.filter((url) => !url.startsWith(`${harness.url}/`))).toEqual([]);
    expect(recorded.consoleErrors).toEqual([]);
  });

  it('gives every control an accessible name', async () => {
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, input, textarea'))
        .filter((control) => {
          const labelled = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement;
          const name =
            control.getAttribute('aria-label') ??
            (labelled
              ? Array.from(control.labels ?? [])
                  .map((label) => label.textContent)
                  .join(' ')
              : control.textContent);
          return (name ?? '').trim() === '';
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });

  it('keeps Shift+Enter as a new line and sends with Enter', async () => {
    const box = page.locator('#question');
    await box.fill('Wie viele Beamte');
    await box.press('Shift+Enter');
    await box.pressSequentially('stellt Deutschland für UNITAMS?');
    expect(await box.inputValue()).toBe('Wie viele Beamte\nstellt Deutschland für UNITAMS?');
    expect(await page.locator('#messages > li').count()).toBe(0);

    await box.press('Enter');
    const article = await answered(lastTurn());
    expect(await box.inputValue()).toBe('');
    expect(real.requests.at(-1)?.question).toBe('Wie viele Beamte\nstellt Deutschland für UNITAMS?');
    expect(await article.locator('.answer-heading').first().textContent()).toMatch(
      /^TOP 49 – Beteiligung Deutschlands/,
    );
    expect(await article.locator('.chip').allTextContents()).toContain('TOP 49 Ziff. 3');
    await saveScreenshot(page, 'desktop-answer');
  });

  it('opens the cited paragraph from a chip with the quoted sentence marked, copies the citation, shows the item', async () => {
    const article = lastTurn().locator('article.message');
    const chips = article.locator('.chip', { hasText: 'TOP 49 Ziff. 3' });
    const unitText = real.assistant.catalog.get('imk-2020-12-10/49/3')!.text;
    const sentences = unitText.split(/(?<=\.)\s+(?=Der Einsatz)/u);
    expect(sentences).toHaveLength(2);

    await chips.first().click();
    const panel = page.locator('#panel');
    await expect.poll(() => panel.locator('mark').allTextContents()).toEqual([sentences[0]]);
    expect(await panel.isVisible()).toBe(true);
    expect(await page.locator('#panel-title').textContent()).toBe('TOP 49 Ziff. 3');
    expect(await panel.locator('.panel-meeting').textContent()).toBe('IMK 10.12.2020');
    expect(await panel.locator('.panel-item-title').textContent()).toMatch(
      /^Beteiligung Deutschlands an der Mission/,
    );
    expect(await panel.locator('blockquote').textContent()).toBe(unitText);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    await saveScreenshot(page, 'desktop-answer-panel');

    // The same unit cited by the next statement marks that statement's sentence.
    if ((await chips.count()) > 1) {
      await chips.nth(1).click();
      await expect.poll(() => panel.locator('mark').allTextContents()).toEqual([sentences[1]]);
    }

    await panel.getByRole('button', { name: /^Zitat kopieren/ }).click();
    await expect.poll(() => panel.locator('.copy-button').textContent()).toBe('Kopiert');
    const marked = (await panel.locator('mark').allTextContents()).join(' […] ');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `„${marked}“ (IMK 10.12.2020, TOP 49 Ziff. 3)`,
    );

    await panel.getByRole('button', { name: 'Ganzen TOP 49 anzeigen' }).click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 49');
    expect(await panel.locator('.unit[aria-current="true"] .unit-label').textContent()).toBe('Ziff. 3');

    await page.locator('#panel-close').click();
    expect(await panel.isHidden()).toBe(true);
    const focusedChip = await page.evaluate(() => document.activeElement?.classList.contains('chip'));
    expect(focusedChip).toBe(true);
  });

  it('shows keyboard focus visibly', async () => {
    await page.locator('#question').focus();
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px' });
  });

  it('sends the conversation as history, so a follow-up is read against it', async () => {
    const first = lastTurn();
    const firstQuestion = await first.locator('.message.user .message-text').textContent();
    const firstAnswer = real.requests.length;
    const turn = await ask('Und mit welcher Frist?');
    await answered(turn);
    const request = real.requests.at(-1)!;
    expect(real.requests.length).toBe(firstAnswer + 1);
    expect(request.question).toBe('Und mit welcher Frist?');
    expect(request.history?.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(request.history?.[0]?.content).toBe(firstQuestion);
    expect(request.history?.[1]?.content).toContain('[TOP 49 Ziff. 3]');
  });

  it('shows an abstention apart from answers, its closest items as buttons that open the item', async () => {
    const article = await answered(await ask('Was beschließt die IMK zu Mondlandungen auf dem Mars?'));
    expect(await article.getAttribute('class')).toContain('abstained');
    expect(await article.locator('.abstention p').first().textContent()).toBe(
      'Dazu enthalten die Beschlüsse keine Aussage.',
    );
    expect(await article.locator('.chip').count()).toBe(0);
    const hint = article.locator('.hint-list button').first();
    const hintText = (await hint.textContent()) ?? '';
    const top = /^TOP (\S+) – /u.exec(hintText)?.[1];
    expect(top).toBeDefined();
    await saveScreenshot(page, 'desktop-abstention');
    await hint.click();
    await expect.poll(() => page.locator('#panel-title').textContent()).toBe(`TOP ${top}`);
    const units = real.assistant.catalog.items('imk-2020-12-10').find((item) => item.top === top)!.units;
    await expect.poll(() => page.locator('#panel .unit').count()).toBe(units.length);
    await page.keyboard.press('Escape');
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('streams the answer in as it arrives', async () => {
    const gate = createGate();
    let delivered = 0;
    harness.setAssistant(
      createRecordingAssistant(real.assistant.catalog, {
        answerer: {
          pace: async () => {
            delivered += 1;
            if (delivered > 6) await gate.promise;
          },
        },
      }),
    );
    try {
      const turn = await ask('Missbrauch von Reichskriegsflaggen');
      const text = turn.locator('.answer-text');
      await expect.poll(() => text.count()).toBe(1);
      await expect.poll(async () => ((await text.textContent()) ?? '').trim().split(/\s+/u).length).toBe(6);
      expect(await turn.locator('article.message').getAttribute('aria-busy')).toBe('true');
      expect(await page.locator('#stop').isVisible()).toBe(true);
      expect(await page.locator('#send').isVisible()).toBe(false);
      const partial = ((await text.textContent()) ?? '').trim();

      gate.open();
      await answered(turn);
      const complete = ((await text.textContent()) ?? '').trim();
      expect(complete.startsWith(partial)).toBe(true);
      expect(complete.length).toBeGreaterThan(partial.length + 50);
      expect(await turn.locator('.chip').count()).toBeGreaterThan(0);
      expect(await page.locator('#send').isVisible()).toBe(true);
    } finally {
      gate.open();
      harness.setAssistant(real.assistant);
    }
  });

  it('stops an answer with the stop button, and leaves the stopped turn out of the history', async () => {
    const gate = createGate();
    let delivered = 0;
    const held = createRecordingAssistant(real.assistant.catalog, {
      answerer: {
        pace: async () => {
          delivered += 1;
          if (delivered > 3) await gate.promise;
        },
      },
    });
    harness.setAssistant(held);
    try {
      const turn = await ask('Reichskriegsflaggen, bitte anhalten');
      await expect
        .poll(
          async () => ((await turn.locator('.answer-text').textContent()) ?? '').trim().split(/\s+/u).length,
        )
        .toBe(3);
      await page.locator('#stop').click();
      await expect.poll(() => turn.locator('.stopped').textContent()).toBe('Antwort abgebrochen.');
      expect(await turn.locator('article.message').getAttribute('aria-busy')).toBe('false');
      expect(await page.locator('#send').isVisible()).toBe(true);
      // The page closed the connection: the server tells the answerer, which stops at its next step.
      await expect.poll(() => held.answerer.calls[0]?.abortSignal?.aborted).toBe(true);
      gate.open();
      await expect.poll(() => held.answerer.calls[0]?.ended).toBe('aborted');
    } finally {
      gate.open();
      harness.setAssistant(real.assistant);
    }
    const before = real.requests.length;
    await answered(await ask('Wie geht die IMK gegen Reichskriegsflaggen vor?'));
    expect(real.requests.length).toBe(before + 1);
    const questions = real.requests
      .at(-1)
      ?.history?.filter((message) => message.role === 'user')
      .map((m) => m.content);
    expect(questions).toContain('Missbrauch von Reichskriegsflaggen');
    expect(questions).not.toContain('Reichskriegsflaggen, bitte anhalten');
  });

  it('shows a server error readably and answers on retry', async () => {
    harness.setAssistant(
      createRecordingAssistant(real.assistant.catalog, {
        answerer: { failBefore: new Error('disk on fire') },
      }),
    );
    const turns = await page.locator('#messages > li').count();
    const turn = await ask('Was beschließt die IMK zum Schutz jüdischen Lebens?');
    const alert = turn.locator('.error-box[role="alert"]');
    await alert.waitFor();
    expect(await alert.locator('.error-title').textContent()).toBe('Fehler auf dem Server (500)');
    expect(await alert.locator('.server-message').textContent()).toMatch(
      /^Meldung des Servers: Internal error; the server log has the details under request id \S+\.$/,
    );
    expect(await alert.textContent()).not.toContain('disk on fire');
    await saveScreenshot(page, 'desktop-error');

    harness.setAssistant(real.assistant);
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    const article = await answered(turn);
    expect(await article.locator('.error-box').count()).toBe(0);
    expect(await article.locator('.chip').count()).toBeGreaterThan(0);
    expect(await page.locator('#messages > li').count()).toBe(turns + 1);
  });

  it('shows the message of a refused request (4xx), a limit in German, and no retry that would fail again', async () => {
    const refusals = [
      [
        new BeschlussError('MEETING_NOT_FOUND', 'No meeting "imk-1999-01-01" is loaded.'),
        'Anfrage abgelehnt (404)',
        'Meldung des Servers: No meeting "imk-1999-01-01" is loaded.',
      ],
      [
        new BeschlussError('HISTORY_TOO_LONG', 'Expected at most 20 history messages; got 21.'),
        'Gespräch zu lang',
        undefined,
      ],
    ] as const;
    try {
      for (const [error, title, serverMessage] of refusals) {
        harness.setAssistant(
          createRecordingAssistant(real.assistant.catalog, { answerer: { failBefore: error } }),
        );
        const turn = await ask('Noch eine Frage');
        const alert = turn.locator('.error-box[role="alert"]');
        await alert.waitFor();
        expect(await alert.locator('.error-title').textContent()).toBe(title);
        expect(await alert.locator('.server-message').count()).toBe(serverMessage ? 1 : 0);
        if (serverMessage) expect(await alert.locator('.server-message').textContent()).toBe(serverMessage);
        else expect(await alert.textContent()).toContain('Bitte beginnen Sie ein neues Gespräch.');
        expect(await alert.locator('.retry').count()).toBe(0);
      }
    } finally {
      harness.setAssistant(real.assistant);
    }
  });

  it('shows an answer’s notice, and opens a paraphrased citation the stream never named through the server', async () => {
    const notice = 'Das Sprachmodell antwortete nicht rechtzeitig; eine Aussage wurde ersetzt.';
    harness.setAssistant(
      scriptedAssistant(real.assistant, {
        answer: 'Der AK II soll zur Herbstsitzung 2021 erneut berichten. [TOP 21 Nr. 2]',
        statements: [],
        sources: [],
        abstained: false,
        mode: 'llm',
        notice,
      }),
    );
    try {
      const article = await answered(await ask('Wer berichtet zu Gewalt gegen Rettungskräfte?'));
      expect(await article.locator('.notice').textContent()).toBe(`Hinweis: ${notice}`);
      expect(await article.locator('.answer-meta').textContent()).toMatch(
        /^Mit einem Sprachmodell formuliert/,
      );
      await article.locator('.chip', { hasText: 'TOP 21 Nr. 2' }).click();
      await expect.poll(() => page.locator('#panel-title').textContent()).toBe('TOP 21 Ziff. 2');
      expect(await page.locator('#panel blockquote').textContent()).toBe(
        real.assistant.catalog.get('imk-2020-12-10/21/2')!.text,
      );
      expect(await page.locator('#panel mark').count()).toBe(0);
      expect(await page.locator('#panel .note').textContent()).toMatch(/sinngemäß/);
      await page.locator('#panel-close').click();
    } finally {
      harness.setAssistant(real.assistant);
    }
  });

  it('clears the conversation with "Neues Gespräch"; the next question has no history', async () => {
    expect(await page.locator('#messages > li').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Neues Gespräch' }).click();
    expect(await page.locator('#messages > li').count()).toBe(0);
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await answered(await ask('Wie geht die IMK gegen Reichskriegsflaggen vor?'));
    expect(real.requests.at(-1)?.history ?? []).toEqual([]);
  });

  it('logged no console errors (CSP violations included) and loaded nothing from elsewhere', () => {
    expect(recorded.consoleErrors.filter((message) => !DELIBERATE_FAILURE.test(message))).toEqual([]);
    expect(recorded.requests.filter((url) => !url.startsWith(`${harness.url}/`))).toEqual([]);
  });

  it('says so when the server cannot be reached, and keeps the question for a retry', async () => {
    await harness.stopServer();
    const turn = await ask('Was beschließt die IMK zu Drohnen?');
    const alert = turn.locator('.error-box[role="alert"]');
    await alert.waitFor();
    expect(await alert.locator('.error-title').textContent()).toBe('Server nicht erreichbar');
    expect(await alert.getByRole('button', { name: 'Erneut versuchen' }).isVisible()).toBe(true);
  });
});
