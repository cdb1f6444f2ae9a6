// Public surface of src/eval: what other stages use of it.
export type { FetchFunction } from './http-target.ts';
export type { GateSection, ReportContext } from './report-document.ts';
export type { EvalSet, SuiteResult } from './suite.ts';
