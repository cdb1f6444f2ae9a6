// Behaviour of statement verification on the real corpus: valid citations kept in canonical form, invented, foreign
// and wrong-paragraph citations repaired or removed, unsupported and uncited statements dropped — also while
// streaming, where only verified text comes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealCorpus, type RealCorpus } from '../assistant/testing/real-corpus.ts';
import type { Unit } from '../model.ts';
import { createSupportChecker, DEFAULT_SUPPORT_THRESHOLD } from './support.ts';
import { type VerifyContext, verifyStatement } from './verify.ts';
import { splitSegments } from './verify-split.ts';
import { createVerifiedAnswerBuilder, isAbstention } from './verify-stream.ts';

let corpus: RealCorpus;
let context: VerifyContext;
beforeAll(async () => {
  corpus = await buildRealCorpus();
  const unit = (id: string) => corpus.state.catalog.get(`imk-2020-12-10/${id}`) as Unit;
  context = {
    catalog: corpus.state.catalog,
    support: createSupportChecker({ analyzer: corpus.analyzer, statistics: corpus.state.statistics }),
    // What the retriever gives for a question about the Reichsflaggen decree, plus an unrelated note.
    sources: [unit('4/2'), unit('4/3'), unit('4/1'), unit('38/Protokollnotiz HH'), unit('9/1')],
    threshold: DEFAULT_SUPPORT_THRESHOLD,
    withMeeting: false,
  };
}, 60_000);
afterAll(() => corpus?.dispose());

const MANDATE =
  'Der AK I soll im Benehmen mit dem AK II bis spätestens Ende März 2021 einen Mustererlass zum Umgang mit dem öffentlichen Zeigen von Reichsflaggen entwickeln';
const BAN =
  'Das BMI und das BMJV sollen ein gesetzliches Verbot des provokativen Zeigens von Reichsflaggen prüfen';

function verify(text: string) {
  const [segment] = splitSegments(text, { final: true }).segments;
  if (!segment) throw new Error(`no segment in "${text}"`);
  return verifyStatement(segment, context);
}

const idsOf = (units: readonly Unit[]) => units.map((unit) => unit.id);

describe('verifyStatement', () => {
  it('keeps a statement whose cited paragraph says it', () => {
    const result = verify(`${MANDATE} [TOP 4 Ziff. 2].`);
    expect(result.outcome).toBe('kept');
    if (result.outcome === 'dropped') return;
    expect(result.text).toBe(`${MANDATE} [TOP 4 Ziff. 2].`);
    expect(idsOf(result.units)).toEqual(['imk-2020-12-10/4/2']);
    expect(result.failed).toEqual([]);
  });

  it('writes other citation forms and source numbers as canonical markers', () => {
    for (const written of ['[TOP 4 Ziffer 2]', '(TOP 4 Ziff. 2)', '[1]', '[Quelle 1]']) {
      const result = verify(`${MANDATE} ${written}.`);
      expect(result.outcome, written).toBe('kept');
      expect(result.text, written).toBe(`${MANDATE} [TOP 4 Ziff. 2].`);
    }
  });

  // Each repair replaces the failing citation by the source that supports the statement; where the statement stands
  // on another citation of its own, the failing one is only removed (no replacement).
  it.each([
    [
      'an invented citation',
      `${MANDATE} [TOP 99 Ziff. 1].`,
      `${MANDATE} [TOP 4 Ziff. 2].`,
      'TOP 99 Ziff. 1',
      'unknown',
      'imk-2020-12-10/4/2',
    ],
    [
      'a citation of the wrong paragraph',
      `${BAN} [TOP 4 Ziff. 2].`,
      `${BAN} [TOP 4 Ziff. 3].`,
      'TOP 4 Ziff. 2',
      'unsupported',
      'imk-2020-12-10/4/3',
    ],
    [
      'a whole-item citation of an item with several paragraphs',
      `${BAN} [TOP 4].`,
      `${BAN} [TOP 4 Ziff. 3].`,
      'TOP 4',
      'unknown',
      'imk-2020-12-10/4/3',
    ],
    [
      'a failing citation beside one the statement stands on',
      `${MANDATE} [TOP 4 Ziff. 2] [TOP 99 Ziff. 1].`,
      `${MANDATE} [TOP 4 Ziff. 2].`,
      'TOP 99 Ziff. 1',
      'unknown',
      undefined,
    ],
  ])('repairs %s', (_, statement, repaired, written, problem, replacement) => {
    const result = verify(statement);
    expect(result.outcome).toBe('repaired');
    if (result.outcome === 'dropped') return;
    expect(result.text).toBe(repaired);
    expect(result.failed).toEqual([{ written, problem }]);
    expect(result.replacement?.id).toBe(replacement);
  });

  it('repairs a citation of an existing unit the model was not given', () => {
    const result = verify(`${MANDATE} [TOP 3 Ziff. 3].`);
    expect(result.outcome).toBe('repaired');
    if (result.outcome === 'dropped') return;
    expect(result.failed).toEqual([{ written: 'TOP 3 Ziff. 3', problem: 'not-retrieved' }]);
    expect(idsOf(result.units)).toEqual(['imk-2020-12-10/4/2']);
  });

  it('removes a second citation that adds nothing to the statement', () => {
    const result = verify(`${MANDATE} [TOP 4 Ziff. 2; TOP 4 Ziff. 1].`);
    expect(result.outcome).toBe('repaired');
    if (result.outcome === 'dropped') return;
    expect(result.text).toBe(`${MANDATE} [TOP 4 Ziff. 2].`);
    expect(result.failed).toEqual([{ written: 'TOP 4 Ziff. 1', problem: 'unsupported' }]);
  });

  it('keeps a statement that two cited paragraphs support together', () => {
    const result = verify(
      `${MANDATE}, und ${BAN.charAt(0).toLowerCase()}${BAN.slice(1)} [TOP 4 Ziff. 2; TOP 4 Ziff. 3].`,
    );
    expect(result.outcome).toBe('kept');
    if (result.outcome === 'dropped') return;
    expect(idsOf(result.units)).toEqual(['imk-2020-12-10/4/2', 'imk-2020-12-10/4/3']);
  });

  it('drops a statement no source supports, whatever it cites', () => {
    const result = verify(
      'Die IMK fordert eine Erhöhung der Polizeigehälter um zehn Prozent [TOP 4 Ziff. 2].',
    );
    expect(result).toMatchObject({
      outcome: 'dropped',
      reason: 'unsupported',
      failed: [{ written: 'TOP 4 Ziff. 2', problem: 'unsupported' }],
    });
  });

  it('drops a statement that cites nothing, even when a source would support it', () => {
    expect(verify(`${MANDATE}.`)).toMatchObject({ outcome: 'dropped', reason: 'no-citation', failed: [] });
  });
});

describe('createVerifiedAnswerBuilder', () => {
  it('releases only verified statements, and framing only when a kept statement follows it', async () => {
    const builder = createVerifiedAnswerBuilder(context);
    const text =
      '**TOP 9 – Antisemitismus**\n- Die IMK fordert höhere Gehälter [TOP 9].\n\n' +
      `**TOP 4 – Reichsflaggen**\nDazu gilt:\n- ${MANDATE} [TOP 4 Ziff. 2].\n- Ohne Beleg gilt etwas.\n- ${BAN} [TOP 99].`;
    let shown = '';
    for (const piece of text.match(/[\s\S]{1,5}/g) ?? []) shown += await builder.push(piece);
    shown += await builder.finish();
    expect(shown).toBe(
      `**TOP 4 – Reichsflaggen**\nDazu gilt:\n- ${MANDATE} [TOP 4 Ziff. 2].\n- ${BAN} [TOP 4 Ziff. 3].`,
    );
    expect(builder.text).toBe(shown);
    expect(builder.statements.map((statement) => statement.text)).toEqual([
      `${MANDATE} [TOP 4 Ziff. 2].`,
      `${BAN} [TOP 4 Ziff. 3].`,
    ]);
    expect(builder.statements[1]?.citations).toEqual([{ meeting: 'imk-2020-12-10', top: '4', para: '3' }]);
    expect(builder.report.statements.map((statement) => statement.outcome)).toEqual([
      'dropped',
      'kept',
      'dropped',
      'repaired',
    ]);
  });

  it('shows nothing of a reasoning block and verifies what follows it', async () => {
    const builder = createVerifiedAnswerBuilder(context);
    let shown = await builder.push('<think>Die Quelle [TOP 99] passt. ');
    shown += await builder.push(`Also schreibe ich.</think>\n${MANDATE} [TOP 4 Ziff. 2].`);
    shown += await builder.finish();
    expect(shown).toBe(`${MANDATE} [TOP 4 Ziff. 2].`);
  });

  it('stops at the abstain sentence and shows nothing', async () => {
    const builder = createVerifiedAnswerBuilder(context);
    expect(await builder.push('Dazu enthalten die Beschlüsse keine Aussage. ')).toBe('');
    expect(await builder.push(`Aber ${MANDATE} [TOP 4 Ziff. 2].`)).toBe('');
    expect(await builder.finish()).toBe('');
    expect(builder.abstained).toBe(true);
    expect(builder.statements).toEqual([]);
  });
});

describe('isAbstention', () => {
  it('recognises the abstain sentences in either language, with emphasis or quotes', () => {
    expect(isAbstention('Dazu enthalten die Beschlüsse keine Aussage.')).toBe(true);
    expect(isAbstention('**„Dazu enthalten die Beschlüsse keine Aussage“**')).toBe(true);
    expect(isAbstention('The resolutions say nothing about this.')).toBe(true);
    expect(isAbstention('Dazu enthalten die Beschlüsse keine Aussage über Gehälter.')).toBe(false);
  });
});
