import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPrefix, defaultPrefixes, resolvePrefixes } from './prefixes.ts';

describe('defaultPrefixes', () => {
  const e5 = { query: 'query: ', passage: 'passage: ' };
  const none = { query: '', passage: '' };
  it.each([
    ['Xenova/multilingual-e5-small', e5],
    ['intfloat/e5-base-v2', e5],
    ['intfloat/multilingual-e5-large', e5],
    ['e5', e5],
    // other models, also names that only contain "e5" inside a word
    ['bge-m3', none],
    ['nomic-embed-text', none],
    ['sentence-transformers/all-MiniLM-L6-v2', none],
    ['ge5x', none],
    ['be5t', none],
  ])('gives %s the prefixes %j', (model, prefixes) => {
    expect(defaultPrefixes(model)).toEqual(prefixes);
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
