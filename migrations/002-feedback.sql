-- Staff feedback on answers, from every server in one place (the embedded default is <INDEX_DIR>/feedback.jsonl).
CREATE TABLE feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX feedback_at ON feedback (at);
