"""The `newsbot` CLI end to end, as a user runs it, in a temporary directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWSBOT = [sys.executable, "-m", "bot.cli"]


def run(cwd: Path, *args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "DISCORD_"))}
    full_env["PYTHONPATH"] = str(ROOT)
    full_env.update(env or {})
    return subprocess.run([*NEWSBOT, *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=180)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ROWS = [
    {"id": "t-1", "title": "Talks in Kyiv", "date": "2022-06-21", "url": "https://ex.org/1", "source": "ex.org",
     "text": "President Volodymyr Zelenskyy met Prime Minister of Luxembourg Xavier Bettel in Kyiv. "
             "\"Ukraine belongs in the European family,\" Bettel said."},
    {"id": "t-2", "title": "Visit to Minsk", "date": "2022-02-18", "url": "https://ex.org/2", "source": "ex.org",
     "text": "Vladimir Putin held talks with Alexander Lukashenko in Moscow on February 18."},
]


def test_console_on_empty_database_lists_only_the_seed(workdir: Path) -> None:
    result = run(workdir, "start", stdin="list\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "2025-06-13" in lines[0] and "Committed to Ensuring Unity" in lines[0]
    assert (workdir / "data" / "newsbot.db").exists(), "default database path is data/newsbot.db"


def test_sample_is_not_loaded_again_or_into_a_database_with_articles(workdir: Path) -> None:
    db = workdir / "other.db"
    imported = run(workdir, "--db", str(db), "import", str(write_jsonl(workdir / "a.jsonl", ROWS)))
    assert imported.returncode == 0, imported.stderr
    assert "2 added, 0 duplicate(s) skipped, 0 error(s)" in imported.stdout
    listed = run(workdir, "--db", str(db), "list").stdout
    assert "Talks in Kyiv" in listed and "Visit to Minsk" in listed
    assert "Unity" not in listed, "the sample goes only into an empty database"
    assert run(workdir, "--db", str(db), "list").stdout == listed


def test_import_again_reports_duplicates_and_adds_none(workdir: Path) -> None:
    db = workdir / "dup.db"
    source = write_jsonl(workdir / "b.jsonl", ROWS)
    assert run(workdir, "--db", str(db), "import", str(source)).returncode == 0
    again = run(workdir, "--db", str(db), "import", "-v", str(source))
    assert again.returncode == 0
    assert "0 added, 2 duplicate(s) skipped" in again.stdout
    assert "b.jsonl:1: duplicate of #" in again.stderr


def test_import_keeps_good_items_and_reports_bad_ones_by_line(workdir: Path) -> None:
    db = workdir / "mixed.db"
    source = workdir / "mixed.jsonl"
    source.write_text(json.dumps(ROWS[0]) + "\n{broken\n" + json.dumps({**ROWS[1], "date": "2022-02-31"}) + "\n")
    result = run(workdir, "--db", str(db), "import", str(source))
    assert result.returncode == 1
    assert "1 added, 0 duplicate(s) skipped, 2 error(s)" in result.stdout
    assert "mixed.jsonl:2: invalid JSON" in result.stderr
    assert "mixed.jsonl:3: date '2022-02-31' is not a real date" in result.stderr


def test_show_and_delete(workdir: Path) -> None:
    db = workdir / "show.db"
    run(workdir, "--db", str(db), "import", "--by", "alice", str(write_jsonl(workdir / "c.jsonl", ROWS)))
    shown = run(workdir, "--db", str(db), "show", "1")
    assert shown.returncode == 0
    assert "Talks in Kyiv" in shown.stdout and "https://ex.org/1" in shown.stdout
    assert "added by alice" in shown.stdout
    assert "extracted:" in shown.stdout
    deleted = run(workdir, "--db", str(db), "delete", "1", "--by", "bob")
    assert deleted.returncode == 0 and "deleted #1" in deleted.stdout
    missing = run(workdir, "--db", str(db), "show", "1")
    assert missing.returncode == 1 and "no article #1" in missing.stderr


def test_bad_setting_is_one_clear_line(workdir: Path) -> None:
    result = run(workdir, "list", env={"NEWSBOT_TIMEZONE": "Nowhere/Land"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "newsbot: NEWSBOT_TIMEZONE must be an IANA time zone such as Europe/Berlin, got 'Nowhere/Land'"
    ]


def test_run_without_token_says_so(workdir: Path) -> None:
    result = run(workdir, "run")
    assert result.returncode == 2 and "DISCORD_TOKEN is not set" in result.stderr


def test_extract_prints_the_contract_without_a_database(workdir: Path) -> None:
    result = run(workdir, "--db", str(workdir / "never.db"), "extract", str(write_jsonl(workdir / "e.jsonl", ROWS)))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["t-1", "t-2"]
    assert set(lines[0]) == {"id", "quotes", "meetings", "people"}
    assert not (workdir / "never.db").exists()


def test_every_cli_command_has_help_and_is_in_the_readme() -> None:
    from bot.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    readme = (ROOT / "README.md").read_text()
    helps = {c.dest: c.help for c in sub._choices_actions}
    assert set(helps) == set(sub.choices)
    for name, text in helps.items():
        assert text and len(text) > 10, name
        assert f"newsbot {name}" in readme, f"README does not show `newsbot {name}`"
