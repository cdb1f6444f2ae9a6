// Reads and checks the layout of an hnswlib index file in JavaScript, so a damaged file never reaches native code.
import { open } from 'node:fs/promises';
import { BeschlussError } from '../../errors.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';

/** What an hnswlib file says about itself (hnswlib's HierarchicalNSW::saveIndex layout, 64-bit size_t). */
export interface HnswFileInfo {
  dimensions: number;
  /** hnswlib's M (links per node on upper layers). */
  m: number;
  efConstruction: number;
  /** Capacity the index was saved with. */
  maxElements: number;
  /** Labels of the elements that are not marked deleted, in insertion order. */
  labels: number[];
  /** Labels of the elements marked deleted (still in the graph, never returned by a search). */
  deletedLabels: number[];
}

const HEADER_BYTES = 96;
const LABEL_BYTES = 8;
const LINK_BYTES = 4;
/** Level-0 link list header: a 16-bit count, then a byte whose lowest bit is hnswlib's deleted mark. */
const DELETE_MARK_OFFSET = 2;
const DELETE_MARK = 0x01;
/** Read the level-0 block in slices of about this size; it holds one copy of every vector. */
const READ_SLICE_BYTES = 8 * 1024 * 1024;

export async function readHnswFileInfo(file: string): Promise<HnswFileInfo> {
  const corrupt = (problem: string) =>
    new BeschlussError('INDEX_CORRUPT', `The HNSW file ${file} is corrupt: ${problem}; ${REBUILD_HINT}.`, {
      details: { file },
    });
  const handle = await openVectorFile(file, 'HNSW file', (path) => open(path, 'r'));
  try {
    const fileBytes = (await handle.stat()).size;
    if (fileBytes < HEADER_BYTES)
      throw corrupt(`it has ${fileBytes} bytes, less than the ${HEADER_BYTES}-byte header`);
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    const field = (offset: number, name: string): number => {
      const value = header.readBigUInt64LE(offset);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${name} is ${value}`);
      return Number(value);
    };
    const offsetLevel0 = field(0, 'offsetLevel0');
    const maxElements = field(8, 'maxElements');
    const count = field(16, 'element count');
    const bytesPerElement = field(24, 'bytes per element');
    const labelOffset = field(32, 'label offset');
    const dataOffset = field(40, 'data offset');
    const maxLevel = header.readInt32LE(48);
    const entryPoint = header.readUInt32LE(52);
    const maxM = field(56, 'maxM');
    const maxM0 = field(64, 'maxM0');
    const m = field(72, 'M');
    const efConstruction = field(88, 'efConstruction');

    const dataBytes = labelOffset - dataOffset;
    const level0LinkBytes = maxM0 * LINK_BYTES + LINK_BYTES;
    const upperLinkBytes = maxM * LINK_BYTES + LINK_BYTES;
    if (offsetLevel0 !== 0 || m < 1 || maxM !== m || maxM0 !== 2 * m || dataOffset !== level0LinkBytes) {
      throw corrupt(
        `its header is inconsistent (M ${m}, maxM ${maxM}, maxM0 ${maxM0}, data offset ${dataOffset})`,
      );
    }
    if (dataBytes <= 0 || dataBytes % 4 !== 0 || bytesPerElement !== labelOffset + LABEL_BYTES) {
      throw corrupt(
        `its element layout is inconsistent (label offset ${labelOffset}, ${bytesPerElement} bytes each)`,
      );
    }
    if (count > maxElements || (count > 0 && (maxLevel < 0 || entryPoint >= count))) {
      throw corrupt(
        `its header is inconsistent (${count} of ${maxElements} elements, entry point ${entryPoint})`,
      );
    }
    const level0Bytes = count * bytesPerElement;
    const tailStart = HEADER_BYTES + level0Bytes;
    if (fileBytes < tailStart + count * LINK_BYTES) {
      throw corrupt(
        `${count} elements need at least ${tailStart + count * LINK_BYTES} bytes, the file has ${fileBytes}`,
      );
    }

    const labels: number[] = [];
    const deletedLabels: number[] = [];
    const elementsPerSlice = Math.max(1, Math.floor(READ_SLICE_BYTES / bytesPerElement));
    const slice = Buffer.alloc(Math.min(count, elementsPerSlice) * bytesPerElement);
    for (let first = 0; first < count; first += elementsPerSlice) {
      const elements = Math.min(elementsPerSlice, count - first);
      await handle.read(slice, 0, elements * bytesPerElement, HEADER_BYTES + first * bytesPerElement);
      for (let element = 0; element < elements; element++) {
        const start = element * bytesPerElement;
        const label = slice.readBigUInt64LE(start + labelOffset);
        if (label > 0xffff_ffffn) throw corrupt(`element ${first + element} has label ${label}`);
        const deleted = ((slice[start + DELETE_MARK_OFFSET] as number) & DELETE_MARK) !== 0;
        (deleted ? deletedLabels : labels).push(Number(label));
      }
    }

    // The upper-layer link lists follow: per element a byte length, then that many bytes. Walking them proves the
    // file ends exactly where hnswlib will stop reading.
    const tail = Buffer.alloc(fileBytes - tailStart);
    await handle.read(tail, 0, tail.byteLength, tailStart);
    let position = 0;
    for (let element = 0; element < count; element++) {
      if (position + LINK_BYTES > tail.byteLength)
        throw corrupt(`it ends inside the link list of element ${element}`);
      const linkListBytes = tail.readUInt32LE(position);
      if (linkListBytes % upperLinkBytes !== 0 || linkListBytes / upperLinkBytes > maxLevel) {
        throw corrupt(`element ${element} has an upper-layer link list of ${linkListBytes} bytes`);
      }
      position += LINK_BYTES + linkListBytes;
    }
    if (position !== tail.byteLength) {
      throw corrupt(`it has ${tail.byteLength - position} bytes more (or fewer) than its elements describe`);
    }
    if (new Set([...labels, ...deletedLabels]).size !== count) throw corrupt('a label appears twice');
    return { dimensions: dataBytes / 4, m, efConstruction, maxElements, labels, deletedLabels };
  } finally {
    await handle.close();
  }
}

/** A vector file that is not there is a missing index (rebuild), not an I/O fault: one mapping for every store. */
export async function openVectorFile<T>(
  file: string,
  what: string,
  opening: (file: string) => Promise<T>,
): Promise<T> {
  try {
    return await opening(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BeschlussError('INDEX_MISSING', `The ${what} ${file} does not exist.`, {
        details: { file },
        cause: error,
      });
    }
    throw error;
  }
}
