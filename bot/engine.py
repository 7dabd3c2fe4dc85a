"""`Engine`: the store, the extraction worker and the settings, opened together.

Both adapters, the `newsbot` CLI and the Discord cogs, work through one Engine.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from importlib import resources

from bot.config import Config
from bot.importer import ImportItem, parse_seed
from bot.ingest import ImportReport, Progress, import_items
from bot.models import ArticleDraft, Extraction
from bot.store import Store

log = logging.getLogger(__name__)

SEED_NAME = "000_2234170fe0e043b3"


def seed_draft() -> ArticleDraft:
    """The bundled sample article (shipped inside the package)."""
    text = resources.files("bot").joinpath("data/seed.txt").read_text(encoding="utf-8")
    return parse_seed(text, SEED_NAME)


class Engine:
    """Everything an adapter needs to answer: opened with :meth:`open`, closed with :meth:`close`."""

    def __init__(self, config: Config, store: Store, *, workers: int = 1) -> None:
        self.config = config
        self.store = store
        self.workers = max(1, workers)
        self._pool = None
        self._principals: dict[str, tuple[str, str]] | None = None
        self._principals_at = 0

    @classmethod
    async def open(cls, config: Config, *, load_sample: bool = True, workers: int = 1) -> Engine:
        """Open the store (migrated); ``workers`` extraction processes (the bot keeps one)."""
        store = await Store.open(config.db_path)
        engine = cls(config, store, workers=workers)
        if load_sample:
            await engine.load_sample_if_empty()
        return engine

    async def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        await self.store.close()

    async def __aenter__(self) -> Engine:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def extract(self, drafts: list[ArticleDraft]) -> list[Extraction]:
        """Extract a batch in worker processes (split among them), never on the event loop."""
        await self._fill_principals(drafts)
        if self._pool is None:
            from bot.extract.pool import ExtractionPool

            self._pool = ExtractionPool(self.workers)
        if self.workers == 1 or len(drafts) < 2 * self.workers:
            return await self._pool.extract(drafts)
        size = -(-len(drafts) // self.workers)
        parts = await asyncio.gather(*(self._pool.extract(drafts[i : i + size]) for i in range(0, len(drafts), size)))
        return [extraction for part in parts for extraction in part]

    async def _fill_principals(self, drafts: list[ArticleDraft]) -> None:
        """Tell each draft its source's principal, from the stored articles (kept until the store grows by 10%)."""
        from bot.extract.principal import fill_principals
        from bot.store.principals import source_principals

        if not any(d.source and d.principal is None for d in drafts):
            return
        count = await self.store.count_articles()
        if self._principals is None or count > self._principals_at * 1.1:
            self._principals, self._principals_at = await source_principals(self.store), count
        fill_principals(drafts, self._principals)

    async def import_items(
        self, items: Iterable[ImportItem], *, added_by: str | None = None, progress: Progress | None = None
    ) -> ImportReport:
        return await import_items(self.store, items, extractor=self.extract, added_by=added_by, progress=progress)

    async def load_sample_if_empty(self) -> bool:
        """Load the seed article into an empty database; True if it was loaded."""
        if await self.store.count_articles():
            return False
        report = await self.import_items([ImportItem(SEED_NAME, draft=seed_draft())], added_by="newsbot (sample)")
        log.info("loaded the bundled sample article: %s", report.summary())
        return bool(report.added)

    async def reextract(self, *, all_articles: bool = False, progress: Progress | None = None) -> int:
        """Re-run extraction over stale articles (or all); return how many were redone."""
        from bot.extract import EXTRACTOR_VERSION

        if all_articles:
            ids = await self.store.article_ids()
        else:
            ids = await self.store.stale_article_ids(EXTRACTOR_VERSION)
        for start in range(0, len(ids), 64):
            chunk = ids[start : start + 64]
            articles = [a for a in [await self.store.get_article(i) for i in chunk] if a]
            drafts = [
                ArticleDraft(title=a.title, date=a.date, paragraphs=a.paragraphs, url=a.url, source=a.source,
                             ext_id=a.ext_id, place=a.place)
                for a in articles
            ]
            for article, extraction in zip(articles, await self.extract(drafts), strict=True):
                await self.store.save_extraction(article.id, extraction)
            if progress:
                progress(len(chunk))
        return len(ids)
