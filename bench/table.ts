// Aligned plain-text tables for the benchmark's stdout: text columns left-aligned, numeric columns right-aligned.

export type Cell = string | number | undefined;

export interface Table {
  title: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
  /** Lines printed under the table (settings used, caveats). */
  notes?: readonly string[];
}

/** A number with a fixed count of decimals; undefined and NaN print as "–". */
export function formatNumber(value: number | undefined, decimals = 1): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value.toFixed(decimals);
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

const NUMERIC = /^[-+]?[\d.,]+(?:\s?[%a-zA-Z/]+)?$|^–$/;

function textOf(cell: Cell): string {
  if (cell === undefined) return '–';
  return typeof cell === 'number' ? String(cell) : cell;
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => table.columns.map((_, column) => textOf(row[column])));
  const widths = table.columns.map((header, column) =>
    Math.max(header.length, ...cells.map((row) => (row[column] as string).length)),
  );
  // A column is right-aligned when every cell in it reads as a number (units like "ms" or "MiB" allowed).
  const rightAligned = table.columns.map(
    (_, column) => cells.length > 0 && cells.every((row) => NUMERIC.test(row[column] as string)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => {
        const width = widths[column] as number;
        return rightAligned[column] ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const lines = [table.title, line(table.columns), rule, ...cells.map(line)];
  for (const note of table.notes ?? []) lines.push(`  ${note}`);
  return `${lines.join('\n')}\n`;
}
