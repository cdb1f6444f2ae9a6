// An assistant that streams a given Answer (word by word, sources first) over a real catalog: for the answers a test
// needs to see exactly, e.g. an LLM answer with a notice and a paraphrased statement.
import type { Answer, AnswerEvent, Answerer, AskRequest } from '../../src/answer/types.ts';
import type { Assistant } from '../../src/assistant/types.ts';

export interface ScriptedAssistant extends Assistant {
  requests: AskRequest[];
}

export function scriptedAssistant(base: Assistant, answer: Answer): ScriptedAssistant {
  const requests: AskRequest[] = [];
  const answerer: Answerer = {
    async answer(request) {
      requests.push(request);
      return answer;
    },
    stream(request) {
      requests.push(request);
      async function* events(): AsyncGenerator<AnswerEvent> {
        yield { type: 'sources', sources: answer.sources };
        for (const piece of answer.answer.match(/\S+\s*/gu) ?? []) yield { type: 'text-delta', delta: piece };
        yield { type: 'done', answer };
      }
      return events();
    },
  };
  return {
    requests,
    catalog: base.catalog,
    retriever: base.retriever,
    answerer,
    health: () => base.health(),
    reindex: () => base.reindex(),
    close: async () => {},
  };
}
