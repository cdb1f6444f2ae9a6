// What "Zitat kopieren" and "Antwort kopieren" put on the clipboard, as plain text and as HTML: quoted sentences with
// their full citation, or a whole answer with every citation naming its meeting, ready to paste into a Vermerk.
import { answerBlocks } from './answer-text.js';
import { citationNames, meetingLabel, parseMarkers } from './citation.js';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * A quotation: the quoted pieces (joined with "[…]" where the quote leaves text out) and the full citation
 * ("IMK 10.12.2020, TOP 46 Ziff. 8"). { text, html }.
 */
export function quotePayload({ pieces, citation }) {
  const quoted = pieces
    .map((piece) => piece.trim())
    .filter(Boolean)
    .join(' […] ');
  return {
    text: `„${quoted}“ (${citation})`,
    html: `<p>„${escapeHtml(quoted)}“ (<cite>${escapeHtml(citation)}</cite>)</p>`,
  };
}

/**
 * A marker's citations with the meeting named ("TOP 49 Ziff. 3" → "IMK 10.12.2020, TOP 49 Ziff. 3"): the meeting of
 * the unit the answer says it names, else the only meeting loaded.
 */
function fullMarkerTexts(marker, units, meetings) {
  return marker.citations.map((citation) => {
    if (citation.date) return citation.text;
    const unit = units.find((each) => citationNames(citation, each));
    const meeting = unit?.meeting ?? (meetings.length === 1 ? meetings[0].id : undefined);
    return meeting ? `${meetingLabel(meeting)}, ${citation.text}` : citation.text;
  });
}

/** The answer's line with every marker naming its meeting; also the full citations it holds. */
function expandLine(line, units, meetings) {
  let text = '';
  let from = 0;
  const citations = [];
  for (const marker of parseMarkers(line)) {
    const full = fullMarkerTexts(marker, units, meetings);
    citations.push(...full);
    text += `${line.slice(from, marker.start)}[${full.join('; ')}]`;
    from = marker.end;
  }
  return { text: text + line.slice(from), citations };
}

/**
 * A whole answer for a Vermerk: the question, the answer (headings, lists, paragraphs) with every citation naming its
 * meeting, and the list of sources with their titles. `turn` holds question, text and the final answer (statements,
 * sources); `meetings` the loaded meetings ({ id }). { text, html }.
 */
export function answerPayload(turn, { meetings = [] } = {}) {
  const units = [
    ...(turn.answer?.statements ?? []).flatMap((statement) => statement.citations),
    ...(turn.answer?.sources ?? []),
  ];
  const titles = new Map((turn.answer?.sources ?? []).map((source) => [source.id, source.title]));
  const cited = [];
  const textLines = [`Frage: ${turn.question}`, ''];
  const htmlParts = [`<p><strong>Frage:</strong> ${escapeHtml(turn.question)}</p>`];
  const expand = (line) => {
    const expanded = expandLine(line, units, meetings);
    for (const citation of expanded.citations) if (!cited.includes(citation)) cited.push(citation);
    return expanded.text;
  };
  for (const block of answerBlocks(turn.text)) {
    if (block.type === 'list') {
      const items = block.items.map(expand);
      textLines.push(...items.map((item) => `- ${item}`));
      htmlParts.push(`<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    } else if (block.type === 'heading') {
      const heading = expand(block.text);
      textLines.push('', heading);
      htmlParts.push(`<p><strong>${escapeHtml(heading)}</strong></p>`);
    } else {
      const paragraph = expand(block.text);
      textLines.push(paragraph);
      htmlParts.push(`<p>${escapeHtml(paragraph)}</p>`);
    }
  }
  if (cited.length > 0) {
    const sourceLine = (citation) => {
      const unit = units.find((each) => {
        const parsed = parseMarkers(`[${citation}]`)[0]?.citations[0];
        return parsed && citationNames(parsed, each);
      });
      const title = unit ? titles.get(`${unit.meeting}/${unit.top}/${unit.para}`) : undefined;
      return title ? `${citation} – ${title}` : citation;
    };
    const lines = cited.map(sourceLine);
    textLines.push('', 'Fundstellen:', ...lines.map((line) => `- ${line}`));
    htmlParts.push(
      '<p><strong>Fundstellen:</strong></p>',
      `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    );
  }
  return {
    text: textLines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    html: htmlParts.join('\n'),
  };
}
