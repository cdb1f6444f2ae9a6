// What the evaluation runs against: the pipeline in this process, or a running server over HTTP.
import type { Answer, AskRequest } from '../answer/types.ts';
import type { SupportCheck } from './metrics.ts';

export interface EvalTarget {
  /** What is evaluated, for the report: "in-process, hybrid" or the server's URL. */
  readonly description: string;
  /** Embedder id the target retrieves with, e.g. "offline:offline-german-hash-v1:512". */
  readonly embedder: string;
  /** Ids of the meetings the target answers from. */
  readonly meetings: readonly string[];
  /** Every unit id the target knows, to tell a valid citation from an invented one. */
  readonly knownUnitIds: ReadonlySet<string>;
  /** Unit ids ranked for a query, best first (at least the first k distinct ones when there are that many). */
  search(query: string, k: number): Promise<string[]>;
  ask(request: AskRequest): Promise<Answer>;
  /** Accepts a non-gold citation that backs its statement (citation precision). */
  supports: SupportCheck;
}
