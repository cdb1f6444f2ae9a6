// The benchmark (`npm run bench -- [options]`): runs the chosen sections for each embedder (the model and the offline
// one side by side), progress on stderr, tables (or --json) on stdout. It prints numbers and never fails on time; it
// exits non-zero only when a section cannot run at all.
import os from 'node:os';
import { BeschlussError } from '../src/errors.ts';
import { backendsTables } from './backends-report.ts';
import { type BenchOptions, parseBenchOptions, USAGE } from './options.ts';
import { logProgress } from './progress.ts';
import {
  buildChecks,
  buildTables,
  realQueryTables,
  runsDescription,
  servedChecks,
  servedTables,
  syntheticChecks,
  syntheticTables,
  targetsTable,
} from './report.ts';
import type { BenchResults } from './results.ts';
import { runBackendsSection } from './sections/backends.ts';
import { runBuildSection } from './sections/build.ts';
import { runServedSections } from './sections/served.ts';
import { runSoakSection } from './sections/soak.ts';
import { runSyntheticSection } from './sections/synthetic.ts';
import { soakChecks, soakTables } from './soak-report.ts';
import { renderTable, type Table } from './table.ts';
import type { TargetCheck } from './targets.ts';
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
      loadAverageAtStart: os.loadavg()[0] ?? 0,
    },
    startedAt: new Date().toISOString(),
  };
  const started = performance.now();
  const { runs, warmup, seed, embedders } = options;
  const budgetMs = options.budgetSeconds * 1000;
  const described = runsDescription(options);
  const checks: TargetCheck[] = [];
  for (const section of options.sections) {
    // "http" and "load" share one server per embedder: run together when both are chosen.
    if (section === 'load' && options.sections.includes('http')) continue;
    const sectionStarted = performance.now();
    logProgress(section, `starting (${embedders.join(', ')})`);
    if (section === 'build') {
      results.build = await runBuildSection(embedders);
      print(buildTables(results.build));
      checks.push(...buildChecks(results.build));
    } else if (section === 'query') {
      results.query = [];
      for (const embedder of embedders)
        results.query.push(await inFreshWorker('real-query', { embedder, runs, warmup, budgetMs, seed }));
      print(realQueryTables(results.query, described));
    } else if (section === 'backends') {
      results.backends = await runBackendsSection({
        sizes: options.backendSizes,
        databaseUrl: options.databaseUrl,
        seed,
        hnsw: options.hnsw,
        loadDurationSeconds: options.loadDurationSeconds,
        loadConnections: options.loadConnections,
      });
      print(backendsTables(results.backends, options.databaseUrl));
    } else if (section === 'synthetic') {
      results.synthetic = await runSyntheticSection({
        embedders,
        sizes: options.sizes,
        modelSizes: options.modelSizes,
        projectTo: options.projectTo,
        seed,
        hnsw: options.hnsw,
        runs,
        warmup,
        budgetMs,
      });
      print(syntheticTables(results.synthetic, described));
      checks.push(...syntheticChecks(results.synthetic));
    } else if (section === 'soak') {
      results.soak = await runSoakSection({
        embedders,
        durationSeconds: options.soakDurationSeconds,
        connections: options.soakConnections,
        intervalSeconds: options.soakIntervalSeconds,
        seed,
      });
      print(soakTables(results.soak));
      checks.push(...soakChecks(results.soak));
    } else {
      results.served = await runServedSections({
        embedders,
        http: options.sections.includes('http'),
        load: options.sections.includes('load'),
        seed,
        runs,
        warmup,
        budgetMs,
        loadDurationSeconds: options.loadDurationSeconds,
        loadConnections: options.loadConnections,
        cachedDurationSeconds: options.cachedDurationSeconds,
      });
      print(servedTables(results.served, described));
      checks.push(...servedChecks(results.served));
    }
    logProgress(
      section,
      `done in ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s (load average ${(os.loadavg()[0] ?? 0).toFixed(2)})`,
    );
  }
  results.totalSeconds = (performance.now() - started) / 1000;
  results.machine.loadAverageAtEnd = os.loadavg()[0] ?? 0;
  results.targets = checks;
  print(targetsTable(checks));
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
      `Beschluss-Assistent benchmark — node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load average ${(os.loadavg()[0] ?? 0).toFixed(2)}, sections ${benchOptions.sections.join(', ')}, embedders ${benchOptions.embedders.join(', ')}\n`,
    );
  }
  const results = await runBench(benchOptions, print);
  if (benchOptions.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    process.stdout.write(
      `\nTotal benchmark time: ${(results.totalSeconds ?? 0).toFixed(1)} s (load average at the end ${(results.machine.loadAverageAtEnd ?? 0).toFixed(2)})\n`,
    );
  }
}

await main();
