import { describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../paths.ts';
import { testApp } from '../testing/test-app.ts';

describe('the request log', () => {
  it('logs the files of a page load at debug level, and API requests and missing files at info', async () => {
    const { app, logger } = testApp({ webDirectory: WEB_DIR });
    for (const path of ['/', '/styles.css', '/app.js', '/js/chat.js', '/favicon.svg']) {
      expect((await app.request(path)).status, path).toBe(200);
    }
    await app.request('/api/health');
    await app.request('/no-such-file.js');
    const requests = logger.entries.filter((entry) => entry.message === 'request');
    expect(requests.map((entry) => [entry.level, entry.path, entry.status])).toEqual([
      ['debug', '/', 200],
      ['debug', '/styles.css', 200],
      ['debug', '/app.js', 200],
      ['debug', '/js/chat.js', 200],
      ['debug', '/favicon.svg', 200],
      ['info', '/api/health', 200],
      ['info', '/no-such-file.js', 404],
    ]);
  });
});
