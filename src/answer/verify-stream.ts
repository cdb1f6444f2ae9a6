// Verifies an LLM answer while it streams: buffers the model's text until a statement with its markers is complete,
// verifies it, and releases only verified text (headings and "…:" intros only when a kept statement follows them).
import { ABSTAIN_DE, ABSTAIN_EN, type Statement } from './types.ts';
import {
  citationOf,
  claimOf,
  type VerifiedStatement,
  type VerifyContext,
  verifyStatement,
} from './verify.ts';
import { type Segment, splitSegments } from './verify-split.ts';

export interface VerificationReport {
  /** Every statement the model made, in order, with what verification did to it. */
  statements: VerifiedStatement[];
  /** True when the model's answer is the abstain sentence. */
  abstained: boolean;
}

export interface VerifiedAnswerBuilder {
  /**
   * Adds model text; resolves to the verified text that can be shown now ("" while a statement is incomplete). Calls
   * must not overlap: await each before the next.
   */
  push(delta: string): Promise<string>;
  /** The model has finished: verifies what is left and resolves to its text. */
  finish(): Promise<string>;
  /** True once the model's first statement is the abstain sentence; later text is ignored. */
  readonly abstained: boolean;
  /** Everything returned by push and finish so far. */
  readonly text: string;
  /** The kept and repaired statements, as they stand in text. */
  readonly statements: Statement[];
  readonly report: VerificationReport;
}

const THINK_BLOCK = /^\s*<think>[\s\S]*?<\/think>\s*/;

export function createVerifiedAnswerBuilder(context: VerifyContext): VerifiedAnswerBuilder {
  let buffer = '';
  let bufferStartsLine = true;
  let text = '';
  let abstained = false;
  let sawStatement = false;
  let thinking: boolean | undefined;
  const statements: Statement[] = [];
  const verified: VerifiedStatement[] = [];
  /** Framing lines waiting for a kept statement. */
  let pending: Segment[] = [];

  const emit = (segment: Pick<Segment, 'layout'>, body: string): string => {
    const layout = text === '' ? segment.layout.replace(/^\s+/, '') : segment.layout;
    const piece = `${layout}${body}`;
    text += piece;
    return piece;
  };

  const handle = async (segment: Segment): Promise<string> => {
    if (abstained) return '';
    if (!sawStatement && segment.kind === 'statement' && isAbstention(segment.text)) {
      abstained = true;
      return '';
    }
    if (segment.kind === 'heading') {
      // A heading whose statements were all dropped gives way to the next heading.
      const firstHeading = pending.findIndex((candidate) => candidate.kind === 'heading');
      if (firstHeading !== -1) pending = pending.slice(0, firstHeading);
      pending.push(segment);
      return '';
    }
    if (segment.kind === 'intro') {
      pending.push(segment);
      return '';
    }
    sawStatement = true;
    // The statement's meaning is embedded once, before its citations are weighed by meaning and words.
    await context.support.prepare(claimOf(segment));
    const result = verifyStatement(segment, context);
    verified.push(result);
    if (result.outcome === 'dropped') return '';
    let output = '';
    for (const framing of pending) output += emit(framing, framing.text);
    pending = [];
    output += emit(segment, result.text);
    statements.push({ text: result.text, citations: result.units.map(citationOf) });
    return output;
  };

  const process = async (final: boolean): Promise<string> => {
    if (thinking !== false) {
      // Reasoning models (e.g. served by Ollama) may open with <think>…</think>: never shown, never verified.
      const start = buffer.trimStart();
      if (start.startsWith('<think>')) {
        const match = THINK_BLOCK.exec(buffer);
        if (!match) {
          if (!final) return '';
          buffer = '';
        } else {
          buffer = buffer.slice(match[0].length);
        }
        thinking = false;
      } else if (start.length >= '<think>'.length || (start.length > 0 && !'<think>'.startsWith(start))) {
        thinking = false;
      } else if (!final) {
        return '';
      }
    }
    const split = splitSegments(buffer, { final, startsLine: bufferStartsLine });
    let output = '';
    for (const segment of split.segments) output += await handle(segment);
    buffer = buffer.slice(split.consumed);
    bufferStartsLine = split.restStartsLine;
    return output;
  };

  return {
    async push(delta: string): Promise<string> {
      if (abstained) return '';
      buffer += delta;
      return process(false);
    },
    async finish(): Promise<string> {
      if (abstained) return '';
      return process(true);
    },
    get abstained() {
      return abstained;
    },
    get text() {
      return text;
    },
    get statements() {
      return statements;
    },
    get report(): VerificationReport {
      return { statements: verified, abstained };
    },
  };
}

/** Whether a statement is the abstain sentence (quotes, emphasis and case aside). */
export function isAbstention(statement: string): boolean {
  const normalise = (value: string) =>
    value
      .replace(/[*_"„“”'`]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.!]+$/, '')
      .toLowerCase();
  const plain = normalise(statement);
  return [ABSTAIN_DE, ABSTAIN_EN].some((sentence) => plain === normalise(sentence));
}
