"""Each source's principal as the stored articles show it (see ``bot.extract.principal``)."""

from __future__ import annotations

from collections import defaultdict

from bot.extract.principal import clear_leader
from bot.store.core import Store


async def source_principals(store: Store) -> dict[str, tuple[str, str]]:
    """source -> (name, title): the person titled 'President …' whom most of a source's articles name.

    The same rule as for a batch being extracted: at least two articles, a quarter of the source's, and more
    than anyone else so titled.
    """
    totals = {r[0]: r[1] for r in await store.fetchall(
        "SELECT source, COUNT(*) FROM articles WHERE source IS NOT NULL GROUP BY source")}
    rows = await store.fetchall(
        "WITH presidents AS (SELECT DISTINCT person_id FROM mentions WHERE title LIKE 'President%')"
        " SELECT a.source, p.name, COUNT(DISTINCT m.article_id) AS n,"
        "  (SELECT title FROM mentions t WHERE t.person_id = p.id AND t.title LIKE 'President%'"
        "   GROUP BY title ORDER BY (title LIKE '% of %') DESC, COUNT(*) DESC LIMIT 1)"
        " FROM mentions m JOIN presidents USING (person_id) JOIN people p ON p.id = m.person_id"
        " JOIN articles a ON a.id = m.article_id WHERE a.source IS NOT NULL"
        " GROUP BY a.source, p.id ORDER BY a.source, n DESC"
    )
    ranked: dict[str, list[tuple[str, int]]] = defaultdict(list)
    titles: dict[tuple[str, str], str] = {}
    for source, name, n, title in rows:
        ranked[source].append((name, n))
        titles.setdefault((source, name), title)  # the first (most named) row of a name
    out: dict[str, tuple[str, str]] = {}
    for source, cands in ranked.items():
        name = clear_leader(cands, totals.get(source, 0))
        if name is not None:
            out[source] = (name, titles[source, name])
    return out
