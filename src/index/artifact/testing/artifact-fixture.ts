// Test fixture for the index artifact: small meetings, a recording fake embedder, and an indexer-like input builder.
import type { Embedder, EmbedOptions } from '../../../embed/types.ts';
import { embedAll, embedderId } from '../../../embed/types.ts';
import { type Chunk, type Meeting, unitsOf } from '../../../model.ts';
import { planEmbeddings } from '../embedding-plan.ts';
import { hashContent } from '../hash.ts';
import type { IndexArtifact } from '../index-artifact.ts';
import { quantize } from '../sentence-vectors.ts';
import type { IndexArtifactInput } from '../write-index-artifact.ts';

export interface FixtureCollection {
  file: string;
  /** The file's content, hashed as the collection's content hash. */
  content: string;
  meeting: Meeting;
}

export function fixtureCollection(id: string, date: string, items: Meeting['items']): FixtureCollection {
  const meeting: Meeting = { id, date, title: `Sammlung ${id}`, items };
  return { file: `${id}.txt`, content: JSON.stringify(meeting), meeting };
}

export function imkCollections(): FixtureCollection[] {
  return [
    fixtureCollection('imk-2020-12-10', '2020-12-10', [
      {
        top: '46',
        title: 'Abschiebungshaft',
        paragraphs: [
          { para: '1', text: 'Die IMK nimmt den Bericht zur Abschiebungshaft zur Kenntnis.' },
          {
            para: '2',
            text:
              'Sie bittet den Bund, die Kapazitäten der Abschiebungshafteinrichtungen zu erweitern und die Länder ' +
              'bei der Unterbringung ausreisepflichtiger Personen zu unterstützen.',
          },
        ],
        notes: [{ by: 'SN', text: 'Sachsen hält eine Erweiterung für nicht erforderlich.' }],
      },
      {
        top: '6/7',
        title: 'Katastrophenschutz',
        paragraphs: [{ para: '1', text: 'Die IMK beschließt die Stärkung des Bevölkerungsschutzes.' }],
        notes: [],
      },
    ]),
    fixtureCollection('imk-2021-06-18', '2021-06-18', [
      {
        top: '9',
        title: 'Polizeiliche Kriminalstatistik',
        paragraphs: [
          { para: '1', text: 'Die IMK nimmt die Polizeiliche Kriminalstatistik 2020 zur Kenntnis.' },
        ],
        notes: [],
      },
    ]),
  ];
}

/** One chunk per unit; a unit longer than `window` characters becomes two chunks split at a space. */
export function chunksOfUnits(collections: FixtureCollection[], window = 100): Chunk[] {
  const chunks: Chunk[] = [];
  for (const unit of collections.flatMap((collection) => unitsOf(collection.meeting))) {
    const cut = unit.text.length > window ? unit.text.indexOf(' ', Math.floor(unit.text.length / 2)) : -1;
    const spans: Array<[number, number]> =
      cut > 0
        ? [
            [0, cut],
            [cut, unit.text.length],
          ]
        : [[0, unit.text.length]];
    spans.forEach(([start, end], position) => {
      chunks.push({
        id: `${unit.id}#${position}`,
        unitId: unit.id,
        text: unit.text.slice(start, end),
        start,
        end,
      });
    });
  }
  return chunks;
}

export interface RecordingEmbedder extends Embedder {
  /** Every value passed to doEmbed, in order. */
  readonly embedded: string[];
}

/** Deterministic vectors derived from the text's sha256, so equal texts get equal vectors. */
export function createRecordingEmbedder(
  options: { dimensions?: number; modelId?: string } = {},
): RecordingEmbedder {
  const { dimensions = 16, modelId = 'fixture-model' } = options;
  const embedded: string[] = [];
  return {
    provider: 'fixture',
    modelId,
    dimensions,
    maxEmbeddingsPerCall: 4,
    embedded,
    async doEmbed({ values }: EmbedOptions) {
      embedded.push(...values);
      return { embeddings: values.map((value) => vectorOf(value, dimensions)) };
    },
  };
}

function vectorOf(text: string, dimensions: number): number[] {
  const vector: number[] = [];
  for (let component = 0; vector.length < dimensions; component++) {
    const digest = Buffer.from(hashContent(`${component}:${text}`), 'hex');
    for (let byte = 0; byte < digest.length && vector.length < dimensions; byte++) {
      vector.push((digest[byte] as number) - 127.5);
    }
  }
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/** The artifact input with mutable parts, so tests can damage it. */
export interface FixtureInput extends IndexArtifactInput {
  chunks: Array<Chunk & { contentHash: string }>;
  vectors: Map<string, ArrayLike<number>>;
}

/** What the indexer does: chunk, reuse vectors of unchanged chunks from the previous index, embed the rest. */
export async function buildArtifactInput(
  collections: FixtureCollection[],
  embedder: Embedder,
  previous?: IndexArtifact,
): Promise<FixtureInput> {
  const units = collections.flatMap((collection) => unitsOf(collection.meeting));
  const chunks = chunksOfUnits(collections).map((chunk) => ({
    ...chunk,
    contentHash: hashContent(chunk.text),
  }));
  const stored = previous ? await previous.loadStoredVectors() : undefined;
  const plan = planEmbeddings(chunks, { stored, embedderId: embedderId(embedder) });
  const fresh = await embedAll(
    embedder,
    plan.toEmbed.map((chunk) => chunk.text),
    'passage',
  );
  const vectors = new Map<string, ArrayLike<number>>(plan.reused);
  plan.toEmbed.forEach((chunk, position) => {
    vectors.set(chunk.id, fresh[position] as number[]);
  });
  return {
    embedder,
    collections: collections.map((collection) => ({
      file: collection.file,
      meetingId: collection.meeting.id,
      meeting: { id: collection.meeting.id, date: collection.meeting.date, title: collection.meeting.title },
      contentHash: hashContent(collection.content),
      unitIds: unitsOf(collection.meeting).map((unit) => unit.id),
    })),
    units,
    chunks,
    vectors,
    lexical: new TextEncoder().encode(
      JSON.stringify({ documentIds: units.map((unit) => unit.id), note: 'opaque to the artifact' }),
    ),
    // One "sentence" per unit, its whole text, with its first chunk's vector: enough to exercise the sentences file.
    sentences: units.map((unit) => ({
      unitId: unit.id,
      start: 0,
      end: unit.text.length,
      vector: quantize(vectors.get(`${unit.id}#0`) ?? []),
    })),
    chunking: { unit: 'characters', chunkSize: 100, chunkOverlap: 0 },
  };
}
