// Embedder backed by transformers.js (ONNX Runtime on the CPU): mean-pooled, L2-normalised hidden states.
//
// transformers.js keeps its settings in one process-wide `env` object (allowRemoteModels, localModelPath, cacheDir).
// This module never writes it, so two embedders with different options cannot disturb each other or other code:
// it finds the model folder itself (MODEL_DIR/<model>, then the cache) and hands transformers.js that absolute folder
// with `local_files_only: true`; the cache folder and remote permission travel as per-call options
// (`cache_dir`, `local_files_only`). What the library still reads from `env`: only when `allowRemote` is true does a
// download also need `env.allowRemoteModels` (the library's default, true) — code that sets it to false wins.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from '../errors.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { l2Normalize } from './l2-normalize.ts';
import { applyPrefix, resolvePrefixes } from './prefixes.ts';
import type { Embedder, EmbedOptions } from './types.ts';

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/multilingual-e5-small';
/** Where models are looked for when neither `modelDir` nor MODEL_DIR is given. */
export const DEFAULT_MODEL_DIR = path.join(PROJECT_ROOT, 'models');

/** The ONNX weight variants transformers.js v3 knows, each stored as onnx/model<suffix>.onnx. */
const DTYPE_FILE_SUFFIX = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
} as const;

export type TransformersDtype = keyof typeof DTYPE_FILE_SUFFIX;

export interface TransformersEmbedderOptions {
  /** Model name (a hub id like "Xenova/multilingual-e5-small") or an absolute folder. Default EMBEDDING_MODEL or "Xenova/multilingual-e5-small". */
  model?: string;
  /** Folder holding <model>/ (config.json, tokenizer files, onnx/). Default MODEL_DIR or <project>/models. */
  modelDir?: string;
  /** Allow downloading from the Hugging Face hub into cacheDir when the files are not local. Default false. */
  allowRemote?: boolean;
  /** transformers.js cache folder (also searched for <model>/). Default TRANSFORMERS_CACHE or the library's own. */
  cacheDir?: string;
  /** Default "query: " for e5 models, "" otherwise. */
  queryPrefix?: string;
  /** Default "passage: " for e5 models, "" otherwise. */
  passagePrefix?: string;
  /** Values per model run; larger calls are split. Default 32. */
  maxEmbeddingsPerCall?: number;
  /** Which ONNX weights to load (onnx/model.onnx for fp32, onnx/model_quantized.onnx for q8 …). Default "fp32". */
  dtype?: TransformersDtype;
  /** Where the defaults above are read from. Default process.env. */
  environment?: Record<string, string | undefined>;
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: boolean },
) => Promise<{ dims: number[]; data: ArrayLike<number>; dispose?: () => void }>;

function requiredFiles(dtype: TransformersDtype): string[] {
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    path.join('onnx', `model${DTYPE_FILE_SUFFIX[dtype]}.onnx`),
  ];
}

async function missingFiles(folder: string, files: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const file of files) {
    try {
      await access(path.join(folder, file));
    } catch {
      missing.push(file);
    }
  }
  return missing;
}

function unavailable(message: string, details: Record<string, unknown>, cause?: unknown): BeschlussError {
  return new BeschlussError('EMBEDDER_UNAVAILABLE', message, { details, cause });
}

/** Loads the model, embeds a probe to learn the dimensions, and returns the embedder. */
export async function createTransformersEmbedder(
  options: TransformersEmbedderOptions = {},
): Promise<Embedder> {
  const environment = options.environment ?? process.env;
  const {
    model = environment.EMBEDDING_MODEL || DEFAULT_TRANSFORMERS_MODEL,
    modelDir = environment.MODEL_DIR || DEFAULT_MODEL_DIR,
    allowRemote = false,
    maxEmbeddingsPerCall = 32,
    dtype = 'fp32',
  } = options;
  if (!Object.hasOwn(DTYPE_FILE_SUFFIX, dtype)) {
    throw unavailable(
      `Unknown dtype "${dtype}" for embedding model "${model}": expected one of ${Object.keys(DTYPE_FILE_SUFFIX).join(', ')}.`,
      { model, dtype },
    );
  }
  const transformers = await import('@huggingface/transformers');
  const cacheDir =
    options.cacheDir ?? (environment.TRANSFORMERS_CACHE || transformers.env.cacheDir || undefined);
  const prefixes = resolvePrefixes(model, options);

  const candidates = path.isAbsolute(model)
    ? [model]
    : [path.resolve(modelDir, model), ...(cacheDir ? [path.resolve(cacheDir, model)] : [])];
  const files = requiredFiles(dtype);
  const problems: string[] = [];
  let folder: string | undefined;
  for (const candidate of candidates) {
    const missing = await missingFiles(candidate, files);
    if (missing.length === 0) {
      folder = candidate;
      break;
    }
    problems.push(
      missing.length === files.length
        ? `${candidate} (not there)`
        : `${candidate} (lacks ${missing.join(', ')})`,
    );
  }
  if (folder === undefined && !allowRemote) {
    throw unavailable(
      `Embedding model "${model}" is not available locally: looked in ${problems.join('; ')}. ` +
        `Expected ${files.join(', ')}. Fix: put the model files into ${candidates[0]} (or set MODEL_DIR to the ` +
        `folder holding ${model}/), allow the one-time download on a machine with internet (EMBEDDING_ALLOW_REMOTE=true), ` +
        'or use EMBEDDER=offline.',
      { model, folders: candidates, expectedFiles: files },
    );
  }

  let extractor: FeatureExtractor;
  try {
    const loaded = await transformers.pipeline('feature-extraction', folder ?? model, {
      local_files_only: folder !== undefined || !allowRemote,
      ...(cacheDir ? { cache_dir: cacheDir } : {}),
      device: 'cpu',
      dtype,
    });
    extractor = loaded as unknown as FeatureExtractor;
  } catch (error) {
    const where = folder ?? `the Hugging Face hub (cache ${cacheDir ?? 'default'})`;
    throw unavailable(
      `Could not load embedding model "${model}" from ${where}: ${error instanceof Error ? error.message : String(error)}`,
      { model, folders: candidates },
      error,
    );
  }

  const run = async (texts: string[]): Promise<number[][]> => {
    const output = await extractor(texts, { pooling: 'mean', normalize: true });
    try {
      const width = output.dims[output.dims.length - 1] ?? 0;
      const embeddings: number[][] = [];
      for (let row = 0; row < texts.length; row++) {
        const values = Array.prototype.slice.call(output.data, row * width, (row + 1) * width) as number[];
        const vector = l2Normalize(values);
        if (vector === undefined || values.length !== width) {
          throw new BeschlussError(
            'EMBEDDER_FAILED',
            `Embedding model "${model}" returned no usable vector for input ${row} (zero, non-finite or short).`,
            { details: { model, input: texts[row] } },
          );
        }
        embeddings.push(vector);
      }
      return embeddings;
    } finally {
      output.dispose?.();
    }
  };

  let probe: number[][];
  try {
    probe = await run(applyPrefix(['Probe'], 'passage', prefixes));
  } catch (error) {
    throw unavailable(
      `Embedding model "${model}" loaded from ${folder ?? 'the hub'} but failed on a probe input: ${error instanceof Error ? error.message : String(error)}`,
      { model, folder },
      error,
    );
  }
  const dimensions = probe[0]?.length ?? 0;
  const batchSize = Math.max(1, Math.floor(maxEmbeddingsPerCall));

  return {
    provider: 'transformers',
    modelId: model,
    dimensions,
    maxEmbeddingsPerCall: batchSize,
    async doEmbed({ values, inputType, abortSignal }: EmbedOptions) {
      const inputs = applyPrefix(values, inputType, prefixes);
      const embeddings: number[][] = [];
      for (let start = 0; start < inputs.length; start += batchSize) {
        abortSignal?.throwIfAborted();
        try {
          embeddings.push(...(await run(inputs.slice(start, start + batchSize))));
        } catch (error) {
          if (BeschlussError.is(error)) throw error;
          throw new BeschlussError(
            'EMBEDDER_FAILED',
            `Embedding model "${model}" failed on ${inputs.length} input(s): ${error instanceof Error ? error.message : String(error)}`,
            { details: { model }, cause: error },
          );
        }
      }
      return { embeddings };
    },
  };
}
