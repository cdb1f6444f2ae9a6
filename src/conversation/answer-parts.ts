// Reads what an export needs from a stored answer, whatever else it holds: its text, the units its statements cite
// (in order, each once, with title and wording from the answer's sources) and its notice.
import { z } from 'zod';
import { type Citation, unitId } from '../model.ts';
import type { StoredAnswer } from './types.ts';

export interface CitedSource {
  /** The unit id "<meeting>/<top>/<para>". */
  id: string;
  citation: Citation;
  title?: string;
  /** The unit's wording as the answer was given from it. */
  text?: string;
}

export interface AnswerParts {
  text: string;
  cited: CitedSource[];
  notice?: string;
}

const citationSchema = z.object({ meeting: z.string(), top: z.string(), para: z.string() });
const statementsSchema = z.array(z.looseObject({ citations: z.array(citationSchema) }));
const sourcesSchema = z.array(citationSchema.extend({ title: z.string(), text: z.string() }).loose());

export function answerParts(answer: StoredAnswer): AnswerParts {
  const statements = statementsSchema.safeParse(answer.statements);
  const sources = sourcesSchema.safeParse(answer.sources);
  const byId = new Map(
    (sources.success ? sources.data : []).map((source) => [unitId(source), source] as const),
  );
  const cited = new Map<string, CitedSource>();
  for (const statement of statements.success ? statements.data : []) {
    for (const { meeting, top, para } of statement.citations) {
      const id = unitId({ meeting, top, para });
      if (cited.has(id)) continue;
      const source = byId.get(id);
      cited.set(id, {
        id,
        citation: { meeting, top, para },
        ...(source ? { title: source.title, text: source.text } : {}),
      });
    }
  }
  const parts: AnswerParts = { text: answer.answer, cited: [...cited.values()] };
  if (typeof answer.notice === 'string' && answer.notice !== '') parts.notice = answer.notice;
  return parts;
}
