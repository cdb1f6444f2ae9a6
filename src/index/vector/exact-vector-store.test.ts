import { describe, expect, it } from 'vitest';
import { createExactVectorStore, loadExactVectorStore } from './exact-vector-store.ts';
import { describeVectorStoreContract, fileStoreFactory } from './testing/vector-store-contract.ts';

describeVectorStoreContract(
  'exact vector store',
  fileStoreFactory((dimensions) => createExactVectorStore({ dimensions }), loadExactVectorStore),
);

describe('createExactVectorStore', () => {
  it('refuses a dimension that is not a positive integer', () => {
    expect(() => createExactVectorStore({ dimensions: 0 })).toThrow(/positive integer, got 0/);
    expect(() => createExactVectorStore({ dimensions: 2.5 })).toThrow(/positive integer, got 2.5/);
  });

  it('orders equal scores by label so results are reproducible', async () => {
    const store = createExactVectorStore({ dimensions: 2 });
    await store.add(7, [1, 0]);
    await store.add(3, [2, 0]);
    await store.add(5, [0.5, 0]);
    expect((await store.search([1, 0], 3)).map((match) => match.label)).toEqual([3, 5, 7]);
  });
});
