// Zod validation failures of requests become BeschlussErrors naming the field (QUESTION_TOO_LONG and
// HISTORY_TOO_LONG get their own codes), thrown so the one onError renders them.
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { LIMITS } from './schemas.ts';

const TARGET_NAMES: Readonly<Record<string, string>> = {
  json: 'request body',
  query: 'query parameter',
  param: 'path parameter',
  header: 'header',
  form: 'form field',
};

type Issue = z.core.$ZodIssue;

/** The error for the first issue of a failed validation of `target` ("json", "query", "param"). */
export function validationError(issues: readonly Issue[], target: string): BeschlussError {
  const [issue] = issues;
  const targetName = TARGET_NAMES[target] ?? target;
  if (!issue) return new BeschlussError('INVALID_REQUEST', `Invalid ${targetName}.`);
  const field = issue.path.map(String).join('.');
  const [root] = issue.path;
  if (root === 'question' && issue.code === 'too_big') {
    return new BeschlussError(
      'QUESTION_TOO_LONG',
      `Expected a question of at most ${LIMITS.questionChars} characters.`,
      { details: { field } },
    );
  }
  if (root === 'history' && issue.code === 'too_big') {
    const message =
      issue.path.length === 1
        ? `Expected at most ${LIMITS.historyMessages} history messages.`
        : `Expected history messages of at most ${LIMITS.historyMessageChars} characters; history.${String(issue.path[1])} is longer.`;
    return new BeschlussError('HISTORY_TOO_LONG', message, { details: { field } });
  }
  const where = field === '' ? targetName : `${targetName} "${field}"`;
  return new BeschlussError('INVALID_REQUEST', `Invalid ${where}: ${issue.message}.`, {
    details: {
      field,
      issues: issues.slice(0, 5).map((each) => ({ path: each.path.map(String), message: each.message })),
    },
  });
}

/** The defaultHook of the OpenAPIHono app. */
export const throwOnInvalid: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (!result.success) throw validationError(result.error.issues, result.target);
  return undefined;
};
