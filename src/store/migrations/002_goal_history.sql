-- Goal history: a revision can carry the reason of a deliberate adjustment, and
-- strategy pivots are recorded with their kind.

ALTER TABLE revisions ADD COLUMN reason TEXT;

CREATE TABLE pivots (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('customer','problem','solution','technology','business_model','channel')),
    description TEXT NOT NULL CHECK (length(trim(description)) > 0)
);
