import { describe, expect, it } from 'vitest';
import { buildReport, type QuestionResult } from './aggregate.ts';
import type { BaselineResult } from './baselines.ts';
import type { QuestionScores } from './metrics.ts';
import {
  briefly,
  configurationName,
  renderBaselineTable,
  renderBaselineTypeTable,
} from './render-baselines.ts';

const scores = (hit: number): QuestionScores => ({
  hitAt1: hit,
  hitAtK: hit,
  recallAtK: hit,
  mrr: hit,
  contextPrecisionAtK: 0.2,
  contextRecallAtK: hit,
  citationPrecision: 1,
  goldCitationPrecision: hit,
  statementCoverage: 1,
  mustMentionCoverage: 0.5,
  abstention: 'answered',
});

const report = (lookupHit: number, paraphraseHit: number) =>
  buildReport(
    [
      { id: 'q001', type: 'lookup', scores: scores(lookupHit), latencyMs: 3 },
      { id: 'q002', type: 'paraphrase', scores: scores(paraphraseHit), latencyMs: 5 },
    ] satisfies QuestionResult[],
    { typeOrder: ['lookup', 'paraphrase'] },
  );

const results: BaselineResult[] = [
  { mode: 'lexical', embedder: null, report: report(1, 0) },
  { mode: 'vector', embedder: 'offline:hash:512', report: report(0, 1) },
  { mode: 'hybrid', embedder: 'offline:hash:512', report: report(1, 1) },
];

describe('configurationName', () => {
  it('names lexical retrieval alone and the others with their embedder', () => {
    expect(results.map(configurationName)).toEqual([
      'lexical only',
      'vector · offline:hash:512',
      'hybrid · offline:hash:512',
    ]);
  });
});

describe('briefly', () => {
  it('keeps a reason up to its first full stop or colon', () => {
    expect(briefly('Model "x" is not available locally: looked in ./models. Fix: put it there.')).toBe(
      'Model "x" is not available locally',
    );
    expect(briefly('EMBEDDING_BASE_URL is not set')).toBe('EMBEDDING_BASE_URL is not set');
    expect(briefly('y'.repeat(300))).toHaveLength(200);
  });
});

describe('renderBaselineTable', () => {
  const rows = renderBaselineTable(results, [{ provider: 'transformers', reason: 'no model in ./models' }])
    .trimEnd()
    .split('\n');

  it('writes one overall row per configuration under a header', () => {
    expect(rows[0]).toBe(
      '| configuration | hit@1 | hit@5 | recall@5 | MRR | gold citations | must-mention | correct abstain | false abstain | p50 ms |',
    );
    expect(rows[2]).toBe('| lexical only | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | 0.500 | – | 0.000 | 3 |');
    expect(rows[4]?.startsWith('| hybrid · offline:hash:512 | 1.000 |')).toBe(true);
  });

  it('lists the embedders that could not be used, with the reason', () => {
    expect(rows.at(-1)).toBe('- not available: transformers (no model in ./models)');
  });
});

describe('renderBaselineTypeTable', () => {
  it('writes hit@k per question type for each configuration, every row as wide as the header', () => {
    const rows = renderBaselineTypeTable(results).trimEnd().split('\n');
    expect(rows[0]).toBe('| hit@5 | lookup | paraphrase |');
    expect(rows[3]).toBe('| vector · offline:hash:512 | 0.000 | 1.000 |');
    expect(new Set(rows.map((row) => row.split('|').length)).size).toBe(1);
  });
});
