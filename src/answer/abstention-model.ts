// Whether to answer: a logistic model over a few evidence features of a question (how similar its best sentence is
// by meaning, how much of it that sentence covers in words, whether lexical and vector retrieval agree …), fitted on
// the eval dev split by scripts/fit-abstention.ts and stored in data/answer/abstention.json, one model per kind
// of embedder. Small on purpose: about 120 dev questions cannot fit more than a handful of weights.
import path from 'node:path';
import { z } from 'zod';
import { readBundledFileSync } from '../bundled-file.ts';
import { BeschlussError } from '../errors.ts';
import { DATA_DIR } from '../paths.ts';

export const EVIDENCE_FEATURES = [
  /** Cosine of the question with its most similar candidate sentence (the model's, or the offline vectors'). */
  'similarity',
  /** How far that sentence stands out: its cosine minus the median cosine of the candidate sentences. */
  'similarityMargin',
  /** Share of the question's weighted concepts the best-covering sentence covers. */
  'coverage',
  /** The same share for the best-covering unit. */
  'unitCoverage',
  /** 1 when the first lexical and the first vector hit belong to the same item, else 0. */
  'agreement',
  /** 1 for an English question: its similarities and word matches run lower (translation), not its answerability. */
  'english',
  /** Share of the question's concept weight the corpus has no word for: a topic it may not treat at all. */
  'unknownShare',
  /**
   * Whether the best sentence's unit has the word the question asks about ("welche Strafe" → Strafe, "which
   * minister" → minister): 1 yes, 0 no, 0.5 when the question has no such word.
   */
  'focusCovered',
] as const;

export type EvidenceFeature = (typeof EVIDENCE_FEATURES)[number];
export type EvidenceFeatures = Record<EvidenceFeature, number>;

const modelSchema = z.object({
  /** Which embedders this model is for: "model" (any model embedder) or "offline". */
  embedder: z.enum(['model', 'offline']),
  features: z.array(z.enum(EVIDENCE_FEATURES)),
  /** Standardisation of each feature before the weights apply. */
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Answer when the probability is at least this. */
  threshold: z.number().min(0).max(1),
  /** Where and how it was fitted (shown in reports). */
  fittedOn: z.string(),
});

export type AbstentionModel = z.infer<typeof modelSchema>;

const fileSchema = z.object({ models: z.array(modelSchema) });

export const ABSTENTION_FILE = path.join(DATA_DIR, 'answer', 'abstention.json');

/** The fitted models of the bundled file; a missing or broken file is an installation fault. */
export function loadAbstentionModels(file = ABSTENTION_FILE): AbstentionModel[] {
  const text = readBundledFileSync(file, 'the answer/abstain model').toString('utf8');
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new BeschlussError(
      'INTERNAL',
      `The answer/abstain model ${file} is not a valid model file; reinstall the project or run scripts/fit-abstention.ts.`,
      { details: { file }, cause: error },
    );
  }
  for (const model of parsed.models) {
    const length = model.features.length;
    if (model.mean.length !== length || model.scale.length !== length || model.weights.length !== length) {
      throw new BeschlussError(
        'INTERNAL',
        `The abstain model for ${model.embedder} in ${file} is inconsistent.`,
        {
          details: { file },
        },
      );
    }
  }
  return parsed.models;
}

/**
 * A model without features that answers every question (probability 0.5 against threshold 0): for fitting, where
 * the features are collected with abstention off, and for tests of what the answerer does besides abstaining.
 */
export function alwaysAnswering(embedder: AbstentionModel['embedder'], fittedOn: string): AbstentionModel {
  return { embedder, features: [], mean: [], scale: [], weights: [], bias: 0, threshold: 0, fittedOn };
}

/** Probability that the question is answered by the resolutions, given its evidence. */
export function answerProbability(model: AbstentionModel, features: EvidenceFeatures): number {
  let z = model.bias;
  model.features.forEach((feature, index) => {
    z +=
      (model.weights[index] ?? 0) *
      (((features[feature] ?? 0) - (model.mean[index] ?? 0)) / (model.scale[index] ?? 1));
  });
  return 1 / (1 + Math.exp(-z));
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). Default 1. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * Logistic regression by gradient descent on standardised features, with an L2 penalty: deterministic, no
 * dependency, fine for a few features and a few hundred examples.
 */
export function fitLogistic(
  examples: ReadonlyArray<{ features: EvidenceFeatures; label: 0 | 1 }>,
  features: readonly EvidenceFeature[],
  options: FitOptions = {},
): Pick<AbstentionModel, 'features' | 'mean' | 'scale' | 'weights' | 'bias'> {
  const { l2 = 1, iterations = 4000, learningRate = 0.1 } = options;
  const count = examples.length;
  // Both classes weigh the same in total, so the few unanswerable questions are not drowned by the many others;
  // the threshold, chosen afterwards by cost, sets how readily it answers.
  const positives = examples.filter((example) => example.label === 1).length;
  const classWeight = (label: 0 | 1) =>
    label === 1 ? count / (2 * Math.max(1, positives)) : count / (2 * Math.max(1, count - positives));
  if (count === 0)
    throw new BeschlussError('INVALID_REQUEST', 'Cannot fit the abstain model without examples.');
  const mean = features.map(
    (feature) => examples.reduce((sum, example) => sum + example.features[feature], 0) / count,
  );
  const scale = features.map((feature, index) => {
    const variance =
      examples.reduce((sum, example) => sum + (example.features[feature] - (mean[index] ?? 0)) ** 2, 0) /
      count;
    return Math.sqrt(variance) || 1;
  });
  const rows = examples.map((example) =>
    features.map((feature, index) => (example.features[feature] - (mean[index] ?? 0)) / (scale[index] ?? 1)),
  );
  const weights = features.map(() => 0);
  let bias = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = features.map(() => 0);
    let biasGradient = 0;
    rows.forEach((row, exampleIndex) => {
      const z = row.reduce((sum, value, index) => sum + value * (weights[index] ?? 0), bias);
      const label = examples[exampleIndex]?.label ?? 0;
      const error = (1 / (1 + Math.exp(-z)) - label) * classWeight(label);
      row.forEach((value, index) => {
        gradient[index] = (gradient[index] ?? 0) + error * value;
      });
      biasGradient += error;
    });
    weights.forEach((weight, index) => {
      weights[index] = weight - learningRate * (((gradient[index] ?? 0) + l2 * weight) / count);
    });
    bias -= (learningRate * biasGradient) / count;
  }
  // Weighing the classes equally fits the probabilities to a 50 : 50 prior; shifting the bias by the log odds of the
  // real prior makes them probabilities for questions as they come (the decisions do not change: the threshold is
  // chosen on these probabilities afterwards).
  const priorShift = Math.log(Math.max(1, positives) / Math.max(1, count - positives));
  return { features: [...features], mean, scale, weights, bias: bias + priorShift };
}
