"""Encoding of slash-command options and the ``resolved`` map of interactions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .models import FakeGuild, Payload

SUB_COMMAND = 1
SUB_COMMAND_GROUP = 2
STRING = 3
INTEGER = 4
BOOLEAN = 5
USER = 6
CHANNEL = 7
ROLE = 8
MENTIONABLE = 9
NUMBER = 10
ATTACHMENT = 11


class Resolved:
    """Accumulates the ``data.resolved`` map while options are encoded."""

    def __init__(self, guild: FakeGuild | None, users: Mapping[int, Payload], invoker_id: int) -> None:
        self._guild = guild
        self._users = users
        self._invoker_id = invoker_id
        self.data: dict[str, dict[str, Payload]] = {}

    def _put(self, kind: str, obj_id: str, obj: Payload) -> str:
        self.data.setdefault(kind, {})[obj_id] = obj
        return obj_id

    def user(self, value: int | Mapping[str, Any]) -> str:
        """Resolve a user (id, user payload or member payload with ``user``); adds ``members`` in guilds."""
        if isinstance(value, Mapping):
            user = dict(value.get("user", value))
        else:
            user = self._users.get(int(value)) or self._guild_user(int(value))
        user_id = str(user["id"])
        self._put("users", user_id, user)
        member = self._guild.members.get(int(user_id)) if self._guild else None
        if member is not None:
            assert self._guild is not None
            partial = {k: v for k, v in member.items() if k != "user"}
            partial["permissions"] = str(self._guild.permissions_for(int(user_id)))
            self._put("members", user_id, partial)
        return user_id

    def _guild_user(self, user_id: int) -> Payload:
        member = self._guild.members.get(user_id) if self._guild else None
        if member is None:
            raise KeyError(f"unknown user {user_id}: add it with server.add_member()/add_user() first")
        return member["user"]

    def channel(self, value: int | Mapping[str, Any]) -> str:
        """Resolve a channel (id or payload) with the invoker's permissions in it."""
        channel = dict(value) if isinstance(value, Mapping) else self._known_channel(int(value))
        if self._guild is not None:
            channel["permissions"] = str(self._guild.permissions_for(self._invoker_id, channel_id=int(channel["id"])))
        channel.setdefault("permissions", "0")
        return self._put("channels", str(channel["id"]), channel)

    def _known_channel(self, channel_id: int) -> Payload:
        if self._guild is None or channel_id not in self._guild.channels:
            raise KeyError(f"unknown channel {channel_id}")
        return dict(self._guild.channels[channel_id])

    def role(self, value: int | Mapping[str, Any]) -> str:
        """Resolve a role (id or payload)."""
        if isinstance(value, Mapping):
            role = dict(value)
        elif self._guild is not None and int(value) in self._guild.roles:
            role = self._guild.roles[int(value)]
        else:
            raise KeyError(f"unknown role {value}")
        return self._put("roles", str(role["id"]), role)

    def attachment(self, value: Mapping[str, Any]) -> str:
        """Resolve an attachment payload (see ``server.add_attachment``)."""
        return self._put("attachments", str(value["id"]), dict(value))

    def message(self, value: Mapping[str, Any]) -> str:
        """Resolve a message payload (context menus)."""
        return self._put("messages", str(value["id"]), dict(value))

    def mentionable(self, value: int | Mapping[str, Any]) -> str:
        """Resolve a user or a role."""
        is_role = (isinstance(value, Mapping) and "permissions" in value and "username" not in value) or (
            not isinstance(value, Mapping) and self._guild is not None and int(value) in self._guild.roles
        )
        return self.role(value) if is_role else self.user(value)


def infer_type(value: Any) -> int:
    """Guess an option type from a Python value when the command was never synced."""
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return NUMBER
    if isinstance(value, Mapping):
        if "filename" in value:
            return ATTACHMENT
        if "username" in value or "user" in value:
            return USER
        return CHANNEL if "type" in value else ROLE
    return STRING


def encode_value(option_type: int, value: Any, resolved: Resolved) -> Any:
    """The wire value of one option, registering referenced objects in ``resolved``."""
    encoders = {
        STRING: str,
        INTEGER: int,
        BOOLEAN: bool,
        NUMBER: lambda v: v,
        USER: resolved.user,
        CHANNEL: resolved.channel,
        ROLE: resolved.role,
        MENTIONABLE: resolved.mentionable,
        ATTACHMENT: resolved.attachment,
    }
    return encoders[option_type](value)


def find_definitions(command: Payload | None, path: Sequence[str]) -> list[Payload]:
    """Option definitions of the (sub)command at ``path`` below ``command``."""
    defs: list[Payload] = list(command.get("options") or []) if command else []
    for name in path:
        match = next((d for d in defs if d["name"] == name and d["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)), None)
        defs = list(match.get("options") or []) if match else []
    return defs


def encode_options(
    values: Mapping[str, Any],
    definitions: Sequence[Payload],
    resolved: Resolved,
    *,
    focused: str | None = None,
) -> list[Payload]:
    """Encode ``{name: value}``; types come from the synced definition, else are inferred.

    The ``focused`` option (autocomplete) is sent as the raw partially typed string.
    """
    by_name = {d["name"]: d for d in definitions}
    encoded: list[Payload] = []
    for name, value in values.items():
        option_type = by_name[name]["type"] if name in by_name else infer_type(value)
        if name == focused:
            encoded.append({"name": name, "type": option_type, "value": value, "focused": True})
            continue
        encoded.append({"name": name, "type": option_type, "value": encode_value(option_type, value, resolved)})
    return encoded


def wrap_subcommands(path: Sequence[str], leaf: list[Payload]) -> list[Payload]:
    """Nest leaf options inside subcommand / group options for ``path``."""
    options = leaf
    for depth in range(len(path) - 1, -1, -1):
        is_group = depth < len(path) - 1
        options = [{"name": path[depth], "type": SUB_COMMAND_GROUP if is_group else SUB_COMMAND, "options": options}]
    return options
