// Paths of the files the project ships (corpus, thesaurus, lexicon) and its default index folder.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA_DIR = path.join(PROJECT_ROOT, 'data');
export const DEFAULT_CORPUS_DIR = path.join(DATA_DIR, 'corpus');
export const DEFAULT_INDEX_DIR = path.join(PROJECT_ROOT, 'index');
export const PROMPTS_DIR = path.join(PROJECT_ROOT, 'prompts');
export const WEB_DIR = path.join(PROJECT_ROOT, 'web');
export const EVAL_DIR = path.join(PROJECT_ROOT, 'eval');
