"""Dev databases from hand-made gold: articles stored with extractions read from a gold file.

Lets question answering be built and tested without the NLP extractor::

    python -m bot.qa.gold DB_PATH GOLD.jsonl ARTICLE_PATH...
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from bot.importer import read_path
from bot.models import Extraction, Meeting, PersonMention, Quote
from bot.store import Store

GOLD_VERSION = "gold"


def gold_extraction(record: dict) -> Extraction:
    """One gold line (FORMAT.md) as an :class:`Extraction`."""
    people = [
        PersonMention(name=p["name"], title=p.get("title") or None, aliases=list(p.get("aliases") or []))
        for p in record.get("people", [])
    ]
    quotes = [Quote(text=q["text"], speaker=q.get("speaker"), paragraph=0, start=0, end=0)
              for q in record.get("quotes", [])]
    meetings = [Meeting(participants=list(m["participants"]), date=m.get("date") or None, place=m.get("place") or None)
                for m in record.get("meetings", [])]
    return Extraction(people=people, quotes=quotes, meetings=meetings, version=GOLD_VERSION)


def load_gold(path: str | Path) -> dict[str, Extraction]:
    """Gold extractions by article id."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[str(record["id"])] = gold_extraction(record)
    return out


async def build_gold_db(db_path: str | Path, gold_path: str | Path, article_paths: list[str | Path]) -> Store:
    """Open (create) a database and store every article with its gold extraction (none if absent)."""
    gold = load_gold(gold_path)
    store = await Store.open(db_path)
    for path in article_paths:
        for item in read_path(Path(path)):
            if item.draft is not None:
                await store.add_article(item.draft, added_by="gold", extraction=gold.get(item.draft.ext_id or ""))
    return store


async def _main(argv: list[str]) -> int:
    if len(argv) < 3:
        sys.stderr.write(__doc__ or "")
        return 2
    store = await build_gold_db(argv[0], argv[1], argv[2:])
    count = await store.count_articles()
    await store.close()
    sys.stdout.write(f"{count} articles in {argv[0]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(_main(sys.argv[1:])))
