"""Application commands registered by the client (global and per guild)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .ids import SnowflakeGenerator
from .models import Payload

CHAT_INPUT = 1
USER_COMMAND = 2
MESSAGE_COMMAND = 3


class CommandRegistry:
    """Stores commands like Discord does: ids are kept across bulk overwrites of the same name/type."""

    def __init__(self, ids: SnowflakeGenerator, app_id: int) -> None:
        self._ids = ids
        self._app_id = app_id
        self.scopes: dict[int | None, dict[int, Payload]] = {None: {}}

    def list(self, guild_id: int | None = None) -> list[Payload]:
        """Commands of a scope (``None`` = global)."""
        return list(self.scopes.setdefault(guild_id, {}).values())

    def get(self, guild_id: int | None, command_id: int) -> Payload | None:
        """A command by id within a scope."""
        return self.scopes.setdefault(guild_id, {}).get(command_id)

    def _build(self, guild_id: int | None, body: Mapping[str, Any], command_id: int | None = None) -> Payload:
        command: Payload = {
            "type": CHAT_INPUT,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            **body,
            "id": str(command_id or self._ids.next()),
            "application_id": str(self._app_id),
            "version": str(self._ids.next()),
        }
        if guild_id is not None:
            command["guild_id"] = str(guild_id)
        return command

    def _existing_id(self, guild_id: int | None, name: str, type: int) -> int | None:
        for cmd in self.scopes.setdefault(guild_id, {}).values():
            if cmd["name"] == name and cmd.get("type", CHAT_INPUT) == type:
                return int(cmd["id"])
        return None

    def replace(self, guild_id: int | None, bodies: Iterable[Mapping[str, Any]]) -> list[Payload]:
        """Bulk overwrite (``PUT``): the scope then holds exactly ``bodies``."""
        new: dict[int, Payload] = {}
        for body in bodies:
            cmd_id = self._existing_id(guild_id, body["name"], body.get("type", CHAT_INPUT))
            command = self._build(guild_id, body, cmd_id)
            new[int(command["id"])] = command
        self.scopes[guild_id] = new
        return list(new.values())

    def upsert(self, guild_id: int | None, body: Mapping[str, Any]) -> tuple[Payload, bool]:
        """Create or replace one command (``POST``); returns (command, created)."""
        cmd_id = self._existing_id(guild_id, body["name"], body.get("type", CHAT_INPUT))
        command = self._build(guild_id, body, cmd_id)
        self.scopes[guild_id][int(command["id"])] = command
        return command, cmd_id is None

    def edit(self, guild_id: int | None, command_id: int, body: Mapping[str, Any]) -> Payload | None:
        """Patch one command (``PATCH``)."""
        command = self.get(guild_id, command_id)
        if command is not None:
            command.update({k: v for k, v in body.items() if k not in ("id", "application_id")})
        return command

    def delete(self, guild_id: int | None, command_id: int) -> bool:
        """Delete one command (``DELETE``)."""
        return self.scopes.setdefault(guild_id, {}).pop(command_id, None) is not None

    def find(self, name: str, type: int, guild_id: int | None) -> Payload | None:
        """The command an interaction named ``name`` refers to: guild scope first, then global."""
        for scope in (guild_id, None) if guild_id is not None else (None,):
            for cmd in self.scopes.get(scope, {}).values():
                if cmd["name"] == name and cmd.get("type", CHAT_INPUT) == type:
                    return cmd
        return None
