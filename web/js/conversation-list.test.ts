import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { createConversationList, LIST_ITEM } from './conversation-list.js';

const conversation = (id: string, firstQuestion: string, updatedAt: string, turns = 1) => ({
  id: id.repeat(32).slice(0, 32),
  key: id.repeat(64).slice(0, 64),
  firstQuestion,
  updatedAt,
  turns,
});

describe('createConversationList', () => {
  it('lists this browser’s conversations newest first, titled by their first question', () => {
    const list = createConversationList({ storage: memoryStorage() });
    list.note(conversation('a', 'Wer berichtet?', '2026-03-01T10:00:00.000Z'));
    list.note(conversation('b', 'Was gilt für Drohnen?', '2026-03-02T10:00:00.000Z'));
    list.note(conversation('a', 'Wer berichtet?', '2026-03-03T10:00:00.000Z', 2));
    expect(list.all().map((entry) => [entry.title, entry.turns])).toEqual([
      ['Wer berichtet?', 2],
      ['Was gilt für Drohnen?', 1],
    ]);
    expect(list.find('b'.repeat(32))?.key).toBe('b'.repeat(64));
  });

  it('keeps a name through later turns, names by the first question again when the name is cleared, and deletes', () => {
    const list = createConversationList({ storage: memoryStorage() });
    const { id } = list.note(conversation('c', 'Wer berichtet?', '2026-03-01T10:00:00.000Z'));
    list.rename(id, '  Vermerk Digitalfunk ', 'Wer berichtet?');
    list.note(conversation('c', 'Wer berichtet?', '2026-03-01T11:00:00.000Z', 2));
    expect(list.find(id)).toMatchObject({ title: 'Vermerk Digitalfunk', named: true, turns: 2 });
    list.rename(id, '', 'Wer berichtet?');
    expect(list.find(id)).toMatchObject({ title: 'Wer berichtet?', named: false });
    list.remove(id);
    expect(list.all()).toEqual([]);
  });

  it('drops the oldest entries when storage is full, and reads garbage as an empty list', () => {
    const storage = memoryStorage(2000);
    const list = createConversationList({ storage });
    for (let index = 0; index < 30; index += 1) {
      list.note(
        conversation(
          String(index % 10),
          `Frage ${index}`,
          `2026-03-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
        ),
      );
    }
    expect(list.all()[0]?.title).toBe('Frage 29');
    storage.items.set(LIST_ITEM, '{"kein": "Array"}');
    expect(list.all()).toEqual([]);
  });
});
