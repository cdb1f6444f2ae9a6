// The evaluation gate of CI (npm run eval:gate): the held-out set with the embedder eval/thresholds.json names (the
// bundled model), in process on the bundled corpus; exits 1 naming every threshold that fails.
import path from 'node:path';
import { createGermanAnalyzer } from '../src/analysis/index.ts';
import { createGateEmbedder, formatGate, runGate } from '../src/eval/gate.ts';
import { createLogger } from '../src/logger.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../src/paths.ts';

const analyzer = await createGermanAnalyzer();
const logger = createLogger({ level: 'warn', pretty: true });
try {
  const result = await runGate({
    thresholdsFile: path.join(EVAL_DIR, 'thresholds.json'),
    heldOutFile: path.join(EVAL_DIR, 'heldout.jsonl'),
    corpusDir: DEFAULT_CORPUS_DIR,
    analyzer,
    createEmbedder: createGateEmbedder({ analyzer, logger }),
    onProgress: (message) => process.stderr.write(`eval gate: ${message}\n`),
  });
  process.stdout.write(formatGate(result));
  if (result.failures.length > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`eval gate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
