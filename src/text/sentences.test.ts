import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

function texts(text: string) {
  return splitSentences(text).map((sentence) => sentence.text);
}

describe('splitSentences', () => {
  it('splits ordinary sentences', () => {
    expect(texts('Die IMK nimmt den Bericht zur Kenntnis. Sie bittet das BMI, zu berichten.')).toEqual([
      'Die IMK nimmt den Bericht zur Kenntnis.',
      'Sie bittet das BMI, zu berichten.',
    ]);
  });

  it('does not split after abbreviations, ordinals or inside dates', () => {
    const text =
      'Die Prüfung hat die Ermächtigungsgrundlage gemäß § 24 Absatz 2 der 1. SprengV zu berücksichtigen. ' +
      'Das BMI hat am 07.12.20 die DHPol beauftragt, z. B. zur Nr. 42 MiStra. Über die Sitzungen im 2. Halbjahr 2020 berichtet er.';
    expect(texts(text)).toEqual([
      'Die Prüfung hat die Ermächtigungsgrundlage gemäß § 24 Absatz 2 der 1. SprengV zu berücksichtigen.',
      'Das BMI hat am 07.12.20 die DHPol beauftragt, z. B. zur Nr. 42 MiStra.',
      'Über die Sitzungen im 2. Halbjahr 2020 berichtet er.',
    ]);
  });

  it('splits after a year that ends a sentence', () => {
    expect(texts('Sie soll bis zur Frühjahrskonferenz 2021 berichten. Die IMK dankt.')).toHaveLength(2);
    expect(texts('Der Bericht (Stand: 22.10.20) liegt vor. Er ist nicht freigegeben.')).toHaveLength(2);
  });

  it('keeps quotes with their sentence', () => {
    expect(texts('Sie nimmt den Bericht "Digitale Spuren" zur Kenntnis. Er ist gut.')).toEqual([
      'Sie nimmt den Bericht "Digitale Spuren" zur Kenntnis.',
      'Er ist gut.',
    ]);
  });

  it('offsets always point at the sentence text and never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Die IMK',
            'bittet',
            'Nr. 3',
            'z. B.',
            '2021.',
            'Sie',
            'berichtet.',
            '1.',
            '07.12.20',
            ' ',
          ),
          {
            maxLength: 40,
          },
        ),
        (words) => {
          const text = words.join(' ');
          let previousEnd = 0;
          for (const sentence of splitSentences(text)) {
            expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
            expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
            expect(sentence.text.trim()).toBe(sentence.text);
            previousEnd = sentence.end;
          }
          const joined = splitSentences(text)
            .map((sentence) => sentence.text)
            .join(' ');
          expect(joined.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
    );
  });
});
