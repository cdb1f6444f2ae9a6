// Term statistics read from the lexical index's postings: the counts of analysing every unit once more, for free.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCorpusDir } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { createLexicalIndex } from './lexical-index.ts';
import { termStatisticsOf } from './term-statistics.ts';

let analyzer: Analyzer;
let units: Unit[];
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  units = (await readCorpusDir(DEFAULT_CORPUS_DIR)).collections.flatMap((collection) =>
    unitsOf(collection.meeting),
  );
});

describe('term statistics', () => {
  it('count, for every term, the units whose title or text hold it, as analysing each unit again would', () => {
    const { statistics } = createLexicalIndex({ analyzer, units });
    const counted = new Map<string, number>();
    for (const unit of units) {
      for (const term of new Set([...analyzer.terms(unit.title), ...analyzer.terms(unit.text)])) {
        counted.set(term, (counted.get(term) ?? 0) + 1);
      }
    }
    expect(statistics.documentCount).toBe(units.length);
    for (const [term, frequency] of counted) expect(statistics.documentFrequency(term), term).toBe(frequency);
  });

  it('give BM25 idf, highest for a term no unit holds', () => {
    const statistics = termStatisticsOf({
      documentCount: 10,
      documentFrequency: (term) => (term === 'a' ? 3 : 0),
    });
    expect(statistics.idf('a')).toBeCloseTo(Math.log(1 + 7.5 / 3.5), 12);
    expect(statistics.maxIdf).toBeCloseTo(Math.log(1 + 10.5 / 0.5), 12);
    expect(statistics.idf('unknown')).toBe(statistics.maxIdf);
    expect(statistics.idf('a')).toBeLessThan(statistics.maxIdf);
  });
});
