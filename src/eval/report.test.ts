import { describe, expect, it } from 'vitest';
import { buildReport, NEAR_MISS_SLICE, type QuestionResult } from './aggregate.ts';
import type { QuestionScores } from './metrics.ts';
import { renderJson, renderMarkdown } from './report.ts';
import { ABSTAINED_SCORES } from './testing/scores.ts';

const answered: QuestionScores = {
  hitAt1: 1,
  hitAtK: 1,
  recallAtK: 0.5,
  mrr: 1,
  contextPrecisionAtK: 0.2,
  contextRecallAtK: 0.5,
  citationPrecision: 1,
  goldCitationPrecision: 0.5,
  citationValidity: 1,
  goldCited: 1,
  statementCoverage: 1,
  mustMentionCoverage: 2 / 3,
  abstention: 'answered',
};

const abstained: QuestionScores = ABSTAINED_SCORES;

const results: QuestionResult[] = [
  { id: 'q001', type: 'lookup', scores: answered, latencyMs: 41.6 },
  { id: 'q002', type: 'unanswerable', scores: abstained, latencyMs: 12, nearMiss: true },
];

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(
    buildReport(results, { k: 5, typeOrder: ['lookup', 'unanswerable'], slices: [NEAR_MISS_SLICE] }),
  );
  const rows = markdown.trimEnd().split('\n');

  it('writes a header with the metric columns named after k, a separator, a row per type and slice, and overall', () => {
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe(
      '| type | n | hit@1 | hit@5 | recall@5 | MRR | ctx precision@5 | ctx recall@5 | citation precision | citation validity | gold citations | gold cited | statement coverage | must-mention | answered | correct abstain | false abstain | missed abstain | p50 ms | p95 ms |',
    );
    expect(rows[1]?.startsWith('| --- | ---: | ---: |')).toBe(true);
    expect(rows[4]?.startsWith('| unanswerable/near-miss | 1 |')).toBe(true);
    expect(rows[5]?.startsWith('| **overall** | 2 |')).toBe(true);
  });

  it('prints ratios with three decimals, latency in whole milliseconds and a dash where a value is undefined', () => {
    expect(rows[2]).toBe(
      '| lookup | 1 | 1.000 | 1.000 | 0.500 | 1.000 | 0.200 | 0.500 | 1.000 | 1.000 | 0.500 | 1.000 | 1.000 | 0.667 | 1.000 | – | 0.000 | – | 42 | 42 |',
    );
    expect(rows[3]).toBe(
      '| unanswerable | 1 | – | – | – | – | – | – | – | – | – | – | – | – | – | 1.000 | – | 0.000 | 12 | 12 |',
    );
  });

  it('keeps every row as wide as the header', () => {
    const cells = (row: string) => row.split('|').length;
    expect(new Set(rows.map(cells)).size).toBe(1);
  });
});

describe('renderJson', () => {
  it('writes the whole report, with null for undefined values, as JSON ending in a newline', () => {
    const report = buildReport(results, { k: 5 });
    const json = renderJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json);
    expect(parsed).toEqual(report);
    expect(parsed.byType[1].row.metrics.hitAt1).toBeNull();
    expect(parsed.questions[0].id).toBe('q001');
  });
});
