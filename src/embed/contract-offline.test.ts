// Runs the Embedder contract against the offline German embedder (no weights).
import { createGermanAnalyzer } from '../analysis/index.ts';
import { describeEmbedderContract } from './contract.ts';
import { createOfflineEmbedder } from './offline.ts';

describeEmbedderContract('offline (default settings)', () => createOfflineEmbedder());
// The analyzer is the slow part to build; a small batch size makes embedAll split the batching test.
describeEmbedderContract('offline (small batches)', async () =>
  createOfflineEmbedder({ analyzer: await createGermanAnalyzer(), maxEmbeddingsPerCall: 7 }),
);
