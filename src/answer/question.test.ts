import { describe, expect, it } from 'vitest';
import { analyseQuestion, detectLanguage } from './question.ts';

describe('detectLanguage', () => {
  it.each([
    ['Wer soll bis wann berichten?', 'de'],
    ['Was beschloss die IMK zu Silvesterfeuerwerk?', 'de'],
    ['Who must report on the warning day, and by when?', 'en'],
    ['What did the ministers agree on sirens and warning apps?', 'en'],
    ['TOP 46', 'de'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('analyseQuestion', () => {
  it('reads deadline and actor questions', () => {
    const { intent } = analyseQuestion('Bis wann soll wer den Warntag auswerten?');
    expect(intent).toMatchObject({ deadline: true, actor: true, mandate: true, count: false });
  });

  it('reads list and mandate questions', () => {
    const { intent } = analyseQuestion('Welche Arbeitsaufträge gingen an den AK V?');
    expect(intent).toMatchObject({ list: true, mandate: true, deadline: false });
  });

  it('reads count questions in English', () => {
    const { intent, language } = analyseQuestion('How many police officers may be sent to Sudan?');
    expect(language).toBe('en');
    expect(intent.count).toBe(true);
  });

  it('treats a plain question without history as standalone', () => {
    const analysed = analyseQuestion('Und mit welcher Frist?');
    expect(analysed.followUp).toBe(false);
    expect(analysed.retrievalQuery).toBe('Und mit welcher Frist?');
  });

  it('joins a follow-up with the previous user question and keeps the previous answer', () => {
    const history = [
      { role: 'user' as const, content: 'Wen beauftragt die IMK mit der Auswertung des Warntags?' },
      { role: 'assistant' as const, content: 'Den AK V. [TOP 37 Ziff. 2]' },
    ];
    const analysed = analyseQuestion('Und mit welcher Frist?', history);
    expect(analysed.followUp).toBe(true);
    expect(analysed.retrievalQuery).toContain('Auswertung des Warntags');
    expect(analysed.intent.deadline).toBe(true);
    expect(analysed.previousAnswer).toContain('[TOP 37 Ziff. 2]');
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
