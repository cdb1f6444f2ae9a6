// Runs every question of a set (with its history) through a target's retrieval and answerer, and scores it.
import { analyseQuestion } from '../answer/index.ts';
import type { Answer, AskRequest } from '../answer/types.ts';
import { unitId } from '../model.ts';
import { buildReport, type EvalReport, NEAR_MISS_SLICE, type QuestionResult } from './aggregate.ts';
import { resolveDefaultMeeting } from './default-meeting.ts';
import type { EvalTarget } from './eval-target.ts';
import { type CitedStatement, scoreQuestion } from './metrics.ts';
import { goldUnitIds, QA_TYPES, type QaEntry } from './qa-set.ts';

/** Everything the run saw for one question, for the report and the calibration. */
export interface QuestionRecord {
  entry: QaEntry;
  gold: string[];
  /** Unit ids the retriever ranked for the question's retrieval query. */
  retrieved: string[];
  answer: Answer;
  /** Unit ids the answer's statements cite, in order, without repeats. */
  citedIds: string[];
  latencyMs: number;
  result: QuestionResult;
}

export interface EvalRun {
  report: EvalReport;
  records: QuestionRecord[];
  defaultMeeting: string;
}

export interface RunEvaluationOptions {
  entries: readonly QaEntry[];
  target: EvalTarget;
  /** Name of the set file, for error messages. */
  file: string;
  /** Cut-off of the @k metrics, of the ranking and of the answer's sources (default 5). */
  k?: number;
  /** Clock for latency in milliseconds (default performance.now). */
  now?: () => number;
  /** Called after each question (progress). */
  onQuestion?: (done: number, total: number) => void;
}

export function citedStatementsOf(answer: Answer): CitedStatement[] {
  return answer.statements.map((statement) => ({
    text: statement.text,
    citations: statement.citations.map(unitId),
  }));
}

/**
 * Questions run one after another, so each latency is the answer's own. The ranking for the retrieval metrics uses
 * the query the answerer retrieves with (a follow-up joined with the previous question), so a follow-up is judged on
 * what the pipeline actually searched for.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvalRun> {
  const { entries, target, file, k = 5, now = () => performance.now(), onQuestion } = options;
  const defaultMeeting = resolveDefaultMeeting(entries, {
    meetings: target.meetings,
    knownUnitIds: target.knownUnitIds,
    file,
  });
  const records: QuestionRecord[] = [];
  for (const entry of entries) {
    const history = entry.history ?? [];
    const { retrievalQuery } = analyseQuestion(entry.question, history);
    const retrieved = await target.search(retrievalQuery, k);
    const request: AskRequest = { question: entry.question, k };
    if (entry.history) request.history = entry.history;
    const started = now();
    const answer = await target.ask(request);
    const latencyMs = now() - started;
    const gold = goldUnitIds(entry, defaultMeeting);
    const statements = citedStatementsOf(answer);
    const sourceIds = answer.sources.map((source) => source.id);
    const scores = scoreQuestion(
      { gold, mustMention: entry.must_mention, answerable: entry.answerable },
      {
        retrieved,
        contexts: sourceIds,
        answer: answer.answer,
        statements,
        sourceIds,
        abstained: answer.abstained,
      },
      { k, knownUnitIds: target.knownUnitIds, supports: target.supports },
    );
    records.push({
      entry,
      gold,
      retrieved,
      answer,
      citedIds: [...new Set(statements.flatMap((statement) => statement.citations))],
      latencyMs,
      result: {
        id: entry.id,
        type: entry.type,
        scores,
        latencyMs,
        ...(entry.near_miss === true ? { nearMiss: true } : {}),
      },
    });
    onQuestion?.(records.length, entries.length);
  }
  const report = buildReport(
    records.map((record) => record.result),
    { k, typeOrder: QA_TYPES, slices: [NEAR_MISS_SLICE] },
  );
  return { report, records, defaultMeeting };
}
