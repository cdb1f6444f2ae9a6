// Fits the extractive answerer's answer/abstain models on the eval DEV split (never held-out) and writes them to
// data/answer/abstention.json: one for model embedders (the bundled multilingual-e5-small) and one for the offline
// embedder. Run after changing the answerer's evidence or scoring, then `npm run eval` to see dev and held-out.
//   node --import tsx scripts/fit-abstention.ts
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGermanAnalyzer } from '../src/analysis/index.ts';
import { ABSTENTION_FILE, type AbstentionModel, alwaysAnswering } from '../src/answer/abstention-model.ts';
import { createEmbedder } from '../src/embed/create.ts';
import { createOfflineEmbedder } from '../src/embed/offline.ts';
import { resolveDefaultMeeting } from '../src/eval/default-meeting.ts';
import { collectEvidenceCases, fitAbstentionModel } from '../src/eval/fit-abstention.ts';
import { buildEvalPipeline } from '../src/eval/pipeline.ts';
import { readQaSet } from '../src/eval/qa-set.ts';
import { createLogger } from '../src/logger.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR, PROJECT_ROOT } from '../src/paths.ts';

const devFile = path.join(EVAL_DIR, 'dev.jsonl');
const entries = await readQaSet(devFile);
const analyzer = await createGermanAnalyzer();
const logger = createLogger({ level: 'warn', pretty: true });

const models: AbstentionModel[] = [];
for (const kind of ['model', 'offline'] as const) {
  const embedder =
    kind === 'offline'
      ? await createOfflineEmbedder({ analyzer })
      : (await createEmbedder({ kind: 'transformers', logger })).embedder;
  const pipeline = await buildEvalPipeline({
    corpusDir: DEFAULT_CORPUS_DIR,
    embedder,
    analyzer,
    // While fitting, the answerer must never abstain for weak evidence: features are collected at threshold 0.
    abstention: alwaysAnswering(kind, 'none (fitting)'),
  });
  try {
    const defaultMeeting = resolveDefaultMeeting(entries, {
      meetings: pipeline.state.catalog.meetings.map((meeting) => meeting.id),
      knownUnitIds: new Set(pipeline.state.catalog.units.map((unit) => unit.id)),
      file: devFile,
    });
    const cases = await collectEvidenceCases({
      answerer: pipeline.state.extractive,
      entries,
      defaultMeeting,
    });
    const fittedOn = `${path.relative(PROJECT_ROOT, devFile)} (${entries.length} questions, ${cases.filter((item) => item.gated).length} decided by the model) with ${pipeline.embedder}, scripts/fit-abstention.ts`;
    const model = fitAbstentionModel(cases, kind, fittedOn);
    models.push(model);
    process.stdout.write(
      `${kind}: ${model.features.map((feature, index) => `${feature} ${model.weights[index]?.toFixed(3)}`).join(', ')}; ` +
        `bias ${model.bias.toFixed(3)}; threshold ${model.threshold}\n`,
    );
  } finally {
    await pipeline.dispose();
  }
}
await mkdir(path.dirname(ABSTENTION_FILE), { recursive: true });
const temporary = `${ABSTENTION_FILE}.${process.pid}.tmp`;
await writeFile(temporary, `${JSON.stringify({ models }, null, 2)}\n`);
await rename(temporary, ABSTENTION_FILE);
process.stdout.write(`wrote ${path.relative(PROJECT_ROOT, ABSTENTION_FILE)}\n`);
