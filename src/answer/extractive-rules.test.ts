// One test per rule of the extractive answerer's scoring profile and decisions, on a small made-up corpus with
// controlled retrieval and sentence similarities: each fails when its rule is taken out.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { UnitCatalog } from '../citation/index.ts';
import type { SentenceVectors } from '../index/index.ts';
import { createLexicalIndex } from '../index/index.ts';
import type { Unit } from '../model.ts';
import type { HybridRetriever, RankedUnit } from '../retrieve/index.ts';
import { splitSentences } from '../text/index.ts';
import { type AbstentionModel, alwaysAnswering } from './abstention-model.ts';
import { createExtractiveAnswerer, type ExtractiveAnswererOptions } from './extractive.ts';
import { MODEL_PROFILE, type ScoringProfile } from './scoring-profile.ts';
import type { Answer } from './types.ts';

const MEETING = 'imk-2030-05-02';

function unit(top: string, para: string, title: string, text: string, itemParagraphCount = 3): Unit {
  return {
    id: `${MEETING}/${top}/${para}`,
    meeting: MEETING,
    top,
    para,
    kind: 'paragraph',
    title,
    text,
    date: '2030-05-02',
    itemParagraphCount,
  };
}

const UNITS: Unit[] = [
  unit(
    '1',
    '1',
    'Leuchttürme an der Küste',
    'Die IMK nimmt den Bericht über die Leuchttürme zur Kenntnis. Sie bittet den AK II, bis zur Herbstsitzung 2031 über die Wartung der Leuchttürme zu berichten.',
  ),
  unit(
    '1',
    '2',
    'Leuchttürme an der Küste',
    'Die Wartung der Leuchttürme obliegt den Ländern. Dies umfasst auch die Beleuchtung der Hafeneinfahrten.',
  ),
  unit(
    '2',
    '1',
    'Deichschutz',
    'Die IMK lehnt eine Verlagerung des Deichschutzes auf die Kommunen ab. Der Deichschutz bleibt Aufgabe der Länder.',
    1,
  ),
  unit('3', '1', 'Fährverkehr', 'Die IMK nimmt den Bericht über den Fährverkehr zur Kenntnis.', 1),
];

/** Answers whatever; the rules under test decide, not the model. */
const ALWAYS_ANSWER = alwaysAnswering('model', 'test');

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
});

interface Setup {
  /** Units in retrieval order (default: all, in corpus order). */
  ranked?: Unit[];
  /** Similarity of each sentence to the question, by the sentence's opening words; others get 0.8. */
  similarities?: Record<string, number>;
  profile?: Omit<Partial<ScoringProfile>, 'sentence'> & { sentence?: Partial<ScoringProfile['sentence']> };
  abstention?: AbstentionModel;
}

function answererWith(setup: Setup = {}) {
  const catalog = new UnitCatalog(UNITS, [{ id: MEETING, date: '2030-05-02', title: 'IMK' }]);
  const ranked = setup.ranked ?? UNITS;
  const retriever: HybridRetriever = {
    async rank(): Promise<RankedUnit[]> {
      return ranked.map((entry, index) => ({
        unit: entry,
        score: 1 - index / 10,
        exact: false,
        lexicalRank: index + 1,
        vectorRank: index + 1,
      }));
    },
    async search() {
      return [];
    },
  };
  const spans = UNITS.map((entry) => splitSentences(entry.text));
  const rows = spans.flatMap((list, ordinal) => list.map((span) => ({ ordinal, ...span })));
  const similarityOf = (text: string) =>
    Object.entries(setup.similarities ?? {}).find(([opening]) => text.startsWith(opening))?.[1] ?? 0.8;
  const sentences: SentenceVectors = {
    size: rows.length,
    dimensions: 1,
    sentencesOf: (ordinal) =>
      rows
        .map((row, index) => ({ ...row, row: index }))
        .filter((row) => row.ordinal === ordinal)
        .map(({ start, end, row }) => ({ unitOrdinal: ordinal, start, end, row })),
    similarity: (row) => similarityOf(rows[row]?.text ?? ''),
    quantized: () => ({ scale: 1, values: new Int8Array(1) }),
  };
  const profile: ScoringProfile = {
    ...MODEL_PROFILE,
    ...setup.profile,
    sentence: { ...MODEL_PROFILE.sentence, unitSemanticShare: 0, ...setup.profile?.sentence },
  };
  const options: ExtractiveAnswererOptions = {
    retriever,
    catalog,
    analyzer,
    statistics: createLexicalIndex({ analyzer, units: UNITS }).statistics,
    profile,
    abstention: setup.abstention ?? ALWAYS_ANSWER,
    semantic: {
      embedQuery: async () => [1],
      sentences,
      ordinalOf: (id) => UNITS.findIndex((entry) => entry.id === id),
    },
  };
  return createExtractiveAnswerer(options);
}

const quoted = (answer: Answer) => answer.statements.map((statement) => statement.text);

describe('scoring profile rules', () => {
  it('semantic: with the words even, the sentence closer in meaning is quoted first', async () => {
    const similarities = { 'Die Wartung': 0.95, 'Die IMK nimmt den Bericht über die Leucht': 0.7 };
    const question = 'Was gilt für die Leuchttürme?';
    const withMeaning = await answererWith({ similarities, profile: { maxStatements: 1 } }).answer({
      question,
    });
    expect(quoted(withMeaning)[0]).toMatch(/^Die Wartung der Leuchttürme obliegt/);
    const without = await answererWith({
      similarities,
      profile: { maxStatements: 1, sentence: { semantic: 0 } },
    }).answer({ question });
    expect(quoted(without)[0]).not.toMatch(/^Die Wartung der Leuchttürme obliegt/);
  });

  it('lexical: with the meaning even, the sentence that has the question’s words is quoted', async () => {
    const question = 'Wer ist für die Hafeneinfahrten zuständig?';
    const withWords = await answererWith({ profile: { maxStatements: 1 } }).answer({ question });
    expect(quoted(withWords)[0]).toContain('Hafeneinfahrten');
    const without = await answererWith({
      profile: { maxStatements: 1, sentence: { lexical: 0, unitLexical: 0 } },
    }).answer({ question });
    expect(quoted(without)[0]).not.toContain('Hafeneinfahrten');
  });

  it('slotFilled: the sentence that gives what is asked (a date for "bis wann") is pulled up', async () => {
    // The words favour the sentence without a date ("obliegt … Ländern"); the date is in the other one.
    const question = 'Bis wann obliegt die Wartung den Ländern?';
    const pulled = await answererWith({ profile: { maxStatements: 1, sentence: { slotFilled: 1 } } }).answer({
      question,
    });
    expect(quoted(pulled)[0]).toContain('Herbstsitzung 2031');
    const without = await answererWith({
      profile: { maxStatements: 1, sentence: { slotFilled: 0 } },
    }).answer({ question });
    expect(quoted(without)[0]).toMatch(/obliegt den Ländern/);
  });

  it('decision: a yes/no question pulls up the sentence that decides it', async () => {
    const question = 'Bleibt der Deichschutz bei den Ländern und nicht bei den Kommunen?';
    const pulled = await answererWith({ profile: { maxStatements: 1, sentence: { decision: 1 } } }).answer({
      question,
    });
    expect(quoted(pulled)[0]).toContain('lehnt eine Verlagerung');
    const without = await answererWith({ profile: { maxStatements: 1, sentence: { decision: 0 } } }).answer({
      question,
    });
    expect(quoted(without)[0]).toContain('bleibt Aufgabe der Länder');
  });

  it('previousItem: a follow-up is pulled towards the item the previous answer cited', async () => {
    const history = [
      { role: 'user' as const, content: 'Was beschließt die IMK zum Deichschutz?' },
      { role: 'assistant' as const, content: 'Die IMK lehnt eine Verlagerung ab. [TOP 2]' },
    ];
    const question = 'Und was gilt dort für die Wartung?';
    const pulled = await answererWith({
      profile: { maxStatements: 1, sentence: { previousItem: 1 } },
    }).answer({
      question,
      history,
    });
    expect(pulled.statements[0]?.citations[0]?.top).toBe('2');
    const without = await answererWith({
      ranked: [UNITS[0], UNITS[1], UNITS[3], UNITS[2]] as Unit[],
      profile: { maxStatements: 1, sentence: { previousItem: 0 } },
    }).answer({ question, history });
    expect(without.statements[0]?.citations[0]?.top).not.toBe('2');
  });

  it('rank: with the words and meaning even, the unit retrieval ranks first is quoted', async () => {
    const question = 'Bericht zur Kenntnis';
    const ferryFirst = [UNITS[3], UNITS[0], UNITS[1], UNITS[2]] as Unit[];
    const leuchtFirst = [UNITS[0], UNITS[3], UNITS[1], UNITS[2]] as Unit[];
    const byRank = (ranked: Unit[], rank: number) =>
      answererWith({ ranked, profile: { maxStatements: 1, sentence: { rank } } }).answer({ question });
    expect((await byRank(ferryFirst, 1)).statements[0]?.citations[0]?.top).toBe('3');
    expect((await byRank(leuchtFirst, 1)).statements[0]?.citations[0]?.top).toBe('1');
  });

  it('relativeCutoff: a sentence far below the best is not quoted', async () => {
    const question = 'Wer wartet die Leuchttürme?';
    const strict = await answererWith({ profile: { relativeCutoff: 0.99 } }).answer({ question });
    const loose = await answererWith({ profile: { relativeCutoff: 0 } }).answer({ question });
    expect(strict.statements.length).toBeLessThan(loose.statements.length);
  });

  it('maxPerUnit and maxStatements limit what is quoted', async () => {
    const question = 'Leuchttürme';
    const loose = { relativeCutoff: 0 };
    const one = await answererWith({ profile: { ...loose, maxPerUnit: 1 } }).answer({ question });
    const perUnit = new Map<string, number>();
    for (const statement of one.statements) {
      const id = statement.citations[0]?.para ?? '';
      perUnit.set(
        `${statement.citations[0]?.top}/${id}`,
        (perUnit.get(`${statement.citations[0]?.top}/${id}`) ?? 0) + 1,
      );
    }
    expect(Math.max(...perUnit.values())).toBe(1);
    const two = await answererWith({ profile: { ...loose, maxStatements: 2 } }).answer({ question });
    expect(two.statements).toHaveLength(2);
  });
});

describe('answer rules', () => {
  it('a sentence that points back is quoted with the sentence before it', async () => {
    const answer = await answererWith({
      similarities: { 'Dies umfasst': 0.99 },
      profile: { maxStatements: 1 },
    }).answer({ question: 'Gehört die Beleuchtung der Hafeneinfahrten dazu?' });
    expect(quoted(answer)[0]).toMatch(/^Die Wartung der Leuchttürme obliegt den Ländern\. Dies umfasst/);
  });

  it('abstains, saying why, when the question asks for a number no chosen sentence gives', async () => {
    const answer = await answererWith().answer({ question: 'Wie viele Leuchttürme werden gewartet?' });
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('Eine Zahl nennen die Beschlüsse dazu nicht.');
  });

  it('adds a close runner-up of the same item that gives the asked date', async () => {
    const answer = await answererWith({
      similarities: { 'Die IMK nimmt den Bericht über die Leucht': 0.99 },
      profile: { maxStatements: 1 },
    }).answer({ question: 'Bis wann kommt der Bericht zu den Leuchttürmen?' });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('Herbstsitzung 2031');
  });

  it('abstains when the fitted model gives a probability below its threshold', async () => {
    const never: AbstentionModel = { ...ALWAYS_ANSWER, threshold: 0.9 };
    const answer = await answererWith({ abstention: never }).answer({
      question: 'Was gilt für die Leuchttürme?',
    });
    expect(answer.abstained).toBe(true);
    const evidence = await answererWith({ abstention: never }).evidence({
      question: 'Was gilt für die Leuchttürme?',
    });
    expect(evidence).toMatchObject({ probability: 0.5, threshold: 0.9, decidedBy: 'model' });
  });
});

describe('evidence features', () => {
  const featuresOf = async (question: string, setup: Setup = {}) =>
    (await answererWith(setup).evidence({ question })).features;

  it('similarity and its margin come from the candidate sentences', async () => {
    const features = await featuresOf('Leuchttürme', { similarities: { 'Die Wartung': 0.95 } });
    expect(features.similarity).toBeCloseTo(0.95, 5);
    expect(features.similarityMargin).toBeCloseTo(0.15, 5);
  });

  it('english, unknownShare and focusCovered read the question', async () => {
    expect((await featuresOf('Who maintains the lighthouses?')).english).toBe(1);
    expect((await featuresOf('Wartung der Leuchttürme')).unknownShare).toBe(0);
    expect((await featuresOf('Was gilt für Windräder?')).unknownShare).toBeGreaterThan(0.5);
    expect((await featuresOf('Welche Wartung ist vorgesehen?')).focusCovered).toBe(1);
    expect((await featuresOf('Welche Gebühren fallen an?')).focusCovered).toBe(0);
    expect((await featuresOf('Was gilt für die Leuchttürme?')).focusCovered).toBe(0.5);
  });
});
