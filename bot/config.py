"""Settings from the environment and `.env` (python-dotenv), checked once at start."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

from bot.errors import ConfigError

DEFAULT_DB = "data/newsbot.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting newsbot reads; `.env.example` documents each one."""

    token: str | None
    db_path: Path
    moderator_role: str
    timezone: str
    log_level: str
    owner_ids: frozenset[int]
    test_guild_id: int | None
    max_article_chars: int
    fetch_allow_private: bool

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _int(name: str, raw: str, minimum: int = 0) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _bool(name: str, raw: str) -> bool:
    low = raw.strip().lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def load_config(env: dict[str, str] | None = None, dotenv: bool = True) -> Config:
    """Read settings from ``env`` (default: the process environment after loading `.env`)."""
    if env is None:
        if dotenv:
            load_dotenv(override=False)
        env = dict(os.environ)
    get = env.get

    token = (get("DISCORD_TOKEN") or "").strip() or None
    if token is not None and (" " in token or len(token) < 20):
        raise ConfigError("DISCORD_TOKEN does not look like a bot token (check for quotes or spaces)")

    timezone = (get("NEWSBOT_TIMEZONE") or "UTC").strip()
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"NEWSBOT_TIMEZONE must be an IANA time zone such as Europe/Berlin, got {timezone!r}"
        ) from None

    log_level = (get("NEWSBOT_LOG_LEVEL") or "INFO").strip().upper()
    if log_level not in LOG_LEVELS:
        raise ConfigError(f"NEWSBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {log_level!r}")

    owners: set[int] = set()
    for part in (get("NEWSBOT_OWNER_IDS") or "").replace(";", ",").split(","):
        if part.strip():
            owners.add(_int("NEWSBOT_OWNER_IDS", part.strip(), 1))

    guild_raw = (get("NEWSBOT_TEST_GUILD") or "").strip()
    return Config(
        token=token,
        db_path=Path((get("NEWSBOT_DB") or DEFAULT_DB).strip()),
        moderator_role=(get("NEWSBOT_MODERATOR_ROLE") or "News Moderator").strip(),
        timezone=timezone,
        log_level=log_level,
        owner_ids=frozenset(owners),
        test_guild_id=_int("NEWSBOT_TEST_GUILD", guild_raw, 1) if guild_raw else None,
        max_article_chars=_int("NEWSBOT_MAX_ARTICLE_CHARS", get("NEWSBOT_MAX_ARTICLE_CHARS") or "500000", 1000),
        fetch_allow_private=_bool("NEWSBOT_FETCH_ALLOW_PRIVATE", get("NEWSBOT_FETCH_ALLOW_PRIVATE") or "false"),
    )


def log_level_number(config: Config) -> int:
    return getattr(logging, config.log_level)
