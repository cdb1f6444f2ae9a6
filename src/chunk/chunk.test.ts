import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCollection } from '../corpus/index.ts';
import { BeschlussError } from '../errors.ts';
import { type Unit, unitsOf } from '../model.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { chunkUnits } from './chunk.ts';

function unit(text: string, para = '1'): Unit {
  return {
    id: `imk-2020-12-10/46/${para}`,
    meeting: 'imk-2020-12-10',
    top: '46',
    para,
    kind: 'paragraph',
    title: 'Bekämpfung des islamistischen Terrorismus',
    text,
    date: '2020-12-10',
    itemParagraphCount: 9,
  };
}

const corpusUnits = unitsOf(
  parseCollection(await readFile(path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'), 'utf8'), {
    file: 'imk',
  }).meeting,
);

/** The properties every chunking must have, for any unit and window. */
function expectWellFormed(
  units: readonly Unit[],
  chunks: Awaited<ReturnType<typeof chunkUnits>>,
  maxChars: number,
) {
  for (const source of units) {
    const pieces = chunks.filter((chunk) => chunk.unitId === source.id);
    expect(pieces.length).toBeGreaterThan(0);
    pieces.forEach((piece, index) => {
      expect(piece.id).toBe(`${source.id}#${index}`);
      expect(piece.text).toBe(source.text.slice(piece.start, piece.end));
      expect(piece.text.length).toBeLessThanOrEqual(maxChars);
      expect(piece.text.length).toBeGreaterThan(0);
      if (index > 0) expect(piece.start).toBeGreaterThan(pieces[index - 1]?.start ?? -1);
    });
    // Together the pieces cover the unit: nothing but whitespace lies outside or between them.
    let covered = 0;
    for (const piece of pieces) {
      expect(source.text.slice(covered, Math.max(covered, piece.start)).trim()).toBe('');
      covered = Math.max(covered, piece.end);
    }
    expect(source.text.slice(covered).trim()).toBe('');
  }
}

describe('chunkUnits', () => {
  it('makes one chunk per unit that fits the window, covering the whole text', async () => {
    const chunks = await chunkUnits([unit('Die IMK dankt.', '1'), unit('Sie bittet um Bericht.', '2')]);
    expect(chunks).toEqual([
      {
        id: 'imk-2020-12-10/46/1#0',
        unitId: 'imk-2020-12-10/46/1',
        text: 'Die IMK dankt.',
        start: 0,
        end: 14,
      },
      {
        id: 'imk-2020-12-10/46/2#0',
        unitId: 'imk-2020-12-10/46/2',
        text: 'Sie bittet um Bericht.',
        start: 0,
        end: 22,
      },
    ]);
  });

  it('keeps every unit of the real corpus whole at the default window of 1000 characters', async () => {
    const chunks = await chunkUnits(corpusUnits);
    expect(chunks).toHaveLength(corpusUnits.length);
    expectWellFormed(corpusUnits, chunks, 1000);
  });

  it('splits long units at sentence ends, not after "Nr.", "z. B." or ordinals', async () => {
    const text =
      'Die IMK nimmt den Bericht nach Nr. 42 MiStra zur Kenntnis. Sie bittet z. B. die Länder, im 2. Halbjahr zu berichten. Die IMK dankt den Ländern.';
    const chunks = await chunkUnits([unit(text)], { maxChars: 70, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'Die IMK nimmt den Bericht nach Nr. 42 MiStra zur Kenntnis.',
      'Sie bittet z. B. die Länder, im 2. Halbjahr zu berichten.',
      'Die IMK dankt den Ländern.',
    ]);
  });

  it('falls back to clauses and words inside an overlong sentence', async () => {
    const text =
      'Die IMK bittet das BMI, sich innerhalb der Bundesregierung dafür einzusetzen, dass das Personal priorisiert wird';
    const chunks = await chunkUnits([unit(text)], { maxChars: 50, overlapChars: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'Die IMK bittet das BMI,',
      'sich innerhalb der Bundesregierung dafür',
      'einzusetzen,',
      'dass das Personal priorisiert wird',
    ]);
  });

  it('overlaps neighbouring pieces by whole words when asked', async () => {
    const text = Array.from({ length: 40 }, (_, index) => `wort${index}`).join(' ');
    const chunks = await chunkUnits([unit(text)], { maxChars: 60, overlapChars: 20 });
    expect(chunks.length).toBeGreaterThan(1);
    for (let index = 1; index < chunks.length; index += 1) {
      expect(chunks[index]?.start).toBeLessThan(chunks[index - 1]?.end ?? 0);
    }
    expectWellFormed([unit(text)], chunks, 60);
  });

  it('keeps the properties for the real corpus at small windows', async () => {
    for (const maxChars of [80, 200, 400]) {
      expectWellFormed(
        corpusUnits,
        await chunkUnits(corpusUnits, { maxChars, overlapChars: maxChars / 4 }),
        maxChars,
      );
    }
  });

  it('places a piece whose text repeats where the following pieces still cover the unit', async () => {
    const repeated = unit('AÄ Bericht; Bericht; Bericht;');
    const chunks = await chunkUnits([repeated], { maxChars: 20, overlapChars: 8 });
    expectWellFormed([repeated], chunks, 20);
  });

  it('keeps the properties for any text and window', async () => {
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-zÄÖÜäöüß]{1,14}$/),
      fc.constantFrom(
        'Nr.',
        'z. B.',
        '2.',
        'Abs.',
        'Kenntnis.',
        'Länder,',
        'Bericht;',
        '(AK II)',
        '"Lagebild"',
      ),
    );
    const text = fc.array(word, { minLength: 1, maxLength: 120 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.integer({ min: 20, max: 300 }),
        fc.integer({ min: 0, max: 19 }),
        async (value, maxChars, overlap) => {
          const units = [unit(value)];
          expectWellFormed(units, await chunkUnits(units, { maxChars, overlapChars: overlap }), maxChars);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects an overlap that is not smaller than the window', async () => {
    await expect(chunkUnits([unit('Text.')], { maxChars: 100, overlapChars: 100 })).rejects.toBeInstanceOf(
      BeschlussError,
    );
  });
});

describe('chunkUnits with a length measure of its own (model tokens)', () => {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const long = unit(
    Array.from(
      { length: 12 },
      (_, index) => `Die Länder berichten im Jahr ${2021 + index} über den Stand der Umsetzung.`,
    ).join(' '),
  );

  it('keeps every piece within the window as the measure counts it, and the pieces cover the unit', async () => {
    const chunks = await chunkUnits([long], { maxChars: 30, overlapChars: 5, lengthOf: words });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(words(chunk.text)).toBeLessThanOrEqual(30);
      expect(long.text.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(long.text.length);
  });

  it('leaves room for what the embedded text adds to a unit (its title)', async () => {
    const roomy = await chunkUnits([long], { maxChars: 34, overlapChars: 0, lengthOf: words });
    const reserved = await chunkUnits([long], {
      maxChars: 34,
      overlapChars: 0,
      lengthOf: words,
      reservedFor: (source) => words(source.title),
    });
    expect(reserved.length).toBeGreaterThan(roomy.length);
    for (const chunk of reserved) expect(words(chunk.text)).toBeLessThanOrEqual(34 - words(long.title));
  });

  it('does not measure a unit the quick test says fits', async () => {
    let measured = 0;
    const counting = (text: string) => {
      measured += 1;
      return words(text);
    };
    await chunkUnits([long], {
      maxChars: 500,
      overlapChars: 10,
      lengthOf: counting,
      fitsUnmeasured: (text, size) => text.length <= size * 10,
    });
    expect(measured).toBe(0);
    await chunkUnits([long], { maxChars: 500, overlapChars: 10, lengthOf: counting });
    expect(measured).toBe(1);
  });

  it('keeps a unit that fits the window whole, however many characters it has', async () => {
    const chunks = await chunkUnits([long], { maxChars: 500, overlapChars: 10, lengthOf: words });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe(long.text);
  });
});
