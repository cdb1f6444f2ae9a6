// The catalog of the real corpus (data/corpus) for the page tests, so items, TOPs and paragraphs are the ones staff see.
import { UnitCatalog } from '../../src/citation/catalog.ts';
import { readCorpusDir } from '../../src/corpus/index.ts';
import { unitsOf } from '../../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';

export async function corpusCatalog(corpusDir: string = DEFAULT_CORPUS_DIR): Promise<UnitCatalog> {
  const { collections, errors } = await readCorpusDir(corpusDir);
  if (errors.length > 0) throw errors[0];
  const meetings = collections.map((collection) => collection.meeting);
  return new UnitCatalog(
    meetings.flatMap((meeting) => unitsOf(meeting)),
    meetings.map(({ items: _items, ...summary }) => summary),
  );
}
