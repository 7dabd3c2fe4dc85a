"""ExtractionPool runs extraction in another process and keeps the event loop free."""

from __future__ import annotations

import asyncio
import os
import time

from bot.extract.pool import ExtractionPool
from bot.models import ArticleDraft

TEXT = ('President of Ukraine Volodymyr Zelenskyy met with Prime Minister of Finland Sanna Marin in Kyiv. '
        '"These are very important signals of support," he said.')


async def test_pool_runs_out_of_process_and_loop_stays_responsive():
    drafts = [ArticleDraft(title="t", date="2022-05-26", paragraphs=[TEXT] * 20, ext_id=str(i)) for i in range(8)]
    async with ExtractionPool() as pool:
        assert pool._executor is None  # lazily started
        assert await pool.pid() != os.getpid()
        ticks = 0
        gaps: list[float] = []

        async def ticker() -> None:
            nonlocal ticks
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now
                ticks += 1

        task = asyncio.create_task(ticker())
        out = await pool.extract(drafts)
        task.cancel()
        assert len(out) == 8
        assert out[0].quotes and out[0].quotes[0].speaker == "Volodymyr Zelenskyy"
        assert ticks > 0 and max(gaps) < 0.5
    assert pool._executor is None
