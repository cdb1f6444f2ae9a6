// Instruction prefixes of e5-style models ("query: " / "passage: ") and applying them to inputs.
import type { EmbeddingInputType } from './types.ts';

export interface InputPrefixes {
  query: string;
  passage: string;
}

/** e5 models were trained with these prefixes and embed worse without them; other models get none. */
export function defaultPrefixes(modelId: string): InputPrefixes {
  const isE5 = /(^|[^a-z0-9])e5([^a-z0-9]|$)/i.test(modelId);
  return isE5 ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
}

/** Resolves the prefixes of an embedder from its options; an explicit "" switches a prefix off. */
export function resolvePrefixes(
  modelId: string,
  options: { queryPrefix?: string | undefined; passagePrefix?: string | undefined },
): InputPrefixes {
  const defaults = defaultPrefixes(modelId);
  return {
    query: options.queryPrefix ?? defaults.query,
    passage: options.passagePrefix ?? defaults.passage,
  };
}

export function applyPrefix(
  values: string[],
  inputType: EmbeddingInputType,
  prefixes: InputPrefixes,
): string[] {
  const prefix = prefixes[inputType];
  return prefix === '' ? values : values.map((value) => `${prefix}${value}`);
}
