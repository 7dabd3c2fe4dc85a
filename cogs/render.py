"""Embeds from engine results: answers, articles, import reports. Pure: no I/O, no engine calls.

Every function keeps within Discord's limits (``LIMITS``) and escapes text that came
from articles or users, so nothing echoed can ping anyone or break the formatting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

import discord

from bot.ingest import ImportReport
from bot.models import Article
from bot.qa.result import Answer, Item, MeetingItem, QuoteItem, Source

LIMITS = {
    "content": 2000, "title": 256, "description": 4096, "fields": 25, "field_name": 256,
    "field_value": 1024, "footer": 2048, "author": 256, "total": 6000, "embeds": 10,
}
PAGE_CHARS = 3800  # description budget per page (under 4096, leaving room for the answer text)
PAGE_ITEMS = 8
COLOUR = discord.Colour.blurple()
NO_MENTIONS = discord.AllowedMentions.none()
URL_SAFE = ":/?#@!$&'*+,;=%~-._"  # characters kept as they are in a masked link's URL


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    text = text or ""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "\u2026"


def safe(text: str | None) -> str:
    """User or article text made inert: no mentions, no markdown."""
    return discord.utils.escape_markdown(discord.utils.escape_mentions(text or ""), as_needed=False)


def link(title: str, url: str | None, limit: int = 200) -> str:
    """A masked link ``[title](url)`` (title escaped); plain escaped title without an http(s) URL."""
    shown = safe(clip(title, limit)).replace("[", "(").replace("]", ")")
    if url and url.startswith(("http://", "https://")):
        return f"[{shown}]({quote(url, safe=URL_SAFE)})"
    return shown


def source_line(source: Source, date: str | None = None) -> str:
    """``[Title](url) · 2025-06-13 · #12``: where an item comes from."""
    return f"{link(source.title, source.url, 150)} \u00b7 {date or source.date} \u00b7 #{source.article_id}"


def item_entry(item: Item) -> str:
    """One answer item as a few lines of markdown, ending with its source(s)."""
    if isinstance(item, QuoteItem):
        speaker = safe(item.speaker or "unattributed")
        return f"> \u201c{safe(clip(item.text, 700))}\u201d\n\u2014 **{speaker}**, {source_line(item.source)}"
    if isinstance(item, MeetingItem):
        who = clip(", ".join(safe(p) for p in item.participants) or "unnamed", 300)
        when = safe(item.date or "date unknown")
        where = f" in {safe(item.place)}" if item.place else ""
        sources = "\n".join(source_line(s) for s in item.sources[:3]) or "source unknown"
        more = f" (+{len(item.sources) - 3} more)" if len(item.sources) > 3 else ""
        return f"**{who}** \u2014 {when}{where}\n{sources}{more}"
    return f"**{item.source.date}** {link(item.source.title, item.source.url)} \u00b7 #{item.source.article_id}"


def item_date(item: Item) -> str:
    """The date an item is filed under: its article's date (a meeting's first report)."""
    if isinstance(item, MeetingItem):
        return item.sources[0].date if item.sources else (item.start or "")
    return item.source.date


def pack(entries: Sequence[str], *, first: str = "", chars: int = PAGE_CHARS, per_page: int = PAGE_ITEMS
         ) -> list[str]:
    """Entries grouped into page descriptions of at most ``chars`` and ``per_page`` entries each."""
    pages: list[str] = []
    current = clip(first, chars // 2) if first else ""
    count = 0
    for entry in entries:
        entry = clip(entry, chars // 2)
        joined = f"{current}\n\n{entry}" if current else entry
        if current and (len(joined) > chars or count >= per_page):
            pages.append(current)
            current, count = entry, 1
        else:
            current, count = joined, count + 1
    if current or not pages:
        pages.append(current)
    return pages


def paged_embeds(title: str, descriptions: Sequence[str], *, footer: str = "",
                 fields: Iterable[tuple[str, str]] = (), url: str | None = None) -> list[discord.Embed]:
    """One embed per description, numbered in the footer; ``fields`` go on the first page.

    ``title`` is raw text (a question, a file name): it is escaped here.
    """
    embeds = []
    total = len(descriptions)
    for number, description in enumerate(descriptions, 1):
        embed = discord.Embed(title=clip(safe(title), LIMITS["title"]), description=description or None, colour=COLOUR,
                              url=url if url and url.startswith(("http://", "https://")) else None)
        if number == 1:
            for name, value in list(fields)[: LIMITS["fields"]]:
                embed.add_field(name=clip(name, LIMITS["field_name"]), value=clip(value, LIMITS["field_value"]),
                                inline=False)
        parts = [f"Page {number}/{total}"] if total > 1 else []
        if footer:
            parts.append(footer)
        if parts:
            embed.set_footer(text=clip(" \u00b7 ".join(parts), 200))
        embeds.append(embed)
    return embeds


def answer_embeds(title: str, answer: Answer, items: Sequence[Item] | None = None) -> list[discord.Embed]:
    """An answer as pages: its text first, then its items (or ``items``) with their sources."""
    shown = list(answer.items if items is None else items)
    entries = [item_entry(item) for item in shown]
    text = safe(answer.text) or "Nothing found."
    if items is not None and not shown and answer.items:
        text = "Nothing found in those dates."
    people = [safe(p) for p in answer.people]
    fields = [("People", clip(", ".join(people), LIMITS["field_value"]))] if people and not shown else []
    footer = f"{len(shown)} item{'s' if len(shown) != 1 else ''}" if shown else ""
    first = clip(text, 1500) if not shown else clip(text.split("\n", 1)[0], 300)
    return paged_embeds(title, pack(entries, first=first), footer=footer, fields=fields)


def article_embed(article: Article, counts: Mapping[str, int], names: Sequence[str],
                  history: Sequence[tuple[str, str | None, str]], *, excerpt: int = 1200) -> discord.Embed:
    """One stored article: its start, what was extracted from it, who added (and deleted) it."""
    body = "\n\n".join(article.paragraphs)
    embed = discord.Embed(title=clip(article.title, LIMITS["title"]), description=safe(clip(body, excerpt)),
                          colour=COLOUR, url=article.url if (article.url or "").startswith(("http://", "https://"))
                          else None)
    embed.add_field(name="Date", value=article.date, inline=True)
    embed.add_field(name="Source", value=clip(safe(article.source or "\u2014"), 200), inline=True)
    embed.add_field(name="Id", value=f"#{article.id}", inline=True)
    for name, value in extraction_fields(counts, names):
        embed.add_field(name=name, value=value, inline=False)
    if history:
        past = {"add": "added", "delete": "deleted"}
        lines = [f"{past.get(a, a)} by {safe(who or 'unknown')} at {at}" for a, who, at in history]
        embed.add_field(name="History", value=clip("\n".join(lines), LIMITS["field_value"]), inline=False)
    return embed


def extraction_fields(counts: Mapping[str, int], names: Sequence[str]) -> list[tuple[str, str]]:
    """"Extracted" (counts) and "People" (names) fields."""
    summary = (f"{counts.get('people', 0)} people \u00b7 {counts.get('quotes', 0)} quotes \u00b7 "
               f"{counts.get('meetings', 0)} meetings")
    fields = [("Extracted", summary)]
    if names:
        fields.append(("People", clip(", ".join(safe(n) for n in names), LIMITS["field_value"])))
    return fields


def added_embed(article: Article, counts: Mapping[str, int], names: Sequence[str]) -> discord.Embed:
    """The reply to a successful add: what was stored and what extraction found."""
    embed = discord.Embed(title=clip(f"Added #{article.id}: {article.title}", LIMITS["title"]), colour=COLOUR,
                          url=article.url if (article.url or "").startswith(("http://", "https://")) else None,
                          description=f"{article.date} \u00b7 {clip(safe(article.source or 'no source'), 200)}")
    for name, value in extraction_fields(counts, names):
        embed.add_field(name=name, value=value, inline=False)
    embed.set_footer(text="Undo removes it again (the adder or a moderator).")
    return embed


def article_list_embed(articles: Sequence[Article], *, page: int, pages: int, total: int) -> discord.Embed:
    """One page of `/article list`."""
    lines = [f"`#{a.id}` {a.date} {link(a.title, a.url, 120)}" for a in articles]
    embed = discord.Embed(title="Articles, newest first", colour=COLOUR,
                          description="\n".join(lines) or "No articles yet.")
    embed.set_footer(text=f"Page {page}/{pages} \u00b7 {total} articles")
    return embed


def report_embeds(filename: str, report: ImportReport) -> list[discord.Embed]:
    """A bulk import's result, one line per item: added, duplicate or refused (and why)."""
    lines = [f"\u2705 {safe(label)} \u2192 #{aid}" for label, aid in report.added]
    lines += [f"\u21a9\ufe0f {safe(label)}: already stored as #{aid} ({reason})" for label, aid, reason in
              report.duplicates]
    lines += [f"\u274c {safe(label)}: {safe(message)}" for label, message in report.errors]
    descriptions = pack(lines, first=f"**{report.summary()}**", per_page=25)
    return paged_embeds(f"Import of {filename}", descriptions)


def embed_size_ok(embed: discord.Embed) -> bool:
    """True if an embed is within every per-embed limit Discord checks."""
    data = embed.to_dict()
    fields = data.get("fields", [])
    return (
        len(embed) <= LIMITS["total"]
        and len(data.get("title", "")) <= LIMITS["title"]
        and len(data.get("description", "")) <= LIMITS["description"]
        and len(fields) <= LIMITS["fields"]
        and all(len(f["name"]) <= LIMITS["field_name"] and len(f["value"]) <= LIMITS["field_value"] for f in fields)
        and len(data.get("footer", {}).get("text", "")) <= LIMITS["footer"]
    )
