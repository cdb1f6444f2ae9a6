import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  conversationIdOf,
  createFileConversationStore,
  createPostgresConversationStore,
} from '../../conversation/index.ts';
import { sampleTurn } from '../../conversation/testing/store-contract.ts';
import { createPostgresFeedbackLog } from '../../server/index.ts';
import { describePostgres, useTestDatabase } from '../../testing/postgres.ts';
import { useTemporaryDirectory } from '../../testing/temporary-directory.ts';
import { runCli } from '../testing/run-cli.ts';
import { createFeedbackCommand } from './feedback.ts';

const temporary = useTemporaryDirectory('beschluss-feedback-export-');
const ID = conversationIdOf('feedback-export-key-0123456789abcdef');

async function prepare(): Promise<{ command: ReturnType<typeof createFeedbackCommand>; file: string }> {
  const indexDir = temporary('index');
  const store = createFileConversationStore({ directory: path.join(indexDir, 'conversations') });
  for (const question of ['Wer berichtet zum Digitalfunk?', 'Bis wann?', 'und wer zahlt?']) {
    await store.append(ID, sampleTurn(question), { maxTurns: 10 });
  }
  const file = path.join(indexDir, 'feedback.jsonl');
  const lines = [
    {
      at: '2026-03-02T10:00:00.000Z',
      rating: 'wrong-citation',
      question: 'und wer zahlt?',
      answer: 'Der Bund trägt die Kosten. [TOP 12 Ziff. 3]',
      citations: [{ meeting: 'imk-2021-06-18', top: '12', para: '3' }],
      comment: 'Gemeint ist "Ziffer 4", nicht 3.',
      mode: 'extractive',
      conversationId: ID,
      turn: 2,
    },
    {
      at: '2026-03-02T11:00:00.000Z',
      rating: 'unhelpful',
      question: '=HYPERLINK("x")',
      answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
      citations: [],
    },
  ];
  await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n{"kaputt\n`);
  return { command: createFeedbackCommand({ environment: { INDEX_DIR: indexDir } }), file };
}

describe('beschluss feedback export', () => {
  it('writes one CSV row per report, with the earlier questions of its conversation and full citations', async () => {
    const { command } = await prepare();
    const run = await runCli(['feedback', 'export'], [command]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'at,rating,question,earlier_questions,answer,citations,comment,mode,conversation_id,turn',
        `2026-03-02T10:00:00.000Z,wrong-citation,und wer zahlt?,Wer berichtet zum Digitalfunk? | Bis wann?,Der Bund trägt die Kosten. [TOP 12 Ziff. 3],"IMK 18.06.2021, TOP 12 Ziff. 3","Gemeint ist ""Ziffer 4"", nicht 3.",extractive,${ID},3`,
        `2026-03-02T11:00:00.000Z,unhelpful,"'=HYPERLINK(""x"")",,Dazu enthalten die Beschlüsse keine Aussage.,,,,,`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toMatch(/skipped 1 line\(s\) of .*feedback\.jsonl that are no feedback entry: 3\n$/u);
  });

  it('writes a file for a German Excel with --out and --excel', async () => {
    const { command, file } = await prepare();
    const out = temporary('feedback.csv');
    const run = await runCli(['feedback', 'export', '--file', file, '--out', out, '--excel'], [command]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`2 report(s) written to ${out}`);
    const csv = await readFile(out, 'utf8');
    expect(csv.startsWith('\uFEFFat;rating;question;earlier_questions;')).toBe(true);
    expect(csv).toContain(';IMK 18.06.2021, TOP 12 Ziff. 3;');
  });

  it('names the folder in one line when --out cannot be written there', async () => {
    const { command, file } = await prepare();
    const blocking = temporary('not-a-folder');
    await writeFile(blocking, 'a file where the folder should be');
    const run = await runCli(
      ['feedback', 'export', '--file', file, '--out', path.join(blocking, 'feedback.csv')],
      [command],
    );
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').at(-2)).toBe(
      'beschluss: Die CSV-Datei wurde nicht gespeichert: der Ordner dafür fehlt. ' +
        `(The CSV file was not saved: its folder is missing.) Ordner/folder: ${blocking}`,
    );
  });

  it('says when there is no feedback yet', async () => {
    const command = createFeedbackCommand({ environment: { INDEX_DIR: temporary('empty') } });
    const run = await runCli(['feedback', 'export'], [command]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^beschluss: No feedback yet: .*empty\/feedback\.jsonl does not exist\.\n$/u);
  });
});

describePostgres('beschluss feedback export with DATABASE_URL', () => {
  const database = useTestDatabase();
  it('exports the feedback of every server from the database, with the earlier questions of its conversation', async () => {
    const conversations = createPostgresConversationStore(database());
    for (const question of ['Wer berichtet zum Digitalfunk?', 'und wer zahlt?']) {
      await conversations.append(ID, sampleTurn(question), { maxTurns: 10 });
    }
    await createPostgresFeedbackLog(database(), { now: () => new Date('2026-03-02T10:00:00.000Z') }).append({
      rating: 'helpful',
      question: 'und wer zahlt?',
      answer: 'Der Bund trägt die Kosten. [TOP 12 Ziff. 3]',
      citations: [{ meeting: 'imk-2021-06-18', top: '12', para: '3' }],
      conversationId: ID,
      turn: 1,
    });
    const command = createFeedbackCommand({
      environment: { DATABASE_URL: database().url, INDEX_DIR: temporary('no-index') },
    });
    const run = await runCli(['feedback', 'export'], [command]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe(
      `2026-03-02T10:00:00.000Z,helpful,und wer zahlt?,Wer berichtet zum Digitalfunk?,Der Bund trägt die Kosten. [TOP 12 Ziff. 3],"IMK 18.06.2021, TOP 12 Ziff. 3",,,${ID},2`,
    );
  });
});
