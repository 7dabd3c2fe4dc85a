"""`/article` and "Add as article" end to end: moderators add (modal, file, web page, message), undo, delete.

Adding runs the real extraction in the shared worker process (spaCy loads once per session).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import replace

import discord
from aiohttp import web
from cogs_support import EPHEMERAL, MODERATOR_ROLE, NO_MENTIONS
from conftest import running

from tests.fakediscord import FakeDiscord

REFUSED = f"This needs the **{MODERATOR_ROLE}** role or the **Manage Messages** permission."
MANAGE = discord.Permissions(manage_messages=True, send_messages=True, view_channel=True)
TEXT = ("President Anna Berg met Prime Minister Tomas Holm in Oslo on Monday to discuss fishing quotas.\n\n"
        "\u201cWe agreed to keep the northern waters open to both fleets,\u201d Berg told reporters after the "
        "talks.\n\n"
        "Holm said the agreement would be signed next month.")
PAGE = """<!doctype html><html><head><title>Harbour talks end in agreement</title>
<meta property="article:published_time" content="2025-06-10T09:00:00Z">
<meta property="og:site_name" content="Loopback News"></head>
<body><article><h1>Harbour talks end in agreement</h1>
<p>Mayor Lena Fisk met Governor Ola Strand in Bergen on Tuesday to settle the dispute over the old harbour.</p>
<p>\u201cThe harbour will stay open to the public,\u201d Fisk said after the meeting, which lasted three hours.</p>
<p>Strand said the city and the county would share the cost of repairing the quays over the next five years.</p>
</article></body></html>"""


def ephemeral_text(callback) -> str:
    data = callback.body["data"]
    assert callback.body["type"] == 4 and data["flags"] == EPHEMERAL and data["allowed_mentions"] == NO_MENTIONS
    return data["content"]


def actor_of(user: dict) -> str:
    return f"{user['username']} ({user['id']})"


@contextlib.asynccontextmanager
async def web_page(html: str, content_type: str = "text/html") -> AsyncIterator[str]:
    """A loopback HTTP server serving one page; yields its URL."""
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=html, content_type=content_type)

    app = web.Application()
    app.router.add_get("/story", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/story"
    finally:
        await runner.cleanup()


# ------------------------------------------------------------------ who may

async def test_non_moderators_are_refused_naming_the_role_and_permission(fake_discord: FakeDiscord, bot) -> None:
    for name, options in [("article add", {}), ("article delete", {"id": 1}),
                          ("article add", {"url": "https://example.com/a"})]:
        assert ephemeral_text(await (await fake_discord.slash(name, options)).callback()) == REFUSED
    message = await fake_discord.post_message("Some news worth keeping.")
    menu = await fake_discord.message_context_menu("Add as article", message)
    assert ephemeral_text(await menu.callback()) == REFUSED
    assert await bot.engine.store.count_articles() == 11


async def test_manage_messages_or_the_role_makes_a_moderator(fake_discord: FakeDiscord, bot, moderator_role) -> None:
    by_role = await (await fake_discord.slash("article add", roles=[moderator_role])).callback()
    by_permission = await (await fake_discord.slash("article add", member_permissions=MANAGE)).callback()
    assert by_role.body["type"] == 9 and by_permission.body["type"] == 9  # the modal


# ------------------------------------------------------------------ reading

async def test_show_gives_the_article_its_extraction_and_history(fake_discord: FakeDiscord, bot) -> None:
    callback = await (await fake_discord.slash("article show", {"id": 2})).callback()
    data = callback.body["data"]
    assert data["allowed_mentions"] == NO_MENTIONS
    embed = data["embeds"][0]
    assert embed["title"] == "Meeting with President of Belarus Alexander Lukashenko"
    assert embed["url"] == "http://en.kremlin.ru/events/president/news/67963"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Date"] == "2022-03-11" and fields["Id"] == "#2"
    assert fields["Extracted"].endswith("meetings") and "Alexander Lukashenko" in fields["People"]
    assert fields["History"].startswith("added by gold at ")


async def test_show_of_a_missing_article_says_so(fake_discord: FakeDiscord, bot) -> None:
    callback = await (await fake_discord.slash("article show", {"id": 999})).callback()
    assert ephemeral_text(callback) == "There is no article #999."


async def test_list_pages_through_the_articles(fake_discord: FakeDiscord, bot) -> None:
    callback = await (await fake_discord.slash("article list")).callback()
    embed = callback.body["data"]["embeds"][0]
    assert embed["footer"]["text"] == "Page 1/2 \u00b7 11 articles"
    assert embed["description"].count("\n") == 9
    turned = await (await fake_discord.click("newsbot:page:next")).callback()
    assert turned.body["data"]["embeds"][0]["footer"]["text"] == "Page 2/2 \u00b7 11 articles"
    too_far = await (await fake_discord.slash("article list", {"page": 5})).callback()
    assert ephemeral_text(too_far) == "There are only 2 pages."


# ------------------------------------------------------------------ adding

async def test_modal_add_stores_extracts_and_undo_deletes(fake_discord: FakeDiscord, empty_bot, moderator_role
                                                           ) -> None:
    store = empty_bot.engine.store
    shown = await (await fake_discord.slash("article add", roles=[moderator_role])).callback()
    assert shown.body["type"] == 9
    assert shown.body["data"]["custom_id"] == "newsbot:article:add"
    submit = await fake_discord.submit_modal("newsbot:article:add", {
        "newsbot:article:title": "Fishing talks in Oslo", "newsbot:article:date": "2025-06-02",
        "newsbot:article:url": "https://news.example/oslo", "newsbot:article:text": TEXT,
    }, roles=[moderator_role])
    assert (await submit.callback()).body == {"type": 5}
    reply = (await submit.followup(timeout=60)).body
    assert reply["allowed_mentions"] == NO_MENTIONS
    embed = reply["embeds"][0]
    assert embed["title"] == "Added #1: Fishing talks in Oslo"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Anna Berg" in fields["People"] and "Tomas Holm" in fields["People"]
    assert fields["Extracted"].startswith("2 people \u00b7 ")
    assert reply["components"][0]["components"] == [
        {"type": 2, "style": 4, "label": "Undo", "disabled": False, "custom_id": "newsbot:undo:1"}]
    article = await store.get_article(1)
    assert article is not None and article.added_by == actor_of(fake_discord.user)

    stranger = fake_discord.add_member("stranger")
    refused = await (await fake_discord.click("newsbot:undo:1", user=stranger)).callback()
    assert ephemeral_text(refused).startswith("Only the person who added this or a moderator can undo it.")
    assert await store.get_article(1) is not None

    undone = await (await fake_discord.click("newsbot:undo:1", roles=[moderator_role])).callback()
    assert undone.body["type"] == 7
    assert undone.body["data"]["content"] == f"\u21a9\ufe0f Undone by <@{fake_discord.user['id']}>: deleted #1."
    assert undone.body["data"]["allowed_mentions"] == NO_MENTIONS
    assert undone.body["data"]["components"][0]["components"][0]["disabled"] is True
    assert await store.get_article(1) is None
    history = [(r["action"], r["actor"]) for r in await store.history(1)]
    assert history == [("add", actor_of(fake_discord.user)), ("delete", actor_of(fake_discord.user))]


async def test_modal_with_a_bad_date_says_the_expected_form(fake_discord: FakeDiscord, bot, moderator_role) -> None:
    await (await fake_discord.slash("article add", roles=[moderator_role])).callback()
    submit = await fake_discord.submit_modal("newsbot:article:add", {
        "newsbot:article:title": "", "newsbot:article:date": "2025-13-45", "newsbot:article:url": "",
        "newsbot:article:text": TEXT}, roles=[moderator_role])
    assert ephemeral_text(await submit.callback()) == "date '2025-13-45' is not a real date (expected YYYY-MM-DD)"


async def test_a_duplicate_is_refused_with_a_pointer(fake_discord: FakeDiscord, bot, moderator_role) -> None:
    existing = await bot.engine.store.get_article(2)
    await (await fake_discord.slash("article add", roles=[moderator_role])).callback()
    submit = await fake_discord.submit_modal("newsbot:article:add", {
        "newsbot:article:title": "", "newsbot:article:date": "2022-03-11", "newsbot:article:url": "",
        "newsbot:article:text": existing.text}, roles=[moderator_role])
    text = ephemeral_text(await submit.callback())
    assert text.startswith("Already stored as #2 [Meeting with President of Belarus Alexander Lukashenko]"
                           "(http://en.kremlin.ru/events/president/news/67963) (2022-03-11) \u2014 same text.")
    assert text.endswith("See `/article show id:2`.")


async def test_import_reports_every_item(fake_discord: FakeDiscord, bot) -> None:
    lines = [
        json.dumps({"id": "n1", "title": "Fishing talks", "date": "2025-06-02", "text": TEXT}),
        json.dumps({"id": "dup", "title": "again", "date": "2022-03-11",
                    "url": "http://en.kremlin.ru/events/president/news/67963", "text": "Same URL as #2."}),
        json.dumps({"id": "bad", "date": "soon", "text": "No real date."}),
        "{not json",
    ]
    attachment = fake_discord.add_attachment("batch.jsonl", "\n".join(lines).encode(), "application/jsonl")
    itx = await fake_discord.slash("article import", {"file": attachment}, member_permissions=MANAGE)
    assert (await itx.callback()).body == {"type": 5}
    reply = (await itx.followup(timeout=60)).body
    embed = reply["embeds"][0]
    assert embed["title"] == "Import of batch.jsonl"
    assert embed["description"].split("\n\n") == [
        "**1 added, 1 duplicate(s) skipped, 2 error(s)**",
        "\u2705 batch.jsonl:1 \u2192 #12",
        "\u21a9\ufe0f batch.jsonl:2: already stored as #2 (same URL)",
        "\u274c batch.jsonl:3: date 'soon' is not a date (expected YYYY-MM-DD)",
        "\u274c batch.jsonl:4: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
    ]
    assert reply["components"][0]["components"][0]["custom_id"] == "newsbot:undo:12"
    assert (await bot.engine.store.get_article(12)).added_by == actor_of(fake_discord.user)


async def test_import_refuses_other_files_and_says_the_cap(fake_discord: FakeDiscord, bot) -> None:
    pdf = fake_discord.add_attachment("report.pdf", b"%PDF-1.4", "application/pdf")
    text = ephemeral_text(await (await fake_discord.slash("article import", {"file": pdf},
                                                         member_permissions=MANAGE)).callback())
    assert text == "'report.pdf' is not a supported file; send one of .txt, .md, .html, .htm, .json, .jsonl."
    big = fake_discord.add_attachment("big.txt", b"x" * (9 * 1024 * 1024), "text/plain")
    text = ephemeral_text(await (await fake_discord.slash("article import", {"file": big},
                                                         member_permissions=MANAGE)).callback())
    assert text == "That file is 9.0 MB; the cap is 8 MB."


async def test_add_url_fetches_and_stores_the_page(fake_discord: FakeDiscord, engine, moderator_role) -> None:
    engine.config = replace(engine.config, fetch_allow_private=True)
    async with web_page(PAGE) as url, running(fake_discord, engine):
        itx = await fake_discord.slash("article add", {"url": url}, roles=[moderator_role])
        assert (await itx.callback()).body == {"type": 5}
        reply = (await itx.followup(timeout=60)).body
        again = await (await fake_discord.slash("article add", {"url": url}, roles=[moderator_role])).callback()
    embed = reply["embeds"][0]
    assert embed["title"] == "Added #1: Harbour talks end in agreement"
    assert embed["url"] == url
    assert embed["description"] == "2025-06-10 \u00b7 Loopback News"
    assert "Lena Fisk" in {f["name"]: f["value"] for f in embed["fields"]}["People"]
    assert ephemeral_text(again).startswith("Already stored as #1 ")


async def test_a_page_that_cannot_be_fetched_is_explained(fake_discord: FakeDiscord, engine, moderator_role) -> None:
    engine.config = replace(engine.config, fetch_allow_private=True)
    async with web_page("<p>nothing</p>") as url, running(fake_discord, engine):
        itx = await fake_discord.slash("article add", {"url": url + "-missing"}, roles=[moderator_role])
        assert (await itx.callback()).body == {"type": 5}  # deferred, so the reason comes as a followup
        body = (await itx.followup(timeout=30)).body
        deleted = fake_discord.find_requests("DELETE", rf"/webhooks/\d+/{itx.token}/messages/@original")
    assert body["content"] == "the site answered HTTP 404 Not Found"
    assert body["flags"] == EPHEMERAL and body["allowed_mentions"] == NO_MENTIONS
    assert deleted, "the public 'thinking…' placeholder is removed, so the reason stays private"


async def test_add_url_refuses_loopback_unless_allowed(fake_discord: FakeDiscord, empty_bot, moderator_role) -> None:
    async with web_page(PAGE) as url:
        callback = await (await fake_discord.slash("article add", {"url": url}, roles=[moderator_role])).callback()
    host = url.split("/")[2].split(":")[0]
    assert ephemeral_text(callback) == f"refusing to fetch from {host}: {host} is a loopback address"
    assert await empty_bot.engine.store.count_articles() == 0


async def test_a_message_becomes_an_article(fake_discord: FakeDiscord, empty_bot, moderator_role) -> None:
    message = await fake_discord.post_message(TEXT)
    menu = await fake_discord.message_context_menu("Add as article", message, roles=[moderator_role])
    assert (await menu.callback()).body == {"type": 5}
    embed = (await menu.followup(timeout=60)).body["embeds"][0]
    assert embed["title"].startswith("Added #1: ")
    article = await empty_bot.engine.store.get_article(1)
    assert article.text == TEXT
    assert article.date == message["timestamp"][:10]
    assert article.url.endswith(f"/{message['channel_id']}/{message['id']}")


async def test_delete_records_who_and_when(fake_discord: FakeDiscord, bot, moderator_role) -> None:
    callback = await (await fake_discord.slash("article delete", {"id": 3}, roles=[moderator_role])).callback()
    assert callback.body["data"]["content"] == (
        "Deleted #3 [Russian-Belarusian talks](http://en.kremlin.ru/events/president/news/67805) (2022-02-18) "
        "and everything extracted from it.")
    assert callback.body["data"]["allowed_mentions"] == NO_MENTIONS
    history = await bot.engine.store.history(3)
    assert [(r["action"], r["actor"]) for r in history][-1] == ("delete", actor_of(fake_discord.user))
    gone = await (await fake_discord.slash("article delete", {"id": 3}, roles=[moderator_role])).callback()
    assert ephemeral_text(gone) == "There is no article #3."
