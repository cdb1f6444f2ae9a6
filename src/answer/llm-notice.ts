// The notice of an LLM answer: which citations verification repaired or removed and which statements it dropped,
// or why the extractive answer stands in for the LLM's — in the question's language.
import { formatMarker } from '../citation/index.ts';
import type { Language } from './question.ts';
import type { CitationProblem, VerifiedStatement } from './verify.ts';

const PROBLEM_TEXT: Record<Language, Record<CitationProblem, string>> = {
  de: {
    unknown: 'gibt es nicht',
    'not-retrieved': 'nicht unter den Quellen',
    unsupported: 'belegt die Aussage nicht',
  },
  en: {
    unknown: 'does not exist',
    'not-retrieved': 'not among the sources',
    unsupported: 'does not support the statement',
  },
};

/** What verification changed, or undefined when every statement stood as written. */
export function verificationNotice(
  statements: readonly VerifiedStatement[],
  language: Language,
  options: { withMeeting: boolean },
): string | undefined {
  const english = language === 'en';
  const corrected: string[] = [];
  const removed: string[] = [];
  let dropped = 0;
  for (const statement of statements) {
    if (statement.outcome === 'dropped') {
      dropped++;
      continue;
    }
    if (statement.outcome !== 'repaired') continue;
    const failed = statement.failed.map(
      (citation) => `[${citation.written}] (${PROBLEM_TEXT[language][citation.problem]})`,
    );
    if (statement.replacement) {
      const replacement = formatMarker(statement.replacement, options);
      corrected.push(`${failed.join(', ') || '?'} → ${replacement}`);
    } else {
      removed.push(...failed);
    }
  }
  const parts: string[] = [];
  if (corrected.length > 0) {
    parts.push(
      english
        ? `${count(corrected.length, 'citation', 'citations')} corrected: ${corrected.join('; ')}`
        : `${count(corrected.length, 'Quellenangabe', 'Quellenangaben')} korrigiert: ${corrected.join('; ')}`,
    );
  }
  if (removed.length > 0) {
    parts.push(
      english
        ? `${count(removed.length, 'citation', 'citations')} removed: ${removed.join('; ')}`
        : `${count(removed.length, 'Quellenangabe', 'Quellenangaben')} entfernt: ${removed.join('; ')}`,
    );
  }
  if (dropped > 0) {
    parts.push(
      english
        ? `${count(dropped, 'statement', 'statements')} without a supporting source left out`
        : `${count(dropped, 'Aussage', 'Aussagen')} ohne tragfähige Quelle weggelassen`,
    );
  }
  if (parts.length === 0) return undefined;
  return `${english ? 'Citation check' : 'Quellenprüfung'}: ${parts.join('. ')}.`;
}

/** The notice of an extractive answer that replaces the LLM's, with the reason. */
export function fallbackNotice(reason: string, language: Language): string {
  return language === 'en'
    ? `${reason}; the answer quotes the resolutions directly instead.`
    : `${reason}; die Antwort zitiert stattdessen die Beschlüsse direkt.`;
}

/** Why nothing of the LLM's answer could be used. */
export function nothingVerifiedReason(dropped: number, language: Language): string {
  return language === 'en'
    ? `No statement of the LLM could be verified against the sources (${count(dropped, 'statement', 'statements')} left out)`
    : `Keine Aussage des LLM ließ sich mit den Quellen belegen (${count(dropped, 'Aussage', 'Aussagen')} weggelassen)`;
}

/** The notice of an LLM answer cut short by a fault after some of it was shown. */
export function incompleteNotice(reason: string, language: Language): string {
  return language === 'en'
    ? `${reason}; the answer is incomplete.`
    : `${reason}; die Antwort ist unvollständig.`;
}

function count(number: number, singular: string, plural: string): string {
  return `${number} ${number === 1 ? singular : plural}`;
}
