"""Latency of `bot.qa.answer` on a database of 100,000 articles, beside the raw FTS5 query.

Usage::

    # 1. a source database whose articles were extracted (any: the corpus, the dev set, ...)
    newsbot --db /tmp/corpus.db import /work/shared/corpus/pressreleases.jsonl
    # 2. build (or reuse) the big database from it and measure
    .venv/bin/python benchmarks/ask.py --source /tmp/corpus.db --db /tmp/bench100k.db [--articles 100000]

The big database replicates the source's articles with new ids, URLs and content hashes,
each replica's dates shifted back by whole years (replica k by k years), and copies their
derived rows (mentions, quotes, meetings, participants) with SQL, skipping NLP; people and
aliases are shared. It is built once and reused while it holds ``--articles`` articles.

Then it asks a mix of questions through ``answer`` (after one warm-up pass that loads the
name lexicon) and runs the FTS5 query behind each search question raw through the sqlite3
module, and prints p50/p95 of both, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.qa import answer  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store import queries as sql  # noqa: E402

NOW = date(2022, 6, 30)
# (question, the FTS5 query behind it as (table, column, words) or None)
QUESTIONS: list[tuple[str, tuple[str, str | None, list[str]] | None]] = [
    ("who met Putin in February 2022", None),
    ("who did Zelenskyy meet in June 2022?", None),
    ("who has met Boris Johnson?", None),
    ("when did Putin meet Lukashenko?", None),
    ("who met Zelenskyy last week?", None),
    ("who did Volodymyr Zelenskyy meet?", None),
    ("what did Putin say?", None),
    ("quotes by Ursula von der Leyen", None),
    ("who is Andrzej Duda?", None),
    ("who is the Belarusian president?", None),
    ("latest news", None),
    ("what happened last week", None),
    ("what did Zelenskyy say about sanctions", ("quotes_fts", "text", ["sanctions"])),
    ("what did Lukashenko say about the economy", ("quotes_fts", "text", ["economy"])),
    ("show quotes about unity", ("quotes_fts", "text", ["unity"])),
    ("quotes about the seventh sanctions package", ("quotes_fts", "text", ["seventh", "sanctions", "package"])),
    ("quotes about grain exports", ("quotes_fts", "text", ["grain", "exports"])),
    ("articles about industrial cooperation in June 2022", ("articles_fts", None, ["industrial", "cooperation"])),
    ("news about humanitarian corridors", ("articles_fts", None, ["humanitarian", "corridors"])),
    ("Palace of Independence", ("articles_fts", None, ["palace", "independence"])),
]
_COPY_TABLES = ("mentions", "quotes", "meetings", "meeting_participants")


def _shift(value: str | None, years: int) -> str | None:
    """Move every YYYY in a written date back by ``years`` ('2022-02/2022-03' too)."""
    if not value:
        return value
    parts = []
    for part in value.split("/"):
        if len(part) >= 4 and part[:4].isdigit():
            part = f"{int(part[:4]) - years:04d}{part[4:]}"
        parts.append(part)
    return "/".join(parts)


def build(source: Path, target: Path, articles: int) -> None:
    """Replicate ``source`` into ``target`` until it holds ``articles`` articles."""
    asyncio.run(_migrate(target))
    src = sqlite3.connect(source)
    src.row_factory = sqlite3.Row
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    if db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= articles:
        return
    for table in ("articles", "people", "person_aliases", *_COPY_TABLES, "extractions"):
        db.execute(f"DELETE FROM {table}")
    rows = {t: [dict(r) for r in src.execute(f"SELECT * FROM {t}")] for t in
            ("articles", "people", "person_aliases", *_COPY_TABLES, "extractions")}
    base = {t: (max((r.get("id", 0) for r in rows[t]), default=0) + 1) for t in ("articles", "quotes", "meetings")}
    db.execute("BEGIN")
    for table in ("people", "person_aliases"):
        _insert(db, table, rows[table])
    made, k = 0, 0
    started = time.perf_counter()
    while made < articles:
        take = rows["articles"][: articles - made]
        aid = {r["id"]: r["id"] + k * base["articles"] for r in take}
        mid = {r["id"]: r["id"] + k * base["meetings"] for r in rows["meetings"] if r["article_id"] in aid}
        _insert(db, "articles", [
            {**r, "id": aid[r["id"]], "date": _shift(r["date"], k),
             "url": r["url"] and f"{r['url']}?r={k}", "url_key": r["url_key"] and f"{r['url_key']}?r={k}",
             "ext_id": r["ext_id"] and f"{r['ext_id']}#{k}", "content_hash": f"{r['content_hash']}#{k}"}
            for r in take])
        _insert(db, "mentions", [{**r, "article_id": aid[r["article_id"]]} for r in rows["mentions"]
                                 if r["article_id"] in aid])
        _insert(db, "quotes", [{**r, "id": r["id"] + k * base["quotes"], "article_id": aid[r["article_id"]]}
                               for r in rows["quotes"] if r["article_id"] in aid])
        _insert(db, "meetings", [
            {**r, "id": mid[r["id"]], "article_id": aid[r["article_id"]], "date": _shift(r["date"], k),
             "date_start": _shift(r["date_start"], k), "date_end": _shift(r["date_end"], k)}
            for r in rows["meetings"] if r["id"] in mid])
        _insert(db, "meeting_participants", [{**r, "meeting_id": mid[r["meeting_id"]]}
                                             for r in rows["meeting_participants"] if r["meeting_id"] in mid])
        _insert(db, "extractions", [{**r, "article_id": aid[r["article_id"]]} for r in rows["extractions"]
                                    if r["article_id"] in aid])
        made += len(take)
        k += 1
        print(f"  replica {k}: {made} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
    db.close()


def _insert(db: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        cols = list(rows[0])
        db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [tuple(r[c] for c in cols) for r in rows])


async def _migrate(target: Path) -> None:
    store = await Store.open(target)
    await store.close()


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def measure_answers(target: Path, rounds: int) -> dict[str, list[float]]:
    store = await Store.open(target)
    try:
        for q, _ in QUESTIONS:  # warm-up: lexicon, page cache
            await answer(store, q, now=NOW)
        times: dict[str, list[float]] = {q: [] for q, _ in QUESTIONS}
        for _ in range(rounds):
            for q, _ in QUESTIONS:
                t = time.perf_counter()
                await answer(store, q, now=NOW)
                times[q].append((time.perf_counter() - t) * 1000)
        return times
    finally:
        await store.close()


def measure_raw(target: Path, rounds: int) -> dict[str, list[float]]:
    """The FTS5 query behind each search question, raw through sqlite3 (first round is a warm-up)."""
    db = sqlite3.connect(target)
    out: dict[str, list[float]] = {q: [] for q, raw in QUESTIONS if raw}
    for n in range(rounds + 1):
        for q, raw in QUESTIONS:
            if raw is None:
                continue
            table, column, words = raw
            match = sql.fts_match(words, column=column)
            t = time.perf_counter()
            db.execute(f"SELECT rowid, bm25({table}) AS r FROM {table} WHERE {table} MATCH ? ORDER BY r LIMIT 10",
                       (match,)).fetchall()
            if n:
                out[q].append((time.perf_counter() - t) * 1000)
    db.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, help="an extracted database to replicate (needed to build)")
    ap.add_argument("--db", type=Path, default=Path("/tmp/newsbot-bench-100k.db"), help="the big database (cache)")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    have = 0
    if args.db.exists():
        with sqlite3.connect(args.db) as db:
            have = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    if have < args.articles:
        if not args.source:
            ap.error(f"{args.db} holds {have} articles; give --source to build it")
        t = time.perf_counter()
        build(args.source, args.db, args.articles)
        print(f"built {args.db} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    with sqlite3.connect(args.db) as db:
        counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "people", "quotes", "meetings")}
    print(f"database: {args.db} {counts}")
    times = asyncio.run(measure_answers(args.db, args.rounds))
    every = [v for vs in times.values() for v in vs]
    raw = measure_raw(args.db, args.rounds)
    for q, vs in times.items():
        extra = f"  (raw FTS5 p50 {statistics.median(raw[q]):.2f})" if q in raw else ""
        print(f"  p50 {statistics.median(vs):7.2f} ms  p95 {_pct(vs, 95):7.2f} ms  {q}{extra}")
    searched = [v for q in raw for v in times[q]]
    raw_all = [v for vs in raw.values() for v in vs]
    print(f"answer(), all questions:    p50 {_pct(every, 50):.2f} ms  p95 {_pct(every, 95):.2f} ms ({len(every)})")
    print(f"answer(), search questions: p50 {_pct(searched, 50):.2f} ms  p95 {_pct(searched, 95):.2f} ms")
    print(f"raw FTS5 queries:           p50 {_pct(raw_all, 50):.2f} ms  p95 {_pct(raw_all, 95):.2f} ms")
    print(f"p95 answer(search) / p95 raw: {_pct(searched, 95) / max(_pct(raw_all, 95), 1e-9):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
