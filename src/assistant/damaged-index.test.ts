// Every damaged state of the index, one row per file and damage (missing, truncated, flipped bytes, another format
// version, CURRENT missing beside a build): started with INDEX_ON_CORRUPT=rebuild the assistant rebuilds it and
// answers as before; with fail it refuses, naming the damaged file; `beschluss index` always repairs it.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { runCli } from '../cli/testing/run-cli.ts';
import { loadConfig } from '../config.ts';
import { createOfflineEmbedder } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import { readIndexArtifact } from '../index/index.ts';
import { createMemoryLogger } from '../logger.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { createAssistant } from './create.ts';

/** Our own questions on the bundled corpus: a reference, a question by words, one by meaning. */
const QUESTIONS = ['TOP 22 Ziffer 2', 'Wer wertet den Warntag aus?', 'Was gilt für Feuerwerk an Silvester?'];

const hashContent = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

let analyzer: Analyzer;
let embedder: Embedder;
let root: string;
let pristine: string;
let expectedAnswers: string[];

function start(indexDir: string, onCorrupt: 'rebuild' | 'fail') {
  const config = loadConfig({
    CORPUS_DIR: DEFAULT_CORPUS_DIR,
    INDEX_DIR: indexDir,
    INDEX_ON_CORRUPT: onCorrupt,
  });
  return createAssistant({ config, logger: createMemoryLogger(), analyzer, embedder });
}

async function answersOf(indexDir: string, onCorrupt: 'rebuild' | 'fail'): Promise<string[]> {
  const assistant = await start(indexDir, onCorrupt);
  try {
    const answers: string[] = [];
    for (const question of QUESTIONS)
      answers.push(JSON.stringify(await assistant.answerer.answer({ question })));
    return answers;
  } finally {
    await assistant.close();
  }
}

beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  embedder = await createOfflineEmbedder({ analyzer });
  root = await mkdtemp(path.join(os.tmpdir(), 'beschluss-damaged-'));
  pristine = path.join(root, 'pristine');
  expectedAnswers = await answersOf(pristine, 'rebuild');
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** The file of a damage: CURRENT in the index folder, the others in the live build's folder. */
async function fileOf(indexDir: string, name: string): Promise<string> {
  if (name === 'CURRENT') return path.join(indexDir, 'CURRENT');
  const { build } = JSON.parse(await readFile(path.join(indexDir, 'CURRENT'), 'utf8'));
  return path.join(indexDir, 'builds', build, name);
}

/** Rewrites the manifest (and CURRENT's checksum of it) as a writer of another release would have. */
async function rewriteManifest(indexDir: string, change: (manifest: Record<string, unknown>) => void) {
  const file = await fileOf(indexDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  change(manifest);
  const json = JSON.stringify(manifest);
  await writeFile(file, json);
  const current = path.join(indexDir, 'CURRENT');
  const pointer = JSON.parse(await readFile(current, 'utf8'));
  await writeFile(current, `${JSON.stringify({ ...pointer, manifestSha256: hashContent(json) })}\n`);
}

/** Another format version in a data file's header, its checksums updated so that only the version is wrong. */
async function otherDataVersion(indexDir: string, name: string, edit: (bytes: Buffer) => void) {
  const file = await fileOf(indexDir, name);
  const bytes = await readFile(file);
  edit(bytes);
  await writeFile(file, bytes);
  await rewriteManifest(indexDir, (manifest) => {
    const files = manifest.files as Record<string, { name: string; bytes: number; sha256: string }>;
    const entry = Object.values(files).find((candidate) => candidate.name === name);
    if (entry) entry.sha256 = hashContent(bytes);
  });
}

type Damage = (indexDir: string, file: string) => Promise<void>;
const missing: Damage = (_, file) => rm(file);
const truncated: Damage = async (_, file) => truncate(file, Math.floor((await readFile(file)).length / 2));
const flipped: Damage = async (_, file) => {
  const bytes = await readFile(file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] as number) ^ 0xff;
  await writeFile(file, bytes);
};

const CASES: Array<[string, string, Damage]> = [
  ['CURRENT', 'missing (a build beside it)', missing],
  ['CURRENT', 'truncated', truncated],
  ['CURRENT', 'flipped bytes', flipped],
  ['manifest.json', 'missing', missing],
  ['manifest.json', 'truncated', truncated],
  ['manifest.json', 'flipped bytes', flipped],
  [
    'manifest.json',
    'another format version',
    (indexDir) =>
      rewriteManifest(indexDir, (manifest) => {
        manifest.formatVersion = Number(manifest.formatVersion) + 1;
      }),
  ],
  ...(['vectors.hnsw', 'embeddings.f32', 'sentences.i8', 'lexical.bin'] as const).flatMap(
    (name): Array<[string, string, Damage]> => [
      [name, 'missing', missing],
      [name, 'truncated', truncated],
      [name, 'flipped bytes', flipped],
    ],
  ),
  [
    'sentences.i8',
    'another format version',
    (indexDir) =>
      otherDataVersion(indexDir, 'sentences.i8', (bytes) => {
        bytes[3] = '9'.charCodeAt(0);
      }),
  ],
  [
    'lexical.bin',
    'another format version',
    (indexDir) =>
      otherDataVersion(indexDir, 'lexical.bin', (bytes) => {
        bytes.writeUInt32LE(bytes.readUInt32LE(4) + 1, 4);
      }),
  ],
];

let copies = 0;
async function damagedCopy(name: string, damage: Damage): Promise<{ indexDir: string; file: string }> {
  const indexDir = path.join(root, `copy-${++copies}`);
  await cp(pristine, indexDir, { recursive: true });
  const file = await fileOf(indexDir, name);
  await damage(indexDir, file);
  return { indexDir, file };
}

describe.each(CASES)('an index whose %s is %s', (name, _damage, damage) => {
  it('is rebuilt at start with INDEX_ON_CORRUPT=rebuild and answers as before', async () => {
    const { indexDir } = await damagedCopy(name, damage);
    expect(await answersOf(indexDir, 'rebuild')).toEqual(expectedAnswers);
    await expect(readIndexArtifact(indexDir)).resolves.toBeDefined();
  }, 60_000);

  it('is refused at start with INDEX_ON_CORRUPT=fail, naming the file', async () => {
    const { indexDir, file } = await damagedCopy(name, damage);
    const before = await readdir(indexDir, { recursive: true });
    const error = await start(indexDir, 'fail').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(BeschlussError);
    expect((error as BeschlussError).message).toContain(file);
    expect((error as BeschlussError).message).toContain('INDEX_ON_CORRUPT=fail');
    // Refused, not repaired: the folder is as it was.
    expect(await readdir(indexDir, { recursive: true })).toEqual(before);
  }, 60_000);

  it('is repaired by `beschluss index`', async () => {
    const { indexDir } = await damagedCopy(name, damage);
    vi.stubEnv('EMBEDDER', 'offline');
    try {
      const result = await runCli(['index', '--corpus', DEFAULT_CORPUS_DIR, '--index', indexDir]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await answersOf(indexDir, 'fail')).toEqual(expectedAnswers);
  }, 60_000);
});
