// Splits questions into eval/dev.jsonl (tuned and calibrated on) and eval/heldout.jsonl (reported only), stratified
// by type with a seeded shuffle, appending to both files. Run once per batch of new questions, never to reshuffle:
//
//   npx tsx scripts/split-eval-set.ts --input FILE --seed SEED
//
// The runs so far are listed in eval/README.md ("Dev and held-out").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { countByType, QA_TYPES } from '../src/eval/qa-set.ts';
import { splitIntoFiles } from '../src/eval/split-set.ts';
import { EVAL_DIR } from '../src/paths.ts';

const { values } = parseArgs({ options: { input: { type: 'string' }, seed: { type: 'string' } } });
const flags = z
  .object({
    input: z.string().min(1, 'expected --input FILE (the questions to split)'),
    seed: z.string().trim().min(1, 'expected --seed SEED'),
  })
  .safeParse(values);
if (!flags.success) {
  console.error(`split-eval-set: ${z.prettifyError(flags.error)}`);
  process.exit(2);
}

const split = await splitIntoFiles({
  input: path.resolve(flags.data.input),
  seed: flags.data.seed,
  devFile: path.join(EVAL_DIR, 'dev.jsonl'),
  heldOutFile: path.join(EVAL_DIR, 'heldout.jsonl'),
});
const dev = countByType(split.dev);
const heldOut = countByType(split.heldOut);
for (const type of QA_TYPES) {
  if (dev[type] + heldOut[type] > 0) console.log(`${type}: dev ${dev[type]}, held-out ${heldOut[type]}`);
}
console.log(
  `appended ${split.dev.length} to eval/dev.jsonl and ${split.heldOut.length} to eval/heldout.jsonl`,
);
