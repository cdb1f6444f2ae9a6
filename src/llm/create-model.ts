// The chat model of any OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenAI) as an AI SDK language model.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { z } from 'zod';
import { BeschlussError, describeIssues } from '../errors.ts';

export interface LlmModelOptions {
  /** Base URL up to and including /v1, e.g. "http://127.0.0.1:11434/v1" (LLM_BASE_URL). */
  baseURL: string;
  /** Model name the server knows, e.g. "qwen2.5:7b-instruct" (LLM_MODEL). */
  model: string;
  /** Sent as "Authorization: Bearer <apiKey>" (LLM_API_KEY); none when unset. */
  apiKey?: string;
}

const optionsSchema = z.object({
  baseURL: z.url({
    protocol: /^https?$/,
    error: 'expected an http(s) URL such as http://127.0.0.1:11434/v1',
  }),
  model: z.string().trim().min(1, 'expected a model name'),
  apiKey: z.string().optional(),
});

export function createLlmModel(options: LlmModelOptions): LanguageModel {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues);
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Invalid LLM settings (LLM_BASE_URL, LLM_MODEL): ${problems}.`,
      { details: { baseURL: options.baseURL, model: options.model } },
    );
  }
  const { baseURL, model, apiKey } = parsed.data;
  const provider = createOpenAICompatible({
    baseURL: baseURL.replace(/\/+$/, ''),
    name: 'llm',
    ...(apiKey ? { apiKey } : {}),
  });
  return provider.chatModel(model);
}
