import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../model.ts';
import { conversationDocx, defaultCitationLabel } from './docx-export.ts';
import type { Conversation, ConversationTurn } from './types.ts';

const MEETING = 'imk-2021-06-18';
const WORDING = {
  '12/3': 'Die IMK bittet den Bund, zur Herbstkonferenz über den Stand der Digitalfunk-Netze zu berichten.',
  '12/4': 'Sie beauftragt den AK II, bis Ende 2022 ein gemeinsames Konzept vorzulegen.',
  '30/1': 'Die IMK nimmt den Bericht zur Kenntnis.',
};

function source(topPara: keyof typeof WORDING, title: string) {
  const [top, para] = topPara.split('/') as [string, string];
  return { id: `${MEETING}/${top}/${para}`, meeting: MEETING, top, para, title, text: WORDING[topPara] };
}

function turn(
  question: string,
  answer: { answer: string } & Record<string, unknown>,
  at: string,
): ConversationTurn {
  return {
    question,
    answer: { abstained: false, mode: 'extractive', ...answer },
    askedAt: at,
    answeredAt: at,
    mode: String(answer.mode ?? 'extractive'),
    model: 'offline:offline-german-hash-v1:512',
    indexVersion: '2026-03-01T07:00:00.000Z',
  };
}

const first = turn(
  'Was soll der Bund zum Digitalfunk tun?',
  {
    answer: [
      'TOP 12 – Digitalfunk der Länder',
      `- ${WORDING['12/3']} [TOP 12 Ziff. 3]`,
      `- Dazu gehört: ${WORDING['12/3'].slice(0, 20)} … [TOP 12 Ziff. 3]`,
      `- ${WORDING['12/4']} [TOP 12 Ziff. 4]`,
    ].join('\n'),
    statements: [
      {
        text: `${WORDING['12/3']} [TOP 12 Ziff. 3]`,
        citations: [{ meeting: MEETING, top: '12', para: '3' }],
      },
      {
        text: `${WORDING['12/4']} [TOP 12 Ziff. 4]`,
        citations: [{ meeting: MEETING, top: '12', para: '4' }],
      },
    ],
    sources: [source('12/3', 'Digitalfunk der Länder'), source('12/4', 'Digitalfunk der Länder')],
  },
  '2026-03-02T09:15:00.000Z',
);
const second = turn(
  'Und was gilt für Drohnen?',
  { answer: 'Dazu enthalten die Beschlüsse keine Aussage.', statements: [], sources: [], abstained: true },
  '2026-03-02T09:16:00.000Z',
);
const third = turn(
  'Wurde der Bericht angenommen?',
  {
    answer: `Ja: ${WORDING['30/1']} [TOP 30]`,
    statements: [
      { text: `Ja: ${WORDING['30/1']} [TOP 30]`, citations: [{ meeting: MEETING, top: '30', para: '1' }] },
    ],
    sources: [source('30/1', 'Bericht der Arbeitsgruppe')],
    mode: 'llm',
    notice: 'Eine Aussage ohne Beleg wurde weggelassen.',
  },
  '2026-03-02T09:20:00.000Z',
);

const conversation: Conversation = {
  id: '0123456789abcdef0123456789abcdef',
  createdAt: first.askedAt,
  updatedAt: third.answeredAt,
  turns: [first, second, third],
};

/** Labels as the catalog gives them: the only paragraph of TOP 30 is "TOP 30". */
const catalogLabel = (citation: Citation) =>
  citation.top === '30' ? 'IMK 18.06.2021, TOP 30' : defaultCitationLabel(citation);

async function readBack(bytes: Uint8Array): Promise<{ html: string; text: string; warnings: string[] }> {
  const buffer = Buffer.from(bytes);
  const converted = await mammoth.convertToHtml(
    { buffer },
    { styleMap: ["p[style-name='Zitat'] => blockquote > p:fresh"] },
  );
  const raw = await mammoth.extractRawText({ buffer });
  return {
    html: converted.value,
    text: raw.value,
    warnings: converted.messages.map((message) => message.message),
  };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('conversationDocx', () => {
  it('writes one answer with its question, its statements, each citation with the quoted paragraph once, and the sources', async () => {
    const { html, text, warnings } = await readBack(
      await conversationDocx(conversation, { turn: 0, citationLabel: catalogLabel }),
    );
    expect(warnings).toEqual([]);
    expect(html).toContain('<h1>Antwort des Beschluss-Assistenten</h1>');
    expect(html).toContain('<h2>Frage: Was soll der Bund zum Digitalfunk tun?</h2>');
    expect(html).toContain(
      'Beantwortet am 02.03.2026, 10:15 Uhr (wörtliche Auszüge aus den Beschlüssen); Index vom 01.03.2026, 08:00 Uhr.',
    );
    expect(html).toContain('<h3>TOP 12 – Digitalfunk der Länder</h3>');
    expect(html).toContain(`<li>${WORDING['12/3']} [IMK 18.06.2021, TOP 12 Ziff. 3]</li>`);
    expect(html).toContain(
      `<blockquote><p><strong>IMK 18.06.2021, TOP 12 Ziff. 3: </strong>„${WORDING['12/3']}“</p></blockquote>`,
    );
    expect(html).toContain(`<strong>IMK 18.06.2021, TOP 12 Ziff. 4: </strong>„${WORDING['12/4']}“`);
    // Cited twice, quoted once (and once in the statement itself).
    expect(count(text, `„${WORDING['12/3']}“`)).toBe(1);
    expect(html).toMatch(
      /<h2>Fundstellen<\/h2><ul><li>IMK 18\.06\.2021, TOP 12 Ziff\. 3 – Digitalfunk der Länder<\/li><li>IMK 18\.06\.2021, TOP 12 Ziff\. 4 – Digitalfunk der Länder<\/li><\/ul>$/u,
    );
    expect(text).not.toContain('Drohnen');
  });

  it('writes the whole conversation: every question numbered, an abstention as said, an LLM answer with its notice', async () => {
    const { html, warnings } = await readBack(
      await conversationDocx(conversation, { citationLabel: catalogLabel }),
    );
    expect(warnings).toEqual([]);
    expect(html).toContain('<h1>Gespräch: Was soll der Bund zum Digitalfunk tun?</h1>');
    expect([...html.matchAll(/<h2>(.*?)<\/h2>/gu)].map((match) => match[1])).toEqual([
      '1. Frage: Was soll der Bund zum Digitalfunk tun?',
      '2. Frage: Und was gilt für Drohnen?',
      '3. Frage: Wurde der Bericht angenommen?',
      'Fundstellen',
    ]);
    expect(html).toContain('<p>Dazu enthalten die Beschlüsse keine Aussage.</p>');
    expect(html).toContain(`<p>Ja: ${WORDING['30/1']} [IMK 18.06.2021, TOP 30]</p>`);
    expect(html).toContain('mit einem Sprachmodell formuliert; bitte den Wortlaut der Fundstellen prüfen');
    expect(html).toContain('Hinweis: Eine Aussage ohne Beleg wurde weggelassen.');
    expect(html).toContain('<li>IMK 18.06.2021, TOP 30 – Bericht der Arbeitsgruppe</li>');
  });

  it('names a renamed conversation by its title and labels citations from the meeting id by default', async () => {
    const { html } = await readBack(
      await conversationDocx({ ...conversation, title: 'Digitalfunk für den Vermerk' }),
    );
    expect(html).toContain('<h1>Gespräch: Digitalfunk für den Vermerk</h1>');
    expect(html).toContain('[IMK 18.06.2021, TOP 30 Ziff. 1]');
  });
});
