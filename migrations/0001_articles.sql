-- Articles, and a log of who added and deleted what.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    ext_id       TEXT,                 -- the id the source gave it (JSON id, file name)
    title        TEXT NOT NULL,
    date         TEXT NOT NULL,        -- YYYY-MM-DD, the article's own date
    url          TEXT,
    url_key      TEXT,                 -- normalized URL, for duplicate checks
    source       TEXT,
    place        TEXT,
    text         TEXT NOT NULL,        -- paragraphs joined by blank lines
    paragraphs   TEXT NOT NULL,        -- JSON list of paragraphs
    content_hash TEXT NOT NULL UNIQUE, -- sha256 of the normalized text
    added_at     TEXT NOT NULL,        -- UTC ISO timestamp
    added_by     TEXT
);
CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_date ON articles(date DESC, id DESC);
CREATE INDEX articles_added ON articles(added_at);
CREATE INDEX articles_ext_id ON articles(ext_id);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('add', 'delete')),
    article_id INTEGER NOT NULL,       -- kept after the article is deleted
    title      TEXT NOT NULL,
    actor      TEXT,
    at         TEXT NOT NULL
);
CREATE INDEX audit_log_article ON audit_log(article_id);
