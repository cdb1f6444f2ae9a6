// The PostgreSQL backend answers as the embedded one: every eval set, run in process over an index built into
// PostgreSQL and over one built into a folder, with the bundled model and with the offline embedder, scores within
// 0.01 on hit@5, answered and correct abstain.
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createEmbedder, createOfflineEmbedder } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { createPostgresIndexStore } from '../index/index.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../paths.ts';
import { describePostgres, useTestDatabase } from '../testing/postgres.ts';
import { readQaSet } from './qa-set.ts';
import { type EvalSet, runInProcessSuite, type SuiteResult } from './suite.ts';

const TOLERANCE = 0.01;

describePostgres('PostgreSQL backend against the embedded index on every eval set', () => {
  const database = useTestDatabase();
  let analyzer: Analyzer;
  let embedders: Embedder[];
  let sets: EvalSet[];
  beforeAll(async () => {
    analyzer = await createGermanAnalyzer();
    const model = await createEmbedder({ kind: 'transformers', logger: { info: () => {}, warn: () => {} } });
    embedders = [model.embedder, await createOfflineEmbedder({ analyzer })];
    sets = [
      { name: 'dev', file: 'eval/dev.jsonl', heldOut: false },
      { name: 'held-out', file: 'eval/heldout.jsonl', heldOut: true },
    ].map((set) => ({ ...set, entries: [] }));
    for (const set of sets) {
      Object.assign(set, { entries: await readQaSet(path.join(EVAL_DIR, path.basename(set.file))) });
    }
  }, 120_000);

  it('scores within 0.01 on hit@5, answered and correct abstain, per set and embedder', async () => {
    const run = (createStore?: () => ReturnType<typeof createPostgresIndexStore>) =>
      runInProcessSuite({
        sets,
        corpusDir: DEFAULT_CORPUS_DIR,
        analyzer,
        embedders,
        ...(createStore ? { createStore } : {}),
      });
    const embedded = await run();
    const postgres = await run(() => createPostgresIndexStore(database()));
    expect(postgres.runs.map(nameOf)).toEqual(embedded.runs.map(nameOf));
    expect(postgres.runs).toHaveLength(4);
    for (const [position, expected] of embedded.runs.entries()) {
      const measured = scoresOf(postgres.runs[position] as SuiteResult['runs'][number]);
      const reference = scoresOf(expected);
      for (const [metric, value] of Object.entries(reference)) {
        const label = `${nameOf(expected)} ${metric}: embedded ${value}, PostgreSQL ${measured[metric]}`;
        expect(Math.abs((measured[metric] ?? Number.NaN) - value), label).toBeLessThanOrEqual(TOLERANCE);
      }
    }
  }, 600_000);
});

const nameOf = (run: SuiteResult['runs'][number]) => `${run.set} · ${run.embedder}`;

function scoresOf(run: SuiteResult['runs'][number]): Record<string, number> {
  const { overall } = run.run.report;
  return {
    'hit@5': overall.metrics.hitAtK ?? Number.NaN,
    answered: overall.abstention.answered ?? Number.NaN,
    'correct abstain': overall.abstention.correctAbstain ?? Number.NaN,
  };
}
