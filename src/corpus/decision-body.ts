// Splits the lines of one Beschluss into its paragraphs (Ziffern) and the Protokollnotizen that follow them.
import type { Note, Paragraph } from '../model.ts';
import { endsSentence } from '../text/index.ts';
import { joinLines } from './join-lines.ts';

/** "Protokollnotiz HH:", "Protokollnotiz BY, BW, BB, MV, NW, SL und BMI:" — maybe with text after the colon. */
const NOTE_LABEL =
  /^Protokollnotiz\s+(\p{Lu}[\p{L}\d.-]*(?:(?:\s*,\s*|\s+und\s+)\p{Lu}[\p{L}\d.-]*)*)\s*:\s*(.*)$/u;

/** "1. Die IMK …", "1.Die IMK …" or a lone "1." with the text on the next line; not "10.12.20 …". */
const NUMBERED_LINE = /^(\d{1,3})\.(?=\s|\p{Lu}|$)\s*(.*)$/u;

export interface DecisionBody {
  paragraphs: Paragraph[];
  notes: Note[];
}

/**
 * Paragraphs are numbered "1.", "2.", … at a line start; a line opens the next paragraph only when it carries the
 * next expected number and the line before ends a sentence, so "… im" + "2. Halbjahr 2020" stays inside its
 * paragraph. A Beschluss whose first line is not "1. …" is one unnumbered paragraph, cited as "1".
 */
export function splitParagraphs(lines: readonly string[]): Paragraph[] {
  const firstNumber = NUMBERED_LINE.exec(lines[0] ?? '');
  if (firstNumber?.[1] !== '1') {
    const text = joinLines(lines);
    return text === '' ? [] : [{ para: '1', text }];
  }
  const groups: { para: string; lines: string[] }[] = [];
  let previous = '';
  for (const line of lines) {
    const numbered = NUMBERED_LINE.exec(line);
    const expected = String(groups.length + 1);
    if (numbered && numbered[1] === expected && (groups.length === 0 || endsSentence(previous))) {
      groups.push({ para: expected, lines: [numbered[2] ?? ''] });
    } else {
      groups.at(-1)?.lines.push(line);
    }
    previous = line;
  }
  return groups
    .map((group) => ({ para: group.para, text: joinLines(group.lines) }))
    .filter((p) => p.text !== '');
}

function isNoteLabel(line: string): boolean {
  return NOTE_LABEL.test(line);
}

/** The paragraphs of a Beschluss and its Protokollnotizen, each note labelled exactly as printed. */
export function splitDecisionBody(lines: readonly string[]): DecisionBody {
  const firstNote = lines.findIndex(isNoteLabel);
  const paragraphLines = firstNote < 0 ? lines : lines.slice(0, firstNote);
  const notes: Note[] = [];
  let current: { by: string; lines: string[] } | undefined;
  const flush = () => {
    const text = current ? joinLines(current.lines) : '';
    if (current && text !== '') notes.push({ by: current.by, text });
  };
  for (const line of firstNote < 0 ? [] : lines.slice(firstNote)) {
    const label = NOTE_LABEL.exec(line);
    if (label) {
      flush();
      current = { by: (label[1] ?? '').trim(), lines: [label[2] ?? ''] };
    } else {
      current?.lines.push(line);
    }
  }
  flush();
  return { paragraphs: splitParagraphs(paragraphLines), notes };
}
