-- Relsim class server, schema version 1: classes, their participants and verified results.
-- A class's data goes with it (ON DELETE CASCADE): deleting a class deletes everything of it.

CREATE TABLE classes (
    id            TEXT PRIMARY KEY,          -- public id, 16 hex characters
    code          TEXT NOT NULL UNIQUE,      -- join code (CODE_ALPHABET, 6 characters)
    secret        TEXT NOT NULL,             -- the trainer key's secret part
    exercise_json TEXT NOT NULL,             -- the class's own copy of the exercise
    origin        TEXT NOT NULL,             -- the site's address for the join link
    created_at    INTEGER NOT NULL,          -- seconds since 1970
    expires_at    INTEGER NOT NULL,
    closed        INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE participants (
    id         INTEGER PRIMARY KEY,
    class_id   TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    secret     TEXT NOT NULL,                -- the participant key's secret part
    name       TEXT NOT NULL,
    joined_at  INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'joined' CHECK (state IN ('joined', 'playing', 'done')),
    week       INTEGER NOT NULL DEFAULT 0,
    moment     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (class_id, name)
) STRICT;

CREATE TABLE results (
    participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    class_id       TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    score          REAL NOT NULL,            -- computed by the server's replay
    decisions_json TEXT NOT NULL,
    result_json    TEXT,                     -- the whole result file, as the app writes it; filled
                                             -- after the acknowledgement (its luck-or-skill replay
                                             -- takes a while), or at the export
    submitted_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX participants_by_class ON participants(class_id);
CREATE INDEX results_by_class ON results(class_id);
CREATE INDEX classes_by_expiry ON classes(expires_at);
