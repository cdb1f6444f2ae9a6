import { describe, expect, it } from 'vitest';
import { parseEnglishLexicon } from './english.ts';
import { bundledFunctionWords } from './function-words.ts';
import { type BaseLexicon, lexiconOf } from './lexicon.ts';
import { lexiconToJson, restoreLexicon } from './lexicon-json.ts';
import { parseThesaurus } from './thesaurus.ts';

/** A base lexicon of a few entries: persistence only reads its id and glossary. */
function baseLexicon(id: string): BaseLexicon {
  return {
    id,
    glossary: [{ short: 'BMI', long: ['Bundesministerium des Innern'] }],
    words: new Map(),
    thesaurus: parseThesaurus({ text: 'Böller;Knallkörper\n' }),
    english: parseEnglishLexicon('fireworks\tFeuerwerk\n'),
    functionWords: bundledFunctionWords(),
  };
}

const base = lexiconOf(baseLexicon('base-1'), []);
const learned = lexiconOf(base.base, [{ short: 'NWR', long: ['Nationales Waffenregister'] }]);

/** The BeschlussError an action throws, as its code and message. */
const failing = (code: string, message: RegExp = /./) =>
  expect.objectContaining({ name: 'BeschlussError', code, message: expect.stringMatching(message) });

describe('lexiconToJson and restoreLexicon', () => {
  it('round-trip through JSON text to the same lexicon on the same base', () => {
    const json = JSON.parse(JSON.stringify(lexiconToJson(learned)));
    expect(json).toMatchObject({ format: 'beschluss-lexicon', version: 1, base: 'base-1' });
    const restored = restoreLexicon(json, base);
    expect(restored.id).toBe(learned.id);
    expect(restored.learned).toEqual(learned.learned);
    expect(restored.base).toBe(base.base);
  });

  it('restore onto the base of any lexicon given', () => {
    expect(restoreLexicon(lexiconToJson(learned), learned).id).toBe(learned.id);
  });

  it('call a lexicon of other bundled data or another version a mismatch: the index must be rebuilt', () => {
    const other = lexiconOf(baseLexicon('base-2'), []);
    expect(() => restoreLexicon(lexiconToJson(learned), other)).toThrow(
      failing('INDEX_MISMATCH', /base-1.*base-2.*rebuild/),
    );
    expect(() => restoreLexicon({ ...lexiconToJson(learned), version: 2 }, base)).toThrow(
      failing('INDEX_MISMATCH'),
    );
  });

  it('call anything else, or acronyms that do not give the recorded id, corrupt', () => {
    expect(() => restoreLexicon({ format: 'other' }, base)).toThrow(failing('INDEX_CORRUPT'));
    expect(() => restoreLexicon(undefined, base)).toThrow(failing('INDEX_CORRUPT'));
    const tampered = { ...lexiconToJson(learned), learned: [{ short: 'NWR', long: ['Neues Waffenrecht'] }] };
    expect(() => restoreLexicon(tampered, base)).toThrow(
      failing('INDEX_CORRUPT', /names itself .* acronyms give/),
    );
  });
});
