// Types of resolve-chip.js.
import type { MarkerCitation, UnitAddress } from './citation.js';

export interface ChipTurn {
  answer?: {
    statements?: Array<{ text: string; citations: UnitAddress[] }>;
    sources?: Array<UnitAddress & { text?: string }>;
  };
  sources: Array<{ id: string }>;
}
export function resolveChip(
  turn: ChipTurn,
  chip: { citation: MarkerCitation; quote: string },
): { unit: UnitAddress; quote: string } | undefined;
export function hintItem(
  line: string,
  context: {
    meetings: Array<{ id: string; date: string }>;
    sources?: Array<{ meeting: string; top: string }>;
  },
): { meeting: string; top: string } | undefined;
