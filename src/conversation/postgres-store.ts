// The conversation store of several servers on one PostgreSQL (DATABASE_URL): one row per conversation, its turns a
// JSON array that an append extends in one statement, so concurrent appends from any server each get their own
// number and a turn beyond the limit changes nothing.
import { type Database, databaseError } from '../database.ts';
import { BeschlussError } from '../errors.ts';
import { isConversationId } from './conversation-key.ts';
import { conversationExists, conversationFull } from './limits.ts';
import type { Conversation, ConversationStore, ConversationTurn } from './types.ts';

interface Row {
  id: string;
  title: string | null;
  created_at: string;
  updated_at: string;
  continued_from: string | null;
  turns: ConversationTurn[];
}

export function createPostgresConversationStore(database: Database): ConversationStore {
  const { pool } = database;
  const query = async <T extends object>(sql: string, values: unknown[]) => {
    try {
      return await pool.query<T>(sql, values);
    } catch (error) {
      throw databaseError(database.name, error);
    }
  };
  return {
    async append(id, turn, { maxTurns }) {
      checkId(id);
      if (maxTurns < 1) throw conversationFull(maxTurns);
      const { rows } = await query<{ turn: number }>(
        `INSERT INTO conversations (id, created_at, updated_at, changed, turns)
         VALUES ($1, $2::text, $3::text, $3::text::timestamptz, jsonb_build_array($4::jsonb))
         ON CONFLICT (id) DO UPDATE
           SET turns = conversations.turns || jsonb_build_array($4::jsonb), updated_at = $3::text,
               changed = $3::text::timestamptz
           WHERE jsonb_array_length(conversations.turns) < $5
         RETURNING jsonb_array_length(turns) - 1 AS turn`,
        [id, turn.askedAt, turn.answeredAt, JSON.stringify(turn), maxTurns],
      );
      const row = rows[0];
      if (!row) throw conversationFull(maxTurns);
      return { turn: row.turn };
    },
    async create(conversation) {
      checkId(conversation.id);
      const { rows } = await query(
        `INSERT INTO conversations (id, title, created_at, updated_at, changed, continued_from, turns)
         VALUES ($1, $2, $3, $4::text, $4::text::timestamptz, $5, $6::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          conversation.id,
          conversation.title ?? null,
          conversation.createdAt,
          conversation.updatedAt,
          conversation.continuedFrom ?? null,
          JSON.stringify(conversation.turns),
        ],
      );
      if (rows.length === 0) throw conversationExists();
    },
    async get(id) {
      checkId(id);
      const { rows } = await query<Row>('SELECT * FROM conversations WHERE id = $1', [id]);
      return rows[0] ? conversationOf(rows[0]) : undefined;
    },
    async rename(id, title, at) {
      checkId(id);
      const result = await query(
        "UPDATE conversations SET title = NULLIF($2, ''), updated_at = $3::text, changed = $3::text::timestamptz WHERE id = $1",
        [id, title, at],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async remove(id) {
      checkId(id);
      const result = await query('DELETE FROM conversations WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },
    async removeUnchangedSince(cutoff) {
      const result = await query('DELETE FROM conversations WHERE changed < $1', [cutoff]);
      return result.rowCount ?? 0;
    },
  };
}

function conversationOf(row: Row): Conversation {
  return {
    id: row.id,
    ...(row.title === null ? {} : { title: row.title }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.continued_from === null ? {} : { continuedFrom: row.continued_from }),
    turns: row.turns,
  };
}

function checkId(id: string): void {
  if (!isConversationId(id)) {
    throw new BeschlussError('INVALID_REQUEST', `Expected a conversation id of 32 hex digits; got "${id}".`);
  }
}
