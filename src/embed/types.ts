// The embedder interface, shaped like the AI SDK's EmbeddingModel (modelId, maxEmbeddingsPerCall, doEmbed).

/** e5-style models embed queries and passages differently ("query: " / "passage: "). */
export type EmbeddingInputType = 'query' | 'passage';

export interface EmbedOptions {
  values: string[];
  inputType: EmbeddingInputType;
  abortSignal?: AbortSignal;
}

/** What besides provider, model and dimensions decides the vectors; each part, when set, is part of the id. */
export interface EmbedderIdentity {
  /** Which weights of the model were loaded, e.g. "q8" (onnx/model_quantized.onnx) or "fp32". */
  dtype?: string;
  /** sha256 of the weights file. */
  weightsSha256?: string;
  /** The inference runtime and its version, e.g. "transformers.js 3.8.1, onnxruntime-node 1.21.0". */
  runtime?: string;
  /** How int8 activations are quantized when the runtime graph differs from the file's: "per-token". */
  activations?: string;
}

export interface Embedder {
  /** Which implementation: "transformers", "openai-compatible" or "offline". */
  readonly provider: string;
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** At most this many values per doEmbed call. */
  readonly maxEmbeddingsPerCall: number;
  readonly identity?: EmbedderIdentity;
  /** The longest input the model reads, in its own tokens (prefix and special tokens included); longer inputs are cut. */
  readonly maxInputTokens?: number;
  /** Length of a value in the model's tokens as it would be embedded (prefix and special tokens included). */
  countTokens?(value: string, inputType: EmbeddingInputType): number;
  /** One L2-normalised vector per value, in order. */
  doEmbed(options: EmbedOptions): Promise<{ embeddings: number[][] }>;
}

/**
 * Identity recorded in the index manifest; an index refuses an embedder with another id. Weights dtype, checksum and
 * runtime are part of it, so loading other weights or upgrading the runtime rebuilds the index.
 */
export function embedderId(
  embedder: Pick<Embedder, 'provider' | 'modelId' | 'dimensions' | 'identity'>,
): string {
  const base = `${embedder.provider}:${embedder.modelId}:${embedder.dimensions}`;
  const { dtype, weightsSha256, runtime, activations } = embedder.identity ?? {};
  const parts = [
    dtype === undefined ? undefined : `dtype=${dtype}`,
    weightsSha256 === undefined ? undefined : `sha256=${weightsSha256.slice(0, 16)}`,
    runtime === undefined ? undefined : `runtime=${runtime}`,
    activations === undefined ? undefined : `activations=${activations}`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? base : `${base};${parts.join(';')}`;
}

/**
 * Embeds any number of values, in calls of at most maxEmbeddingsPerCall, reporting progress. Values go to the
 * embedder sorted by length, so that a model that pads a batch to its longest input pads little; the vectors come
 * back in the order of the values.
 */
export async function embedAll(
  embedder: Embedder,
  values: string[],
  inputType: EmbeddingInputType,
  options: { onProgress?: (done: number, total: number) => void; abortSignal?: AbortSignal } = {},
): Promise<number[][]> {
  const lengths = values.map((value) => value.length);
  const order = lengths.map((_, index) => index).sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0));
  const embeddings: number[][] = new Array(values.length);
  const batch = Math.max(1, embedder.maxEmbeddingsPerCall);
  for (let start = 0; start < order.length; start += batch) {
    const positions = order.slice(start, start + batch);
    const result = await embedder.doEmbed({
      values: positions.map((position) => values[position] as string),
      inputType,
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    });
    positions.forEach((position, offset) => {
      embeddings[position] = result.embeddings[offset] as number[];
    });
    options.onProgress?.(Math.min(start + batch, values.length), values.length);
  }
  return embeddings;
}
