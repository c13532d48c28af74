-- Lodestar workspace schema, version 1: a table with constraints for every entity of
-- the interchange format (docs/WORKSPACE-FORMAT.md). IDs are the writer's strings.
-- Lists keep their order through `position`; records keep theirs through rowid.

CREATE TABLE product (
    singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    vision          TEXT,
    strategy        TEXT,
    lifecycle_stage TEXT CHECK (lifecycle_stage IN ('development','introduction','growth','maturity','decline'))
);
INSERT INTO product (singleton, name) VALUES (1, 'Untitled product');

-- Every change to a tracked field: product name/vision/strategy/stage now,
-- objectives and key results later. Values are stored as text.
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,            -- 'product', 'objective', 'key_result', …
    entity_id  TEXT NOT NULL,            -- '' for the product
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_at TEXT NOT NULL             -- RFC 3339, UTC
);
CREATE INDEX revisions_by_entity ON revisions (entity, entity_id, id);

CREATE TABLE cycles (
    id    TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    start TEXT NOT NULL,
    end   TEXT NOT NULL,
    CHECK (end >= start)
);

CREATE TABLE objectives (
    id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    title       TEXT NOT NULL,
    description TEXT,
    cycle       TEXT REFERENCES cycles (id) ON DELETE RESTRICT,
    parent      TEXT REFERENCES objectives (id) ON DELETE SET NULL,
    category    TEXT CHECK (category IN ('strategy','execution','customer_value','adoption','team_growth')),
    owner       TEXT,
    status      TEXT NOT NULL CHECK (status IN ('draft','active','achieved','missed','dropped')),
    weight      REAL CHECK (weight >= 0),
    CHECK (parent IS NULL OR parent <> id)
);

CREATE TABLE kpis (
    id               TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name             TEXT NOT NULL,
    category         TEXT NOT NULL CHECK (category IN ('acquisition','activation','engagement','retention',
                         'monetization','satisfaction','usage','revenue','cost','quality','delivery')),
    unit             TEXT,
    higher_is_better INTEGER CHECK (higher_is_better IN (0, 1))
);

CREATE TABLE measurements (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    kpi   TEXT NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,
    date  TEXT NOT NULL,
    value REAL NOT NULL
);
CREATE INDEX measurements_by_kpi ON measurements (kpi, date);

CREATE TABLE key_results (
    id        TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    objective TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    title     TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('increase','decrease','at_least','at_most','milestone')),
    unit      TEXT,
    baseline  REAL,
    target    REAL,
    weight    REAL CHECK (weight >= 0),
    kpi       TEXT REFERENCES kpis (id) ON DELETE SET NULL,
    CHECK (kind NOT IN ('increase','decrease') OR baseline IS NULL OR target IS NULL OR target <> baseline)
);
CREATE INDEX key_results_by_objective ON key_results (objective);

CREATE TABLE checkins (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key_result TEXT NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    value      REAL NOT NULL,
    confidence REAL CHECK (confidence BETWEEN 0 AND 1),
    note       TEXT
);
CREATE INDEX checkins_by_key_result ON checkins (key_result, date);

CREATE TABLE lanes (
    id       TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name     TEXT NOT NULL,
    color    TEXT,
    position INTEGER NOT NULL
);

CREATE TABLE roadmap_items (
    id                TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    lane              TEXT NOT NULL REFERENCES lanes (id) ON DELETE RESTRICT,
    title             TEXT NOT NULL,
    start             TEXT,
    end               TEXT,
    kind              TEXT NOT NULL CHECK (kind IN ('feature','discovery','tech_debt','reliability','growth')),
    status            TEXT NOT NULL CHECK (status IN ('idea','planned','in_progress','done','dropped')),
    horizon           TEXT CHECK (horizon IN ('now','next','later')),
    expected_impact   TEXT,
    tradeoff          TEXT,
    rice_reach        REAL,
    rice_impact       REAL,
    rice_confidence   REAL CHECK (rice_confidence BETWEEN 0 AND 1),
    rice_effort       REAL CHECK (rice_effort > 0),
    ice_impact        REAL CHECK (ice_impact BETWEEN 1 AND 10),
    ice_confidence    REAL CHECK (ice_confidence BETWEEN 1 AND 10),
    ice_ease          REAL CHECK (ice_ease BETWEEN 1 AND 10),
    moscow            TEXT CHECK (moscow IN ('must','should','could','wont')),
    urgent            INTEGER CHECK (urgent IN (0, 1)),
    important         INTEGER CHECK (important IN (0, 1)),
    CHECK (start IS NULL OR end IS NULL OR end >= start),
    -- RICE and ICE are stored whole or not at all.
    CHECK ((rice_reach IS NULL) = (rice_impact IS NULL) AND (rice_impact IS NULL) = (rice_confidence IS NULL)
           AND (rice_confidence IS NULL) = (rice_effort IS NULL)),
    CHECK ((ice_impact IS NULL) = (ice_confidence IS NULL) AND (ice_confidence IS NULL) = (ice_ease IS NULL))
);
CREATE INDEX roadmap_items_by_lane ON roadmap_items (lane);

CREATE TABLE roadmap_item_objectives (
    item      TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    objective TEXT NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (item, objective)
);

CREATE TABLE roadmap_item_dependencies (
    item       TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    depends_on TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (item, depends_on),
    CHECK (item <> depends_on)
);

CREATE TABLE milestones (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    objective    TEXT REFERENCES objectives (id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    due          TEXT NOT NULL,
    done_on      TEXT,
    roadmap_item TEXT REFERENCES roadmap_items (id) ON DELETE SET NULL
);

CREATE TABLE key_result_milestones (
    key_result TEXT NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    milestone  TEXT NOT NULL REFERENCES milestones (id) ON DELETE CASCADE,
    PRIMARY KEY (key_result, milestone)
);

CREATE TABLE baselines (
    id       TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name     TEXT NOT NULL,
    saved_on TEXT NOT NULL
);

CREATE TABLE baseline_items (
    baseline TEXT NOT NULL REFERENCES baselines (id) ON DELETE CASCADE,
    item     TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    lane     TEXT NOT NULL,
    start    TEXT NOT NULL,
    end      TEXT NOT NULL,
    PRIMARY KEY (baseline, item),
    CHECK (end >= start)
);

CREATE TABLE themes (
    id   TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL
);

CREATE TABLE feedback (
    id       TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    date     TEXT NOT NULL,
    source   TEXT NOT NULL CHECK (source IN ('interview','support','survey','review','sales','other')),
    customer TEXT,
    text     TEXT NOT NULL
);

CREATE TABLE feedback_themes (
    feedback TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    theme    TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (feedback, theme)
);

CREATE TABLE feedback_items (
    feedback TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    item     TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (feedback, item)
);

CREATE TABLE experiments (
    id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    title           TEXT NOT NULL,
    belief          TEXT,
    measure         TEXT,
    success_signal  TEXT,
    change_our_mind TEXT,
    status          TEXT NOT NULL CHECK (status IN ('planned','running','validated','invalidated')),
    result          TEXT,
    objective       TEXT REFERENCES objectives (id) ON DELETE SET NULL,
    roadmap_item    TEXT REFERENCES roadmap_items (id) ON DELETE SET NULL
);

CREATE TABLE decisions (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    date         TEXT NOT NULL,
    title        TEXT NOT NULL,
    rationale    TEXT,
    alternatives TEXT
);

-- Links from a decision to records of any kind, by id (kind-free, as in the format).
CREATE TABLE decision_links (
    decision TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    target   TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (decision, target)
);
