// The soak section's tables and target checks: requests, RSS at start, end and peak, its slope, and a reading a minute.
import { embedderLabel } from './bench-embedder.ts';
import type { SoakResult } from './sections/soak.ts';
import { PLATEAU_BYTES_PER_MINUTE } from './soak.ts';
import { type Cell, formatBytes, formatNumber, type Table } from './table.ts';
import { atMost, describeCheck, TARGETS, type TargetCheck } from './targets.ts';

const perMinute = (bytes: number) => `${formatNumber(bytes / 1024 ** 2, 2)} MiB/min`;

export function soakChecks(results: readonly SoakResult[]): TargetCheck[] {
  return results.flatMap((result) => [
    {
      target: `soak: RSS grows ≤ ${perMinute(PLATEAU_BYTES_PER_MINUTE)} in its last half (plateau)`,
      embedder: embedderLabel(result.kind),
      measured: perMinute(result.summary.lastHalfSlopePerMinute),
      met: result.summary.plateau,
    },
    {
      target: `soak: server RSS at its end ≤ ${formatBytes(TARGETS.servedRssBytes)}`,
      embedder: embedderLabel(result.kind),
      measured: formatBytes(result.summary.endRss),
      met: atMost(result.summary.endRss, TARGETS.servedRssBytes),
    },
  ]);
}

/** The readings closest to each whole minute (and the last), so a 10-minute soak prints about 11 rows. */
function minuteReadings(result: SoakResult): SoakResult['samples'] {
  const picked = new Map<number, SoakResult['samples'][number]>();
  for (const sample of result.samples) {
    const minute = Math.round(sample.seconds / 60);
    const current = picked.get(minute);
    if (!current || Math.abs(sample.seconds - minute * 60) < Math.abs(current.seconds - minute * 60)) {
      picked.set(minute, sample);
    }
  }
  const last = result.samples[result.samples.length - 1];
  const rows = [...picked.values()];
  if (last && !rows.includes(last)) rows.push(last);
  return rows.sort((a, b) => a.seconds - b.seconds);
}

export function soakTables(results: readonly SoakResult[]): Table[] {
  if (results.length === 0) return [];
  const first = results[0] as SoakResult;
  return [
    {
      title: `Soak: ${first.durationSeconds} s of unique questions (POST /api/ask) at ${first.connections} connections, server RSS read every few seconds`,
      columns: [
        'embedder',
        'requests',
        'req/s',
        'errors',
        'non-2xx',
        'rss start',
        'rss end',
        'rss peak',
        'slope all',
        'slope last half',
        'after GC',
      ],
      rows: results.map((result): Cell[] => [
        embedderLabel(result.kind),
        result.requests,
        formatNumber(result.requestsPerSecond, 0),
        result.errors,
        result.non2xx,
        formatBytes(result.summary.startRss),
        formatBytes(result.summary.endRss),
        formatBytes(result.summary.maxRss),
        perMinute(result.summary.slopePerMinute),
        perMinute(result.summary.lastHalfSlopePerMinute),
        formatBytes(result.afterGc.memory.rss),
      ]),
      notes: [
        'every question is new (a generated question with one noun of OpenThesaurus after another): caches that grow per word or question show as a slope',
        ...soakChecks(results).map(describeCheck),
      ],
    },
    {
      title: 'Soak: server memory about once a minute',
      columns: ['embedder', 'second', 'rss', 'heapUsed'],
      rows: results.flatMap((result) =>
        minuteReadings(result).map((sample): Cell[] => [
          embedderLabel(result.kind),
          Math.round(sample.seconds),
          formatBytes(sample.rss),
          formatBytes(sample.heapUsed),
        ]),
      ),
    },
  ];
}
