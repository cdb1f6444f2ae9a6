// The evaluation target in this process: a search state's retriever and an extractive answerer in one retrieval mode.
import { createExtractiveAnswerer, createSupportChecker } from '../answer/index.ts';
import type { SearchState } from '../assistant/index.ts';
import type { RetrievalMode } from '../retrieve/types.ts';
import type { EvalTarget } from './eval-target.ts';

export interface InProcessTargetOptions {
  state: SearchState;
  /** Retrieval mode of both the ranking and the answerer (default hybrid). */
  mode?: RetrievalMode;
}

export function createInProcessTarget(options: InProcessTargetOptions): EvalTarget {
  const { state, mode = 'hybrid' } = options;
  // The state's own answerer, in the mode asked for.
  const answerer =
    mode === 'hybrid' ? state.extractive : createExtractiveAnswerer({ ...state.answererOptions, mode });
  const checker = createSupportChecker({ analyzer: state.analyzer, statistics: state.statistics });
  return {
    description: `in-process, ${mode}`,
    embedder: state.index.manifest.embedder.id,
    meetings: state.catalog.meetings.map((meeting) => meeting.id),
    knownUnitIds: new Set(state.catalog.units.map((unit) => unit.id)),
    async search(query, k) {
      const ranked = await state.retriever.rank(query, { k, mode });
      return ranked.map((entry) => entry.unit.id);
    },
    ask: (request) => answerer.answer(request),
    supports(statement, unitId) {
      const unit = state.catalog.get(unitId);
      return unit !== undefined && checker.supports(statement.text, unit);
    },
  };
}
