"""Digest SQL: per-server settings, the digests posted (one row per slot), and what is new."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from bot.digest import DigestArticle, DigestContent, DigestMeeting, DigestPerson, DigestQuote
from bot.schedule import Schedule, parse_time, slot_key
from bot.store.core import Store

_QUOTE_POOL = 200  # longest attributed quotes considered for "notable"


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """One server's digest: where, when, and whether it is on (or paused, and why)."""

    guild_id: int
    channel_id: int
    schedule: Schedule
    enabled: bool
    empty_post: bool
    paused_reason: str | None
    paused_at: str | None
    updated_at: str
    updated_by: str | None

    @property
    def active(self) -> bool:
        return self.enabled and not self.paused_reason


@dataclass(frozen=True, slots=True)
class DigestRun:
    """A digest that was sent."""

    guild_id: int
    slot: str
    kind: str
    channel_id: int
    since: str | None
    until: str
    articles: int
    messages: int
    posted_at: str


_SETTINGS = (
    "guild_id, channel_id, time, timezone, frequency, weekday, enabled, empty_post, paused_reason, paused_at,"
    " updated_at, updated_by"
)
_RUNS = "guild_id, slot, kind, channel_id, since, until, articles, messages, posted_at"


def _settings(row: sqlite3.Row) -> DigestSettings:
    schedule = Schedule(parse_time(row["time"]), row["timezone"], row["frequency"], row["weekday"])
    return DigestSettings(
        guild_id=row["guild_id"], channel_id=row["channel_id"], schedule=schedule, enabled=bool(row["enabled"]),
        empty_post=bool(row["empty_post"]), paused_reason=row["paused_reason"], paused_at=row["paused_at"],
        updated_at=row["updated_at"], updated_by=row["updated_by"],
    )


def _run(row: sqlite3.Row) -> DigestRun:
    return DigestRun(**{key: row[key] for key in row.keys()})  # noqa: SIM118 (sqlite3.Row)


# ------------------------------------------------------------------ settings


async def get_settings(store: Store, guild_id: int) -> DigestSettings | None:
    row = await store.fetchone(f"SELECT {_SETTINGS} FROM digest_settings WHERE guild_id = ?", (guild_id,))
    return _settings(row) if row else None


async def active_settings(store: Store) -> list[DigestSettings]:
    """Every digest that is on and not paused."""
    rows = await store.fetchall(
        f"SELECT {_SETTINGS} FROM digest_settings WHERE enabled = 1 AND paused_reason IS NULL ORDER BY guild_id"
    )
    return [_settings(r) for r in rows]


async def save_settings(
    store: Store, guild_id: int, channel_id: int, schedule: Schedule, *, empty_post: bool, now: datetime,
    by: str | None = None,
) -> DigestSettings:
    """Create or replace a server's digest; it is switched on and any pause is cleared."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO digest_settings (guild_id, channel_id, time, timezone, frequency, weekday, enabled,"
            " empty_post, paused_reason, paused_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,1,?,NULL,NULL,?,?)"
            " ON CONFLICT(guild_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,"
            " timezone = excluded.timezone, frequency = excluded.frequency, weekday = excluded.weekday,"
            " enabled = 1, empty_post = excluded.empty_post, paused_reason = NULL, paused_at = NULL,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (guild_id, channel_id, f"{schedule.at:%H:%M}", schedule.timezone, schedule.frequency, schedule.weekday,
             int(empty_post), slot_key(now), by),
        )
    settings = await get_settings(store, guild_id)
    assert settings is not None
    return settings


async def switch_off(store: Store, guild_id: int, *, now: datetime, by: str | None = None) -> bool:
    """Turn a server's digest off; False if it had none."""
    async with store.transaction() as db:
        cur = await db.execute(
            "UPDATE digest_settings SET enabled = 0, updated_at = ?, updated_by = ? WHERE guild_id = ?",
            (slot_key(now), by, guild_id),
        )
    return cur.rowcount > 0


async def pause(store: Store, guild_id: int, reason: str, *, now: datetime) -> None:
    """Stop posting a server's digest until it is set again, keeping the reason for `/digest show`."""
    async with store.transaction() as db:
        await db.execute(
            "UPDATE digest_settings SET paused_reason = ?, paused_at = ? WHERE guild_id = ?",
            (reason, slot_key(now), guild_id),
        )


# ------------------------------------------------------------------ runs


async def record_run(
    store: Store, guild_id: int, slot: str, *, kind: str, channel_id: int, since: str | None, until: str,
    articles: int, messages: int, now: datetime,
) -> bool:
    """Record a sent digest; False if that (guild, slot) was already recorded."""
    async with store.transaction() as db:
        cur = await db.execute(
            "INSERT INTO digest_runs (guild_id, slot, kind, channel_id, since, until, articles, messages, posted_at)"
            " VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(guild_id, slot) DO NOTHING",
            (guild_id, slot, kind, channel_id, since, until, articles, messages, slot_key(now)),
        )
    return cur.rowcount > 0


async def is_recorded(store: Store, guild_id: int, slot: str) -> bool:
    row = await store.fetchone("SELECT 1 FROM digest_runs WHERE guild_id = ? AND slot = ?", (guild_id, slot))
    return row is not None


async def last_run(store: Store, guild_id: int, kind: str | None = None) -> DigestRun | None:
    """The latest digest sent to a server (of one kind, if given)."""
    sql = f"SELECT {_RUNS} FROM digest_runs WHERE guild_id = ?"
    params: tuple = (guild_id,)
    if kind:
        sql += " AND kind = ?"
        params += (kind,)
    row = await store.fetchone(sql + " ORDER BY until DESC, id DESC LIMIT 1", params)
    return _run(row) if row else None


async def runs(store: Store, guild_id: int) -> list[DigestRun]:
    """Every digest sent to a server, oldest first."""
    rows = await store.fetchall(f"SELECT {_RUNS} FROM digest_runs WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [_run(r) for r in rows]


# ------------------------------------------------------------------ content


async def added_between(store: Store, since: str | None, until: str, period: str) -> DigestContent:
    """What was added after ``since`` (UTC ISO; None: from the start) up to ``until``."""
    where = "added_at <= :until" + (" AND added_at > :since" if since else "")
    return await _content(store, where, {"since": since, "until": until}, period)


async def dated_between(store: Store, first: date, last: date, period: str) -> DigestContent:
    """The articles whose own date falls in ``first`` … ``last`` (inclusive)."""
    return await _content(
        store, "date >= :first AND date <= :last", {"first": first.isoformat(), "last": last.isoformat()}, period
    )


async def _content(store: Store, where: str, params: dict, period: str) -> DigestContent:
    picked = f"SELECT id FROM articles WHERE {where}"
    articles = [
        DigestArticle(r["id"], r["title"], r["date"], r["url"], r["source"])
        for r in await store.fetchall(
            f"SELECT id, title, date, url, source FROM articles WHERE {where} ORDER BY date DESC, id DESC", params
        )
    ]
    if not articles:
        return DigestContent(period)
    rows = await store.fetchall(
        f"SELECT id, article_id, kind, date, place FROM meetings WHERE kind = 'meeting' AND article_id IN ({picked})"
        " ORDER BY date_start IS NULL, date_start, id",
        params,
    )
    names: dict[int, list[str]] = {}
    for r in await store.fetchall(
        "SELECT mp.meeting_id, p.name FROM meeting_participants mp JOIN people p ON p.id = mp.person_id"
        f" WHERE mp.meeting_id IN (SELECT id FROM meetings WHERE article_id IN ({picked})) ORDER BY mp.rowid",
        params,
    ):
        names.setdefault(r["meeting_id"], []).append(r["name"])
    meetings: dict[tuple, DigestMeeting] = {}
    for r in rows:
        who = tuple(names.get(r["id"], []))
        key = (tuple(sorted(who)), r["date"], (r["place"] or "").casefold())
        meetings.setdefault(key, DigestMeeting(who, r["date"], r["place"], r["article_id"], r["kind"]))
    quotes = [
        DigestQuote(r["text"], r["name"] or r["speaker"], r["article_id"])
        for r in await store.fetchall(
            "SELECT q.text, q.speaker, p.name, q.article_id FROM quotes q LEFT JOIN people p ON p.id = q.person_id"
            f" WHERE q.speaker IS NOT NULL AND q.article_id IN ({picked})"
            f" ORDER BY length(q.text) DESC, q.id LIMIT {_QUOTE_POOL}",
            params,
        )
    ]
    people = [
        DigestPerson(r["name"], r["n"])
        for r in await store.fetchall(
            "SELECT p.name, COUNT(DISTINCT m.article_id) AS n FROM mentions m JOIN people p ON p.id = m.person_id"
            f" WHERE m.article_id IN ({picked}) GROUP BY p.id ORDER BY n DESC, p.name LIMIT 10",
            params,
        )
    ]
    return DigestContent(period, articles, list(meetings.values()), quotes, people)
