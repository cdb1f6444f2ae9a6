import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCollectionFile } from '../corpus/index.ts';
import { unitsOf } from '../model.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../paths.ts';
import { errorOf } from '../testing/errors.ts';
import { containsPhrase } from './normalize-text.ts';
import {
  countByType,
  goldUnitIds,
  MIN_NEAR_MISS_QUESTIONS,
  MIN_QUESTIONS_PER_TYPE,
  parseQaSet,
  QA_TYPES,
  type QaEntry,
  readQaSet,
  typesBelowMinimum,
} from './qa-set.ts';

const DEV_FILE = path.join(EVAL_DIR, 'dev.jsonl');
const HELD_OUT_FILE = path.join(EVAL_DIR, 'heldout.jsonl');
const CORPUS_FILE = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');

describe('the evaluation sets eval/dev.jsonl and eval/heldout.jsonl', () => {
  let dev: QaEntry[];
  let heldOut: QaEntry[];
  let entries: QaEntry[];
  let meetingId: string;
  let unitText: Map<string, string>;

  beforeAll(async () => {
    dev = await readQaSet(DEV_FILE);
    heldOut = await readQaSet(HELD_OUT_FILE);
    entries = [...dev, ...heldOut];
    const collection = await readCollectionFile(CORPUS_FILE);
    meetingId = collection.meeting.id;
    unitText = new Map(unitsOf(collection.meeting).map((unit) => [unit.id, unit.text]));
  });

  it('splits the questions into halves of about the same size with no question in both', () => {
    const devIds = new Set(dev.map((entry) => entry.id));
    expect(heldOut.filter((entry) => devIds.has(entry.id))).toEqual([]);
    expect(Math.abs(dev.length - heldOut.length)).toBeLessThanOrEqual(QA_TYPES.length);
    const devCounts = countByType(dev);
    const heldOutCounts = countByType(heldOut);
    for (const type of QA_TYPES) {
      expect(Math.abs(devCounts[type] - heldOutCounts[type]), type).toBeLessThanOrEqual(1);
    }
  });

  it('gives every question its own id and its own wording', () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    const questions = entries.map(
      (entry) => `${JSON.stringify(entry.history ?? [])} ${entry.question.toLowerCase()}`,
    );
    expect(new Set(questions).size).toBe(questions.length);
  });

  it('holds at least the minimum number of questions of every type in each half', () => {
    expect(typesBelowMinimum(dev)).toEqual([]);
    expect(typesBelowMinimum(heldOut)).toEqual([]);
    for (const half of [dev, heldOut]) {
      const counts = countByType(half);
      for (const type of QA_TYPES) expect(counts[type]).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_TYPE[type]);
    }
  });

  it('names only gold units that exist in the parsed corpus', () => {
    const missing = entries.flatMap((entry) =>
      goldUnitIds(entry, meetingId)
        .filter((id) => !unitText.has(id))
        .map((id) => `${entry.id}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds every must_mention phrase in the text of the question’s gold units', () => {
    const notFound = entries.flatMap((entry) => {
      const goldText = goldUnitIds(entry, meetingId)
        .map((id) => unitText.get(id) ?? '')
        .join('\n');
      return entry.must_mention
        .filter((phrase) => !containsPhrase(goldText, phrase))
        .map((phrase) => `${entry.id}: "${phrase}"`);
    });
    expect(notFound).toEqual([]);
  });

  it('takes every must_mention phrase from one printed line of the source, whatever the parser joins', async () => {
    const lines = (await readFile(CORPUS_FILE, 'utf8')).split(/\r?\n/);
    const broken = entries.flatMap((entry) =>
      entry.must_mention
        .filter((phrase) => !lines.some((line) => containsPhrase(line, phrase)))
        .map((phrase) => `${entry.id}: "${phrase}"`),
    );
    expect(broken).toEqual([]);
  });

  it('keeps keyword questions to one to four words, as typed into a search box', () => {
    const long = entries
      .filter((entry) => entry.type === 'keyword')
      .filter((entry) => entry.question.trim().split(/\s+/).length > 4)
      .map((entry) => entry.id);
    expect(long).toEqual([]);
  });

  it('holds enough near-miss unanswerable questions in each half', () => {
    for (const half of [dev, heldOut]) {
      const nearMisses = half.filter((entry) => entry.near_miss === true);
      expect(nearMisses.length).toBeGreaterThanOrEqual(MIN_NEAR_MISS_QUESTIONS);
      expect(nearMisses.every((entry) => entry.type === 'unanswerable')).toBe(true);
    }
  });

  it('asks the English questions in English and keeps their must_mention phrases German', () => {
    const english = entries.filter((entry) => entry.type === 'english');
    expect(english.every((entry) => entry.lang === 'en')).toBe(true);
    expect(english.flatMap((entry) => entry.must_mention).length).toBeGreaterThanOrEqual(english.length);
  });

  it('gives every follow-up a history that ends with the assistant’s answer to a user question', () => {
    const followups = entries.filter((entry) => entry.type === 'followup');
    for (const entry of followups) {
      const roles = (entry.history ?? []).map((message) => message.role);
      expect(roles[0], entry.id).toBe('user');
      expect(roles.at(-1), entry.id).toBe('assistant');
    }
  });
});

const valid = {
  id: 'q001',
  type: 'lookup',
  question: 'Wer soll bis wann berichten?',
  gold: [{ top: '46', para: '8' }],
  must_mention: ['AK II'],
  answerable: true,
};

function lines(...values: unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n');
}

describe('parseQaSet', () => {
  it('reads one entry per line and skips blank lines', () => {
    const entries = parseQaSet(lines(valid, '', { ...valid, id: 'q002' }, ''), 'set.jsonl');
    expect(entries.map((entry) => entry.id)).toEqual(['q001', 'q002']);
  });

  it('names the file and line of a line that is not JSON', () => {
    const error = errorOf(() => parseQaSet(lines(valid, '{"id": '), 'set.jsonl'));
    expect(error.code).toBe('EVAL_SET_INVALID');
    expect(error.message).toMatch(/^set\.jsonl: line 2 is not JSON/);
    expect(error.details).toMatchObject({ file: 'set.jsonl', line: 2 });
  });

  it('rejects a repeated id, naming both lines', () => {
    const error = errorOf(() => parseQaSet(lines(valid, valid), 'set.jsonl'));
    expect(error.message).toContain('line 2 repeats id "q001" of line 1');
  });

  it('rejects an unanswerable question that lists gold units or phrases', () => {
    const entry = { ...valid, type: 'unanswerable', answerable: false };
    const error = errorOf(() => parseQaSet(lines(entry), 'set.jsonl'));
    expect(error.message).toContain('gold: an unanswerable question has gold: []');
    expect(error.message).toContain('must_mention: an unanswerable question has must_mention: []');
  });

  it('rejects an answerable question without gold, a follow-up without history and an unknown type', () => {
    expect(errorOf(() => parseQaSet(lines({ ...valid, gold: [] }), 'f')).message).toContain(
      'needs gold units',
    );
    expect(errorOf(() => parseQaSet(lines({ ...valid, type: 'followup' }), 'f')).message).toContain(
      'needs history',
    );
    expect(errorOf(() => parseQaSet(lines({ ...valid, type: 'trivia' }), 'f')).message).toContain('type:');
  });

  it('reads near_miss on an unanswerable question and rejects it on any other type', () => {
    const nearMiss = { ...valid, type: 'unanswerable', answerable: false, gold: [], must_mention: [] };
    expect(parseQaSet(lines({ ...nearMiss, near_miss: true }), 'f')[0]?.near_miss).toBe(true);
    expect(errorOf(() => parseQaSet(lines({ ...valid, near_miss: true }), 'f')).message).toContain(
      'near_miss: near_miss marks unanswerable questions only',
    );
  });

  it('rejects malformed gold references and unknown fields', () => {
    const badTop = { ...valid, gold: [{ top: 'TOP 46', para: '8' }] };
    expect(errorOf(() => parseQaSet(lines(badTop), 'f')).message).toContain('gold.0.top');
    const badPara = { ...valid, gold: [{ top: '46', para: 'Ziffer 8' }] };
    expect(errorOf(() => parseQaSet(lines(badPara), 'f')).message).toContain('gold.0.para');
    expect(errorOf(() => parseQaSet(lines({ ...valid, answer: 'x' }), 'f')).message).toContain('answer');
  });

  it('rejects a file without questions', () => {
    expect(errorOf(() => parseQaSet('\n\n', 'empty.jsonl')).message).toBe(
      'empty.jsonl: no questions found; expected one JSON object per line',
    );
  });

  it('reports a missing file as FILE_NOT_FOUND naming the file', async () => {
    const file = path.join(EVAL_DIR, 'no-such-set.jsonl');
    await expect(readQaSet(file)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', details: { file } });
  });
});

describe('goldUnitIds', () => {
  it('adds the default meeting to gold units without one and keeps an explicit meeting', () => {
    const entry = {
      gold: [
        { top: '6/7', para: '8' },
        { top: '46', para: 'Protokollnotiz SN' },
        { meeting: 'imk-2021-06-16', top: '3', para: '1' },
      ],
    };
    expect(goldUnitIds(entry, 'imk-2020-12-10')).toEqual([
      'imk-2020-12-10/6/7/8',
      'imk-2020-12-10/46/Protokollnotiz SN',
      'imk-2021-06-16/3/1',
    ]);
  });
});
