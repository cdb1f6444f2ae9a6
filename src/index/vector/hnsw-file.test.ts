import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHnswFileInfo } from './hnsw-file.ts';
import { createHnswVectorStore } from './hnsw-vector-store.ts';
import { randomUnitVectors } from './testing/random-vectors.ts';

let directory: string;
let file: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'hnsw-file-'));
  file = path.join(directory, 'store.hnsw');
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function saveSmallStore(): Promise<Buffer> {
  const store = createHnswVectorStore({ dimensions: 3, m: 2, efConstruction: 20 });
  for (const [position, vector] of randomUnitVectors(12, 3, 8).entries())
    await store.add(100 + position, vector);
  await store.remove(105);
  await store.remove(111);
  await store.save(file);
  return readFile(file);
}

describe('readHnswFileInfo', () => {
  it('reads dimensions, settings, live and deleted labels from a file hnswlib wrote', async () => {
    await saveSmallStore();
    const info = await readHnswFileInfo(file);
    expect(info).toMatchObject({ dimensions: 3, m: 2, efConstruction: 20 });
    expect(info.maxElements).toBeGreaterThanOrEqual(12);
    expect(info.deletedLabels.sort()).toEqual([105, 111]);
    expect(info.labels.sort()).toEqual([100, 101, 102, 103, 104, 106, 107, 108, 109, 110]);
  });

  it('reports every truncation of the file as INDEX_CORRUPT', async () => {
    const original = await saveSmallStore();
    const cut = path.join(directory, 'cut.hnsw');
    for (let length = 0; length < original.byteLength; length++) {
      await writeFile(cut, original.subarray(0, length));
      await expect(readHnswFileInfo(cut), `cut at ${length} bytes`).rejects.toMatchObject({
        code: 'INDEX_CORRUPT',
      });
    }
  });

  it('reports trailing bytes and a damaged header as INDEX_CORRUPT', async () => {
    const original = await saveSmallStore();
    await writeFile(file, Buffer.concat([original, Buffer.from([0, 0, 0, 0])]));
    await expect(readHnswFileInfo(file)).rejects.toThrow(/more \(or fewer\) than its elements describe/);
    const damaged = Buffer.from(original);
    damaged.writeBigUInt64LE(7n, 72); // M, which no longer fits maxM and maxM0
    await writeFile(file, damaged);
    await expect(readHnswFileInfo(file)).rejects.toThrow(/header is inconsistent/);
    const tooMany = Buffer.from(original);
    tooMany.writeBigUInt64LE(1n << 40n, 16); // element count
    await writeFile(file, tooMany);
    await expect(readHnswFileInfo(file)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });

  it('reports a missing file as INDEX_MISSING', async () => {
    await expect(readHnswFileInfo(file)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
  });
});
