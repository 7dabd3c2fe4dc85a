"""Read queries behind answers: people lexicon, meetings, quotes and articles, with FTS5 search.

Every function takes a :class:`~bot.store.core.Store` and returns plain rows. Date spans are
ISO day strings; ``None`` means open-ended. User text reaches FTS5 only through
:func:`fts_match`, which quotes every term so that FTS syntax in it is inert.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from bot.store.core import Store

MIN_DAY = "0001-01-01"
MAX_DAY = "9999-12-31"
_FTS_TERM = re.compile(r"[^\W_]+", re.UNICODE)
MAX_FTS_TERMS = 16


# ------------------------------------------------------------------ FTS quoting


def fts_terms(text: str) -> list[str]:
    """The words of ``text`` as FTS5 sees them (letters and digits only; operators and marks dropped)."""
    return _FTS_TERM.findall(text)


def fts_phrase(term: str) -> str:
    """One term as an FTS5 string literal: double quotes doubled, so nothing inside is syntax."""
    return '"' + term.replace('"', '""') + '"'


def fts_match(terms: Iterable[str], *, mode: str = "AND", column: str | None = None) -> str | None:
    """A safe FTS5 MATCH expression of words joined by AND or OR, or None when there is no word.

    Each input is split into plain words first, so ``a"b OR c*`` becomes ``"a" AND "b" AND "OR" AND "c"``.
    """
    words: list[str] = []
    for term in terms:
        for word in fts_terms(str(term)):
            if word.lower() not in (w.lower() for w in words):
                words.append(word)
    words = words[:MAX_FTS_TERMS]
    if not words:
        return None
    joiner = " OR " if mode.upper() == "OR" else " AND "
    expr = joiner.join(fts_phrase(w) for w in words)
    return f"{column} : ({expr})" if column else expr


def _span(start: str | None, end: str | None) -> tuple[str, str]:
    return start or MIN_DAY, end or MAX_DAY


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


# ------------------------------------------------------------------ people lexicon


async def people_signature(store: Store) -> tuple:
    """Changes whenever people, their aliases or their mentions change (cheap: index look-ups)."""
    row = await store.fetchone(
        "SELECT (SELECT MAX(id) FROM people), (SELECT COUNT(*) FROM people),"
        " (SELECT MAX(rowid) FROM person_aliases), (SELECT MAX(rowid) FROM mentions)"
    )
    return tuple(row)


async def load_people(store: Store) -> list[sqlite3.Row]:
    """Every person with how many articles mention them (their prominence)."""
    return await store.fetchall(
        "SELECT p.id, p.name, p.name_key, p.surname_key, p.org,"
        " (SELECT COUNT(*) FROM mentions m WHERE m.person_id = p.id) AS weight"
        " FROM people p"
    )


async def load_aliases(store: Store) -> list[sqlite3.Row]:
    return await store.fetchall("SELECT person_id, alias_key, alias FROM person_aliases")


async def load_titles(store: Store) -> list[sqlite3.Row]:
    """Distinct (person, title, org) as articles give them, with how often."""
    return await store.fetchall(
        "SELECT person_id, title, org, COUNT(*) AS n FROM mentions"
        " WHERE title IS NOT NULL OR org IS NOT NULL GROUP BY person_id, title, org"
    )


# ------------------------------------------------------------------ meetings

_MEETING_COLUMNS = (
    "m.id, m.article_id, m.date, COALESCE(m.date_start, a.date) AS date_start,"
    " COALESCE(m.date_end, a.date) AS date_end, m.place, a.title, a.date AS article_date, a.url"
)


async def meetings_of(
    store: Store, person_id: int, *, with_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None, limit: int = 200,
) -> list[sqlite3.Row]:
    """Meetings (kind 'meeting') of a person, also with every person of ``with_ids``, overlapping the span.

    A meeting without a date counts as on its article's date. Newest first.
    """
    lo, hi = _span(start, end)
    also = "".join(
        " AND EXISTS (SELECT 1 FROM meeting_participants o WHERE o.meeting_id = m.id AND o.person_id = ?)"
        for _ in with_ids
    )
    return await store.fetchall(
        f"SELECT {_MEETING_COLUMNS} FROM meeting_participants mp"
        " JOIN meetings m ON m.id = mp.meeting_id JOIN articles a ON a.id = m.article_id"
        " WHERE mp.person_id = ? AND m.kind = 'meeting'"
        " AND COALESCE(m.date_end, a.date) >= ? AND COALESCE(m.date_start, a.date) <= ?"
        f"{also} ORDER BY date_start DESC, m.id DESC LIMIT ?",
        (person_id, lo, hi, *with_ids, limit),
    )


async def meeting_partners(
    store: Store, person_id: int, *, with_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None,
) -> list[sqlite3.Row]:
    """Everyone else in those meetings, with how many meetings each, most first."""
    lo, hi = _span(start, end)
    also = "".join(
        " AND EXISTS (SELECT 1 FROM meeting_participants o WHERE o.meeting_id = m.id AND o.person_id = ?)"
        for _ in with_ids
    )
    return await store.fetchall(
        "SELECT p.id, p.name, COUNT(DISTINCT m.id) AS n FROM meeting_participants mp"
        " JOIN meetings m ON m.id = mp.meeting_id JOIN articles a ON a.id = m.article_id"
        " JOIN meeting_participants other ON other.meeting_id = m.id AND other.person_id <> mp.person_id"
        " JOIN people p ON p.id = other.person_id"
        " WHERE mp.person_id = ? AND m.kind = 'meeting'"
        " AND COALESCE(m.date_end, a.date) >= ? AND COALESCE(m.date_start, a.date) <= ?"
        f"{also} GROUP BY p.id ORDER BY n DESC, MIN(COALESCE(m.date_start, a.date))",
        (person_id, lo, hi, *with_ids),
    )


async def participants(store: Store, meeting_ids: Sequence[int]) -> list[sqlite3.Row]:
    """(meeting_id, person_id, name) of the given meetings, by the person's fullest name."""
    if not meeting_ids:
        return []
    return await store.fetchall(
        "SELECT mp.meeting_id, p.id AS person_id, p.name FROM meeting_participants mp"
        f" JOIN people p ON p.id = mp.person_id WHERE mp.meeting_id IN ({_marks(meeting_ids)})"
        " ORDER BY mp.meeting_id, mp.rowid",
        tuple(meeting_ids),
    )


async def count_meetings(store: Store, person_id: int) -> int:
    row = await store.fetchone(
        "SELECT COUNT(*) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id"
        " WHERE mp.person_id = ? AND m.kind = 'meeting'",
        (person_id,),
    )
    return int(row[0])


# ------------------------------------------------------------------ quotes

_QUOTE_COLUMNS = "q.id, q.text, COALESCE(p.name, q.speaker) AS speaker, q.article_id, a.title, a.date, a.url"


async def quotes_by(
    store: Store, person_ids: Sequence[int], *, start: str | None = None, end: str | None = None, limit: int = 20
) -> list[sqlite3.Row]:
    """A person's quotes, newest article first, in the order the article gives them."""
    if not person_ids:
        return []
    lo, hi = _span(start, end)
    return await store.fetchall(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" LEFT JOIN people p ON p.id = q.person_id WHERE q.person_id IN ({_marks(person_ids)})"
        " AND a.date BETWEEN ? AND ? ORDER BY a.date DESC, q.article_id DESC, q.paragraph, q.start, q.id LIMIT ?",
        (*person_ids, lo, hi, limit),
    )


async def search_quotes(
    store: Store, match: str, *, person_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None, limit: int = 20,
) -> list[sqlite3.Row]:
    """Quotes matching an FTS expression (from :func:`fts_match`), best bm25 first, then newest."""
    lo, hi = _span(start, end)
    who = f" AND q.person_id IN ({_marks(person_ids)})" if person_ids else ""
    return await store.fetchall(
        f"SELECT {_QUOTE_COLUMNS}, bm25(quotes_fts) AS rank FROM quotes_fts"
        " JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN people p ON p.id = q.person_id"
        f" WHERE quotes_fts MATCH ? AND a.date BETWEEN ? AND ?{who}"
        " ORDER BY rank, a.date DESC, q.id LIMIT ?",
        (match, lo, hi, *person_ids, limit),
    )


async def latest_quote(store: Store, person_id: int) -> sqlite3.Row | None:
    rows = await quotes_by(store, [person_id], limit=1)
    return rows[0] if rows else None


# ------------------------------------------------------------------ articles

_ARTICLE_COLUMNS = "a.id, a.title, a.date, a.url, a.source"


async def search_articles(
    store: Store, match: str, *, start: str | None = None, end: str | None = None, limit: int = 10
) -> list[sqlite3.Row]:
    """Articles matching an FTS expression, best bm25 first (title weighs 5x), then newest."""
    lo, hi = _span(start, end)
    return await store.fetchall(
        f"SELECT {_ARTICLE_COLUMNS}, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts"
        " JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND a.date BETWEEN ? AND ? ORDER BY rank, a.date DESC LIMIT ?",
        (match, lo, hi, limit),
    )


async def latest_articles(
    store: Store, *, start: str | None = None, end: str | None = None, limit: int = 10
) -> list[sqlite3.Row]:
    lo, hi = _span(start, end)
    return await store.fetchall(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.date BETWEEN ? AND ? ORDER BY a.date DESC, a.id DESC"
        " LIMIT ?",
        (lo, hi, limit),
    )


async def articles_of_person(store: Store, person_id: int, *, limit: int = 5) -> list[sqlite3.Row]:
    """Articles that mention a person, newest first."""
    return await store.fetchall(
        f"SELECT {_ARTICLE_COLUMNS} FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.person_id = ? ORDER BY a.date DESC, a.id DESC LIMIT ?",
        (person_id, limit),
    )


async def person_counts(store: Store, person_id: int) -> sqlite3.Row:
    """How many articles mention a person, their meetings and their quotes."""
    return await store.fetchone(
        "SELECT (SELECT COUNT(*) FROM mentions WHERE person_id = :p) AS articles,"
        " (SELECT COUNT(*) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id"
        "  WHERE mp.person_id = :p AND m.kind = 'meeting') AS meetings,"
        " (SELECT COUNT(*) FROM quotes WHERE person_id = :p) AS quotes",
        {"p": person_id},
    )


async def person_titles(store: Store, person_id: int) -> list[sqlite3.Row]:
    """The titles articles give a person, most frequent first."""
    return await store.fetchall(
        "SELECT m.title, MAX(m.org) AS org, COUNT(*) AS n, MAX(a.date) AS last FROM mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.person_id = ? AND m.title IS NOT NULL AND m.title <> ''"
        " GROUP BY m.title ORDER BY n DESC, last DESC",
        (person_id,),
    )


async def meetings_in(
    store: Store, *, start: str | None = None, end: str | None = None, place: Sequence[str] = (), limit: int = 200
) -> list[sqlite3.Row]:
    """All meetings (kind 'meeting') overlapping a span, at a place naming every word of ``place``; newest first."""
    lo, hi = _span(start, end)
    where = "".join(" AND m.place LIKE ? ESCAPE '\\'" for _ in place)
    likes = tuple("%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in place)
    return await store.fetchall(
        f"SELECT {_MEETING_COLUMNS} FROM meetings m JOIN articles a ON a.id = m.article_id"
        " WHERE m.kind = 'meeting' AND COALESCE(m.date_end, a.date) >= ? AND COALESCE(m.date_start, a.date) <= ?"
        f"{where} ORDER BY date_start DESC, m.id DESC LIMIT ?",
        (lo, hi, *likes, limit),
    )
