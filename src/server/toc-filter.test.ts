import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from './testing/fixture-meeting.ts';
import { testApp } from './testing/test-app.ts';
import { filterTableOfContents } from './toc-filter.ts';

describe('filterTableOfContents', () => {
  const catalog = fixtureCatalog();

  it('finds an item by a word of its text, naming the units that hold it', () => {
    const { meetings } = filterTableOfContents(catalog, 'cell broadcast');
    expect(meetings.flatMap((meeting) => meeting.items.map((item) => [item.top, item.textMatches]))).toEqual([
      ['29.2', ['2']],
    ]);
  });

  it('keeps an item whose title holds the word without naming units, and needs every word', () => {
    const byTitle = filterTableOfContents(catalog, 'SIRENEN');
    expect(byTitle.meetings[0]?.items.find((item) => item.top === '29.2')?.textMatches).toEqual([]);
    expect(filterTableOfContents(catalog, 'Sirenen Clankriminalität').meetings).toEqual([]);
  });

  it('matches parts of compounds and ignores soft hyphens and quote styles', () => {
    const { meetings } = filterTableOfContents(catalog, 'kriminalität');
    expect(meetings[0]?.items.map((item) => item.top)).toContain('6/7');
  });
});

describe('GET /api/items?q=', () => {
  it('returns the filtered table of contents, and the whole one without q', async () => {
    const { app } = testApp();
    const filtered = await (await app.request('/api/items?q=Broadcast')).json();
    expect(filtered.meetings[0].items.map((item: { top: string }) => item.top)).toEqual(['29.2']);
    const whole = await (await app.request('/api/items')).json();
    expect(whole.meetings[0].items.length).toBeGreaterThan(1);
    expect(whole.meetings[0].items[0].textMatches).toBeUndefined();
  });
});
