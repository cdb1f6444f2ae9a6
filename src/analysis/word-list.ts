// German word set for compound splitting, derived from the hunspell dictionary of `dictionary-de`.

/** A form may stand alone as a word (e.g. "verordnung"). */
export const WORD_STANDALONE = 1;
/** A form may begin or sit inside a compound (e.g. "arbeits", "impf"). */
export const WORD_COMPOUND_PART = 2;
/** A form came from a capitalised entry: a noun (or a name); -ung nouns derived from verbs count too. */
export const WORD_NOUN = 4;
/** A form came from a lower-case entry that stands alone: an adjective, verb, adverb ("extrem" has both flags). */
export const WORD_LOWERCASE = 8;
/** The infinitive of a verb: an entry with conjugation or -ung classes, capitalised ones included ("Verbessern/SJ"). */
export const WORD_VERB = 16;

/** Lower-cased word forms with WORD_* flags ORed together. */
export type WordList = ReadonlyMap<string, number>;

export interface HunspellSource {
  aff: string;
  dic: string;
}

interface SuffixRule {
  strip: string;
  add: string;
  /** Continuation flags of the produced form (compound flags matter here). */
  continuation: string;
  condition: RegExp;
}

/*
 * Only the noun-forming and noun-inflecting suffix classes of igerman98 are expanded: verb conjugation and
 * adjective comparison classes would multiply the set several times over for forms that compound splitting
 * does not need (the splitter strips inflection endings of a compound's last part itself).
 * N/E/P/S/T/R: plural and case endings; F: feminine -in/-innen; J: -ung nouns; g/j/e: compound forms.
 */
const EXPANDED_SUFFIX_FLAGS = new Set(['N', 'E', 'P', 'S', 'T', 'R', 'F', 'J', 'g', 'j', 'e']);
const NEED_AFFIX = 'h';
const FORBIDDEN = 'd';
const ONLY_IN_COMPOUND = 'o';
const COMPOUND_FLAGS = /[xyzcik]/;
const DERIVED_NOUN = 'J';
// Participle (D), conjugation (I, X, Y) and -ung (J) classes only attach to verbs.
const VERB_CLASSES = /[DIXYJ]/;

function parseSuffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split('\n')) {
    if (!line.startsWith('SFX ')) continue;
    const fields = line.trim().split(/\s+/);
    // The header line of a block has 4 fields ("SFX F Y 35"); rules have 5.
    if (fields.length < 5) continue;
    const [, flag, strip, addField, condition] = fields as [string, string, string, string, string];
    if (!EXPANDED_SUFFIX_FLAGS.has(flag)) continue;
    const [add = '', continuation = ''] = addField.split('/');
    const list = rules.get(flag) ?? [];
    list.push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      continuation,
      condition: new RegExp(`${condition === '.' ? '' : condition}$`),
    });
    rules.set(flag, list);
  }
  return rules;
}

function addForm(words: Map<string, number>, form: string, flags: number): void {
  if (form.length < 2 || form.includes('-') || form.includes('.')) return;
  const key = form.toLowerCase();
  words.set(key, (words.get(key) ?? 0) | flags);
}

/** Builds the word set from the text of a hunspell .aff and .dic pair. */
export function buildWordList(source: HunspellSource, extraWords: Iterable<string> = []): WordList {
  const rules = parseSuffixRules(source.aff);
  const words = new Map<string, number>();
  const lines = source.dic.split('\n');
  for (const line of lines) {
    if (line.length === 0 || line.startsWith('\t') || line.startsWith('#')) continue;
    const slash = line.indexOf('/');
    const stem = (slash === -1 ? line : line.slice(0, slash)).trim();
    const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
    if (stem.length === 0 || /^\d+$/.test(stem) || flags.includes(FORBIDDEN)) continue;
    const first = stem[0] ?? '';
    const capitalised = first !== first.toLowerCase();
    const noun = capitalised ? WORD_NOUN : 0;
    const compoundOnly = flags.includes(ONLY_IN_COMPOUND) || flags.includes(NEED_AFFIX);
    const inCompounds = COMPOUND_FLAGS.test(flags) || flags.includes('j') ? WORD_COMPOUND_PART : 0;
    const lowercase = capitalised || compoundOnly ? 0 : WORD_LOWERCASE;
    const verb = VERB_CLASSES.test(flags) ? WORD_VERB : 0;
    if (compoundOnly) addForm(words, stem, WORD_COMPOUND_PART | noun);
    else addForm(words, stem, WORD_STANDALONE | inCompounds | noun | lowercase | verb);
    for (const flag of flags) {
      const flagRules = rules.get(flag);
      if (flagRules === undefined) continue;
      // "-ung" forms of a verb ("prüfen" → "prüfung") are nouns.
      const formClass = flag === DERIVED_NOUN ? WORD_NOUN : noun | lowercase;
      for (const rule of flagRules) {
        if (!rule.condition.test(stem)) continue;
        if (rule.strip !== '' && !stem.endsWith(rule.strip)) continue;
        const form = stem.slice(0, stem.length - rule.strip.length) + rule.add;
        const partOnly = rule.continuation.includes(ONLY_IN_COMPOUND) || rule.continuation.includes('x');
        addForm(words, form, partOnly ? WORD_COMPOUND_PART | noun : WORD_STANDALONE | formClass);
      }
    }
  }
  for (const word of extraWords) {
    const first = word[0] ?? '';
    addForm(
      words,
      word,
      WORD_STANDALONE | WORD_COMPOUND_PART | (first !== first.toLowerCase() ? WORD_NOUN : WORD_LOWERCASE),
    );
  }
  return words;
}

/** The hunspell files of `dictionary-de` (imported only when called), as bytes and as text. */
export async function readGermanDictionary(): Promise<{ bytes: Uint8Array[]; source: HunspellSource }> {
  const { default: dictionary } = await import('dictionary-de');
  const decoder = new TextDecoder('utf-8');
  return {
    bytes: [dictionary.aff, dictionary.dic],
    source: { aff: decoder.decode(dictionary.aff), dic: decoder.decode(dictionary.dic) },
  };
}
