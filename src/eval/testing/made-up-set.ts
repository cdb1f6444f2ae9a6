// Test fixture: a few questions about the bundled corpus written for the runner's tests (not taken from eval/), one
// of each behaviour the runner treats differently: a lookup, a reference, a follow-up with history, an unanswerable.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { QaEntry } from '../qa-set.ts';

export const MADE_UP_SET: QaEntry[] = [
  {
    id: 'q901',
    type: 'lookup',
    question: 'Welcher Bericht zur Novellierung des Telekommunikationsgesetzes lag vor?',
    gold: [{ top: '28', para: '1' }],
    must_mention: ['Aktueller Sachstand der TKG-Novellierung'],
    answerable: true,
    lang: 'de',
  },
  {
    id: 'q902',
    type: 'citation',
    question: 'Zitiere TOP 43',
    gold: [{ top: '43', para: '1' }],
    must_mention: ['JI-Rat'],
    answerable: true,
    lang: 'de',
  },
  {
    id: 'q903',
    type: 'followup',
    question: 'Und wer hat das mündlich ergänzt?',
    gold: [{ top: '42', para: '1' }],
    must_mention: ['Vertreters des BMI'],
    answerable: true,
    lang: 'de',
    history: [
      { role: 'user', content: 'Was beschloss die IMK zur Deutschen Ratspräsidentschaft 2020?' },
      {
        role: 'assistant',
        content:
          'Die IMK nimmt den Sachstandsbericht "Deutsche Ratspräsidentschaft 2020" zur Kenntnis. [TOP 42]',
      },
    ],
  },
  {
    id: 'q904',
    type: 'unanswerable',
    question: 'Wie viele Drohnen beschafft die Bundespolizei für Großveranstaltungen?',
    gold: [],
    must_mention: [],
    answerable: false,
    lang: 'de',
  },
];

/** Writes the set as JSON Lines into a temporary folder; `dispose` removes it. */
export async function writeMadeUpSet(): Promise<{ file: string; dispose: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-eval-set-'));
  const file = path.join(directory, 'set.jsonl');
  await writeFile(file, `${MADE_UP_SET.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
  return { file, dispose: () => rm(directory, { recursive: true, force: true }) };
}
