"""Digest composition (pure): what is new, as sections of text split into messages that fit Discord.

The cog and the CLI fetch a :class:`DigestContent` from the store and call
:func:`digest_messages` (scheduled and manual posts) or :func:`digest_text` (CLI).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

MESSAGE_LIMIT = 2000  # Discord's limit on a message's content
MAX_ARTICLES = 25
MAX_MEETINGS = 10
MAX_QUOTES = 3
MAX_PEOPLE = 5

_MARKDOWN = re.compile(r"([\\*_~`|])")


@dataclass(frozen=True, slots=True)
class DigestArticle:
    id: int
    title: str
    date: str
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class DigestMeeting:
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    article_id: int
    kind: str = "meeting"


@dataclass(frozen=True, slots=True)
class DigestQuote:
    text: str
    speaker: str
    article_id: int


@dataclass(frozen=True, slots=True)
class DigestPerson:
    name: str
    articles: int  # in how many of the new articles they are mentioned


@dataclass(slots=True)
class DigestContent:
    """Everything a digest reports; ``period`` is how the covered time reads ("since Mon 3 Mar 08:00")."""

    period: str
    articles: list[DigestArticle] = field(default_factory=list)
    meetings: list[DigestMeeting] = field(default_factory=list)
    quotes: list[DigestQuote] = field(default_factory=list)
    people: list[DigestPerson] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.articles


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its lines; a message break falls between lines, never inside one (unless it must)."""

    heading: str
    lines: tuple[str, ...]


def escape(text: str) -> str:
    """Text with Discord markdown characters escaped, on one line."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def notable_quotes(quotes: list[DigestQuote], people: list[DigestPerson], limit: int = MAX_QUOTES) -> list[DigestQuote]:
    """Up to ``limit`` quotes worth reading: attributed, of a readable length, from different speakers.

    Speakers who are mentioned most rank first; between equals, the fuller quote.
    """
    rank = {p.name: p.articles for p in people}

    def score(q: DigestQuote) -> tuple[int, int, int]:
        words = len(q.text.split())
        readable = 1 if 8 <= words <= 60 else 0
        return (readable, rank.get(q.speaker, 0), min(words, 60))

    chosen: list[DigestQuote] = []
    seen_speakers: set[str] = set()
    seen_text: set[str] = set()
    for quote in sorted(quotes, key=score, reverse=True):
        key = " ".join(quote.text.lower().split())
        if not quote.speaker or len(quote.text.split()) < 4 or key in seen_text or quote.speaker in seen_speakers:
            continue
        chosen.append(quote)
        seen_speakers.add(quote.speaker)
        seen_text.add(key)
        if len(chosen) == limit:
            break
    return chosen


def _article_line(article: DigestArticle) -> str:
    line = f"\u2022 **{escape(_clip(article.title, 200))}** ({article.date})"
    if article.source:
        line += f" \u2014 {escape(_clip(article.source, 60))}"
    if article.url:
        line += f" <{article.url[:500]}>"
    return line


def _meeting_line(meeting: DigestMeeting) -> str:
    who = ", ".join(escape(p) for p in meeting.participants[:6]) or "unnamed participants"
    if len(meeting.participants) > 6:
        who += f" and {len(meeting.participants) - 6} more"
    verb = {"call": "spoke by phone", "planned": "are to meet"}.get(meeting.kind, "met")
    line = f"\u2022 {who} {verb}"
    if meeting.date:
        line += f" on {meeting.date}" if len(meeting.date) == 10 else f" in {meeting.date}"
    if meeting.place:
        line += f" in {escape(meeting.place)}"
    return line


def _quote_line(quote: DigestQuote) -> str:
    return f"> \u201c{escape(_clip(quote.text, 400))}\u201d \u2014 {escape(quote.speaker)}"


def compose(
    content: DigestContent,
    *,
    max_articles: int | None = MAX_ARTICLES,
    max_meetings: int = MAX_MEETINGS,
) -> list[Section]:
    """The digest as sections: title, articles, meetings, quotes, most mentioned (empty ones left out)."""
    count = len(content.articles)
    title = f"**News digest** \u2014 {count} new article{'s' if count != 1 else ''} {content.period}"
    sections = [Section(title, ())]
    shown = content.articles if max_articles is None else content.articles[:max_articles]
    lines = [_article_line(a) for a in shown]
    if len(shown) < count:
        lines.append(f"\u2026 and {count - len(shown)} more")
    sections.append(Section("**Articles**", tuple(lines)))
    if content.meetings:
        meetings = [_meeting_line(m) for m in content.meetings[:max_meetings]]
        if len(content.meetings) > max_meetings:
            meetings.append(f"\u2026 and {len(content.meetings) - max_meetings} more")
        sections.append(Section("**Meetings**", tuple(meetings)))
    quotes = notable_quotes(content.quotes, content.people)
    if quotes:
        sections.append(Section("**Quotes**", tuple(_quote_line(q) for q in quotes)))
    if content.people:
        people = ", ".join(f"{escape(p.name)} ({p.articles})" for p in content.people[:MAX_PEOPLE])
        sections.append(Section("**Most mentioned**", (people,)))
    return sections


def period_since(since: datetime | None, tz: tzinfo) -> str:
    """"since Sun 29 Mar 08:00 CEST" in the digest's time zone ("so far" with no earlier digest)."""
    if since is None:
        return "so far"
    local = since.astimezone(tz)
    return f"since {local:%a} {local.day} {local:%b %Y, %H:%M} {local.tzname()}"


def period_dated(first: date, last: date) -> str:
    """"dated 2025-06-01 to 2025-06-07" (the CLI's period)."""
    return f"dated {first.isoformat()}" if first == last else f"dated {first.isoformat()} to {last.isoformat()}"


def empty_line(period: str) -> str:
    """The one line posted when nothing is new (if the setting asks for it)."""
    return f"No new articles {period}."


def _hard_split(line: str, limit: int) -> list[str]:
    """A line longer than ``limit`` cut at spaces where possible."""
    pieces = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit)
        if cut <= limit // 2:
            cut = limit
        pieces.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    if line:
        pieces.append(line)
    return pieces


def split_sections(sections: list[Section], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack sections into messages of at most ``limit`` characters.

    Breaks fall between lines; a heading stays with its first line; a section that
    starts a new message is not preceded by a blank line.
    """
    blocks: list[list[str]] = []  # units that move together: blank line + heading + first line, then one per line
    for number, section in enumerate(sections):
        first = ([""] if number else []) + [section.heading] + list(section.lines[:1])
        blocks.append(first)
        blocks.extend([line] for line in section.lines[1:])
    messages: list[str] = []
    current: list[str] = []
    for block in blocks:
        lines = [piece for line in block for piece in (_hard_split(line, limit) if line else [""])]
        candidate = "\n".join(current + lines)
        if current and len(candidate) > limit:
            messages.append("\n".join(current).strip("\n"))
            current = []
            while lines and not lines[0]:
                lines.pop(0)
        for line in lines:
            if current and len("\n".join([*current, line])) > limit:
                messages.append("\n".join(current).strip("\n"))
                current = []
            current.append(line)
    if current:
        messages.append("\n".join(current).strip("\n"))
    return [m for m in messages if m]


def digest_messages(content: DigestContent, *, empty_post: bool = True, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The messages to post: the digest split to fit, one line when nothing is new, or none."""
    if content.empty:
        return [empty_line(content.period)] if empty_post else []
    return split_sections(compose(content), limit)


def digest_text(content: DigestContent) -> str:
    """The whole digest as one text (the CLI), every article listed."""
    if content.empty:
        return empty_line(content.period)
    sections = compose(content, max_articles=None, max_meetings=len(content.meetings))
    return "\n\n".join("\n".join([s.heading, *s.lines]) for s in sections)
