"""``python -m bot.extract PATH...``: one JSON line per article (the ``newsbot extract`` contract)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.extract import extract_many
from bot.importer import read_path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m bot.extract PATH...", file=sys.stderr)
        return 2
    drafts = []
    for arg in args:
        for item in read_path(Path(arg)):
            if item.draft is None:
                print(f"{item.label}: {item.error}", file=sys.stderr)
            else:
                drafts.append(item.draft)
    for draft, ext in zip(drafts, extract_many(drafts), strict=True):
        print(json.dumps(ext.to_contract(draft.ext_id or ""), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
