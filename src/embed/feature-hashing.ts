// Signed feature hashing: weighted string features → a fixed-length, L2-normalised dense vector.

/** FNV-1a, 32 bits, over the UTF-16 code units of the text. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// A second, independent hash chooses the sign, so that colliding features cancel out on average.
const SIGN_SEED = 0x9747b28c;

/**
 * Adds each feature's weight, made sublinear (ln(1 + w): a word said five times is not five times the topic),
 * into bucket hash(feature) mod dimensions with a hashed sign, then scales the vector to length 1. A text
 * without features gets a fixed unit vector, so that cosine similarity stays defined.
 */
export function hashFeatures(features: Map<string, number>, dimensions: number): number[] {
  const vector = new Float64Array(dimensions);
  for (const [feature, weight] of features) {
    if (!(weight > 0)) continue;
    const bucket = fnv1a(feature) % dimensions;
    const sign = fnv1a(feature, SIGN_SEED) & 1 ? 1 : -1;
    vector[bucket] = (vector[bucket] as number) + sign * Math.log1p(weight);
  }
  let squares = 0;
  for (const value of vector) squares += value * value;
  if (squares === 0) {
    vector[fnv1a('<empty>') % dimensions] = 1;
    squares = 1;
  }
  const norm = Math.sqrt(squares);
  return Array.from(vector, (value) => value / norm);
}
