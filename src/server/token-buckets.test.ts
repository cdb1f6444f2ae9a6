import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-buckets.ts';

const operations = fc.array(
  fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), advance: fc.integer({ min: 0, max: 5_000 }) }),
  { maxLength: 300 },
);

describe('createTokenBuckets', () => {
  it('never lets a key take more than capacity plus what time refilled', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3_000 }),
        operations,
        (capacity, msPerToken, steps) => {
          let now = 0;
          const buckets = createTokenBuckets({ capacity, msPerToken, now: () => now });
          const allowed = new Map<string, number>();
          for (const step of steps) {
            now += step.advance;
            if (buckets.take(step.key).allowed) allowed.set(step.key, (allowed.get(step.key) ?? 0) + 1);
            expect(allowed.get(step.key) ?? 0).toBeLessThanOrEqual(capacity + Math.floor(now / msPerToken));
          }
        },
      ),
    );
  });

  it('allows again exactly when the announced wait has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10_000 }),
        (capacity, msPerToken) => {
          let now = 0;
          const buckets = createTokenBuckets({ capacity, msPerToken, now: () => now });
          for (let take = 0; take < capacity; take += 1) expect(buckets.take('client').allowed).toBe(true);
          const refused = buckets.take('client');
          expect(refused.allowed).toBe(false);
          const wait = refused.allowed ? 0 : refused.retryAfterMs;
          expect(wait).toBe(msPerToken);
          now += wait - 1;
          expect(buckets.take('client').allowed).toBe(false);
          now += 1;
          expect(buckets.take('client').allowed).toBe(true);
        },
      ),
    );
  });

  it('remembers at most maxKeys keys, forgetting the least recently seen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }),
        (maxKeys, keys) => {
          const buckets = createTokenBuckets({ capacity: 1, msPerToken: 1_000, maxKeys, now: () => 0 });
          for (const key of keys) {
            buckets.take(key);
            expect(buckets.size).toBeLessThanOrEqual(maxKeys);
          }
        },
      ),
    );
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 1, msPerToken: 1_000, maxKeys: 2, now: () => now });
    buckets.take('a');
    buckets.take('b');
    now += 1;
    expect(buckets.take('a').allowed).toBe(false); // a is now the most recent
    buckets.take('c'); // forgets b
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('refills nothing when the clock steps back', () => {
    let now = 10_000;
    const buckets = createTokenBuckets({ capacity: 1, msPerToken: 1_000, now: () => now });
    expect(buckets.take('a').allowed).toBe(true);
    now = 0;
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('refuses settings that would never allow a request', () => {
    expect(() => createTokenBuckets({ capacity: 0, msPerToken: 1 })).toThrow(/capacity/);
    expect(() => createTokenBuckets({ capacity: 1, msPerToken: 0 })).toThrow(/msPerToken/);
  });
});
