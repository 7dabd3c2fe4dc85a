"""Read queries behind answers: people lexicon, meetings, quotes and articles, with FTS5 search.

Every function takes a :class:`~bot.store.core.Store` and returns plain rows. Date spans are
ISO day strings; ``None`` means open-ended. User text reaches FTS5 only through
:func:`fts_match`, which quotes every term so that FTS syntax in it is inert.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.store.core import Store

MIN_DAY = "0001-01-01"
MAX_DAY = "9999-12-31"
_FTS_TERM = re.compile(r"[^\W_]+", re.UNICODE)
MAX_FTS_TERMS = 16
MAX_MEETING_DAYS = 400  # how far before a span a meeting may start and still overlap it (a year, a range)
PROLIFIC = 2000  # rows of one person above which "newest first" walks the date index instead of sorting


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


def fts_any(groups: Sequence[Iterable[str]], *, column: str | None = None) -> str | None:
    """Alternatives: every word of some one group ("fighter jets / planes" -> (fighter AND jets) OR planes)."""
    parts = [m for m in (fts_match(g) for g in groups) if m]
    if not parts:
        return None
    expr = " OR ".join(f"({p})" for p in parts)
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
        " (SELECT MAX(rowid) FROM person_aliases), (SELECT MAX(rowid) FROM mentions), (SELECT MAX(id) FROM meetings)"
    )
    return tuple(row)


async def load_places(store: Store) -> list[sqlite3.Row]:
    """Distinct places of meetings, with how often (the place words a question may name)."""
    return await store.fetchall(
        "SELECT place, COUNT(*) AS n FROM meetings WHERE place IS NOT NULL AND place <> '' GROUP BY place"
    )


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

_DAY_START = "COALESCE(m.date_start, (SELECT date FROM articles WHERE id = m.article_id))"
_DAY_END = "COALESCE(m.date_end, (SELECT date FROM articles WHERE id = m.article_id))"
_MEETING_COLUMNS = (
    "m.id, m.article_id, m.date, pick.ds AS date_start, pick.de AS date_end, m.place, a.title,"
    " a.date AS article_date, a.url"
)


def _with(with_ids: Sequence[int]) -> str:
    return "".join(
        " AND EXISTS (SELECT 1 FROM meeting_participants o WHERE o.meeting_id = m.id AND o.person_id = ?)"
        for _ in with_ids
    )


async def meetings_of(
    store: Store, person_id: int, *, with_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None, limit: int = 200,
) -> list[sqlite3.Row]:
    """Meetings (kind 'meeting') of a person, also with every person of ``with_ids``, overlapping the span.

    A meeting without a date counts as on its article's date. Newest first. For someone with
    very many meetings, meetings are walked newest first on their date index and the walk
    stops at ``limit``.
    """
    lo, hi = _span(start, end)
    counts = {pid: (await store.fetchone("SELECT COUNT(*) FROM meeting_participants WHERE person_id = ?",
                                          (pid,)))[0] for pid in dict.fromkeys([person_id, *with_ids])}
    driver = min(counts, key=counts.get)  # the rarest of them leads the search
    others = [pid for pid in counts if pid != driver]
    if counts[driver] > PROLIFIC:
        member = (" AND EXISTS (SELECT 1 FROM meeting_participants o WHERE o.meeting_id = m.id AND o.person_id = ?)"
                  + _with(others))
        floor = (date.fromisoformat(start) - timedelta(days=MAX_MEETING_DAYS)).isoformat() if start else MIN_DAY
        pick = (
            "SELECT * FROM (SELECT m.id, m.date_start AS ds, m.date_end AS de FROM meetings m"
            f" WHERE m.date_start <= ? AND m.date_start >= ? AND m.date_end >= ? AND m.kind = 'meeting'{member}"
            " ORDER BY m.date_start DESC, m.id DESC LIMIT ?) UNION ALL"
            " SELECT * FROM (SELECT m.id, a.date AS ds, a.date AS de FROM meetings m JOIN articles a"
            " ON a.id = m.article_id WHERE m.date_start IS NULL AND a.date BETWEEN ? AND ?"
            f" AND m.kind = 'meeting'{member})"
        )
        params: tuple = (hi, floor, lo, driver, *others, limit, lo, hi, driver, *others)
    else:
        pick = (
            f"SELECT m.id, {_DAY_START} AS ds, {_DAY_END} AS de"
            " FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id"
            f" WHERE mp.person_id = ? AND m.kind = 'meeting' AND de >= ? AND ds <= ?{_with(others)}"
        )
        params = (driver, lo, hi, *others)
    return await store.fetchall(
        f"SELECT {_MEETING_COLUMNS} FROM ({pick}) AS pick JOIN meetings m ON m.id = pick.id"
        " JOIN articles a ON a.id = m.article_id ORDER BY pick.ds DESC, m.id DESC LIMIT ?",
        (*params, limit),
    )


async def meeting_partners(
    store: Store, person_id: int, *, with_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None,
) -> list[sqlite3.Row]:
    """Everyone but ``person_id`` in those meetings, with how many meetings each, most first."""
    lo, hi = _span(start, end)
    ids = list(dict.fromkeys([person_id, *with_ids]))
    counts = {pid: (await store.fetchone("SELECT COUNT(*) FROM meeting_participants WHERE person_id = ?",
                                          (pid,)))[0] for pid in ids}
    driver = min(counts, key=counts.get)
    others = [pid for pid in ids if pid != driver]
    return await store.fetchall(
        "SELECT p.id, p.name, t.n FROM (SELECT other.person_id AS pid, COUNT(*) AS n, MIN(m.id) AS first"
        " FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id"
        " JOIN meeting_participants other ON other.meeting_id = m.id AND other.person_id <> ?"
        f" WHERE mp.person_id = ? AND m.kind = 'meeting' AND {_DAY_END} >= ? AND {_DAY_START} <= ?{_with(others)}"
        " GROUP BY other.person_id) AS t JOIN people p ON p.id = t.pid ORDER BY t.n DESC, t.first",
        (person_id, driver, lo, hi, *others),
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
    """A person's quotes, newest article first, in the order the article gives them.

    For someone quoted very often, articles are walked newest first (their date index) and
    the walk stops at ``limit``; otherwise the person's quotes are fetched and sorted.
    """
    if not person_ids:
        return []
    lo, hi = _span(start, end)
    marks = _marks(person_ids)
    count = await store.fetchone(f"SELECT COUNT(*) FROM quotes WHERE person_id IN ({marks})", tuple(person_ids))
    join = "articles a CROSS JOIN quotes q ON q.article_id = a.id" if count[0] > PROLIFIC else (
        "quotes q JOIN articles a ON a.id = q.article_id")
    return await store.fetchall(
        f"SELECT {_QUOTE_COLUMNS} FROM {join} LEFT JOIN people p ON p.id = q.person_id"
        f" WHERE q.person_id IN ({marks}) AND a.date BETWEEN ? AND ?"
        " ORDER BY a.date DESC, a.id DESC, q.paragraph, q.start, q.id LIMIT ?",
        (*person_ids, lo, hi, limit),
    )


FTS_PREFETCH = 200  # best-ranked FTS hits looked at first, before a full ranked join


async def search_quotes(
    store: Store, match: str, *, person_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None, limit: int = 20,
) -> list[sqlite3.Row]:
    """Quotes matching an FTS expression (from :func:`fts_match`), best bm25 first, then newest.

    Without a span, the best-ranked hits are taken from the FTS index alone first, and the full
    ranked join runs only when the person filter leaves too few of them. To find one person's
    quotes, put their name words in the expression too (``speaker : (...)``), so FTS intersects.
    """
    lo, hi = _span(start, end)
    who = f" AND q.person_id IN ({_marks(person_ids)})" if person_ids else ""
    for prefetch in (FTS_PREFETCH, None) if start is None and end is None else (None,):
        source = ("(SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?) AS hit"
                  if prefetch else "(SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH ?) AS hit")
        rows = await store.fetchall(
            f"SELECT {_QUOTE_COLUMNS}, hit.rank AS rank FROM {source}"
            " JOIN quotes q ON q.id = hit.rowid JOIN articles a ON a.id = q.article_id"
            " LEFT JOIN people p ON p.id = q.person_id"
            f" WHERE a.date BETWEEN ? AND ?{who} ORDER BY hit.rank, a.date DESC, q.id LIMIT ?",
            (match, *((prefetch,) if prefetch else ()), lo, hi, *person_ids, limit),
        )
        if prefetch is None or len(rows) >= limit or await _fewer_hits(store, "quotes_fts", match, prefetch):
            return rows
    return rows


async def _fewer_hits(store: Store, table: str, match: str, n: int) -> bool:
    """Whether an FTS expression has fewer than ``n`` hits (so a prefetch of ``n`` saw them all)."""
    row = await store.fetchone(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)", (match, n)
    )
    return row[0] < n


async def latest_quote(store: Store, person_id: int) -> sqlite3.Row | None:
    rows = await quotes_by(store, [person_id], limit=1)
    return rows[0] if rows else None


# ------------------------------------------------------------------ articles

_ARTICLE_COLUMNS = "a.id, a.title, a.date, a.url, a.source"


async def search_articles(
    store: Store, match: str, *, start: str | None = None, end: str | None = None, limit: int = 10
) -> list[sqlite3.Row]:
    """Articles matching an FTS expression, best bm25 first (title weighs 5x), then newest.

    Like :func:`search_quotes`, the best-ranked hits are tried first.
    """
    lo, hi = _span(start, end)
    for prefetch in (FTS_PREFETCH, None) if start is None and end is None else (None,):
        source = ("(SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH ?"
                  + (" ORDER BY rank LIMIT ?) AS hit" if prefetch else ") AS hit"))
        rows = await store.fetchall(
            f"SELECT {_ARTICLE_COLUMNS}, hit.rank AS rank FROM {source} JOIN articles a ON a.id = hit.rowid"
            " WHERE a.date BETWEEN ? AND ? ORDER BY hit.rank, a.date DESC LIMIT ?",
            (match, *((prefetch,) if prefetch else ()), lo, hi, limit),
        )
        if prefetch is None or len(rows) >= limit or await _fewer_hits(store, "articles_fts", match, prefetch):
            return rows
    return rows


async def articles_matching(store: Store, match: str, article_ids: Sequence[int]) -> set[int]:
    """Which of the given articles match an FTS expression (e.g. name a place)."""
    if not article_ids:
        return set()
    rows = await store.fetchall(
        f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({_marks(article_ids)})",
        (match, *article_ids),
    )
    return {r[0] for r in rows}


async def articles_mentioning(store: Store, person_ids: Sequence[int], article_ids: Sequence[int]) -> set[int]:
    """Which of the given articles mention any of the given people."""
    if not article_ids or not person_ids:
        return set()
    rows = await store.fetchall(
        f"SELECT DISTINCT article_id FROM mentions WHERE person_id IN ({_marks(person_ids)})"
        f" AND article_id IN ({_marks(article_ids)})",
        (*person_ids, *article_ids),
    )
    return {r[0] for r in rows}


async def latest_articles(
    store: Store, *, start: str | None = None, end: str | None = None, limit: int = 10
) -> list[sqlite3.Row]:
    lo, hi = _span(start, end)
    return await store.fetchall(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.date BETWEEN ? AND ? ORDER BY a.date DESC, a.id DESC"
        " LIMIT ?",
        (lo, hi, limit),
    )


async def articles_of_person(
    store: Store, person_id: int, *, start: str | None = None, end: str | None = None, limit: int = 5
) -> list[sqlite3.Row]:
    """Articles that mention a person in a span, newest first (walking articles by date for someone mentioned often)."""
    lo, hi = _span(start, end)
    count = await store.fetchone("SELECT COUNT(*) FROM mentions WHERE person_id = ?", (person_id,))
    join = "articles a CROSS JOIN mentions m ON m.article_id = a.id" if count[0] > PROLIFIC else (
        "mentions m JOIN articles a ON a.id = m.article_id")
    return await store.fetchall(
        f"SELECT {_ARTICLE_COLUMNS} FROM {join} WHERE m.person_id = ? AND a.date BETWEEN ? AND ?"
        " ORDER BY a.date DESC, a.id DESC LIMIT ?",
        (person_id, lo, hi, limit),
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
        f"SELECT {_MEETING_COLUMNS} FROM (SELECT m.id, {_DAY_START} AS ds, {_DAY_END} AS de FROM meetings m"
        f" WHERE m.kind = 'meeting' AND de >= ? AND ds <= ?{where} ORDER BY ds DESC, m.id DESC LIMIT ?) AS pick"
        " JOIN meetings m ON m.id = pick.id JOIN articles a ON a.id = m.article_id ORDER BY pick.ds DESC, m.id DESC",
        (lo, hi, *likes, limit),
    )


EVENT_ARTICLES = 500  # articles that name an occasion, newest rows first, whose meetings an event question reads


async def articles_naming(
    store: Store, match: str, *, start: str | None = None, end: str | None = None, limit: int = EVENT_ARTICLES
) -> list[int]:
    """Ids of articles (title or text) matching an FTS expression ("SPIEF"), dated in a span widened by a month on
    each side (a meeting is reported around its day), walked newest row first on the FTS index (no ranking of every
    hit); at most ``limit``."""
    lo, hi = _span(start, end)
    if start:
        lo = (date.fromisoformat(start) - timedelta(days=31)).isoformat()
    if end:
        hi = (date.fromisoformat(end) + timedelta(days=31)).isoformat()
    rows = await store.fetchall(
        "SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?"
        " AND a.date BETWEEN ? AND ? ORDER BY f.rowid DESC LIMIT ?",
        (match, lo, hi, limit),
    )
    return [r[0] for r in rows]


async def meetings_in_articles(
    store: Store, article_ids: Sequence[int], *, person_ids: Sequence[int] = (), start: str | None = None,
    end: str | None = None, limit: int = 200,
) -> list[sqlite3.Row]:
    """Meetings (kind 'meeting') reported by the given articles, with every person of ``person_ids``, overlapping
    the span; newest first."""
    if not article_ids:
        return []
    lo, hi = _span(start, end)
    return await store.fetchall(
        f"SELECT {_MEETING_COLUMNS} FROM (SELECT m.id, {_DAY_START} AS ds, {_DAY_END} AS de FROM meetings m"
        f" WHERE m.article_id IN ({_marks(article_ids)}) AND m.kind = 'meeting' AND de >= ? AND ds <= ?"
        f"{_with(person_ids)}) AS pick JOIN meetings m ON m.id = pick.id JOIN articles a ON a.id = m.article_id"
        " ORDER BY pick.ds DESC, m.id DESC LIMIT ?",
        (*article_ids, lo, hi, *person_ids, limit),
    )


async def article_texts(store: Store, article_ids: Sequence[int]) -> dict[int, str]:
    """The texts of a few articles by id."""
    if not article_ids:
        return {}
    rows = await store.fetchall(f"SELECT id, text FROM articles WHERE id IN ({_marks(article_ids)})",
                                tuple(article_ids))
    return {r[0]: r[1] for r in rows}


async def people_in_articles(store: Store, article_ids: Sequence[int]) -> list[sqlite3.Row]:
    """The people a few articles name (by the mentions index), with the name and title each article gives."""
    if not article_ids:
        return []
    return await store.fetchall(
        f"SELECT article_id, person_id, name, title FROM mentions WHERE article_id IN ({_marks(article_ids)})"
        " ORDER BY article_id DESC, person_id",
        tuple(article_ids),
    )
