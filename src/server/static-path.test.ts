import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staticSegments } from './static-path.ts';

const ROOT = path.resolve('/srv/web');

describe('staticSegments', () => {
  it('decodes ordinary paths into their segments', () => {
    expect(staticSegments('/')).toEqual([]);
    expect(staticSegments('/index.html')).toEqual(['index.html']);
    expect(staticSegments('/css/app%20main.css')).toEqual(['css', 'app main.css']);
    expect(staticSegments('/Bes%C3%BCchl%C3%BCsse/a.js')).toEqual(['Besüchlüsse', 'a.js']);
  });

  it.each([
    '/../secret',
    '/%2e%2e/secret',
    '/%2E%2E%2Fsecret',
    '/..%2fsecret',
    '/a/..%2F..%2Fsecret',
    '/%252e%252e%252fsecret',
    '/..%5csecret',
    '/%5c..%5csecret',
    '/a\\..\\secret',
    '/C:%5cWindows',
    '/c:/Windows',
    '/index.html%00.js',
    '/%00',
    '/.env',
    '/.git/config',
    '/a/./b',
    '/%E0%A4%A',
    'relative/path',
    '/%20',
  ])('refuses %s', (pathname) => {
    expect(staticSegments(pathname)).toBeUndefined();
  });

  it('never yields a segment that could leave the root, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .array(
              fc.constantFrom('/', '.', '..', '%2e', '%2f', '%5c', '\\', '%00', '%25', 'a', ':', '%3a'),
              { maxLength: 12 },
            )
            .map((parts) => parts.join('')),
        ),
        (pathname) => {
          const segments = staticSegments(pathname);
          if (segments === undefined) return;
          for (const segment of segments) {
            expect(segment).not.toMatch(/[/\\\0:%]|^\./);
          }
          const joined = path.join(ROOT, ...segments);
          expect(joined === ROOT || joined.startsWith(`${ROOT}${path.sep}`)).toBe(true);
        },
      ),
    );
  });

  it('gives back the names it was given, percent-encoded', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
      .filter((text) => staticSegments(`/${encodeURIComponent(text)}`) !== undefined);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
        expect(staticSegments(`/${names.map(encodeURIComponent).join('/')}`)).toEqual(names);
      }),
    );
  });
});
