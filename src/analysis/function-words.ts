// The closed word classes of German and English (data/lexicon/funktionswoerter.tsv) and the forms generated from them.
import path from 'node:path';
import { readBundledFileSync } from '../bundled-file.ts';
import { BeschlussError } from '../errors.ts';
import { DATA_DIR } from '../paths.ts';
import { ENGLISH_STOP_WORDS, GERMAN_STOP_WORDS } from './stop-words.ts';

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
  'continuing-phrase',
] as const;

export type FunctionWordClass = (typeof FUNCTION_WORD_CLASSES)[number];

export interface FunctionWords {
  /**
   * Every word form of the closed classes of both languages, lower case, with the stop words of the analyzer
   * (src/analysis/stop-words.ts: Snowball's lists, which hold the same classes without telling them apart): what a
   * question is made of besides its topic.
   */
  closed: ReadonlySet<string>;
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

type WordsByClass = Map<FunctionWordClass, string[]>;

function readClasses(text: string, file: string): WordsByClass {
  const byClass: WordsByClass = new Map(FUNCTION_WORD_CLASSES.map((name) => [name, []]));
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [language, name, word, ...rest] = line.split('\t');
    const list = byClass.get(name as FunctionWordClass);
    if ((language !== 'de' && language !== 'en') || list === undefined || !word || rest.length > 0) {
      throw new BeschlussError(
        'INTERNAL',
        `${file} line ${index + 1}: expected "de|en<TAB>class<TAB>word" with a class of ${FUNCTION_WORD_CLASSES.join(', ')}, got "${line}"`,
        { details: { file, line: index + 1 } },
      );
    }
    list.push(word.trim().toLowerCase());
  }
  return byClass;
}

/** Builds the word classes from the text of funktionswoerter.tsv; `file` names it in errors. */
export function parseFunctionWords(text: string, file = FUNCTION_WORDS_FILE): FunctionWords {
  const byClass = readClasses(text, file);
  const words = (name: FunctionWordClass) => byClass.get(name) ?? [];
  const stems = (name: FunctionWordClass) => words(name).flatMap(declinedForms);
  // Pronominal adverbs are built from every preposition that forms them, so none is missing or added by hand.
  const prepositions = words('preposition-pronominal');
  const pointingBack = words('pronominal-prefix-back').flatMap((prefix) =>
    pronominalAdverbs(prefix, prepositions),
  );
  const asking = words('pronominal-prefix-ask').flatMap((prefix) => pronominalAdverbs(prefix, prepositions));

  const verbs = new Set([...words('auxiliary'), ...words('modal')]);
  const anaphoric = new Set(
    [
      ...words('personal-pronoun-3'),
      ...stems('possessive-stem-3'),
      ...words('demonstrative'),
      ...stems('demonstrative-stem'),
      ...words('pro-adverb'),
      ...pointingBack,
    ].filter((word) => !verbs.has(word)),
  );
  const articles = new Set(words('article'));
  const continuingPhrases = words('continuing-phrase').map((phrase) => phrase.split(/\s+/u));
  const closed = new Set<string>([
    ...FUNCTION_WORD_CLASSES.filter(
      (name) =>
        !name.endsWith('-stem') && !name.startsWith('pronominal-prefix') && name !== 'continuing-phrase',
    ).flatMap(words),
    ...stems('demonstrative-stem'),
    ...stems('possessive-stem-3'),
    ...stems('question-word-stem'),
    ...pointingBack,
    ...asking,
    ...continuingPhrases.flat(),
    ...GERMAN_STOP_WORDS,
    ...ENGLISH_STOP_WORDS,
  ]);
  return {
    closed,
    anaphoric,
    articleOrDemonstrative: new Set([...anaphoric].filter((word) => articles.has(word))),
    conjunctions: new Set(words('conjunction')),
    continuingPhrases,
  };
}

/** Reads the word classes from a file (synchronously: it is small, and read once per process). */
export function loadFunctionWords(file = FUNCTION_WORDS_FILE): FunctionWords {
  const text = readBundledFileSync(file, 'the function word classes').toString('utf8');
  return parseFunctionWords(text, file);
}

let bundled: FunctionWords | undefined;

/** The bundled word classes, read on first use (question analysis is synchronous and has no start-up of its own). */
export function bundledFunctionWords(): FunctionWords {
  bundled ??= loadFunctionWords();
  return bundled;
}
