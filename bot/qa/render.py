"""Answer text: one line per item, each with its sources ("Title" (date) <url>)."""

from __future__ import annotations

from datetime import date

from bot.dates import span_dates
from bot.qa.result import ArticleItem, MeetingItem, QuoteItem, Source
from bot.qa.timeparse import human_span
from bot.render import citation

MAX_LINES = 15
MAX_QUOTE_CHARS = 400


def when(written: str | None) -> str:
    """A written date for people: '13 June 2025', 'June 2025', '1–12 June 2025'."""
    span = span_dates(written)
    return human_span(*span) if span else (written or "date unknown")


def sources(items: list[Source]) -> str:
    return "; ".join(citation(s.title, s.date, s.url) for s in items)


def meeting_line(item: MeetingItem, focus: set[str]) -> str:
    others = [p for p in item.participants if p not in focus] or item.participants
    where = f", {item.place}" if item.place else ""
    return f"{', '.join(others)} — {when(item.date)}{where} — {sources(item.sources)}"


def quote_line(item: QuoteItem, *, with_speaker: bool = True) -> str:
    text = item.text if len(item.text) <= MAX_QUOTE_CHARS else item.text[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
    who = f"{item.speaker or 'unattributed'}, " if with_speaker else ""
    return f"\u201c{text}\u201d — {who}{citation(item.source.title, item.source.date, item.source.url)}"


def article_line(item: ArticleItem) -> str:
    return f"{citation(item.source.title, item.source.date, item.source.url)}  [#{item.source.article_id}]"


def listing(header: str, lines: list[str], note: str | None = None) -> str:
    shown = lines[:MAX_LINES]
    more = len(lines) - len(shown)
    body = [header, *(f"• {line}" for line in shown)]
    if more > 0:
        body.append(f"… and {more} more.")
    if note:
        body.append(note)
    return "\n".join(body)


def human_date(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return human_span(d, d)
