"""The inventory of chat phrasings (tests/data/phrasings.jsonl) over a database built from the dev gold.

Each question is answered through ``bot.qa.answer`` and scored with the evaluation's own scorer;
the mean must not drop below the figure measured when the inventory was written, less 0.03.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

from bot.qa import answer
from bot.qa.gold import build_gold_db

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "dev"
MEASURED = 1.0  # mean score of the 207 phrasings (p202-p207 added for "on X's video call" and "the father of X";
# p175-p201 added for occasions, online modifiers, "where did X
# and Y meet", meeting words as quote topics: 0.958 on the code before those rules, 0.686 on the new 27 alone)
FLOOR = MEASURED - 0.03


def _scorer():
    spec = importlib.util.spec_from_file_location("dev_score", DEV / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_phrasings_inventory_scores_above_floor(tmp_path):
    questions = [json.loads(line) for line in (DATA / "phrasings.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    assert len(questions) >= 200
    store = await build_gold_db(tmp_path / "gold.db", DEV / "gold.jsonl",
                                [DEV / "000_2234170fe0e043b3.txt", DEV / "articles.jsonl"])
    try:
        answers = []
        for q in questions:
            a = await answer(store, q["question"], now=date.fromisoformat(q["now"]))
            answers.append(a.to_contract(q["id"], q["question"]))
    finally:
        await store.close()
    result = _scorer().score_ask(questions, answers)
    misses = [r for r in result["per_question"] if r["score"] < 0.999]
    assert result["mean_score"] >= FLOOR, misses
