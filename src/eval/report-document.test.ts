import { describe, expect, it } from 'vitest';
import { calibrateAbstainThreshold } from './abstain-calibration.ts';
import { buildReport } from './aggregate.ts';
import type { CalibrationResult } from './calibration-run.ts';
import type { QuestionScores } from './metrics.ts';
import { countByType, type QaEntry } from './qa-set.ts';
import { reliabilityOf } from './reliability.ts';
import { type ReportContext, renderReportDocument, tuningStatement } from './report-document.ts';
import type { QuestionRecord } from './run-eval.ts';
import type { SuiteResult } from './suite.ts';
import { calibrateSupportThreshold, supportCost, supportCountsAt } from './support-calibration.ts';

const scores: QuestionScores = {
  hitAt1: 1,
  hitAtK: 1,
  recallAtK: 1,
  mrr: 1,
  contextPrecisionAtK: 0.2,
  contextRecallAtK: 1,
  citationPrecision: 1,
  goldCitationPrecision: 1,
  citationValidity: 1,
  goldCited: 1,
  statementCoverage: 1,
  mustMentionCoverage: 1,
  abstention: 'answered',
};
const entry: QaEntry = {
  id: 'q001',
  type: 'lookup',
  question: 'Wer berichtet über Leuchttürme?',
  gold: [{ top: '1', para: '1' }],
  must_mention: ['Arbeitskreis Nord'],
  answerable: true,
};
const record: QuestionRecord = {
  entry,
  gold: ['m/1/1'],
  retrieved: ['m/1/1'],
  answer: { answer: '…', statements: [], sources: [], abstained: false, mode: 'extractive' },
  citedIds: ['m/1/1'],
  latencyMs: 4,
  result: { id: 'q001', type: 'lookup', scores, latencyMs: 4 },
};
const report = buildReport([record.result], { typeOrder: ['lookup'] });

const abstainCases = [
  { id: 'q001', answerable: true, evidence: 0.8, gated: true, outcomeWhenAnswered: 'correct' as const },
  {
    id: 'q002',
    answerable: false,
    evidence: 0.3,
    gated: true,
    outcomeWhenAnswered: 'missed-abstain' as const,
  },
];
const supportPairs = [
  { id: 'q001', kind: 'positive' as const, unitId: 'm/1/1', score: 0.7 },
  { id: 'q001', kind: 'random' as const, unitId: 'm/2/1', score: 0.1 },
  { id: 'q001', kind: 'hard' as const, unitId: 'm/1/2', score: 0.3 },
];
const calibration: CalibrationResult = {
  abstain: {
    objective: 'minimise mistakes',
    calibration: calibrateAbstainThreshold(abstainCases),
    recommended: 0.55,
    current: {
      threshold: 0.5,
      counts: { correct: 2, wrongAnswers: 0, falseAbstains: 0, missedAbstains: 0 },
      cost: 0,
    },
    gated: 2,
    agreement: { matching: 2, total: 2 },
  },
  support: {
    objective: 'minimise wrong supports',
    calibration: calibrateSupportThreshold(supportPairs),
    recommended: 0.5,
    current: {
      threshold: 0.5,
      counts: supportCountsAt(supportPairs, 0.5),
      cost: supportCost(supportCountsAt(supportPairs, 0.5)),
    },
    pairs: 3,
  },
  model: { embedder: 'model', fittedOn: 'eval/dev.jsonl', threshold: 0.5 },
};

const run = { report, records: [record], defaultMeeting: 'm' };
const counts = (lookup: number) => ({ ...countByType([]), lookup });
const result: SuiteResult = {
  target: 'in-process, hybrid',
  sets: [
    { name: 'dev', file: 'eval/dev.jsonl', heldOut: false, questions: 1, counts: counts(1) },
    { name: 'held-out', file: 'eval/heldout.jsonl', heldOut: true, questions: 1, counts: counts(1) },
  ],
  embedders: [
    {
      id: 'transformers:e5:384',
      build: {
        units: 107,
        meetings: 1,
        embedded: 107,
        reused: 0,
        sentences: 142,
        sentencesEmbedded: 40,
        removedUnits: 0,
        errors: [],
        conflicts: [],
        durationMs: 900,
      },
    },
    { id: 'offline:hash:512' },
  ],
  runs: [
    {
      set: 'dev',
      embedder: 'transformers:e5:384',
      run,
      baselines: [{ mode: 'lexical', embedder: null, report }],
    },
    {
      set: 'held-out',
      embedder: 'transformers:e5:384',
      run,
      reliability: reliabilityOf([
        { probability: 0.9, answerable: true },
        { probability: 0.1, answerable: false },
      ]),
    },
    { set: 'dev', embedder: 'offline:hash:512', run },
    { set: 'held-out', embedder: 'offline:hash:512', run },
  ],
  calibration: { set: 'dev', embedder: 'transformers:e5:384', result: calibration },
};

const context: ReportContext = {
  generatedAt: new Date('2030-01-02T03:04:05Z'),
  command: 'npx beschluss eval --baselines --calibrate --write-report',
  corpus: 'data/corpus',
  embedderNotes: { 'offline:hash:512': 'Model "x" is not available locally: looked in ./models.' },
  gate: {
    file: 'eval/thresholds.json',
    set: 'held-out',
    embedder: 'transformers:e5:384',
    checks: [
      { scope: 'overall', metric: 'hitAtK', bound: 'min', threshold: 0.9, measured: 1, passed: true },
      { scope: 'lookup', metric: 'mrr', bound: 'min', threshold: 0.95, measured: 0.5, passed: false },
    ],
  },
};

describe('renderReportDocument', () => {
  const document = renderReportDocument(result, context);

  it('states the command, date, which set is tuned on and which is reported only, sets and embedders', () => {
    expect(document).toMatch(/^# Evaluation report\n/);
    expect(document).toContain(
      'Generated by `npx beschluss eval --baselines --calibrate --write-report` on 2030-01-02T03:04:05.000Z.',
    );
    expect(document).toContain(
      '**Tuned on dev (eval/dev.jsonl) only**: the answerer is tuned and the thresholds are calibrated on it. ' +
        '**held-out (eval/heldout.jsonl) is reported only**: never tuned or calibrated on.',
    );
    expect(document).toContain(
      '- Sets: dev = eval/dev.jsonl (1 questions); held-out = eval/heldout.jsonl (1 questions)',
    );
    expect(document).toContain('- Target: in-process, hybrid, extractive answerer; corpus data/corpus');
    expect(document).toContain(
      '- Embedders: transformers = transformers:e5:384 (107 units, 1 meeting(s), index built in 0.9 s); ' +
        'offline = offline:hash:512 — fallback: Model "x" is not available locally',
    );
    expect(document).toContain('| type | dev | held-out |\n| --- | ---: | ---: |\n| lookup | 1 | 1 |');
    expect(document).toContain('## How to read this');
  });

  it('has the runs side by side, each run in full, the gate, the baselines and the calibration, in that order', () => {
    const headings = document.match(/^#{2,3} .+$/gm) ?? [];
    expect(headings).toEqual([
      '## How to read this',
      '## Overall',
      '## By question type',
      '### hit@5',
      '### answered (of answerable)',
      '### correct abstain (of unanswerable)',
      '### gold cited (of answerable)',
      '### must-mention',
      '## Every metric, per run',
      '### dev · transformers',
      '### dev · offline',
      '### held-out · transformers',
      '### held-out · offline',
      '## Gate (eval/thresholds.json: held-out · transformers:e5:384)',
      '## Baselines',
      '### dev · transformers',
      '## Calibration',
      '### Answer or abstain: the fitted model and its threshold',
      '### Reliability of the answer/abstain model (predicted vs observed)',
      '### Support threshold of the support checker',
    ]);
    expect(document).toContain(
      '| overall | dev · transformers | dev · offline | held-out · transformers | held-out · offline |',
    );
    expect(document).toContain('**1 of 2 thresholds fail.**');
    expect(document).toContain('| lookup | mrr | ≥ 0.95 | 0.500 | **FAIL** |');
    expect(document).toContain('| type | n | hit@5 hybrid | hit@5 lexical |');
  });

  it('says the calibration used dev only, marks the recommended and current thresholds and the cross-check', () => {
    expect(document).toContain(
      'Calibrated on **dev** (eval/dev.jsonl) with transformers:e5:384 only; held-out is never used for calibration.',
    );
    // Evidence 0.8 answers and 0.3 does not: every threshold from 0.35 to 0.80 is as good, 0.55 is their middle.
    expect(document).toContain('| 0.55 | 2 | 0 | 0 | 0 | 0 | best |');
    expect(document).toContain('| 0.50 | 2 | 0 | 0 | 0 | 0 | current default |');
    expect(document).toContain('| 0.30 | 1 | 0 | 0 | 1 | 1 |  |');
    expect(document).toContain('Cheapest on this set: 0.55 (cost 0: 2 correct');
    expect(document).toContain("**Recommendation: set the model's threshold to 0.55.**");
    expect(document).toContain('#### held-out · transformers');
    expect(document).toContain('| 0.8–1.0 | 1 | 0.900 | 1.000 |');
    expect(document).toContain('**Recommendation: keep the support threshold at 0.50.**');
    expect(document).toContain(
      '2-fold cross-validation (odd/even ids of the tuning set): chosen on odd ids:',
    );
    expect(document).toContain(
      "The sweep reproduces the evaluation run's outcome at the current default on 2 of 2 questions.",
    );
    expect(document).toContain('Cheapest on this set: 0.50 (cost 0; accepts 1.000 of positives');
  });

  it('leaves the title and guide out of the terminal output but states the tuning set, and says why a gate was not checked', () => {
    const terminal = renderReportDocument(
      result,
      { ...context, gate: { file: 'eval/thresholds.json', skipped: 'other embedder.' } },
      { document: false },
    );
    expect(terminal.startsWith('**Tuned on dev (eval/dev.jsonl) only**')).toBe(true);
    expect(terminal).toContain('## Overall');
    expect(terminal).not.toContain('How to read this');
    expect(terminal).toContain('Not checked: other embedder.');
  });
});

describe('tuningStatement', () => {
  it('names a run without a held-out set, and one with only the held-out set', () => {
    const only = (heldOut: boolean) =>
      tuningStatement({
        sets: [{ name: 'x', file: 'x.jsonl', heldOut, questions: 1, counts: counts(1) }],
      });
    expect(only(false)).toBe(
      '**Tuned on x (x.jsonl) only**: the answerer is tuned and the thresholds are calibrated on it. ' +
        'No held-out set is part of this run.',
    );
    expect(only(true)).toBe('**x (x.jsonl) is reported only**: never tuned or calibrated on.');
  });
});
