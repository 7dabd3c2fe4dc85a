-- What extraction reads out of each article: people, quotes, meetings.
-- Every derived row belongs to an article and goes with it.
CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,         -- the fullest form seen
    name_key    TEXT NOT NULL UNIQUE,  -- folded, lower-case, honorifics dropped
    surname_key TEXT NOT NULL,
    org         TEXT                   -- country or organisation, where stated
);
CREATE INDEX people_surname ON people(surname_key);

CREATE TABLE person_aliases (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias_key TEXT NOT NULL,
    alias     TEXT NOT NULL,
    PRIMARY KEY (alias_key, person_id)
);
CREATE INDEX person_aliases_person ON person_aliases(person_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,          -- as the article writes it
    title      TEXT,
    org        TEXT,
    PRIMARY KEY (article_id, person_id)
);
CREATE INDEX mentions_person ON mentions(person_id);

CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,
    speaker    TEXT,                   -- resolved full name, or an institution
    text       TEXT NOT NULL,
    paragraph  INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    version    TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_person ON quotes(person_id);

CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'planned')),
    date       TEXT,                   -- YYYY-MM-DD, YYYY-MM, YYYY or A/B
    date_start TEXT,                   -- first day the date can mean
    date_end   TEXT,                   -- last day the date can mean
    place      TEXT,
    paragraph  INTEGER NOT NULL DEFAULT 0,
    version    TEXT NOT NULL
);
CREATE INDEX meetings_article ON meetings(article_id);
CREATE INDEX meetings_dates ON meetings(date_start, date_end);

CREATE TABLE meeting_participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_participants_person ON meeting_participants(person_id);

-- One row per extracted article: which extractor version produced its derived rows.
CREATE TABLE extractions (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version      TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);
CREATE INDEX extractions_version ON extractions(version);
