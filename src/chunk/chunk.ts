// Turns citable units into chunks for embedding: one per unit, or window-sized pieces of a long unit with exact offsets.
import { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import type { Chunk, Unit } from '../model.ts';
import { GermanTextSplitter } from './german-splitter.ts';

export interface ChunkOptions {
  /** Longest piece, measured by `lengthOf`; default 1000 characters (about 256 tokens of multilingual-e5-small). */
  maxChars?: number;
  /** How much a piece may repeat from the end of the previous one, in whole words or sentences; default 100. */
  overlapChars?: number;
  /**
   * How long a piece is; default its characters. With an embedding model's token count the limits above are in
   * tokens, so that no piece is cut at the model's window.
   */
  lengthOf?: (text: string) => number;
  /**
   * Room the embedded text of a unit's pieces takes besides the piece (the item title, a note's label), in the unit
   * of `lengthOf`; it is taken off `maxChars` for that unit. Default 0.
   */
  reservedFor?: (unit: Unit) => number;
  /**
   * A quick test that a whole unit fits its window without measuring it (measuring by a model's tokenizer is slow at
   * 100 000 units): e.g. by its characters, when the measure counts at most one per character. Default: none.
   */
  fitsUnmeasured?: (text: string, size: number) => boolean;
}

/** The smallest window a unit keeps however long its title is. */
const MIN_PIECE_LENGTH = 32;

export const DEFAULT_MAX_CHARS = 1000;
export const DEFAULT_OVERLAP_CHARS = 100;

const optionsSchema = z
  .object({
    maxChars: z.number().int().min(20).default(DEFAULT_MAX_CHARS),
    overlapChars: z.number().int().min(0).default(DEFAULT_OVERLAP_CHARS),
  })
  .refine((options) => options.overlapChars < options.maxChars, {
    message: 'overlapChars must be smaller than maxChars',
  });

/**
 * Where each piece lies in the text. Pieces come in order, cover the text up to whitespace, repeat at most
 * `overlapChars` of the previous piece and always add new text: so the next piece starts no earlier than the previous
 * end minus the overlap and reaches past the first non-space after the previous end. Where text repeats, several
 * places fit a piece: the earliest is taken that lets the following pieces cover the rest of the text.
 */
function locate(text: string, pieces: readonly string[], overlapChars: number | undefined, unitId: string) {
  const end = text.trimEnd().length;
  /** Where each piece from `index` on may start, given the previous piece; the first placing that covers the text. */
  const place = (
    index: number,
    previous: { start: number; end: number },
  ): Array<{ start: number; end: number }> | undefined => {
    const piece = pieces[index];
    if (piece === undefined) return previous.end >= end ? [] : undefined;
    const latest =
      previous.end + (text.slice(previous.end).length - text.slice(previous.end).trimStart().length);
    for (
      let at = Math.max(previous.start + 1, previous.end - (overlapChars ?? text.length));
      at <= latest;
      at += 1
    ) {
      if (at + piece.length <= latest || !text.startsWith(piece, at)) continue;
      const span = { start: at, end: at + piece.length };
      const rest = place(index + 1, span);
      if (rest) return [span, ...rest];
    }
    return undefined;
  };
  const placed = place(0, { start: -1, end: 0 });
  if (!placed) {
    throw new BeschlussError('INTERNAL', `chunking ${unitId}: the pieces do not cover the unit's text`, {
      details: { unitId, pieces },
    });
  }
  return placed;
}

/**
 * One chunk per unit; a unit longer than maxChars is split at German sentence, clause and word boundaries with
 * @langchain/textsplitters. Every chunk keeps its unit id and offsets with unit.text.slice(start, end) === text.
 */
export async function chunkUnits(units: readonly Unit[], options: ChunkOptions = {}): Promise<Chunk[]> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new BeschlussError('INVALID_REQUEST', `invalid chunk options: ${z.prettifyError(parsed.error)}`, {
      details: { options },
    });
  }
  const { maxChars, overlapChars } = parsed.data;
  const { lengthOf, reservedFor } = options;
  const length = lengthOf ?? ((text: string) => text.length);
  const splitters = new Map<number, GermanTextSplitter>();
  const splitterFor = (size: number) => {
    let splitter = splitters.get(size);
    if (!splitter) {
      splitter = new GermanTextSplitter({
        chunkSize: size,
        chunkOverlap: Math.min(overlapChars, Math.floor(size / 2)),
        lengthFunction: length,
      });
      splitters.set(size, splitter);
    }
    return splitter;
  };
  const chunks: Chunk[] = [];
  for (const unit of units) {
    const size = Math.min(maxChars, Math.max(MIN_PIECE_LENGTH, maxChars - (reservedFor?.(unit) ?? 0)));
    const fits = options.fitsUnmeasured?.(unit.text, size) === true || length(unit.text) <= size;
    const pieces = fits ? [unit.text] : await splitterFor(size).splitText(unit.text);
    // Offsets are found by text; the overlap bounds where a piece may start only when it is counted in characters.
    const overlapBound = lengthOf === undefined ? overlapChars : undefined;
    locate(unit.text, pieces, overlapBound, unit.id).forEach(({ start, end }, index) => {
      chunks.push({
        id: `${unit.id}#${index}`,
        unitId: unit.id,
        text: unit.text.slice(start, end),
        start,
        end,
      });
    });
  }
  return chunks;
}
