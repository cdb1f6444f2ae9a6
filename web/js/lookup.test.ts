import { describe, expect, it } from 'vitest';
import { testApp } from '../../src/server/testing/test-app.ts';
import { withoutSuggestions } from './lookup.js';

async function citeError(ref: string): Promise<{ message: string; details: { suggestions: string[] } }> {
  const response = await testApp().app.request(`/api/cite?ref=${encodeURIComponent(ref)}`);
  expect(response.status).toBeGreaterThanOrEqual(400);
  return ((await response.json()) as { error: { message: string; details: { suggestions: string[] } } })
    .error;
}

describe('withoutSuggestions', () => {
  it('leaves the server’s list of suggestions out of its message, so the page names each suggestion once', async () => {
    for (const ref of [
      'TOP 99 Ziff. 1',
      'TOP 46 Ziff. 14',
      'TOP 3 und TOP 46 Ziffer 8',
      'TOP 46 Protokollnotiz XY',
    ]) {
      const { message, details } = await citeError(ref);
      const shortened = withoutSuggestions(message, details.suggestions);
      expect(details.suggestions.length, ref).toBeGreaterThan(0);
      const listed = details.suggestions.join(', ');
      expect(message, ref).toContain(listed);
      expect(shortened, ref).not.toContain(listed);
      // What stays is the server's reason, up to where its list began.
      expect(message.startsWith(shortened.slice(0, -1)), ref).toBe(true);
      expect(shortened, ref).toMatch(/[.!?]$/u);
      expect(shortened.length, ref).toBeGreaterThan(20);
    }
  });

  it('keeps a message that lists nothing, or something else', () => {
    expect(withoutSuggestions('In „x“ ist keine Fundstelle zu erkennen.', [])).toBe(
      'In „x“ ist keine Fundstelle zu erkennen.',
    );
    expect(withoutSuggestions('Etwas anderes.', ['TOP 1'])).toBe('Etwas anderes.');
  });
});
