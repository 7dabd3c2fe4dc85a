"""REST API routes of the fake server (``/api/v10/...``) plus the fake CDN."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .faults import UNKNOWN_CHANNEL, UNKNOWN_INTERACTION, UNKNOWN_MESSAGE
from .interactions import MESSAGE_COMPONENT, InteractionState
from .messages import EPHEMERAL, LOADING, MESSAGE_TYPE_CHAT_INPUT
from .models import Payload
from .recording import RecordedRequest

if TYPE_CHECKING:
    from .server import FakeDiscord

API_PREFIX = "/api/v10"
UNKNOWN_WEBHOOK: Payload = {"code": 10015, "message": "Unknown Webhook"}
UNKNOWN_COMMAND: Payload = {"code": 10063, "message": "Unknown application command"}
ALREADY_ACKNOWLEDGED: Payload = {"code": 40060, "message": "Interaction has already been acknowledged."}
NOT_FOUND: Payload = {"code": 0, "message": "404: Not Found"}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
try:
    REC: Any = web.RequestKey("rec", RecordedRequest)
except AttributeError:  # aiohttp < 3.12 has no typed request keys
    REC = "rec"


def json_response(request: web.Request, data: Any, status: int = 200, headers: dict[str, str] | None = None
                  ) -> web.Response:
    """JSON answer with ``Content-Type: application/json`` exactly (discord.py compares it verbatim)."""
    rec: RecordedRequest | None = request.get(REC)
    if rec is not None:
        rec.response = data
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json", **(headers or {})}
    )


def no_content() -> web.Response:
    """204 without a body."""
    return web.Response(status=204)


def body_of(request: web.Request) -> Any:
    """The logical JSON body recorded by the middleware."""
    return request[REC].body or {}


class RestApi:
    """Registers every REST route on the aiohttp app; handlers read/write the server's state."""

    def __init__(self, server: FakeDiscord) -> None:
        self.s = server

    def routes(self) -> list[tuple[str, str, Handler]]:
        """(method, path, handler) triples; paths are below ``/api/v10``."""
        app_cmds = "/applications/{app}/commands"
        guild_cmds = "/applications/{app}/guilds/{guild}/commands"
        hook = "/webhooks/{app}/{token}"
        return [
            ("GET", "/users/@me", self.get_me),
            ("GET", "/users/{user}", self.get_user),
            ("POST", "/users/@me/channels", self.create_dm),
            ("GET", "/gateway", self.get_gateway),
            ("GET", "/gateway/bot", self.get_gateway_bot),
            ("GET", "/oauth2/applications/@me", self.get_application),
            ("GET", "/applications/@me", self.get_application),
            ("GET", app_cmds, self.list_commands),
            ("PUT", app_cmds, self.bulk_commands),
            ("POST", app_cmds, self.upsert_command),
            ("GET", app_cmds + "/{cmd}", self.get_command),
            ("PATCH", app_cmds + "/{cmd}", self.edit_command),
            ("DELETE", app_cmds + "/{cmd}", self.delete_command),
            ("GET", guild_cmds, self.list_commands),
            ("PUT", guild_cmds, self.bulk_commands),
            ("POST", guild_cmds, self.upsert_command),
            ("GET", guild_cmds + "/{cmd}", self.get_command),
            ("PATCH", guild_cmds + "/{cmd}", self.edit_command),
            ("DELETE", guild_cmds + "/{cmd}", self.delete_command),
            ("POST", "/interactions/{id}/{token}/callback", self.interaction_callback),
            ("GET", hook + "/messages/@original", self.get_original),
            ("PATCH", hook + "/messages/@original", self.edit_original),
            ("DELETE", hook + "/messages/@original", self.delete_original),
            ("POST", hook, self.create_followup),
            ("GET", hook + "/messages/{mid}", self.get_followup),
            ("PATCH", hook + "/messages/{mid}", self.edit_followup),
            ("DELETE", hook + "/messages/{mid}", self.delete_followup),
            ("GET", "/channels/{cid}", self.get_channel),
            ("GET", "/channels/{cid}/messages", self.list_messages),
            ("POST", "/channels/{cid}/messages", self.create_message),
            ("GET", "/channels/{cid}/messages/{mid}", self.get_message),
            ("PATCH", "/channels/{cid}/messages/{mid}", self.edit_message),
            ("DELETE", "/channels/{cid}/messages/{mid}", self.delete_message),
            ("POST", "/channels/{cid}/typing", self.typing),
        ]

    def install(self, app: web.Application) -> None:
        """Add the API routes, the CDN route and the catch-all 404."""
        for method, path, handler in self.routes():
            app.router.add_route(method, API_PREFIX + path, handler)
        app.router.add_route("GET", "/attachments/{cid}/{aid}/{filename}", self.download)
        app.router.add_route("*", "/{tail:.*}", self.not_found)

    # -- misc -----------------------------------------------------------------------------------

    async def not_found(self, request: web.Request) -> web.Response:
        """Unknown route: 404 with a JSON error, flagged ``unrouted`` on the record."""
        request[REC].unrouted = True
        return json_response(request, NOT_FOUND, 404)

    async def get_me(self, request: web.Request) -> web.Response:
        return json_response(request, self.s.bot_user)

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.s.users.get(int(request.match_info["user"]))
        if user is None:
            return json_response(request, {"code": 10013, "message": "Unknown User"}, 404)
        return json_response(request, user)

    async def create_dm(self, request: web.Request) -> web.Response:
        user = self.s.users.get(int(body_of(request)["recipient_id"]))
        if user is None:
            return json_response(request, {"code": 10013, "message": "Unknown User"}, 404)
        return json_response(request, self.s._dm_channel(user))

    async def get_gateway(self, request: web.Request) -> web.Response:
        return json_response(request, {"url": self.s.gateway_url})

    async def get_gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        return json_response(request, {"url": self.s.gateway_url, "shards": 1, "session_start_limit": limit})

    async def get_application(self, request: web.Request) -> web.Response:
        return json_response(request, self.s.application_payload())

    async def typing(self, request: web.Request) -> web.Response:
        return no_content()

    async def download(self, request: web.Request) -> web.Response:
        """The fake CDN: bytes of an attachment."""
        found = self.s.attachments.get(int(request.match_info["aid"]), request.match_info["filename"])
        if found is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=found.data, headers={"Content-Type": found.content_type})

    # -- application commands ----------------------------------------------------------------------

    def _scope(self, request: web.Request) -> int | None:
        guild = request.match_info.get("guild")
        return int(guild) if guild else None

    async def list_commands(self, request: web.Request) -> web.Response:
        return json_response(request, self.s.commands.list(self._scope(request)))

    async def bulk_commands(self, request: web.Request) -> web.Response:
        return json_response(request, self.s.commands.replace(self._scope(request), body_of(request) or []))

    async def upsert_command(self, request: web.Request) -> web.Response:
        command, created = self.s.commands.upsert(self._scope(request), body_of(request))
        return json_response(request, command, 201 if created else 200)

    async def get_command(self, request: web.Request) -> web.Response:
        command = self.s.commands.get(self._scope(request), int(request.match_info["cmd"]))
        return json_response(request, command) if command else json_response(request, UNKNOWN_COMMAND, 404)

    async def edit_command(self, request: web.Request) -> web.Response:
        command = self.s.commands.edit(self._scope(request), int(request.match_info["cmd"]), body_of(request))
        return json_response(request, command) if command else json_response(request, UNKNOWN_COMMAND, 404)

    async def delete_command(self, request: web.Request) -> web.Response:
        if self.s.commands.delete(self._scope(request), int(request.match_info["cmd"])):
            return no_content()
        return json_response(request, UNKNOWN_COMMAND, 404)

    # -- interactions ------------------------------------------------------------------------------

    async def interaction_callback(self, request: web.Request) -> web.Response:
        """Initial response; answers in the ``with_response`` shape discord.py 2.7 parses."""
        itx = self.s.interactions.get(request.match_info["token"])
        if itx is None or itx.id != int(request.match_info["id"]):
            return json_response(request, UNKNOWN_INTERACTION, 404)
        if itx.response_type is not None:
            return json_response(request, ALREADY_ACKNOWLEDGED, 400)
        body = body_of(request)
        rtype, data = int(body["type"]), body.get("data") or {}
        message = self._apply_callback(itx, rtype, data, request[REC])
        itx.response_type = rtype
        if request.query.get("with_response") not in ("1", "true", "True"):
            return no_content()
        return json_response(request, self._callback_answer(itx, rtype, message))

    def _apply_callback(self, itx: InteractionState, rtype: int, data: Payload, rec: RecordedRequest
                        ) -> Payload | None:
        """Create/update the message a response type implies; returns it (or None)."""
        component_msg = itx.payload.get("message") if itx.payload["type"] == MESSAGE_COMPONENT else None
        message: Payload | None = None
        if rtype == 4:
            message = self._interaction_message(itx, data, rec)
        elif rtype == 5:
            message = self._interaction_message(itx, {"flags": LOADING | (int(data.get("flags") or 0) & EPHEMERAL)},
                                                None)
        elif rtype in (6, 7) and component_msg is not None:
            msg_id = int(component_msg["id"])
            message = self.s.messages.get(msg_id)
            if rtype == 7:
                message = self.s.messages.edit(msg_id, data, rec.files) if message else None
            itx.original_id = msg_id
        return message

    def _interaction_message(self, itx: InteractionState, data: Payload, rec: RecordedRequest | None) -> Payload:
        extra = {"application_id": str(self.s.app_id), "webhook_id": str(self.s.app_id),
                 "interaction_metadata": {"id": str(itx.id), "type": itx.payload["type"],
                                          "user": self._invoker(itx)}}
        message = self.s.messages.create(
            itx.channel_id, data, rec.files if rec else [], author=self.s.bot_user, guild_id=itx.guild_id,
            type=MESSAGE_TYPE_CHAT_INPUT if itx.payload["type"] == 2 else 0, extra=extra,
        )
        itx.original_id = int(message["id"])
        itx.message_ids.append(int(message["id"]))
        return message

    @staticmethod
    def _invoker(itx: InteractionState) -> Payload:
        return itx.payload["member"]["user"] if "member" in itx.payload else itx.payload["user"]

    @staticmethod
    def _callback_answer(itx: InteractionState, rtype: int, message: Payload | None) -> Payload:
        flags = int(message["flags"]) if message else 0
        interaction: Payload = {
            "id": str(itx.id),
            "type": itx.payload["type"],
            "response_message_loading": rtype == 5,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }
        if itx.original_id is not None and rtype in (4, 5, 6, 7):
            interaction["response_message_id"] = str(itx.original_id)
        resource: Payload = {"type": rtype}
        if message is not None and rtype in (4, 7):
            resource["message"] = message
        return {"interaction": interaction, "resource": resource}

    def _hook(self, request: web.Request) -> InteractionState | None:
        itx = self.s.interactions.get(request.match_info["token"])
        if itx is None or request.match_info["app"] != str(self.s.app_id):
            return None
        return itx

    def _hook_message(self, request: web.Request, mid: str | None = None) -> tuple[InteractionState | None, int | None]:
        itx = self._hook(request)
        if itx is None:
            return None, None
        mid = mid or request.match_info["mid"]
        if mid == "@original":
            return itx, itx.original_id
        msg_id = int(mid)
        return itx, msg_id if msg_id in itx.message_ids or msg_id == itx.original_id else None

    async def get_original(self, request: web.Request) -> web.Response:
        return await self._get_hook_message(request, "@original")

    async def edit_original(self, request: web.Request) -> web.Response:
        return await self._edit_hook_message(request, "@original")

    async def delete_original(self, request: web.Request) -> web.Response:
        return await self._delete_hook_message(request, "@original")

    async def get_followup(self, request: web.Request) -> web.Response:
        return await self._get_hook_message(request)

    async def edit_followup(self, request: web.Request) -> web.Response:
        return await self._edit_hook_message(request)

    async def delete_followup(self, request: web.Request) -> web.Response:
        return await self._delete_hook_message(request)

    async def _get_hook_message(self, request: web.Request, mid: str | None = None) -> web.Response:
        itx, msg_id = self._hook_message(request, mid)
        if itx is None:
            return json_response(request, UNKNOWN_WEBHOOK, 404)
        message = self.s.messages.get(msg_id) if msg_id is not None else None
        return json_response(request, message) if message else json_response(request, UNKNOWN_MESSAGE, 404)

    async def _edit_hook_message(self, request: web.Request, mid: str | None = None) -> web.Response:
        itx, msg_id = self._hook_message(request, mid)
        if itx is None:
            return json_response(request, UNKNOWN_WEBHOOK, 404)
        message = self.s.messages.edit(msg_id, body_of(request), request[REC].files) if msg_id else None
        return json_response(request, message) if message else json_response(request, UNKNOWN_MESSAGE, 404)

    async def _delete_hook_message(self, request: web.Request, mid: str | None = None) -> web.Response:
        itx, msg_id = self._hook_message(request, mid)
        if itx is None:
            return json_response(request, UNKNOWN_WEBHOOK, 404)
        if msg_id is None or not self.s.messages.delete(msg_id):
            return json_response(request, UNKNOWN_MESSAGE, 404)
        return no_content()

    async def create_followup(self, request: web.Request) -> web.Response:
        """Followup; the first one after a deferred (type 5) response replaces the loading message."""
        itx = self._hook(request)
        if itx is None or itx.response_type is None:
            return json_response(request, UNKNOWN_WEBHOOK, 404)
        rec: RecordedRequest = request[REC]
        original = self.s.messages.get(itx.original_id) if itx.original_id else None
        if itx.response_type == 5 and original is not None and original["flags"] & LOADING:
            message = self.s.messages.edit(int(original["id"]), body_of(request), rec.files)
        else:
            message = self._interaction_message(itx, body_of(request), rec)
            itx.original_id = itx.original_id or int(message["id"])
        if request.query.get("wait") in ("0", "false", None):
            return no_content()
        return json_response(request, message)

    # -- channels ----------------------------------------------------------------------------------

    def _channel(self, request: web.Request) -> Payload | None:
        return self.s.channel_by_id(int(request.match_info["cid"]))

    async def get_channel(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        return json_response(request, channel) if channel else json_response(request, UNKNOWN_CHANNEL, 404)

    async def list_messages(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if channel is None:
            return json_response(request, UNKNOWN_CHANNEL, 404)
        found = list(reversed(self.s.messages.in_channel(int(channel["id"]))))
        if "before" in request.query:
            found = [m for m in found if int(m["id"]) < int(request.query["before"])]
        if "after" in request.query:
            found = [m for m in found if int(m["id"]) > int(request.query["after"])]
        return json_response(request, found[: int(request.query.get("limit", 50))])

    async def create_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if channel is None:
            return json_response(request, UNKNOWN_CHANNEL, 404)
        guild_id = int(channel["guild_id"]) if channel.get("guild_id") else None
        message = self.s.messages.create(int(channel["id"]), body_of(request), request[REC].files,
                                         author=self.s.bot_user, guild_id=guild_id)
        if self.s.echo_messages and self.s.gateway.live:
            await self.s.gateway.dispatch("MESSAGE_CREATE", message)
        return json_response(request, message)

    def _channel_message(self, request: web.Request) -> Payload | None:
        message = self.s.messages.get(int(request.match_info["mid"]))
        if message is None or message["channel_id"] != request.match_info["cid"]:
            return None
        return message

    async def get_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        return json_response(request, message) if message else json_response(request, UNKNOWN_MESSAGE, 404)

    async def edit_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return json_response(request, UNKNOWN_MESSAGE, 404)
        edited = self.s.messages.edit(int(message["id"]), body_of(request), request[REC].files)
        return json_response(request, edited)

    async def delete_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return json_response(request, UNKNOWN_MESSAGE, 404)
        self.s.messages.delete(int(message["id"]))
        return no_content()
