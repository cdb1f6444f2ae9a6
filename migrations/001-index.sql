-- The shared index: versions, the one active version, and per version its units, chunks, vectors, sentence vectors
-- and lexical postings. Rows of a version never change once it is ready; a new build writes a new version.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE index_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- building: being written (a crashed build stays here until the next start removes it); ready: complete;
  -- retired: was active before the current one (kept for replicas still switching over)
  state text NOT NULL CHECK (state IN ('building', 'ready', 'retired')),
  builder text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  -- the index manifest without units and chunks (embedder, corpus hash, collections, settings, builtAt)
  description jsonb,
  -- the lexical index without its postings: analyzer version, lexicon, vocabulary, BM25 parameters and fields
  lexical jsonb
);

-- Exactly one row: which version every server serves. Switched in one transaction with NOTIFY beschluss_index.
CREATE TABLE index_active (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL REFERENCES index_versions (id),
  switched_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE index_units (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  unit jsonb NOT NULL,
  PRIMARY KEY (version, ordinal)
);

CREATE TABLE index_chunks (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  label integer NOT NULL,
  id text NOT NULL,
  unit_id text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  content_hash text NOT NULL,
  PRIMARY KEY (version, label)
);

-- Chunk vectors, L2-normalised (so inner product is cosine). Each ready version gets its own partial HNSW index
-- over (embedding::vector(<dimensions>)) WHERE version = <id>, made when the version is sealed.
CREATE TABLE index_vectors (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  label bigint NOT NULL,
  embedding vector NOT NULL,
  PRIMARY KEY (version, label)
);

-- One int8 vector per sentence (values * scale ~ the float vector), as the embedded sentences.i8 file holds them.
CREATE TABLE index_sentences (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  unit_ordinal integer NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  scale real NOT NULL,
  vector bytea NOT NULL,
  PRIMARY KEY (version, row_number)
);

-- BM25+ over the project's own German analysis: documents with their field lengths, terms with the documents that
-- hold them per field, and one posting per term, field and document (with the field's length, so scoring a posting
-- needs no look-up of its document).
CREATE TABLE index_documents (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  unit_id text NOT NULL,
  field_lengths integer[] NOT NULL,
  PRIMARY KEY (version, ordinal)
);

CREATE TABLE index_terms (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  term text NOT NULL,
  document_frequency integer NOT NULL,
  field_documents integer[] NOT NULL,
  PRIMARY KEY (version, term)
);

CREATE TABLE index_postings (
  version bigint NOT NULL REFERENCES index_versions (id) ON DELETE CASCADE,
  term text NOT NULL,
  field smallint NOT NULL,
  document integer NOT NULL,
  frequency integer NOT NULL,
  length integer NOT NULL
);
CREATE INDEX index_postings_term ON index_postings (version, term);
