import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { useTemporaryDirectory } from '../../testing/temporary-directory.ts';
import { runCli } from '../testing/run-cli.ts';

const CORPUS_FILE = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');
const FIXTURE = new URL('../../corpus/fixtures/imk-2021-06-18.txt', import.meta.url).pathname;

const file = useTemporaryDirectory('beschluss-cli-');

describe('beschluss parse --json', () => {
  it('prints the meetings in the contract shape with keys in order', async () => {
    const result = await runCli(['parse', CORPUS_FILE, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['meetings']);
    const [meeting] = json.meetings;
    expect(Object.keys(meeting)).toEqual(['id', 'date', 'title', 'items']);
    expect(meeting.id).toBe('imk-2020-12-10');
    expect(meeting.items).toHaveLength(38);
    const item46 = meeting.items.find((item: { top: string }) => item.top === '46');
    expect(Object.keys(item46)).toEqual(['top', 'title', 'paragraphs', 'notes']);
    expect(Object.keys(item46.paragraphs[0])).toEqual(['para', 'text']);
    expect(item46.paragraphs).toHaveLength(9);
    expect(item46.notes.map((note: { by: string }) => note.by)).toEqual([
      'BY, BW, BB, MV, NW, SL und BMI',
      'SN',
    ]);
    expect(Object.keys(item46.notes[0])).toEqual(['by', 'text']);
  });

  it('includes the meeting number after the date when the document states it', async () => {
    const json = JSON.parse((await runCli(['parse', FIXTURE, CORPUS_FILE, '--json'])).stdout);
    expect(json.meetings.map((meeting: { id: string }) => meeting.id)).toEqual([
      'imk-2021-06-18',
      'imk-2020-12-10',
    ]);
    expect(Object.keys(json.meetings[0])).toEqual(['id', 'date', 'number', 'title', 'items']);
    expect(json.meetings[0].number).toBe(214);
  });

  it('reads every collection of a folder', async () => {
    const json = JSON.parse((await runCli(['parse', DEFAULT_CORPUS_DIR, '--json'])).stdout);
    expect(json.meetings.map((meeting: { id: string }) => meeting.id)).toEqual(['imk-2020-12-10']);
  });
});

describe('beschluss parse (outline)', () => {
  it('prints the meeting line, one line per item and its notes', async () => {
    const result = await runCli(['parse', CORPUS_FILE]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^imk-2020-12-10 {2}2020-12-10 {2}Sammlung der zur Veröffentlichung/);
    expect(lines).toContain(
      '  TOP 6/7   9 paragraphs  Rechtsextremismus in der Polizei in Verbindung mit TOP 7: Resilienz gegen verfassungsfeindliche Tendenzen in der Polizei',
    );
    expect(lines).toContain('  TOP 9     1 paragraph   Lagebild Antisemitismus');
    const top46 = lines.findIndex((line) => line.startsWith('  TOP 46 '));
    expect(lines.slice(top46 + 1, top46 + 3).map((line) => line.trim())).toEqual([
      'Protokollnotiz BY, BW, BB, MV, NW, SL und BMI',
      'Protokollnotiz SN',
    ]);
    expect(lines).toContain('  38 items, 107 citable units');
  });
});

describe('beschluss parse errors', () => {
  it('reports a missing file and returns 1', async () => {
    const missing = file('missing.txt');
    expect(await runCli(['parse', missing, '--json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `beschluss: ${missing}: no such file\n`,
    });
  });

  it('reports every bad file, prints nothing on stdout and returns 1', async () => {
    const empty = file('empty.txt');
    const notes = file('notes.txt');
    await writeFile(empty, '');
    await writeFile(notes, 'Die IMK dankt.\n');
    const result = await runCli(['parse', empty, CORPUS_FILE, notes]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `beschluss: ${empty}: the file is empty (0 bytes); expected a collection of Beschlüsse`,
      expect.stringMatching(new RegExp(`^beschluss: ${notes}: no agenda item found`)),
    ]);
  });

  it('reports the same meeting in two files, naming both', async () => {
    const copy = file('copy.txt');
    await writeFile(copy, await readFile(CORPUS_FILE));
    const result = await runCli(['parse', CORPUS_FILE, copy, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `beschluss: ${copy}: meeting imk-2020-12-10 is already read from ${CORPUS_FILE}`,
    );
  });

  it.each([
    ['for an empty path argument', ['parse', ''], 'a path must not be empty'],
    ['when no file is given', ['parse'], "beschluss: missing required argument 'files'"],
  ])('returns 2 %s', async (_, argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
