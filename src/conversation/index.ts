// Public surface of src/conversation: saved conversations (store interface, the file store, keys and ids, limits)
// and their export as a Word document.
export {
  CONVERSATION_ID_PATTERN,
  CONVERSATION_KEY_PATTERN,
  conversationIdOf,
  isConversationId,
} from './conversation-key.ts';
export { conversationDocx, type DocxExportOptions, defaultCitationLabel } from './docx-export.ts';
export { createFileConversationStore, type FileConversationStoreOptions } from './file-store.ts';
export { CONVERSATION_LIMITS, conversationFull, conversationNotFound } from './limits.ts';
export { createPostgresConversationStore } from './postgres-store.ts';
export type {
  AppendOptions,
  Conversation,
  ConversationStore,
  ConversationTurn,
  StoredAnswer,
} from './types.ts';
