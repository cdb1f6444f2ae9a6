// How well the answer/abstain model's probabilities are calibrated: questions grouped by predicted probability that
// the resolutions answer them, against the share that actually is answerable (a reliability diagram as a table).
import type { ExtractiveAnswerer } from '../answer/index.ts';
import type { AskRequest } from '../answer/types.ts';
import type { QaEntry } from './qa-set.ts';

export interface ReliabilityBin {
  /** Predicted probability from (inclusive) and to (exclusive; the last bin includes 1). */
  from: number;
  to: number;
  questions: number;
  /** Mean predicted probability of the bin's questions. */
  predicted: number;
  /** Share of them that are answerable. */
  observed: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  /** Questions the model decided (those naming a reference or abstained for a missing detail are not). */
  questions: number;
  /** Expected calibration error: Σ (questions / all) × |predicted − observed| over the bins. */
  expectedCalibrationError: number;
}

export function reliabilityOf(
  cases: ReadonlyArray<{ probability: number; answerable: boolean }>,
  binCount = 5,
): Reliability {
  const bins: ReliabilityBin[] = [];
  for (let index = 0; index < binCount; index++) {
    const from = index / binCount;
    const to = (index + 1) / binCount;
    const inBin = cases.filter(
      (item) =>
        item.probability >= from &&
        (item.probability < to || (index === binCount - 1 && item.probability <= 1)),
    );
    if (inBin.length === 0) continue;
    bins.push({
      from,
      to,
      questions: inBin.length,
      predicted: inBin.reduce((sum, item) => sum + item.probability, 0) / inBin.length,
      observed: inBin.filter((item) => item.answerable).length / inBin.length,
    });
  }
  const total = cases.length;
  const expectedCalibrationError =
    total === 0
      ? 0
      : bins.reduce((sum, bin) => sum + (bin.questions / total) * Math.abs(bin.predicted - bin.observed), 0);
  return { bins, questions: total, expectedCalibrationError };
}

/** The model's probability for every question it decides, with whether the question is answerable. */
export async function collectReliability(
  answerer: ExtractiveAnswerer,
  entries: readonly QaEntry[],
  k = 5,
): Promise<Reliability> {
  const cases: Array<{ probability: number; answerable: boolean }> = [];
  for (const entry of entries) {
    const request: AskRequest = { question: entry.question, k };
    if (entry.history) request.history = entry.history;
    const evidence = await answerer.evidence(request);
    if (evidence.decidedBy !== 'model') continue;
    cases.push({ probability: evidence.probability, answerable: entry.answerable });
  }
  return reliabilityOf(cases);
}

/** The table, in Markdown. */
export function renderReliability(reliability: Reliability): string {
  const rows = reliability.bins.map(
    (bin) =>
      `| ${bin.from.toFixed(1)}–${bin.to.toFixed(1)} | ${bin.questions} | ${bin.predicted.toFixed(3)} | ${bin.observed.toFixed(3)} |`,
  );
  return [
    '| predicted probability | questions | mean predicted | observed answerable |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    `${reliability.questions} questions decided by the model; expected calibration error ${reliability.expectedCalibrationError.toFixed(3)}.`,
  ].join('\n');
}
