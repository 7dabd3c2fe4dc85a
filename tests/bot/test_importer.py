"""The importer on every format and on each kind of bad input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import bot
from bot.errors import ImportProblem
from bot.importer import MAX_ARTICLE_CHARS, parse_article_date, read_bytes, read_path

TODAY = date(2026, 1, 10)
SEED = Path(bot.__file__).parent / "data" / "seed.txt"


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def good(data: bytes, name: str):
    item = only(read_bytes(data, name, today=TODAY))
    assert item.error is None, item.error
    return item.draft


def bad(data: bytes, name: str) -> str:
    item = only(read_bytes(data, name, today=TODAY))
    assert item.draft is None
    return item.error


def test_seed_format() -> None:
    item = only(read_path(SEED))
    d = item.draft
    assert d.date == "2025-06-13"
    assert d.ext_id == "seed"
    assert d.paragraphs[0].startswith("Belarus is committed to fortifying")
    assert d.title == "President: Committed to Ensuring Unity Amidst Storms and Tempests"
    assert "Belarus-China: A Unique Model of Cooperation" in d.paragraphs, "headings stay their own paragraphs"
    assert len(d.paragraphs) == 14


def test_seed_without_heading_takes_first_sentence() -> None:
    d = good(b"date 2024-02-03 Talks were held in Minsk today. They went well.\n\nSecond paragraph here.", "s.txt")
    assert (d.title, d.date) == ("Talks were held in Minsk today.", "2024-02-03")


def test_plain_text_with_front_matter_and_markdown() -> None:
    md = (
        "---\ntitle: Summit ends\ndate: 2022-06-21\nurl: https://ex.org/a\nsource: ex.org\n---\n"
        "# Heading\n\nBody one.\n"
    )
    d = good(md.encode(), "note.md")
    assert (d.title, d.date, d.url, d.source, d.ext_id) == ("Summit ends", "2022-06-21", "https://ex.org/a",
                                                          "ex.org", "note")
    assert d.paragraphs == ["Heading", "Body one."]


def test_plain_text_title_from_first_line_and_written_date() -> None:
    d = good(b"---\ndate: 21 June 2022\n---\nSummit ends\n\nLeaders met.", "n.txt")
    assert (d.title, d.date, d.paragraphs) == ("Summit ends", "2022-06-21", ["Leaders met."])


def test_html_main_text_through_trafilatura() -> None:
    html = """<html><head><title>Leaders meet in Kyiv | Example News</title>
    <meta property="article:published_time" content="2022-06-21T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Leaders meet in Kyiv</h1>
    <p>President Volodymyr Zelenskyy met Prime Minister Xavier Bettel in Kyiv on Tuesday to discuss support.</p>
    <p>"Ukraine belongs in the European family," Bettel said after the talks in the capital city.</p>
    </article><footer>Copyright 2022 cookie policy</footer></body></html>"""
    d = good(html.encode(), "page.html")
    assert d.date == "2022-06-21"
    assert "Leaders meet in Kyiv" in d.title
    assert any("Xavier Bettel" in p for p in d.paragraphs)
    assert not any("cookie policy" in p for p in d.paragraphs)


def test_json_and_jsonl_in_corpus_shape(tmp_path: Path) -> None:
    rec = {"id": "ua-1", "title": "T", "date": "2022-01-02", "url": "https://x/1", "source": "x", "text": "Hello."}
    d = good(json.dumps(rec).encode(), "one.json")
    assert (d.ext_id, d.title, d.url, d.paragraphs) == ("ua-1", "T", "https://x/1", ["Hello."])
    lines = [json.dumps({**rec, "id": f"ua-{n}", "text": f"Text {n}."}) for n in range(3)]
    items = list(read_bytes("\n".join(lines).encode(), "many.jsonl", today=TODAY))
    assert [i.draft.ext_id for i in items] == ["ua-0", "ua-1", "ua-2"]


def test_jsonl_keeps_good_items_and_names_bad_lines() -> None:
    good_line = json.dumps({"id": "a", "title": "T", "date": "2022-01-02", "text": "Fine."})
    lines = [good_line, "{not json", json.dumps({"id": "b", "title": 5, "date": "2022-01-02", "text": "x"}),
             "", json.dumps({"id": "c", "title": "T", "date": "2022-13-45", "text": "x"}),
             json.dumps({"id": "d", "title": "T", "date": "2022-01-02", "text": "   "}),
             json.dumps(["a", "list"])]
    items = list(read_bytes("\n".join(lines).encode(), "mix.jsonl", today=TODAY))
    assert items[0].draft is not None
    errors = {i.label: i.error for i in items if i.error}
    assert set(errors) == {"mix.jsonl:2", "mix.jsonl:3", "mix.jsonl:5", "mix.jsonl:6", "mix.jsonl:7"}
    assert "invalid JSON" in errors["mix.jsonl:2"]
    assert "'title' must be a string, got int" in errors["mix.jsonl:3"]
    assert "not a real date" in errors["mix.jsonl:5"]
    assert "'text' is missing or empty" in errors["mix.jsonl:6"]
    assert "expected a JSON object" in errors["mix.jsonl:7"]


def test_empty_title_falls_back_to_first_sentence() -> None:
    rec = {"id": "a", "title": "", "date": "2022-01-02", "text": "Russia should stop. More text."}
    assert good(json.dumps(rec).encode(), "a.json").title == "Russia should stop."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.txt", "no date"),
        (b"date 2022-01-01   \n\n  \n", "empty-seed.txt", "text is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", "binary"),
        ("date 2022-01-01 Caf\u00e9 talks.".encode("latin-1"), "latin1.txt", "not UTF-8"),
        (b"date 2022-02-30 Text.", "feb30.txt", "not a real date"),
        (b"date someday Text.", "nodate.txt", "not a date"),
        (b"date 2031-01-01 Text.", "future.txt", "in the future"),
        (b"hello", "file.pdf", "unsupported file type"),
        (b'{"id": "x", "title": "t", "date": "2022-01-01", "text": ["a"]}', "t.json", "'text' must be a string"),
    ],
)
def test_bad_input_is_refused_with_a_specific_error(data: bytes, name: str, message: str) -> None:
    assert message in bad(data, name)


def test_utf16_with_bom_is_read() -> None:
    d = good("date 2022-01-01 Caf\u00e9 talks were held.".encode("utf-16"), "u16.txt")
    assert d.paragraphs == ["Caf\u00e9 talks were held."]


def test_oversized_article_is_refused() -> None:
    body = "word " * (MAX_ARTICLE_CHARS // 5 + 10)
    assert "over the cap" in bad(f"date 2022-01-01 {body}".encode(), "huge.txt")


def test_dates() -> None:
    assert parse_article_date("2022-06-21", today=TODAY) == "2022-06-21"
    assert parse_article_date("2022-06-21T10:00:00Z", today=TODAY) == "2022-06-21"
    assert parse_article_date("2026-01-11", today=TODAY) == "2026-01-11", "a day ahead is allowed (time zones)"
    with pytest.raises(ImportProblem, match="in the future"):
        parse_article_date("2026-01-12", today=TODAY)
    with pytest.raises(ImportProblem, match="must be a string"):
        parse_article_date(20220621, today=TODAY)


def test_directory_reads_supported_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("date 2022-01-02 Second one.")
    (tmp_path / "a.txt").write_text("date 2022-01-01 First one.")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    assert [i.draft.ext_id for i in read_path(tmp_path)] == ["a", "b"]


def test_missing_file_is_an_item_error(tmp_path: Path) -> None:
    assert "cannot read file" in only(read_path(tmp_path / "nope.txt")).error
