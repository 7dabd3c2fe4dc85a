"""`Store`: articles and their extracted people, quotes and meetings on aiosqlite."""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import aiosqlite

from bot import people
from bot.dates import span_of
from bot.migrate import MIGRATIONS_DIR, migrate
from bot.models import Article, ArticleDraft, Extraction, PersonMention

_ARTICLE_COLUMNS = (
    "id, title, date, url, source, text, paragraphs, content_hash, added_at, added_by, ext_id, place"
)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What happened to one article offered to the store."""

    article_id: int
    created: bool
    duplicate_reason: str | None = None  # "same URL" or "same text" when not created


def content_hash(paragraphs: list[str]) -> str:
    """sha256 of the text with case, Unicode forms and white space normalized."""
    text = unicodedata.normalize("NFKC", " ".join(paragraphs)).casefold()
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def url_key(url: str | None) -> str | None:
    """A URL normalized for duplicate checks: scheme and host lower-case, no fragment or trailing slash."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], title=row["title"], date=row["date"], url=row["url"], source=row["source"],
        text=row["text"], paragraphs=json.loads(row["paragraphs"]), content_hash=row["content_hash"],
        added_at=row["added_at"], added_by=row["added_by"], ext_id=row["ext_id"], place=row["place"],
    )


class Store:
    """One SQLite database (WAL, foreign keys on), opened with migrations applied.

    Writes go through :meth:`transaction`, which serializes them on one lock so that
    each article and everything derived from it commit together.
    """

    def __init__(self, db: aiosqlite.Connection, path: Path) -> None:
        self.db = db
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, migrations: Path = MIGRATIONS_DIR) -> Store:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        db = await aiosqlite.connect(path, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA foreign_keys=ON")
            await db.execute("PRAGMA synchronous=NORMAL")
            await db.execute("PRAGMA busy_timeout=5000")
            await migrate(db, migrations)
        except BaseException:
            await db.close()
            raise
        return cls(db, path)

    async def close(self) -> None:
        await self.db.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction; rolled back whole if the block raises."""
        async with self._write_lock:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def fetchall(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        async with self.db.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        async with self.db.execute(sql, params) as cur:
            return await cur.fetchone()

    # ------------------------------------------------------------ articles

    async def find_duplicate(self, draft: ArticleDraft) -> AddResult | None:
        """The stored article with the same URL or the same normalized text, if any."""
        key = url_key(draft.url)
        if key:
            row = await self.fetchone("SELECT id FROM articles WHERE url_key = ?", (key,))
            if row:
                return AddResult(row["id"], False, "same URL")
        row = await self.fetchone(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash(draft.paragraphs),)
        )
        if row:
            return AddResult(row["id"], False, "same text")
        return None

    async def add_article(
        self, draft: ArticleDraft, *, added_by: str | None = None, extraction: Extraction | None = None
    ) -> AddResult:
        """Store a new article (with its extraction, in the same transaction).

        A duplicate is not added: the result points at the existing article.
        """
        async with self.transaction():
            duplicate = await self.find_duplicate(draft)
            if duplicate:
                return duplicate
            cur = await self.db.execute(
                "INSERT INTO articles (ext_id, title, date, url, url_key, source, place, text, paragraphs,"
                " content_hash, added_at, added_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    draft.ext_id, draft.title, draft.date, draft.url, url_key(draft.url), draft.source,
                    draft.place, draft.text, json.dumps(draft.paragraphs, ensure_ascii=False),
                    content_hash(draft.paragraphs), now_iso(), added_by,
                ),
            )
            article_id = int(cur.lastrowid)
            await self.db.execute(
                "INSERT INTO audit_log (action, article_id, title, actor, at) VALUES ('add', ?, ?, ?, ?)",
                (article_id, draft.title, added_by, now_iso()),
            )
            if extraction is not None:
                await self._write_extraction(article_id, extraction)
        return AddResult(article_id, True)

    async def get_article(self, article_id: int) -> Article | None:
        row = await self.fetchone(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return _article(row) if row else None

    async def list_articles(self, *, limit: int = 20, offset: int = 0) -> list[Article]:
        """Newest first (by the article's date, then by id)."""
        rows = await self.fetchall(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_article(r) for r in rows]

    async def article_ids(self) -> list[int]:
        return [r[0] for r in await self.fetchall("SELECT id FROM articles ORDER BY id")]

    async def count_articles(self) -> int:
        row = await self.fetchone("SELECT COUNT(*) FROM articles")
        return int(row[0])

    async def delete_article(self, article_id: int, *, deleted_by: str | None = None) -> Article | None:
        """Delete an article and everything derived from it; return what was deleted."""
        async with self.transaction():
            article = await self.get_article(article_id)
            if article is None:
                return None
            await self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            await self._drop_orphan_people()
            await self.db.execute(
                "INSERT INTO audit_log (action, article_id, title, actor, at) VALUES ('delete', ?, ?, ?, ?)",
                (article_id, article.title, deleted_by, now_iso()),
            )
        return article

    async def history(self, article_id: int) -> list[sqlite3.Row]:
        """Who added (and deleted) an article, and when, oldest first."""
        return await self.fetchall(
            "SELECT action, actor, at FROM audit_log WHERE article_id = ? ORDER BY id", (article_id,)
        )

    # ------------------------------------------------------------ extraction

    async def save_extraction(self, article_id: int, extraction: Extraction) -> None:
        """Replace an article's derived rows with a new extraction, in one transaction."""
        async with self.transaction():
            await self._clear_extraction(article_id)
            await self._write_extraction(article_id, extraction)
            await self._drop_orphan_people()

    async def stale_article_ids(self, version: str) -> list[int]:
        """Articles never extracted, or extracted by another extractor version."""
        rows = await self.fetchall(
            "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id"
            " WHERE e.version IS NULL OR e.version <> ? ORDER BY a.id",
            (version,),
        )
        return [r[0] for r in rows]

    async def extraction_counts(self, article_id: int) -> dict[str, int]:
        row = await self.fetchone(
            "SELECT (SELECT COUNT(*) FROM mentions WHERE article_id = :a) AS people,"
            " (SELECT COUNT(*) FROM quotes WHERE article_id = :a) AS quotes,"
            " (SELECT COUNT(*) FROM meetings WHERE article_id = :a AND kind = 'meeting') AS meetings",
            {"a": article_id},
        )
        return dict(row)

    async def _clear_extraction(self, article_id: int) -> None:
        for table in ("quotes", "meetings", "mentions", "extractions"):
            await self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    async def _drop_orphan_people(self) -> None:
        await self.db.execute(
            "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions)"
            " AND id NOT IN (SELECT person_id FROM meeting_participants)"
        )

    async def _write_extraction(self, article_id: int, extraction: Extraction) -> None:
        ids: dict[str, int] = {}

        async def person_id(name: str, mention: PersonMention | None = None) -> int | None:
            if name in ids:
                return ids[name]
            found = await self._resolve_person(mention or PersonMention(name=name))
            if found is not None:
                ids[name] = found
            return found

        for mention in extraction.people:
            pid = await person_id(mention.name, mention)
            if pid is None:
                continue
            for alias in mention.aliases:
                ids.setdefault(alias, pid)
                await self._add_alias(pid, alias)
            await self.db.execute(
                "INSERT INTO mentions (article_id, person_id, name, title, org) VALUES (?,?,?,?,?)"
                " ON CONFLICT(article_id, person_id) DO UPDATE SET"
                " title = COALESCE(mentions.title, excluded.title), org = COALESCE(mentions.org, excluded.org)",
                (article_id, pid, mention.name, mention.title, mention.org),
            )
        for quote in extraction.quotes:
            pid = await person_id(quote.speaker) if quote.speaker else None
            await self.db.execute(
                "INSERT INTO quotes (article_id, person_id, speaker, text, paragraph, start, end, version)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (article_id, pid, quote.speaker, quote.text, quote.paragraph, quote.start, quote.end,
                 extraction.version),
            )
        for meeting in extraction.meetings:
            start, end = span_of(meeting.date)
            cur = await self.db.execute(
                "INSERT INTO meetings (article_id, kind, date, date_start, date_end, place, paragraph, version)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (article_id, meeting.kind, meeting.date, start, end, meeting.place, meeting.paragraph,
                 extraction.version),
            )
            for name in dict.fromkeys(meeting.participants):
                pid = await person_id(name)
                if pid is not None:
                    await self.db.execute(
                        "INSERT OR IGNORE INTO meeting_participants (meeting_id, person_id, name) VALUES (?,?,?)",
                        (cur.lastrowid, pid, name),
                    )
        await self.db.execute(
            "INSERT OR REPLACE INTO extractions (article_id, version, extracted_at) VALUES (?,?,?)",
            (article_id, extraction.version, now_iso()),
        )

    async def _resolve_person(self, mention: PersonMention) -> int | None:
        """The person entity for a name, across all articles; created when new.

        Same folded name, a known alias, or the same first names with a surname that is
        a spelling variant (one entity for Zelensky / Zelenskyy). A bare surname joins
        the one person of that surname, if there is exactly one.
        """
        key = people.name_key(mention.name)
        if not key:
            return None
        row = await self.fetchone("SELECT id FROM people WHERE name_key = ?", (key,))
        if row:
            return row[0]
        row = await self.fetchone("SELECT DISTINCT person_id FROM person_aliases WHERE alias_key = ?", (key,))
        if row:
            return row[0]
        surname = people.surname_key(mention.name)
        first = people.name_tokens(mention.name)[0]
        candidates = await self.fetchall(
            "SELECT id, name, name_key FROM people WHERE (surname_key >= ? AND surname_key < ?)"
            " OR (name_key >= ? AND name_key < ?)",
            (surname[:3], surname[:3] + "\uffff", first + " ", first + " \uffff"),
        )
        matches = [c for c in candidates if people.same_person(c["name"], mention.name)]
        if len(matches) == 1:
            match = matches[0]
            best = people.fuller(match["name"], mention.name)
            if best != match["name"] and len(people.name_tokens(best)) > len(people.name_tokens(match["name"])):
                clash = await self.fetchone("SELECT id FROM people WHERE name_key = ?", (people.name_key(best),))
                if clash is None:
                    await self.db.execute(
                        "UPDATE people SET name = ?, name_key = ?, surname_key = ? WHERE id = ?",
                        (best, people.name_key(best), people.surname_key(best), match["id"]),
                    )
            await self._add_alias(match["id"], mention.name)
            return match["id"]
        cur = await self.db.execute(
            "INSERT INTO people (name, name_key, surname_key, org) VALUES (?,?,?,?)",
            (mention.name, key, surname, mention.org),
        )
        return int(cur.lastrowid)

    async def _add_alias(self, person_id: int, alias: str) -> None:
        key = people.name_key(alias)
        if key:
            await self.db.execute(
                "INSERT OR IGNORE INTO person_aliases (person_id, alias_key, alias) VALUES (?,?,?)",
                (person_id, key, alias),
            )
