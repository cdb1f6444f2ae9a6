// Whether a sentence opens by pointing back at the one before ("Dies beinhaltet …", "Hierzu …", "Sie bittet …"): then
// it cannot be quoted alone. The openers are closed word classes of German grammar (Duden-Grammatik): pronominal
// adverbs, generated from the prepositions (da(r)-/hier- + Präposition), demonstrative and personal pronouns of the
// third person.

const PREPOSITIONS = [
  'an',
  'auf',
  'aus',
  'bei',
  'durch',
  'für',
  'gegen',
  'hinter',
  'in',
  'mit',
  'nach',
  'neben',
  'über',
  'um',
  'unter',
  'von',
  'vor',
  'zu',
  'zwischen',
];

/** da- takes an -r- before a vowel ("darauf", "dabei"); hier- does not ("hierauf", "hierbei"). */
const PRONOMINAL_ADVERBS = PREPOSITIONS.flatMap((preposition) => [
  /^[aeiouäöü]/u.test(preposition) ? `dar${preposition}` : `da${preposition}`,
  `hier${preposition}`,
]);

const DEMONSTRATIVES = [
  'dies',
  'diese',
  'dieser',
  'dieses',
  'diesem',
  'diesen',
  'jene',
  'jener',
  'jenes',
  'derartige',
];
const PERSONAL = ['sie', 'er', 'ihr', 'ihre', 'ihren', 'ihrem', 'deren', 'dessen'];
/** "Es" is left out: it opens sentences as a mere placeholder ("Es wurden …"). */
/** Adverbs that only make sense after a sentence they continue ("Zudem …", "Ferner …", "Daher …"). */
const CONNECTIVES = [
  'zudem',
  'ferner',
  'außerdem',
  'daher',
  'deshalb',
  'insoweit',
  'insofern',
  'gleichwohl',
  'hingegen',
];

const OPENERS = new Set([...PRONOMINAL_ADVERBS, ...DEMONSTRATIVES, ...PERSONAL, ...CONNECTIVES]);

export function startsWithBackReference(sentence: string): boolean {
  const first = /^\s*["„“(]?(\p{L}+)/u.exec(sentence)?.[1]?.toLowerCase();
  return first !== undefined && OPENERS.has(first);
}
