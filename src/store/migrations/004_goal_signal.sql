-- The weekly ritual: items serve key results directly, objectives are committed or
-- aspirational and remember where they were carried over from, and imported items keep
-- the key of the record they came from (so importing the same export again updates them).

ALTER TABLE objectives ADD COLUMN ambition TEXT NOT NULL DEFAULT 'aspirational'
    CHECK (ambition IN ('committed', 'aspirational'));
ALTER TABLE objectives ADD COLUMN carried_from TEXT REFERENCES objectives (id) ON DELETE SET NULL;

ALTER TABLE roadmap_items ADD COLUMN external_key TEXT;
CREATE UNIQUE INDEX roadmap_items_external_key ON roadmap_items (external_key) WHERE external_key IS NOT NULL;

CREATE TABLE roadmap_item_key_results (
    item       TEXT NOT NULL REFERENCES roadmap_items (id) ON DELETE CASCADE,
    key_result TEXT NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (item, key_result)
);
CREATE INDEX roadmap_item_key_results_by_key_result ON roadmap_item_key_results (key_result);
