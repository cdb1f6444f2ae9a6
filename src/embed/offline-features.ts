// Weighted features of a text for the offline embedder: stems, compound parts, synonyms, abbreviations, n-grams.
import type { Analyzer } from '../analysis/index.ts';

export interface FeatureWeights {
  /** A stem, acronym, committee or number of the text. Default 1. */
  stem: number;
  /** A compound part, sub-compound or verb root. Default 0.5. */
  part: number;
  /** Membership in one synonym set (split over the word's sets). Default 0.5. */
  synonymSet: number;
  /** A synonym's stem or part, relative to the analyzer's synonym weight. Default 1.2. */
  synonym: number;
  /** A German translation of an English word, relative to the analyzer's translation weight. Default 1. */
  translation: number;
  /** One character 4-gram of a stem. Default 0.08. */
  ngram: number;
  /** Factor for the boilerplate stems of resolutions ("IMK", "Beschluss", "bittet"). Default 0.3. */
  boilerplate: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  stem: 1,
  part: 0.5,
  synonymSet: 0.5,
  synonym: 1.2,
  translation: 1,
  ngram: 0.08,
  boilerplate: 0.3,
};

/*
 * The embedder has no corpus statistics (a vector must not change when other documents are added), so instead of
 * idf it damps a fixed list of words that open or close nearly every resolution of a ministerial conference.
 * This is general resolution language, not a list tuned to particular questions.
 */
export const BOILERPLATE_WORDS = [
  'imk',
  'beschluss',
  'nimmt',
  'kenntnis',
  'bittet',
  'beauftragt',
  'bericht',
  'berichten',
  'länder',
  'bund',
  'innenminister',
  'innenministerinnen',
  'senatoren',
  'konferenz',
  'vorsitzenden',
  'vorsitzende',
  'sitzung',
  'herbstkonferenz',
  'frühjahrskonferenz',
  'top',
  'ziffer',
  'stellt',
  'fest',
  'hält',
  'erforderlich',
  'gegebenenfalls',
  'zustimmend',
];

const NGRAM_LENGTH = 4;
const MIN_NGRAM_STEM_LENGTH = 5;

export interface FeatureExtractor {
  /** Features with their weights; `termWeight` scales each term (and its n-grams), e.g. by rarity for a query. */
  features(text: string, termWeight?: (term: string) => number): Map<string, number>;
}

export function createFeatureExtractor(
  analyzer: Analyzer,
  weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS,
): FeatureExtractor {
  const boilerplate = new Set(BOILERPLATE_WORDS.map((word) => analyzer.stem(word)));

  return {
    features(text: string, termWeight?: (term: string) => number): Map<string, number> {
      const sums = new Map<string, number>();
      const add = (feature: string, weight: number) => sums.set(feature, (sums.get(feature) ?? 0) + weight);
      const scale = (term: string) => (termWeight ? termWeight(term) : 1);
      const damp = (term: string) => (boilerplate.has(term) ? weights.boilerplate : 1);
      const english = analyzer.language(text) === 'en';
      for (const term of analyzer.analyze(text)) {
        // Stems and parts share one namespace: the part "feuerwerk" of one text meets the word of another.
        const base = term.kind === 'part' || term.kind === 'root' ? weights.part : weights.stem;
        const termScale = scale(term.term);
        add(
          `t:${term.term}`,
          base * damp(term.term) * termScale * (english && term.kind !== 'abbreviation' ? 0.5 : 1),
        );
        if (term.kind === 'stem' && term.term.length >= MIN_NGRAM_STEM_LENGTH) {
          const padded = `^${term.term}$`;
          for (let start = 0; start + NGRAM_LENGTH <= padded.length; start += 1) {
            add(`g:${padded.slice(start, start + NGRAM_LENGTH)}`, weights.ngram * termScale);
          }
        }
        if (term.word === undefined || english) continue;
        const sets = analyzer.synonymSets(term.word);
        for (const setId of sets) add(`s:${setId}`, weights.synonymSet / Math.sqrt(sets.length));
        for (const synonym of analyzer.expand(term.word))
          add(`t:${synonym.term}`, synonym.weight * weights.synonym * scale(synonym.term));
      }
      if (english) {
        for (const translation of analyzer.translate(text)) {
          add(`t:${translation.term}`, translation.weight * weights.translation * scale(translation.term));
        }
      }
      return sums;
    },
  };
}
