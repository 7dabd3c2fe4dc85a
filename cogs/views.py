"""The one paging view (and the Undo button that can ride on it), and the send helper.

Custom ids start with ``newsbot:``. Only the asker can turn pages; the view disables
itself on timeout (while the interaction token still lets it edit the message).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from cogs.problems import actor, refusal_for, report_error, send_ephemeral
from cogs.render import NO_MENTIONS

log = logging.getLogger(__name__)

PageSource = Callable[[int], Awaitable[discord.Embed]]
"""Returns the embed of page ``index`` (0-based)."""

PAGE_TIMEOUT = 300.0  # seconds; well inside the 15 minutes an interaction token lives


class Pager(discord.ui.View):
    """Previous / page n of m / Next over embeds; extra items (Undo) may ride along."""

    def __init__(self, source: PageSource, count: int, *, owner_id: int, extra: Sequence[discord.ui.Item] = (),
                 timeout: float | None = None, start: int = 0) -> None:
        super().__init__(timeout=timeout or PAGE_TIMEOUT)
        self.source = source
        self.count = max(1, count)
        self.index = max(0, min(start, self.count - 1))
        self.owner_id = owner_id
        self.message: discord.Message | discord.InteractionMessage | discord.WebhookMessage | None = None
        if self.count == 1:
            for item in (self.previous, self.counter, self.next):
                self.remove_item(item)
        for item in extra:
            self.add_item(item)
        self._sync()

    @classmethod
    def of(cls, embeds: Sequence[discord.Embed], *, owner_id: int, extra: Sequence[discord.ui.Item] = ()) -> Pager:
        """A pager over embeds already built."""
        pages = list(embeds)

        async def source(index: int) -> discord.Embed:
            return pages[index]

        return cls(source, len(pages), owner_id=owner_id, extra=extra)

    @property
    def needed(self) -> bool:
        """False when there is nothing to press (one page, no extra items)."""
        return len(self.children) > 0

    def _sync(self) -> None:
        self.previous.disabled = self.index <= 0
        self.next.disabled = self.index >= self.count - 1
        self.counter.label = f"{self.index + 1}/{self.count}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        custom_id = str((interaction.data or {}).get("custom_id", ""))
        if custom_id.startswith("newsbot:page:") and interaction.user.id != self.owner_id:
            await send_ephemeral(interaction, "Only the person who asked can turn these pages.")
            return False
        return True

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, self.count - 1))
        self._sync()
        embed = await self.source(self.index)
        await interaction.response.edit_message(embed=embed, view=self, allowed_mentions=NO_MENTIONS)

    @discord.ui.button(label="\u25c0 Previous", style=discord.ButtonStyle.secondary, custom_id="newsbot:page:prev")
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, custom_id="newsbot:page:count",
                       disabled=True)
    async def counter(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Shows the page number; never pressable."""

    @discord.ui.button(label="Next \u25b6", style=discord.ButtonStyle.primary, custom_id="newsbot:page:next")
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if hasattr(item, "disabled"):
                item.disabled = True  # type: ignore[attr-defined]
        if self.message is not None:
            try:
                await self.message.edit(view=self)
            except discord.HTTPException:
                log.debug("could not disable an expired view", exc_info=True)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        await report_error(interaction, error)


class UndoButton(discord.ui.Button):
    """Deletes the articles just added; only their adder or a moderator may press it."""

    def __init__(self, article_ids: Sequence[int], *, adder_id: int) -> None:
        super().__init__(label="Undo", style=discord.ButtonStyle.danger, custom_id=f"newsbot:undo:{article_ids[0]}")
        self.article_ids = list(article_ids)
        self.adder_id = adder_id

    async def callback(self, interaction: discord.Interaction) -> None:
        if interaction.user.id != self.adder_id:
            reason = refusal_for(interaction)
            if reason:
                await send_ephemeral(interaction, f"Only the person who added this or a moderator can undo it. "
                                     f"{reason}")
                return
        store = interaction.client.engine.store  # type: ignore[attr-defined]
        deleted = []
        for article_id in self.article_ids:
            if await store.delete_article(article_id, deleted_by=actor(interaction.user)) is not None:
                deleted.append(f"#{article_id}")
        self.disabled = True
        self.label = "Undone"
        done = f"deleted {', '.join(deleted)}" if deleted else "it was already deleted"
        await interaction.response.edit_message(content=f"\u21a9\ufe0f Undone by {interaction.user.mention}: {done}.",
                                                view=self.view, allowed_mentions=NO_MENTIONS)
        if self.view is not None:
            self.view.stop()


async def send(
    interaction: discord.Interaction,
    embed: discord.Embed | None = None,
    *,
    content: str | None = None,
    view: Pager | None = None,
    ephemeral: bool = False,
) -> discord.Message | discord.InteractionMessage | discord.WebhookMessage | None:
    """Answer (or follow up a deferred answer) with mentions off; the view learns its message."""
    kwargs: dict[str, Any] = {"content": content, "allowed_mentions": NO_MENTIONS, "ephemeral": ephemeral}
    if embed is not None:
        kwargs["embed"] = embed
    if view is not None and view.needed:
        kwargs["view"] = view
    if interaction.response.is_done():
        message = await interaction.followup.send(wait=True, **kwargs)
    else:
        callback = await interaction.response.send_message(**kwargs)
        resource = callback.resource
        message = resource if isinstance(resource, discord.InteractionMessage) else None
    if view is not None:
        view.message = message
    return message


async def send_pages(interaction: discord.Interaction, embeds: Sequence[discord.Embed], *, ephemeral: bool = False,
                     content: str | None = None, extra: Sequence[discord.ui.Item] = ()) -> None:
    """Send the first embed with a pager over all of them (no buttons for a single page)."""
    view = Pager.of(embeds, owner_id=interaction.user.id, extra=extra)
    await send(interaction, embeds[0], content=content, view=view, ephemeral=ephemeral)
