// Guards the evaluation sets against leaking into the product: no eval question may be quoted in code or data.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVAL_DIR, PROJECT_ROOT } from '../paths.ts';
import { normalizeText } from './normalize-text.ts';
import { readQaSet } from './qa-set.ts';

/**
 * Shorter questions ("Warntag", "TOP 9") are words of the corpus or bare references that code may name for reasons
 * of its own; from 20 characters on a match is a quoted question.
 */
const MIN_QUESTION_CHARS = 20;
/** Everything the product is made of, apart from eval/ itself. */
const SCANNED = ['src', 'web', 'bench', 'scripts', 'prompts', 'data', 'README.md'];
const TEXT_FILE = /\.(?:ts|js|mjs|cjs|json|jsonl|md|html|css|txt|tsv|yaml|yml)$/u;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/** A file that quotes a question, named by its id (so that this file quotes none). */
interface Quote {
  file: string;
  id: string;
}

interface Question {
  id: string;
  text: string;
}

/** The questions the text quotes, compared as the eval compares text (case, whitespace, quotes, dashes). */
function quotedQuestions<T extends Pick<Question, 'text'>>(text: string, questions: readonly T[]): T[] {
  const haystack = normalizeText(text);
  return questions.filter((question) => haystack.includes(normalizeText(question.text)));
}

async function filesUnder(relative: string): Promise<string[]> {
  const absolute = path.join(PROJECT_ROOT, relative);
  if (TEXT_FILE.test(relative)) return [relative];
  const entries = await readdir(absolute, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        files.push(...(await filesUnder(child)));
    } else if (TEXT_FILE.test(entry.name)) {
      files.push(child);
    }
  }
  return files;
}

describe('quotedQuestions', () => {
  it('finds a question regardless of case, line breaks and typographic quotes', () => {
    const questions = [{ text: 'Welche Fristen nennt der „Warntag“-Beschluss?' }];
    const text = `// e.g. "welche Fristen nennt\n   der "Warntag"-Beschluss?"`;
    expect(quotedQuestions(text, questions)).toEqual(questions);
  });

  it('does not find a question the text only shares words with', () => {
    const questions = [{ text: 'Welche Fristen nennt der Warntag-Beschluss?' }];
    expect(quotedQuestions('Welche Fristen nennt der Beschluss?', questions)).toEqual([]);
  });
});

describe('the product quotes no evaluation question', () => {
  let questions: Question[];
  let quotes: Quote[];

  beforeAll(async () => {
    const sets = await Promise.all(
      ['dev.jsonl', 'heldout.jsonl'].map((file) => readQaSet(path.join(EVAL_DIR, file))),
    );
    // A follow-up's earlier user turns are part of what the set asks, so they count as questions too.
    questions = sets
      .flat()
      .flatMap((entry) => [
        { id: entry.id, text: entry.question },
        ...(entry.history ?? [])
          .filter((turn) => turn.role === 'user')
          .map((turn) => ({ id: `${entry.id} (history)`, text: turn.content })),
      ])
      .filter((question) => question.text.trim().length >= MIN_QUESTION_CHARS);
    const files = (await Promise.all(SCANNED.map(filesUnder))).flat();
    quotes = [];
    for (const file of files) {
      const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
      for (const question of quotedQuestions(text, questions)) quotes.push({ file, id: question.id });
    }
  }, 60_000);

  it('reads the questions of both sets', () => {
    expect(questions.length).toBeGreaterThan(150);
  });

  it('finds none of them in src, web, bench, scripts, prompts, data or README.md', () => {
    expect(quotes).toEqual([]);
  });
});
