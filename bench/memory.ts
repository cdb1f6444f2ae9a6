// Memory readings for the benchmark: snapshots, the process's peak RSS, a sampler for peaks between snapshots, GC.

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export function memorySnapshot(): MemorySnapshot {
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

/** The largest resident set this process has had since it started, in bytes (the OS's count, misses nothing). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs a full GC when node was started with --expose-gc; says whether it could. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  gc();
  return true;
}

export interface RssSampler {
  /** Stops sampling; the highest RSS seen, in bytes. */
  stop(): number;
}

/**
 * Samples RSS on a timer. Synchronous work (building the HNSW graph, embedding) starves timers, so this is a lower
 * bound on the peak between two awaits; peakRssBytes() is exact but only for the whole process lifetime.
 */
export function startRssSampler(intervalMs = 20): RssSampler {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
