// Test fixture shared by the LLM answerer tests: one question about TOP 4 and two statements a model may write.
import type { AskRequest } from '../../answer/types.ts';

/** Short, so timeout tests stay fast. */
export const TIMEOUT_MS = 300;
export const QUESTION: AskRequest = {
  question: 'Welcher Arbeitskreis erarbeitet den Mustererlass zu Reichsflaggen, und mit welcher Frist?',
};
/** Supported by TOP 4 Ziff. 2. */
export const MANDATE =
  'Der AK I soll im Benehmen mit dem AK II bis spätestens Ende März 2021 einen Mustererlass zum Umgang mit dem öffentlichen Zeigen von Reichsflaggen entwickeln';
/** Supported by TOP 4 Ziff. 3. */
export const BAN =
  'Das BMI und das BMJV sollen ein gesetzliches Verbot des provokativen Zeigens von Reichsflaggen prüfen';
