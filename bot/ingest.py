"""Bulk import: read items, extract the new ones in batches, store each atomically, report all."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from bot.importer import ImportItem
from bot.models import ArticleDraft, Extraction
from bot.store import Store

Extractor = Callable[[list[ArticleDraft]], Awaitable[list[Extraction]]]
"""Turns a batch of drafts into their extractions (in a worker, off the event loop)."""

Progress = Callable[[int], None]
"""Called with the number of items just handled."""


@dataclass(slots=True)
class ImportReport:
    """What a bulk import did with every item it read."""

    added: list[tuple[str, int]] = field(default_factory=list)  # (label, new id)
    duplicates: list[tuple[str, int, str]] = field(default_factory=list)  # (label, existing id, reason)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (label, message)

    @property
    def total(self) -> int:
        return len(self.added) + len(self.duplicates) + len(self.errors)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.duplicates)} duplicate(s) skipped, "
            f"{len(self.errors)} error(s)"
        )


def _batches(items: Iterable[ImportItem], size: int) -> Iterable[list[ImportItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


async def _extract(extractor: Extractor | None, fresh: list[tuple[str, ArticleDraft]]) -> list[Extraction | None]:
    if extractor is None or not fresh:
        return [None] * len(fresh)
    return list(await extractor([draft for _, draft in fresh]))


async def import_items(
    store: Store,
    items: Iterable[ImportItem],
    *,
    extractor: Extractor | None,
    added_by: str | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> ImportReport:
    """Store every good item with its extraction; report duplicates and bad items.

    Duplicates are found before extraction, so re-importing costs no NLP. Batches are
    pipelined: the next batch is being extracted while this one is written. Each article
    and its derived rows commit together; a failure on one item loses no other.
    """
    report = ImportReport()
    waiting: tuple[list[tuple[str, ArticleDraft]], asyncio.Task, int] | None = None
    try:
        for batch in _batches(items, batch_size):
            fresh = await _screen(store, batch, report)
            task = asyncio.ensure_future(_extract(extractor, fresh))
            if waiting:
                await _store_batch(store, *waiting, report=report, added_by=added_by, progress=progress)
            waiting = (fresh, task, len(batch))
        if waiting:
            await _store_batch(store, *waiting, report=report, added_by=added_by, progress=progress)
            waiting = None
    finally:
        if waiting:
            waiting[1].cancel()
    return report


async def _screen(store: Store, batch: list[ImportItem], report: ImportReport) -> list[tuple[str, ArticleDraft]]:
    """The batch's new drafts; bad items and stored duplicates go to the report."""
    fresh: list[tuple[str, ArticleDraft]] = []
    for item in batch:
        if item.draft is None:
            report.errors.append((item.label, item.error or "unreadable"))
            continue
        duplicate = await store.find_duplicate(item.draft)
        if duplicate:
            report.duplicates.append((item.label, duplicate.article_id, duplicate.duplicate_reason or ""))
            continue
        fresh.append((item.label, item.draft))
    return fresh


async def _store_batch(
    store: Store, fresh: list[tuple[str, ArticleDraft]], extracting: asyncio.Task, size: int, *,
    report: ImportReport, added_by: str | None, progress: Progress | None,
) -> None:
    for (label, draft), extraction in zip(fresh, await extracting, strict=True):
        result = await store.add_article(draft, added_by=added_by, extraction=extraction)
        if result.created:
            report.added.append((label, result.article_id))
        else:
            report.duplicates.append((label, result.article_id, result.duplicate_reason or ""))
    if progress:
        progress(size)
