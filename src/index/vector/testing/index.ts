// What code outside the vector stage may use for tests and measurements: seeded random numbers and unit vectors.
// The contract suite stays out of this surface: it imports vitest, which a benchmark process must not load.
export { randomUnitVectors, seededGaussian, seededRandom } from './random-vectors.ts';
