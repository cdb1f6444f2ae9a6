import { describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger } from './logger.ts';

describe('createLogger', () => {
  it('writes JSON lines at or above its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });
    logger.debug('hidden');
    logger.info('started', { port: 3000 });
    logger.error('failed');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ level: 'info', message: 'started', port: 3000 });
    expect(lines[1]).toContain('"failed"');
  });

  it('writes nothing when silent and readable lines when pretty', () => {
    const lines: string[] = [];
    createLogger({ level: 'silent', write: (line) => lines.push(line) }).error('x');
    expect(lines).toEqual([]);
    createLogger({ pretty: true, write: (line) => lines.push(line) }).warn('fallback', {
      reason: 'no model',
    });
    expect(lines).toEqual(['[warn] fallback {"reason":"no model"}\n']);
  });

  it('does not repeat on a readable line a long field the message already contains', () => {
    const lines: string[] = [];
    const reason = 'the model files are not in /models/e5';
    createLogger({ pretty: true, write: (line) => lines.push(line) }).warn(`fallback: ${reason}`, {
      reason,
      kind: 'auto',
    });
    expect(lines).toEqual([`[warn] fallback: ${reason} {"kind":"auto"}\n`]);
  });

  it('memory logger records entries with fields', () => {
    const logger = createMemoryLogger();
    logger.warn('careful', { code: 'X' });
    expect(logger.entries).toEqual([{ level: 'warn', message: 'careful', code: 'X' }]);
  });
});
