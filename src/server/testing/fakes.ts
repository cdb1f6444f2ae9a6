// Recording fakes of retriever, answerer and assistant for the server tests. They compute their results from the
// catalog (term overlap, first sentence of each source with its real citation marker), so a test can only pass when
// the server passes the right request through and renders what comes back.
import {
  ABSTAIN_DE,
  type Answer,
  type AnswerEvent,
  type Answerer,
  type AskRequest,
} from '../../answer/types.ts';
import type { Assistant, Health, ReindexResult } from '../../assistant/types.ts';
import type { UnitCatalog } from '../../citation/index.ts';
import { formatMarker } from '../../citation/index.ts';
import { type Source, toSource } from '../../model.ts';
import type { Retriever, SearchOptions } from '../../retrieve/types.ts';

function terms(text: string): string[] {
  return (text.toLocaleLowerCase('de-DE').match(/\p{L}{3,}/gu) ?? []).map((term) => term.slice(0, 7));
}

export interface RecordingRetriever extends Retriever {
  calls: Array<{ query: string; options: SearchOptions | undefined }>;
}

/** Ranks units by how many (7-letter-prefixed) query terms they contain; ties keep document order. */
export function createRecordingRetriever(catalog: UnitCatalog): RecordingRetriever {
  const calls: RecordingRetriever['calls'] = [];
  return {
    calls,
    async search(query, options) {
      calls.push({ query, options });
      const wanted = new Set(terms(query));
      const k = options?.k ?? 5;
      return catalog.units
        .filter((unit) => options?.meeting === undefined || unit.meeting === options.meeting)
        .map((unit) => {
          const unitTerms = new Set(terms(`${unit.title} ${unit.text}`));
          return { unit, score: [...wanted].filter((term) => unitTerms.has(term)).length };
        })
        .filter((entry) => entry.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((entry) => toSource(entry.unit, entry.score));
    },
    // One known misspelling stands for the corrector: enough to test what the routes do with a suggestion.
    spell(query) {
      const start = query.indexOf(FAKE_MISSPELLING.from);
      if (start < 0) return undefined;
      const end = start + FAKE_MISSPELLING.from.length;
      return {
        text: `${query.slice(0, start)}${FAKE_MISSPELLING.to}${query.slice(end)}`,
        corrections: [{ ...FAKE_MISSPELLING, start, end, distance: 1 }],
      };
    },
  };
}

/** The one misspelling the recording retriever corrects. */
export const FAKE_MISSPELLING = { from: 'Waffenregster', to: 'Waffenregister' };

export interface AnswererCall {
  method: 'answer' | 'stream';
  request: AskRequest;
  abortSignal: AbortSignal | undefined;
  /** How a stream ended: all events consumed, stopped by its abort signal, failed, or closed early by the consumer. */
  ended?: 'completed' | 'aborted' | 'failed' | 'returned';
}

export interface RecordingAnswererOptions {
  /** Awaited before each text delta of a stream (and before answer() returns): lets a test hold an answer open. */
  pace?: () => Promise<void>;
  /** Thrown by answer() and by stream() before its first event. */
  failBefore?: Error;
  /** Thrown by stream() after the sources event. */
  failAfterSources?: Error;
}

export interface RecordingAnswerer extends Answerer {
  calls: AnswererCall[];
}

/** Builds an extractive-looking answer from the retriever's sources: first sentence of each + its marker. */
export function createRecordingAnswerer(
  catalog: UnitCatalog,
  retriever: Retriever,
  options: RecordingAnswererOptions = {},
): RecordingAnswerer {
  const calls: AnswererCall[] = [];
  const compose = async (request: AskRequest): Promise<Answer> => {
    const searchOptions: SearchOptions = { k: request.k ?? 5 };
    if (request.meeting !== undefined) searchOptions.meeting = request.meeting;
    const sources: Source[] = await retriever.search(request.question, searchOptions);
    if (sources.length === 0) {
      return { answer: ABSTAIN_DE, statements: [], sources: [], abstained: true, mode: 'extractive' };
    }
    const statements = sources.map((source) => {
      const unit = catalog.require(source.meeting, source.top, source.para);
      const sentence = /^[^.!?]*[.!?]?/u.exec(unit.text)?.[0] ?? unit.text;
      return {
        text: `${sentence} ${formatMarker(unit, { withMeeting: catalog.multiMeeting })}`,
        citations: [{ meeting: unit.meeting, top: unit.top, para: unit.para }],
      };
    });
    return {
      answer: statements.map((statement) => statement.text).join(' '),
      statements,
      sources,
      abstained: false,
      mode: 'extractive',
    };
  };
  return {
    calls,
    async answer(request, answerOptions) {
      calls.push({ method: 'answer', request, abortSignal: answerOptions?.abortSignal });
      if (options.failBefore) throw options.failBefore;
      const answer = await compose(request);
      await options.pace?.();
      return answer;
    },
    stream(request, answerOptions) {
      const call: AnswererCall = { method: 'stream', request, abortSignal: answerOptions?.abortSignal };
      calls.push(call);
      async function* events(): AsyncGenerator<AnswerEvent> {
        try {
          if (options.failBefore) throw options.failBefore;
          const answer = await compose(request);
          yield { type: 'sources', sources: answer.sources };
          if (options.failAfterSources) throw options.failAfterSources;
          for (const piece of answer.answer.match(/\S+\s*/gu) ?? []) {
            await options.pace?.();
            if (call.abortSignal?.aborted) {
              call.ended = 'aborted';
              return;
            }
            yield { type: 'text-delta', delta: piece };
          }
          yield { type: 'done', answer };
          call.ended = 'completed';
        } catch (error) {
          call.ended = 'failed';
          throw error;
        } finally {
          call.ended ??= 'returned';
        }
      }
      return events();
    },
  };
}

export interface RecordingAssistant extends Assistant {
  readonly retriever: RecordingRetriever;
  readonly answerer: RecordingAnswerer;
  reindexCalls: number;
  closeCalls: number;
}

export function createRecordingAssistant(
  catalog: UnitCatalog,
  options: { answerer?: RecordingAnswererOptions; health?: Partial<Health> } = {},
): RecordingAssistant {
  const retriever = createRecordingRetriever(catalog);
  const answerer = createRecordingAnswerer(catalog, retriever, options.answerer);
  const assistant: RecordingAssistant = {
    catalog,
    retriever,
    answerer,
    reindexCalls: 0,
    closeCalls: 0,
    health: () => ({
      status: 'ok',
      units: catalog.size,
      embedder: 'offline:fake:8',
      model: 'fake',
      meetings: catalog.meetings.length,
      answerer: 'extractive',
      indexBuiltAt: '2024-01-02T03:04:05.000Z',
      ...options.health,
    }),
    async reindex(): Promise<ReindexResult> {
      assistant.reindexCalls += 1;
      return {
        units: catalog.size,
        meetings: catalog.meetings.length,
        embedded: 0,
        reused: catalog.size,
        sentences: catalog.size,
        sentencesEmbedded: 0,
        removedUnits: 0,
        errors: [],
        conflicts: [],
        durationMs: 1,
      };
    },
    async close() {
      assistant.closeCalls += 1;
    },
  };
  return assistant;
}

/** A promise a test resolves by hand (to hold a request open without timers). */
export function createGate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
