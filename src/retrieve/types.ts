// The retriever interface: ranked sources for a query (hybrid, lexical only, or vector only).
import type { Source } from '../model.ts';
import type { SpellingSuggestion } from './spelling.ts';

export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface SearchOptions {
  /** Number of results (default 5). */
  k?: number;
  /** Restrict to one meeting id. */
  meeting?: string;
  mode?: RetrievalMode;
}

export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<Source[]>;
  /** The query with misspelt words replaced by corpus words ("Meinten Sie …?"), when it has any. */
  spell?(query: string): SpellingSuggestion | undefined;
}
