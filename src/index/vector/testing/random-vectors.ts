// Seeded random numbers and unit vectors for the vector store tests and the benchmark (reproducible, no dependency).

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers from a seeded generator (Box–Muller). */
export function seededGaussian(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Vectors with normally distributed components, scaled to length 1: uniformly spread over the sphere. In many
 * dimensions all of them are nearly equally far apart — the hardest case for approximate search.
 */
export function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  const gaussian = seededGaussian(seed);
  const vectors: Float32Array[] = [];
  for (let index = 0; index < count; index++) {
    const vector = new Float32Array(dimensions);
    let sumOfSquares = 0;
    for (let component = 0; component < dimensions; component++) {
      const value = gaussian();
      vector[component] = value;
      sumOfSquares += value * value;
    }
    const norm = Math.sqrt(sumOfSquares);
    for (let component = 0; component < dimensions; component++) {
      vector[component] = (vector[component] as number) / norm;
    }
    vectors.push(vector);
  }
  return vectors;
}
