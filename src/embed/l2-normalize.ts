// Scales a vector to unit length; servers and models differ in whether they already do.

/** Returns the vector divided by its L2 norm, or undefined when it has no direction (zero) or a non-finite entry. */
export function l2Normalize(vector: ArrayLike<number>): number[] | undefined {
  let largest = 0;
  for (let index = 0; index < vector.length; index++) {
    const value = vector[index] as number;
    if (!Number.isFinite(value)) return undefined;
    largest = Math.max(largest, Math.abs(value));
  }
  if (largest === 0) return undefined;
  // Scaling by the largest entry first keeps the sum of squares from overflowing for huge values.
  let sumOfSquares = 0;
  for (let index = 0; index < vector.length; index++) {
    const scaled = (vector[index] as number) / largest;
    sumOfSquares += scaled * scaled;
  }
  const scaledNorm = Math.sqrt(sumOfSquares);
  return Array.from(vector, (value) => value / largest / scaledNorm);
}
