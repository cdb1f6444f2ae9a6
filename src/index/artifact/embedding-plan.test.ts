import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEmbeddings } from './embedding-plan.ts';
import { hashContent } from './hash.ts';
import { storedVectorsOf } from './stored-vectors.ts';

const embedder = { id: 'fixture:model:2', dimensions: 2 };

function storedFor(texts: string[]) {
  const values = new Float32Array(texts.flatMap((_, row) => [row, -row]));
  return storedVectorsOf(
    values,
    embedder,
    texts.map((text, label) => ({ label, contentHash: hashContent(text) })),
  );
}

describe('planEmbeddings', () => {
  it('reuses the stored vector of every unchanged chunk and embeds exactly the others, in order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 12 }),
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 12 }),
        (storedTexts, chunkTexts) => {
          const stored = storedFor(storedTexts);
          const chunks = chunkTexts.map((text, position) => ({
            id: `c${position}`,
            contentHash: hashContent(text),
            text,
          }));
          const plan = planEmbeddings(chunks, { stored, embedderId: embedder.id });
          expect(plan.toEmbed.map((chunk) => chunk.text)).toEqual(
            chunkTexts.filter((text) => !storedTexts.includes(text)),
          );
          for (const chunk of chunks) {
            const row = storedTexts.indexOf(chunk.text);
            if (row >= 0) expect(Array.from(plan.reused.get(chunk.id) ?? [])).toEqual([row, -row]);
            else expect(plan.reused.has(chunk.id)).toBe(false);
          }
        },
      ),
    );
  });

  it('embeds everything without stored vectors or with vectors of another embedder', () => {
    const chunks = [{ id: 'a', contentHash: hashContent('Text') }];
    expect(planEmbeddings(chunks, { stored: undefined, embedderId: embedder.id }).toEmbed).toEqual(chunks);
    expect(
      planEmbeddings(chunks, { stored: storedFor(['Text']), embedderId: 'other:model:2' }).toEmbed,
    ).toEqual(chunks);
    expect(planEmbeddings(chunks, { stored: storedFor(['Text']), embedderId: embedder.id }).toEmbed).toEqual(
      [],
    );
  });
});
