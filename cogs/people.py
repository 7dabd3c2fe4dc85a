"""`/quotes`, `/meetings`, `/who`, `/search`: the common questions as commands with options.

Each composes a question for `bot.qa` (the same engine `/ask` uses); person options
autocomplete from the people in the database.
"""

from __future__ import annotations

import re
from datetime import date

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.qa.result import Item
from bot.store.people_lookup import people_named_like
from cogs.ask import checked_text, reply_with_answer
from cogs.problems import BadOption
from cogs.render import clip, item_date

NAME_MAX = 100
_NUMERIC_WHEN = re.compile(r"[\d\s./-]+")
_ISO_WHEN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
OPEN = "\u2026"


def parse_day(value: str | None, name: str) -> date | None:
    """An option given as ``YYYY-MM-DD`` (None when not given); anything else is refused."""
    if value is None or not value.strip():
        return None
    raw = value.strip()
    try:
        if not _ISO_DAY.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise BadOption(f"`{name}`: {clip(value, 40)!r} is not a date; use the form YYYY-MM-DD, "
                        "e.g. 2025-06-13.") from None


def check_when(value: str | None) -> str | None:
    """A time for /meetings in words ("June 2025", "last week") or as YYYY, YYYY-MM or YYYY-MM-DD."""
    if value is None or not value.strip():
        return None
    value = checked_text(value, "when", high=NAME_MAX)
    if _NUMERIC_WHEN.fullmatch(value):
        valid = _ISO_WHEN.fullmatch(value)
        if valid:
            try:
                date.fromisoformat((value + "-01-01")[:10])
            except ValueError:
                valid = None
        if not valid:
            raise BadOption(f"`when`: {clip(value, 40)!r} is not a date; use the form YYYY-MM-DD (or YYYY-MM, "
                            "YYYY, or words such as \u201cJune 2025\u201d or \u201clast week\u201d).")
    return value


def when_words(when: str) -> str:
    """``2025-06`` -> ``in June 2025``, ``2025-06-13`` -> ``on 13 June 2025``; words stay as they are."""
    if not _ISO_WHEN.fullmatch(when):
        return when
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 1:
        return f"in {parts[0]}"
    month = date(parts[0], parts[1], 1).strftime("%B")
    return f"in {month} {parts[0]}" if len(parts) == 2 else f"on {parts[2]} {month} {parts[0]}"


async def person_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 people whose name or surname starts with what was typed."""
    names = await people_named_like(interaction.client.engine.store, current[:NAME_MAX])  # type: ignore[attr-defined]
    return [app_commands.Choice(name=clip(n, 100), value=clip(n, 100)) for n in names]


class People(commands.Cog):
    """Who said what, who met whom, who is who, and full-text search."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="quotes")
    @app_commands.rename(from_="from")
    @app_commands.describe(
        person="Whose quotes (pick from the list or type a name)",
        topic="What the quotes are about, e.g. unity",
        from_="Earliest article date, YYYY-MM-DD",
        to="Latest article date, YYYY-MM-DD",
    )
    @app_commands.autocomplete(person=person_choices)
    async def quotes(
        self,
        interaction: discord.Interaction,
        person: app_commands.Range[str, 1, NAME_MAX] | None = None,
        topic: app_commands.Range[str, 1, NAME_MAX] | None = None,
        from_: str | None = None,
        to: str | None = None,
    ) -> None:
        """Quotes by a person and/or about a topic, with the article each comes from."""
        person = checked_text(person, "person", high=NAME_MAX) if person else None
        topic = checked_text(topic, "topic", high=NAME_MAX) if topic else None
        start, end = parse_day(from_, "from"), parse_day(to, "to")
        if not person and not topic:
            raise BadOption("Give a `person`, a `topic`, or both.")
        if start and end and start > end:
            raise BadOption(f"`from` ({start}) is after `to` ({end}).")
        if person and topic:
            question, title = f"what did {person} say about {topic}", f"Quotes by {person} about {topic}"
        elif person:
            question, title = f"what did {person} say", f"Quotes by {person}"
        else:
            question, title = f"quotes about {topic}", f"Quotes about {topic}"
        if start or end:
            span = f"{start or OPEN} to {end or OPEN}"
            title += f" ({span})"
            question += f" between {start} and {end}" if start and end else (f" since {start}" if start
                                                                             else f" before {end}")

        def keep(item: Item) -> bool:
            day = item_date(item)[:10]
            return bool(day) and (not start or day >= start.isoformat()) and (not end or day <= end.isoformat())

        await reply_with_answer(interaction, question, title=title, keep=keep if start or end else None)

    @app_commands.command(name="meetings")
    @app_commands.describe(person="Who (pick from the list or type a name)",
                           when="e.g. June 2025, last week, 2025-06 or 2025-06-13")
    @app_commands.autocomplete(person=person_choices)
    async def meetings(self, interaction: discord.Interaction, person: app_commands.Range[str, 1, NAME_MAX],
                       when: app_commands.Range[str, 1, NAME_MAX] | None = None) -> None:
        """Whom a person met, when and where, with sources."""
        person = checked_text(person, "person", high=NAME_MAX)
        when = check_when(when)
        question = f"who met {person}" + (f" {when_words(when)}" if when else "")
        await reply_with_answer(interaction, question, title=f"Meetings of {person}" + (f", {when}" if when else ""))

    @app_commands.command(name="who")
    @app_commands.describe(name="A person's name (pick from the list or type one)")
    @app_commands.autocomplete(name=person_choices)
    async def who(self, interaction: discord.Interaction, name: app_commands.Range[str, 1, NAME_MAX]) -> None:
        """Who a person is: titles, organisations and the articles that name them."""
        name = checked_text(name, "name", high=NAME_MAX)
        await reply_with_answer(interaction, f"who is {name}", title=f"Who is {name}?")

    @app_commands.command(name="search")
    @app_commands.describe(query="Words to look for in articles and quotes")
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, NAME_MAX]) -> None:
        """Full-text search over the articles."""
        query = checked_text(query, "query", high=NAME_MAX)
        await reply_with_answer(interaction, f"search {query}", title=f"Search: {query}")


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(People(bot))
