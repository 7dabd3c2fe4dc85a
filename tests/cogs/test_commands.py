"""Command-tree contract: Discord's limits (which discord.py checks only at sync) and a snapshot.

Regenerate the snapshot after a deliberate change with ``UPDATE_SNAPSHOTS=1``.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import re
from pathlib import Path

import pytest
from cogs_support import built_tree
from discord import app_commands

SNAPSHOT = Path(__file__).parent / "snapshots" / "commands.json"
CHAT_INPUT, MESSAGE = 1, 3
SUBCOMMAND, GROUP = 1, 2
NAME = re.compile(r"^[-_\w]{1,32}$")
EXPECTED = {"ask", "quotes", "meetings", "who", "search", "article", "help", "Add as article"}


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> tuple[list[dict], list]:
    return asyncio.run(built_tree(tmp_path_factory.mktemp("tree")))


def walk(options: list[dict], path: str):
    """Yield (path, option list) for a command and every subcommand below it."""
    yield path, options
    for option in options:
        if option["type"] in (SUBCOMMAND, GROUP):
            yield from walk(option.get("options", []), f"{path} {option['name']}")


def size(command: dict) -> int:
    """Characters Discord counts against the 4,000 limit: names, descriptions, choice names and values."""
    total = len(command["name"]) + len(command.get("description", ""))
    for option in command.get("options", []):
        total += size(option)
        total += sum(len(c["name"]) + len(str(c["value"])) for c in option.get("choices", []))
    return total


def test_every_command_is_there(tree):
    assert {c["name"] for c in tree[0]} >= EXPECTED


def test_names_and_descriptions_are_within_limits(tree):
    for command in tree[0]:
        if command["type"] == CHAT_INPUT:
            assert NAME.match(command["name"]) and command["name"] == command["name"].lower(), command["name"]
            assert 1 <= len(command["description"]) <= 100, command["name"]
        else:
            assert 1 <= len(command["name"]) <= 32
        assert size(command) <= 4000, command["name"]
        for path, options in walk(command.get("options", []), command["name"]):
            assert len(options) <= 25, path
            for option in options:
                where = f"{path} {option['name']}"
                assert NAME.match(option["name"]) and option["name"] == option["name"].lower(), where
                assert 1 <= len(option["description"]) <= 100, where
                assert len(option.get("choices", [])) <= 25, where
                assert not (option.get("autocomplete") and option.get("choices")), where
            leaves = [o for o in options if o["type"] not in (SUBCOMMAND, GROUP)]
            required = [o.get("required", False) for o in leaves]
            assert required == sorted(required, reverse=True), f"{path}: required options must come first"


def test_at_most_the_allowed_number_of_commands(tree):
    assert len([c for c in tree[0] if c["type"] == CHAT_INPUT]) <= 100
    assert len([c for c in tree[0] if c["type"] == MESSAGE]) <= 5


def test_descriptions_were_not_cut_by_discord_py(tree):
    """discord.py shortens docstrings and parameter descriptions over 100 characters without a word."""
    for command in tree[1]:
        if not isinstance(command, app_commands.Command):
            continue
        doc = inspect.cleandoc(command.callback.__doc__ or "").split("\n\n")[0].replace("\n", " ")
        assert doc and len(doc) <= 100, f"/{command.qualified_name}: docstring {len(doc)} chars"
        raw = getattr(command.callback, "__discord_app_commands_param_description__", {})
        for name, text in raw.items():
            assert len(str(text)) <= 100, f"/{command.qualified_name} {name}"
        for parameter in command.parameters:
            assert parameter.description and parameter.description != "\u2026", \
                f"/{command.qualified_name} {parameter.name} has no description"


def test_commands_documented(tree):
    """Every slash command and option explains itself (the /help text comes from these)."""
    for command in tree[0]:
        if command["type"] == CHAT_INPUT:
            assert command["description"] != "\u2026"
            for path, options in walk(command.get("options", []), command["name"]):
                for option in options:
                    assert option["description"] != "\u2026", f"{path} {option['name']}"


def test_snapshot(tree):
    current = json.dumps(tree[0], indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") or not SNAPSHOT.exists():
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert current == SNAPSHOT.read_text(encoding="utf-8"), (
        "the command tree changed; if that is intended, rerun with UPDATE_SNAPSHOTS=1 and commit the snapshot"
    )
