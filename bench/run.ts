// The benchmark (`npm run bench -- [options]`): runs the chosen sections, progress on stderr, tables (or --json) on
// stdout. It prints numbers and never fails on time; it exits non-zero only when a section cannot run at all.
import os from 'node:os';
import { BeschlussError } from '../src/errors.ts';
import { type BenchOptions, parseBenchOptions, USAGE } from './options.ts';
import { logProgress } from './progress.ts';
import {
  askTables,
  buildTables,
  loadTables,
  realQueryTables,
  runsDescription,
  syntheticTables,
} from './report.ts';
import type { BenchResults } from './results.ts';
import { runAskSection } from './sections/ask.ts';
import { runBuildSection } from './sections/build.ts';
import { runLoadSection } from './sections/load.ts';
import { runSyntheticSection } from './sections/synthetic.ts';
import { renderTable, type Table } from './table.ts';
import { inFreshWorker } from './worker-client.ts';

export async function runBench(
  options: BenchOptions,
  print: (tables: Table[]) => void,
): Promise<BenchResults> {
  const cpus = os.cpus();
  const results: BenchResults = {
    options,
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      totalMemoryBytes: os.totalmem(),
    },
    startedAt: new Date().toISOString(),
  };
  const started = performance.now();
  const { runs, warmup, seed } = options;
  const budgetMs = options.budgetSeconds * 1000;
  const described = runsDescription(options);
  for (const section of options.sections) {
    const sectionStarted = performance.now();
    logProgress(section, 'starting');
    if (section === 'build') {
      results.build = await runBuildSection();
      print(buildTables(results.build));
    } else if (section === 'query') {
      results.query = await inFreshWorker('real-query', { runs, warmup, budgetMs, seed });
      print(realQueryTables(results.query, described));
    } else if (section === 'synthetic') {
      results.synthetic = await runSyntheticSection({
        sizes: options.sizes,
        seed,
        hnsw: options.hnsw,
        runs,
        warmup,
        budgetMs,
      });
      print(syntheticTables(results.synthetic, described));
    } else if (section === 'ask') {
      results.ask = await runAskSection({
        runs,
        warmup,
        budgetMs,
        seed,
        durationSeconds: options.askDurationSeconds,
        connections: options.askConnections,
      });
      print(askTables(results.ask, described));
    } else {
      results.load = await runLoadSection({
        seed,
        durationSeconds: options.loadDurationSeconds,
        connections: options.loadConnections,
      });
      print(loadTables(results.load));
    }
    logProgress(section, `done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  }
  results.totalSeconds = (performance.now() - started) / 1000;
  return results;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseBenchOptions>;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${BeschlussError.is(error) ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { help: _help, ...benchOptions } = options;
  const print = (tables: Table[]) => {
    if (!benchOptions.json) for (const table of tables) process.stdout.write(`\n${renderTable(table)}`);
  };
  if (!benchOptions.json) {
    const cpus = os.cpus();
    process.stdout.write(
      `Beschluss-Assistent benchmark — node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, sections ${benchOptions.sections.join(', ')}\n`,
    );
  }
  const results = await runBench(benchOptions, print);
  if (benchOptions.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(`\nTotal benchmark time: ${(results.totalSeconds ?? 0).toFixed(1)} s\n`);
}

await main();
