// The tables of section "backends": the embedded index and PostgreSQL side by side, per corpus size.
import type { BackendResult } from './sections/backends.ts';
import { type Cell, formatBytes, formatNumber, type Table } from './table.ts';

const whole = (value: number) => formatNumber(value, 0);
const corpusOf = (size: number) => (size === 0 ? 'bundled' : `synthetic ${size}`);

export function backendsTables(results: readonly BackendResult[], databaseUrl: string | undefined): Table[] {
  if (results.length === 0) return [];
  const rows: Cell[][] = results.flatMap((result) =>
    result.runs.map((run) => [
      result.backend,
      corpusOf(result.size),
      result.units,
      formatNumber(result.build.buildMilliseconds / 1000, 1),
      formatNumber(result.loadMilliseconds / 1000, 2),
      run.endpoint,
      run.load.connections,
      formatNumber(run.load.requestsPerSecond, 0),
      whole(run.load.latencyMs.p50),
      whole(run.load.latencyMs.p99),
      run.load.errors + run.load.non2xx,
      formatBytes(run.memoryAfter.memory.rss),
      formatBytes(run.memoryAfter.processPeakRssBytes),
    ]),
  );
  return [
    {
      title:
        'Backends: the embedded index (files) and PostgreSQL (pgvector + BM25 in SQL), offline embedder, one server',
      columns: [
        'backend',
        'corpus',
        'units',
        'build s',
        'load s',
        'endpoint',
        'conns',
        'req/s',
        'p50 ms',
        'p99 ms',
        'failed',
        'server rss',
        'peak rss',
      ],
      rows,
      notes: [
        'build: the index build into the store in a process of its own (analysis, chunks, offline embedding, HNSW or',
        '  pgvector rows and index, BM25 postings); load: reading the built version and opening it in the server',
        'load runs: autocannon with distinct generated queries; server rss: the Node.js server after the run (the',
        "  PostgreSQL server's own memory is not in it)",
        databaseUrl
          ? 'PostgreSQL: 16.2 with pgvector 0.6.2 (pgserver) on this machine, a fresh database per run'
          : 'PostgreSQL skipped: no --database-url (eval "$(scripts/postgres.sh start)", then --database-url "$TEST_DATABASE_URL")',
      ],
    },
  ];
}
