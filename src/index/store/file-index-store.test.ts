import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileIndexStore } from './file-index-store.ts';
import { describeIndexStoreContract } from './testing/index-store-contract.ts';

describeIndexStoreContract('embedded store (INDEX_DIR)', async () =>
  createFileIndexStore(await mkdtemp(path.join(os.tmpdir(), 'beschluss-file-store-'))),
);
