"""Stored messages and attachments (uploaded by the bot or made by tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .ids import SnowflakeGenerator
from .models import Payload, iso_now
from .recording import RecordedFile

EPHEMERAL = 1 << 6
LOADING = 1 << 7
MESSAGE_TYPE_DEFAULT = 0
MESSAGE_TYPE_REPLY = 19
MESSAGE_TYPE_CHAT_INPUT = 20


@dataclass
class StoredAttachment:
    """Bytes served by the fake CDN at ``/attachments/{channel}/{id}/{filename}``."""

    id: int
    filename: str
    content_type: str
    data: bytes


class AttachmentStore:
    """Attachment bytes keyed by id; payload urls point at the fake server."""

    def __init__(self, ids: SnowflakeGenerator, base_url: Callable[[], str]) -> None:
        self._ids = ids
        self._base_url = base_url
        self.files: dict[int, StoredAttachment] = {}

    def add(
        self,
        filename: str,
        data: bytes,
        content_type: str = "application/octet-stream",
        *,
        channel_id: int = 0,
        description: str | None = None,
        ephemeral: bool = False,
    ) -> Payload:
        """Store bytes and return the attachment object Discord would send."""
        att_id = self._ids.next()
        self.files[att_id] = StoredAttachment(att_id, filename, content_type, data)
        url = f"{self._base_url()}/attachments/{channel_id}/{att_id}/{filename}"
        return {
            "id": str(att_id),
            "filename": filename,
            "size": len(data),
            "url": url,
            "proxy_url": url,
            "content_type": content_type,
            "description": description,
            "ephemeral": ephemeral,
            "height": None,
            "width": None,
            "flags": 0,
        }

    def get(self, att_id: int, filename: str) -> StoredAttachment | None:
        """The stored attachment with this id and filename, if any."""
        found = self.files.get(att_id)
        return found if found is not None and found.filename == filename else None


def iter_custom_ids(components: Any) -> Iterator[str]:
    """Yield every ``custom_id`` in a (nested) component list or dict."""
    if isinstance(components, Mapping):
        if "custom_id" in components:
            yield components["custom_id"]
        for value in components.values():
            if isinstance(value, list | Mapping):
                yield from iter_custom_ids(value)
    elif isinstance(components, list):
        for item in components:
            yield from iter_custom_ids(item)


class MessageStore:
    """Messages created through REST, by id, in creation order."""

    def __init__(self, ids: SnowflakeGenerator, attachments: AttachmentStore) -> None:
        self._ids = ids
        self._attachments = attachments
        self.messages: dict[int, Payload] = {}

    def get(self, message_id: int) -> Payload | None:
        """A stored message by id."""
        return self.messages.get(message_id)

    def in_channel(self, channel_id: int) -> list[Payload]:
        """Messages of a channel, oldest first."""
        return [m for m in self.messages.values() if int(m["channel_id"]) == channel_id]

    def with_custom_id(self, custom_id: str) -> Payload | None:
        """The newest message carrying a component with ``custom_id``."""
        for message in reversed(self.messages.values()):
            if custom_id in set(iter_custom_ids(message.get("components", []))):
                return message
        return None

    def create(
        self,
        channel_id: int,
        body: Mapping[str, Any],
        files: list[RecordedFile],
        *,
        author: Payload,
        guild_id: int | None = None,
        type: int = MESSAGE_TYPE_DEFAULT,
        extra: Mapping[str, Any] | None = None,
    ) -> Payload:
        """Create a message from a create-message request body."""
        flags = int(body.get("flags") or 0)
        message: Payload = {
            "id": str(self._ids.next()),
            "channel_id": str(channel_id),
            "author": author,
            "content": body.get("content") or "",
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts", False)),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": self._attachments_for(channel_id, body, files, [], ephemeral=bool(flags & EPHEMERAL)),
            "embeds": list(body.get("embeds") or []),
            "components": list(body.get("components") or []),
            "pinned": False,
            "type": type,
            "flags": flags,
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        reference = body.get("message_reference")
        if reference:
            message["message_reference"] = {"channel_id": str(channel_id), **reference}
            if type == MESSAGE_TYPE_DEFAULT:
                message["type"] = MESSAGE_TYPE_REPLY
        message.update(extra or {})
        self.messages[int(message["id"])] = message
        return message

    def edit(self, message_id: int, body: Mapping[str, Any], files: list[RecordedFile]) -> Payload | None:
        """Apply an edit-message body; clears the loading flag of deferred responses."""
        message = self.messages.get(message_id)
        if message is None:
            return None
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = body[key] if body[key] is not None else ("" if key == "content" else [])
        if body.get("flags") is not None:
            message["flags"] = int(body["flags"]) | (message["flags"] & EPHEMERAL)
        message["flags"] &= ~LOADING
        if "attachments" in body or files:
            message["attachments"] = self._attachments_for(
                int(message["channel_id"]), body, files, message["attachments"],
                ephemeral=bool(message["flags"] & EPHEMERAL),
            )
        message["edited_timestamp"] = iso_now()
        return message

    def delete(self, message_id: int) -> bool:
        """Delete a message; False if unknown."""
        return self.messages.pop(message_id, None) is not None

    def _attachments_for(
        self,
        channel_id: int,
        body: Mapping[str, Any],
        files: list[RecordedFile],
        existing: list[Payload],
        *,
        ephemeral: bool,
    ) -> list[Payload]:
        """Resolve ``attachments`` entries: existing ids are kept, others map to ``files[{id}]``."""
        by_field = {f.field_name: f for f in files}
        old = {a["id"]: a for a in existing}
        entries = body.get("attachments")
        if entries is None:
            entries = [{"id": i} for i in range(len(files))]
        result: list[Payload] = []
        for entry in entries:
            key = str(entry.get("id"))
            if key in old:
                result.append(old[key])
                continue
            upload = by_field.get(f"files[{key}]")
            if upload is None:
                continue
            result.append(
                self._attachments.add(
                    entry.get("filename") or upload.filename,
                    upload.data,
                    upload.content_type,
                    channel_id=channel_id,
                    description=entry.get("description"),
                    ephemeral=ephemeral,
                )
            )
        return result
