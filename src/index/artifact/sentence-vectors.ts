// One vector per sentence of every unit, stored as int8 with a scale per vector, so answering can weigh sentences by
// meaning without embedding them at question time (about 400 bytes a sentence at 384 dimensions, a quarter of float32;
// cosine against the float32 vector stays above 0.999 for this model's vectors).
import { BeschlussError } from '../../errors.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';

/** A sentence of a unit: the unit's position in the manifest and the sentence's offsets in its text. */
export interface SentenceSpan {
  unitOrdinal: number;
  start: number;
  end: number;
}

/** A vector in int8: values[i] * scale ≈ the float component. */
export interface QuantizedVector {
  scale: number;
  values: Int8Array;
}

export interface SentenceVectors {
  readonly size: number;
  readonly dimensions: number;
  /** The sentences of one unit (by its position in the manifest), in text order, each with its row. */
  sentencesOf(unitOrdinal: number): ReadonlyArray<SentenceSpan & { row: number }>;
  /** Dot product of a row with a float vector (cosine, both being L2-normalised). */
  similarity(row: number, vector: ArrayLike<number>): number;
  /** The stored int8 vector of a row (a view, not a copy). */
  quantized(row: number): QuantizedVector;
}

const MAGIC = 'BSV1';
const HEADER_BYTES = 16;

/** Symmetric int8 quantisation with one scale per vector. */
export function quantize(vector: ArrayLike<number>): QuantizedVector {
  let largest = 0;
  for (let index = 0; index < vector.length; index++)
    largest = Math.max(largest, Math.abs(vector[index] ?? 0));
  const scale = largest === 0 ? 1 : largest / 127;
  const values = new Int8Array(vector.length);
  for (let index = 0; index < vector.length; index++)
    values[index] = Math.round((vector[index] ?? 0) / scale);
  return { scale, values };
}

/**
 * File layout (little-endian): "BSV1", count u32, dimensions u32, reserved u32; then the columns unit ordinal u32,
 * start u32, end u32, scale f32 (count each), then count × dimensions int8. Rows are sorted by unit and start.
 */
export function encodeSentenceVectors(
  rows: ReadonlyArray<SentenceSpan & { vector: QuantizedVector }>,
  dimensions: number,
): Uint8Array {
  const count = rows.length;
  const sorted = [...rows].sort((a, b) => a.unitOrdinal - b.unitOrdinal || a.start - b.start);
  const bytes = new Uint8Array(HEADER_BYTES + count * 16 + count * dimensions);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, count, true);
  view.setUint32(8, dimensions, true);
  sorted.forEach((row, index) => {
    if (row.vector.values.length !== dimensions) {
      throw new BeschlussError(
        'INTERNAL',
        `Cannot write sentence vectors: a vector has ${row.vector.values.length} dimensions, expected ${dimensions}.`,
      );
    }
    view.setUint32(HEADER_BYTES + index * 4, row.unitOrdinal, true);
    view.setUint32(HEADER_BYTES + count * 4 + index * 4, row.start, true);
    view.setUint32(HEADER_BYTES + count * 8 + index * 4, row.end, true);
    view.setFloat32(HEADER_BYTES + count * 12 + index * 4, row.vector.scale, true);
    bytes.set(
      new Uint8Array(row.vector.values.buffer, row.vector.values.byteOffset, dimensions),
      HEADER_BYTES + count * 16 + index * dimensions,
    );
  });
  return bytes;
}

/** Reads the file, checking it against the units it belongs to (their count and text lengths). */
export function decodeSentenceVectors(
  bytes: Uint8Array,
  expected: { dimensions: number; unitLengths: readonly number[]; file: string },
): SentenceVectors {
  const { dimensions, unitLengths, file } = expected;
  const corrupt = (problem: string) =>
    new BeschlussError(
      'INDEX_CORRUPT',
      `The index is corrupt: the sentence vectors ${file} ${problem}; ${REBUILD_HINT}.`,
      {
        details: { file },
      },
    );
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (bytes.byteLength >= HEADER_BYTES && /^BSV\d$/.test(magic) && magic !== MAGIC) {
    throw new BeschlussError(
      'INDEX_VERSION',
      `The sentence vectors ${file} have format version ${magic.slice(3)}, this program reads version ` +
        `${MAGIC.slice(3)}; ${REBUILD_HINT}.`,
      { details: { file, expected: MAGIC, received: magic } },
    );
  }
  if (bytes.byteLength < HEADER_BYTES || magic !== MAGIC)
    throw corrupt('do not start with the expected header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const storedDimensions = view.getUint32(8, true);
  if (storedDimensions !== dimensions)
    throw corrupt(`have ${storedDimensions} dimensions, the index ${dimensions}`);
  if (bytes.byteLength !== HEADER_BYTES + count * (16 + dimensions)) {
    throw corrupt(
      `have ${bytes.byteLength} bytes, ${count} sentences need ${HEADER_BYTES + count * (16 + dimensions)}`,
    );
  }
  const ordinals = new Uint32Array(count);
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const scales = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    ordinals[index] = view.getUint32(HEADER_BYTES + index * 4, true);
    starts[index] = view.getUint32(HEADER_BYTES + count * 4 + index * 4, true);
    ends[index] = view.getUint32(HEADER_BYTES + count * 8 + index * 4, true);
    scales[index] = view.getFloat32(HEADER_BYTES + count * 12 + index * 4, true);
  }
  const values = new Int8Array(
    bytes.buffer,
    bytes.byteOffset + HEADER_BYTES + count * 16,
    count * dimensions,
  );
  const byUnit = new Map<number, Array<SentenceSpan & { row: number }>>();
  for (let row = 0; row < count; row++) {
    const unitOrdinal = ordinals[row] ?? 0;
    const start = starts[row] ?? 0;
    const end = ends[row] ?? 0;
    const length = unitLengths[unitOrdinal];
    if (length === undefined) throw corrupt(`name unit ${unitOrdinal}, the index has ${unitLengths.length}`);
    if (!(start < end && end <= length))
      throw corrupt(`place a sentence at ${start}..${end} in a unit of ${length} characters`);
    if (!Number.isFinite(scales[row] ?? Number.NaN)) throw corrupt(`have a non-finite scale in row ${row}`);
    const list = byUnit.get(unitOrdinal) ?? [];
    list.push({ unitOrdinal, start, end, row });
    byUnit.set(unitOrdinal, list);
  }
  return {
    size: count,
    dimensions,
    sentencesOf: (unitOrdinal) => byUnit.get(unitOrdinal) ?? [],
    similarity(row, vector) {
      const offset = row * dimensions;
      let sum = 0;
      for (let index = 0; index < dimensions; index++)
        sum += (values[offset + index] ?? 0) * (vector[index] ?? 0);
      return sum * (scales[row] ?? 0);
    },
    quantized: (row) => ({
      scale: scales[row] ?? 0,
      values: values.subarray(row * dimensions, (row + 1) * dimensions),
    }),
  };
}
