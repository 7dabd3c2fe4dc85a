"""Run extraction in a worker process so the bot's event loop is never blocked by spaCy."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from bot.models import ArticleDraft, Extraction

_NLP = None


def _init_worker() -> None:
    """Load the pipeline once per worker process."""
    global _NLP
    from bot.extract import load_nlp

    _NLP = load_nlp()


def _work(drafts: list[ArticleDraft]) -> list[Extraction]:
    from bot.extract import extract_many, load_nlp

    return list(extract_many(drafts, nlp=_NLP or load_nlp()))


def worker_pid() -> int:
    """The worker's process id (used by tests to prove the work runs out of process)."""
    return os.getpid()


class ExtractionPool:
    """A lazily started, spawn-safe process pool for extraction; an async context manager."""

    def __init__(self, workers: int = 1) -> None:
        self._workers = max(1, workers)
        self._executor: ProcessPoolExecutor | None = None

    def _ensure(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self._workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
            )
        return self._executor

    async def extract(self, drafts: list[ArticleDraft]) -> list[Extraction]:
        """Extract from ``drafts`` in the worker; awaits without blocking the loop."""
        if not drafts:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._ensure(), _work, list(drafts))

    async def pid(self) -> int:
        """The process id of a worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._ensure(), worker_pid)

    def close(self) -> None:
        """Stop the worker processes (a later ``extract`` starts them again)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def __aenter__(self) -> ExtractionPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.close)
