"""Settings: defaults, and one clear line naming a malformed setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_DB, load_config
from bot.errors import ConfigError


def test_defaults_without_any_setting() -> None:
    config = load_config({})
    assert config.token is None
    assert config.db_path == Path(DEFAULT_DB)
    assert (config.timezone, config.log_level, config.moderator_role) == ("UTC", "INFO", "News Moderator")


def test_values_are_read() -> None:
    config = load_config({
        "DISCORD_TOKEN": "x" * 40, "NEWSBOT_DB": "/tmp/n.db", "NEWSBOT_TIMEZONE": "Europe/Kyiv",
        "NEWSBOT_LOG_LEVEL": "debug", "NEWSBOT_OWNER_IDS": "1, 2", "NEWSBOT_FETCH_ALLOW_PRIVATE": "yes",
    })
    assert config.token == "x" * 40
    assert config.db_path == Path("/tmp/n.db")
    assert config.tz.key == "Europe/Kyiv"
    assert config.log_level == "DEBUG"
    assert config.owner_ids == {1, 2}
    assert config.fetch_allow_private is True


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"NEWSBOT_TIMEZONE": "Mars/Olympus"}, "NEWSBOT_TIMEZONE"),
        ({"NEWSBOT_LOG_LEVEL": "loud"}, "NEWSBOT_LOG_LEVEL"),
        ({"NEWSBOT_OWNER_IDS": "12,abc"}, "NEWSBOT_OWNER_IDS"),
        ({"NEWSBOT_MAX_ARTICLE_CHARS": "10"}, "NEWSBOT_MAX_ARTICLE_CHARS"),
        ({"NEWSBOT_FETCH_ALLOW_PRIVATE": "maybe"}, "NEWSBOT_FETCH_ALLOW_PRIVATE"),
        ({"DISCORD_TOKEN": "'short token'"}, "DISCORD_TOKEN"),
    ],
)
def test_malformed_setting_names_itself(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named) as info:
        load_config(env)
    assert "\n" not in str(info.value)


def test_env_example_documents_every_setting() -> None:
    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text()
    source = (Path(__file__).resolve().parents[2] / "bot" / "config.py").read_text()
    import re

    read = set(re.findall(r'"((?:DISCORD|NEWSBOT)_[A-Z_]+)"', source))
    documented = set(re.findall(r"^((?:DISCORD|NEWSBOT)_[A-Z_]+)=", example, re.M))
    assert read and read == documented
