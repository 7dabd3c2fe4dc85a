"""Read articles from files: the seed format, plain text or Markdown, HTML, JSON and JSON Lines.

Every reader yields :class:`ImportItem` values, one per article, each either a draft
or a specific error naming the item (file and line), so a bulk import keeps every good
item and reports every bad one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.errors import ImportProblem
from bot.models import ArticleDraft

MAX_ARTICLE_CHARS = 500_000
"""Default size cap of one article's text, in characters (NEWSBOT_MAX_ARTICLE_CHARS)."""

MAX_FILE_BYTES = 200 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")

_SEED_HEAD = re.compile(r"^\s*date\s+(\S+)\s*(.*)$", re.S)
_FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’]?\s+(?=[A-Z\"“‘])")
_HEADING_MAX_WORDS = 16


@dataclass(slots=True)
class ImportItem:
    """One article read from a file: a draft, or the reason it was refused."""

    label: str  # e.g. "articles.jsonl:17" or "note.txt"
    draft: ArticleDraft | None = None
    error: str | None = None


# ---------------------------------------------------------------- validation


def today_utc() -> date:
    return datetime.now(UTC).date()


def parse_article_date(value: object, *, today: date | None = None) -> str:
    """Return ``value`` as ``YYYY-MM-DD`` or raise ImportProblem saying what is wrong.

    ISO dates are taken as they are; other written forms ("13 June 2025") go through
    dateparser with strict parsing. Dates more than a day in the future are refused.
    """
    if not isinstance(value, str):
        raise ImportProblem(f"date must be a string YYYY-MM-DD, got {type(value).__name__}")
    raw = value.strip()
    if not raw:
        raise ImportProblem("date is empty (expected YYYY-MM-DD)")
    try:
        parsed = date.fromisoformat(raw[:10]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ].*)?", raw) else None
    except ValueError:
        raise ImportProblem(f"date {raw[:40]!r} is not a real date (expected YYYY-MM-DD)") from None
    if parsed is None:
        import dateparser

        found = dateparser.parse(
            raw, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
        )
        if found is None:
            raise ImportProblem(f"date {raw[:40]!r} is not a date (expected YYYY-MM-DD)")
        parsed = found.date()
    limit = (today or today_utc()) + timedelta(days=1)
    if parsed > limit:
        raise ImportProblem(f"date {parsed.isoformat()} is in the future")
    if parsed.year < 1900:
        raise ImportProblem(f"date {parsed.isoformat()} is before 1900")
    return parsed.isoformat()


def check_text(paragraphs: list[str], max_chars: int) -> list[str]:
    """Drop empty paragraphs; refuse empty or oversized text."""
    kept = [p for p in (normalize_space(p) for p in paragraphs) if p]
    if not kept:
        raise ImportProblem("article text is empty")
    size = sum(len(p) for p in kept)
    if size > max_chars:
        raise ImportProblem(f"article text is {size:,} characters, over the cap of {max_chars:,}")
    return kept


def normalize_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse anything binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportProblem("file claims UTF-16 but cannot be decoded") from None
    if b"\x00" in data[:8192]:
        raise ImportProblem("file is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            f"file is not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


# ---------------------------------------------------------------- paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside one are joined."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [p for p in (normalize_space(b) for b in blocks) if p]


def is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation is a section heading."""
    words = paragraph.split()
    return 0 < len(words) <= _HEADING_MAX_WORDS and paragraph[-1] not in ".!?…:;,\"”'’)"


def first_sentence(paragraph: str, limit: int = 200) -> str:
    sentence = _SENTENCE_END.split(paragraph, maxsplit=1)[0].strip()
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def title_from(paragraphs: list[str]) -> str:
    """The first heading, or else the first sentence."""
    for p in paragraphs:
        if is_heading(p):
            return p
    return first_sentence(paragraphs[0])


# ---------------------------------------------------------------- formats


def parse_seed(text: str, name: str, *, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None) -> ArticleDraft:
    """The seed format: ``date YYYY-MM-DD`` then the first paragraph, blank-line paragraphs."""
    paragraphs = split_paragraphs(text)
    head = _SEED_HEAD.match(paragraphs[0]) if paragraphs else None
    if not head:
        raise ImportProblem("seed format needs a first line beginning 'date YYYY-MM-DD'")
    day = parse_article_date(head.group(1), today=today)
    paragraphs = check_text([head.group(2), *paragraphs[1:]], max_chars)
    return ArticleDraft(title=title_from(paragraphs), date=day, paragraphs=paragraphs, ext_id=name)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def parse_plain(
    text: str, name: str, *, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None
) -> ArticleDraft:
    """Plain text or Markdown: front matter (title, date, url, source) or a first-line title.

    A first line ``date YYYY-MM-DD …`` means the seed format. Without a date in the
    front matter the article is refused: an undated article cannot answer "when".
    """
    if re.match(r"\s*date[ \t]+\S", text):
        return parse_seed(text, name, max_chars=max_chars, today=today)
    fields, body = _front_matter(text)
    paragraphs = [re.sub(r"^#{1,6}\s+", "", p) for p in split_paragraphs(body)]
    title = fields.get("title")
    if not title and paragraphs:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if "date" not in fields:
        raise ImportProblem("no date: add front matter with 'date: YYYY-MM-DD' (or use the seed format)")
    day = parse_article_date(fields["date"], today=today)
    paragraphs = check_text(paragraphs, max_chars)
    return ArticleDraft(
        title=normalize_space(title or title_from(paragraphs)),
        date=day,
        paragraphs=paragraphs,
        url=fields.get("url") or None,
        source=fields.get("source") or None,
        ext_id=name,
    )


def parse_html(
    data: str, name: str, *, url: str | None = None, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None
) -> ArticleDraft:
    """HTML: the main text through trafilatura, with its title, date and URL metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    if doc is None or not (doc.text or "").strip():
        raise ImportProblem("no article text found in the HTML page")
    if not doc.date:
        raise ImportProblem("the HTML page gives no publication date")
    day = parse_article_date(doc.date, today=today)
    paragraphs = check_text(re.split(r"\n+", doc.text), max_chars)
    return ArticleDraft(
        title=normalize_space(doc.title or title_from(paragraphs)),
        date=day,
        paragraphs=paragraphs,
        url=url or doc.url or None,
        source=doc.sitename or doc.hostname or None,
        ext_id=name,
    )


_RECORD_FIELDS = {"id": (str, int), "title": str, "date": str, "url": str, "source": str, "text": str, "place": str}


def parse_record(obj: object, *, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None) -> ArticleDraft:
    """One JSON article ``{"id","title","date","url","source","text"}`` (``place`` optional).

    ``date`` and ``text`` are required; an empty title falls back to the first sentence.
    """
    if not isinstance(obj, dict):
        raise ImportProblem(f"expected a JSON object, got {type(obj).__name__}")
    for key, kind in _RECORD_FIELDS.items():
        if obj.get(key) is not None and not isinstance(obj[key], kind):
            raise ImportProblem(f"field '{key}' must be a string, got {type(obj[key]).__name__}")
    for key in ("date", "text"):
        if not obj.get(key) or not str(obj[key]).strip():
            raise ImportProblem(f"field '{key}' is missing or empty")
    paragraphs = check_text(split_paragraphs(obj["text"]), max_chars)
    return ArticleDraft(
        title=normalize_space(obj.get("title") or "") or title_from(paragraphs),
        date=parse_article_date(obj["date"], today=today),
        paragraphs=paragraphs,
        url=(obj.get("url") or "").strip() or None,
        source=(obj.get("source") or "").strip() or None,
        ext_id=str(obj["id"]) if obj.get("id") is not None else None,
        place=(obj.get("place") or "").strip() or None,
    )


# ---------------------------------------------------------------- files


def read_bytes(
    data: bytes, filename: str, *, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None,
    url: str | None = None,
) -> Iterator[ImportItem]:
    """Read one file's bytes by its extension; never raises for bad content."""
    suffix = Path(filename).suffix.lower()
    stem = Path(filename).stem
    if suffix not in SUPPORTED_SUFFIXES:
        yield ImportItem(filename, error=f"unsupported file type '{suffix or 'none'}' "
                         f"(expected one of {', '.join(SUPPORTED_SUFFIXES)})")
        return
    try:
        text = decode_bytes(data)
    except ImportProblem as exc:
        yield ImportItem(filename, error=str(exc))
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(text, filename, max_chars=max_chars, today=today)
        return
    try:
        if suffix == ".json":
            yield from _read_json(text, filename, max_chars=max_chars, today=today)
            return
        if suffix in (".html", ".htm"):
            draft = parse_html(text, stem, url=url, max_chars=max_chars, today=today)
        else:
            draft = parse_plain(text, stem, max_chars=max_chars, today=today)
        yield ImportItem(filename, draft=draft)
    except ImportProblem as exc:
        yield ImportItem(filename, error=str(exc))


def _read_json(text: str, filename: str, **opts) -> Iterator[ImportItem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ImportItem(f"{filename}:{exc.lineno}", error=f"invalid JSON: {exc.msg}")
        return
    records = data if isinstance(data, list) else [data]
    for index, obj in enumerate(records, 1):
        label = f"{filename}[{index}]" if isinstance(data, list) else filename
        try:
            yield ImportItem(label, draft=parse_record(obj, **opts))
        except ImportProblem as exc:
            yield ImportItem(label, error=str(exc))


def _read_jsonl(text: str, filename: str, **opts) -> Iterator[ImportItem]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{filename}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ImportItem(label, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            yield ImportItem(label, draft=parse_record(obj, **opts))
        except ImportProblem as exc:
            yield ImportItem(label, error=str(exc))


def read_path(path: Path, *, max_chars: int = MAX_ARTICLE_CHARS, today: date | None = None) -> Iterator[ImportItem]:
    """Read a file (or every supported file in a directory, sorted)."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix.lower() in SUPPORTED_SUFFIXES and child.is_file():
                yield from read_path(child, max_chars=max_chars, today=today)
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield ImportItem(str(path), error=f"cannot read file: {exc.strerror}")
        return
    if size > MAX_FILE_BYTES:
        yield ImportItem(str(path), error=f"file is {size:,} bytes, over the cap of {MAX_FILE_BYTES:,}")
        return
    yield from read_bytes(path.read_bytes(), path.name, max_chars=max_chars, today=today)
