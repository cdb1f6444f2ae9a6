import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPrefix, defaultPrefixes, resolvePrefixes } from './prefixes.ts';

describe('defaultPrefixes', () => {
  it('gives e5 models "query: " and "passage: "', () => {
    for (const model of [
      'Xenova/multilingual-e5-small',
      'intfloat/e5-base-v2',
      'intfloat/multilingual-e5-large',
      'e5',
    ]) {
      expect(defaultPrefixes(model), model).toEqual({ query: 'query: ', passage: 'passage: ' });
    }
  });

  it('gives other models no prefixes', () => {
    for (const model of [
      'bge-m3',
      'nomic-embed-text',
      'sentence-transformers/all-MiniLM-L6-v2',
      'ge5x',
      'be5t',
    ]) {
      expect(defaultPrefixes(model), model).toEqual({ query: '', passage: '' });
    }
  });
});

describe('resolvePrefixes', () => {
  it('lets an explicit prefix, also an empty one, override the default', () => {
    expect(resolvePrefixes('intfloat/e5-small', { queryPrefix: '' })).toEqual({
      query: '',
      passage: 'passage: ',
    });
    expect(resolvePrefixes('bge-m3', { passagePrefix: 'doc: ' })).toEqual({ query: '', passage: 'doc: ' });
  });
});

describe('applyPrefix', () => {
  it('prefixes every value of the given input type and keeps count and order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.constantFrom('query' as const, 'passage' as const),
        (values, inputType) => {
          const prefixed = applyPrefix(values, inputType, { query: 'q: ', passage: 'p: ' });
          const prefix = inputType === 'query' ? 'q: ' : 'p: ';
          expect(prefixed).toEqual(values.map((value) => prefix + value));
        },
      ),
    );
  });
});
