import { describe, expect, it } from 'vitest';
import { modelName, statusSummary } from './server-status.js';

const BASE = {
  status: 'ok',
  units: 1234,
  meetings: 2,
  answerer: 'extractive',
  indexBuiltAt: '2024-05-02T09:30:00Z',
};

describe('the status line', () => {
  it('is one short German line: meetings, units, model, answer mode', () => {
    expect(statusSummary({ ...BASE, embedder: 'offline:offline-german-hash-v1:512' })).toBe(
      '2 Sitzungen · 1.234 Abschnitte · Modell: ohne Sprachmodell (Offline-Verfahren) · Antworten: wörtliche Auszüge',
    );
    expect(
      statusSummary({
        ...BASE,
        meetings: 1,
        units: 1,
        answerer: 'llm',
        embedder: 'x:y:1',
        model: 'a/b',
        dtype: 'q8',
      }),
    ).toBe('1 Sitzung · 1 Abschnitt · Modell: b (q8) · Antworten: Sprachmodell');
  });

  it('names the model from the health report, else from the embedder id', () => {
    expect(modelName({ embedder: 'transformers:Xenova/multilingual-e5-small:384' })).toBe(
      'multilingual-e5-small',
    );
    expect(modelName({ embedder: 'openai-compatible:nomic-embed-text:768' })).toBe('nomic-embed-text');
    expect(modelName({ embedder: 'x', model: 'Xenova/multilingual-e5-small' })).toBe('multilingual-e5-small');
  });
});
