import { describe, expect, it } from 'vitest';
import { analyseQuestion, detectLanguage } from './question.ts';

describe('detectLanguage', () => {
  it.each([
    ['Wer soll bis wann berichten?', 'de'],
    ['Was beschloss die IMK zu Sirenen?', 'de'],
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
    const { intent, language } = analyseQuestion('How many sirens does the federal programme fund?');
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

  it('inherits the intent of the first question when the follow-up asks nothing new', () => {
    const history = [{ role: 'user' as const, content: 'Wer soll zum Warntag berichten?' }];
    const analysed = analyseQuestion('Und dazu?', history);
    expect(analysed.followUp).toBe(true);
    expect(analysed.intent.actor).toBe(true);
  });
});

/** One earlier turn, so that only the question itself decides whether it is a follow-up. */
const HISTORY = [
  { role: 'user' as const, content: 'Was hat die IMK zum Warntag beschlossen?' },
  { role: 'assistant' as const, content: 'Sie sieht ihn als wichtiges Zeichen. [TOP 37 Ziff. 1]' },
];
const followUp = (question: string) => analyseQuestion(question, HISTORY).followUp;

// Each example below is caught by one rule only (it names two or three content words, more than an elliptic
// question, and carries a single kind of marker), so removing that rule fails its test.
describe('follow-up detection', () => {
  it('reads a coordinating conjunction at the start as a continuation', () => {
    expect(followUp('Und was gilt für Sirenen in Bayern?')).toBe(true);
    expect(followUp('Oder sind die Kommunen zuständig?')).toBe(true);
  });

  it('reads a continuing phrase at the start ("was ist mit …")', () => {
    expect(followUp('Was ist mit den Kosten der Sirenen?')).toBe(true);
  });

  it('reads a pronominal adverb generated from a preposition as pointing back', () => {
    expect(followUp('Welche Länder sollen darüber berichten?')).toBe(true);
    expect(followUp('Welche Fristen gelten hierfür?')).toBe(true);
  });

  it('reads a 3rd-person pronoun, possessive or demonstrative as pointing back', () => {
    expect(followUp('Wann soll er seinen Bericht vorlegen?')).toBe(true);
    expect(followUp('Gelten diese Regeln bundesweit?')).toBe(true);
    expect(followUp('Sind Einsatzkräfte dort beteiligt?')).toBe(true);
  });

  it('reads a demonstrative "das" that stands alone as pointing back, but not the article before a noun', () => {
    expect(followUp('Bis wann muss das der Bund prüfen?')).toBe(true);
    expect(followUp('Bis wann muss das neue Register stehen?')).toBe(false);
  });

  it('reads a question of at most one content word as elliptic', () => {
    expect(followUp('Mit welcher Frist?')).toBe(true);
    expect(followUp('Wer noch?')).toBe(true);
    expect(followUp('Which deadline?')).toBe(true);
  });

  it('reads English pronouns, "there", conjunctions and "what about" as in German', () => {
    expect(followUp('When must they submit the report?')).toBe(true);
    expect(followUp('Are officers armed there?')).toBe(true);
    expect(followUp('And which states take part?')).toBe(true);
    expect(followUp('What about the federal police?')).toBe(true);
    expect(followUp('How about funding for sirens?')).toBe(true);
  });

  it('keeps a question that names its own topic standalone, even with a marker', () => {
    expect(followUp('Was hat die IMK zum Schutz von Einsatzkräften beschlossen?')).toBe(false);
    expect(followUp('Was hat die IMK zu Sirenen und Warnapps beschlossen, und wer prüft sie?')).toBe(false);
    expect(followUp('What did the ministers decide on drones for fire brigades?')).toBe(false);
    expect(followUp('Sirenen Förderung')).toBe(false);
  });

  it('does not read markers that refer to nothing said before', () => {
    // Formal "Sie", expletive "es", and "wo(r)-" adverbs, which ask rather than point back.
    expect(followUp('Können Sie mir die Frist für Bayern nennen?')).toBe(false);
    expect(followUp('Gibt es Fristen für Bayern und Hessen?')).toBe(false);
    expect(followUp('Worüber soll der AK V berichten?')).toBe(false);
  });

  it('needs a previous question', () => {
    expect(analyseQuestion('Und was gilt für Sirenen in Bayern?').followUp).toBe(false);
    expect(analyseQuestion('Mit welcher Frist?').followUp).toBe(false);
  });
});
