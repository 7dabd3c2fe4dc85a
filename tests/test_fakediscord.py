"""End-to-end checks of the FakeDiscord harness with a real ``commands.Bot``."""

from __future__ import annotations

import asyncio
import contextlib
import io

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, fixtures, run_client

# The ``fake_discord`` fixture (harmless if conftest imports it too).
fake_discord = fixtures.fake_discord

NO_MENTIONS = {"parse": []}


def make_bot() -> commands.Bot:
    """A bot like ours: default intents, mentions disabled by default."""
    return commands.Bot(
        command_prefix="!", intents=discord.Intents.default(), allowed_mentions=discord.AllowedMentions.none()
    )


class MoreView(discord.ui.View):
    """One button that edits the message it is on."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="More", style=discord.ButtonStyle.primary, custom_id="more")
    async def more(self, interaction: discord.Interaction, button: discord.ui.Button[MoreView]) -> None:
        await interaction.response.edit_message(content="expanded", view=None)


class NoteModal(discord.ui.Modal, title="Add a note"):
    """A modal with one text input; answers with what was typed."""

    note: discord.ui.TextInput[NoteModal] = discord.ui.TextInput(label="Note", custom_id="note")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"noted: {self.note.value}", ephemeral=True)


async def test_slash_answers_ephemerally_with_embed_and_button(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.command(name="headline", description="Latest headline")
    async def headline(interaction: discord.Interaction) -> None:
        embed = discord.Embed(title="Summit ends", description="Leaders met.", colour=0x123456)
        await interaction.response.send_message("Top story", embed=embed, view=MoreView(), ephemeral=True)

    async with run_client(bot, fake_discord):
        synced = await bot.tree.sync()
        itx = await fake_discord.slash("headline")
        callback = await itx.callback()

    assert itx.payload["data"]["id"] == str(synced[0].id)
    assert callback.body == {
        "type": 4,
        "data": {
            "tts": False,
            "content": "Top story",
            "embeds": [
                {"title": "Summit ends", "description": "Leaders met.", "color": 0x123456, "type": "rich", "flags": 0}
            ],
            "components": [
                {"type": 1, "components": [
                    {"type": 2, "style": 1, "label": "More", "disabled": False, "custom_id": "more"}
                ]}
            ],
            "flags": 64,
            "allowed_mentions": NO_MENTIONS,
        },
    }
    assert callback.response["resource"]["message"]["flags"] == 64
    assert not fake_discord.unhandled_requests


async def test_button_click_edits_the_message(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.command(name="story", description="A story with a button")
    async def story(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("short", view=MoreView())

    async with run_client(bot, fake_discord):
        await (await fake_discord.slash("story")).callback()
        click = await fake_discord.click("more")
        callback = await click.callback()

    assert callback.body == {
        "type": 7,
        "data": {"tts": False, "content": "expanded", "components": [], "allowed_mentions": NO_MENTIONS},
    }
    message = fake_discord.messages.get(int(click.payload["message"]["id"]))
    assert message is not None
    assert message["content"] == "expanded" and message["components"] == []


async def test_modal_is_shown_and_submitted(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.command(name="note", description="Add a note")
    async def note(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(NoteModal(custom_id="note-modal"))

    async with run_client(bot, fake_discord):
        shown = await (await fake_discord.slash("note")).callback()
        submit = await fake_discord.submit_modal("note-modal", {"note": "check the quote"})
        answer = await submit.callback()

    assert shown.body["type"] == 9
    assert shown.body["data"]["custom_id"] == "note-modal"
    assert shown.body["data"]["title"] == "Add a note"
    assert answer.body == {
        "type": 4,
        "data": {"tts": False, "content": "noted: check the quote", "flags": 64, "allowed_mentions": NO_MENTIONS},
    }


async def test_deferred_response_then_followup(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.command(name="digest", description="Slow digest")
    async def digest(interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send("3 new articles", ephemeral=True)

    async with run_client(bot, fake_discord):
        itx = await fake_discord.slash("digest")
        deferred = await itx.callback()
        followup = await itx.followup()

    assert deferred.body == {"type": 5, "data": {"flags": 64}}
    assert deferred.response["interaction"]["response_message_loading"] is True
    assert followup.query == {"wait": "1", "with_components": "0"}
    assert followup.body == {
        "tts": False, "content": "3 new articles", "flags": 64, "allowed_mentions": NO_MENTIONS,
    }
    # The first followup after a defer replaces the "thinking" message.
    assert followup.response["id"] == deferred.response["interaction"]["response_message_id"]
    assert followup.response["flags"] == 64


async def test_autocomplete_and_attachment_option(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    async def topics(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=t, value=t) for t in ("ukraine", "uk politics") if t.startswith(current)]

    @bot.tree.command(name="import", description="Import a file")
    @app_commands.autocomplete(topic=topics)
    async def import_(interaction: discord.Interaction, topic: str, file: discord.Attachment) -> None:
        data = await file.read()
        await interaction.response.send_message(f"{topic}: {file.filename} {len(data)} bytes")

    async with run_client(bot, fake_discord):
        await bot.tree.sync()
        attachment = fake_discord.add_attachment("articles.jsonl", b'{"a": 1}\n', "application/jsonl")
        ac = await fake_discord.autocomplete("import", "topic", {"topic": "uk"})
        ac_callback = await ac.callback()
        itx = await fake_discord.slash("import", {"topic": "ukraine", "file": attachment})
        callback = await itx.callback()

    assert ac_callback.body == {
        "type": 8, "data": {"choices": [{"name": "ukraine", "value": "ukraine"}, {"name": "uk politics",
                                                                                 "value": "uk politics"}]},
    }
    assert itx.payload["data"]["options"][1] == {"name": "file", "type": 11, "value": attachment["id"]}
    assert callback.body["data"]["content"] == "ukraine: articles.jsonl 9 bytes"
    assert fake_discord.find_requests("GET", r"/attachments/.*")


async def test_message_context_menu(fake_discord: FakeDiscord) -> None:
    bot = make_bot()

    @bot.tree.context_menu(name="Who said it")
    async def who(interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.send_message(f"{message.author.name}: {message.content}", ephemeral=True)

    async with run_client(bot, fake_discord):
        said = await fake_discord.post_message("We will meet in Geneva.")
        callback = await (await fake_discord.message_context_menu("Who said it", said)).callback()

    assert callback.body["data"]["content"] == "tester: We will meet in Geneva."


async def test_message_sent_to_a_channel_with_a_file(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    channel_id = int(fake_discord.channel["id"])

    async with run_client(bot, fake_discord):
        channel = bot.get_channel(channel_id)
        assert isinstance(channel, discord.TextChannel)
        await channel.send("Morning digest", embed=discord.Embed(title="Digest"))
        await channel.send("raw data", file=discord.File(io.BytesIO(b"id,title\n"), "digest.csv"))

    first, second = fake_discord.find_requests("POST", rf"/channels/{channel_id}/messages")
    body = dict(first.json)
    assert body.pop("nonce").isdigit()
    assert body == {
        "content": "Morning digest", "embeds": [{"title": "Digest", "type": "rich", "flags": 0}], "tts": False,
        "components": [], "allowed_mentions": NO_MENTIONS, "enforce_nonce": True,
    }
    assert second.payload_json["attachments"] == [{"id": 0, "filename": "digest.csv"}]
    assert second.file("digest.csv").data == b"id,title\n"
    assert second.response["attachments"][0]["filename"] == "digest.csv"


async def test_forbidden_channel_raises_missing_permissions(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    channel_id = int(fake_discord.channel["id"])
    fake_discord.forbid_channel(channel_id)

    async with run_client(bot, fake_discord):
        channel = bot.get_channel(channel_id)
        assert isinstance(channel, discord.TextChannel)
        with pytest.raises(discord.Forbidden) as caught:
            await channel.send("hello")

    assert caught.value.code == 50013
    assert caught.value.text == "Missing Permissions"
    assert fake_discord.requests[-1].status == 403


async def test_rate_limited_request_is_retried(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    channel_id = int(fake_discord.channel["id"])
    fake_discord.rate_limit("POST", rf"/channels/{channel_id}/messages", retry_after=0.01)

    async with run_client(bot, fake_discord):
        await bot.get_channel(channel_id).send("eventually")  # type: ignore[union-attr]

    statuses = [r.status for r in fake_discord.find_requests("POST", rf"/channels/{channel_id}/messages")]
    assert statuses == [429, 200]


async def test_member_permissions_are_resolved(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    seen: list[discord.Permissions] = []
    editor = fake_discord.add_role("Editor", discord.Permissions(manage_messages=True))

    @bot.tree.command(name="perms", description="Show permissions")
    async def perms(interaction: discord.Interaction) -> None:
        seen.append(interaction.permissions)
        await interaction.response.send_message("ok", ephemeral=True)

    async with run_client(bot, fake_discord):
        await (await fake_discord.slash("perms")).callback()
        await (await fake_discord.slash("perms", roles=[int(editor["id"])])).callback()
        await (await fake_discord.slash("perms", member_permissions=discord.Permissions(administrator=True))).callback()

    assert [p.manage_messages for p in seen] == [False, True, True]
    assert seen[0].send_messages and seen[2].administrator


async def test_heartbeats_arrive_on_the_configured_interval(fake_discord: FakeDiscord) -> None:
    fake_discord.heartbeat_interval_ms = 150
    bot = make_bot()

    async with run_client(bot, fake_discord):
        await asyncio.sleep(0.7)
        latency = bot.latency

    gaps = fake_discord.heartbeat_gaps()
    assert len(gaps) >= 3, gaps
    # Never early, never late (slack for a loaded machine; a blocked event loop would blow it).
    assert all(0.12 <= gap <= 0.25 for gap in gaps), gaps
    assert latency < 0.5


async def test_reconnect_resumes_the_session(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    resumed = asyncio.Event()

    async def on_resumed() -> None:
        resumed.set()

    bot.add_listener(on_resumed)

    async with run_client(bot, fake_discord):
        await fake_discord.request_reconnect()
        await asyncio.wait_for(resumed.wait(), 5)

    assert fake_discord.gateway.connect_count == 2
    assert [op.op for op in fake_discord.gateway.received if op.op in (2, 6)] == [2, 6]


async def test_subcommand_group_edit_original_and_unknown_route(fake_discord: FakeDiscord) -> None:
    bot = make_bot()
    news = app_commands.Group(name="news", description="News")
    quotes = app_commands.Group(name="quotes", description="Quotes", parent=news)

    @quotes.command(name="by", description="Quotes by a person")
    async def by(interaction: discord.Interaction, person: discord.Member, limit: int = 3) -> None:
        await interaction.response.send_message("searching")
        await interaction.edit_original_response(content=f"{limit} quotes by {person.name}")
        with contextlib.suppress(discord.NotFound):
            await interaction.client.http.request(discord.http.Route("GET", "/no/such/route"))

    bot.tree.add_command(news)
    async with run_client(bot, fake_discord):
        await bot.tree.sync()
        itx = await fake_discord.slash("news quotes by", {"person": int(fake_discord.owner["id"]), "limit": 5})
        edit = await itx.edit_original()
        await fake_discord.wait_for_request("GET", "/no/such/route")

    assert itx.payload["data"]["options"] == [
        {"name": "quotes", "type": 2, "options": [{"name": "by", "type": 1, "options": [
            {"name": "person", "type": 6, "value": fake_discord.owner["id"]},
            {"name": "limit", "type": 4, "value": 5},
        ]}]}
    ]
    assert edit.body["content"] == "5 quotes by owner"
    assert [r.path for r in fake_discord.unhandled_requests] == ["/no/such/route"]
