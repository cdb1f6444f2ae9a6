// Every weight and limit of the extractive answerer in one place: how a candidate sentence is scored, how many are
// quoted, and when a quoted sentence needs its neighbour. Tuned on the eval dev split only (see eval/README.md);
// each rule has a unit test in extractive.test.ts that fails when the rule is taken out.

export interface ScoringProfile {
  /** Units examined for answer sentences. */
  candidates: number;
  /** Statements at most for a question asking for one thing, and for a list question ("welche …", "alle …"). */
  maxStatements: number;
  maxListStatements: number;
  /** Statements per unit at most (a unit's third sentence rarely adds to its first two). */
  maxPerUnit: number;
  /** Sentences scoring at least this share of the best one are quoted too. */
  relativeCutoff: number;
  sentence: {
    /** Similarity of sentence and question by the model, scaled to 0..1 over the candidate sentences. */
    semantic: number;
    /**
     * Share of that similarity taken from the whole unit's (its retrieval vector's) rather than the sentence's own:
     * a sentence reads in the context of its paragraph.
     */
    unitSemanticShare: number;
    /** Share of the question's weighted concepts the sentence covers (its item title counting half). */
    lexical: number;
    /** The same share for the whole unit: a sentence of a unit that covers the question is likelier the answer. */
    unitLexical: number;
    /** Times 1/rank of the unit in the retrieval. */
    rank: number;
    /** When the sentence gives what the question asks for (a date for "bis wann", a mandated body for "wer" …). */
    slotFilled: number;
    /**
     * For a yes/no question, when the sentence decides something ("lehnt ab", "hält für erforderlich"): a tie-breaker
     * only, since most sentences of a resolution decide something.
     */
    decision: number;
    /** A follow-up is most likely about the item the previous answer cited. */
    previousItem: number;
  };
}

/** For a model embedder: meaning first, words second. */
export const MODEL_PROFILE: ScoringProfile = {
  candidates: 8,
  maxStatements: 3,
  maxListStatements: 8,
  maxPerUnit: 2,
  relativeCutoff: 0.8,
  sentence: {
    semantic: 0.5,
    unitSemanticShare: 0.3,
    lexical: 0.35,
    unitLexical: 0.15,
    rank: 0.05,
    slotFilled: 0.15,
    decision: 0.05,
    previousItem: 0.15,
  },
};

/**
 * An English question meets German text through translations, which match words less well than the model matches
 * meaning: for English questions words weigh less.
 */
export function forLanguage(profile: ScoringProfile, language: 'de' | 'en'): ScoringProfile['sentence'] {
  if (language === 'de') return profile.sentence;
  return {
    ...profile.sentence,
    lexical: profile.sentence.lexical / 2,
    unitLexical: profile.sentence.unitLexical / 2,
  };
}

/** For the offline embedder, whose similarities are weak evidence: words first. */
export const OFFLINE_PROFILE: ScoringProfile = {
  ...MODEL_PROFILE,
  relativeCutoff: 0.75,
  sentence: { ...MODEL_PROFILE.sentence, semantic: 0.2, lexical: 0.6, unitLexical: 0.2 },
};
