import { describe, expect, it } from 'vitest';
import { type ErrorJson, fromAddress, postJson, testApp } from './testing/test-app.ts';

describe('CORS', () => {
  it('is off by default: no Access-Control headers, and a preflight is not answered', async () => {
    const { app } = testApp();
    const response = await app.request('/api/items', { headers: { origin: 'https://intranet.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { origin: 'https://intranet.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins', async () => {
    const { app } = testApp({ config: { CORS_ORIGINS: ['https://intranet.example'] } });
    const allowed = await app.request('/api/items', { headers: { origin: 'https://intranet.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(allowed.headers.get('vary')).toContain('Origin');
    const other = await app.request('/api/items', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const lookalike = await app.request('/api/items', {
      headers: { origin: 'https://intranet.example.evil.example' },
    });
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of an allowed origin even when an API key is required', async () => {
    const { app } = testApp({
      config: { CORS_ORIGINS: ['https://intranet.example'], BESCHLUSS_API_KEY: 'k' },
    });
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://intranet.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/docs', '/api/nothing'])(
    'sends a self-only CSP and hardening headers on %s',
    async (url) => {
      const { app } = testApp();
      const response = await app.request(url);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:|\*|unsafe/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );
});

describe('body size limit', () => {
  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE before the answerer runs', async () => {
    const { app, assistant } = testApp({ maxConversationBytes: 64 * 1024 });
    const body = JSON.stringify({ question: 'Sirenen', padding: 'x'.repeat(64 * 1024) });
    const response = await app.request('/api/ask', postJson(body));
    expect(response.status).toBe(413);
    const { error } = (await response.json()) as ErrorJson;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain(String(64 * 1024));
    expect(assistant.answerer.calls).toHaveLength(0);
  });

  it('counts a streamed body without Content-Length too', async () => {
    const { app } = testApp({ maxConversationBytes: 100 });
    const chunk = new TextEncoder().encode(JSON.stringify({ question: 'Sirenen', padding: 'x'.repeat(200) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk.slice(0, 50));
        controller.enqueue(chunk.slice(50));
        controller.close();
      },
    });
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('admits the largest valid /api/ask request (2000 + 20 × 4000 characters) with the default limits', async () => {
    const { app } = testApp();
    const history = Array.from({ length: 20 }, (_, index) => ({
      role: index % 2 === 0 ? 'user' : 'assistant',
      content: 'ü'.repeat(4000),
    }));
    const response = await app.request('/api/ask', postJson({ question: 'S'.repeat(2000), history }));
    expect(response.status).toBe(200);
  });

  it('gives the conversation endpoints their own limit, and everything else the small one', async () => {
    const { app } = testApp({ maxBodyBytes: 1000, maxConversationBytes: 20_000 });
    const long = 'Frühere Antwort. '.repeat(500);
    const messages = [
      { id: 'u0', role: 'user', parts: [{ type: 'text', text: 'Sirenen?' }] },
      { id: 'a0', role: 'assistant', parts: [{ type: 'text', text: long }] },
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Cell Broadcast?' }] },
    ];
    expect((await app.request('/api/chat', postJson({ messages }))).status).toBe(200);
    const tooLong = [...messages.slice(0, 2), ...messages.slice(0, 2), ...messages.slice(0, 2), messages[2]];
    expect((await app.request('/api/chat', postJson({ messages: tooLong }))).status).toBe(413);
    const admin = await app.request(
      '/api/admin/reindex',
      postJson({ padding: 'x'.repeat(2000) }),
      fromAddress('127.0.0.1'),
    );
    expect(admin.status).toBe(413);
  });
});

describe('rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  it('allows the burst, then answers 429 RATE_LIMITED with Retry-After, per client address', async () => {
    let now = 1_000_000;
    const { app } = testApp({ config: { RATE_LIMIT_PER_MINUTE: 3 }, now: () => now });
    const from = (address: string) => app.request('/api/items', {}, fromAddress(address));
    for (let request = 0; request < 3; request += 1) expect((await from('10.0.0.1')).status).toBe(200);
    const limited = await from('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    const { error } = (await limited.json()) as ErrorJson;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('3 per minute');
    expect((await from('10.0.0.2')).status).toBe(200);
    now += 19_999;
    expect((await from('10.0.0.1')).status).toBe(429);
    now += 1;
    expect((await from('10.0.0.1')).status).toBe(200);
  });

  it('does not limit the health check or the web page, and is off at 0', async () => {
    let now = 0;
    const limited = testApp({ config: { RATE_LIMIT_PER_MINUTE: 1 }, now: () => now });
    for (let request = 0; request < 5; request += 1) {
      expect((await limited.app.request('/api/health', {}, fromAddress('10.0.0.1'))).status).toBe(200);
      expect((await limited.app.request('/index.html', {}, fromAddress('10.0.0.1'))).status).toBe(404);
    }
    now += 1;
    const off = testApp({ config: { RATE_LIMIT_PER_MINUTE: 0 } });
    for (let request = 0; request < 50; request += 1) {
      expect((await off.app.request('/api/items', {}, fromAddress('10.0.0.1'))).status).toBe(200);
    }
  });

  it('applies before the API key check, so guessing keys is limited too', async () => {
    const { app } = testApp({ config: { RATE_LIMIT_PER_MINUTE: 2, BESCHLUSS_API_KEY: 'k' }, now: () => 0 });
    const guess = (key: string) =>
      app.request('/api/items', { headers: { authorization: `Bearer ${key}` } }, fromAddress('10.0.0.3'));
    expect((await guess('a')).status).toBe(401);
    expect((await guess('b')).status).toBe(401);
    expect((await guess('k')).status).toBe(429);
  });
});
