// Types of lookup.js.
export function withoutSuggestions(message: string, suggestions: string[]): string;
export function createLookup(options: Record<string, unknown>): { lookUp(ref: string): Promise<void> };
