import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('redact', () => {
  it.each([
    [
      'The index is corrupt: the data file /srv/beschluss/index/builds/b1/sentences.i8 is missing; rebuild it.',
      'The index is corrupt: the data file sentences.i8 is missing; rebuild it.',
    ],
    [
      'Cannot reach the embedding server at http://10.0.0.5:11434/v1: connect ECONNREFUSED 10.0.0.5:11434.',
      'Cannot reach the embedding server at [Adresse]: connect ECONNREFUSED [Adresse].',
    ],
    ['upstream [fe80::1]:8080 refused', 'upstream [Adresse] refused'],
    ["The HNSW file '/tmp/x/vectors.hnsw' is corrupt", "The HNSW file 'vectors.hnsw' is corrupt"],
    ['locked by C:\\beschluss\\index\\LOCK since 10.12.2020', 'locked by LOCK since 10.12.2020'],
    ['The index in /srv/beschluss/index/ is busy.', 'The index in index is busy.'],
  ])('redacts %j', (message, expected) => {
    expect(redact(message)).toBe(expected);
  });

  it('leaves a message without paths or addresses as it is', () => {
    const message = 'Der Index wird neu aufgebaut (TOP 22 Ziff. 3, 1/2 der Einheiten); bitte später erneut.';
    expect(redact(message)).toBe(message);
  });
});
