"""Payload builders and guild state (roles, channels, members, permissions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import discord

from .ids import SnowflakeGenerator

Payload = dict[str, Any]

ALL_PERMISSIONS: int = discord.Permissions.all().value
ADMINISTRATOR: int = discord.Permissions(administrator=True).value
EVERYONE_PERMISSIONS: int = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    read_message_history=True,
    add_reactions=True,
    embed_links=True,
    attach_files=True,
    use_external_emojis=True,
    use_application_commands=True,
    create_instant_invite=True,
    change_nickname=True,
    connect=True,
    speak=True,
).value
DEFAULT_BOT_PERMISSIONS: int = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    read_message_history=True,
    add_reactions=True,
    embed_links=True,
    attach_files=True,
    use_external_emojis=True,
    manage_messages=True,
).value

TEXT_CHANNEL = 0
DM_CHANNEL = 1
CATEGORY_CHANNEL = 4


def iso_now() -> str:
    """Return the current UTC time as Discord's ISO-8601 timestamp."""
    return dt.datetime.now(dt.UTC).isoformat()


def perm_value(value: int | str | discord.Permissions) -> int:
    """Coerce an int, bitfield string or ``discord.Permissions`` to an int."""
    return value.value if isinstance(value, discord.Permissions) else int(value)


def user_payload(user_id: int, username: str, *, bot: bool = False, global_name: str | None = None) -> Payload:
    """Build a full user object."""
    return {
        "id": str(user_id),
        "username": username,
        "global_name": global_name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
        "verified": True,
        "mfa_enabled": False,
        "email": None,
    }


def role_payload(
    role_id: int, name: str, permissions: int, *, position: int = 0, managed: bool = False, tags: Payload | None = None
) -> Payload:
    """Build a role object; ``permissions`` is sent as a bitfield string like Discord does."""
    role: Payload = {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "icon": None,
        "unicode_emoji": None,
        "managed": managed,
        "mentionable": False,
        "flags": 0,
    }
    if tags is not None:
        role["tags"] = tags
    return role


def overwrite(target_id: int, *, allow: int = 0, deny: int = 0, member: bool = False) -> Payload:
    """Build a channel permission overwrite (type 0 = role, 1 = member)."""
    return {"id": str(target_id), "type": 1 if member else 0, "allow": str(allow), "deny": str(deny)}


def channel_payload(
    channel_id: int,
    name: str,
    *,
    guild_id: int,
    type: int = TEXT_CHANNEL,
    position: int = 0,
    overwrites: Iterable[Payload] = (),
    parent_id: int | None = None,
    topic: str | None = None,
) -> Payload:
    """Build a guild channel object."""
    return {
        "id": str(channel_id),
        "type": type,
        "guild_id": str(guild_id),
        "name": name,
        "position": position,
        "permission_overwrites": list(overwrites),
        "parent_id": None if parent_id is None else str(parent_id),
        "topic": topic,
        "nsfw": False,
        "rate_limit_per_user": 0,
        "last_message_id": None,
        "flags": 0,
    }


def member_payload(user: Payload, roles: Iterable[int], *, nick: str | None = None, joined_at: str = "") -> Payload:
    """Build a guild member object (with ``user``)."""
    return {
        "user": user,
        "nick": nick,
        "avatar": None,
        "roles": [str(r) for r in roles],
        "joined_at": joined_at or iso_now(),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }


def apply_overwrites(base: int, overwrites: Iterable[Mapping[str, Any]], *, guild_id: int, roles: set[int],
                     user_id: int) -> int:
    """Apply channel overwrites in Discord's order: @everyone, roles, member."""
    by_id = {int(o["id"]): o for o in overwrites}
    everyone = by_id.get(guild_id)
    if everyone is not None:
        base = (base & ~int(everyone["deny"])) | int(everyone["allow"])
    allow = deny = 0
    for role_id in roles:
        o = by_id.get(role_id)
        if o is not None and o.get("type", 0) == 0:
            allow |= int(o["allow"])
            deny |= int(o["deny"])
    base = (base & ~deny) | allow
    own = by_id.get(user_id)
    if own is not None and own.get("type") == 1:
        base = (base & ~int(own["deny"])) | int(own["allow"])
    return base


@dataclass
class FakeGuild:
    """A guild the fake server knows about; payload dicts are kept as Discord sends them."""

    ids: SnowflakeGenerator = field(repr=False)
    id: int
    name: str
    owner_id: int = 0
    roles: dict[int, Payload] = field(default_factory=dict)
    channels: dict[int, Payload] = field(default_factory=dict)
    members: dict[int, Payload] = field(default_factory=dict)
    joined_at: str = field(default_factory=iso_now)
    bot_role_id: int = 0

    def __post_init__(self) -> None:
        if self.id not in self.roles:
            self.roles[self.id] = role_payload(self.id, "@everyone", EVERYONE_PERMISSIONS)

    @property
    def everyone(self) -> Payload:
        """The @everyone role (its id is the guild id)."""
        return self.roles[self.id]

    def add_role(self, name: str, permissions: int | discord.Permissions = 0, **kwargs: Any) -> Payload:
        """Create a role and return its payload."""
        role = role_payload(self.ids.next(), name, perm_value(permissions), position=len(self.roles), **kwargs)
        self.roles[int(role["id"])] = role
        return role

    def add_channel(self, name: str, *, type: int = TEXT_CHANNEL, **kwargs: Any) -> Payload:
        """Create a channel and return its payload."""
        position = sum(1 for c in self.channels.values() if c["type"] == type)
        channel = channel_payload(self.ids.next(), name, guild_id=self.id, type=type, position=position, **kwargs)
        self.channels[int(channel["id"])] = channel
        return channel

    def add_member(self, user: Payload, roles: Iterable[int] = (), *, nick: str | None = None) -> Payload:
        """Add ``user`` as a member with the given role ids."""
        member = member_payload(user, roles, nick=nick)
        self.members[int(user["id"])] = member
        return member

    def member_roles(self, user_id: int) -> list[int]:
        """Role ids of a member (empty for unknown users)."""
        member = self.members.get(user_id)
        return [int(r) for r in member["roles"]] if member else []

    def permissions_for(self, user_id: int, roles: Iterable[int] | None = None, channel_id: int | None = None) -> int:
        """Resolve a member's permission bitfield, channel overwrites included."""
        role_ids = set(self.member_roles(user_id) if roles is None else roles)
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        base = int(self.everyone["permissions"])
        for role_id in role_ids:
            role = self.roles.get(role_id)
            if role is not None:
                base |= int(role["permissions"])
        if base & ADMINISTRATOR:
            return ALL_PERMISSIONS
        channel = self.channels.get(channel_id) if channel_id is not None else None
        if channel is None:
            return base
        return apply_overwrites(
            base, channel.get("permission_overwrites", []), guild_id=self.id, roles=role_ids, user_id=user_id
        )

    def to_gateway(self) -> Payload:
        """The GUILD_CREATE payload; ``member_count`` matches the members so no chunking is needed."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "large": False,
            "member_count": len(self.members),
            "joined_at": self.joined_at,
            "roles": list(self.roles.values()),
            "channels": [{k: v for k, v in c.items() if k != "guild_id"} for c in self.channels.values()],
            "members": list(self.members.values()),
            "threads": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "preferred_locale": "en-US",
            "premium_tier": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "afk_timeout": 300,
            "afk_channel_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
        }
