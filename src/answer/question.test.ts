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
  it.each([
    // a coordinating conjunction at the start continues the conversation
    ['conjunction', 'Und was gilt für Sirenen in Bayern?', true],
    ['conjunction', 'Oder sind die Kommunen zuständig?', true],
    // so does a continuing phrase at the start ("was ist mit …")
    ['continuing phrase', 'Was ist mit den Kosten der Sirenen?', true],
    // a pronominal adverb generated from a preposition points back
    ['pronominal adverb', 'Welche Länder sollen darüber berichten?', true],
    ['pronominal adverb', 'Welche Fristen gelten hierfür?', true],
    // so do a 3rd-person pronoun, a possessive and a demonstrative
    ['pronoun', 'Wann soll er seinen Bericht vorlegen?', true],
    ['demonstrative', 'Gelten diese Regeln bundesweit?', true],
    ['demonstrative', 'Sind Einsatzkräfte dort beteiligt?', true],
    // a demonstrative "das" that stands alone points back, the article before a noun does not
    ['standalone "das"', 'Bis wann muss das der Bund prüfen?', true],
    ['article "das"', 'Bis wann muss das neue Register stehen?', false],
    // a question of at most one content word is elliptic
    ['elliptic', 'Mit welcher Frist?', true],
    ['elliptic', 'Wer noch?', true],
    ['elliptic', 'Which deadline?', true],
    // English pronouns, "there", conjunctions and "what about" count as in German
    ['English pronoun', 'When must they submit the report?', true],
    ['English "there"', 'Are officers armed there?', true],
    ['English conjunction', 'And which states take part?', true],
    ['English "what about"', 'What about the federal police?', true],
    ['English "how about"', 'How about funding for sirens?', true],
    // a question that names its own topic stays standalone, even with a marker
    ['own topic', 'Was hat die IMK zum Schutz von Einsatzkräften beschlossen?', false],
    ['own topic', 'Was hat die IMK zu Sirenen und Warnapps beschlossen, und wer prüft sie?', false],
    ['own topic', 'What did the ministers decide on drones for fire brigades?', false],
    ['own topic', 'Sirenen Förderung', false],
    // markers that refer to nothing said before: formal "Sie", expletive "es", and "wo(r)-" adverbs, which ask
    // rather than point back
    ['formal "Sie"', 'Können Sie mir die Frist für Bayern nennen?', false],
    ['expletive "es"', 'Gibt es Fristen für Bayern und Hessen?', false],
    ['"wo(r)-" adverb', 'Worüber soll der AK V berichten?', false],
  ])('%s: %j is a follow-up → %s', (_, question, expected) => {
    expect(followUp(question)).toBe(expected);
  });

  it('needs a previous question', () => {
    expect(analyseQuestion('Und was gilt für Sirenen in Bayern?').followUp).toBe(false);
    expect(analyseQuestion('Mit welcher Frist?').followUp).toBe(false);
  });
});
