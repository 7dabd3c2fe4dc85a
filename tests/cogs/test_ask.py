"""`/ask` end to end: the real bot on the fake Discord server, answering from the dev articles."""

from __future__ import annotations

import asyncio

from cogs_support import EPHEMERAL, NO_MENTIONS

import cogs.views
from tests.fakediscord import FakeDiscord

MANY = "what did Lukashenko say"  # 10 quotes in the dev set: two pages


async def test_ask_defers_then_answers_with_sources(fake_discord: FakeDiscord, bot) -> None:
    itx = await fake_discord.slash("ask", {"question": "who met Lukashenko in June 2025"})
    deferred = await itx.callback()
    answer = await itx.followup(timeout=10)

    assert deferred.body == {"type": 5}
    body = answer.body
    assert body["allowed_mentions"] == NO_MENTIONS
    assert "components" not in body or body["components"] == []  # one page: no buttons
    embed = body["embeds"][0]
    assert embed["title"] == "who met Lukashenko in June 2025"
    assert embed["description"].startswith("Alexander Lukashenko met 2 people in June 2025")
    assert "**Alexander Lukashenko, Xi Jinping** \u2014 2025-06-01/2025-06-12 in Beijing" in embed["description"]
    assert "President: Committed to Ensuring Unity Amidst Storms and Tempests \u00b7 2025-06-13 \u00b7 #1" \
        in embed["description"]
    assert embed["footer"] == {"text": "2 items"}


async def test_sources_are_links(fake_discord: FakeDiscord, bot) -> None:
    itx = await fake_discord.slash("ask", {"question": "who met Zelenskyy in 2022"})
    embed = (await itx.followup(timeout=10)).body["embeds"][0]
    assert "](https://" in embed["description"]


async def test_long_answer_pages_and_only_the_asker_turns_them(fake_discord: FakeDiscord, bot) -> None:
    itx = await fake_discord.slash("ask", {"question": MANY})
    first = await itx.followup(timeout=10)
    row = first.body["components"][0]["components"]
    assert [(b["custom_id"], b["disabled"]) for b in row] == [
        ("newsbot:page:prev", True), ("newsbot:page:count", True), ("newsbot:page:next", False)]
    assert row[1]["label"] == "1/2"
    assert first.body["embeds"][0]["footer"]["text"] == "Page 1/2 \u00b7 10 items"

    stranger = fake_discord.add_member("stranger")
    refused = await (await fake_discord.click("newsbot:page:next", user=stranger)).callback()
    assert refused.body["type"] == 4
    assert refused.body["data"]["flags"] == EPHEMERAL
    assert refused.body["data"]["content"] == "Only the person who asked can turn these pages."

    turned = await (await fake_discord.click("newsbot:page:next")).callback()
    assert turned.body["type"] == 7
    data = turned.body["data"]
    assert data["allowed_mentions"] == NO_MENTIONS
    assert data["embeds"][0]["footer"]["text"] == "Page 2/2 \u00b7 10 items"
    assert [(b["custom_id"], b["disabled"]) for b in data["components"][0]["components"]] == [
        ("newsbot:page:prev", False), ("newsbot:page:count", True), ("newsbot:page:next", True)]


async def test_pager_disables_itself_on_timeout(fake_discord: FakeDiscord, bot, monkeypatch) -> None:
    monkeypatch.setattr(cogs.views, "PAGE_TIMEOUT", 0.3)
    itx = await fake_discord.slash("ask", {"question": MANY})
    first = await itx.followup(timeout=10)
    message_id = first.response["id"]
    edit = await fake_discord.wait_for_request("PATCH", rf"/webhooks/\d+/[^/]+/messages/{message_id}", timeout=5)
    assert all(b["disabled"] for b in edit.body["components"][0]["components"])


async def test_echoed_question_cannot_ping_or_break_formatting(fake_discord: FakeDiscord, bot) -> None:
    itx = await fake_discord.slash("ask", {"question": "@everyone <@123456789012345678> **who** met Lukashenko"})
    body = (await itx.followup(timeout=10)).body
    title = body["embeds"][0]["title"]
    assert body["allowed_mentions"] == NO_MENTIONS
    assert "@everyone" not in title and "<@123456789012345678>" not in title
    assert "\\*\\*who\\*\\*" in title


async def test_question_over_the_limit_is_refused_ephemerally(fake_discord: FakeDiscord, bot) -> None:
    # Discord's client enforces max_length, but a crafted interaction need not: the bot checks too.
    callback = await (await fake_discord.slash("ask", {"question": "x" * 400})).callback()
    assert callback.body["type"] == 4
    assert callback.body["data"]["flags"] == EPHEMERAL
    assert callback.body["data"]["allowed_mentions"] == NO_MENTIONS
    assert callback.body["data"]["content"] == "`question` must be 1 to 300 characters long (got 400)."


async def test_fifty_questions_at_once_are_all_answered(fake_discord: FakeDiscord, bot) -> None:
    handles = await asyncio.gather(*(fake_discord.slash("ask", {"question": q}) for q in
                                     ["who met Lukashenko in June 2025", MANY, "quotes about unity",
                                      "who met Zelenskyy in 2022", "grain exports"] * 10))
    answers = await asyncio.gather(*(h.followup(timeout=30) for h in handles))
    assert len(answers) == 50
    assert all(a.status == 200 and a.body["embeds"] for a in answers)
    assert not fake_discord.unhandled_requests
