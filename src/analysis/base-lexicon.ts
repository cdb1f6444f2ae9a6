// Loads the bundled part of the lexicon once per process: glossary, word list, thesaurus, English, function words.
import path from 'node:path';
import { readBundledFile } from '../bundled-file.ts';
import { DATA_DIR } from '../paths.ts';
import { parseAbbreviations } from './abbreviations.ts';
import { digestOf } from './digest.ts';
import { decodeEnglishLexicon } from './english.ts';
import { bundledFunctionWords } from './function-words.ts';
import { type BaseLexicon, type Lexicon, lexiconOf } from './lexicon.ts';
import { parseThesaurus } from './thesaurus.ts';
import { buildWordList, readGermanDictionary } from './word-list.ts';

export interface BaseLexiconOptions {
  /** Default data/thesaurus/openthesaurus-de.txt. */
  thesaurusFile?: string;
  /** Default data/lexicon/abkuerzungen.tsv. */
  abbreviationsFile?: string;
  /** Default data/lexicon/en-de.tsv.gz. */
  englishLexiconFile?: string;
  /** Words missing from the 2016 dictionary (one a line). Default data/lexicon/zusatzwoerter.txt. */
  extraWordsFile?: string;
}

const wordLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));

/**
 * The bundled lexicon, without corpus acronyms; its id hashes every file read, so that an index built with other data
 * is told apart. Load it once at start-up and pass it (or an analyzer over it) in: it takes about a second.
 */
export async function loadBaseLexicon(options: BaseLexiconOptions = {}): Promise<Lexicon> {
  const {
    thesaurusFile = path.join(DATA_DIR, 'thesaurus', 'openthesaurus-de.txt'),
    abbreviationsFile = path.join(DATA_DIR, 'lexicon', 'abkuerzungen.tsv'),
    englishLexiconFile = path.join(DATA_DIR, 'lexicon', 'en-de.tsv.gz'),
    extraWordsFile = path.join(DATA_DIR, 'lexicon', 'zusatzwoerter.txt'),
  } = options;
  const [englishBytes, glossaryBytes, extraWordsBytes, thesaurusBytes] = await Promise.all([
    readBundledFile(englishLexiconFile, 'the English–German lexicon, made by scripts/build-en-de.ts'),
    readBundledFile(abbreviationsFile, 'the abbreviation glossary'),
    readBundledFile(extraWordsFile, 'the words the dictionary lacks'),
    readBundledFile(thesaurusFile, 'the thesaurus'),
  ]);
  // The English lexicon decompresses on a worker thread while this thread builds the word list.
  const englishDecoding = decodeEnglishLexicon(englishBytes, englishLexiconFile);
  englishDecoding.catch(() => undefined);
  const dictionary = await readGermanDictionary();
  const words = buildWordList(dictionary.source, wordLines(extraWordsBytes.toString('utf8')));
  const thesaurus = parseThesaurus({ text: thesaurusBytes.toString('utf8'), file: thesaurusFile });
  const glossary = parseAbbreviations(glossaryBytes.toString('utf8'), abbreviationsFile);
  const functionWords = bundledFunctionWords();
  const base: BaseLexicon = Object.freeze({
    id: digestOf([
      glossaryBytes,
      extraWordsBytes,
      thesaurusBytes,
      englishBytes,
      ...dictionary.bytes,
      functionWords.digest,
    ]),
    glossary: Object.freeze(glossary),
    words,
    thesaurus,
    english: await englishDecoding,
    functionWords,
  });
  return lexiconOf(base, []);
}
