// Raises eval/thresholds.json to the values the current pipeline measures — minima only up, maxima only down, never
// the other way (run: npx tsx scripts/raise-thresholds.ts). A metric that got worse is reported, not relaxed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createGermanAnalyzer } from '../src/analysis/index.ts';
import { createOfflineEmbedder } from '../src/embed/offline.ts';
import { readQaSet } from '../src/eval/qa-set.ts';
import { runInProcessSuite } from '../src/eval/suite.ts';
import { proposeThresholds, type Thresholds, ThresholdsSchema } from '../src/eval/thresholds.ts';
import { writeFileAtomic } from '../src/index/atomic-file.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../src/paths.ts';

type Bounds = { min?: Record<string, number>; max?: Record<string, number> };

const file = path.join(EVAL_DIR, 'thresholds.json');
const current = ThresholdsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
const analyzer = await createGermanAnalyzer();
const result = await runInProcessSuite({
  entries: await readQaSet(path.join(EVAL_DIR, 'qa.jsonl')),
  file: 'eval/qa.jsonl',
  corpusDir: DEFAULT_CORPUS_DIR,
  analyzer,
  embedder: await createOfflineEmbedder({ analyzer }),
});
const measured = proposeThresholds(result.run.report, { embedder: current.embedder });
const changes: string[] = [];
const worse: string[] = [];

function merge(scope: string, old: Bounds | undefined, now: Bounds | undefined): Bounds {
  const merged: Bounds = {
    ...(old?.min ? { min: { ...old.min } } : {}),
    ...(old?.max ? { max: { ...old.max } } : {}),
  };
  for (const [metric, value] of Object.entries(now?.min ?? {})) {
    const before = old?.min?.[metric];
    if (before === undefined || value > before) {
      merged.min = { ...merged.min, [metric]: value };
      changes.push(`${scope} ${metric} ≥ ${before ?? '–'} → ${value}`);
    } else if (value < before) worse.push(`${scope} ${metric}: measured ${value}, threshold ${before}`);
  }
  for (const [metric, value] of Object.entries(now?.max ?? {})) {
    const before = old?.max?.[metric];
    if (before !== undefined && value < before) {
      merged.max = { ...merged.max, [metric]: value };
      changes.push(`${scope} ${metric} ≤ ${before} → ${value}`);
    } else if (before !== undefined && value > before)
      worse.push(`${scope} ${metric}: measured ${value}, threshold ${before}`);
  }
  return merged;
}

const next: Thresholds = {
  ...current,
  overall: merge('overall', current.overall, measured.overall),
  byType: Object.fromEntries(
    [...new Set([...Object.keys(current.byType ?? {}), ...Object.keys(measured.byType ?? {})])].map(
      (type) => [
        type,
        merge(
          type,
          (current.byType as Record<string, Bounds> | undefined)?.[type],
          (measured.byType as Record<string, Bounds> | undefined)?.[type],
        ),
      ],
    ),
  ),
};
await writeFileAtomic(file, `${JSON.stringify(ThresholdsSchema.parse(next), null, 2)}\n`);
console.log(changes.length > 0 ? `Raised:\n  ${changes.join('\n  ')}` : 'Nothing to raise.');
if (worse.length > 0) {
  console.log(`Below the gate (not relaxed — fix the change):\n  ${worse.join('\n  ')}`);
  process.exitCode = 1;
}
