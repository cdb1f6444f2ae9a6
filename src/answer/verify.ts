// Checks one LLM statement against the sources the model was given: every citation must name an existing unit that
// was retrieved and that supports the statement; a failing citation is removed or repaired, an unsupported
// statement dropped.
import type { UnitCatalog } from '../citation/index.ts';
import { formatMarkers, germanDate, type ParsedCitation } from '../citation/index.ts';
import type { Citation, Unit } from '../model.ts';
import type { SupportChecker } from './support.ts';
import type { FoundMarker, Segment } from './verify-split.ts';

export interface VerifyContext {
  catalog: UnitCatalog;
  support: SupportChecker;
  /** The numbered sources the model was given, in their order. */
  sources: readonly Unit[];
  /** Support score a cited unit must reach (see support.ts). */
  threshold: number;
  /** Name the meeting in the markers (several meetings loaded). */
  withMeeting: boolean;
  /** The meeting the question is restricted to. */
  meeting?: string;
}

/** Why a citation failed: it names no unit, a unit the model was not given, or one that does not say this. */
export type CitationProblem = 'unknown' | 'not-retrieved' | 'unsupported';

export interface FailedCitation {
  /** The citation as written, e.g. "TOP 99 Ziff. 1". */
  written: string;
  problem: CitationProblem;
}

export type VerifiedStatement =
  | {
      /** kept: every citation holds; repaired: failing citations were removed or replaced. */
      outcome: 'kept' | 'repaired';
      /** The statement with its markers in canonical form. */
      text: string;
      units: Unit[];
      /** Citations removed (their statement stands on the others) or replaced (by replacement). */
      failed: FailedCitation[];
      /** The source that replaced the failing citations, when the statement had no valid one. */
      replacement?: Unit;
    }
  | {
      outcome: 'dropped';
      text: string;
      failed: FailedCitation[];
      /** no-citation: the statement cites nothing; otherwise no cited or retrieved source supports it. */
      reason: 'no-citation' | 'unsupported';
    };

/** Support a weak citation must add to the others' to count as carrying part of a statement. */
const CONTRIBUTION_MARGIN = 0.1;

interface CitationCheck {
  written: string;
  /** The TOP the citation names, when it names one. */
  top?: string;
  unit?: Unit;
  problem?: CitationProblem;
  score: number;
}

/** The statement's claim without its markers. */
export function claimOf(segment: Pick<Segment, 'text' | 'markers'>): string {
  let text = segment.text;
  for (const marker of [...segment.markers].reverse()) {
    text = `${text.slice(0, marker.start)}${text.slice(marker.end)}`;
  }
  return text
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function verifyStatement(segment: Segment, context: VerifyContext): VerifiedStatement {
  const { support, sources, threshold } = context;
  if (segment.markers.length === 0) {
    return { outcome: 'dropped', text: segment.text, failed: [], reason: 'no-citation' };
  }
  const claim = claimOf(segment);
  const retrieved = new Set(sources.map((unit) => unit.id));
  const scoreCache = new Map<string, number>();
  const scoreOf = (unit: Unit) => {
    let score = scoreCache.get(unit.id);
    if (score === undefined) {
      score = support.score(claim, unit);
      scoreCache.set(unit.id, score);
    }
    return score;
  };

  const checksByMarker = segment.markers.map((marker) =>
    citationsOf(marker, context).map(({ written, top, unit }): CitationCheck => {
      const named = top === undefined ? {} : { top };
      if (!unit) return { written, ...named, problem: 'unknown', score: 0 };
      if (!retrieved.has(unit.id)) return { written, ...named, unit, problem: 'not-retrieved', score: 0 };
      const score = scoreOf(unit);
      return score >= threshold
        ? { written, ...named, unit, score }
        : { written, ...named, unit, problem: 'unsupported', score };
    }),
  );
  const checks = checksByMarker.flat();
  // "A, and B [TOP 4 Ziff. 2; TOP 4 Ziff. 3]": each unit carries one half. A cited unit below the threshold still
  // counts when the cited units together support the statement and leaving it out would lower that support.
  const weak = checks.filter((check) => check.problem === 'unsupported');
  if (weak.length > 0) {
    const together = (units: readonly Unit[]) => (units.length === 0 ? 0 : scoreOf(mergedUnit(units)));
    const all = uniqueUnits(checks.filter((check) => check.problem !== 'unknown').map((check) => check.unit));
    const cited = all.filter((unit) => retrieved.has(unit.id));
    const whole = together(cited);
    if (cited.length > 1 && whole >= threshold) {
      for (const check of weak) {
        const without = cited.filter((unit) => unit.id !== check.unit?.id);
        if (whole - together(without) >= CONTRIBUTION_MARGIN) delete check.problem;
      }
    }
  }
  const failed = checks
    .filter((check) => check.problem !== undefined)
    .map((check) => ({ written: check.written, problem: check.problem as CitationProblem }));

  if (checks.some((check) => check.problem === undefined)) {
    const markerUnits = checksByMarker.map((markerChecks) =>
      uniqueUnits(markerChecks.filter((check) => check.problem === undefined).map((check) => check.unit)),
    );
    return {
      outcome: failed.length > 0 ? 'repaired' : 'kept',
      text: rewriteMarkers(segment, markerUnits, context.withMeeting),
      units: uniqueUnits(markerUnits.flat()),
      failed,
    };
  }

  const replacement = bestSupportingSource(checks, sources, scoreOf, threshold);
  if (replacement) {
    const markerUnits = segment.markers.map((_, index) => (index === 0 ? [replacement] : []));
    return {
      outcome: 'repaired',
      text: rewriteMarkers(segment, markerUnits, context.withMeeting),
      units: [replacement],
      failed,
      replacement,
    };
  }
  return { outcome: 'dropped', text: segment.text, failed, reason: 'unsupported' };
}

/** The units a marker names; an unknown citation keeps its written form and no unit. */
function citationsOf(
  marker: FoundMarker,
  context: VerifyContext,
): Array<{ written: string; top?: string; unit?: Unit }> {
  const byNumber = marker.sourceNumbers.map((number) => {
    const unit = context.sources[number - 1];
    return unit ? { written: `${number}`, top: unit.top, unit } : { written: `${number}` };
  });
  const byCitation = marker.citations.map((citation) => {
    const unit = resolve(citation, context);
    const written = writtenCitation(citation);
    return unit ? { written, top: citation.top, unit } : { written, top: citation.top };
  });
  return [...byCitation, ...byNumber];
}

/** Resolves a citation; without a meeting in the marker, a retrieved unit wins over the same TOP elsewhere. */
function resolve(citation: ParsedCitation, context: VerifyContext): Unit | undefined {
  const { catalog, sources, meeting } = context;
  const meetings = meeting === undefined ? catalog.meetings.map((candidate) => candidate.id) : [meeting];
  const candidates = meetings
    .map((meetingId) => catalog.resolveCitation(citation, { meeting: meetingId }))
    .filter((unit): unit is Unit => unit !== undefined);
  return candidates.find((unit) => sources.some((source) => source.id === unit.id)) ?? candidates[0];
}

function writtenCitation(citation: ParsedCitation): string {
  const meeting =
    citation.conference && citation.date ? `${citation.conference} ${germanDate(citation.date)}, ` : '';
  if (citation.para === undefined) return `${meeting}TOP ${citation.top}`;
  if (citation.para.startsWith('Protokollnotiz')) return `${meeting}TOP ${citation.top} ${citation.para}`;
  return `${meeting}TOP ${citation.top} Ziff. ${citation.para}`;
}

/**
 * The retrieved source that supports the statement best; a source of an item the model cited comes first (it
 * cited the right item and the wrong paragraph), then the highest support.
 */
function bestSupportingSource(
  checks: readonly CitationCheck[],
  sources: readonly Unit[],
  scoreOf: (unit: Unit) => number,
  threshold: number,
): Unit | undefined {
  const citedTops = new Set(checks.flatMap((check) => (check.top === undefined ? [] : [check.top])));
  const inCitedItem = (unit: Unit) =>
    citedTops.has(unit.top) || unit.top.split('/').some((part) => citedTops.has(part));
  let best: { unit: Unit; score: number; preferred: boolean } | undefined;
  for (const unit of sources) {
    const score = scoreOf(unit);
    if (score < threshold) continue;
    const preferred = inCitedItem(unit);
    if (!best || (preferred && !best.preferred) || (preferred === best.preferred && score > best.score)) {
      best = { unit, score, preferred };
    }
  }
  return best?.unit;
}

/** Each marker rewritten to its valid units in canonical form; a marker left without units is removed. */
function rewriteMarkers(segment: Segment, markerUnits: readonly Unit[][], withMeeting: boolean): string {
  let text = segment.text;
  for (let index = segment.markers.length - 1; index >= 0; index--) {
    const marker = segment.markers[index] as FoundMarker;
    const units = markerUnits[index] ?? [];
    if (units.length > 0) {
      text = `${text.slice(0, marker.start)}${formatMarkers(units, { withMeeting })}${text.slice(marker.end)}`;
    } else {
      const before = text.slice(0, marker.start).replace(/\s+$/, '');
      text = `${before}${text.slice(marker.end)}`;
    }
  }
  return text.trim();
}

/** Several units read as one, to score a statement that cites them together. */
function mergedUnit(units: readonly Unit[]): Unit {
  const first = units[0] as Unit;
  if (units.length === 1) return first;
  return {
    ...first,
    id: units.map((unit) => unit.id).join('+'),
    title: units.map((unit) => unit.title).join(' '),
    text: units.map((unit) => unit.text).join('\n'),
  };
}

function uniqueUnits(units: ReadonlyArray<Unit | undefined>): Unit[] {
  const seen = new Set<string>();
  const result: Unit[] = [];
  for (const unit of units) {
    if (!unit || seen.has(unit.id)) continue;
    seen.add(unit.id);
    result.push(unit);
  }
  return result;
}

export function citationOf(unit: Unit): Citation {
  return { meeting: unit.meeting, top: unit.top, para: unit.para };
}
