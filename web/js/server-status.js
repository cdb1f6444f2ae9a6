// The footer line from GET /api/health: units and meetings loaded, the active embedder (and why it fell back), the
// answer mode and when the index was built.
import { element } from './dom.js';

const GERMAN_NUMBER = new Intl.NumberFormat('de-DE');

function builtAt(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? undefined
    : date.toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Fills `node` from a Health body, or says that the status is unavailable (`failure` from describeError). */
export function renderServerStatus(node, health, failure) {
  if (!health) {
    node.replaceChildren(
      element('span', { className: 'status-dot offline', 'aria-hidden': 'true' }),
      `Serverstatus nicht verfügbar: ${failure?.title ?? 'unbekannter Fehler'}.`,
    );
    return;
  }
  const meetings =
    health.meetings === 1 ? '1 Sitzung' : `${GERMAN_NUMBER.format(health.meetings ?? 0)} Sitzungen`;
  const parts = [
    `${GERMAN_NUMBER.format(health.units)} Abschnitte aus ${meetings}`,
    health.answerer === 'llm' ? 'Antworten: Sprachmodell' : 'Antworten: wörtliche Auszüge',
  ];
  const built = health.indexBuiltAt ? builtAt(health.indexBuiltAt) : undefined;
  if (built) parts.push(`Index vom ${built}`);
  const nodes = [
    element('span', { className: 'status-dot', 'aria-hidden': 'true' }),
    `${parts.join(' · ')} · Embedder: `,
    element('code', { className: 'embedder', text: health.embedder }),
  ];
  if (health.embedderFallback) {
    nodes.push(
      element('span', { className: 'fallback', text: ` (Ersatz, weil: ${health.embedderFallback})` }),
    );
  }
  node.replaceChildren(...nodes);
}
