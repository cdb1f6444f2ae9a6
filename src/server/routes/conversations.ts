// The saved conversations: read one by its id (what a share link /c/<id> shows), export it or one answer as a Word
// document, continue a shared one as a new conversation, and — with the key that owns it — rename or delete it.
// There is no listing: a conversation is reached only through its id. Messages are German; the page shows them.
import type { Context } from 'hono';
import type { UnitCatalog } from '../../citation/index.ts';
import { meetingLabel, unitReference } from '../../citation/index.ts';
import {
  type Conversation,
  type ConversationStore,
  conversationDocx,
  conversationIdOf,
  conversationNotFound,
  defaultCitationLabel,
} from '../../conversation/index.ts';
import { BeschlussError } from '../../errors.ts';
import type { Citation } from '../../model.ts';
import type { App, AppEnv, RouteContext } from '../env.ts';
import { errorResponses, jsonBody, jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import {
  ContinueConversationSchema,
  ConversationDeletedSchema,
  ConversationExportQuerySchema,
  ConversationKeyHeaderSchema,
  ConversationParamsSchema,
  ConversationSchema,
  RenameConversationSchema,
} from '../schemas.ts';

const routes = taggedRoutes('conversations');

const getRoute = routes.get('/api/conversations/{id}', {
  summary: 'A saved conversation, as it was answered',
  description:
    'Every turn with its question, the answer as it was sent, when, and which embedder and index served it.',
  request: { params: ConversationParamsSchema },
  responses: jsonResponses(ConversationSchema, 'The conversation', 400, 401, 404, 429, 500, 503),
});

const renameRoute = routes.patch('/api/conversations/{id}', {
  summary: 'Name a conversation (needs its key)',
  request: {
    params: ConversationParamsSchema,
    headers: ConversationKeyHeaderSchema,
    ...jsonBody(RenameConversationSchema),
  },
  responses: jsonResponses(
    ConversationSchema,
    'The renamed conversation',
    400,
    401,
    403,
    404,
    429,
    500,
    503,
    507,
  ),
});

const deleteRoute = routes.delete('/api/conversations/{id}', {
  summary: 'Delete a conversation (needs its key); its share links stop working',
  request: { params: ConversationParamsSchema, headers: ConversationKeyHeaderSchema },
  responses: jsonResponses(ConversationDeletedSchema, 'Deleted', 400, 401, 403, 404, 429, 500, 503),
});

const continueRoute = routes.post('/api/conversations/{id}/continue', {
  summary: 'Continue a (shared) conversation as a new one of the given key',
  description: 'The new conversation starts with a copy of every turn and names the one it continues.',
  request: { params: ConversationParamsSchema, ...jsonBody(ContinueConversationSchema) },
  responses: jsonResponses(
    ConversationSchema,
    'The new conversation',
    400,
    401,
    404,
    409,
    429,
    500,
    503,
    507,
  ),
});

const exportRoute = routes.get('/api/conversations/{id}/export.docx', {
  summary: 'The conversation, or one answer of it (?turn=), as a Word document for a Vermerk',
  request: { params: ConversationParamsSchema, query: ConversationExportQuerySchema },
  responses: {
    200: {
      content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: {} } },
      description: 'The .docx file',
    },
    ...errorResponses(400, 401, 404, 429, 500, 503),
  },
});

/** The conversation as the API shows it: with its title (its name, or its first question). */
export function conversationView(conversation: Conversation) {
  const { title, ...rest } = conversation;
  return { ...rest, title: title ?? conversation.turns[0]?.question ?? '', named: title !== undefined };
}

/** "IMK 10.12.2020, TOP 9" for the only paragraph of TOP 9: the catalog knows the item; else from the citation. */
function catalogLabel(catalog: UnitCatalog): (citation: Citation) => string {
  return (citation) => {
    const unit = catalog.get(`${citation.meeting}/${citation.top}/${citation.para}`);
    return unit ? `${meetingLabel(unit)}, ${unitReference(unit)}` : defaultCitationLabel(citation);
  };
}

function checkKey(id: string, key: string): void {
  if (conversationIdOf(key) !== id) {
    throw new BeschlussError(
      'FORBIDDEN',
      'Dieses Gespräch kann nur in dem Browser geändert werden, in dem es geführt wurde.',
    );
  }
}

/** A file name for the export: "Gespraech-2026-03-02.docx", "Antwort-3-2026-03-02.docx". */
function exportName(conversation: Conversation, turn: number | undefined): string {
  const date = conversation.updatedAt.slice(0, 10);
  return turn === undefined ? `Gespraech-${date}.docx` : `Antwort-${turn + 1}-${date}.docx`;
}

export function registerConversationRoutes(app: App, context: RouteContext): void {
  const store = (): ConversationStore => {
    if (!context.conversations) {
      throw new BeschlussError(
        'CONVERSATIONS_UNAVAILABLE',
        'Gespräche werden auf diesem Server nicht gespeichert.',
      );
    }
    return context.conversations.store;
  };
  const load = async (id: string): Promise<Conversation> => {
    const conversation = await store().get(id);
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  };

  app.openapi(getRoute, async (c) => c.json(conversationView(await load(c.req.valid('param').id)), 200));

  app.openapi(renameRoute, async (c) => {
    const { id } = c.req.valid('param');
    checkKey(id, c.req.valid('header')['x-conversation-key']);
    if (!(await store().rename(id, c.req.valid('json').title, context.now().toISOString()))) {
      throw conversationNotFound(id);
    }
    return c.json(conversationView(await load(id)), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    checkKey(id, c.req.valid('header')['x-conversation-key']);
    if (!(await store().remove(id))) throw conversationNotFound(id);
    return c.json({ deleted: true as const }, 200);
  });

  app.openapi(continueRoute, async (c) => {
    const original = await load(c.req.valid('param').id);
    const at = context.now().toISOString();
    const continued: Conversation = {
      id: conversationIdOf(c.req.valid('json').key),
      createdAt: at,
      updatedAt: at,
      continuedFrom: original.id,
      turns: original.turns,
    };
    await store().create(continued);
    return c.json(conversationView(continued), 200);
  });

  app.openapi(exportRoute, async (c) =>
    exportDocx(c, await load(c.req.valid('param').id), c.req.valid('query').turn),
  );

  async function exportDocx(c: Context<AppEnv>, conversation: Conversation, turn: number | undefined) {
    if (turn !== undefined && turn >= conversation.turns.length) {
      throw new BeschlussError(
        'CONVERSATION_NOT_FOUND',
        `Dieses Gespräch hat ${conversation.turns.length} ${conversation.turns.length === 1 ? 'Antwort' : 'Antworten'}; eine Antwort ${turn + 1} gibt es nicht.`,
        { details: { id: conversation.id, turn } },
      );
    }
    const citationLabel = catalogLabel(context.assistant().catalog);
    const bytes = await conversationDocx(conversation, {
      citationLabel,
      ...(turn === undefined ? {} : { turn }),
    });
    return c.body(bytes, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${exportName(conversation, turn)}"`,
      'Cache-Control': 'no-store',
    });
  }
}
