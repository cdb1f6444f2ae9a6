// The persisted form of a lexicon (inside an index): its base's id and the learned acronyms, versioned.
import { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import { type Lexicon, lexiconOf } from './lexicon.ts';

export const LEXICON_FORMAT = 'beschluss-lexicon';
export const LEXICON_VERSION = 1;

const lexiconJsonSchema = z.object({
  format: z.literal(LEXICON_FORMAT),
  version: z.number().int(),
  /** The lexicon's id, checked again when it is restored. */
  id: z.string().min(1),
  /** The id of the bundled lexicon it was built on: an installation with other data files must rebuild. */
  base: z.string().min(1),
  /** The acronyms the corpus defines, in order. */
  learned: z.array(z.object({ short: z.string().min(1), long: z.array(z.string().min(1)).min(1) })),
});

export type LexiconJson = z.infer<typeof lexiconJsonSchema>;

/** What an index keeps of its lexicon: the bundled part is named by its id, the learned part spelled out. */
export function lexiconToJson(lexicon: Lexicon): LexiconJson {
  return {
    format: LEXICON_FORMAT,
    version: LEXICON_VERSION,
    id: lexicon.id,
    base: lexicon.base.id,
    learned: lexicon.learned.map((entry) => ({ short: entry.short, long: [...entry.long] })),
  };
}

/**
 * The lexicon an index was built with, on this process's bundled lexicon (`base`, or the base of a lexicon given).
 * INDEX_CORRUPT when the value is no such lexicon; INDEX_MISMATCH when it is of another format version or was built
 * on other bundled data: then the index must be rebuilt.
 */
export function restoreLexicon(json: unknown, base: Lexicon): Lexicon {
  const parsed = lexiconJsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `Expected a ${LEXICON_FORMAT} object in the index: ${parsed.error.message}`,
      { details: { issues: parsed.error.issues } },
    );
  }
  const { version, id, base: baseId, learned } = parsed.data;
  if (version !== LEXICON_VERSION) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `Expected lexicon format version ${LEXICON_VERSION} in the index, got ${version}; rebuild the index`,
      { details: { expected: LEXICON_VERSION, received: version } },
    );
  }
  if (baseId !== base.base.id) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The index was built with the bundled lexicon ${baseId}, this installation has ${base.base.id} (other data files); rebuild the index`,
      { details: { expected: base.base.id, received: baseId } },
    );
  }
  const lexicon = lexiconOf(base.base, learned);
  if (lexicon.id !== id) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `The lexicon in the index names itself ${id}, but its acronyms give ${lexicon.id}`,
      { details: { expected: id, received: lexicon.id } },
    );
  }
  return lexicon;
}
