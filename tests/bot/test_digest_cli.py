"""`newsbot digest [--since] [--until]`: the digest of the articles dated in a period."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import main
from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.store import Store


def fill(path: Path) -> None:
    async def go() -> None:
        async with await Store.open(path) as store:
            for n, day in enumerate(["2026-03-01", "2026-03-05", "2026-03-09"]):
                extraction = Extraction(
                    people=[PersonMention("Anna Berg"), PersonMention("Carl Dahl")],
                    quotes=[Quote(f"We will keep talking until there is an agreement, said for the {n} time.",
                                  "Anna Berg", 0, 0, 5)],
                    meetings=[Meeting(["Anna Berg", "Carl Dahl"], day, "Geneva")],
                    version="t",
                )
                await store.add_article(
                    ArticleDraft(title=f"Talks day {n}", date=day, paragraphs=[f"Body {n}."],
                                 url=f"https://news.example/{n}", source="Wire"),
                    extraction=extraction,
                )

    asyncio.run(go())


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NEWSBOT_DB", "NEWSBOT_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "digest.db"
    fill(path)
    return path


def test_digest_prints_the_period(db: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--db", str(db), "digest", "--since", "2026-03-01", "--until", "2026-03-05"]) == 0
    out = capsys.readouterr().out
    assert "2 new articles dated 2026-03-01 to 2026-03-05" in out
    assert "Talks day 0" in out and "Talks day 1" in out and "Talks day 2" not in out
    assert "**Meetings**" in out and "Anna Berg, Carl Dahl met on 2026-03-05 in Geneva" in out
    assert "**Quotes**" in out and "\u2014 Anna Berg" in out
    assert "**Most mentioned**" in out and "Anna Berg (2)" in out


def test_digest_of_an_empty_period(db: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--db", str(db), "digest", "--since", "2020-01-01", "--until", "2020-01-31"]) == 0
    assert capsys.readouterr().out.strip() == "No new articles dated 2020-01-01 to 2020-01-31."


def test_digest_rejects_a_reversed_period_and_bad_dates(db: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--db", str(db), "digest", "--since", "2026-03-09", "--until", "2026-03-01"]) == 2
    assert "--since must not be after --until" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", str(db), "digest", "--since", "March"])
    assert "is not a date of the form YYYY-MM-DD" in capsys.readouterr().err
