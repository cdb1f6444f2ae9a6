// Whether a sentence opens by pointing back at the one before ("Dies beinhaltet …", "Hierzu …", "Sie bittet …"): then
// it cannot be quoted alone. The openers are closed word classes of German grammar (data/lexicon/funktionswoerter.tsv):
// pronominal adverbs (da(r)-/hier- + Präposition), demonstratives, pronouns and possessives of the third person,
// pro-adverbs ("dort") and the conjunctional adverbs that continue a sentence ("Zudem …", "Daher …").
import { bundledFunctionWords } from '../analysis/index.ts';

let openers: ReadonlySet<string> | undefined;

/*
 * An article that is also a demonstrative ("Die IMK …") opens most sentences and points back only alone, and "es"
 * opens them as a mere placeholder ("Es wurden …"): neither counts.
 */
function backPointingOpeners(): ReadonlySet<string> {
  if (openers === undefined) {
    const { de } = bundledFunctionWords();
    openers = new Set([
      ...[...de.anaphoric].filter((word) => !de.articleOrDemonstrative.has(word)),
      ...de.forms('connective'),
    ]);
  }
  return openers;
}

export function startsWithBackReference(sentence: string): boolean {
  const first = /^\s*["„“(]?(\p{L}+)/u.exec(sentence)?.[1]?.toLowerCase();
  return first !== undefined && backPointingOpeners().has(first);
}
