import { describe, expect, it } from 'vitest';
import { useRealCorpus } from '../assistant/testing/real-corpus.ts';
import { createSupportChecker, withoutMarkers } from './support.ts';

const corpus = useRealCorpus();

describe('support checker', () => {
  it('supports a statement by the unit it paraphrases and not by an unrelated one', () => {
    const checker = createSupportChecker({
      analyzer: corpus().analyzer,
      statistics: corpus().state.statistics,
    });
    const statement =
      'Der AK II soll zum vorbeugenden Gewahrsam von Gefährdern zur Frühjahrskonferenz 2021 berichten. [TOP 46 Ziff. 8]';
    const right = corpus().state.catalog.get('imk-2020-12-10/46/8')!;
    const wrong = corpus().state.catalog.get('imk-2020-12-10/25/4')!;
    expect(checker.supports(statement, right)).toBe(true);
    expect(checker.supports(statement, wrong)).toBe(false);
    expect(checker.score(statement, right)).toBeGreaterThan(checker.score(statement, wrong));
  });

  it('strips citation markers before checking', () => {
    expect(withoutMarkers('Eine Aussage [TOP 46 Ziff. 8] und noch eine [TOP 9].')).toBe(
      'Eine Aussage und noch eine .',
    );
  });

  it('gives no support to a statement without content', () => {
    const checker = createSupportChecker({
      analyzer: corpus().analyzer,
      statistics: corpus().state.statistics,
    });
    expect(checker.score('Wer? [TOP 9]', corpus().state.catalog.get('imk-2020-12-10/9/1')!)).toBe(0);
  });
});

describe('support checker by meaning and words', () => {
  it('needs both: a statement that shares the words of a unit but not its meaning is not supported', async () => {
    const { semantic } = corpus().state;
    const unit = corpus().state.catalog.get('imk-2020-12-10/46/8')!;
    const statement =
      'Der AK II soll zum vorbeugenden Gewahrsam von Gefährdern zur Frühjahrskonferenz 2021 berichten.';
    const bySense = (range: { low: number; high: number }) =>
      createSupportChecker({
        analyzer: corpus().analyzer,
        statistics: corpus().state.statistics,
        semantic: {
          embed: semantic.embedQuery,
          sentences: semantic.sentences,
          ordinalOf: semantic.ordinalOf,
          range,
        },
      });
    const lenient = bySense({ low: -1, high: -0.5 });
    const strict = bySense({ low: 1, high: 1.5 });
    // Without preparing, words alone decide.
    expect(strict.supports(statement, unit)).toBe(true);
    await lenient.prepare(statement);
    await strict.prepare(statement);
    expect(lenient.supports(statement, unit)).toBe(true);
    expect(strict.supports(statement, unit)).toBe(false);
    expect(strict.score(statement, unit)).toBe(0);
  });
});
