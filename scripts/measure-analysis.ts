// Prints load time of the German analyzer, offline embedding throughput and lexical query latency on a corpus file.
//
// Usage: npx tsx scripts/measure-analysis.ts [--file data/corpus/imk-2020-12-10.txt] [--rounds 5]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildLexicon, createAnalyzer, createGermanAnalyzer } from '../src/analysis/index.ts';
import { readCollectionFile } from '../src/corpus/index.ts';
import { createOfflineEmbedder } from '../src/embed/offline.ts';
import { embedAll } from '../src/embed/types.ts';
import { createLexicalIndex } from '../src/index/lexical/index.ts';
import { unitsOf } from '../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../src/paths.ts';

const QUERIES = [
  'Nationales Waffenregister',
  'Böller an Silvester',
  'Corona-Impfung für Polizei und Feuerwehr',
  'Was beschließt die IMK zu Rechtsextremisten in Sicherheitsbehörden?',
  'AK II',
  'Protokollnotiz Sachsen',
  'weapons register',
  'What did the ministers decide about fireworks?',
  'Rauschgiftkriminalität',
  'Finanzströme',
];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt') },
      rounds: { type: 'string', default: '5' },
    },
  });
  const rounds = Number.parseInt(values.rounds as string, 10);
  let start = performance.now();
  const bundled = await createGermanAnalyzer();
  const loadMs = performance.now() - start;

  const units = unitsOf((await readCollectionFile(values.file as string)).meeting);
  start = performance.now();
  // As an index build does: the corpus' acronyms join the lexicon before the units are analysed.
  const analyzer = createAnalyzer(
    buildLexicon(
      bundled.lexicon,
      units.flatMap((unit) => [unit.title, unit.text]),
    ),
  );
  const index = createLexicalIndex({ analyzer, units });
  const indexMs = performance.now() - start;

  const embedder = await createOfflineEmbedder({ analyzer });
  const texts = units.map((unit) => `${unit.title}\n${unit.text}`);
  await embedAll(embedder, texts, 'passage');
  start = performance.now();
  for (let round = 0; round < rounds; round += 1) await embedAll(embedder, texts, 'passage');
  const embedSeconds = (performance.now() - start) / 1000;

  const coldStart = performance.now();
  index.search(QUERIES[0] as string, { k: 10 });
  const coldMs = performance.now() - coldStart;
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERIES) {
      const queryStart = performance.now();
      index.search(query, { k: 10 });
      latencies.push(performance.now() - queryStart);
    }
  }
  const lines = [
    `units: ${units.length}`,
    `analyzer load: ${loadMs.toFixed(0)} ms`,
    `lexical index build: ${indexMs.toFixed(0)} ms`,
    `offline embedding: ${((units.length * rounds) / embedSeconds).toFixed(0)} units/s`,
    `lexical query: first ${coldMs.toFixed(1)} ms, p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms (${latencies.length} queries, caches warm after round 1)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
