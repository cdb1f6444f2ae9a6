// Renders selected evidence as answer text: statements grouped by item, each followed by its citation marker;
// German framing for German questions, English framing with German quotes for English ones.
import { formatMarker, meetingLabel } from '../citation/index.ts';
import { type Source, toSource, type Unit, unitId } from '../model.ts';
import type { Language } from './question.ts';
import { ABSTAIN_DE, ABSTAIN_EN, type Answer, type Statement } from './types.ts';

export interface Evidence {
  unit: Unit;
  /** The quoted text: a sentence of the unit, or the whole unit. */
  text: string;
  score: number;
}

export interface RenderOptions {
  language: Language;
  /** Name the meeting in markers and headings (several meetings loaded). */
  withMeeting: boolean;
}

const INTRO_EN = 'According to the resolutions (quoted in the original German):';

export function itemHeading(unit: Unit, withMeeting: boolean): string {
  const meeting = withMeeting ? `${meetingLabel(unit)}, ` : '';
  return `${meeting}TOP ${unit.top} – ${unit.title}`;
}

/** Statements grouped by item (items in the order of their best evidence, units in document order). */
export function renderAnswer(
  evidence: readonly Evidence[],
  sources: readonly Source[],
  options: RenderOptions,
): Answer {
  const groups = new Map<string, Evidence[]>();
  for (const entry of evidence) {
    const key = `${entry.unit.meeting}/${entry.unit.top}`;
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  const lines: string[] = [];
  const statements: Statement[] = [];
  if (options.language === 'en') lines.push(INTRO_EN, '');
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
    lines.push(itemHeading(first.unit, options.withMeeting));
    for (const entry of group) {
      const quoted = options.language === 'en' ? `"${entry.text}"` : entry.text;
      const label = entry.unit.kind === 'note' ? `${entry.unit.para}: ` : '';
      const text = `${label}${quoted} ${formatMarker(entry.unit, { withMeeting: options.withMeeting })}`;
      statements.push({
        text,
        citations: [{ meeting: entry.unit.meeting, top: entry.unit.top, para: entry.unit.para }],
      });
      lines.push(`- ${text}`);
    }
  }
  return {
    answer: lines.join('\n'),
    statements,
    sources: [...sources],
    abstained: false,
    mode: 'extractive',
    language: options.language,
  };
}

export interface AbstainOptions {
  language: Language;
  withMeeting: boolean;
  /** Closest items, shown as hints that do not answer. */
  hints: ReadonlyArray<{ unit: Unit; score: number }>;
  /** A more specific reason, e.g. "TOP 46 has no Ziffer 12" (in the question's language). */
  reason?: string;
}

export function renderAbstention(options: AbstainOptions): Answer {
  const lines = [options.language === 'en' ? ABSTAIN_EN : ABSTAIN_DE];
  if (options.reason) lines.push(options.reason);
  const seenItems = new Set<string>();
  const hintLines: string[] = [];
  for (const hint of options.hints) {
    const key = `${hint.unit.meeting}/${hint.unit.top}`;
    if (seenItems.has(key)) continue;
    seenItems.add(key);
    hintLines.push(`- ${itemHeading(hint.unit, options.withMeeting)}`);
  }
  if (hintLines.length > 0) {
    lines.push(
      '',
      options.language === 'en'
        ? 'Closest items (they do not answer the question):'
        : 'Am nächsten kommen diese Beschlüsse (sie beantworten die Frage nicht):',
      ...hintLines,
    );
  }
  return {
    answer: lines.join('\n'),
    statements: [],
    sources: options.hints.map((hint) => toSource(hint.unit, round(hint.score))),
    abstained: true,
    mode: 'extractive',
    language: options.language,
  };
}

export function sourcesOf(entries: ReadonlyArray<{ unit: Unit; score: number }>): Source[] {
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const entry of entries) {
    const id = unitId(entry.unit);
    if (seen.has(id)) continue;
    seen.add(id);
    sources.push(toSource(entry.unit, round(entry.score)));
  }
  return sources;
}

function round(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}
