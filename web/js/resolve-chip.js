// Which unit a citation chip or an abstention's hint line stands for, from what the answer stream delivered.
import { citationNames, meetingLabel, parseUnitId } from './citation.js';
import { quotedText } from './highlight.js';

/**
 * The unit a chip names and the quote to mark: from the statements of the final answer (their citations are exact;
 * of two statements citing one unit, the one whose text the chip stands behind), else from the answer's sources or
 * the source parts that arrived first. Undefined when none names it (the caller then asks the server).
 * @param {{ answer?: object, sources: Array<{ id: string }> }} turn
 * @param {{ citation: import('./citation.js').MarkerCitation, quote: string }} chip
 */
export function resolveChip(turn, { citation, quote }) {
  const statements = turn.answer?.statements ?? [];
  const candidates = statements.filter(
    (statement) =>
      statement.text.includes(citation.text) &&
      statement.citations.some((each) => citationNames(citation, each)),
  );
  const statement = candidates.find((each) => quotedText(each.text) === quote) ?? candidates[0];
  if (statement) {
    return {
      unit: statement.citations.find((each) => citationNames(citation, each)),
      quote: quotedText(statement.text),
    };
  }
  const known = [
    ...statements.flatMap((each) => each.citations),
    ...(turn.answer?.sources ?? []),
    ...turn.sources.map((source) => parseUnitId(source.id)).filter(Boolean),
  ];
  const unit = known.find((each) => citationNames(citation, each));
  return unit ? { unit, quote } : undefined;
}

const HINT_LINE = /^(?:(.+?), )?TOP (\d+(?:\.\d+)*(?:\/\d+)?) [–-] /u;

/**
 * The item a hint line of an abstention names ("TOP 46 – …", "IMK 10.12.2020, TOP 46 – …") as { meeting, top }:
 * the meeting from the label, else from the answer's sources, else the only meeting loaded.
 */
export function hintItem(line, { meetings, sources = [] }) {
  const match = HINT_LINE.exec(line.trim());
  if (!match) return undefined;
  const [, label, top] = match;
  let meeting;
  if (label) meeting = meetings.find((each) => meetingLabel(each.id, each.date) === label)?.id;
  else meeting = sources.find((source) => source.top === top)?.meeting;
  if (!meeting && !label && meetings.length === 1) meeting = meetings[0].id;
  return meeting ? { meeting, top } : undefined;
}
