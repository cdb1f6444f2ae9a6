// Loads the live build of an index folder, checking every file before anything is handed to native code.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from '../../errors.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import { type LoadVectorStore, loadHnswVectorStore } from '../vector/index.ts';
import { hashContent, hashFile } from './hash.ts';
import { chunksOf, type IndexArtifact, storedVectorsLoader } from './index-artifact.ts';
import { buildDirectory, type CurrentPointer, MANIFEST_FILE, readCurrentPointer } from './index-layout.ts';
import { type IndexManifest, parseManifest } from './manifest.ts';
import { decodeSentenceVectors, type SentenceVectors } from './sentence-vectors.ts';

export interface ReadIndexArtifactOptions {
  /** When given, an index built by another embedder is refused with INDEX_MISMATCH. */
  expectedEmbedderId?: string;
  /**
   * Check the sha256 of the manifest and of every data file (reads each once more). Default true. Without it, file
   * sizes and the HNSW file's layout are still checked, so a truncated file is always caught.
   */
  verify?: boolean;
  /** Overrides the efSearch recorded in the manifest. */
  efSearch?: number;
  /**
   * Loads the build's vector store file; default the HNSW store. An index whose manifest names another kind of store
   * than the loaded one is refused with INDEX_MISMATCH.
   */
  loadVectorStore?: LoadVectorStore;
}

// No dimensions for the HNSW loader: a file that disagrees with its own manifest is corrupt (checked below), not a
// mismatch with the embedder in use.
const loadDefaultVectorStore: LoadVectorStore = (file, { efSearch }) =>
  loadHnswVectorStore(file, { efSearch });

/**
 * Throws INDEX_MISSING (no index), INDEX_CORRUPT (damaged), INDEX_VERSION (a file of another format version) or
 * INDEX_MISMATCH (another embedder or vector store).
 */
export async function readIndexArtifact(
  indexDirectory: string,
  options: ReadIndexArtifactOptions = {},
): Promise<IndexArtifact> {
  for (let attempt = 1; ; attempt++) {
    const pointer = await requireCurrentPointer(indexDirectory);
    try {
      return await readBuild(indexDirectory, pointer, options);
    } catch (error) {
      // A writer may have switched CURRENT and removed this build while it was being read: read the new one.
      const now = await readCurrentPointer(indexDirectory).catch(() => undefined);
      if (attempt < 3 && now !== undefined && now.build !== pointer.build) continue;
      throw error;
    }
  }
}

export async function requireCurrentPointer(indexDirectory: string): Promise<CurrentPointer> {
  const pointer = await readCurrentPointer(indexDirectory);
  if (!pointer) {
    throw new BeschlussError(
      'INDEX_MISSING',
      `There is no index in ${indexDirectory} (no ${path.join(indexDirectory, 'CURRENT')}); ` +
        'run `npx beschluss index` or start the server to build it.',
      { details: { file: indexDirectory } },
    );
  }
  return pointer;
}

async function readBuild(
  indexDirectory: string,
  pointer: CurrentPointer,
  options: ReadIndexArtifactOptions,
): Promise<IndexArtifact> {
  const { expectedEmbedderId, verify = true, loadVectorStore } = options;
  const { directory, manifest } = await openManifest(indexDirectory, pointer, verify);
  if (expectedEmbedderId !== undefined) assertEmbedder(indexDirectory, manifest, expectedEmbedderId);
  await checkDataFiles(directory, manifest, verify);

  const vectorFile = path.join(directory, manifest.files.vectors.name);
  const { dimensions } = manifest.embedder;
  const builtWith = manifest.settings.vectorStore;
  // Without a loader of its own the caller gets HNSW, which cannot read another store's file: say so up front.
  if (loadVectorStore === undefined && builtWith !== 'hnsw')
    throw storeMismatch(indexDirectory, builtWith, 'hnsw');
  const vectorStore = await (loadVectorStore ?? loadDefaultVectorStore)(vectorFile, {
    dimensions,
    efSearch: options.efSearch ?? manifest.settings.hnsw.efSearch,
  });
  if (vectorStore.kind !== builtWith) throw storeMismatch(indexDirectory, builtWith, vectorStore.kind);
  if (vectorStore.dimensions !== dimensions || vectorStore.size !== manifest.chunks.length) {
    throw corrupt(
      `${vectorFile} holds ${vectorStore.size} vectors of ${vectorStore.dimensions} dimensions, the manifest ` +
        `${manifest.chunks.length} of ${dimensions}`,
      vectorFile,
    );
  }
  for (const chunk of manifest.chunks) {
    if (!(await vectorStore.has(chunk.label)))
      throw corrupt(`${vectorFile} has no vector for chunk ${chunk.id}`, vectorFile);
  }

  // Kept as read: the lexical index views into these bytes rather than copying them.
  const lexical: Uint8Array = await readFile(path.join(directory, manifest.files.lexical.name));
  const sentences = await readSentenceVectors(directory, manifest);
  return {
    buildDirectory: directory,
    manifest,
    units: manifest.units,
    chunks: chunksOf(manifest),
    vectorStore,
    lexical,
    sentences,
    loadStoredVectors: storedVectorsLoader(directory, manifest),
  };
}

/** The sentence vectors of a build, checked against its units. */
export async function readSentenceVectors(
  directory: string,
  manifest: IndexManifest,
): Promise<SentenceVectors> {
  const file = path.join(directory, manifest.files.sentences.name);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw corrupt(`the data file ${file} is missing`, file, error);
  }
  return decodeSentenceVectors(new Uint8Array(bytes), {
    dimensions: manifest.embedder.dimensions,
    unitLengths: manifest.units.map((unit) => unit.text.length),
    file,
  });
}

/** The manifest of the live build, parsed and cross-checked (and compared with CURRENT's checksum when verifying). */
export async function openManifest(
  indexDirectory: string,
  pointer: CurrentPointer,
  verify: boolean,
): Promise<{ directory: string; manifest: IndexManifest }> {
  const directory = buildDirectory(indexDirectory, pointer.build);
  const file = path.join(directory, MANIFEST_FILE);
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw corrupt(`the manifest ${file} named by CURRENT is missing`, file, error);
  }
  if (verify && hashContent(json) !== pointer.manifestSha256) {
    throw corrupt(`the manifest ${file} does not match the checksum recorded in CURRENT`, file);
  }
  return { directory, manifest: parseManifest(json, file) };
}

/** Presence and size of every data file always; their sha256 when verifying. */
export async function checkDataFiles(
  directory: string,
  manifest: IndexManifest,
  verify: boolean,
): Promise<void> {
  for (const entry of Object.values(manifest.files)) {
    const file = path.join(directory, entry.name);
    let bytes: number;
    try {
      bytes = (await stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw corrupt(`the data file ${file} is missing`, file, error);
    }
    if (bytes !== entry.bytes) {
      throw corrupt(`the data file ${file} has ${bytes} bytes, the manifest says ${entry.bytes}`, file);
    }
    if (verify) {
      const sha256 = await hashFile(file);
      if (sha256 !== entry.sha256) {
        throw corrupt(
          `the data file ${file} does not match its checksum (sha256 ${sha256}, expected ${entry.sha256})`,
          file,
        );
      }
    }
  }
}

function assertEmbedder(indexDirectory: string, manifest: IndexManifest, expectedEmbedderId: string): void {
  const built = manifest.embedder.id;
  if (built === expectedEmbedderId) return;
  throw new BeschlussError(
    'INDEX_MISMATCH',
    `The index in ${indexDirectory} was built with the embedder "${built}" but the embedder in use is ` +
      `"${expectedEmbedderId}"; run \`npx beschluss index\` or start the server to rebuild it with "${expectedEmbedderId}" ` +
      `(or configure "${built}" again).`,
    { details: { file: indexDirectory, expected: expectedEmbedderId, received: built } },
  );
}

function storeMismatch(indexDirectory: string, built: string, loading: string): BeschlussError {
  return new BeschlussError(
    'INDEX_MISMATCH',
    `The index in ${indexDirectory} holds a "${built}" vector store, which the "${loading}" store cannot load; ` +
      `${REBUILD_HINT} with the store in use (or load it with a "${built}" store).`,
    { details: { file: indexDirectory, expected: loading, received: built } },
  );
}

function corrupt(problem: string, file: string, cause?: unknown): BeschlussError {
  return new BeschlussError('INDEX_CORRUPT', `The index is corrupt: ${problem}; ${REBUILD_HINT}.`, {
    details: { file },
    cause,
  });
}
