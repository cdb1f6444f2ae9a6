// This browser's saved conversations, newest first, kept in localStorage: each with the id the server keeps it under,
// the key that owns it, its title (the first question, or the name staff gave it), when it last changed and how
// many turns it has. The conversations themselves stay on the server; the list is how this browser finds them.

export const LIST_ITEM = 'beschluss-assistent.conversations.v1';
const MAX_ENTRIES = 200;
const TITLE_CHARS = 200;

function isEntry(value) {
  return (
    typeof value?.id === 'string' &&
    typeof value.key === 'string' &&
    typeof value.title === 'string' &&
    typeof value.updatedAt === 'string'
  );
}

/** @param {{ storage?: Pick<Storage, 'getItem' | 'setItem'> }} [options] default localStorage. */
export function createConversationList(options = {}) {
  const { storage = globalThis.localStorage } = options;

  function read() {
    try {
      const entries = JSON.parse(storage?.getItem(LIST_ITEM) ?? '[]');
      return Array.isArray(entries) ? entries.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  function write(entries) {
    const sorted = [...entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    let kept = sorted.slice(0, MAX_ENTRIES);
    // When storage is full, the oldest entries go first.
    while (true) {
      try {
        storage?.setItem(LIST_ITEM, JSON.stringify(kept));
        return;
      } catch {
        if (kept.length === 0) return;
        kept = kept.slice(0, Math.floor(kept.length / 2));
      }
    }
  }

  return {
    /** Every entry, newest first: { id, key, title, named, updatedAt, turns }. */
    all() {
      return read().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    find(id) {
      return read().find((entry) => entry.id === id);
    },
    /**
     * Notes a conversation that gained a turn (or was opened): { id, key, firstQuestion, updatedAt, turns }. A name
     * staff gave it stays.
     */
    note({ id, key, firstQuestion, updatedAt, turns }) {
      const entries = read();
      const existing = entries.find((entry) => entry.id === id);
      const title = existing?.named ? existing.title : firstQuestion.slice(0, TITLE_CHARS);
      const entry = { id, key, title, named: existing?.named === true, updatedAt, turns };
      write([entry, ...entries.filter((each) => each.id !== id)]);
      return entry;
    },
    /** Names an entry (an empty title names it by its first question again, `firstQuestion`). */
    rename(id, title, firstQuestion) {
      const entries = read();
      const entry = entries.find((each) => each.id === id);
      if (!entry) return undefined;
      const named = title.trim() !== '';
      Object.assign(entry, { title: named ? title.trim().slice(0, TITLE_CHARS) : firstQuestion, named });
      write(entries);
      return entry;
    },
    remove(id) {
      write(read().filter((entry) => entry.id !== id));
    },
  };
}
