import { describe, expect, it } from 'vitest';
import { createExactVectorStore, loadExactVectorStore } from './exact-vector-store.ts';
import { describeVectorStoreContract } from './testing/vector-store-contract.ts';

describeVectorStoreContract('exact vector store', {
  create: (dimensions) => createExactVectorStore({ dimensions }),
  load: (file) => loadExactVectorStore(file),
});

describe('createExactVectorStore', () => {
  it('refuses a dimension that is not a positive integer', () => {
    expect(() => createExactVectorStore({ dimensions: 0 })).toThrow(/positive integer, got 0/);
    expect(() => createExactVectorStore({ dimensions: 2.5 })).toThrow(/positive integer, got 2.5/);
  });

  it('orders equal scores by label so results are reproducible', () => {
    const store = createExactVectorStore({ dimensions: 2 });
    store.add(7, [1, 0]);
    store.add(3, [2, 0]);
    store.add(5, [0.5, 0]);
    expect(store.search([1, 0], 3).map((match) => match.label)).toEqual([3, 5, 7]);
  });
});
