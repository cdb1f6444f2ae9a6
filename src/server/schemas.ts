// Zod schemas of every request and response of the HTTP API (DESIGN.md "Contracts"); the OpenAPI document is built from them.
import { z } from '@hono/zod-openapi';
import {
  CONVERSATION_ID_PATTERN,
  CONVERSATION_KEY_PATTERN,
  CONVERSATION_LIMITS,
} from '../conversation/index.ts';

/** One limit for a question, whether it is asked (/api/ask, /api/chat) or searched (/api/search, /api/items?q=). */
const QUESTION_CHARS = 2000;

export const LIMITS = {
  questionChars: QUESTION_CHARS,
  historyMessages: 20,
  historyMessageChars: 4000,
  queryChars: QUESTION_CHARS,
  referenceChars: 500,
  minK: 1,
  maxK: 20,
  /** Messages a chat transcript (/api/chat, /v1/chat/completions) may carry; only the last ones become history. */
  transcriptMessages: 500,
  /** Parts of one UI message. */
  messageParts: 200,
} as const;

/** "<conference>-<YYYY-MM-DD>", e.g. "imk-2020-12-10". */
export const MEETING_ID_PATTERN = /^[a-z][a-z0-9]{1,15}-\d{4}-\d{2}-\d{2}$/;
/** "46", "29.2", "6/7". */
export const TOP_PATTERN = /^\d{1,4}(?:\.\d{1,4}){0,3}(?:\/\d{1,4})?$/;
/** "8", or "Protokollnotiz SN" (label as printed). */
export const PARA_PATTERN = /^(?:\d{1,4}|Protokollnotiz [^\p{Cc}/]{1,200})$/u;

export const MeetingId = z
  .string()
  .regex(MEETING_ID_PATTERN, 'expected a meeting id like "imk-2020-12-10"')
  .openapi({ example: 'imk-2020-12-10' });

const K = z
  .number()
  .int()
  .min(LIMITS.minK)
  .max(LIMITS.maxK)
  .openapi({ description: 'How many sources to retrieve (default 5).', example: 5 });

export const CitationSchema = z
  .object({
    meeting: z.string().openapi({ example: 'imk-2020-12-10' }),
    top: z.string().openapi({ example: '46' }),
    para: z.string().openapi({ example: '8' }),
  })
  .openapi('Citation');

export const SourceSchema = CitationSchema.extend({
  id: z.string().openapi({ example: 'imk-2020-12-10/46/8' }),
  title: z.string().openapi({ description: 'Title of the item (TOP) the unit belongs to.' }),
  text: z.string(),
  score: z.number().optional(),
}).openapi('Source');

export const StatementSchema = z
  .object({
    text: z.string().openapi({ description: 'The statement including its citation marker(s).' }),
    citations: z.array(CitationSchema),
  })
  .openapi('Statement');

export const AnswerSchema = z
  .object({
    answer: z.string().openapi({ example: 'Die IMK bittet … [TOP 46 Ziff. 8]' }),
    statements: z.array(StatementSchema),
    sources: z.array(SourceSchema),
    abstained: z.boolean(),
    mode: z.enum(['extractive', 'llm']),
    notice: z.string().optional(),
    language: z
      .enum(['de', 'en'])
      .optional()
      .openapi({ description: 'Language of the answer’s framing (the quotes stay German).' }),
    didYouMean: z.string().optional().openapi({
      description: 'The question with unknown or misspelt words replaced by the closest index words.',
    }),
  })
  .openapi('Answer');

export const HistoryMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(LIMITS.historyMessageChars),
});

export const ConversationKeySchema = z
  .string()
  .regex(CONVERSATION_KEY_PATTERN, 'expected a conversation key of 32 to 128 letters, digits, "-" or "_"')
  .openapi({
    description:
      'Save this turn in the conversation this key owns (the page sends 64 random hex digits and keeps them); ' +
      'the answer then names the conversation (`conversation.id`, the id of its share link /c/<id>) and the turn.',
    example: '3f1c0a9be27d4c65a8e1f0b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',
  });

export const ConversationIdSchema = z
  .string()
  .regex(CONVERSATION_ID_PATTERN, 'expected a conversation id of 32 hex digits')
  .openapi({ example: '9b2f0c6e4d1a8b3c7e5f2a9d0c4b6e81' });

export const ConversationRefSchema = z
  .object({
    id: ConversationIdSchema,
    turn: z
      .number()
      .int()
      .openapi({ description: 'The turn’s number in the conversation, 0 for the first.' }),
  })
  .openapi('ConversationRef');

export const AskRequestSchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, 'expected a non-empty question')
      .max(LIMITS.questionChars)
      .openapi({ example: 'Bis wann soll wer den Warntag auswerten?' }),
    history: z.array(HistoryMessageSchema).max(LIMITS.historyMessages).optional(),
    k: K.optional(),
    meeting: MeetingId.optional(),
    conversationKey: ConversationKeySchema.optional(),
  })
  .openapi('AskRequest');

export const AskResponseSchema = AnswerSchema.extend({
  conversation: ConversationRefSchema.optional().openapi({
    description:
      'Where the turn was saved, when the request gave a conversationKey (and the server keeps conversations).',
  }),
}).openapi('AskResponse');
export const ConflictSchema = z
  .object({
    meeting: z.string(),
    kept: z.string().openapi({ description: 'File name of the file indexed' }),
    ignored: z.array(z.string()),
    rule: z.enum(['correction-marker', 'newest-modification', 'content-hash']),
  })
  .openapi('CorpusConflict');

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    units: z.number().int(),
    embedder: z.string(),
    embedderFallback: z.string().optional(),
    model: z.string().optional().openapi({
      description: 'The embedding model that serves, e.g. "Xenova/multilingual-e5-small" (absent offline)',
    }),
    dtype: z
      .string()
      .optional()
      .openapi({ description: 'Which weights of the model were loaded, e.g. "q8"' }),
    meetings: z.number().int(),
    answerer: z.enum(['extractive', 'llm']),
    indexBuiltAt: z.string(),
    indexStore: z
      .string()
      .optional()
      .openapi({ description: 'Where the index lives: "files" (INDEX_DIR) or "postgres" (DATABASE_URL)' }),
    indexVersion: z.string().optional().openapi({
      description:
        'The index version served: a build folder of INDEX_DIR, or the version number in the database',
    }),
    conflicts: z
      .array(ConflictSchema)
      .optional()
      .openapi({
        description:
          'Meetings found in more than one corpus file (only when there are any): the file indexed, the ones not, and ' +
          'the rule that chose (a name marked korrigiert/berichtigt/Korrektur, else the newest file)',
      }),
  })
  .openapi('Health');

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'expected a non-empty query')
    .max(LIMITS.queryChars)
    .openapi({ param: { name: 'q', in: 'query' }, example: 'Reichskriegsflagge' }),
  k: z.coerce
    .number()
    .int()
    .min(LIMITS.minK)
    .max(LIMITS.maxK)
    .optional()
    .openapi({ param: { name: 'k', in: 'query' }, example: 5 }),
  meeting: MeetingId.optional().openapi({ param: { name: 'meeting', in: 'query' } }),
  mode: z
    .enum(['hybrid', 'lexical', 'vector'])
    .optional()
    .openapi({ param: { name: 'mode', in: 'query' }, example: 'hybrid' }),
});

export const SearchResponseSchema = z
  .object({
    results: z.array(SourceSchema),
    didYouMean: z.string().optional().openapi({
      description: 'The query with misspelt words replaced by words of the resolutions, when it has any',
    }),
  })
  .openapi('SearchResults');

export const UnitParamsSchema = z.object({
  meeting: MeetingId.openapi({ param: { name: 'meeting', in: 'path' } }),
  top: z
    .string()
    .regex(TOP_PATTERN, 'expected a TOP like "46", "29.2" or "6/7" (URL-encoded "6%2F7")')
    .openapi({ param: { name: 'top', in: 'path' }, example: '46' }),
  para: z
    .string()
    .regex(PARA_PATTERN, 'expected a paragraph number like "8" or "Protokollnotiz SN"')
    .openapi({ param: { name: 'para', in: 'path' }, example: '8' }),
});

export const ItemParamsSchema = UnitParamsSchema.pick({ meeting: true, top: true });

export const ItemSchema = z
  .object({
    meeting: z.string().openapi({ example: 'imk-2020-12-10' }),
    top: z.string().openapi({ example: '46' }),
    title: z.string(),
    units: z.array(SourceSchema).openapi({ description: 'Paragraphs in order, then the Protokollnotizen.' }),
  })
  .openapi('Item');

export const CiteResultSchema = SourceSchema.extend({
  item: ItemSchema.optional().openapi({
    description:
      'Set when the reference names a whole item of several units ("TOP 7"): the item with every unit.',
  }),
}).openapi('CiteResult');

export const CiteQuerySchema = z.object({
  ref: z
    .string()
    .trim()
    .min(1, 'expected a reference like "TOP 46 Ziffer 8"')
    .max(LIMITS.referenceChars)
    .openapi({ param: { name: 'ref', in: 'query' }, example: 'TOP 46 Ziffer 8' }),
  meeting: MeetingId.optional().openapi({ param: { name: 'meeting', in: 'query' } }),
});

export const TableOfContentsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'expected a non-empty filter')
    .max(LIMITS.queryChars)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, example: 'Gewahrsam' }),
});

export const TableOfContentsSchema = z
  .object({
    meetings: z.array(
      z.object({
        id: z.string(),
        date: z.string(),
        number: z.number().int().optional(),
        title: z.string(),
        items: z.array(
          z.object({
            top: z.string(),
            title: z.string(),
            units: z.array(
              z.object({ id: z.string(), para: z.string(), kind: z.enum(['paragraph', 'note']) }),
            ),
            textMatches: z
              .array(z.string())
              .optional()
              .openapi({ description: 'With q: the paras of the units whose text holds a word of q.' }),
          }),
        ),
      }),
    ),
  })
  .openapi('TableOfContents');

export const ReindexResultSchema = z
  .object({
    units: z.number().int(),
    meetings: z.number().int(),
    embedded: z.number().int(),
    reused: z.number().int(),
    sentences: z.number().int().openapi({ description: 'Sentences with a vector' }),
    sentencesEmbedded: z.number().int().openapi({
      description: 'Sentences that had to be embedded (the rest reused a stored or chunk vector)',
    }),
    removedUnits: z.number().int(),
    errors: z.array(z.object({ file: z.string(), code: z.string(), message: z.string() })),
    conflicts: z.array(ConflictSchema),
    durationMs: z.number(),
  })
  .openapi('ReindexResult');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'INVALID_REQUEST' }),
      message: z.string(),
      requestId: z.string().optional().openapi({ description: 'Set on internal errors; the log names it.' }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** A part of a UI message as useChat sends it; only text parts are read. */
const UIMessagePartSchema = z.looseObject({ type: z.string().max(100), text: z.string().optional() });

export const ChatRequestSchema = z
  .object({
    id: z.string().max(200).optional(),
    messages: z
      .array(
        z.looseObject({
          id: z.string().max(200).optional(),
          role: z.enum(['system', 'user', 'assistant']),
          parts: z.array(UIMessagePartSchema).max(LIMITS.messageParts),
        }),
      )
      .min(1)
      .max(LIMITS.transcriptMessages),
    trigger: z.string().max(100).optional(),
    messageId: z.string().max(200).optional(),
    k: K.optional(),
    meeting: MeetingId.optional(),
    conversationKey: ConversationKeySchema.optional(),
  })
  .openapi('ChatRequest');

export const FEEDBACK_LIMITS = {
  bodyBytes: 16 * 1024,
  answerChars: 12_000,
  commentChars: 2000,
  citations: 100,
} as const;

export const FeedbackRequestSchema = z
  .object({
    rating: z.enum(['helpful', 'unhelpful', 'wrong-citation']).openapi({ example: 'wrong-citation' }),
    question: z.string().trim().min(1).max(LIMITS.questionChars),
    answer: z.string().max(FEEDBACK_LIMITS.answerChars),
    citations: z
      .array(
        z.object({
          meeting: z.string().max(100),
          top: z.string().max(50),
          para: z.string().max(250),
        }),
      )
      .max(FEEDBACK_LIMITS.citations),
    comment: z.string().max(FEEDBACK_LIMITS.commentChars).optional(),
    mode: z.enum(['extractive', 'llm']).optional(),
    conversationId: ConversationIdSchema.optional().openapi({
      description:
        'The conversation the rated answer belongs to, so its earlier turns can be read with the report.',
    }),
    turn: z
      .number()
      .int()
      .min(0)
      .max(CONVERSATION_LIMITS.maxTurns - 1)
      .optional()
      .openapi({ description: 'The rated answer’s turn in that conversation (0 = the first).' }),
  })
  .openapi('FeedbackRequest');

export const FeedbackSavedSchema = z
  .object({ saved: z.literal(true), at: z.string().openapi({ example: '2024-05-02T09:30:00.000Z' }) })
  .openapi('FeedbackSaved');

export const MODEL_ID = 'beschluss-assistent';

const OpenAIContentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string().max(100), text: z.string().optional() })).max(LIMITS.messageParts),
  z.null(),
]);

export const ChatCompletionRequestSchema = z
  .looseObject({
    model: z.string().max(200).openapi({ example: MODEL_ID }),
    messages: z
      .array(
        z.looseObject({
          role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
          content: OpenAIContentSchema.optional(),
        }),
      )
      .min(1)
      .max(LIMITS.transcriptMessages),
    stream: z.boolean().nullish(),
    k: K.optional(),
    meeting: MeetingId.optional(),
  })
  .openapi('ChatCompletionRequest');

export const ChatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        finish_reason: z.literal('stop'),
        logprobs: z.null(),
      }),
    ),
    sources: z.array(SourceSchema).openapi({ description: 'Extension: the sources the answer cites from.' }),
    beschluss: AnswerSchema.omit({ answer: true, sources: true }).openapi({
      description: 'Extension: statements with their citations, abstained, mode.',
    }),
  })
  .openapi('ChatCompletion');

export const ModelListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z.object({
        id: z.string(),
        object: z.literal('model'),
        created: z.number().int(),
        owned_by: z.string(),
      }),
    ),
  })
  .openapi('ModelList');

export const ConversationTurnSchema = z
  .object({
    question: z.string(),
    answer: z.looseObject({ answer: z.string(), mode: z.string() }).openapi({
      description: 'The answer exactly as it was sent: an Answer (see AskResponse) with every field it had.',
    }),
    askedAt: z.string(),
    answeredAt: z.string(),
    mode: z.string().openapi({ example: 'extractive' }),
    model: z.string().openapi({ description: 'The embedder that served (its id, as /api/health names it).' }),
    indexVersion: z.string().openapi({
      description: 'When the index the answer came from was built (indexBuiltAt of /api/health).',
    }),
  })
  .openapi('ConversationTurn');

export const ConversationSchema = z
  .object({
    id: ConversationIdSchema,
    title: z.string().openapi({ description: 'Its name, or its first question when it has none.' }),
    named: z.boolean().openapi({ description: 'Whether its owner named it.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    continuedFrom: ConversationIdSchema.optional().openapi({
      description: 'The shared conversation this one continues.',
    }),
    turns: z.array(ConversationTurnSchema),
  })
  .openapi('Conversation');

export const ConversationParamsSchema = z.object({
  id: ConversationIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const ConversationKeyHeaderSchema = z.object({
  'x-conversation-key': ConversationKeySchema.openapi({
    param: { name: 'x-conversation-key', in: 'header' },
    description: 'The key that owns the conversation (its id is derived from it).',
  }),
});

export const RenameConversationSchema = z
  .object({
    title: z
      .string()
      .trim()
      .max(CONVERSATION_LIMITS.titleChars)
      .openapi({ description: 'The new name; empty to name it by its first question again.' }),
  })
  .openapi('RenameConversation');

export const ContinueConversationSchema = z
  .object({ key: ConversationKeySchema.openapi({ description: 'The key of the new conversation.' }) })
  .openapi('ContinueConversation');

export const ConversationExportQuerySchema = z.object({
  turn: z.coerce
    .number()
    .int()
    .min(0)
    .max(CONVERSATION_LIMITS.maxTurns - 1)
    .optional()
    .openapi({ param: { name: 'turn', in: 'query' }, description: 'Only this answer (0 = the first).' }),
});

export const ConversationDeletedSchema = z
  .object({ deleted: z.literal(true) })
  .openapi('ConversationDeleted');
