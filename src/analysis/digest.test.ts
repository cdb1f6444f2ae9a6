import { describe, expect, it } from 'vitest';
import { digestOf } from './digest.ts';

describe('digestOf', () => {
  it('is 16 hex digits, the same for the same parts', () => {
    expect(digestOf(['a', 'b'])).toMatch(/^[0-9a-f]{16}$/);
    expect(digestOf(['a', new TextEncoder().encode('b')])).toBe(digestOf(['a', 'b']));
  });

  it('tells apart parts whose bytes only moved from one to the next', () => {
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
    expect(digestOf(['a'])).not.toBe(digestOf(['a', '']));
  });
});
