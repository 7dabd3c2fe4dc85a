"""Snowflake ids and tokens for the fake Discord server."""

from __future__ import annotations

import secrets
import time

DISCORD_EPOCH_MS = 1420070400000


class SnowflakeGenerator:
    """Produce strictly increasing, time-based Discord snowflakes."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        """Return a fresh snowflake whose timestamp is "now"."""
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(candidate, self._last + 1)
        return self._last


def new_token(prefix: str = "tok") -> str:
    """Return a random opaque token (interaction tokens, session ids)."""
    return f"{prefix}_{secrets.token_hex(16)}"
