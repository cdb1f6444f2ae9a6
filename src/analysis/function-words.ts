// The closed word classes of German and English (data/lexicon/funktionswoerter.tsv) and the forms generated from them.
import path from 'node:path';
import { readBundledFileSync } from '../bundled-file.ts';
import { DATA_DIR } from '../paths.ts';
import { type ClassifiedWord, LANGUAGES, type Language, parseWordClasses, wordsOf } from '../text/index.ts';
import { digestOf } from './digest.ts';

export const FUNCTION_WORDS_FILE = path.join(DATA_DIR, 'lexicon', 'funktionswoerter.tsv');

export const FUNCTION_WORD_CLASSES = [
  'article',
  'demonstrative',
  'demonstrative-stem',
  'personal-pronoun-3',
  'possessive-stem-3',
  'pronoun',
  'preposition-pronominal',
  'preposition',
  'pronominal-prefix-back',
  'pronominal-prefix-ask',
  'pro-adverb',
  'conjunction',
  'subordinator',
  'question-word',
  'question-word-stem',
  'auxiliary',
  'modal',
  'particle',
  'connective',
  'continuing-phrase',
  'stop',
] as const;

export type FunctionWordClass = (typeof FUNCTION_WORD_CLASSES)[number];

/** Classes that list stems, each declined with the determiner endings. */
const STEM_CLASSES: ReadonlySet<FunctionWordClass> = new Set([
  'demonstrative-stem',
  'possessive-stem-3',
  'question-word-stem',
]);

/** The function words of one language, or of both together. */
export interface FunctionWordSet {
  /**
   * The forms of a class, generated ones included: a stem class gives its declined forms ("dies" → dieser …), a
   * pronominal prefix its adverbs ("da(r)" → daran, dabei …), a continuing phrase its words.
   */
  forms(wordClass: FunctionWordClass): readonly string[];
  /** Every form of every class: what a question is made of besides its topic. */
  closed: ReadonlySet<string>;
  /** Snowball's stop words and a few of administrative prose: what index terms leave out. */
  stop: ReadonlySet<string>;
  /**
   * Forms that point back to something said before: pronouns and possessives of the 3rd person, demonstratives,
   * "da(r)-"/"hier-" pronominal adverbs, pro-adverbs ("dort", "there"). Forms that are also an auxiliary or modal
   * ("sein") are left out: as a verb they are far more frequent.
   */
  anaphoric: ReadonlySet<string>;
  /** Anaphoric forms that are also an article ("das"): they point back only when no noun follows. */
  articleOrDemonstrative: ReadonlySet<string>;
  /** Coordinating conjunctions: at the start of a question they join it to the previous turn. */
  conjunctions: ReadonlySet<string>;
  /** Fixed openings that ask the previous question about something else ("what about", "was ist mit"), as words. */
  continuingPhrases: ReadonlyArray<readonly string[]>;
}

/** Both languages together (what question analysis reads), and each on its own. */
export interface FunctionWords extends FunctionWordSet {
  readonly de: FunctionWordSet;
  readonly en: FunctionWordSet;
  /** Hash of the file's text: part of the lexicon's id, since the stop words decide index terms. */
  readonly digest: string;
}

/**
 * The strong endings of German determiners (Duden – Die Grammatik, "Artikelwörter": dieser, diese, dieses, diesem,
 * diesen), also taken by the possessives "sein"/"ihr" and by "welch"; the bare stem is a form of its own ("dies",
 * "sein", "ihr").
 */
const DETERMINER_ENDINGS = ['', 'e', 'er', 'es', 'em', 'en'];
/** "(r)" of a prefix is written before a vowel: "dar" + "an", but "da" + "bei" (Duden, "Pronominaladverb"). */
const LINKING_R = '(r)';
const STARTS_WITH_VOWEL = /^[aeiouäöü]/u;

/** The declined forms of a determiner stem ("dies" → dies, diese, dieser, dieses, diesem, diesen). */
export function declinedForms(stem: string): string[] {
  return DETERMINER_ENDINGS.map((ending) => stem + ending);
}

/** The pronominal adverbs of a prefix ("da(r)", "hier", "wo(r)") with each preposition ("darüber", "hierzu"). */
export function pronominalAdverbs(prefix: string, prepositions: readonly string[]): string[] {
  const linked = prefix.endsWith(LINKING_R);
  const bare = linked ? prefix.slice(0, -LINKING_R.length) : prefix;
  return prepositions.map((preposition) =>
    linked && STARTS_WITH_VOWEL.test(preposition) ? `${bare}r${preposition}` : bare + preposition,
  );
}

function setOf(words: readonly ClassifiedWord<FunctionWordClass>[]): FunctionWordSet {
  const listed = (name: FunctionWordClass) => wordsOf(words, name);
  // Pronominal adverbs are built from every preposition that forms them, so none is missing or added by hand.
  const prepositions = listed('preposition-pronominal');
  const forms = (name: FunctionWordClass): string[] => {
    if (STEM_CLASSES.has(name)) return listed(name).flatMap(declinedForms);
    if (name.startsWith('pronominal-prefix')) {
      return listed(name).flatMap((prefix) => pronominalAdverbs(prefix, prepositions));
    }
    if (name === 'continuing-phrase') return listed(name).flatMap((phrase) => phrase.split(/\s+/u));
    return listed(name);
  };
  const verbs = new Set([...forms('auxiliary'), ...forms('modal')]);
  const anaphoric = new Set(
    (
      [
        'personal-pronoun-3',
        'possessive-stem-3',
        'demonstrative',
        'demonstrative-stem',
        'pro-adverb',
        'pronominal-prefix-back',
      ] as const
    )
      .flatMap(forms)
      .filter((word) => !verbs.has(word)),
  );
  const articles = new Set(forms('article'));
  return {
    forms,
    closed: new Set(FUNCTION_WORD_CLASSES.flatMap(forms)),
    stop: new Set(forms('stop')),
    anaphoric,
    articleOrDemonstrative: new Set([...anaphoric].filter((word) => articles.has(word))),
    conjunctions: new Set(forms('conjunction')),
    continuingPhrases: listed('continuing-phrase').map((phrase) => phrase.split(/\s+/u)),
  };
}

/** Builds the word classes from the text of funktionswoerter.tsv; `file` names it in errors. */
export function parseFunctionWords(text: string, file = FUNCTION_WORDS_FILE): FunctionWords {
  const words = parseWordClasses(text, file, FUNCTION_WORD_CLASSES);
  const [de, en] = LANGUAGES.map((language: Language) =>
    setOf(words.filter((entry) => entry.language === language)),
  ) as [FunctionWordSet, FunctionWordSet];
  const union = <T>(pick: (set: FunctionWordSet) => Iterable<T>) => new Set([...pick(de), ...pick(en)]);
  return {
    de,
    en,
    digest: digestOf([text]),
    forms: (name) => [...de.forms(name), ...en.forms(name)],
    closed: union((set) => set.closed),
    stop: union((set) => set.stop),
    anaphoric: union((set) => set.anaphoric),
    articleOrDemonstrative: union((set) => set.articleOrDemonstrative),
    conjunctions: union((set) => set.conjunctions),
    continuingPhrases: [...de.continuingPhrases, ...en.continuingPhrases],
  };
}

/** Reads the word classes from a file (synchronously: it is small, and read once per process). */
export function loadFunctionWords(file = FUNCTION_WORDS_FILE): FunctionWords {
  return parseFunctionWords(readBundledFileSync(file, 'the function word classes').toString('utf8'), file);
}

let bundled: FunctionWords | undefined;

/**
 * The bundled word classes, read on first use and then shared by the analysis (its stop words and language
 * detection) and question analysis, which is synchronous and has no start-up of its own.
 */
export function bundledFunctionWords(): FunctionWords {
  bundled ??= loadFunctionWords();
  return bundled;
}
