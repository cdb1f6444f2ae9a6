import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from './options.ts';

describe('parseBenchOptions', () => {
  it('runs everything with the documented defaults when nothing is given', () => {
    const options = parseBenchOptions([], {});
    expect(options.sections).toEqual(['build', 'query', 'synthetic', 'http', 'load', 'soak', 'backends']);
    expect(options.backendSizes).toEqual([100_000]);
    expect(options.databaseUrl).toBeUndefined();
    expect(options.embedders).toEqual(['transformers', 'offline']);
    expect(options.sizes).toEqual([10_000, 100_000]);
    expect(options.modelSizes).toEqual([10_000]);
    expect(options.projectTo).toBe(100_000);
    expect(options.cachedDurationSeconds).toBe(10);
    expect(options.hnsw).toEqual({ m: 16, efConstruction: 100, efSearch: 200 });
    expect(options.loadDurationSeconds).toBe(30);
    expect(options.loadConnections).toBe(50);
    expect([options.soakDurationSeconds, options.soakConnections, options.soakIntervalSeconds]).toEqual([
      600, 10, 10,
    ]);
    expect(options.json).toBe(false);
  });

  it('takes a shorter soak to try it', () => {
    const options = parseBenchOptions(['--sections', 'soak', '--soak-duration', '60'], {
      BENCH_SOAK_CONNECTIONS: '4',
    });
    expect(options.sections).toEqual(['soak']);
    expect([options.soakDurationSeconds, options.soakConnections]).toEqual([60, 4]);
    expect(() => parseBenchOptions(['--soak-duration', '3'], {})).toThrow(/--soak-duration/);
  });

  it('reads flags, keeps the sections in pipeline order, and prefers flags over the environment', () => {
    const options = parseBenchOptions(
      ['--sections', 'load,build', '--sizes', '500', '--load-duration', '5', '--json'],
      {
        BENCH_LOAD_DURATION: '99',
        BENCH_RUNS: '12',
      },
    );
    expect(options.sections).toEqual(['build', 'load']);
    expect(options.sizes).toEqual([500]);
    expect(options.loadDurationSeconds).toBe(5);
    expect(options.runs).toBe(12);
    expect(options.json).toBe(true);
  });

  it('takes the database of section backends from the flag or BENCH_DATABASE_URL, and refuses another URL', () => {
    const url = 'postgresql://postgres@127.0.0.1:5433/postgres';
    expect(parseBenchOptions(['--database-url', url], {}).databaseUrl).toBe(url);
    expect(parseBenchOptions(['--backend-sizes', '2000'], { BENCH_DATABASE_URL: url })).toMatchObject({
      databaseUrl: url,
      backendSizes: [2000],
    });
    expect(() => parseBenchOptions(['--database-url', 'mysql://db'], {})).toThrow(/--database-url/);
  });

  it('keeps the embedders in the order given, once each, from the flag or BENCH_EMBEDDERS', () => {
    expect(parseBenchOptions(['--embedders', 'offline,transformers,offline'], {}).embedders).toEqual([
      'offline',
      'transformers',
    ]);
    expect(parseBenchOptions([], { BENCH_EMBEDDERS: 'offline' }).embedders).toEqual(['offline']);
    expect(parseBenchOptions(['--model-sizes', '2000'], {}).modelSizes).toEqual([2000]);
    expect(() => parseBenchOptions(['--embedders', 'openai'], {})).toThrow(/--embedders/);
  });

  it('names the flag and the problem of a bad value', () => {
    expect(() => parseBenchOptions(['--sections', 'build,fly'], {})).toThrow(/--sections/);
    expect(() => parseBenchOptions(['--runs', 'many'], {})).toThrow(/--runs/);
    expect(() => parseBenchOptions(['--bogus'], {})).toThrow(/bogus/);
  });
});
