// The benchmark's one options object: parsed from CLI flags, with BENCH_* environment variables as fallback (zod).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BeschlussError } from '../src/errors.ts';
import type { HnswSettings } from '../src/index/vector/index.ts';
import { BENCH_EMBEDDERS, type BenchEmbedder } from './bench-embedder.ts';

export const SECTIONS = ['build', 'query', 'synthetic', 'http', 'load', 'soak', 'backends'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Sections to run, in this order (default all). */
  sections: Section[];
  /** Embedders every section runs with, in this order (default the model, then the offline embedder). */
  embedders: BenchEmbedder[];
  /** Synthetic corpus sizes in units built with the offline embedder (default 10 000 and 100 000). */
  sizes: number[];
  /** Synthetic corpus sizes built with the model (default 10 000: its 100k build is projected, not run). */
  modelSizes: number[];
  /** The size an embedder's largest synthetic build is projected to when it was not built (default 100 000). */
  projectTo: number;
  /** Measured runs per query mode (default 300). */
  runs: number;
  /** Unmeasured runs before each measurement (default 30). */
  warmup: number;
  /** A measurement stops early once its recorded runs took this long (default 10 s; at least 20 runs). */
  budgetSeconds: number;
  /**
   * HNSW settings for the synthetic corpora (default M 16, efConstruction 100, efSearch 200: the default M 32 /
   * efConstruction 200 builds 100k vectors about half as fast). The real corpus always uses DEFAULT_HNSW_SETTINGS.
   */
  hnsw: HnswSettings;
  /** Load runs with distinct queries on /api/search and /api/ask (default 30 s each at 50 connections). */
  loadDurationSeconds: number;
  loadConnections: number;
  /** Load runs that repeat a few cached queries (default 10 s each). */
  cachedDurationSeconds: number;
  /** Synthetic sizes of section "backends", beside the bundled corpus (default 100 000). */
  backendSizes: number[];
  /** PostgreSQL (with pgvector) for section "backends"; without it only the embedded backend runs. */
  databaseUrl: string | undefined;
  /** The soak: unique questions for this long (default 600 s) at this many connections (default 10). */
  soakDurationSeconds: number;
  soakConnections: number;
  /** Seconds between the soak's readings of the server's memory (default 10). */
  soakIntervalSeconds: number;
  /** Seed of the synthetic corpora and the query sets (default 1). */
  seed: number;
  /** Machine-readable results on stdout instead of tables. */
  json: boolean;
}

const FLAGS = {
  sections: { type: 'string' },
  embedders: { type: 'string' },
  sizes: { type: 'string' },
  'model-sizes': { type: 'string' },
  'project-to': { type: 'string' },
  runs: { type: 'string' },
  warmup: { type: 'string' },
  budget: { type: 'string' },
  'hnsw-m': { type: 'string' },
  'hnsw-ef-construction': { type: 'string' },
  'hnsw-ef-search': { type: 'string' },
  'load-duration': { type: 'string' },
  'load-connections': { type: 'string' },
  'cached-duration': { type: 'string' },
  'backend-sizes': { type: 'string' },
  'database-url': { type: 'string' },
  'soak-duration': { type: 'string' },
  'soak-connections': { type: 'string' },
  'soak-interval': { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export const USAGE = `Usage: npm run bench -- [options]   (flags, or the BENCH_* variable in brackets)
  --sections LIST           ${SECTIONS.join(',')} (default all) [BENCH_SECTIONS]
  --embedders LIST          ${BENCH_EMBEDDERS.join(',')} (default both: the model, then offline) [BENCH_EMBEDDERS]
  --sizes LIST              synthetic sizes built with the offline embedder (default 10000,100000) [BENCH_SIZES]
  --model-sizes LIST        synthetic sizes built with the model (default 10000) [BENCH_MODEL_SIZES]
  --project-to N            project smaller synthetic builds to N units (default 100000) [BENCH_PROJECT_TO]
  --runs N                  measured runs per query mode (default 300) [BENCH_RUNS]
  --warmup N                unmeasured runs first (default 30) [BENCH_WARMUP]
  --budget S                a measurement stops early after S seconds of runs (default 10) [BENCH_BUDGET]
  --hnsw-m N                synthetic corpora only (default 16) [BENCH_HNSW_M]
  --hnsw-ef-construction N  synthetic corpora only (default 100) [BENCH_HNSW_EF_CONSTRUCTION]
  --hnsw-ef-search N        synthetic corpora only (default 200) [BENCH_HNSW_EF_SEARCH]
  --load-duration S         each load run with distinct queries (default 30) [BENCH_LOAD_DURATION]
  --load-connections N      (default 50) [BENCH_LOAD_CONNECTIONS]
  --cached-duration S       each load run repeating cached queries (default 10) [BENCH_CACHED_DURATION]
  --backend-sizes LIST      synthetic sizes of section backends (default 100000) [BENCH_BACKEND_SIZES]
  --database-url URL        PostgreSQL with pgvector for section backends [BENCH_DATABASE_URL]
  --soak-duration S         the soak: unique questions for S seconds (default 600; try 60) [BENCH_SOAK_DURATION]
  --soak-connections N      (default 10) [BENCH_SOAK_CONNECTIONS]
  --soak-interval S         seconds between the soak's memory readings (default 10) [BENCH_SOAK_INTERVAL]
  --seed N                  synthetic corpora and query sets (default 1) [BENCH_SEED]
  --json                    JSON on stdout instead of tables [BENCH_JSON=1]
`;

const count = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const splitList = (value: string) =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const sizeList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform(splitList)
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d+$/, 'expected whole numbers')
            .transform(Number)
            .pipe(z.number().int().min(1).max(2_000_000)),
        )
        .min(1),
    );

const schema = z.object({
  sections: z
    .string()
    .default(SECTIONS.join(','))
    .transform(splitList)
    .pipe(z.array(z.enum(SECTIONS)).min(1)),
  embedders: z
    .string()
    .default(BENCH_EMBEDDERS.join(','))
    .transform(splitList)
    .pipe(z.array(z.enum(BENCH_EMBEDDERS)).min(1)),
  sizes: sizeList('10000,100000'),
  'model-sizes': sizeList('10000'),
  'project-to': count(100_000, 1, 2_000_000),
  runs: count(300, 1, 1_000_000),
  warmup: count(30, 0, 1_000_000),
  budget: count(10, 1, 86_400),
  'hnsw-m': count(16, 2, 256),
  'hnsw-ef-construction': count(100, 1, 10_000),
  'hnsw-ef-search': count(200, 1, 10_000),
  'load-duration': count(30, 1, 3600),
  'load-connections': count(50, 1, 1000),
  'cached-duration': count(10, 1, 3600),
  'backend-sizes': sizeList('100000'),
  'database-url': z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'expected a URL such as postgresql://user@127.0.0.1:5432/postgres')
    .optional(),
  'soak-duration': count(600, 10, 86_400),
  'soak-connections': count(10, 1, 1000),
  'soak-interval': count(10, 1, 3600),
  seed: count(1, 0, 2 ** 31),
  json: z.boolean().default(false),
  help: z.boolean().default(false),
});

function environmentName(flag: string): string {
  return `BENCH_${flag.toUpperCase().replaceAll('-', '_')}`;
}

/** Options from argv (without node and script) and the environment; a bad value is an INVALID_REQUEST error. */
export function parseBenchOptions(
  argv: readonly string[],
  environment: Record<string, string | undefined> = process.env,
): BenchOptions & { help: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new BeschlussError('INVALID_REQUEST', `${(error as Error).message}\n${USAGE}`);
  }
  const merged: Record<string, unknown> = {};
  for (const flag of Object.keys(FLAGS)) {
    const fromEnvironment = environment[environmentName(flag)];
    const value = values[flag] ?? fromEnvironment;
    if (value === undefined || value === '') continue;
    merged[flag] =
      FLAGS[flag as keyof typeof FLAGS].type === 'boolean'
        ? value === true || value === '1' || value === 'true'
        : value;
  }
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `--${String(issue.path[0])}: ${issue.message}`)
      .join('; ');
    throw new BeschlussError('INVALID_REQUEST', `Invalid benchmark options: ${problems}\n${USAGE}`);
  }
  const data = parsed.data;
  return {
    sections: SECTIONS.filter((section) => data.sections.includes(section)),
    // As given (deduplicated): the first embedder's tables come first.
    embedders: [...new Set(data.embedders)],
    sizes: data.sizes,
    modelSizes: data['model-sizes'],
    projectTo: data['project-to'],
    runs: data.runs,
    warmup: data.warmup,
    budgetSeconds: data.budget,
    hnsw: {
      m: data['hnsw-m'],
      efConstruction: data['hnsw-ef-construction'],
      efSearch: data['hnsw-ef-search'],
    },
    loadDurationSeconds: data['load-duration'],
    loadConnections: data['load-connections'],
    cachedDurationSeconds: data['cached-duration'],
    backendSizes: data['backend-sizes'],
    databaseUrl: data['database-url'],
    soakDurationSeconds: data['soak-duration'],
    soakConnections: data['soak-connections'],
    soakIntervalSeconds: data['soak-interval'],
    seed: data.seed,
    json: data.json,
    help: data.help,
  };
}
