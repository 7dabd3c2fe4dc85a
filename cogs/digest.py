"""`/digest`: scheduled news digests per server, posted exactly once per slot.

One `tasks.loop` (started in `cog_load`, cancelled in `cog_unload`) ticks every minute.
Each tick, for every active setting, computes the latest due slot from the clock and
the last slot recorded in the database, so a slot missed while the bot was down is
posted once on return (within the catch-up window) and a restart never reposts.
A slot is recorded only after every message of its digest was sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.client import NewsBot
from bot.digest import digest_messages, period_since
from bot.schedule import (
    DEFAULT_CATCH_UP,
    FREQUENCIES,
    WEEKDAYS,
    due_slot,
    latest_slot,
    make_schedule,
    next_slot,
    parse_instant,
)
from bot.schedule import slot_key as key_of
from bot.store import Store
from bot.store import digests as db
from cogs.problems import actor, refusal_for, send_ephemeral
from cogs.render import NO_MENTIONS

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
TRANSIENT = (discord.HTTPException, aiohttp.ClientError, OSError, asyncio.TimeoutError)
WEEKDAY_CHOICES = [app_commands.Choice(name=d.capitalize(), value=d) for d in WEEKDAYS]
FREQUENCY_CHOICES = [app_commands.Choice(name=f, value=f) for f in FREQUENCIES]
_ZONES: list[str] = sorted(zoneinfo.available_timezones())


def utcnow() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime, style: str = "F") -> str:
    """A Discord timestamp: shown in each reader's own time zone."""
    return f"<t:{int(moment.timestamp())}:{style}>"


@dataclass(slots=True)
class Pending:
    """A digest being sent for one slot: its messages are fixed, so a retry resumes, never repeats."""

    messages: list[str]
    since: str | None
    until: str
    articles: int
    sent: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt to post did: ``posted``, ``paused`` or ``failed`` (retried next tick)."""

    status: str
    messages: int = 0
    detail: str = ""


class Digest(commands.Cog):
    """Scheduled digests of what was added: articles, meetings, quotes, who is mentioned most."""

    digest = app_commands.Group(name="digest", description="Scheduled news digests for this server",
                                guild_only=True)

    def __init__(self, bot: NewsBot, *, clock: Clock = utcnow, catch_up: timedelta = DEFAULT_CATCH_UP) -> None:
        self.bot = bot
        self.clock = clock
        self.catch_up = catch_up
        self._lock = asyncio.Lock()
        self._pending: dict[tuple[int, str], Pending] = {}
        self._unloading = False

    @property
    def store(self) -> Store:
        return self.bot.engine.store  # type: ignore[union-attr]

    # ------------------------------------------------------------------ loop

    async def cog_load(self) -> None:
        self._unloading = False
        self.ticker.start()
        self.watchdog.start()

    async def cog_unload(self) -> None:
        self._unloading = True
        self.ticker.cancel()
        self.watchdog.cancel()

    @tasks.loop(minutes=1)
    async def ticker(self) -> None:
        await self.tick()

    @ticker.before_loop
    async def _wait_ready(self) -> None:
        await self.bot.wait_until_ready()

    @tasks.loop(minutes=5)
    async def watchdog(self) -> None:
        """Restart the ticker if something killed it (discord.py issue 9074: tasks die on connection resets)."""
        self.ensure_running()

    @commands.Cog.listener()
    async def on_resumed(self) -> None:
        self.ensure_running()

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        self.ensure_running()  # never a second loop: only restarts a dead one

    def ensure_running(self) -> bool:
        """Start the ticker if it is not running (and the cog is loaded); True if it had to."""
        if self._unloading or self.ticker.is_running():
            return False
        log.warning("the digest loop was not running; restarting it")
        self.ticker.start()
        return True

    async def tick(self) -> dict[int, Outcome]:
        """Post every digest that is due now; one server's failure never stops the others."""
        now = self.clock()
        outcomes: dict[int, Outcome] = {}
        for key in [k for k in self._pending if parse_instant(k[1]) < now - self.catch_up]:
            del self._pending[key]  # a slot given up on: the next digest covers its articles
        try:
            settings = await db.active_settings(self.store)
        except Exception:
            log.exception("could not read digest settings")
            return outcomes
        for setting in settings:
            try:
                outcome = await self.post_due(setting, now)
            except Exception:
                log.exception("digest for guild %s failed", setting.guild_id)
                outcome = Outcome("failed", detail="unexpected error")
            if outcome is not None:
                outcomes[setting.guild_id] = outcome
        return outcomes

    async def post_due(self, setting: db.DigestSettings, now: datetime) -> Outcome | None:
        """Post this server's due slot, if any and not yet recorded."""
        async with self._lock:
            current = await db.get_settings(self.store, setting.guild_id)  # it may have changed while we waited
            if current is None or not current.active:
                return None
            setting = current
            last = await db.last_run(self.store, setting.guild_id, "scheduled")
            slot = due_slot(
                setting.schedule, now, last_posted=parse_instant(last.slot) if last else None,
                not_before=parse_instant(setting.updated_at), catch_up=self.catch_up,
            )
            if slot is None or await db.is_recorded(self.store, setting.guild_id, key_of(slot)):
                return None
            return await self._post(setting, key_of(slot), "scheduled", now, start=slot)

    async def post_now(self, setting: db.DigestSettings) -> Outcome:
        """Post the digest at once (`/digest now`); it counts as the last digest."""
        now = self.clock()
        async with self._lock:
            return await self._post(setting, key_of(now), "manual", now, start=now)

    # ------------------------------------------------------------------ posting

    async def _since(self, setting: db.DigestSettings, at: datetime) -> str:
        """Where the next digest starts: the end of the last one; for the first, the slot before ``at``
        or when the digest was set up, whichever is earlier (so a skipped first slot loses nothing)."""
        last = await db.last_run(self.store, setting.guild_id)
        if last is not None:
            return last.until
        previous = latest_slot(setting.schedule, at - timedelta(seconds=1))
        return key_of(min(previous, parse_instant(setting.updated_at)))

    async def _post(self, setting: db.DigestSettings, slot: str, kind: str, now: datetime, *,
                    start: datetime) -> Outcome:
        gid = setting.guild_id
        pending = self._pending.get((gid, slot))
        if pending is None:
            since = await self._since(setting, start)
            until = key_of(now)
            content = await db.added_between(self.store, since, until,
                                             period_since(parse_instant(since), setting.schedule.tz))
            messages = digest_messages(content, empty_post=setting.empty_post)
            pending = Pending(messages, since, until, len(content.articles))
            self._pending[(gid, slot)] = pending
        channel = self.bot.get_partial_messageable(setting.channel_id, guild_id=gid)
        try:
            while pending.sent < len(pending.messages):
                await channel.send(pending.messages[pending.sent], allowed_mentions=NO_MENTIONS)
                pending.sent += 1
        except (discord.Forbidden, discord.NotFound) as exc:
            self._pending.pop((gid, slot), None)
            reason = pause_reason(setting.channel_id, exc)
            await db.pause(self.store, gid, reason, now=self.clock())
            log.warning("digest for guild %s paused: %s", gid, reason)
            await self._tell_moderators(gid, setting.channel_id, reason)
            return Outcome("paused", pending.sent, reason)
        except TRANSIENT as exc:
            log.warning("digest for guild %s slot %s not sent (%s); retrying next tick", gid, slot, exc)
            return Outcome("failed", pending.sent, str(exc))
        await db.record_run(self.store, gid, slot, kind=kind, channel_id=setting.channel_id, since=pending.since,
                            until=pending.until, articles=pending.articles, messages=len(pending.messages),
                            now=self.clock())
        self._pending.pop((gid, slot), None)
        return Outcome("posted", len(pending.messages))

    async def _tell_moderators(self, guild_id: int, broken_channel: int, reason: str) -> None:
        """Say why the digest stopped, in the first channel the bot can still post in (if any)."""
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return
        candidates = [guild.system_channel, guild.public_updates_channel, *guild.text_channels]
        for channel in candidates:
            if channel is None or channel.id == broken_channel:
                continue
            if not channel.permissions_for(guild.me).send_messages:
                continue
            with contextlib.suppress(discord.HTTPException):
                await channel.send(f"**News digest paused.** {reason}", allowed_mentions=NO_MENTIONS)
                return

    # ------------------------------------------------------------------ commands

    @staticmethod
    async def _moderator(interaction: discord.Interaction) -> bool:
        """True for moderators; everyone else is told which role or permission they lack."""
        reason = refusal_for(interaction)
        if reason:
            await send_ephemeral(interaction, reason)
        return reason is None

    @digest.command(name="set")
    @app_commands.describe(
        channel="where to post the digest",
        time="local time of day, HH:MM on a 24-hour clock (e.g. 08:00)",
        timezone="IANA time zone such as Europe/Berlin (default: the bot's)",
        frequency="daily, or weekly on one weekday",
        weekday="the day of a weekly digest",
        empty_post="when nothing is new: post one line (true) or nothing (false)",
    )
    @app_commands.choices(frequency=FREQUENCY_CHOICES, weekday=WEEKDAY_CHOICES)
    async def set_(self, interaction: discord.Interaction, channel: discord.TextChannel, time: str,
                   timezone: str | None = None, frequency: str = "daily", weekday: str | None = None,
                   empty_post: bool = True) -> None:
        """Set up this server's digest: channel, time, time zone, daily or weekly."""
        if not await self._moderator(interaction):
            return
        try:
            schedule = make_schedule(time, timezone or self.bot.config.timezone, frequency, weekday)
        except ValueError as exc:
            await send_ephemeral(interaction, f"{exc}.")
            return
        setting = await db.save_settings(self.store, interaction.guild_id, channel.id, schedule,  # type: ignore[arg-type]
                                         empty_post=empty_post, now=self.clock(), by=actor(interaction.user))
        lines = [f"Digest on: {schedule.describe()} in {channel.mention}.",
                 f"Next: {stamp(next_slot(schedule, self.clock()))}."]
        me = interaction.guild.me if interaction.guild else None
        if me is not None and not channel.permissions_for(me).send_messages:
            lines.append(f"\u26a0 I can't send messages in {channel.mention} yet: give me **Send Messages** there.")
        if not setting.empty_post:
            lines.append("When nothing is new, nothing is posted.")
        await send_ephemeral(interaction, "\n".join(lines))

    @set_.autocomplete("timezone")
    async def _timezones(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        needle = current.strip().lower().replace(" ", "_")
        found = [z for z in _ZONES if needle in z.lower()] if needle else ["UTC", self.bot.config.timezone]
        return [app_commands.Choice(name=z, value=z) for z in dict.fromkeys(found)][:25]

    @digest.command(name="show")
    async def show(self, interaction: discord.Interaction) -> None:
        """Show this server's digest settings, the last digest and the next one."""
        self.ensure_running()
        setting = await db.get_settings(self.store, interaction.guild_id)  # type: ignore[arg-type]
        if setting is None:
            await send_ephemeral(interaction, "No digest is set up here. A moderator can start one with "
                                 "`/digest set channel:#news time:08:00 frequency:daily`.")
            return
        await send_ephemeral(interaction, await self.describe(setting))

    async def describe(self, setting: db.DigestSettings) -> str:
        """The settings and state of one server's digest, as `/digest show` prints them."""
        state = "on" if setting.active else ("paused" if setting.enabled else "off")
        lines = [f"**Digest {state}**: {setting.schedule.describe()} in <#{setting.channel_id}>.",
                 "When nothing is new: " + ("one line saying so." if setting.empty_post else "no post.")]
        if setting.paused_reason:
            lines.append(f"\u26a0 Paused since {stamp(parse_instant(setting.paused_at or setting.updated_at))}: "
                         f"{setting.paused_reason}")
        last = await db.last_run(self.store, setting.guild_id)
        if last is not None:
            lines.append(f"Last digest: {stamp(parse_instant(last.posted_at))} ({last.articles} article(s)).")
        if setting.active:
            lines.append(f"Next: {stamp(next_slot(setting.schedule, self.clock()))}.")
        return "\n".join(lines)

    @digest.command(name="off")
    async def off(self, interaction: discord.Interaction) -> None:
        """Stop posting this server's digest (settings are kept; `/digest set` turns it on again)."""
        if not await self._moderator(interaction):
            return
        done = await db.switch_off(self.store, interaction.guild_id, now=self.clock(),  # type: ignore[arg-type]
                                   by=actor(interaction.user))
        await send_ephemeral(interaction, "Digest off." if done else "No digest is set up here.")

    @digest.command(name="preview")
    async def preview(self, interaction: discord.Interaction) -> None:
        """Show (only to you) what the next digest would contain so far."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        now = self.clock()
        setting = await db.get_settings(self.store, interaction.guild_id)  # type: ignore[arg-type]
        since = await self._since(setting, now) if setting else key_of(now - timedelta(days=1))
        tz = setting.schedule.tz if setting else self.bot.config.tz
        content = await db.added_between(self.store, since, key_of(now), period_since(parse_instant(since), tz))
        messages = digest_messages(content, empty_post=True)
        for text in messages[:5]:
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        if len(messages) > 5:
            await interaction.followup.send(f"\u2026 and {len(messages) - 5} more message(s).", ephemeral=True)

    @digest.command(name="now")
    async def now(self, interaction: discord.Interaction) -> None:
        """Post the digest to its channel now (the next one starts from here)."""
        if not await self._moderator(interaction):
            return
        setting = await db.get_settings(self.store, interaction.guild_id)  # type: ignore[arg-type]
        if setting is None:
            await send_ephemeral(interaction, "No digest is set up here: use `/digest set` first.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        outcome = await self.post_now(setting)
        if outcome.status == "posted":
            text = f"Posted {outcome.messages} message(s) to <#{setting.channel_id}>." if outcome.messages else \
                "Nothing new, and this digest posts nothing when nothing is new."
        elif outcome.status == "paused":
            text = f"Digest paused: {outcome.detail}"
        else:
            text = f"Discord did not take the digest ({outcome.detail}); try again in a minute."
        await send_ephemeral(interaction, text)


def pause_reason(channel_id: int, error: discord.HTTPException) -> str:
    """Why a digest cannot be posted, and what a moderator can do about it."""
    detail = f"{error.status} {error.text or error.response.reason}".strip()
    if isinstance(error, discord.NotFound):
        what = f"the channel <#{channel_id}> no longer exists or I can't see it ({detail})"
    else:
        what = f"I am not allowed to post in <#{channel_id}> ({detail})"
    return f"{what}. Fix the channel's permissions or pick another one, then run `/digest set` again."


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Digest(bot))
