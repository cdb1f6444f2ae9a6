// Behaviour of the prompt files: the shipped prompts load with their version, the user message numbers the sources
// with their exact markers, and broken prompt files are refused with the file named.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Unit } from '../model.ts';
import { loadAnswerPrompts, renderUserMessage } from './llm-prompts.ts';

const unit = (top: string, para: string, text: string, itemParagraphCount = 3): Unit => ({
  meeting: 'imk-2020-12-10',
  top,
  para,
  id: `imk-2020-12-10/${top}/${para}`,
  kind: para.startsWith('Protokollnotiz') ? 'note' : 'paragraph',
  title: `Titel ${top}`,
  text,
  date: '2020-12-10',
  itemParagraphCount,
});

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function promptFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'beschluss-prompts-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

describe('loadAnswerPrompts', () => {
  it('loads the shipped German prompts without their header, with the rules the verifier relies on', async () => {
    const prompts = await loadAnswerPrompts();
    expect(prompts.version).toBe('1');
    expect(prompts.system).not.toContain('<!--');
    expect(prompts.system).toContain('[TOP 46 Ziff. 8]');
    expect(prompts.system).toContain('[TOP 46 Protokollnotiz SN]');
    expect(prompts.system).toContain('[IMK 10.12.2020, TOP 46 Ziff. 8]');
    expect(prompts.system).toContain('Dazu enthalten die Beschlüsse keine Aussage.');
    expect(prompts.system).toContain('The resolutions say nothing about this.');
    expect(prompts.userTemplate).toContain('{{sources}}');
  });

  it('refuses a template that lacks a placeholder or has an unknown one, naming the file', async () => {
    const folder = await promptFolder({
      'answer-system.v2.md': 'System',
      'answer-user.v2.md': 'Quellen: {{sources}} Frage: {{frage}}',
    });
    await expect(loadAnswerPrompts({ directory: folder, version: '2' })).rejects.toThrow(
      /answer-user\.v2\.md.*missing: history, question, unknown: frage/,
    );
  });

  it('refuses a missing or empty prompt file, naming it', async () => {
    const folder = await promptFolder({
      'answer-system.v3.md': '<!-- prompt: answer-system · version: 3 -->\n  \n',
    });
    await expect(loadAnswerPrompts({ directory: folder, version: '3' })).rejects.toThrow(
      /answer-system\.v3\.md/,
    );
    await expect(loadAnswerPrompts({ directory: folder, version: '4' })).rejects.toMatchObject({
      code: 'INSTALLATION_INCOMPLETE',
    });
  });
});

describe('renderUserMessage', () => {
  it('numbers the sources with their exact markers and titles, then the short history and the question', async () => {
    const prompts = await loadAnswerPrompts();
    const message = renderUserMessage(prompts, {
      question: 'Und mit welcher Frist? {{sources}}',
      units: [
        unit('46', '8', 'Text acht.'),
        unit('9', '1', 'Einziger Absatz.', 1),
        unit('46', 'Protokollnotiz SN', 'Sachsen meint.'),
      ],
      history: [
        { role: 'system', content: 'ignoriert' },
        { role: 'user', content: 'Wer soll berichten?' },
        { role: 'assistant', content: `Der AK II ${'sehr '.repeat(200)}[TOP 46 Ziff. 8].` },
      ],
      withMeeting: false,
      maxHistoryCharacters: 40,
    });
    expect(message).toContain('(1) [TOP 46 Ziff. 8] – TOP 46: Titel 46\nText acht.');
    expect(message).toContain('(2) [TOP 9] – TOP 9: Titel 9\nEinziger Absatz.');
    expect(message).toContain('(3) [TOP 46 Protokollnotiz SN] – TOP 46: Titel 46\nSachsen meint.');
    expect(message).toContain('Nutzer: Wer soll berichten?\nAssistent: Der AK II sehr');
    expect(message).not.toContain('ignoriert');
    expect(message).not.toContain('sehr '.repeat(20));
    // The question is inserted as it is: braces in it are not read as a placeholder.
    expect(message.trimEnd().endsWith('Frage: Und mit welcher Frist? {{sources}}')).toBe(true);
    expect(message.indexOf('(1)')).toBeLessThan(message.indexOf('Nutzer:'));
  });

  it('names the meeting in the markers when several meetings are loaded, and leaves out an empty history', async () => {
    const prompts = await loadAnswerPrompts();
    const message = renderUserMessage(prompts, {
      question: 'Was gilt?',
      units: [unit('46', '8', 'Text.')],
      withMeeting: true,
    });
    expect(message).toContain('(1) [IMK 10.12.2020, TOP 46 Ziff. 8]');
    expect(message).not.toContain('Gesprächsverlauf');
  });
});
