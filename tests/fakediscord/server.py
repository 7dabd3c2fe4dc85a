"""``FakeDiscord``: REST + gateway on loopback that the real, unpatched discord.py talks to."""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Iterable
from typing import Any

import discord
import yarl
from aiohttp import BodyPartReader, web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from .commands import CommandRegistry
from .faults import MISSING_PERMISSIONS, SERVER_ERROR, UNKNOWN_CHANNEL, FaultInjector, FaultRule
from .gateway import Gateway
from .ids import SnowflakeGenerator
from .interactions import InteractionBuilderMixin, InteractionState
from .messages import AttachmentStore, MessageStore
from .models import DEFAULT_BOT_PERMISSIONS, FakeGuild, Payload, member_payload, perm_value, user_payload
from .recording import Predicate, RecordedFile, RecordedRequest, RequestLog
from .rest import API_PREFIX, REC, RestApi, json_response


async def record_request(request: web.Request) -> RecordedRequest:
    """Read method, path, query and (JSON or multipart) body of a request."""
    path = request.path[len(API_PREFIX):] if request.path.startswith(API_PREFIX) else request.path
    rec = RecordedRequest(request.method, path, dict(request.query), dict(request.headers))
    if request.content_type == "multipart/form-data":
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                continue
            if part.name == "payload_json" and part.filename is None:
                rec.payload_json = json.loads(await part.text())
            else:
                content_type = part.headers.get("Content-Type", "application/octet-stream")
                data = bytes(await part.read())
                rec.files.append(RecordedFile(part.name or "", part.filename or "", content_type, data))
    elif request.can_read_body:
        text = await request.text()
        if text and request.content_type == "application/json":
            rec.json = json.loads(text)
    return rec


class FakeDiscord(InteractionBuilderMixin):
    """A fake Discord: one default guild (``guild``) with a ``general`` text channel (``channel``),
    the bot member (role with ``bot_permissions``), an ``owner`` and a plain test ``user``.

    Configure guilds/channels/users before the client connects; they are sent in GUILD_CREATE.
    """

    def __init__(
        self,
        *,
        bot_name: str = "newsbot",
        guild_name: str = "Fake Guild",
        bot_permissions: int | discord.Permissions = DEFAULT_BOT_PERMISSIONS,
        heartbeat_interval_ms: int = 41250,
        echo_messages: bool = False,
    ) -> None:
        self.ids = SnowflakeGenerator()
        self.app_id = self.ids.next()
        self.application_flags = 0
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.echo_messages = echo_messages
        self.bot_user = user_payload(self.app_id, bot_name, bot=True)
        self.users: dict[int, Payload] = {self.app_id: self.bot_user}
        self.owner = self.add_user("owner")
        self.user = self.add_user("tester")
        self.guilds: dict[int, FakeGuild] = {}
        self.dm_channels: dict[int, Payload] = {}
        self._bot_permissions = perm_value(bot_permissions)
        self.guild = self.add_guild(guild_name)
        self.channel = next(iter(self.guild.channels.values()))
        self.requests = RequestLog()
        self.faults = FaultInjector()
        self.gateway = Gateway(self)
        self.commands = CommandRegistry(self.ids, self.app_id)
        self.attachments = AttachmentStore(self.ids, lambda: self.base_url)
        self.messages = MessageStore(self.ids, self.attachments)
        self.interactions: dict[str, InteractionState] = {}
        self.errors: list[str] = []
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._saved: tuple[str, yarl.URL] | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:{port}``."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """What ``discord.http.Route.BASE`` is set to."""
        return f"{self.base_url}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """Gateway URL; discord.py appends ``?encoding=json&v=10&compress=zlib-stream``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a random port."""
        app = web.Application(middlewares=[self._middleware], client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self.gateway.handle)
        RestApi(self).install(app)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Close gateway connections and the HTTP server."""
        if self._runner is not None:
            await self.gateway.close_all(code=1001)
            await self._runner.cleanup()
            self._runner = None

    def install(self) -> None:
        """Point discord.py's REST base and default gateway at this server."""
        if self._saved is not None:
            raise RuntimeError("FakeDiscord is already installed")
        self._saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        Route.BASE = self.api_url
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)

    def uninstall(self) -> None:
        """Restore discord.py's globals."""
        if self._saved is not None:
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved
            self._saved = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        self.install()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.uninstall()
        await self.stop()

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Record every REST request, apply fault rules, turn fake-server bugs into 400s."""
        if request.path == "/gateway":
            return await handler(request)
        rec = await record_request(request)
        request[REC] = rec
        rule = self.faults.take(rec.method, rec.path)
        try:
            response = await handler(request) if rule is None else json_response(
                request, rule.body, rule.status, rule.headers
            )
        except Exception:
            self.errors.append(f"{rec.method} {rec.path}:\n{traceback.format_exc()}")
            response = json_response(request, {"code": 0, "message": "FakeDiscord handler crashed"}, 400)
        rec.status = response.status
        # Flush the answer before waking waiters, so the client receives it before a test's next event.
        await response.prepare(request)
        await response.write_eof()
        self.requests.add(rec)
        return response

    # -- configuration ---------------------------------------------------------------------------

    def add_user(self, username: str, *, bot: bool = False) -> Payload:
        """Create a user (not a member of any guild)."""
        user = user_payload(self.ids.next(), username, bot=bot)
        self.users[int(user["id"])] = user
        return user

    def add_member(self, user: str | Payload, roles: Iterable[int] = (), *, guild: FakeGuild | None = None,
                   nick: str | None = None) -> Payload:
        """Add a member (creating the user from a name if needed); returns the user payload."""
        payload = self.add_user(user) if isinstance(user, str) else user
        self.users.setdefault(int(payload["id"]), payload)
        (guild or self.guild).add_member(payload, roles, nick=nick)
        return payload

    def add_guild(self, name: str, *, bot_permissions: int | discord.Permissions | None = None) -> FakeGuild:
        """Create a guild with a ``general`` channel, the bot (and its role), the owner and the test user."""
        guild = FakeGuild(self.ids, self.ids.next(), name, owner_id=int(self.owner["id"]))
        perms = self._bot_permissions if bot_permissions is None else perm_value(bot_permissions)
        role = guild.add_role(self.bot_user["username"], perms, managed=True, tags={"bot_id": self.bot_user["id"]})
        guild.bot_role_id = int(role["id"])
        guild.members[self.app_id] = member_payload(self.bot_user, [guild.bot_role_id])
        for user in (self.owner, self.user):
            guild.add_member(user)
        guild.add_channel("general")
        self.guilds[guild.id] = guild
        return guild

    def add_channel(self, name: str, *, guild: FakeGuild | None = None, **kwargs: Any) -> Payload:
        """Create a guild channel (kwargs: type, overwrites, topic, parent_id)."""
        return (guild or self.guild).add_channel(name, **kwargs)

    def add_role(self, name: str, permissions: int | discord.Permissions = 0, *, guild: FakeGuild | None = None
                 ) -> Payload:
        """Create a role in a guild (default guild if omitted)."""
        return (guild or self.guild).add_role(name, permissions)

    def set_bot_permissions(self, permissions: int | discord.Permissions, *, guild: FakeGuild | None = None) -> None:
        """Change the bot role's permissions (before connecting, or follow with a GUILD_ROLE_UPDATE)."""
        g = guild or self.guild
        g.roles[g.bot_role_id]["permissions"] = str(perm_value(permissions))

    def add_attachment(self, filename: str, data: bytes, content_type: str = "application/octet-stream") -> Payload:
        """Store bytes on the fake CDN and return the attachment dict (for options / messages)."""
        return self.attachments.add(filename, data, content_type, channel_id=int(self.channel["id"]))

    def channel_by_id(self, channel_id: int) -> Payload | None:
        """A guild or DM channel by id."""
        for guild in self.guilds.values():
            if channel_id in guild.channels:
                return guild.channels[channel_id]
        return self.dm_channels.get(channel_id)

    def application_payload(self) -> Payload:
        """``GET /oauth2/applications/@me``; ``interactions_endpoint_url`` must stay null."""
        return {
            "id": str(self.app_id), "name": self.bot_user["username"], "icon": None, "description": "",
            "summary": "", "rpc_origins": [], "bot_public": True, "bot_require_code_grant": False,
            "owner": self.owner, "team": None, "verify_key": "0" * 64, "flags": self.application_flags,
            "bot": self.bot_user, "interactions_endpoint_url": None, "redirect_uris": [], "tags": [],
            "approximate_guild_count": len(self.guilds), "integration_types_config": {},
        }

    # -- gateway host protocol ---------------------------------------------------------------------

    def ready_payload(self, session_id: str, shard: list[int]) -> Payload:
        """READY: guilds are listed as unavailable, GUILD_CREATEs follow."""
        return {
            "v": 10, "user": self.bot_user, "session_id": session_id, "session_type": "normal",
            "resume_gateway_url": self.gateway_url, "shard": shard,
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "application": {"id": str(self.app_id), "flags": self.application_flags},
            "private_channels": [], "relationships": [], "presences": [], "user_settings": {}, "_trace": [],
        }

    def guild_create_payloads(self) -> list[Payload]:
        """GUILD_CREATE payloads of all guilds."""
        return [g.to_gateway() for g in self.guilds.values()]

    def guild_members(self, guild_id: int) -> list[Payload]:
        """Members of a guild (for REQUEST_GUILD_MEMBERS)."""
        guild = self.guilds.get(guild_id)
        return list(guild.members.values()) if guild else []

    # -- gateway helpers ---------------------------------------------------------------------------

    async def dispatch(self, event: str, data: Any) -> None:
        """Send any dispatch event (``MESSAGE_CREATE``, ``GUILD_ROLE_UPDATE``...) to the client."""
        await self.gateway.dispatch(event, data)

    async def wait_until_connected(self, timeout: float = 5.0) -> None:
        """Wait until a client has identified on the gateway."""
        await self.gateway.wait_until_connected(timeout)

    async def request_reconnect(self) -> None:
        """Ask the client to reconnect (op 7); it comes back with RESUME."""
        await self.gateway.request_reconnect()

    @property
    def heartbeat_times(self) -> list[float]:
        """``time.monotonic()`` arrival time of every heartbeat (all connections)."""
        return self.gateway.heartbeat_times

    def heartbeat_gaps(self) -> list[float]:
        """Seconds between consecutive heartbeats."""
        times = self.heartbeat_times
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    async def post_message(self, content: str, *, channel_id: int | None = None, user: Payload | None = None,
                           **fields: Any) -> Payload:
        """Simulate a user message: store it and dispatch MESSAGE_CREATE (with ``member`` in guilds)."""
        author = user or self.user
        cid = channel_id or int(self.channel["id"])
        channel = self.channel_by_id(cid)
        guild_id = int(channel["guild_id"]) if channel and channel.get("guild_id") else None
        message = self.messages.create(cid, {"content": content, **fields}, [], author=author, guild_id=guild_id)
        event = dict(message)
        if guild_id is not None:
            member = self.guilds[guild_id].members.get(int(author["id"]))
            if member is not None:
                event["member"] = {k: v for k, v in member.items() if k != "user"}
        await self.dispatch("MESSAGE_CREATE", event)
        return message

    # -- requests --------------------------------------------------------------------------------

    async def wait_for_request(self, method: str | None, path: str | re.Pattern[str] | None, *,
                               timeout: float = 5.0, after: int = 0, predicate: Predicate | None = None
                               ) -> RecordedRequest:
        """First request (index >= ``after``) matching method and full-match path regex, waiting if needed."""
        return await self.requests.wait_for(method, path, timeout=timeout, after=after, predicate=predicate)

    def find_requests(self, method: str | None = None, path: str | re.Pattern[str] | None = None, *,
                      after: int = 0, predicate: Predicate | None = None) -> list[RecordedRequest]:
        """All recorded requests matching method / path regex / predicate."""
        return self.requests.find(method, path, after=after, predicate=predicate)

    @property
    def unhandled_requests(self) -> list[RecordedRequest]:
        """Requests no fake route knows (answered 404)."""
        return [r for r in self.requests if r.unrouted]

    # -- faults ----------------------------------------------------------------------------------

    def fail(self, method: str | None, path: str, status: int, body: Any = None, *, times: int | None = None,
             headers: dict[str, str] | None = None) -> FaultRule:
        """Answer ``status``/``body`` to matching requests (``times=None``: until ``clear_faults``)."""
        return self.faults.add(method, path, status, body, times=times, headers=headers)

    def forbid_channel(self, channel_id: int, *, times: int | None = None) -> FaultRule:
        """``POST /channels/{id}/messages`` answers 403 ``{"code": 50013, "message": "Missing Permissions"}``."""
        return self.fail("POST", rf"/channels/{channel_id}/messages", 403, MISSING_PERMISSIONS, times=times)

    def unknown_channel(self, channel_id: int, *, times: int | None = None) -> FaultRule:
        """Every ``/channels/{id}...`` route answers 404 ``{"code": 10003, "message": "Unknown Channel"}``."""
        return self.fail(None, rf"/channels/{channel_id}(/.*)?", 404, UNKNOWN_CHANNEL, times=times)

    def fail_channel(self, channel_id: int, times: int = 1, status: int = 500) -> FaultRule:
        """``POST /channels/{id}/messages`` fails ``times`` times with ``status``.

        discord.py itself retries 500/502/504 up to 5 times, sleeping 1, 3, 5... s in between;
        use e.g. 503 to surface a ``DiscordServerError`` at once.
        """
        return self.fail("POST", rf"/channels/{channel_id}/messages", status, SERVER_ERROR, times=times)

    def rate_limit(self, method: str | None, path: str, retry_after: float = 0.01, *, times: int = 1,
                   is_global: bool = False) -> FaultRule:
        """Answer 429 (with the ``Via`` header discord.py requires to treat it as a real rate limit)."""
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
        headers = {"Via": "1.1 google", "Retry-After": str(retry_after)}
        return self.fail(method, path, 429, body, times=times, headers=headers)

    def clear_faults(self) -> None:
        """Remove all fault rules."""
        self.faults.clear()
