import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { BeschlussError } from './errors.ts';
import { DEFAULT_CORPUS_DIR } from './paths.ts';

describe('loadConfig', () => {
  it('uses documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.CORPUS_DIR).toBe(DEFAULT_CORPUS_DIR);
    expect(config.EMBEDDER).toBe('auto');
    expect(config.CORS_ORIGINS).toEqual([]);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(config.INDEX_ON_CORRUPT).toBe('rebuild');
  });

  it('parses numbers and lists', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      RATE_LIMIT_PER_MINUTE: '60',
    });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(60);
  });

  it('rejects a bad port with a start-up error naming the variable, never a caller error', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: expected an integer/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIGURATION', details: { variables: ['PORT'] } }),
    );
    expect(errorStatusOf(() => loadConfig({ PORT: 'abc' }))).toBe(500);
  });

  it('switches to PostgreSQL only for a postgres URL, and reads its pool size and polling interval', () => {
    const embedded = loadConfig({});
    expect(embedded.DATABASE_URL).toBeUndefined();
    expect(embedded.DATABASE_POOL_SIZE).toBe(10);
    expect(embedded.INDEX_POLL_MS).toBe(2000);
    const shared = loadConfig({
      DATABASE_URL: 'postgresql://beschluss@db.internal:5432/beschluss',
      DATABASE_POOL_SIZE: '4',
      INDEX_POLL_MS: '500',
    });
    expect(shared.DATABASE_URL).toBe('postgresql://beschluss@db.internal:5432/beschluss');
    expect(shared.DATABASE_POOL_SIZE).toBe(4);
    expect(shared.INDEX_POLL_MS).toBe(500);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/beschluss' })).toThrow(
      /DATABASE_URL: expected a URL/,
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('reads the embedder flags and leaves LOG_LEVEL unset when it is not given', () => {
    expect(loadConfig({}).EMBEDDING_ALLOW_REMOTE).toBe(false);
    expect(loadConfig({ EMBEDDING_ALLOW_REMOTE: '1' }).EMBEDDING_ALLOW_REMOTE).toBe(true);
    expect(() => loadConfig({ EMBEDDING_ALLOW_REMOTE: 'maybe' })).toThrow(/EMBEDDING_ALLOW_REMOTE/);
    expect(loadConfig({}).LOG_LEVEL).toBeUndefined();
    expect(loadConfig({ LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
  });

  it('rejects an unknown embedder kind', () => {
    expect(() => loadConfig({ EMBEDDER: 'gpt' })).toThrow(/EMBEDDER/);
  });

  it('requires LLM_BASE_URL and LLM_MODEL together', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'http://localhost:11434/v1' })).toThrow(/LLM_MODEL/);
    expect(loadConfig({ LLM_BASE_URL: 'http://x/v1', LLM_MODEL: 'llama3' }).LLM_MODEL).toBe('llama3');
  });

  it('reads ALLOW_OPEN_ACCESS as a switch, off by default, and names it when it is neither', () => {
    expect(loadConfig({}).ALLOW_OPEN_ACCESS).toBe(false);
    expect(loadConfig({ ALLOW_OPEN_ACCESS: '1' }).ALLOW_OPEN_ACCESS).toBe(true);
    expect(loadConfig({ ALLOW_OPEN_ACCESS: 'TRUE' }).ALLOW_OPEN_ACCESS).toBe(true);
    expect(loadConfig({ ALLOW_OPEN_ACCESS: '0' }).ALLOW_OPEN_ACCESS).toBe(false);
    expect(() => loadConfig({ ALLOW_OPEN_ACCESS: 'yes please' })).toThrow(
      /ALLOW_OPEN_ACCESS: expected 1, true/,
    );
  });
});

function errorStatusOf(act: () => unknown): number | undefined {
  try {
    act();
  } catch (error) {
    if (error instanceof BeschlussError) return error.status;
  }
  return undefined;
}
