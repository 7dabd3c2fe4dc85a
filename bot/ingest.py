"""Bulk import: read items, extract the new ones in batches, store each atomically, report all."""

from __future__ import annotations

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

    Duplicates are found before extraction, so re-importing costs no NLP. Each article
    and its derived rows commit together; a failure on one item loses no other.
    """
    report = ImportReport()
    for batch in _batches(items, batch_size):
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
        extractions: list[Extraction | None] = [None] * len(fresh)
        if extractor is not None and fresh:
            extractions = list(await extractor([draft for _, draft in fresh]))
        for (label, draft), extraction in zip(fresh, extractions, strict=True):
            result = await store.add_article(draft, added_by=added_by, extraction=extraction)
            if result.created:
                report.added.append((label, result.article_id))
            else:
                report.duplicates.append((label, result.article_id, result.duplicate_reason or ""))
        if progress:
            progress(len(batch))
    return report
