import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createAnalyzer, createGermanAnalyzer } from './analyzer.ts';
import { buildLexicon } from './lexicon.ts';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
});

const NWR = 'TOP 22: Nationales Waffenregister (NWR) Betrieb und Ausbau';

describe('createAnalyzer', () => {
  it('analyses with the acronyms of its lexicon, both ways', () => {
    const withNwr = createAnalyzer(buildLexicon(analyzer.lexicon, [NWR]));
    expect(withNwr.terms('des Nationalen Waffenregisters')).toContain('nwr');
    expect(withNwr.longForms('nwr')).toEqual(['Nationales Waffenregister']);
    expect(withNwr.queryTerms('Nationales Waffenregister').map((term) => term.term)).toContain('nwr');
  });

  it('is a pure function of its lexicon: analysing with one leaves every other analyzer as it was', () => {
    createAnalyzer(buildLexicon(analyzer.lexicon, [NWR])).terms('Nationales Waffenregister');
    expect(analyzer.terms('Nationales Waffenregister')).not.toContain('nwr');
    const again = createAnalyzer(analyzer.lexicon);
    for (const text of ['Nationales Waffenregister', 'Böller zu Silvester', 'weapons register']) {
      expect(again.analyze(text)).toEqual(analyzer.analyze(text));
      expect(again.queryTerms(text)).toEqual(analyzer.queryTerms(text));
    }
  });

  it('learns nothing itself: it has no method that changes its lexicon', () => {
    for (const name of ['learnAbbreviations', 'addAbbreviations', 'learnedAbbreviations']) {
      expect(name in analyzer, name).toBe(false);
    }
    expect(analyzer.lexicon.learned).toEqual([]);
  });
});

describe('createGermanAnalyzer', () => {
  it('names the file it cannot read', async () => {
    await expect(createGermanAnalyzer({ thesaurusFile: '/nonexistent/thesaurus.txt' })).rejects.toThrow(
      /\/nonexistent\/thesaurus\.txt/,
    );
  });
});
