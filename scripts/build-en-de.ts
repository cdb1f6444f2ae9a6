// Derives data/lexicon/en-de.tsv.gz (English word or short phrase → German words) from the Ding dictionary.
//
// Usage: npx tsx scripts/build-en-de.ts [--source FILE] [--out FILE] [--per-headword N]
//
// Which entries are kept (general vocabulary, nothing tuned to particular questions):
// - only German alternatives of a group that carries a part-of-speech tag ({n} {m} {f} {pl} {adj} {adv} {v…}),
//   i.e. dictionary entries, not example phrases or conjugated forms; Ding tags only the last alternative of a
//   verb or adjective group ("beschließen; befinden; entscheiden {vt}"), so the tag counts for the whole group;
// - English side of at most four words, "to " of verbs, the placeholders sb./sth. and a preposition left at the
//   end removed ("to ask sb. for sth." is "ask"), hyphens read as spaces ("blank-firing gun" is
//   "blank firing gun", as the tokenizer sees it);
// - German side of at most two words, placeholders (jdm., etw.) and a preposition or "sich" left before the
//   verb removed ("mit jdm. übereinstimmen" is "übereinstimmen");
// - dropped: alternatives marked slang, vulgar, pejorative, rare, archaic or dated, humorous, children's speech,
//   regional German (Ös., Schw., Bayr., …) or regional English (Sc., Ir., …); whole lines of the taxonomic
//   domains (bird, animal, plant, fungus names, anatomy, minerals, geology, astronomy), which make up much of
//   Ding but almost never name what a ministerial resolution is about;
// - per English headword the best few German words (default 8), ranked by: the English word's position in its
//   line (the first alternative is the plain translation), the German word's position, single words before
//   phrases, entries without a subject-area tag before tagged ones, colloquial last, pairs that Ding lists in
//   several lines first, and how general the German word is: how many other German headwords of Ding begin or
//   end with it ("Polizei" heads hundreds, "Gendarmerie" a handful; "Frist" many, "Terminzusage" none).
// Nothing is added by hand: a hand-written supplement would drift towards the questions it was written for.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip, gzipSync } from 'node:zlib';
import { DATA_DIR, PROJECT_ROOT } from '../src/paths.ts';

// German regionalisms: dropped like the registers below, unless the entry is marked standard German too.
const GERMAN_REGIONS = new Set([
  'Ös.',
  'Schw.',
  'Bayr.',
  'Süddt.',
  'Norddt.',
  'Mitteldt.',
  'Westdt.',
  'Mittelwestdt.',
  'Ostdt.',
  'BW',
]);
const DROPPED_REGISTERS = new Set([
  'slang',
  'vulg.',
  'pej.',
  'obs.',
  'archaic',
  'veraltet',
  'veraltend',
  'altertümlich',
  'alt',
  'poet.',
  'selten',
  'rare',
  'humor.',
  'dated',
  'Kindersprache',
  'children’s speech',
  'iron.',
  'euphem.',
  'Jägersprache',
  'hunters’ parlance',
  ...GERMAN_REGIONS,
  'Sc.',
  'Ir.',
  'NZ',
  'Austr.',
  'Can.',
  'Sprw.',
  'prov.',
  'tm',
  'former name',
]);
const TAXONOMIC_DOMAINS = new Set([
  'ornith.',
  'zool.',
  'bot.',
  'myc.',
  'biochem.',
  'anat.',
  'min.',
  'geol.',
  'astron.',
]);
const COLLOQUIAL = new Set(['ugs.', 'coll.', 'fig.', 'übtr.']);
// Tags that only say which variety a spelling belongs to, and the subject areas of public administration
// (the application's domain), which rank like untagged entries.
const NEUTRAL_TAGS = new Set([
  'Br.',
  'Am.',
  'eAm.',
  'Dt.',
  'formal',
  'geh.',
  'adm.',
  'pol.',
  'jur.',
  'soc.',
  'econ.',
  'fin.',
  'mil.',
  'envir.',
]);

interface Alternative {
  text: string;
  tags: string[];
  partOfSpeech: boolean;
}

interface Candidate {
  german: string;
  score: number;
}

interface Ranked {
  score: number;
  /** Lines in which the pair occurs: a pair that Ding lists again and again is a core translation. */
  support: number;
}

const MAX_ENGLISH_WORDS = 4;
const MAX_GERMAN_WORDS = 2;
// Weight of log2(1 + headwords that begin or end with the German word) in the rank; 10 bits at most.
const GENERALITY_WEIGHT = 0.3;
const MAX_GENERALITY_BITS = 10;
const MIN_AFFIX_LENGTH = 3;

function parseAlternative(raw: string): Alternative {
  const tags = [...raw.matchAll(/\[([^\]]+)\]/g)].map((match) => (match[1] as string).trim());
  const partOfSpeech = /\{[^}]+\}/.test(raw);
  const text = raw
    .replace(/\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, tags, partOfSpeech };
}

/** The lookup key of an English word or phrase: lower case, hyphens as spaces, at most four words. */
function cleanEnglish(text: string): string | undefined {
  const lower = text
    .toLowerCase()
    .replace(/(?:^|\s)(?:sb|sth)(?:\.|\.'s|\.’s)?(?=\s|$)|(?:^|\s)(?:one's|one’s|oneself)(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:to|the|a|an) /, '')
    .replace(/ (?:on|with|to|about|for|of|in|at|from|into|upon|against|by)$/, '');
  if (/\b(?:sb|sth|something|somebody|someone)\b/.test(lower)) return undefined;
  if (!/^[a-z][a-z' -]*[a-z]$/.test(lower)) return undefined;
  const key = lower.replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (key.split(' ').length > MAX_ENGLISH_WORDS) return undefined;
  return key;
}

const GERMAN_PLACEHOLDER = /(?:^|\s)(?:jd|jdm|jdn|jds|etw|etw\.s)\.?(?=\s|$)/g;
const GERMAN_PREPOSITION = /^(?:sich|mit|auf|über|an|für|in|von|zu|bei|gegen|um|aus|nach|vor) (?=\S+$)/;

function cleanGerman(raw: string): string | undefined {
  const text = raw
    .replace(GERMAN_PLACEHOLDER, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:der|die|das|sich) /, '')
    .replace(GERMAN_PREPOSITION, '');
  if (!/^[\p{L}][\p{L} -]*[\p{L}]$/u.test(text)) return undefined;
  if (text.split(' ').length > MAX_GERMAN_WORDS) return undefined;
  return text;
}

function isDropped(tags: string[]): boolean {
  // "Bundesland [Dt.] [Ös.]" is standard German that Austria shares, not a regionalism.
  const standard = tags.includes('Dt.');
  return tags.some((tag) => DROPPED_REGISTERS.has(tag) && !(standard && GERMAN_REGIONS.has(tag)));
}

function addEntries(line: string, candidates: Map<string, Candidate[]>): void {
  const separator = line.indexOf(' :: ');
  if (separator === -1) return;
  const germanGroups = line.slice(0, separator).split(' | ');
  const englishGroups = line.slice(separator + 4).split(' | ');
  const lineTags = [...line.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] as string);
  if (lineTags.some((tag) => TAXONOMIC_DOMAINS.has(tag))) return;
  // Groups pair up only when both sides have the same number of them.
  const groupCount = germanGroups.length === englishGroups.length ? germanGroups.length : 1;
  for (let group = 0; group < groupCount; group += 1) {
    const germans = (germanGroups[group] ?? '').split(';').map(parseAlternative);
    const englishes = (englishGroups[group] ?? '').split(';').map(parseAlternative);
    if (!germans.some((german) => german.partOfSpeech)) continue;
    germans.forEach((german, germanPosition) => {
      if (isDropped(german.tags)) return;
      const germanText = cleanGerman(german.text);
      if (germanText === undefined) return;
      englishes.forEach((english, englishPosition) => {
        if (isDropped(english.tags)) return;
        const englishText = cleanEnglish(english.text);
        if (englishText === undefined) return;
        const tags = [...german.tags, ...english.tags];
        const subjectArea = tags.some((tag) => !NEUTRAL_TAGS.has(tag) && !COLLOQUIAL.has(tag));
        const colloquial = tags.some((tag) => COLLOQUIAL.has(tag));
        const score =
          englishPosition +
          0.5 * germanPosition +
          0.5 * group +
          (germanText.includes(' ') ? 2 : 0) +
          (subjectArea ? 1.5 : 0) +
          (colloquial ? 2 : 0);
        const list = candidates.get(englishText);
        if (list === undefined) candidates.set(englishText, [{ german: germanText, score }]);
        else list.push({ german: germanText, score });
      });
    });
  }
}

/**
 * How general each candidate German word is: log2(1 + the number of German headwords of Ding that begin or end
 * with it, itself excluded). A word that many compounds are built on is a basic one.
 */
function generalityOf(
  candidates: Map<string, Candidate[]>,
  germanHeadwords: Set<string>,
): Map<string, number> {
  const wanted = new Set<string>();
  for (const list of candidates.values()) {
    for (const candidate of list)
      if (!candidate.german.includes(' ')) wanted.add(candidate.german.toLowerCase());
  }
  const counts = new Map<string, number>();
  for (const headword of germanHeadwords) {
    const seen = new Set<string>();
    for (let length = MIN_AFFIX_LENGTH; length < headword.length; length += 1) {
      for (const affix of [headword.slice(0, length), headword.slice(headword.length - length)]) {
        if (!wanted.has(affix) || seen.has(affix)) continue;
        seen.add(affix);
        counts.set(affix, (counts.get(affix) ?? 0) + 1);
      }
    }
  }
  const generality = new Map<string, number>();
  for (const [word, count] of counts)
    generality.set(word, Math.min(MAX_GENERALITY_BITS, Math.log2(1 + count)));
  return generality;
}

/** German single-word headwords of a line (any alternative with a part-of-speech tag), lower-cased. */
function germanHeadwordsOf(line: string, into: Set<string>): void {
  const separator = line.indexOf(' :: ');
  if (separator === -1) return;
  for (const group of line.slice(0, separator).split(' | ')) {
    const alternatives = group.split(';').map(parseAlternative);
    if (!alternatives.some((alternative) => alternative.partOfSpeech)) continue;
    for (const alternative of alternatives) {
      const text = cleanGerman(alternative.text);
      if (text !== undefined && !text.includes(' ')) into.add(text.toLowerCase());
    }
  }
}

function bestGermans(list: Candidate[], perHeadword: number, generality: Map<string, number>): string[] {
  const best = new Map<string, Ranked>();
  for (const candidate of list) {
    const previous = best.get(candidate.german);
    if (previous === undefined) best.set(candidate.german, { score: candidate.score, support: 1 });
    else
      best.set(candidate.german, {
        score: Math.min(previous.score, candidate.score),
        support: previous.support + 1,
      });
  }
  const rank = (german: string, { score, support }: Ranked) =>
    score - 0.5 * Math.min(support - 1, 3) - GENERALITY_WEIGHT * (generality.get(german.toLowerCase()) ?? 0);
  return [...best.entries()]
    .sort((left, right) => rank(...left) - rank(...right) || left[0].localeCompare(right[0]))
    .slice(0, perHeadword)
    .map(([german]) => german);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: {
        type: 'string',
        default: path.join(PROJECT_ROOT, '..', 'shared', 'data', 'ding-de-en.txt.gz'),
      },
      out: { type: 'string', default: path.join(DATA_DIR, 'lexicon', 'en-de.tsv.gz') },
      'per-headword': { type: 'string', default: '8' },
    },
  });
  const source = values.source as string;
  const out = values.out as string;
  const perHeadword = Number.parseInt(values['per-headword'] as string, 10);
  const candidates = new Map<string, Candidate[]>();
  const germanHeadwords = new Set<string>();
  const lines = createInterface({
    input: createReadStream(source).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let lineCount = 0;
  for await (const line of lines) {
    if (line.startsWith('#') || line.length === 0) continue;
    lineCount += 1;
    addEntries(line, candidates);
    germanHeadwordsOf(line, germanHeadwords);
  }
  const generality = generalityOf(candidates, germanHeadwords);
  const rows = [...candidates.keys()]
    .sort()
    .map(
      (english) =>
        `${english}\t${bestGermans(candidates.get(english) ?? [], perHeadword, generality).join(';')}`,
    );
  const header = [
    '# English → German, derived from the Ding dictionary (GPL-2.0-or-later) by scripts/build-en-de.ts;',
    '# see ding-de-en.NOTICE.',
    '# Columns: English word or phrase (lower case, hyphens as spaces), German translations separated by ";", best first.',
  ];
  const body = gzipSync(`${[...header, ...rows].join('\n')}\n`, { level: 9 });
  await mkdir(path.dirname(out), { recursive: true });
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, body);
  await rename(temporary, out);
  const notice = path.join(path.dirname(out), 'ding-de-en.NOTICE');
  const noticeSource = path.join(path.dirname(source), 'ding-de-en.NOTICE');
  const noticeTemporary = `${notice}.${process.pid}.tmp`;
  const derivation = [
    '',
    'en-de.tsv.gz beside this notice is a derived subset of that dictionary, made by scripts/build-en-de.ts',
    `(${rows.length} English headwords from ${lineCount} entries, at most ${perHeadword} German words each, ranked`,
    'by how general they are): only dictionary entries (groups with a part-of-speech tag), English side up to',
    `${MAX_ENGLISH_WORDS} words, German side up to ${MAX_GERMAN_WORDS} words, without slang, vulgar, rare, archaic, regional and taxonomic`,
    '(animal, plant, anatomy, mineral) entries. It is distributed under the same licence: GNU General Public',
    'License, version 2 or later.',
    '',
  ].join('\n');
  // Written, not copied: the source notice may be read-only, and its mode would come along.
  await writeFile(noticeTemporary, `${(await readFile(noticeSource, 'utf8')).trimEnd()}\n${derivation}`);
  await rename(noticeTemporary, notice);
  process.stderr.write(`wrote ${out}: ${rows.length} headwords, ${body.length} bytes\n`);
}

await main();
