// Sentence vectors from a model folder: transformers.js tokenizes, ONNX Runtime runs the graph (int8 activations
// quantized per token, see per-token-quantization.ts), and each row is mean-pooled over its own tokens and
// L2-normalised — so a text's vector is the same alone or in any batch.
//
// transformers.js' feature-extraction pipeline cannot be given a rewritten graph (it loads the file by name), so the
// session is created here from the rewritten bytes with onnxruntime-node, the runtime transformers.js itself uses
// (the same pinned version, deduplicated by npm).
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { l2Normalize } from './l2-normalize.ts';
import { quantizeActivationsPerToken } from './per-token-quantization.ts';

export interface ExtractorTokenizer {
  (
    texts: string[],
    options: { padding: boolean; truncation: boolean },
  ): Record<string, { data: ArrayLike<bigint>; dims: number[] } | undefined>;
  encode(text: string): number[];
  model_max_length?: number;
}

export interface OnnxExtractor {
  tokenizer: ExtractorTokenizer;
  /** One unit vector per text, in order; throws on an unusable (zero or non-finite) row. */
  run(texts: string[]): Promise<number[][]>;
  /** Whether rows of a batch cannot change each other's vectors (every activation quantizer is per token). */
  rowIndependent: boolean;
  /** Per-tensor activation quantizers made per token (0 for a float graph). */
  rewrittenQuantizers: number;
  /** The onnxruntime-node version that runs the graph. */
  runtimeVersion: string;
}

export interface LoadOnnxExtractorOptions {
  /** The model folder (config.json, tokenizer files). */
  folder: string;
  /** The ONNX weights file to run. */
  weightsFile: string;
  /** Keep onnxruntime's CPU memory arena. */
  memoryArena: boolean;
  /** Loads the tokenizer (transformers.js AutoTokenizer.from_pretrained over the local folder). */
  loadTokenizer: (folder: string) => Promise<ExtractorTokenizer>;
}

export class UnusableVectorError extends Error {
  constructor(readonly row: number) {
    super(`no usable vector for input ${row} (zero, non-finite or short)`);
  }
}

export async function loadOnnxExtractor(options: LoadOnnxExtractorOptions): Promise<OnnxExtractor> {
  const { folder, weightsFile, memoryArena, loadTokenizer } = options;
  const rewrite = quantizeActivationsPerToken(new Uint8Array(await readFile(weightsFile)));
  const session = await ort.InferenceSession.create(rewrite.bytes, {
    executionProviders: ['cpu'],
    // onnxruntime's CPU arena keeps the largest batch's memory for good (about 130 MB more served after a build).
    enableCpuMemArena: memoryArena,
  });
  const tokenizer = await loadTokenizer(folder);
  const outputName = session.outputNames.includes('last_hidden_state')
    ? 'last_hidden_state'
    : (session.outputNames[0] as string);

  const run = async (texts: string[]): Promise<number[][]> => {
    const encoded = tokenizer(texts, { padding: true, truncation: true });
    const ids = encoded.input_ids;
    const mask = encoded.attention_mask;
    if (!ids || !mask) throw new Error('the tokenizer returned no input_ids or attention_mask');
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of session.inputNames) {
      const given = encoded[name];
      if (given) feeds[name] = new ort.Tensor('int64', BigInt64Array.from(given.data), given.dims);
      else if (name === 'token_type_ids')
        feeds[name] = new ort.Tensor('int64', new BigInt64Array(ids.data.length), ids.dims);
      else throw new Error(`the model needs an input "${name}" the tokenizer does not give`);
    }
    const outputs = await session.run(feeds);
    const hidden = outputs[outputName] as ort.Tensor;
    try {
      return meanPooled(hidden.data as Float32Array, hidden.dims as number[], mask.data);
    } finally {
      for (const output of Object.values(outputs)) output.dispose();
    }
  };
  return {
    tokenizer,
    run,
    rowIndependent: rewrite.rowIndependent,
    rewrittenQuantizers: rewrite.rewritten,
    runtimeVersion: ort.env.versions.node ?? ort.env.versions.common,
  };
}

/** Each row's mean over its own tokens (the mask's ones), then scaled to unit length. */
function meanPooled(hidden: Float32Array, dims: number[], mask: ArrayLike<bigint>): number[][] {
  const [rows = 0, length = 0, width = 0] = dims;
  const vectors: number[][] = [];
  for (let row = 0; row < rows; row++) {
    const sum = new Float64Array(width);
    let tokens = 0;
    for (let token = 0; token < length; token++) {
      if (mask[row * length + token] === 0n) continue;
      tokens++;
      const offset = (row * length + token) * width;
      for (let dimension = 0; dimension < width; dimension++) {
        sum[dimension] = (sum[dimension] as number) + (hidden[offset + dimension] as number);
      }
    }
    const vector = tokens === 0 ? undefined : l2Normalize(sum);
    if (vector === undefined) throw new UnusableVectorError(row);
    vectors.push(vector);
  }
  return vectors;
}
