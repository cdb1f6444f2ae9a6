import { describe, expect, it } from 'vitest';
import { analyseQuestion, detectLanguage } from './question.ts';

describe('detectLanguage', () => {
  it.each([
    ['Wer soll bis wann berichten?', 'de'],
    ['Was beschloss die IMK zu Silvesterfeuerwerk?', 'de'],
    ['Who has to report on preventive detention and by when?', 'en'],
    ['What did the conference decide about the national weapons register?', 'en'],
    ['TOP 46', 'de'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('analyseQuestion', () => {
  it('reads deadline and actor questions', () => {
    const { intent } = analyseQuestion('Wer soll bis wann zum vorbeugenden Gewahrsam berichten?');
    expect(intent).toMatchObject({ deadline: true, actor: true, mandate: true, count: false });
  });

  it('reads list and mandate questions', () => {
    const { intent } = analyseQuestion('Welche Aufträge erhielt der AK IV?');
    expect(intent).toMatchObject({ list: true, mandate: true, deadline: false });
  });

  it('reads count questions in English', () => {
    const { intent, language } = analyseQuestion('How many police officers may be sent to Sudan?');
    expect(language).toBe('en');
    expect(intent.count).toBe(true);
  });

  it('treats a plain question without history as standalone', () => {
    const analysed = analyseQuestion('Und bis wann?');
    expect(analysed.followUp).toBe(false);
    expect(analysed.retrievalQuery).toBe('Und bis wann?');
  });

  it('joins a follow-up with the previous user question and keeps the previous answer', () => {
    const history = [
      { role: 'user' as const, content: 'Wen beauftragt die IMK zum vorbeugenden Gewahrsam von Gefährdern?' },
      { role: 'assistant' as const, content: 'Den AK II. [TOP 46 Ziff. 8]' },
    ];
    const analysed = analyseQuestion('Und bis wann?', history);
    expect(analysed.followUp).toBe(true);
    expect(analysed.retrievalQuery).toContain('vorbeugenden Gewahrsam');
    expect(analysed.intent.deadline).toBe(true);
    expect(analysed.previousAnswer).toContain('[TOP 46 Ziff. 8]');
  });

  it('does not treat a new full question as a follow-up', () => {
    const history = [{ role: 'user' as const, content: 'Was gilt für Reichskriegsflaggen?' }];
    const analysed = analyseQuestion('Was beschloss die IMK zur Kampfmittelräumung in den Ländern?', history);
    expect(analysed.followUp).toBe(false);
  });

  it('inherits the intent of the first question when the follow-up asks nothing new', () => {
    const history = [{ role: 'user' as const, content: 'Wer soll zum Warntag berichten?' }];
    const analysed = analyseQuestion('Und dazu?', history);
    expect(analysed.followUp).toBe(true);
    expect(analysed.intent.actor).toBe(true);
  });
});
