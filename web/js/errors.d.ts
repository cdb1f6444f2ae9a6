// Types of errors.js.
export interface ErrorDescription {
  title: string;
  message: string;
  serverMessage?: string;
}
export function describeError(error: unknown): ErrorDescription;
export const QUESTION_LIMIT: number;
export function canRetry(error: unknown): boolean;
