// Brute-force cosine vector store: exact answers, the reference for the HNSW store and enough for tiny corpora.
import { readFile, writeFile } from 'node:fs/promises';
import { BeschlussError } from '../../errors.ts';
import { openVectorFile } from './hnsw-file.ts';
import {
  assertDimensions,
  assertK,
  assertLabel,
  assertVector,
  clampScore,
  type FileVectorStore,
  type LabelFilter,
  type VectorMatch,
} from './vector-store.ts';

export interface ExactVectorStoreOptions {
  dimensions: number;
}

/** File layout: magic, format version, dimensions, count (uint32 LE each), count labels (uint32), count vectors (float32). */
const MAGIC = 0x56585342; // "BSXV" read as little-endian uint32
const FILE_VERSION = 1;
const HEADER_BYTES = 16;

export function createExactVectorStore({ dimensions }: ExactVectorStoreOptions): FileVectorStore {
  assertDimensions(dimensions);
  return new ExactVectorStore(dimensions, new Map());
}

export async function loadExactVectorStore(file: string): Promise<FileVectorStore> {
  const bytes = await openVectorFile(file, 'vector file', (path) => readFile(path));
  const corrupt = (problem: string) =>
    new BeschlussError('INDEX_CORRUPT', `The vector file ${file} is corrupt: ${problem}.`, {
      details: { file },
    });
  if (bytes.byteLength < HEADER_BYTES)
    throw corrupt(`it has ${bytes.byteLength} bytes, less than its header`);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (header.getUint32(0, true) !== MAGIC)
    throw corrupt('it does not start with the exact vector store signature');
  const version = header.getUint32(4, true);
  if (version !== FILE_VERSION) throw corrupt(`format version ${version}, expected ${FILE_VERSION}`);
  const dimensions = header.getUint32(8, true);
  const count = header.getUint32(12, true);
  const expectedBytes = HEADER_BYTES + count * 4 + count * dimensions * 4;
  if (dimensions < 1 || bytes.byteLength !== expectedBytes) {
    throw corrupt(
      `${count} vectors of ${dimensions} dimensions need ${expectedBytes} bytes, the file has ${bytes.byteLength}`,
    );
  }
  // Copy into a fresh, aligned buffer: a Buffer from readFile may start at an offset not divisible by 4.
  const body = new Uint8Array(bytes.subarray(HEADER_BYTES)).buffer;
  const labels = new Uint32Array(body, 0, count);
  const values = new Float32Array(body, count * 4, count * dimensions);
  const vectors = new Map<number, Float32Array>();
  for (let index = 0; index < count; index++) {
    vectors.set(labels[index] as number, values.subarray(index * dimensions, (index + 1) * dimensions));
  }
  if (vectors.size !== count) throw corrupt('a label appears twice');
  return new ExactVectorStore(dimensions, vectors);
}

class ExactVectorStore implements FileVectorStore {
  readonly kind = 'exact';
  readonly dimensions: number;
  /** Unit-length copies, so a search is one dot product per label. */
  readonly #vectors: Map<number, Float32Array>;

  constructor(dimensions: number, vectors: Map<number, Float32Array>) {
    this.dimensions = dimensions;
    this.#vectors = vectors;
  }

  get size(): number {
    return this.#vectors.size;
  }

  async add(label: number, vector: ArrayLike<number>): Promise<void> {
    assertLabel(label);
    assertVector(vector, this.dimensions);
    this.#vectors.set(label, normalised(vector));
  }

  async remove(label: number): Promise<boolean> {
    return this.#vectors.delete(label);
  }

  async has(label: number): Promise<boolean> {
    return this.#vectors.has(label);
  }

  async search(vector: ArrayLike<number>, k: number, filter?: LabelFilter): Promise<VectorMatch[]> {
    assertVector(vector, this.dimensions);
    assertK(k);
    if (k === 0) return [];
    const query = normalised(vector);
    const matches: VectorMatch[] = [];
    for (const [label, stored] of this.#vectors) {
      if (filter && !filter(label)) continue;
      matches.push({ label, score: clampScore(dot(query, stored)) });
    }
    matches.sort((left, right) => right.score - left.score || left.label - right.label);
    return matches.slice(0, k);
  }

  async save(file: string): Promise<void> {
    const count = this.#vectors.size;
    const bytes = new Uint8Array(HEADER_BYTES + count * 4 + count * this.dimensions * 4);
    const header = new DataView(bytes.buffer, 0, HEADER_BYTES);
    header.setUint32(0, MAGIC, true);
    header.setUint32(4, FILE_VERSION, true);
    header.setUint32(8, this.dimensions, true);
    header.setUint32(12, count, true);
    const labels = new Uint32Array(bytes.buffer, HEADER_BYTES, count);
    const values = new Float32Array(bytes.buffer, HEADER_BYTES + count * 4, count * this.dimensions);
    let index = 0;
    for (const [label, stored] of this.#vectors) {
      labels[index] = label;
      values.set(stored, index * this.dimensions);
      index++;
    }
    await writeFile(file, bytes);
  }
}

/** The zero vector stays zero: it has no direction, so it scores 0 against everything (as in hnswlib). */
function normalised(vector: ArrayLike<number>): Float32Array {
  const result = Float32Array.from(vector);
  let sumOfSquares = 0;
  for (const value of result) sumOfSquares += value * value;
  const norm = Math.sqrt(sumOfSquares);
  if (norm > 0)
    for (let index = 0; index < result.length; index++) result[index] = (result[index] as number) / norm;
  return result;
}

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] as number) * (right[index] as number);
  return sum;
}
