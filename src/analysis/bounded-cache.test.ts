import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

describe('BoundedCache', () => {
  it('never holds more entries than its capacity and keeps the most recent one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 })),
        (capacity, keys) => {
          const cache = new BoundedCache<number, number>(capacity);
          for (const key of keys) {
            cache.set(key, key * 2);
            expect(cache.size).toBeLessThanOrEqual(capacity);
            expect(cache.get(key)).toBe(key * 2);
          }
        },
      ),
    );
  });

  it('evicts the least recently used entry, counting reads as use', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('computes a missing value once', () => {
    const cache = new BoundedCache<string, number>(4);
    let calls = 0;
    const compute = (key: string) => {
      calls += 1;
      return key.length;
    };
    expect(cache.getOrCompute('word', compute)).toBe(4);
    expect(cache.getOrCompute('word', compute)).toBe(4);
    expect(calls).toBe(1);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new BoundedCache(0)).toThrow(/positive integer, got 0/);
  });
});
