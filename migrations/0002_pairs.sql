-- Relsim class server, schema version 2: pairs for exercises both sides play.
-- A pair's closed moments are public to both its sides; the open moment's choices are each
-- side's own until both have decided (or the round timer closes the moment).

ALTER TABLE classes ADD COLUMN round_seconds INTEGER NOT NULL DEFAULT 0;  -- 0: no round timer

CREATE TABLE pairs (
    id             INTEGER PRIMARY KEY,
    class_id       TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    client         INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    supplier       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    decisions_json TEXT NOT NULL DEFAULT '[]',   -- the closed moments (PairDecision list)
    week           INTEGER NOT NULL DEFAULT 0,    -- the week both see (the open moment's)
    client_choice  TEXT,                          -- the open moment's choices
    supplier_choice TEXT,
    opened_ms      INTEGER NOT NULL DEFAULT 0,    -- when the open moment opened
    finished       INTEGER NOT NULL DEFAULT 0,
    client_score   REAL,
    supplier_score REAL,
    joint_value    REAL
) STRICT;

CREATE INDEX pairs_by_class ON pairs(class_id);
CREATE INDEX pairs_open ON pairs(finished, opened_ms);
