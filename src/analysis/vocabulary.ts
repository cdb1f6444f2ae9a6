// The words a corpus uses as written, with how often: what a misspelt query word is corrected to.

/** [surface form as most often written, occurrences], one entry per lower-cased word. */
export type VocabularyEntry = readonly [surface: string, count: number];

const WORD = /\p{L}+/gu;

/** Words of at least `minLength` letters in the texts, by lower-cased form, most frequent first. */
export function computeVocabulary(texts: Iterable<string>, minLength = 3): VocabularyEntry[] {
  const surfaces = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      if (word.length < minLength) continue;
      const lower = word.toLowerCase();
      const forms = surfaces.get(lower) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surfaces.set(lower, forms);
    }
  }
  const entries: VocabularyEntry[] = [];
  for (const forms of surfaces.values()) {
    let best = '';
    let bestCount = 0;
    let total = 0;
    for (const [form, count] of forms) {
      total += count;
      if (count > bestCount || (count === bestCount && form < best)) {
        best = form;
        bestCount = count;
      }
    }
    entries.push([best, total]);
  }
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
