// The lexicon analysis reads: the bundled data plus the acronyms a corpus defines; immutable, named by its content.
import { type Abbreviation, findDefinitions } from './abbreviations.ts';
import { createDecompounder } from './decompound.ts';
import { digestOf } from './digest.ts';
import type { EnglishLexicon } from './english.ts';
import type { FunctionWords } from './function-words.ts';
import type { Thesaurus } from './thesaurus.ts';
import type { WordList } from './word-list.ts';

/** What the project ships (data/lexicon, data/thesaurus, dictionary-de): read once per process by loadBaseLexicon. */
export interface BaseLexicon {
  /** Hash of every bundled file it was read from. */
  readonly id: string;
  /** The glossary, data/lexicon/abkuerzungen.tsv. */
  readonly glossary: readonly Abbreviation[];
  /** The German word list (dictionary-de and data/lexicon/zusatzwoerter.txt). */
  readonly words: WordList;
  /** OpenThesaurus synonym sets. */
  readonly thesaurus: Thesaurus;
  /** English → German (Ding). */
  readonly english: EnglishLexicon;
  /** The closed word classes, stop words among them. */
  readonly functionWords: FunctionWords;
}

/** A base lexicon with the acronyms one corpus defines: what one index is analysed with. */
export interface Lexicon {
  /**
   * Changes whenever analysis may: the base's id when nothing is learned, else a hash of it and the learned acronyms.
   * Vectors of the offline embedder depend on it, so it is part of their content hashes in the index.
   */
  readonly id: string;
  readonly base: BaseLexicon;
  /** Acronyms the corpus defines ("Nationales Waffenregister (NWR)") and the glossary lacks, first definition first. */
  readonly learned: readonly Abbreviation[];
  /** The glossary's acronyms, then the learned ones. */
  readonly abbreviations: readonly Abbreviation[];
}

const freezeAbbreviation = (abbreviation: Abbreviation): Abbreviation =>
  Object.freeze({ short: abbreviation.short, long: Object.freeze([...abbreviation.long]) as string[] });

/** The lexicon of a base and the acronyms learned for it (as restored from an index, or just learned). */
export function lexiconOf(base: BaseLexicon, learned: readonly Abbreviation[]): Lexicon {
  const frozen = Object.freeze(learned.map(freezeAbbreviation));
  const id =
    frozen.length === 0
      ? base.id
      : digestOf([base.id, JSON.stringify(frozen.map((entry) => [entry.short, entry.long]))]);
  return Object.freeze({
    id,
    base,
    learned: frozen,
    abbreviations: Object.freeze([...base.glossary, ...frozen]),
  });
}

/**
 * The lexicon's base with the acronyms the texts define ("Nationales Waffenregister (NWR)"): the first definition
 * of a short form wins, and the glossary's short forms are never redefined. Acronyms the lexicon had learned before
 * are not kept: a corpus that no longer defines one drops it.
 */
export function buildLexicon(lexicon: Lexicon, texts: Iterable<string>): Lexicon {
  const { base } = lexicon;
  const decompounder = createDecompounder({ words: base.words });
  const context = {
    partsOf: (word: string) => decompounder.decompound(word).parts,
    isStopWord: (word: string) => base.functionWords.stop.has(word),
  };
  const known = new Set(base.glossary.map((entry) => entry.short.toLowerCase()));
  const learned: Abbreviation[] = [];
  for (const text of texts) {
    for (const definition of findDefinitions(text, context)) {
      const short = definition.short.toLowerCase();
      if (known.has(short)) continue;
      known.add(short);
      learned.push(definition);
    }
  }
  return lexiconOf(base, learned);
}
