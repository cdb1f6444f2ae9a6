// Sweeps how the hybrid retriever fuses its lexical and vector rankings, on the eval DEV split only (never held-out),
// per embedder: prints hit@1, hit@5, recall@5 and MRR per question type for lexical-only, vector-only and every
// fusion setting, and which settings are at least as good as both single lists on every type. Run once when the
// model, the analysis or the corpus changes much; put the choice into DEFAULT_FUSION (src/retrieve/hybrid.ts).
//   node --import tsx scripts/tune-fusion.ts [--embedders transformers,offline]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGermanAnalyzer } from '../src/analysis/index.ts';
import { analyseQuestion } from '../src/answer/question.ts';
import { openSearchState } from '../src/assistant/search-state.ts';
import { createEmbedder } from '../src/embed/create.ts';
import { createOfflineEmbedder } from '../src/embed/offline.ts';
import type { Embedder } from '../src/embed/types.ts';
import { resolveDefaultMeeting } from '../src/eval/default-meeting.ts';
import { hitAt, recallAt, reciprocalRank } from '../src/eval/metrics.ts';
import { buildEvalPipeline } from '../src/eval/pipeline.ts';
import { goldUnitIds, readQaSet } from '../src/eval/qa-set.ts';
import { createLogger } from '../src/logger.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../src/paths.ts';
import type { FusionSettings } from '../src/retrieve/fusion.ts';
import type { RetrievalMode } from '../src/retrieve/types.ts';

const { values } = parseArgs({ options: { embedders: { type: 'string', default: 'transformers,offline' } } });
const devFile = path.join(EVAL_DIR, 'dev.jsonl');
const entries = (await readQaSet(devFile)).filter((entry) => entry.answerable);
const analyzer = await createGermanAnalyzer();
const logger = createLogger({ level: 'warn', pretty: true });

const grid: Array<{ name: string; fusion: FusionSettings }> = [];
for (const k of [10, 30, 60]) {
  for (const vector of [0.5, 1, 1.5, 2, 3]) {
    grid.push({
      name: `rrf k${k} v${vector}`,
      fusion: { method: 'rrf', k, weights: { lexical: 1, vector } },
    });
  }
}
for (const vector of [0.3, 0.5, 0.6, 0.7, 0.8]) {
  grid.push({
    name: `relative v${vector}`,
    fusion: { method: 'relative-score', weights: { lexical: 1 - vector, vector } },
  });
}

type Metrics = { hit1: number; hit5: number; recall5: number; mrr: number };
const METRICS: Array<keyof Metrics> = ['hit1', 'hit5', 'recall5', 'mrr'];

for (const kind of (values.embedders ?? '').split(',').filter(Boolean)) {
  const embedder: Embedder =
    kind === 'offline'
      ? await createOfflineEmbedder({ analyzer })
      : (await createEmbedder({ kind: kind as 'transformers', logger })).embedder;
  const pipeline = await buildEvalPipeline({ corpusDir: DEFAULT_CORPUS_DIR, embedder, analyzer });
  const defaultMeeting = resolveDefaultMeeting(entries, {
    meetings: pipeline.state.catalog.meetings.map((meeting) => meeting.id),
    knownUnitIds: new Set(pipeline.state.catalog.units.map((unit) => unit.id)),
    file: devFile,
  });
  const measure = async (fusion: FusionSettings | undefined, mode: RetrievalMode) => {
    const state = fusion
      ? await openSearchState(pipeline.state.index, { analyzer, embedder, fusion })
      : pipeline.state;
    const byType = new Map<string, Metrics[]>();
    for (const entry of entries) {
      const { retrievalQuery } = analyseQuestion(entry.question, entry.history ?? []);
      const ranked = (await state.retriever.rank(retrievalQuery, { k: 5, mode })).map((item) => item.unit.id);
      const gold = goldUnitIds(entry, defaultMeeting);
      const metrics = {
        hit1: hitAt(ranked, gold, 1) ?? 0,
        hit5: hitAt(ranked, gold, 5) ?? 0,
        recall5: recallAt(ranked, gold, 5) ?? 0,
        mrr: reciprocalRank(ranked, gold) ?? 0,
      };
      for (const type of [entry.type, 'overall']) byType.set(type, [...(byType.get(type) ?? []), metrics]);
    }
    const mean = new Map<string, Metrics>();
    for (const [type, list] of byType) {
      mean.set(
        type,
        Object.fromEntries(
          METRICS.map((metric) => [metric, list.reduce((sum, item) => sum + item[metric], 0) / list.length]),
        ) as Metrics,
      );
    }
    return mean;
  };
  const lexical = await measure(undefined, 'lexical');
  const vector = await measure(undefined, 'vector');
  const types = [...lexical.keys()].sort((a, b) =>
    a === 'overall' ? 1 : b === 'overall' ? -1 : a < b ? -1 : 1,
  );
  const format = (value: number | undefined) => (value ?? 0).toFixed(3);
  const print = (name: string, result: Map<string, Metrics>, note = '') => {
    const cells = types.map((type) => `${format(result.get(type)?.hit5)}/${format(result.get(type)?.mrr)}`);
    process.stdout.write(`${name.padEnd(22)} ${cells.map((cell) => cell.padStart(12)).join(' ')} ${note}\n`);
  };
  process.stdout.write(`\n${pipeline.embedder} — dev, answerable questions; cells: hit@5/MRR\n`);
  process.stdout.write(`${''.padEnd(22)} ${types.map((type) => type.slice(0, 12).padStart(12)).join(' ')}\n`);
  print('lexical only', lexical);
  print('vector only', vector);
  for (const { name, fusion } of grid) {
    const result = await measure(fusion, 'hybrid');
    // At least as good as each single list on every type, by hit@5 and by MRR.
    const dominated = types.filter((type) =>
      (['hit5', 'mrr'] as const).some(
        (metric) =>
          (result.get(type)?.[metric] ?? 0) + 1e-9 <
          Math.max(lexical.get(type)?.[metric] ?? 0, vector.get(type)?.[metric] ?? 0),
      ),
    );
    print(
      name,
      result,
      dominated.length === 0 ? '✓ never below a single list' : `below on ${dominated.join(', ')}`,
    );
  }
  await pipeline.dispose();
}
