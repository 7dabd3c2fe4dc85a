"""Small reads about people for the Discord surface: autocomplete and who an article names."""

from __future__ import annotations

from bot import people
from bot.store.core import Store

AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices


async def people_named_like(store: Store, typed: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[str]:
    """Names of people whose full name or surname starts with ``typed`` (folded), by name.

    One query on the two indexed keys (``people.name_key`` unique index and ``people_surname``).
    With nothing typed, the people named in the most articles come first.
    """
    limit = max(1, min(limit, AUTOCOMPLETE_LIMIT))
    key = people.name_key(typed)
    if not key:
        rows = await store.fetchall(
            "SELECT p.name FROM people p JOIN mentions m ON m.person_id = p.id"
            " GROUP BY p.id ORDER BY COUNT(*) DESC, p.name LIMIT ?",
            (limit,),
        )
        return [r[0] for r in rows]
    rows = await store.fetchall(
        "SELECT name FROM people WHERE (name_key >= :k AND name_key < :k || char(1114111))"
        " OR (surname_key >= :k AND surname_key < :k || char(1114111)) ORDER BY name LIMIT :n",
        {"k": key, "n": limit},
    )
    return [r[0] for r in rows]


async def article_people(store: Store, article_id: int) -> list[str]:
    """Names of the people an article names, in the order they were stored."""
    rows = await store.fetchall(
        "SELECT p.name FROM mentions m JOIN people p ON p.id = m.person_id WHERE m.article_id = ? ORDER BY m.rowid",
        (article_id,),
    )
    return [r[0] for r in rows]
