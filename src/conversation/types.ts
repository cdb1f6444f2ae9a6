// What a saved conversation is, and the store interface every backend (files here, PostgreSQL later) implements.

/**
 * The answer of a turn exactly as the server sent it: every field the answer had (statements with their
 * citations, sources with their text, abstained, mode, notice …), kept as it is, so that fields an answer gains
 * later are kept too.
 */
export type StoredAnswer = Readonly<Record<string, unknown>> & {
  readonly answer: string;
  readonly mode: string;
};

export interface ConversationTurn {
  question: string;
  answer: StoredAnswer;
  /** When the question arrived and when its answer was complete (ISO 8601). */
  askedAt: string;
  answeredAt: string;
  /** How the answer was written ("extractive" or "llm"), as the answer says. */
  mode: string;
  /** The embedder that served: its id names provider, model, dimensions, weights and runtime. */
  model: string;
  /** The index the answer was retrieved from: when its build was made (ISO 8601). */
  indexVersion: string;
}

export interface Conversation {
  /** 32 hex digits (128 bits): the conversation's address, e.g. in a share link /c/<id>. */
  id: string;
  /** A name its owner gave it; without one, the page titles it by its first question. */
  title?: string;
  createdAt: string;
  updatedAt: string;
  /** The shared conversation this one continues ("Weiterfragen"), when it does. */
  continuedFrom?: string;
  turns: ConversationTurn[];
}

export interface AppendOptions {
  /** Turns a conversation may hold; appending beyond is CONVERSATION_FULL. */
  maxTurns: number;
}

/**
 * Where conversations are kept. Every method is atomic: a reader sees a conversation before or after a change,
 * never half of it, and a promise that resolves means the change is stored. Conversations are reached only by id;
 * there is no listing.
 */
export interface ConversationStore {
  /** Appends a turn, creating the conversation with it when none has this id; the turn's number (0 = first). */
  append(id: string, turn: ConversationTurn, options: AppendOptions): Promise<{ turn: number }>;
  /** Stores a new conversation as given (a continued one with its earlier turns); CONVERSATION_EXISTS if taken. */
  create(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | undefined>;
  /** Names it (an empty title removes the name); false when there is no such conversation. */
  rename(id: string, title: string, at: string): Promise<boolean>;
  /** Deletes it; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** Deletes every conversation last changed before `cutoff` (the retention period); how many. */
  removeUnchangedSince(cutoff: Date): Promise<number>;
}
