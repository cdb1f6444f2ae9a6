// A conversation, or one answer of it, as a Word document for a Vermerk (written with the `docx` library): headings,
// each question with when and from which index it was answered, the answer with every citation naming its meeting,
// after each statement the wording of the paragraph it cites (each paragraph once), and the list of sources.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { germanDate, meetingLabel, parseMarkers } from '../citation/index.ts';
import type { Citation } from '../model.ts';
import { type AnswerParts, answerParts, type CitedSource } from './answer-parts.ts';
import type { Conversation, ConversationTurn } from './types.ts';

export interface DocxExportOptions {
  /** Only this turn (0 = the first); the whole conversation when absent. */
  turn?: number;
  /** The full label of a citation, "IMK 10.12.2020, TOP 37 Ziff. 2" (default: from the meeting id, "Ziff." always). */
  citationLabel?: (citation: Citation) => string;
  /** Time zone of the dates written (default Europe/Berlin). */
  timeZone?: string;
}

const BULLET = /^\s*[-•*]\s+/u;
const QUOTE_STYLE = 'Zitat';

/** "IMK 10.12.2020, TOP 37 Ziff. 2" from the citation alone. */
export function defaultCitationLabel(citation: Citation): string {
  const date = /-(\d{4}-\d{2}-\d{2})$/.exec(citation.meeting)?.[1];
  const reference = citation.para.startsWith('Protokollnotiz')
    ? `TOP ${citation.top} ${citation.para}`
    : `TOP ${citation.top} Ziff. ${citation.para}`;
  return date ? `${meetingLabel({ meeting: citation.meeting, date })}, ${reference}` : reference;
}

/** The document as the bytes of a .docx file. */
export async function conversationDocx(
  conversation: Conversation,
  options: DocxExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { turn, citationLabel = defaultCitationLabel, timeZone = 'Europe/Berlin' } = options;
  const chosen =
    turn === undefined
      ? conversation.turns.map((each, index) => ({ each, index }))
      : [{ each: conversation.turns[turn] as ConversationTurn, index: turn }];
  const when = (iso: string) => germanDateTime(iso, timeZone);
  const title =
    turn === undefined
      ? `Gespräch: ${conversation.title ?? conversation.turns[0]?.question ?? ''}`
      : 'Antwort des Beschluss-Assistenten';
  const listed = new Map<string, CitedSource>();
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    meta(
      turn === undefined
        ? `${conversation.turns.length} ${conversation.turns.length === 1 ? 'Frage' : 'Fragen'}, zuletzt am ${when(conversation.updatedAt)}. Jede Aussage nennt ihre Fundstelle; darunter steht deren Wortlaut.`
        : 'Jede Aussage nennt ihre Fundstelle; darunter steht deren Wortlaut.',
    ),
  ];
  for (const { each, index } of chosen) {
    const heading = turn === undefined ? `${index + 1}. Frage: ${each.question}` : `Frage: ${each.question}`;
    children.push(...turnParagraphs(each, heading, { citationLabel, when, listed }));
  }
  if (listed.size > 0) {
    children.push(new Paragraph({ text: 'Fundstellen', heading: HeadingLevel.HEADING_2 }));
    for (const source of listed.values()) {
      const label = citationLabel(source.citation);
      children.push(
        new Paragraph({ text: source.title ? `${label} – ${source.title}` : label, bullet: { level: 0 } }),
      );
    }
  }
  const document = new Document({
    creator: 'Beschluss-Assistent',
    title,
    styles: {
      default: { document: { run: { language: { value: 'de-DE' } } } },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: QUOTE_STYLE,
          basedOn: 'Normal',
          paragraph: { indent: { left: 567 }, spacing: { after: 160 } },
          run: { italics: true },
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

interface TurnContext {
  citationLabel: (citation: Citation) => string;
  when: (iso: string) => string;
  /** Every unit cited so far in the document, for the list of sources. */
  listed: Map<string, CitedSource>;
}

/** One turn: its question, when and how it was answered, the answer, and under each statement the cited wording. */
function turnParagraphs(turn: ConversationTurn, heading: string, context: TurnContext): Paragraph[] {
  const parts = answerParts(turn.answer);
  const how =
    turn.mode === 'llm'
      ? 'mit einem Sprachmodell formuliert; bitte den Wortlaut der Fundstellen prüfen'
      : 'wörtliche Auszüge aus den Beschlüssen';
  const paragraphs = [
    new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }),
    meta(
      `Beantwortet am ${context.when(turn.answeredAt)} (${how}); Index vom ${context.when(turn.indexVersion)}.`,
    ),
  ];
  const quoted = new Set<string>();
  const quote = (source: CitedSource) => {
    if (quoted.has(source.id)) return [];
    quoted.add(source.id);
    if (!context.listed.has(source.id)) context.listed.set(source.id, source);
    return [quoteParagraph(context.citationLabel(source.citation), source.text)];
  };
  const lines = parts.text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const bullet = BULLET.test(line);
    const markers = parseMarkers(line);
    const isHeading = !bullet && markers.length === 0 && BULLET.test(lines[index + 1] ?? '');
    if (isHeading) {
      paragraphs.push(new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_3 }));
      continue;
    }
    const cited = markers.flatMap((marker) => marker.citations.map((citation) => findCited(parts, citation)));
    const text = expandMarkers(line.replace(BULLET, '').trim(), parts, context.citationLabel);
    paragraphs.push(new Paragraph(bullet ? { text, bullet: { level: 0 } } : { text }));
    for (const source of cited) if (source) paragraphs.push(...quote(source));
  }
  // A cited unit the text names in no marker still gets its wording.
  for (const source of parts.cited) paragraphs.push(...quote(source));
  if (parts.notice) paragraphs.push(meta(`Hinweis: ${parts.notice}`));
  return paragraphs;
}

/** The line with every marker naming its meeting: "[TOP 37 Ziff. 2]" → "[IMK 10.12.2020, TOP 37 Ziff. 2]". */
function expandMarkers(
  line: string,
  parts: AnswerParts,
  citationLabel: (citation: Citation) => string,
): string {
  let text = '';
  let from = 0;
  for (const marker of parseMarkers(line)) {
    const labels = marker.citations.map((citation) => {
      const source = findCited(parts, citation);
      return source ? citationLabel(source.citation) : undefined;
    });
    const expanded = labels.every((label) => label !== undefined) ? `[${labels.join('; ')}]` : marker.text;
    text += `${line.slice(from, marker.start)}${expanded}`;
    from = marker.end;
  }
  return text + line.slice(from);
}

/** The cited unit a marker's citation names: same TOP, same para (or the item's only one), same meeting date. */
function findCited(
  parts: AnswerParts,
  citation: { top: string; para?: string; date?: string },
): CitedSource | undefined {
  return parts.cited.find(
    (source) =>
      source.citation.top === citation.top &&
      (citation.para === undefined ? source.citation.para === '1' : source.citation.para === citation.para) &&
      (citation.date === undefined || source.citation.meeting.endsWith(citation.date)),
  );
}

function quoteParagraph(label: string, text: string | undefined): Paragraph {
  return new Paragraph({
    style: QUOTE_STYLE,
    children: [
      new TextRun({ text: `${label}: `, bold: true, italics: false }),
      new TextRun(text === undefined ? '(Wortlaut nicht gespeichert)' : `„${text}“`),
    ],
  });
}

function meta(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, size: 18, color: '555555' })] });
}

/** "10.03.2026, 14:32 Uhr" in the given time zone; the date alone when the value is a bare date. */
function germanDateTime(iso: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return germanDate(iso);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${parts} Uhr`;
}
