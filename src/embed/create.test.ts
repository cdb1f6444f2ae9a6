import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { type CreateEmbedderOptions, createEmbedder, type EmbedderKind } from './create.ts';
import { l2Normalize } from './l2-normalize.ts';
import { fakeVector, startFakeEmbeddingServer } from './testing/fake-embedding-server.ts';
import { buildTinyBertModel } from './testing/tiny-model.ts';
import type { Embedder } from './types.ts';

let root: string;
let modelDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'beschluss-create-embedder-'));
  modelDir = path.join(root, 'models');
  await buildTinyBertModel(modelDir, { modelName: 'testing/tiny-multilingual-e5' });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A weightless stand-in for src/embed/offline.ts that records how often it was built. */
function offlineDouble() {
  const created: Array<{ dimensions?: number } | undefined> = [];
  const createOffline = async (options?: { dimensions?: number }): Promise<Embedder> => {
    created.push(options);
    const dimensions = options?.dimensions ?? 16;
    return {
      provider: 'offline',
      modelId: 'test-hashing',
      dimensions,
      maxEmbeddingsPerCall: 100,
      doEmbed: async ({ values }) => ({
        embeddings: values.map((value) => l2Normalize(fakeVector(value, dimensions)) as number[]),
      }),
    };
  };
  return { created, createOffline };
}

function recordingLogger() {
  type Log = (message: string, fields?: Record<string, unknown>) => void;
  return { info: vi.fn<Log>(), warn: vi.fn<Log>() };
}

function baseOptions(overrides: CreateEmbedderOptions = {}): CreateEmbedderOptions {
  return {
    modelDir: path.join(root, 'empty-models'),
    logger: recordingLogger(),
    ...overrides,
  };
}

describe('createEmbedder in auto mode', () => {
  it('uses the transformers model when its files are in the model folder', async () => {
    const { created, createOffline } = offlineDouble();
    const logger = recordingLogger();
    const result = await createEmbedder(
      baseOptions({ model: 'testing/tiny-multilingual-e5', modelDir, logger, createOffline }),
    );
    expect(result.embedder.provider).toBe('transformers');
    expect(result.fallbackReason).toBeUndefined();
    expect(created).toHaveLength(0);
    expect(logger.info).toHaveBeenCalledWith(
      'Embedder: transformers testing/tiny-multilingual-e5 (32 dimensions)',
      {
        embedder: expect.stringMatching(
          /^transformers:testing\/tiny-multilingual-e5:32;dtype=fp32;sha256=[0-9a-f]{16};runtime=transformers\.js /,
        ),
      },
    );
  });

  it('falls back to the offline embedder within seconds when the model files are missing, and says why', async () => {
    const { created, createOffline } = offlineDouble();
    const logger = recordingLogger();
    const started = performance.now();
    const result = await createEmbedder(
      baseOptions({ model: 'Xenova/multilingual-e5-small', logger, createOffline }),
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.embedder.provider).toBe('offline');
    expect(created).toHaveLength(1);
    expect(result.fallbackReason).toContain('Xenova/multilingual-e5-small');
    expect(result.fallbackReason).toContain(path.join(root, 'empty-models'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]?.[0]).toContain('using offline test-hashing (16 dimensions)');
    expect(logger.warn.mock.calls[0]?.[1]).toMatchObject({ fallbackReason: result.fallbackReason });
    expect(logger.warn.mock.calls[0]?.[1]).toEqual({
      embedder: 'offline:test-hashing:16',
      fallbackReason: result.fallbackReason,
    });
  });

  it('falls back to the real offline embedder of src/embed/offline.ts by default', async () => {
    const logger = recordingLogger();
    const started = performance.now();
    const result = await createEmbedder(baseOptions({ model: 'Xenova/multilingual-e5-small', logger }));
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(result.embedder.provider).toBe('offline');
    expect(result.fallbackReason).toContain('is not available locally');
    const { embeddings } = await result.embedder.doEmbed({ values: ['Gefährder'], inputType: 'query' });
    expect(embeddings[0]).toHaveLength(result.embedder.dimensions);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('falls back when loading takes longer than loadTimeoutMs', async () => {
    const { createOffline } = offlineDouble();
    const never = new Promise<Embedder>(() => {});
    const result = await createEmbedder(
      baseOptions({ loadTimeoutMs: 50, createOffline, createTransformers: () => never }),
    );
    expect(result.embedder.provider).toBe('offline');
    expect(result.fallbackReason).toContain('took longer than 50 ms');
  });

  it('does not trip over a load that fails after the timeout', async () => {
    const { createOffline } = offlineDouble();
    const late = new Promise<Embedder>((_, reject) =>
      setTimeout(() => reject(new Error('late failure')), 80),
    );
    const result = await createEmbedder(
      baseOptions({ loadTimeoutMs: 20, createOffline, createTransformers: () => late }),
    );
    expect(result.embedder.provider).toBe('offline');
    await new Promise((resolve) => setTimeout(resolve, 120));
  });

  it('passes model, model folder, cache and download permission to transformers', async () => {
    const { createOffline } = offlineDouble();
    const seen: unknown[] = [];
    await createEmbedder({
      logger: recordingLogger(),
      model: 'some/model',
      modelDir: '/srv/models',
      cacheDir: '/srv/cache',
      allowRemote: true,
      createOffline,
      createTransformers: async (options) => {
        seen.push(options);
        throw new BeschlussError('EMBEDDER_UNAVAILABLE', 'no such model');
      },
    });
    expect(seen).toEqual([
      expect.objectContaining({
        model: 'some/model',
        modelDir: '/srv/models',
        cacheDir: '/srv/cache',
        allowRemote: true,
      }),
    ]);
  });

  it('uses the OpenAI-compatible server when a base URL is configured', async () => {
    const server = await startFakeEmbeddingServer({ dimensions: 10 });
    try {
      const { created, createOffline } = offlineDouble();
      const result = await createEmbedder({
        logger: recordingLogger(),
        baseURL: server.baseURL,
        model: 'bge-m3',
        createOffline,
      });
      expect(result.embedder.provider).toBe('openai-compatible');
      expect(result.embedder.dimensions).toBe(10);
      expect(created).toHaveLength(0);
      expect(server.calls[0]?.model).toBe('bge-m3');
    } finally {
      await server.close();
    }
  });

  it('does not fall back silently when the configured server fails', async () => {
    const server = await startFakeEmbeddingServer({ behaviour: 'error' });
    try {
      const { created, createOffline } = offlineDouble();
      const failure = createEmbedder(
        baseOptions({ baseURL: server.baseURL, model: 'bge-m3', createOffline }),
      );
      await expect(failure).rejects.toMatchObject({ code: 'EMBEDDER_FAILED' });
      expect(created).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('createEmbedder with an explicit kind', () => {
  it('builds the offline embedder for kind "offline"', async () => {
    const { created, createOffline } = offlineDouble();
    const explicit = await createEmbedder(baseOptions({ kind: 'offline', createOffline }));
    expect(explicit.embedder.provider).toBe('offline');
    expect(created).toHaveLength(1);
  });

  it.each([
    [
      'when kind "transformers" cannot load, without falling back',
      { kind: 'transformers', model: 'missing/model' } as const,
      // the folder is made in beforeAll, so the message is known only when the test runs
      (): string => path.join(root, 'empty-models', 'missing/model'),
    ],
    [
      'when kind "openai-compatible" has no base URL',
      { kind: 'openai-compatible', model: 'bge-m3' } as const,
      (): string => 'baseURL',
    ],
  ])('throws %s', async (_, options, message) => {
    const { created, createOffline } = offlineDouble();
    const failure = createEmbedder(baseOptions({ ...options, createOffline }));
    await expect(failure).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    await expect(failure).rejects.toThrow(message());
    expect(created).toHaveLength(0);
  });

  it('rejects an unknown kind naming the valid ones', async () => {
    const failure = createEmbedder(baseOptions({ kind: 'gpu' as EmbedderKind }));
    await expect(failure).rejects.toThrow('Unknown embedder kind "gpu": expected one of auto, transformers');
  });

  it('logs to stderr by default, keeping stdout free for JSON output', async () => {
    const { createOffline } = offlineDouble();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write');
    try {
      await createEmbedder({ kind: 'offline', createOffline });
      const lines = stderr.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(lines).toEqual([
        expect.objectContaining({ level: 'info', message: 'Embedder: offline test-hashing (16 dimensions)' }),
      ]);
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
});
