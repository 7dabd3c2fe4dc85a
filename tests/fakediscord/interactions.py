"""INTERACTION_CREATE builders (slash, autocomplete, buttons, modals, context menus)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import discord

from .commands import CHAT_INPUT, MESSAGE_COMMAND, USER_COMMAND, CommandRegistry
from .ids import SnowflakeGenerator, new_token
from .messages import MessageStore
from .models import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    DM_CHANNEL,
    EVERYONE_PERMISSIONS,
    TEXT_CHANNEL,
    FakeGuild,
    Payload,
    member_payload,
    perm_value,
)
from .options import Resolved, encode_options, find_definitions, wrap_subcommands
from .recording import RecordedRequest, RequestLog

if TYPE_CHECKING:
    from .gateway import Gateway

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5
BUTTON = 2
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024

UserRef = int | Mapping[str, Any] | None
Perms = int | str | discord.Permissions | None


@dataclass
class InteractionState:
    """Server-side bookkeeping of one interaction (used by the REST callbacks)."""

    id: int
    token: str
    payload: Payload
    response_type: int | None = None
    original_id: int | None = None
    message_ids: list[int] = field(default_factory=list)

    @property
    def channel_id(self) -> int:
        """Channel the interaction happened in."""
        return int(self.payload["channel_id"])

    @property
    def guild_id(self) -> int | None:
        """Guild the interaction happened in, if any."""
        gid = self.payload.get("guild_id")
        return None if gid is None else int(gid)


@dataclass
class InteractionHandle:
    """What a builder returns: ids plus awaitables for the client's REST answers.

    The awaitables return ``SETTLE`` seconds after the request was answered, so the client has
    processed the answer (e.g. stored the view of a new message) before the test sends more events.
    """

    SETTLE: ClassVar[float] = 0.02

    requests: RequestLog
    app_id: int
    id: int
    token: str
    payload: Payload
    after: int

    @property
    def callback_path(self) -> str:
        """API path of this interaction's callback."""
        return f"/interactions/{self.id}/{self.token}/callback"

    @property
    def webhook_path(self) -> str:
        """API path of this interaction's webhook (followups, @original)."""
        return f"/webhooks/{self.app_id}/{self.token}"

    async def callback(self, timeout: float = 5.0) -> RecordedRequest:
        """Wait for ``POST .../callback`` (the initial response)."""
        waiting = self.requests.wait_for("POST", self.callback_path, timeout=timeout, after=self.after)
        return await self._settled(waiting)

    async def followup(self, index: int = 0, timeout: float = 5.0) -> RecordedRequest:
        """Wait for the ``index``-th followup (``POST /webhooks/{app}/{token}``)."""
        after = self.after
        for _ in range(index + 1):
            found = await self.requests.wait_for("POST", self.webhook_path, timeout=timeout, after=after)
            after = found.index + 1
        await asyncio.sleep(self.SETTLE)
        return found

    async def edit_original(self, timeout: float = 5.0) -> RecordedRequest:
        """Wait for ``PATCH .../messages/@original``."""
        path = f"{self.webhook_path}/messages/@original"
        return await self._settled(self.requests.wait_for("PATCH", path, timeout=timeout, after=self.after))

    async def _settled(self, waiting: Awaitable[RecordedRequest]) -> RecordedRequest:
        found = await waiting
        await asyncio.sleep(self.SETTLE)
        return found


def _submitted(component: Mapping[str, Any], values: dict[str, Any]) -> Payload | None:
    """Turn one modal component definition into its submitted form, consuming ``values``."""
    ctype = component["type"]
    if ctype == 1:
        children = [c for c in (_submitted(x, values) for x in component.get("components", [])) if c]
        return {"type": 1, "components": children}
    if ctype == 18:
        inner = _submitted(component["component"], values)
        return {"type": 18, "component": inner} if inner else None
    custom_id = component.get("custom_id")
    if custom_id is None:
        return None
    value = values.pop(custom_id, None)
    if ctype == 4:
        return {"type": 4, "custom_id": custom_id, "value": "" if value is None else str(value)}
    return {"type": ctype, "custom_id": custom_id, "values": [str(v) for v in (value or [])]}


class InteractionBuilderMixin:
    """Builders mixed into ``FakeDiscord``; each dispatches INTERACTION_CREATE and returns a handle."""

    app_id: int
    ids: SnowflakeGenerator
    bot_user: Payload
    user: Payload
    users: dict[int, Payload]
    guild: FakeGuild
    guilds: dict[int, FakeGuild]
    commands: CommandRegistry
    messages: MessageStore
    requests: RequestLog
    gateway: Gateway
    interactions: dict[str, InteractionState]
    dm_channels: dict[int, Payload]

    def _resolve_user(self, user: UserRef) -> Payload:
        if user is None:
            return self.user
        if isinstance(user, Mapping):
            payload = dict(user.get("user", user))
            self.users.setdefault(int(payload["id"]), payload)
            return payload
        return self.users[int(user)]

    def _default_channel(self, guild: FakeGuild) -> int:
        return next(cid for cid, c in guild.channels.items() if c["type"] == TEXT_CHANNEL)

    def _guild_for(self, guild_id: int | None, channel_id: int | None) -> FakeGuild | None:
        if guild_id is not None:
            return self.guilds[guild_id]
        if channel_id is not None:
            return next((g for g in self.guilds.values() if channel_id in g.channels), None)
        return self.guild

    def _dm_channel(self, user: Payload) -> Payload:
        for channel in self.dm_channels.values():
            if channel["recipients"][0]["id"] == user["id"]:
                return channel
        channel = {"id": str(self.ids.next()), "type": DM_CHANNEL, "recipients": [user], "last_message_id": None}
        self.dm_channels[int(channel["id"])] = channel
        return channel

    def _base(
        self,
        itx_type: int,
        *,
        user: UserRef,
        channel_id: int | None,
        guild_id: int | None,
        dm: bool,
        roles: Iterable[int] | None,
        member_permissions: Perms,
        locale: str,
    ) -> tuple[Payload, FakeGuild | None, Payload]:
        """Common interaction fields; returns (payload, guild, invoking user)."""
        invoker = self._resolve_user(user)
        itx_id, token = self.ids.next(), new_token("itx")
        payload: Payload = {
            "id": str(itx_id),
            "application_id": str(self.app_id),
            "type": itx_type,
            "token": token,
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        guild = None if dm else self._guild_for(guild_id, channel_id)
        if dm:
            channel = self._dm_channel(invoker)
            payload.update(
                user=invoker, channel_id=channel["id"], channel=channel, context=1,
                app_permissions=str(EVERYONE_PERMISSIONS), authorizing_integration_owners={"1": invoker["id"]},
            )
        elif guild is None:
            raise LookupError(f"channel {channel_id} is in no configured guild")
        else:
            cid = channel_id if channel_id is not None else self._default_channel(guild)
            payload.update(self._guild_fields(guild, invoker, cid, roles, member_permissions))
        self.interactions[token] = InteractionState(itx_id, token, payload)
        return payload, guild, invoker

    def _guild_fields(
        self, guild: FakeGuild, invoker: Payload, channel_id: int, roles: Iterable[int] | None, perms: Perms
    ) -> Payload:
        user_id = int(invoker["id"])
        existing = guild.members.get(user_id)
        member = dict(existing) if existing else member_payload(invoker, roles or [])
        if roles is not None:
            member["roles"] = [str(r) for r in roles]
        role_ids = [int(r) for r in member["roles"]]
        resolved = guild.permissions_for(user_id, role_ids, channel_id) if perms is None else perm_value(perms)
        if resolved & ADMINISTRATOR:
            resolved = ALL_PERMISSIONS
        member["permissions"] = str(resolved)
        return {
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "guild_locale": "en-US",
            "channel_id": str(channel_id),
            "channel": dict(guild.channels[channel_id]),
            "member": member,
            "app_permissions": str(guild.permissions_for(int(self.bot_user["id"]), channel_id=channel_id)),
            "context": 0,
            "authorizing_integration_owners": {"0": str(guild.id)},
        }

    async def _send(self, payload: Payload) -> InteractionHandle:
        after = self.requests.mark()
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return InteractionHandle(self.requests, self.app_id, int(payload["id"]), payload["token"], payload, after)

    def _command_data(
        self, name: str, cmd_type: int, guild: FakeGuild | None, extra: Payload
    ) -> tuple[Payload, Payload | None]:
        command = self.commands.find(name, cmd_type, guild.id if guild else None)
        data: Payload = {"id": command["id"] if command else str(self.ids.next()), "name": name, "type": cmd_type}
        if command is not None and "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        data.update(extra)
        return data, command

    async def _command(
        self,
        itx_type: int,
        name: str,
        options: Mapping[str, Any] | None,
        subcommand: str | Sequence[str] | None,
        focused: str | None,
        common: dict[str, Any],
    ) -> InteractionHandle:
        root, *path = name.split()
        if subcommand is not None:
            path += [subcommand] if isinstance(subcommand, str) else list(subcommand)
        payload, guild, invoker = self._base(itx_type, **common)
        resolved = Resolved(guild, self.users, int(invoker["id"]))
        data, command = self._command_data(root, CHAT_INPUT, guild, {})
        leaf = encode_options(options or {}, find_definitions(command, path), resolved, focused=focused)
        data["options"] = wrap_subcommands(path, leaf)
        if resolved.data:
            data["resolved"] = resolved.data
        payload["data"] = data
        return await self._send(payload)

    async def slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        subcommand: str | Sequence[str] | None = None,
        user: UserRef = None,
        channel_id: int | None = None,
        guild_id: int | None = None,
        dm: bool = False,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Invoke slash command ``name`` (``"group sub"`` or ``subcommand=`` for subcommands).

        ``options`` maps option names to values: str/int/float/bool, user/role/channel ids or
        payloads, attachment dicts from ``add_attachment``. Option types come from the synced
        command when there is one. ``member_permissions`` overrides the resolved permissions.
        """
        common = dict(user=user, channel_id=channel_id, guild_id=guild_id, dm=dm, roles=roles,
                      member_permissions=member_permissions, locale=locale)
        return await self._command(APPLICATION_COMMAND, name, options, subcommand, None, common)

    async def autocomplete(
        self,
        name: str,
        focused: str,
        options: Mapping[str, Any],
        *,
        subcommand: str | Sequence[str] | None = None,
        user: UserRef = None,
        channel_id: int | None = None,
        guild_id: int | None = None,
        dm: bool = False,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Autocomplete request for option ``focused`` (its value is the partially typed string)."""
        common = dict(user=user, channel_id=channel_id, guild_id=guild_id, dm=dm, roles=roles,
                      member_permissions=member_permissions, locale=locale)
        return await self._command(AUTOCOMPLETE, name, options, subcommand, focused, common)

    def _message_ref(self, message: Mapping[str, Any] | int | None, custom_id: str | None = None) -> Payload:
        if isinstance(message, Mapping):
            return dict(message)
        if message is not None:
            found = self.messages.get(int(message))
        else:
            found = self.messages.with_custom_id(custom_id or "")
        if found is None:
            raise LookupError(f"no stored message {message or ''} with component {custom_id!r}")
        return found

    async def click(
        self,
        custom_id: str,
        message: Mapping[str, Any] | int | None = None,
        *,
        component_type: int = BUTTON,
        values: Sequence[str] | None = None,
        user: UserRef = None,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Press button ``custom_id`` (or pick ``values`` of a select, with ``component_type``).

        ``message`` defaults to the newest stored message that has that component.
        """
        msg = self._message_ref(message, custom_id)
        guild_id = msg.get("guild_id") or (self._guild_for(None, int(msg["channel_id"])) or self.guild).id
        is_dm = int(msg["channel_id"]) in self.dm_channels
        payload, _, _ = self._base(
            MESSAGE_COMPONENT, user=user, channel_id=None if is_dm else int(msg["channel_id"]),
            guild_id=None if is_dm else int(guild_id), dm=is_dm, roles=roles,
            member_permissions=member_permissions, locale=locale,
        )
        data: Payload = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        payload.update(data=data, message=msg)
        return await self._send(payload)

    def _modal_definition(self, custom_id: str) -> Payload | None:
        for req in reversed(list(self.requests)):
            body = req.body if isinstance(req.body, Mapping) else {}
            data = body.get("data") or {}
            if req.path.endswith("/callback") and body.get("type") == 9 and data.get("custom_id") == custom_id:
                return data
        return None

    def _modal_components(self, custom_id: str, values: Mapping[str, Any]) -> list[Payload]:
        remaining = dict(values)
        modal = self._modal_definition(custom_id)
        if modal is None:
            inputs = [{"type": 4, "custom_id": k, "value": str(v)} for k, v in values.items()]
            return [{"type": 1, "components": [i]} for i in inputs]
        components = [c for c in (_submitted(c, remaining) for c in modal.get("components", [])) if c]
        if remaining:
            raise KeyError(f"modal {custom_id!r} has no inputs {sorted(remaining)}")
        return components

    async def submit_modal(
        self,
        custom_id: str,
        values: Mapping[str, Any] | None = None,
        *,
        components: list[Payload] | None = None,
        message: Mapping[str, Any] | int | None = None,
        user: UserRef = None,
        channel_id: int | None = None,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Submit modal ``custom_id`` with ``{input_custom_id: value}`` (lists for selects).

        The submitted structure mirrors the modal the client sent (action rows or labels);
        pass ``components`` to send a raw structure instead.
        """
        payload, _, _ = self._base(
            MODAL_SUBMIT, user=user, channel_id=channel_id, guild_id=None, dm=False, roles=roles,
            member_permissions=member_permissions, locale=locale,
        )
        submitted = components if components is not None else self._modal_components(custom_id, values or {})
        payload["data"] = {"custom_id": custom_id, "components": submitted}
        if message is not None:
            payload["message"] = self._message_ref(message)
        return await self._send(payload)

    async def _context_menu(self, name: str, cmd_type: int, target_id: str, resolved: Resolved,
                            payload: Payload, guild: FakeGuild | None) -> InteractionHandle:
        data, _ = self._command_data(name, cmd_type, guild, {"target_id": target_id, "resolved": resolved.data})
        payload["data"] = data
        return await self._send(payload)

    async def message_context_menu(
        self,
        name: str,
        target: Mapping[str, Any] | int,
        *,
        user: UserRef = None,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Invoke message context-menu command ``name`` on ``target`` (message payload or stored id)."""
        msg = self._message_ref(target)
        payload, guild, invoker = self._base(
            APPLICATION_COMMAND, user=user, channel_id=int(msg["channel_id"]), guild_id=None, dm=False,
            roles=roles, member_permissions=member_permissions, locale=locale,
        )
        resolved = Resolved(guild, self.users, int(invoker["id"]))
        return await self._context_menu(name, MESSAGE_COMMAND, resolved.message(msg), resolved, payload, guild)

    async def user_context_menu(
        self,
        name: str,
        target: Mapping[str, Any] | int,
        *,
        user: UserRef = None,
        channel_id: int | None = None,
        roles: Iterable[int] | None = None,
        member_permissions: Perms = None,
        locale: str = "en-US",
    ) -> InteractionHandle:
        """Invoke user context-menu command ``name`` on ``target`` (user id or payload)."""
        payload, guild, invoker = self._base(
            APPLICATION_COMMAND, user=user, channel_id=channel_id, guild_id=None, dm=False,
            roles=roles, member_permissions=member_permissions, locale=locale,
        )
        resolved = Resolved(guild, self.users, int(invoker["id"]))
        return await self._context_menu(name, USER_COMMAND, resolved.user(target), resolved, payload, guild)
