// Types of conversation-list.js.
export interface ConversationEntry {
  id: string;
  key: string;
  title: string;
  named: boolean;
  updatedAt: string;
  turns: number;
}
export const LIST_ITEM: string;
export function createConversationList(options?: { storage?: Pick<Storage, 'getItem' | 'setItem'> }): {
  all(): ConversationEntry[];
  find(id: string): ConversationEntry | undefined;
  note(conversation: {
    id: string;
    key: string;
    firstQuestion: string;
    updatedAt: string;
    turns: number;
  }): ConversationEntry;
  rename(id: string, title: string, firstQuestion: string): ConversationEntry | undefined;
  remove(id: string): void;
};
