// Embedder for any OpenAI-compatible /v1/embeddings server (Ollama, vLLM, TEI …) through the AI SDK.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { z } from 'zod';
import { BeschlussError, describeIssues } from '../errors.ts';
import { l2Normalize } from './l2-normalize.ts';
import { toEmbedderError } from './openai-compatible-errors.ts';
import { applyPrefix, resolvePrefixes } from './prefixes.ts';
import type { Embedder, EmbeddingInputType, EmbedOptions } from './types.ts';

export interface OpenAICompatibleEmbedderOptions {
  /** Base URL up to and including /v1, e.g. "http://127.0.0.1:11434/v1". (the configuration's EMBEDDING_BASE_URL). */
  baseURL?: string;
  /** Sent as "Authorization: Bearer <apiKey>". None when unset (EMBEDDING_API_KEY). */
  apiKey?: string;
  /** Model name the server knows. Required (EMBEDDING_MODEL). */
  model?: string;
  /** Asks the server for vectors of this length (OpenAI's `dimensions`) and checks the answer. Default: the server's. */
  dimensions?: number;
  /** Values per HTTP request; larger calls are split. Default 64. */
  maxEmbeddingsPerCall?: number;
  /** Default "query: " for e5 models, "" otherwise. */
  queryPrefix?: string;
  /** Default "passage: " for e5 models, "" otherwise. */
  passagePrefix?: string;
  /** Per HTTP request. Default 30 000. */
  timeoutMs?: number;
}

const optionsSchema = z.object({
  baseURL: z.url({
    protocol: /^https?$/,
    error: 'expected an http(s) URL such as http://127.0.0.1:11434/v1',
  }),
  apiKey: z.string().optional(),
  model: z.string().trim().min(1, 'expected a model name (set EMBEDDING_MODEL)'),
  dimensions: z.int().positive().optional(),
  maxEmbeddingsPerCall: z.int().positive(),
  timeoutMs: z.int().positive(),
});

/** Connects, embeds a probe to learn (and check) the dimensions, and returns the embedder. */
export async function createOpenAICompatibleEmbedder(
  options: OpenAICompatibleEmbedderOptions = {},
): Promise<Embedder> {
  const parsed = optionsSchema.safeParse({
    baseURL: options.baseURL,
    apiKey: options.apiKey || undefined,
    model: options.model ?? '',
    dimensions: options.dimensions,
    maxEmbeddingsPerCall: options.maxEmbeddingsPerCall ?? 64,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues);
    throw new BeschlussError(
      'EMBEDDER_UNAVAILABLE',
      `Invalid OpenAI-compatible embedder settings: ${problems}.`,
      {
        details: { baseURL: options.baseURL, model: options.model },
      },
    );
  }
  const { baseURL, apiKey, model, dimensions, maxEmbeddingsPerCall, timeoutMs } = parsed.data;
  const prefixes = resolvePrefixes(model, options);
  const provider = createOpenAICompatible({
    baseURL,
    name: 'openai-compatible',
    ...(apiKey ? { apiKey } : {}),
  });
  const embeddingModel = provider.embeddingModel(model);
  const url = `${baseURL.replace(/\/+$/, '')}/embeddings`;
  const providerOptions = dimensions === undefined ? undefined : { openaiCompatible: { dimensions } };

  /** One HTTP request; every vector is checked and normalised here, since servers differ. */
  const request = async (values: string[], expectedLength: number | undefined, abortSignal?: AbortSignal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = abortSignal ? AbortSignal.any([abortSignal, timeout]) : timeout;
    let embeddings: number[][];
    try {
      const result = await embeddingModel.doEmbed({
        values,
        abortSignal: signal,
        ...(providerOptions ? { providerOptions } : {}),
      });
      embeddings = result.embeddings;
    } catch (error) {
      if (abortSignal?.aborted) throw abortSignal.reason;
      throw toEmbedderError(error, { model, url, timeoutMs, timedOut: timeout.aborted });
    }
    if (embeddings.length !== values.length) {
      throw new BeschlussError(
        'EMBEDDER_FAILED',
        `Embedding server at ${url} returned ${embeddings.length} vectors for ${values.length} inputs (model "${model}").`,
        { details: { model, url, expected: values.length, received: embeddings.length } },
      );
    }
    return embeddings.map((embedding, index) => {
      const vector = l2Normalize(embedding);
      const length = expectedLength ?? embedding.length;
      if (vector === undefined || embedding.length !== length) {
        throw new BeschlussError(
          'EMBEDDER_FAILED',
          `Embedding server at ${url} returned an unusable vector for input ${index} (model "${model}"): ` +
            `expected ${length} finite numbers, not all zero; received ${embedding.length} entries.`,
          { details: { model, url, expected: length, received: embedding.length } },
        );
      }
      return vector;
    });
  };

  const probeValues = applyPrefix(['Probe'], 'passage' satisfies EmbeddingInputType, prefixes);
  const [probe] = await request(probeValues, dimensions);
  const detected = probe?.length ?? 0;

  return {
    provider: 'openai-compatible',
    modelId: model,
    dimensions: detected,
    maxEmbeddingsPerCall,
    async doEmbed({ values, inputType, abortSignal }: EmbedOptions) {
      const inputs = applyPrefix(values, inputType, prefixes);
      const embeddings: number[][] = [];
      for (let start = 0; start < inputs.length; start += maxEmbeddingsPerCall) {
        embeddings.push(
          ...(await request(inputs.slice(start, start + maxEmbeddingsPerCall), detected, abortSignal)),
        );
      }
      return { embeddings };
    },
  };
}
