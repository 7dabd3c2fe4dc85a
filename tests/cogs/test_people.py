"""`/quotes`, `/meetings`, `/who`, `/search` and person autocomplete, end to end."""

from __future__ import annotations

from cogs_support import EPHEMERAL, NO_MENTIONS

from tests.fakediscord import FakeDiscord


async def answer_of(fake_discord: FakeDiscord, name: str, options: dict) -> dict:
    itx = await fake_discord.slash(name, options)
    assert (await itx.callback()).body == {"type": 5}
    body = (await itx.followup(timeout=10)).body
    assert body["allowed_mentions"] == NO_MENTIONS
    return body["embeds"][0]


async def refusal_of(fake_discord: FakeDiscord, name: str, options: dict) -> str:
    callback = await (await fake_discord.slash(name, options)).callback()
    assert callback.body["type"] == 4 and callback.body["data"]["flags"] == EPHEMERAL
    assert callback.body["data"]["allowed_mentions"] == NO_MENTIONS
    return callback.body["data"]["content"]


async def test_person_autocomplete_offers_people_from_the_database(fake_discord: FakeDiscord, bot) -> None:
    ac = await fake_discord.autocomplete("quotes", "person", {"person": "luka"})
    body = (await ac.callback()).body
    assert body["type"] == 8
    assert body["data"]["choices"] == [{"name": "Alexander Lukashenko", "value": "Alexander Lukashenko"}]
    everyone = (await (await fake_discord.autocomplete("who", "name", {"name": ""})).callback()).body
    assert 1 <= len(everyone["data"]["choices"]) <= 25


async def test_quotes_by_a_person_about_a_topic(fake_discord: FakeDiscord, bot) -> None:
    embed = await answer_of(fake_discord, "quotes", {"person": "Alexander Lukashenko", "topic": "unity"})
    assert embed["title"] == "Quotes by Alexander Lukashenko about unity"
    assert "\u2014 **Alexander Lukashenko**" in embed["description"]


async def test_quotes_between_dates_keep_only_those_dates(fake_discord: FakeDiscord, bot) -> None:
    embed = await answer_of(fake_discord, "quotes", {"person": "Alexander Lukashenko", "from": "2025-06-01",
                                                     "to": "2025-06-30"})
    assert embed["title"] == "Quotes by Alexander Lukashenko (2025-06-01 to 2025-06-30)"
    dates = [line.split(" \u00b7 ")[1] for line in embed["description"].splitlines() if " \u00b7 #" in line]
    assert dates and all(d.startswith("2025-06") for d in dates)


async def test_a_bad_date_says_the_expected_form(fake_discord: FakeDiscord, bot) -> None:
    text = await refusal_of(fake_discord, "quotes", {"topic": "unity", "from": "13/06/2025"})
    assert text == "`from`: '13/06/2025' is not a date; use the form YYYY-MM-DD, e.g. 2025-06-13."
    text = await refusal_of(fake_discord, "meetings", {"person": "Alexander Lukashenko", "when": "2025-13"})
    assert "use the form YYYY-MM-DD" in text


async def test_quotes_need_a_person_or_a_topic(fake_discord: FakeDiscord, bot) -> None:
    assert await refusal_of(fake_discord, "quotes", {}) == "Give a `person`, a `topic`, or both."


async def test_meetings_of_a_person_in_a_month(fake_discord: FakeDiscord, bot) -> None:
    embed = await answer_of(fake_discord, "meetings", {"person": "Alexander Lukashenko", "when": "2025-06"})
    assert embed["title"] == "Meetings of Alexander Lukashenko, 2025-06"
    assert embed["description"].startswith("Alexander Lukashenko met 2 people in June 2025")
    assert "Xi Jinping" in embed["description"]


async def test_who_is_a_person(fake_discord: FakeDiscord, bot) -> None:
    embed = await answer_of(fake_discord, "who", {"name": "Alexander Lukashenko"})
    assert embed["title"] == "Who is Alexander Lukashenko?"
    assert "Lukashenko" in embed["description"]


async def test_search_finds_articles(fake_discord: FakeDiscord, bot) -> None:
    embed = await answer_of(fake_discord, "search", {"query": "grain"})
    assert embed["title"] == "Search: grain"
    assert " \u00b7 #" in embed["description"]


async def test_help_lists_every_command(fake_discord: FakeDiscord, bot) -> None:
    callback = await (await fake_discord.slash("help")).callback()
    data = callback.body["data"]
    assert data["flags"] == EPHEMERAL and data["allowed_mentions"] == NO_MENTIONS
    text = data["embeds"][0]["description"]
    for usage in ("/ask question:", "/quotes [person:] [topic:] [from:] [to:]", "/meetings person: [when:]",
                  "/who name:", "/search query:", "/article add [url:]", "/article import file:",
                  "/article show id:", "/article list [page:]", "/article delete id:", "/help", "Add as article"):
        assert usage in text, usage
