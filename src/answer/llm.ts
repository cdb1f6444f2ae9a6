// The LLM answerer: retrieves the sources, asks an AI SDK language model to answer from them with a citation per
// statement, verifies every statement (verify.ts) and streams only verified text; when the model fails, is slow or
// nothing it says holds, the extractive answer stands in, with a notice saying why.
import { generateText, type LanguageModel, streamText } from 'ai';
import type { UnitCatalog } from '../citation/index.ts';
import { BeschlussError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { type Source, toSource, type Unit } from '../model.ts';
import type { HybridRetriever } from '../retrieve/index.ts';
import { classifyFault, describeFault, type LlmFault } from './llm-fault.ts';
import { fallbackNotice, incompleteNotice, nothingVerifiedReason, verificationNotice } from './llm-notice.ts';
import { type AnswerPrompts, renderUserMessage } from './llm-prompts.ts';
import { type AnalysedQuestion, analyseQuestion, detectLanguage, type Language } from './question.ts';
import { renderAbstention } from './render.ts';
import { DEFAULT_SUPPORT_THRESHOLD, type SupportChecker } from './support.ts';
import type { Answer, AnswerEvent, Answerer, AnswerOptions, AskRequest } from './types.ts';
import { findMarkers } from './verify-split.ts';
import { createVerifiedAnswerBuilder, type VerifiedAnswerBuilder } from './verify-stream.ts';

export interface LlmAnswererOptions {
  /** Any AI SDK v6 language model; createLlmModel (src/llm/create-model.ts) makes one for an OpenAI-compatible server. */
  model: LanguageModel;
  /** The system prompt and user template (loadAnswerPrompts, at start-up). */
  prompts: AnswerPrompts;
  retriever: HybridRetriever;
  catalog: UnitCatalog;
  /** The extractive answerer: stands in when the LLM fails, and gives the hints of an abstention. */
  fallback: Answerer;
  support: SupportChecker;
  /** The question's language (default: function words alone); pass the analyzer's, `analyzer.language`. */
  language?: (text: string) => Language;
  /** Longest wait for the LLM's whole answer (LLM_TIMEOUT_MS); the request is aborted after it. */
  timeoutMs: number;
  /** Sources given to the model (default 6; a request's k overrides it). */
  k?: number;
  /** Support a cited unit must give a German statement (default DEFAULT_SUPPORT_THRESHOLD, 0.5). */
  supportThreshold?: number;
  /**
   * Support a cited unit must give an English statement (default 0.3). Matching English words to German text through
   * the dictionary loses concepts: on the real corpus, faithful English paraphrases scored 0.37–0.69 against their
   * paragraph and 0–0.14 against the wrong one (German: about 1.0 against 0.1–0.39).
   */
  englishSupportThreshold?: number;
  /** Sampling temperature (default 0: the same sources give the same answer). */
  temperature?: number;
  /** Longest answer in tokens (default 1000). */
  maxOutputTokens?: number;
  logger?: Logger;
}

/** Units of the previous answer a follow-up may be about, at most this many. */
const MAX_PREVIOUS_UNITS = 3;

interface Run {
  question: AnalysedQuestion;
  units: Unit[];
  sources: Source[];
  builder: VerifiedAnswerBuilder;
}

export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const {
    model,
    prompts,
    retriever,
    catalog,
    fallback,
    support,
    language = detectLanguage,
    timeoutMs,
    k = 6,
    supportThreshold = DEFAULT_SUPPORT_THRESHOLD,
    englishSupportThreshold = 0.3,
    temperature = 0,
    maxOutputTokens = 1000,
    logger,
  } = options;
  const withMeeting = () => catalog.multiMeeting;

  async function prepare(request: AskRequest): Promise<Run> {
    const question = analyseQuestion(request.question, request.history ?? [], language);
    const meetingFilter = request.meeting === undefined ? {} : { meeting: request.meeting };
    const ranked = await retriever.rank(question.retrievalQuery, { k: request.k ?? k, ...meetingFilter });
    const units = ranked.map((entry) => entry.unit);
    const scores = new Map(ranked.map((entry) => [entry.unit.id, entry.score]));
    for (const unit of previousUnits(question, request.meeting)) {
      if (!units.some((candidate) => candidate.id === unit.id)) units.push(unit);
    }
    const sources = units.map((unit) => {
      const score = scores.get(unit.id);
      return toSource(unit, score === undefined ? undefined : Math.round(score * 1e4) / 1e4);
    });
    const builder = createVerifiedAnswerBuilder({
      catalog,
      support,
      sources: units,
      threshold: question.language === 'en' ? englishSupportThreshold : supportThreshold,
      withMeeting: withMeeting(),
      ...meetingFilter,
    });
    return { question, units, sources, builder };
  }

  /** The units the previous answer cited, for a follow-up ("Und mit welcher Frist?") that is about them. */
  function previousUnits(question: AnalysedQuestion, meeting: string | undefined): Unit[] {
    if (!question.followUp || question.previousAnswer === undefined) return [];
    const units: Unit[] = [];
    for (const marker of findMarkers(question.previousAnswer)) {
      for (const citation of marker.citations) {
        const unit = catalog.resolveCitation(citation, meeting === undefined ? {} : { meeting });
        if (unit && !units.some((candidate) => candidate.id === unit.id)) units.push(unit);
      }
    }
    return units.slice(0, MAX_PREVIOUS_UNITS);
  }

  function callSettings(run: Run, request: AskRequest, abortSignal: AbortSignal) {
    return {
      model,
      system: prompts.system,
      prompt: renderUserMessage(prompts, {
        question: request.question,
        units: run.units,
        history: request.history ?? [],
        withMeeting: withMeeting(),
      }),
      temperature,
      maxOutputTokens,
      // A failing server is answered by the fallback at once; retries would only make the user wait.
      maxRetries: 0,
      abortSignal,
    };
  }

  /**
   * Runs the model and yields verified text as it is complete. Resolves to the fault that stopped the model, if
   * any; the caller's own abort is rethrown.
   */
  async function* generate(
    run: Run,
    request: AskRequest,
    streaming: boolean,
    callerSignal: AbortSignal | undefined,
  ): AsyncGenerator<string, LlmFault | undefined> {
    // A timer of our own (not AbortSignal.timeout, whose timer does not keep the process alive): a one-shot CLI
    // question to a silent server still ends with the fallback answer.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException(`LLM timed out after ${timeoutMs} ms`, 'TimeoutError')),
      timeoutMs,
    );
    const stop = new AbortController();
    const signals = [timeout.signal, stop.signal, ...(callerSignal ? [callerSignal] : [])];
    const settings = callSettings(run, request, AbortSignal.any(signals));
    const fault = (error: unknown): LlmFault => {
      if (callerSignal?.aborted) throw callerSignal.reason;
      return classifyFault(error, { timedOut: timeout.signal.aborted, timeoutMs });
    };
    try {
      if (!streaming) {
        const result = await generateText(settings);
        const text = (await run.builder.push(result.text)) + (await run.builder.finish());
        if (text !== '') yield text;
        return result.text.trim() === '' ? { kind: 'empty' } : undefined;
      }
      const result = streamText({ ...settings, onError: () => {} });
      let received = '';
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          received += part.text;
          const text = await run.builder.push(part.text);
          if (text !== '') yield text;
          if (run.builder.abstained) return undefined;
        } else if (part.type === 'error') {
          return fault(part.error);
        } else if (part.type === 'abort') {
          return fault(timeout.signal.reason);
        }
      }
      if (timeout.signal.aborted || callerSignal?.aborted) return fault(timeout.signal.reason);
      const text = await run.builder.finish();
      if (text !== '') yield text;
      return received.trim() === '' ? { kind: 'empty' } : undefined;
    } catch (error) {
      return fault(error);
    } finally {
      clearTimeout(timer);
      // Ends the HTTP request when the consumer stopped early; a no-op for a call that has finished.
      stop.abort();
    }
  }

  /** The whole exchange as answer events; answer() and stream() differ only in how the model is called. */
  async function* events(request: AskRequest, streaming: boolean, answerOptions: AnswerOptions = {}) {
    const callerSignal = answerOptions.abortSignal;
    const run = await prepare(request);
    const language = run.question.language;
    yield { type: 'sources', sources: run.sources } satisfies AnswerEvent;

    let fault: LlmFault | undefined;
    const generator = generate(run, request, streaming, callerSignal);
    try {
      for (;;) {
        const next = await generator.next();
        if (next.done) {
          fault = next.value;
          break;
        }
        yield { type: 'text-delta', delta: next.value } satisfies AnswerEvent;
      }
    } finally {
      // A consumer that stops early (client gone) ends the model call and its timer too.
      await generator.return(undefined);
    }
    callerSignal?.throwIfAborted();

    const { builder } = run;
    const report = builder.report;
    const verification = verificationNotice(report.statements, language, { withMeeting: withMeeting() });
    if (fault) {
      logger?.warn('LLM answer failed', {
        ...(answerOptions.requestId === undefined ? {} : { requestId: answerOptions.requestId }),
        fault,
        question: request.question,
        shown: builder.text.length,
      });
    }
    const counts = { kept: 0, repaired: 0, dropped: 0 };
    for (const statement of report.statements) counts[statement.outcome]++;
    if (counts.repaired > 0 || counts.dropped > 0) logger?.info('LLM answer repaired', counts);
    else logger?.debug('LLM answer verified', counts);

    let answer: Answer;
    if (builder.abstained) {
      answer = await abstention(request, answerOptions, language);
    } else if (builder.statements.length > 0) {
      const notices = [
        ...(fault ? [incompleteNotice(describeFault(fault, language), language)] : []),
        ...(verification ? [verification] : []),
      ];
      answer = {
        answer: builder.text,
        statements: builder.statements,
        sources: run.sources,
        abstained: false,
        mode: 'llm',
        ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
      };
    } else {
      const dropped = report.statements.length;
      const reason = fault ? describeFault(fault, language) : nothingVerifiedReason(dropped, language);
      const extractive = await fallback.answer(request, answerOptions);
      answer = { ...extractive, notice: fallbackNotice(reason, language) };
    }
    if (builder.text === '') {
      for (const line of answer.answer.split(/(?<=\n)/)) {
        yield { type: 'text-delta', delta: line } satisfies AnswerEvent;
      }
    }
    yield { type: 'done', answer } satisfies AnswerEvent;
  }

  /** The LLM found no answer in the sources: say so, with the extractive answerer's closest items as hints. */
  async function abstention(
    request: AskRequest,
    answerOptions: AnswerOptions,
    language: Language,
  ): Promise<Answer> {
    const extractive = await fallback.answer(request, answerOptions);
    if (extractive.abstained) return { ...extractive, mode: 'llm' };
    const hints = extractive.sources
      .map((source) => ({ unit: catalog.get(source.id), score: source.score ?? 0 }))
      .filter((hint): hint is { unit: Unit; score: number } => hint.unit !== undefined)
      .slice(0, 3);
    return { ...renderAbstention({ language, withMeeting: withMeeting(), hints }), mode: 'llm' };
  }

  return {
    async answer(request: AskRequest, answerOptions?: AnswerOptions): Promise<Answer> {
      for await (const event of events(request, false, answerOptions)) {
        if (event.type === 'done') return event.answer;
      }
      throw new BeschlussError('INTERNAL', 'The LLM answerer ended without an answer event.');
    },
    stream(request: AskRequest, answerOptions?: AnswerOptions): AsyncIterable<AnswerEvent> {
      return events(request, true, answerOptions);
    },
  };
}
