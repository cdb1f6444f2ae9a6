// The retriever interface: ranked sources for a query (hybrid, lexical only, or vector only).

import type { Reference } from '../citation/index.ts';
import type { Source } from '../model.ts';
import type { SpellingSuggestion } from './spelling.ts';

export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface SearchOptions {
  /** Number of results (default 5). */
  k?: number;
  /** Restrict to one meeting id. */
  meeting?: string;
  mode?: RetrievalMode;
  /** The query's references, when the caller has parsed them already (the answerer does): not parsed again. */
  references?: readonly Reference[];
  /** The query's spelling suggestion (null: none), when the caller has it already: not looked up again. */
  spelling?: SpellingSuggestion | null;
}

export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<Source[]>;
  /** The query with misspelt words replaced by corpus words ("Meinten Sie …?"), when it has any. */
  spell?(query: string): SpellingSuggestion | undefined;
}
