import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ErrorJson, postJson, testApp } from '../testing/test-app.ts';
import { keysMatch } from './api-key.ts';

describe('keysMatch', () => {
  it('is true exactly for equal strings, whatever their lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(keysMatch(a, b)).toBe(a === b);
        expect(keysMatch(a, a)).toBe(true);
      }),
    );
  });
});

describe('API key (BESCHLUSS_API_KEY)', () => {
  it('leaves /api open when no key is configured', async () => {
    const { app } = testApp();
    expect((await app.request('/api/items')).status).toBe(200);
  });

  it.each([
    ['/api/items', 'GET'],
    ['/api/search?q=Sirenen', 'GET'],
    ['/api/units/imk-2020-12-10/46/8', 'GET'],
    ['/v1/models', 'GET'],
  ])('requires the key on %s with 401 UNAUTHORIZED and a Bearer challenge', async (url, method) => {
    const { app } = testApp({ config: { BESCHLUSS_API_KEY: 's3cret-key' } });
    const response = await app.request(url, { method });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="beschluss-assistent"');
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('Authorization: Bearer');
  });

  it('checks the key before the body is read (no answer is computed for a wrong key)', async () => {
    const { app, assistant } = testApp({ config: { BESCHLUSS_API_KEY: 's3cret-key' } });
    const response = await app.request(
      '/api/ask',
      postJson({ question: 'Sirenen' }, { authorization: 'Bearer wrong' }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(assistant.answerer.calls).toHaveLength(0);
  });

  it.each([
    ['Bearer s3cret-key', 200],
    ['bearer s3cret-key', 200],
    ['Bearer   s3cret-key  ', 200],
    ['Bearer s3cret-ke', 401],
    ['Bearer s3cret-keyy', 401],
    ['Bearer S3CRET-KEY', 401],
    ['s3cret-key', 401],
    ['Basic czNjcmV0LWtleQ==', 401],
    ['Bearer s3cret-key extra', 401],
    ['Bearer', 401],
  ])('with "Authorization: %s" answers %i', async (authorization, status) => {
    const { app } = testApp({ config: { BESCHLUSS_API_KEY: 's3cret-key' } });
    const response = await app.request('/api/items', { headers: { authorization } });
    expect(response.status).toBe(status);
  });

  it('keeps the health check open without a key', async () => {
    const { app } = testApp({ config: { BESCHLUSS_API_KEY: 's3cret-key' } });
    expect((await app.request('/api/health')).status).toBe(200);
  });
});
