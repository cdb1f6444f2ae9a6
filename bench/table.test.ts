import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, renderTable } from './table.ts';

describe('renderTable', () => {
  it('pads text columns on the right and numeric columns on the left, under a rule as wide as each column', () => {
    const text = renderTable({
      title: 'Query latency',
      columns: ['mode', 'p50 ms'],
      rows: [
        ['lexical', '1.25'],
        ['hybrid', '12.50'],
      ],
      notes: ['200 runs'],
    });
    expect(text.split('\n')).toEqual([
      'Query latency',
      'mode     p50 ms',
      '-------  ------',
      'lexical    1.25',
      'hybrid    12.50',
      '  200 runs',
      '',
    ]);
  });

  it('prints a missing cell as a dash and keeps the column numeric', () => {
    const text = renderTable({
      title: 't',
      columns: ['a', 'b'],
      rows: [
        ['x', 10],
        ['y', undefined],
      ],
    });
    expect(text).toContain('x  10');
    expect(text).toContain('y   –');
  });
});

describe('formatNumber and formatBytes', () => {
  it('round to the given decimals and choose a binary unit', () => {
    expect(formatNumber(1.2345, 2)).toBe('1.23');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5.0 MiB');
  });
});
