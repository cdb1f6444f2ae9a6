// Token buckets per key (a client address) with bounded memory: each bucket holds `capacity` tokens and refills
// continuously; beyond `maxKeys` the least recently seen keys are forgotten (a forgotten key starts full again).

export interface TokenBucketsOptions {
  /** Tokens a bucket holds: the burst a client may spend at once. */
  capacity: number;
  /** Milliseconds to refill one token. */
  msPerToken: number;
  /** Most keys remembered (default 10 000). */
  maxKeys?: number;
  /** Clock in milliseconds (default Date.now). */
  now?: () => number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export interface TokenBuckets {
  /** Spends one token of `key`'s bucket if it has one. */
  take(key: string): TakeResult;
  /** Keys currently remembered. */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export function createTokenBuckets(options: TokenBucketsOptions): TokenBuckets {
  const { capacity, msPerToken, maxKeys = 10_000, now = Date.now } = options;
  if (!(capacity >= 1) || !(msPerToken > 0) || !(maxKeys >= 1)) {
    throw new RangeError(
      `Expected capacity ≥ 1, msPerToken > 0 and maxKeys ≥ 1; got ${capacity}, ${msPerToken}, ${maxKeys}.`,
    );
  }
  // A Map iterates in insertion order; re-inserting on every use keeps the least recently seen key first.
  const buckets = new Map<string, Bucket>();

  const remember = (key: string, bucket: Bucket) => {
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
  };

  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key);
      // A clock that steps back refills nothing rather than draining the bucket.
      const tokens = bucket
        ? Math.min(capacity, bucket.tokens + Math.max(0, time - bucket.updated) / msPerToken)
        : capacity;
      if (tokens >= 1) {
        remember(key, { tokens: tokens - 1, updated: time });
        return { allowed: true, remaining: Math.floor(tokens - 1) };
      }
      remember(key, { tokens, updated: time });
      return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * msPerToken) };
    },
    get size() {
      return buckets.size;
    },
  };
}
