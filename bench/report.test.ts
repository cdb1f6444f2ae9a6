import { describe, expect, it } from 'vitest';
import { rowsPerEmbedder, servedRss, targetsTable } from './report.ts';
import type { ServedResult } from './sections/served.ts';
import { renderTable } from './table.ts';

describe('rowsPerEmbedder', () => {
  it("leads every row with its embedder's label, one group per embedder in the order measured", () => {
    const rows = rowsPerEmbedder(
      [
        { kind: 'transformers' as const, runs: [1, 2] },
        { kind: 'offline' as const, runs: [3] },
      ],
      (result) => result.runs.map((run) => [`run ${run}`, run * 10]),
    );
    expect(rows).toEqual([
      ['model', 'run 1', 10],
      ['model', 'run 2', 20],
      ['offline', 'run 3', 30],
    ]);
  });
});

describe('targetsTable', () => {
  it('prints one row per check with its verdict, and nothing without checks', () => {
    const [table] = targetsTable([
      { target: 'cold build ≤ 3000 ms', embedder: 'model', measured: '3500 ms', met: false },
      { target: 'cold build ≤ 3000 ms', embedder: 'offline', measured: '600 ms', met: true },
    ]);
    expect(
      renderTable(table as NonNullable<typeof table>)
        .split('\n')
        .slice(3, 5),
    ).toEqual([
      'cold build ≤ 3000 ms  model      3500 ms  NOT MET',
      'cold build ≤ 3000 ms  offline     600 ms  met',
    ]);
    expect(targetsTable([])).toEqual([]);
  });
});

describe('servedRss', () => {
  const reading = (rss: number) => ({
    memory: { rss, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 },
    gcRan: false,
    processPeakRssBytes: rss,
  });
  it('is the highest RSS read after any load run, and undefined without load runs', () => {
    const base = { kind: 'offline', baseline: reading(1) } as unknown as ServedResult;
    expect(servedRss(base)).toBeUndefined();
    const loaded = {
      ...base,
      load: {
        connections: 50,
        afterGc: reading(5),
        runs: [300, 700, 500].map((rss) => ({ memoryAfter: reading(rss) })),
      },
    } as unknown as ServedResult;
    expect(servedRss(loaded)).toBe(700);
  });
});
