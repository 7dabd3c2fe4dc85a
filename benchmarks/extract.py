"""Benchmark: `newsbot import` (store + extraction) beside bare spaCy `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/extract.py [--corpus PATH] [--limit N]

Reports articles/s and words/s of a full `newsbot import` into a fresh database (a
subprocess, as a user runs it) with one extraction worker (like for like) and with one
per core (the default), of bare single-process `nlp.pipe` over the same paragraphs with the
pipeline extraction loads, their ratios (the figure; goal <= 1.3x), and peak memory
(max RSS of the import process and of its extraction workers).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "pressreleases.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bot.extract import load_nlp
    from bot.importer import read_path

    drafts = [i.draft for i in read_path(args.corpus) if i.draft][: args.limit]
    words = sum(len(p.split()) for d in drafts for p in d.paragraphs)
    imports = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for line in args.corpus.read_text(encoding="utf-8").splitlines()[: args.limit]:
                out.write(line + "\n")
        for workers in sorted({1, os.cpu_count() or 1}):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "bot.cli", "--db", str(Path(tmp) / f"bench{workers}.db"), "import",
                 "--workers", str(workers), str(source)],
                cwd=ROOT, capture_output=True, text=True,
            )
            seconds = time.perf_counter() - start
            if result.returncode not in (0, 1):
                print(result.stderr, file=sys.stderr)
                return 1
            imports[workers] = {"seconds": round(seconds, 1), "articles_per_s": round(len(drafts) / seconds, 1),
                                "words_per_s": round(words / seconds), "summary": result.stdout.strip()}
        child_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    nlp = load_nlp()
    texts = [p for d in drafts for p in d.paragraphs]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    nlp_s = time.perf_counter() - start
    own_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    report = {
        "articles": len(drafts),
        "words": words,
        "import_by_workers": imports,
        "bare_nlp_pipe": {"seconds": round(nlp_s, 1), "articles_per_s": round(len(drafts) / nlp_s, 1),
                          "words_per_s": round(words / nlp_s), "pipes": nlp.pipe_names},
        "ratio_import_to_nlp_by_workers": {w: round(r["seconds"] / nlp_s, 2) for w, r in imports.items()},
        "peak_rss_mb": {"import_processes": round(child_rss_mb), "bare_nlp": round(own_rss_mb)},
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
