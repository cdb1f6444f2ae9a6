import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
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

  it('rejects a bad port with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: expected an integer/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
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
