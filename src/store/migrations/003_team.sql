-- Team spaces: a workspace shared with a team through a PostgreSQL server.

-- Rows numbered locally (check-ins, measurements, pivots, history) get an id that is the
-- same on every member's copy; filled when the workspace is shared or the row is made.
ALTER TABLE checkins ADD COLUMN uid TEXT;
ALTER TABLE measurements ADD COLUMN uid TEXT;
ALTER TABLE pivots ADD COLUMN uid TEXT;
ALTER TABLE revisions ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX checkins_uid ON checkins (uid);
CREATE UNIQUE INDEX measurements_uid ON measurements (uid);
CREATE UNIQUE INDEX pivots_uid ON pivots (uid);
CREATE UNIQUE INDEX revisions_uid ON revisions (uid);
-- Who made a change in a shared workspace: the server role that pushed it (NULL: this copy, not yet shared).
ALTER TABLE revisions ADD COLUMN author TEXT;

-- The space this workspace is a member replica of (none: not shared).
CREATE TABLE team_link (
    singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
    server        TEXT NOT NULL,    -- a postgresql:// URL without a password
    space         TEXT NOT NULL,
    space_id      INTEGER NOT NULL,
    role          TEXT NOT NULL,
    replica       TEXT NOT NULL,    -- this copy's id: prefixes its change ids
    pulled_seq    INTEGER NOT NULL, -- the server's changes up to here are applied
    clock         TEXT NOT NULL,    -- the last hybrid logical clock reading issued or seen
    last_sync     TEXT,
    offline_since TEXT,
    last_error    TEXT
);

-- Changes made here and not yet acknowledged by the server, in the order they were made.
CREATE TABLE team_pending (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    grp    TEXT,                   -- the write transaction it belongs to
    clock  TEXT,                   -- stamped when its transaction commits
    tbl    TEXT NOT NULL,
    rid    TEXT NOT NULL,
    op     TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT,                   -- JSON object of the values set (insert, update)
    before TEXT                    -- JSON object of the values replaced (update, delete)
);
-- The current transaction's changes, found without reading the whole queue.
CREATE INDEX team_pending_unstamped ON team_pending (seq) WHERE clock IS NULL;

-- Last writer wins per field: the stamp ("clock|author") of each field's current value
-- ('*': the whole row, from its insertion).
CREATE TABLE team_clock (
    tbl   TEXT NOT NULL,
    rid   TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    PRIMARY KEY (tbl, rid, field)
) WITHOUT ROWID;

CREATE TABLE team_tombstones (
    tbl   TEXT NOT NULL,
    rid   TEXT NOT NULL,
    stamp TEXT NOT NULL,
    PRIMARY KEY (tbl, rid)
) WITHOUT ROWID;

-- The space's changes as applied here, in the server's order, with their authors: who
-- changed what, including values a later edit replaced.
CREATE TABLE team_log (
    seq    INTEGER PRIMARY KEY,    -- the server's
    author TEXT NOT NULL,
    clock  TEXT NOT NULL,
    tbl    TEXT NOT NULL,
    rid    TEXT NOT NULL,
    op     TEXT NOT NULL,
    fields TEXT
);

-- Edits set aside because, merged with the team's, they would break a rule.
CREATE TABLE team_conflicts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    grp     TEXT NOT NULL,
    author  TEXT NOT NULL,
    clock   TEXT NOT NULL,
    summary TEXT NOT NULL,
    reason  TEXT NOT NULL,
    changes TEXT NOT NULL          -- JSON array of the edit's changes, to re-apply
);
