-- Saved conversations of every server in one table (the embedded default is one JSON file each), so any server
-- answers a share link /c/<id>. Times are kept as the ISO 8601 text the store was given.
CREATE TABLE conversations (
  id text PRIMARY KEY,
  title text,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  -- updated_at as a time, for the retention sweep
  changed timestamptz NOT NULL,
  continued_from text,
  turns jsonb NOT NULL
);
CREATE INDEX conversations_changed ON conversations (changed);
