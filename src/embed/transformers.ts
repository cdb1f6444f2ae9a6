// Embedder backed by transformers.js (ONNX Runtime on the CPU): mean-pooled, L2-normalised hidden states.
//
// transformers.js keeps its settings in one process-wide `env` object (allowRemoteModels, localModelPath, cacheDir).
// This module never writes it, so two embedders with different options cannot disturb each other or other code:
// it finds the model folder itself (MODEL_DIR/<model>, then the cache) and hands transformers.js that absolute folder
// with `local_files_only: true`; the cache folder and remote permission travel as per-call options
// (`cache_dir`, `local_files_only`). What the library still reads from `env`: only when `allowRemote` is true does a
// download also need `env.allowRemoteModels` (the library's default, true) — code that sets it to false wins.
//
// The graph runs through onnx-extractor.ts with int8 activations quantized per token, so a text's vector does not
// depend on what it is batched with (same text, same vector: alone, in a build, under load).
//
// Throughput: a batch is padded to its longest input, so each call's values are sorted by their length in tokens
// and run in small batches (measured on the bundled model, 2 cores: 100 paragraphs as one batch 18/s, one by one
// 42/s, length-sorted batches of 16 50/s); vectors are returned in the order of the values.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from '../errors.ts';
import { PROJECT_ROOT } from '../paths.ts';
import {
  type ExtractorTokenizer,
  loadOnnxExtractor,
  type OnnxExtractor,
  UnusableVectorError,
} from './onnx-extractor.ts';
import { applyPrefix, resolvePrefixes } from './prefixes.ts';
import { createRunBatcher } from './run-batcher.ts';
import type { Embedder, EmbeddingInputType, EmbedOptions } from './types.ts';

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
/** What EMBEDDING_DTYPE accepts. */
export const EMBEDDING_DTYPES = [
  'auto',
  'fp32',
  'fp16',
  'q8',
  'int8',
  'uint8',
  'q4',
  'q4f16',
  'bnb4',
] as const;
export type EmbeddingDtype = (typeof EMBEDDING_DTYPES)[number];

/**
 * What "auto" takes, best first: full precision, then the 8-bit variants, then fp16 (slow on CPU runtimes, which
 * compute it in fp32 after converting), then the 4-bit ones.
 */
export const DTYPE_PREFERENCE: readonly TransformersDtype[] = [
  'fp32',
  'q8',
  'int8',
  'uint8',
  'fp16',
  'q4',
  'q4f16',
  'bnb4',
];

const BASE_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

export interface TransformersEmbedderOptions {
  /** Model name (a hub id like "Xenova/multilingual-e5-small") or an absolute folder. Default "Xenova/multilingual-e5-small". */
  model?: string;
  /** Folder holding <model>/ (config.json, tokenizer files, onnx/). Default <project>/models (MODEL_DIR). */
  modelDir?: string;
  /** Allow downloading from the Hugging Face hub into cacheDir when the files are not local. Default false. */
  allowRemote?: boolean;
  /** transformers.js cache folder (also searched for <model>/). Default the library's own (TRANSFORMERS_CACHE). */
  cacheDir?: string;
  /** Default "query: " for e5 models, "" otherwise. */
  queryPrefix?: string;
  /** Default "passage: " for e5 models, "" otherwise. */
  passagePrefix?: string;
  /** Values per doEmbed call; larger calls are split by the caller (embedAll). Default 128. */
  maxEmbeddingsPerCall?: number;
  /** Values per model run, after sorting a call's values by length; also the most questions one run joins. Default 16. */
  batchSize?: number;
  /** Keep onnxruntime's CPU memory arena (faster allocation, but the memory of the largest batch stays). Default false. */
  memoryArena?: boolean;
  /**
   * Which ONNX weights to load (onnx/model.onnx for fp32, onnx/model_quantized.onnx for q8 …), or "auto": the best
   * present in the folder (DTYPE_PREFERENCE). Default "auto" (EMBEDDING_DTYPE).
   */
  dtype?: EmbeddingDtype;
  /** Called once loaded with what each step of the load took (the benchmark reports them apart). */
  onLoadTimings?: (timings: TransformersLoadTimings) => void;
}

/** Milliseconds of the three steps of loading: ONNX session and tokenizer, the weights' sha256, the first run. */
export interface TransformersLoadTimings {
  pipelineMs: number;
  checksumMs: number;
  probeMs: number;
}

function weightsFile(dtype: TransformersDtype): string {
  return path.join('onnx', `model${DTYPE_FILE_SUFFIX[dtype]}.onnx`);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function unavailable(message: string, details: Record<string, unknown>, cause?: unknown): BeschlussError {
  return new BeschlussError('EMBEDDER_UNAVAILABLE', message, { details, cause });
}

/** A folder that holds the model for the dtype asked for (for "auto", the best dtype it has), or what it lacks. */
async function inspectFolder(
  folder: string,
  dtype: EmbeddingDtype,
): Promise<{ dtype: TransformersDtype } | { missing: string[] }> {
  const missing: string[] = [];
  for (const file of BASE_FILES) if (!(await exists(path.join(folder, file)))) missing.push(file);
  const wanted = dtype === 'auto' ? DTYPE_PREFERENCE : [dtype];
  let found: TransformersDtype | undefined;
  for (const candidate of wanted) {
    if (await exists(path.join(folder, weightsFile(candidate)))) {
      found = candidate;
      break;
    }
  }
  if (found === undefined) {
    missing.push(
      dtype === 'auto' ? `onnx/model*.onnx (any of ${DTYPE_PREFERENCE.join(', ')})` : weightsFile(dtype),
    );
  }
  return missing.length === 0 && found !== undefined ? { dtype: found } : { missing };
}

/**
 * Lets transformers.js download a model it does not have locally into the cache (the pipeline is built once for that
 * and disposed; the embedder then loads the files from the cache like any local folder).
 */
async function downloadModel(
  transformers: typeof import('@huggingface/transformers'),
  model: string,
  where: { cacheDir: string | undefined; loadDtype: TransformersDtype | undefined; candidates: string[] },
): Promise<void> {
  try {
    const downloaded = await transformers.pipeline('feature-extraction', model, {
      local_files_only: false,
      ...(where.cacheDir ? { cache_dir: where.cacheDir } : {}),
      device: 'cpu',
      ...(where.loadDtype === undefined ? {} : { dtype: where.loadDtype }),
    });
    await downloaded.dispose();
  } catch (error) {
    throw unavailable(
      `Could not load embedding model "${model}" from the Hugging Face hub (cache ${where.cacheDir ?? 'default'}): ${error instanceof Error ? error.message : String(error)}`,
      { model, folders: where.candidates },
      error,
    );
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Loads the model, embeds a probe to learn the dimensions, and returns the embedder. */
export async function createTransformersEmbedder(
  options: TransformersEmbedderOptions = {},
): Promise<Embedder> {
  const {
    model = DEFAULT_TRANSFORMERS_MODEL,
    modelDir = DEFAULT_MODEL_DIR,
    allowRemote = false,
    maxEmbeddingsPerCall = 128,
    batchSize = 16,
    memoryArena = false,
    dtype = 'auto',
  } = options;
  if (!(EMBEDDING_DTYPES as readonly string[]).includes(dtype)) {
    throw unavailable(
      `Unknown dtype "${dtype}" for embedding model "${model}": expected one of ${EMBEDDING_DTYPES.join(', ')} (EMBEDDING_DTYPE).`,
      { model, dtype },
    );
  }
  const transformers = await import('@huggingface/transformers');
  const cacheDir = options.cacheDir ?? (transformers.env.cacheDir || undefined);
  const prefixes = resolvePrefixes(model, options);

  const candidates = path.isAbsolute(model)
    ? [model]
    : [path.resolve(modelDir, model), ...(cacheDir ? [path.resolve(cacheDir, model)] : [])];
  const problems: string[] = [];
  let folder: string | undefined;
  let chosenDtype: TransformersDtype | undefined;
  for (const candidate of candidates) {
    const inspected = await inspectFolder(candidate, dtype);
    if ('dtype' in inspected) {
      folder = candidate;
      chosenDtype = inspected.dtype;
      break;
    }
    problems.push(
      inspected.missing.length === BASE_FILES.length + 1
        ? `${candidate} (not there)`
        : `${candidate} (lacks ${inspected.missing.join(', ')})`,
    );
  }
  const expected = [...BASE_FILES, dtype === 'auto' ? 'onnx/model*.onnx' : weightsFile(dtype)];
  if (folder === undefined && !allowRemote) {
    throw unavailable(
      `Embedding model "${model}" is not available locally: looked in ${problems.join('; ')}. ` +
        `Expected ${expected.join(', ')}. Fix: put the model files into ${candidates[0]} (or set MODEL_DIR to the ` +
        `folder holding ${model}/), allow the one-time download on a machine with internet (EMBEDDING_ALLOW_REMOTE=true), ` +
        'or use EMBEDDER=offline.',
      { model, folders: candidates, expectedFiles: expected },
    );
  }
  // A download cannot look for the best file first: "auto" then asks for the dtype the model's config names.
  const loadDtype = chosenDtype ?? (dtype === 'auto' ? undefined : dtype);

  let stepStarted = performance.now();
  if (folder === undefined) {
    // Not local, download allowed: transformers.js fetches the files into the cache, where they are found below.
    await downloadModel(transformers, model, { cacheDir, loadDtype, candidates });
    for (const candidate of candidates) {
      const inspected = await inspectFolder(candidate, loadDtype ?? 'auto');
      if ('dtype' in inspected) {
        folder = candidate;
        chosenDtype = inspected.dtype;
        break;
      }
    }
  }
  if (folder === undefined || chosenDtype === undefined) {
    throw unavailable(
      `Embedding model "${model}" was downloaded but its files are not in ${candidates.join(' or ')}.`,
      { model, folders: candidates },
    );
  }
  const weights = path.join(folder, weightsFile(chosenDtype));
  let extractor: OnnxExtractor;
  try {
    extractor = await loadOnnxExtractor({
      folder,
      weightsFile: weights,
      memoryArena,
      loadTokenizer: async (modelFolder) =>
        (await transformers.AutoTokenizer.from_pretrained(modelFolder, {
          local_files_only: true,
        })) as unknown as ExtractorTokenizer,
    });
  } catch (error) {
    throw unavailable(
      `Could not load embedding model "${model}" from ${folder}: ${error instanceof Error ? error.message : String(error)}`,
      { model, folders: candidates },
      error,
    );
  }
  const pipelineMs = performance.now() - stepStarted;

  const runtime = [
    `transformers.js ${transformers.env.version}`,
    `onnxruntime-node ${extractor.runtimeVersion}`,
  ].join(', ');
  stepStarted = performance.now();
  const identity = {
    dtype: chosenDtype,
    weightsSha256: await sha256Of(weights),
    runtime,
    ...(extractor.rewrittenQuantizers > 0 ? { activations: 'per-token' } : {}),
  };
  const checksumMs = performance.now() - stepStarted;

  const tokenizer = extractor.tokenizer;
  const maxInputTokens = Math.min(512, tokenizer.model_max_length ?? 512);
  const countTokens = (value: string, inputType: EmbeddingInputType): number =>
    tokenizer.encode(`${prefixes[inputType]}${value}`).length;

  const run = async (texts: string[]): Promise<number[][]> => {
    try {
      return await extractor.run(texts);
    } catch (error) {
      if (!(error instanceof UnusableVectorError)) throw error;
      throw new BeschlussError(
        'EMBEDDER_FAILED',
        `Embedding model "${model}" returned no usable vector for input ${error.row} (zero, non-finite or short).`,
        { details: { model, input: texts[error.row] } },
      );
    }
  };

  stepStarted = performance.now();
  let probe: number[][];
  try {
    probe = await run(applyPrefix(['Probe'], 'passage', prefixes));
  } catch (error) {
    throw unavailable(
      `Embedding model "${model}" loaded from ${folder} but failed on a probe input: ${error instanceof Error ? error.message : String(error)}`,
      { model, folder },
      error,
    );
  }
  options.onLoadTimings?.({ pipelineMs, checksumMs, probeMs: performance.now() - stepStarted });
  const dimensions = probe[0]?.length ?? 0;
  // A graph whose rows could still influence each other (a quantizer the rewrite does not know) runs one text at a
  // time: the same text must give the same vector whatever it is embedded with.
  const perRun = extractor.rowIndependent ? Math.max(1, Math.floor(batchSize)) : 1;
  const queries = createRunBatcher(run, { maxBatch: perRun });
  const failed = (error: unknown, count: number) =>
    BeschlussError.is(error)
      ? error
      : new BeschlussError(
          'EMBEDDER_FAILED',
          `Embedding model "${model}" failed on ${count} input(s): ${error instanceof Error ? error.message : String(error)}`,
          { details: { model }, cause: error },
        );

  return {
    provider: 'transformers',
    modelId: model,
    dimensions,
    maxEmbeddingsPerCall: Math.max(1, Math.floor(maxEmbeddingsPerCall)),
    identity,
    maxInputTokens,
    countTokens,
    async doEmbed({ values, inputType, abortSignal }: EmbedOptions) {
      const inputs = applyPrefix(values, inputType, prefixes);
      // Questions come one at a time from many requests: those that wait for a busy model share its next run.
      if (inputType === 'query' && inputs.length === 1) {
        abortSignal?.throwIfAborted();
        try {
          return { embeddings: [await queries.submit(inputs[0] as string)] };
        } catch (error) {
          throw failed(error, 1);
        }
      }
      const lengths = inputs.map((input) => (inputs.length > 1 ? tokenizer.encode(input).length : 0));
      const order = inputs.map((_, index) => index).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0));
      const embeddings: number[][] = new Array(inputs.length);
      for (let start = 0; start < order.length; start += perRun) {
        abortSignal?.throwIfAborted();
        const positions = order.slice(start, start + perRun);
        let vectors: number[][];
        try {
          vectors = await run(positions.map((position) => inputs[position] as string));
        } catch (error) {
          throw failed(error, inputs.length);
        }
        positions.forEach((position, offset) => {
          embeddings[position] = vectors[offset] as number[];
        });
      }
      return { embeddings };
    },
  };
}
