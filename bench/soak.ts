// The soak's arithmetic: unique questions for as long as a run lasts, and whether the server's memory levels off
// (the least-squares slope of its RSS, over the whole run and over its last half).

export interface RssSample {
  /** Seconds since the soak started. */
  seconds: number;
  rss: number;
  heapUsed: number;
}

export interface SoakSummary {
  startRss: number;
  endRss: number;
  maxRss: number;
  /** Bytes per minute over all samples. */
  slopePerMinute: number;
  /** Bytes per minute over the samples of the last half of the run. */
  lastHalfSlopePerMinute: number;
  /** Whether the last half grows at most PLATEAU_BYTES_PER_MINUTE. */
  plateau: boolean;
}

/** A server whose RSS grows less than this per minute over the soak's last half has levelled off. */
export const PLATEAU_BYTES_PER_MINUTE = 1024 ** 2;

/** Least-squares slope of RSS over time, in bytes per minute (0 for fewer than two samples). */
export function rssSlopePerMinute(samples: readonly RssSample[]): number {
  if (samples.length < 2) return 0;
  const meanX = samples.reduce((sum, sample) => sum + sample.seconds, 0) / samples.length;
  const meanY = samples.reduce((sum, sample) => sum + sample.rss, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.seconds - meanX) * (sample.rss - meanY);
    variance += (sample.seconds - meanX) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

export function summarizeSoak(samples: readonly RssSample[], durationSeconds: number): SoakSummary {
  if (samples.length === 0) throw new RangeError('summarizeSoak needs at least one sample');
  const lastHalf = samples.filter((sample) => sample.seconds >= durationSeconds / 2);
  const lastHalfSlopePerMinute = rssSlopePerMinute(lastHalf);
  return {
    startRss: (samples[0] as RssSample).rss,
    endRss: (samples[samples.length - 1] as RssSample).rss,
    maxRss: Math.max(...samples.map((sample) => sample.rss)),
    slopePerMinute: rssSlopePerMinute(samples),
    lastHalfSlopePerMinute,
    plateau: lastHalf.length >= 2 && lastHalfSlopePerMinute <= PLATEAU_BYTES_PER_MINUTE,
  };
}

/**
 * The index-th of an unending series of distinct questions: each generated question with one noun after another, so
 * every request carries a question (and often a word) the server has not seen — what fills unbounded caches.
 */
export function uniqueQuestion(
  questions: readonly string[],
  nouns: readonly string[],
  index: number,
): string {
  if (questions.length === 0 || nouns.length === 0)
    throw new RangeError('uniqueQuestion needs questions and nouns');
  const question = (questions[index % questions.length] as string).replace(/\?$/, '');
  const round = Math.floor(index / questions.length);
  const noun = nouns[round % nouns.length] as string;
  // Past questions × nouns the round number keeps them distinct.
  const lap = Math.floor(round / nouns.length);
  return `${question}, auch zu ${noun}${lap === 0 ? '' : ` (${lap + 1})`}?`;
}
