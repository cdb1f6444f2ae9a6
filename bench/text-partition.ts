// Splits the generated distinct queries into disjoint parts, one per measurement, so no measurement finds the
// query vectors of another in the server's LRU cache.

/**
 * Consecutive parts of the wanted sizes; when there are fewer texts than all parts together, every part shrinks in
 * proportion (each keeps at least one text while there are texts).
 */
export function partitionTexts(texts: readonly string[], sizes: readonly number[]): string[][] {
  const wanted = sizes.reduce((sum, size) => sum + size, 0);
  const ratio = wanted <= texts.length ? 1 : texts.length / wanted;
  const parts: string[][] = [];
  let start = 0;
  for (const size of sizes) {
    const length = Math.min(Math.max(1, Math.floor(size * ratio)), texts.length - start);
    parts.push(texts.slice(start, start + Math.max(0, length)));
    start += Math.max(0, length);
  }
  return parts;
}

/** Whether cycling through `distinct` texts can ever hit an LRU of `capacity` entries (only if it holds them all). */
export function cycleHitsCache(distinct: number, capacity: number): boolean {
  return distinct <= capacity;
}
