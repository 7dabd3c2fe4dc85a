-- Scheduled digests: one setting per server, and one row per digest posted.
CREATE TABLE digest_settings (
    guild_id      INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL,
    time          TEXT NOT NULL,           -- HH:MM, local to timezone
    timezone      TEXT NOT NULL,           -- IANA name
    frequency     TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    weekday       INTEGER CHECK (weekday BETWEEN 0 AND 6),  -- Monday = 0; weekly only
    enabled       INTEGER NOT NULL DEFAULT 1,
    empty_post    INTEGER NOT NULL DEFAULT 1,  -- post "No new articles since ..." when nothing is new
    paused_reason TEXT,                    -- set when the channel can no longer be posted to
    paused_at     TEXT,
    updated_at    TEXT NOT NULL,           -- UTC ISO; slots before it are never due
    updated_by    TEXT,
    CHECK (frequency = 'daily' OR weekday IS NOT NULL)
);

-- A digest that was sent: scheduled slots are unique per server, so a restart never reposts.
CREATE TABLE digest_runs (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    slot        TEXT NOT NULL,             -- UTC ISO of the scheduled instant (or of a manual post)
    kind        TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    channel_id  INTEGER NOT NULL,
    since       TEXT,                      -- articles added after this (UTC ISO) ...
    until       TEXT NOT NULL,             -- ... and up to this were covered
    articles    INTEGER NOT NULL,
    messages    INTEGER NOT NULL,
    posted_at   TEXT NOT NULL,
    UNIQUE (guild_id, slot)
);
CREATE INDEX digest_runs_latest ON digest_runs(guild_id, until);
