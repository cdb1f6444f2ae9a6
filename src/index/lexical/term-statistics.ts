// Document frequencies of analysed terms over all units (title + text), persisted with the index, so the answerer
// can weigh rare question words above common ones and notice words the resolutions never use.
import { z } from 'zod';
import type { Analyzer } from '../../analysis/index.ts';
import { BeschlussError } from '../../errors.ts';
import type { Unit } from '../../model.ts';

export const TERM_STATISTICS_VERSION = 1;

export interface TermStatistics {
  readonly documentCount: number;
  documentFrequency(term: string): number;
  /** BM25's idf: ln(1 + (N − df + 0.5) / (df + 0.5)); largest for a term no unit contains. */
  idf(term: string): number;
  /** idf of a term no unit contains: the ceiling every other idf stays below. */
  readonly maxIdf: number;
  toJSON(): TermStatisticsJson;
}

const jsonSchema = z.object({
  version: z.literal(TERM_STATISTICS_VERSION),
  documentCount: z.number().int().nonnegative(),
  frequencies: z.record(z.string(), z.number().int().positive()),
});

export type TermStatisticsJson = z.infer<typeof jsonSchema>;

export function computeTermStatistics(units: readonly Unit[], analyzer: Analyzer): TermStatistics {
  const frequencies = new Map<string, number>();
  for (const unit of units) {
    for (const term of new Set(analyzer.terms(`${unit.title}\n${unit.text}`))) {
      frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    }
  }
  return statistics(units.length, frequencies);
}

export function loadTermStatistics(json: unknown): TermStatistics {
  const parsed = jsonSchema.safeParse(json);
  if (!parsed.success) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `The term statistics in the index are not of version ${TERM_STATISTICS_VERSION}: ${parsed.error.issues[0]?.message}; ` +
        'run `npx beschluss index` to rebuild the index.',
    );
  }
  return statistics(parsed.data.documentCount, new Map(Object.entries(parsed.data.frequencies)));
}

function statistics(documentCount: number, frequencies: Map<string, number>): TermStatistics {
  const idfOf = (frequency: number) => Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
  return {
    documentCount,
    documentFrequency: (term) => frequencies.get(term) ?? 0,
    idf: (term) => idfOf(frequencies.get(term) ?? 0),
    maxIdf: idfOf(0),
    toJSON: () => ({
      version: TERM_STATISTICS_VERSION,
      documentCount,
      frequencies: Object.fromEntries([...frequencies.entries()].sort(([a], [b]) => a.localeCompare(b))),
    }),
  };
}
