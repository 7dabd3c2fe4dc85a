"""`/article show|list|add|import|delete` and the "Add as article" message menu.

Adding is for moderators (checked in code on every call): a modal, a file, a web page
or a Discord message becomes an article through the engine's import, which extracts
it in the worker process. The reply shows what was stored and found, with Undo.
"""

from __future__ import annotations

from pathlib import Path

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from bot.errors import Duplicate, ImportProblem, NotFound
from bot.fetch import check_url, fetch_page
from bot.importer import SUPPORTED_SUFFIXES, ImportItem, parse_record, read_bytes
from bot.models import ArticleDraft
from bot.store import AddResult, Store
from bot.store.people_lookup import article_people
from cogs.ask import checked_text
from cogs.problems import BadOption, actor, check_moderator, moderator_only, report_error
from cogs.render import added_embed, article_embed, article_list_embed, clip, link, report_embeds
from cogs.views import Pager, UndoButton, send, send_pages

IMPORT_MAX_BYTES = 8 * 1024 * 1024
IMPORT_CAP_TEXT = "8 MB"
LIST_PAGE_SIZE = 10
URL_MAX = 2000


class ArticleModal(discord.ui.Modal):
    """Title, date, source URL and text of an article typed in by a moderator."""

    headline = discord.ui.TextInput(label="Title", required=False, max_length=300,
                                    placeholder="Empty: the first sentence", custom_id="newsbot:article:title")
    day = discord.ui.TextInput(label="Date (YYYY-MM-DD)", placeholder="2025-06-13", max_length=40,
                               custom_id="newsbot:article:date")
    url = discord.ui.TextInput(label="Source URL", required=False, max_length=URL_MAX,
                               placeholder="https://\u2026", custom_id="newsbot:article:url")
    body = discord.ui.TextInput(label="Text", style=discord.TextStyle.paragraph, max_length=4000,
                                placeholder="Paragraphs separated by blank lines", custom_id="newsbot:article:text")

    def __init__(self, cog: Articles) -> None:
        super().__init__(title="Add an article", custom_id="newsbot:article:add", timeout=900)
        self.cog = cog

    async def on_submit(self, interaction: discord.Interaction) -> None:
        url = self.url.value.strip()
        if url:
            check_url(url, allow_private=True)
        config = self.cog.bot.config
        record = {"title": self.headline.value, "date": self.day.value, "url": url, "text": self.body.value}
        draft = parse_record(record, max_chars=config.max_article_chars)
        await self.cog.store_one(interaction, draft, label="modal")

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        await report_error(interaction, error)


class Articles(commands.GroupCog, group_name="article", group_description="Show, list, add, import or delete articles"):
    """The article database: anyone may read it, moderators change it."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Add as article", callback=self.add_message)
        self.menu.checks.append(check_moderator)
        app_commands.guild_only(self.menu)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @property
    def store(self) -> Store:
        return self.bot.engine.store

    # -------------------------------------------------------------- reading

    @app_commands.command(name="show")
    @app_commands.describe(id="The article's number, e.g. 12 (see /article list)")
    async def show(self, interaction: discord.Interaction, id: app_commands.Range[int, 1]) -> None:
        """Show an article: its start, what was extracted, who added it and when."""
        if id < 1:
            raise BadOption("`id` must be a positive article number.")
        article = await self.store.get_article(id)
        if article is None:
            raise NotFound(f"There is no article #{id}.")
        counts = await self.store.extraction_counts(id)
        names = await article_people(self.store, id)
        history = [(r["action"], r["actor"], r["at"]) for r in await self.store.history(id)]
        await send(interaction, article_embed(article, counts, names, history))

    @app_commands.command(name="list")
    @app_commands.describe(page="Which page to open first (10 articles a page)")
    async def list(self, interaction: discord.Interaction, page: app_commands.Range[int, 1] = 1) -> None:
        """List stored articles, newest first."""
        if page < 1:
            raise BadOption("`page` must be 1 or more.")
        total = await self.store.count_articles()
        pages = max(1, -(-total // LIST_PAGE_SIZE))
        if page > pages:
            raise BadOption(f"There {'is' if pages == 1 else 'are'} only {pages} page{'s' * (pages != 1)}.")

        async def source(index: int) -> discord.Embed:
            rows = await self.store.list_articles(limit=LIST_PAGE_SIZE, offset=index * LIST_PAGE_SIZE)
            return article_list_embed(rows, page=index + 1, pages=pages, total=total)

        view = Pager(source, pages, owner_id=interaction.user.id, start=page - 1)
        await send(interaction, await source(page - 1), view=view)

    # -------------------------------------------------------------- changing

    @app_commands.command(name="add")
    @app_commands.describe(url="A web page to fetch and store; leave empty to type the article in a form")
    @moderator_only
    async def add(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, URL_MAX] | None = None
                  ) -> None:
        """Add an article: from a web page (url), or typed into a form. Moderators only."""
        if url is None:
            await interaction.response.send_modal(ArticleModal(self))
            return
        url = checked_text(url, "url", high=URL_MAX)
        allow_private = self.bot.config.fetch_allow_private
        check_url(url, allow_private=allow_private)
        await self.refuse_duplicate(ArticleDraft(title="", date="", paragraphs=[], url=url))
        await interaction.response.defer(thinking=True)
        page = await fetch_page(url, allow_private=allow_private)
        item = next(iter(read_bytes(page.data, "page.html", url=url, max_chars=self.bot.config.max_article_chars)))
        if item.draft is None:
            raise ImportProblem(f"Could not read an article from that page: {item.error}")
        await self.store_one(interaction, item.draft, label=url)

    @app_commands.command(name="import")
    @app_commands.describe(file=f"A .txt, .md, .html, .json or .jsonl file of up to {IMPORT_CAP_TEXT}")
    @moderator_only
    async def import_(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        """Import articles from a file (one or many); duplicates are skipped. Moderators only."""
        suffix = Path(file.filename).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            raise BadOption(f"{clip(file.filename, 80)!r} is not a supported file; send one of "
                            f"{', '.join(SUPPORTED_SUFFIXES)}.")
        if file.size > IMPORT_MAX_BYTES:
            raise BadOption(f"That file is {file.size / 1024 / 1024:.1f} MB; the cap is {IMPORT_CAP_TEXT}.")
        await interaction.response.defer(thinking=True)
        data = await file.read()
        if len(data) > IMPORT_MAX_BYTES:
            raise BadOption(f"That file is over the cap of {IMPORT_CAP_TEXT}.")
        items = list(read_bytes(data, file.filename, max_chars=self.bot.config.max_article_chars))
        report = await self.bot.engine.import_items(items, added_by=actor(interaction.user))
        ids = [article_id for _, article_id in report.added]
        extra = [UndoButton(ids, adder_id=interaction.user.id)] if ids else []
        await send_pages(interaction, report_embeds(file.filename, report), extra=extra)

    @app_commands.command(name="delete")
    @app_commands.describe(id="The article's number, e.g. 12 (see /article list)")
    @moderator_only
    async def delete(self, interaction: discord.Interaction, id: app_commands.Range[int, 1]) -> None:
        """Delete an article and everything extracted from it. Moderators only."""
        if id < 1:
            raise BadOption("`id` must be a positive article number.")
        article = await self.store.delete_article(id, deleted_by=actor(interaction.user))
        if article is None:
            raise NotFound(f"There is no article #{id}.")
        await send(interaction, content=f"Deleted #{article.id} {link(article.title, article.url)} "
                                        f"({article.date}) and everything extracted from it.")

    async def add_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Store a Discord message as an article: its text, dated the day it was posted."""
        if not message.content.strip():
            raise BadOption("That message has no text to store (embeds and attachments are not read).")
        day = message.created_at.astimezone(self.bot.config.tz).date().isoformat()
        record = {"text": message.content, "date": day, "url": message.jump_url,
                  "source": f"Discord message by {message.author.name}"}
        draft = parse_record(record, max_chars=self.bot.config.max_article_chars)
        await self.store_one(interaction, draft, label=f"message {message.id}")

    # -------------------------------------------------------------- helpers

    async def refuse_duplicate(self, draft: ArticleDraft) -> None:
        """Raise :class:`Duplicate` pointing at the stored article if ``draft`` is one."""
        found = await self.store.find_duplicate(draft)
        if found is not None:
            raise await self.duplicate(found)

    async def duplicate(self, found: AddResult) -> Duplicate:
        article = await self.store.get_article(found.article_id)
        shown = f"{link(article.title, article.url)} ({article.date})" if article else ""
        return Duplicate(f"Already stored as #{found.article_id} {shown} \u2014 {found.duplicate_reason}. "
                         f"See `/article show id:{found.article_id}`.", found.article_id)

    async def store_one(self, interaction: discord.Interaction, draft: ArticleDraft, *, label: str) -> None:
        """Import one draft (extracted in the worker) and reply with what was stored, plus Undo."""
        await self.refuse_duplicate(draft)
        if not interaction.response.is_done():
            await interaction.response.defer(thinking=True)
        report = await self.bot.engine.import_items([ImportItem(label, draft=draft)],
                                                    added_by=actor(interaction.user))
        if report.duplicates:
            _, existing, reason = report.duplicates[0]
            raise await self.duplicate(AddResult(existing, False, reason))
        if report.errors:
            raise ImportProblem(report.errors[0][1])
        article_id = report.added[0][1]
        article = await self.store.get_article(article_id)
        assert article is not None
        embed = added_embed(article, await self.store.extraction_counts(article_id),
                            await article_people(self.store, article_id))
        view = Pager.of([embed], owner_id=interaction.user.id,
                        extra=[UndoButton([article_id], adder_id=interaction.user.id)])
        await send(interaction, embed, view=view)


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Articles(bot))
