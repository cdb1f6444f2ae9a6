import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { embedderSettingsOf } from './choose-embedder.ts';

describe('embedderSettingsOf', () => {
  it('hands the embedder factory what the environment configures', () => {
    const config = loadConfig({
      EMBEDDER: 'transformers',
      EMBEDDING_MODEL: 'some/model',
      EMBEDDING_DTYPE: 'q8',
      MODEL_DIR: '/srv/models',
      TRANSFORMERS_CACHE: '/srv/cache',
      EMBEDDING_ALLOW_REMOTE: 'true',
      EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1',
      EMBEDDING_API_KEY: 'secret',
    });
    expect(embedderSettingsOf(config)).toEqual({
      kind: 'transformers',
      model: 'some/model',
      dtype: 'q8',
      modelDir: '/srv/models',
      cacheDir: '/srv/cache',
      baseURL: 'http://127.0.0.1:11434/v1',
      apiKey: 'secret',
      allowRemote: true,
    });
  });

  it('leaves out what is not set, so each embedder keeps its own defaults', () => {
    expect(embedderSettingsOf(loadConfig({}))).toEqual({ kind: 'auto', dtype: 'auto', allowRemote: false });
  });
});
