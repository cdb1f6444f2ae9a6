// How the evaluation report's Markdown tables print: a row of cells, and a value as a ratio or in milliseconds.

export const tableRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** Ratios print with three decimals, milliseconds as whole numbers; "–" where the value is undefined for the row. */
export function formatValue(value: number | null, kind: 'ratio' | 'ms' = 'ratio'): string {
  if (value === null) return '–';
  return kind === 'ms' ? String(Math.round(value)) : value.toFixed(3);
}
