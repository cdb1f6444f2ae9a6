// The embedders the benchmark compares (the bundled model, the offline one), created in a worker with the load timed.
import type { Analyzer } from '../src/analysis/index.ts';
import { createOfflineEmbedder } from '../src/embed/offline.ts';
import { createTransformersEmbedder, type TransformersLoadTimings } from '../src/embed/transformers.ts';
import { type Embedder, embedderId } from '../src/embed/types.ts';

export const BENCH_EMBEDDERS = ['transformers', 'offline'] as const;
export type BenchEmbedder = (typeof BENCH_EMBEDDERS)[number];

/** The short name in the tables' embedder column: "model" is the product's default, "offline" its fallback. */
export function embedderLabel(kind: BenchEmbedder): string {
  return kind === 'transformers' ? 'model' : 'offline';
}

export interface EmbedderLoad {
  kind: BenchEmbedder;
  /** embedderId: model, dtype, weights checksum and runtime for the model. */
  id: string;
  dimensions: number;
  /** The whole creation; for the offline embedder no weights are read (the analyzer is loaded apart). */
  milliseconds: number;
  /** The model only: ONNX session and tokenizer, sha256 of the weights, the probe run. */
  steps?: TransformersLoadTimings;
}

/**
 * Creates the embedder as the product does for EMBEDDER=transformers or EMBEDDER=offline (no fallback: a missing
 * model fails the measurement instead of silently measuring the offline embedder twice).
 */
export async function createBenchEmbedder(
  kind: BenchEmbedder,
  analyzer: Analyzer,
): Promise<{ embedder: Embedder; load: EmbedderLoad }> {
  const started = performance.now();
  let steps: TransformersLoadTimings | undefined;
  const embedder =
    kind === 'transformers'
      ? await createTransformersEmbedder({
          onLoadTimings: (timings) => {
            steps = timings;
          },
        })
      : await createOfflineEmbedder({ analyzer });
  const load: EmbedderLoad = {
    kind,
    id: embedderId(embedder),
    dimensions: embedder.dimensions,
    milliseconds: performance.now() - started,
    ...(steps ? { steps } : {}),
  };
  return { embedder, load };
}
