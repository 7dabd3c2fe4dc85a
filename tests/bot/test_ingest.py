"""Bulk import: batches pipelined through an extractor, every item accounted for."""

from __future__ import annotations

import asyncio

from bot.importer import ImportItem
from bot.ingest import import_items
from bot.models import ArticleDraft, Extraction, PersonMention
from bot.store import Store


def item(n: int, text: str | None = None) -> ImportItem:
    draft = ArticleDraft(title=f"T{n}", date="2022-01-01", paragraphs=[text or f"Article number {n}."],
                         url=f"https://ex.org/{n}")
    return ImportItem(f"in.jsonl:{n}", draft=draft)


async def test_every_item_is_added_duplicate_or_error_across_batches(store: Store) -> None:
    seen: list[list[str]] = []

    async def extractor(drafts: list[ArticleDraft]) -> list[Extraction]:
        seen.append([d.title for d in drafts])
        await asyncio.sleep(0)
        return [Extraction(people=[PersonMention(f"Person {d.title}")], version="t") for d in drafts]

    items = [item(n) for n in range(1, 8)]
    items.insert(3, ImportItem("in.jsonl:bad", error="date is empty"))
    items.append(item(99, text="Article number 2."))  # same text as item 2, in a later batch
    progress: list[int] = []
    report = await import_items(store, items, extractor=extractor, batch_size=3, progress=progress.append)
    assert [label for label, _ in report.added] == [f"in.jsonl:{n}" for n in range(1, 8)]
    assert report.errors == [("in.jsonl:bad", "date is empty")]
    assert [(label, reason) for label, _, reason in report.duplicates] == [("in.jsonl:99", "same text")]
    assert sum(progress) == len(items)
    assert seen[0] == ["T1", "T2", "T3"]
    assert await store.count_articles() == 7
    assert (await store.fetchone("SELECT COUNT(*) FROM mentions"))[0] == 7


async def test_reimport_costs_no_extraction(store: Store) -> None:
    calls = 0

    async def extractor(drafts: list[ArticleDraft]) -> list[Extraction]:
        nonlocal calls
        calls += 1
        return [Extraction(version="t") for _ in drafts]

    items = [item(n) for n in range(5)]
    await import_items(store, items, extractor=extractor)
    calls = 0
    report = await import_items(store, items, extractor=extractor)
    assert (len(report.added), len(report.duplicates), calls) == (0, 5, 0)
