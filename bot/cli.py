"""The `newsbot` command line: a thin adapter over the engine, like the Discord cogs."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.config import Config, load_config
from bot.engine import Engine
from bot.errors import NewsbotError
from bot.importer import read_path
from bot.render import article_full, article_line

Handler = Callable[[Engine, argparse.Namespace], Awaitable[int]]


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _progress_bar(total: int | None, desc: str):
    """A tqdm bar on a terminal; nothing when stderr is not one."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", file=sys.stderr)


# ------------------------------------------------------------------ commands


async def cmd_import(engine: Engine, args: argparse.Namespace) -> int:
    """Import articles from files (.txt .md .html .json .jsonl) or directories."""
    items = (
        item for path in args.paths for item in read_path(Path(path), max_chars=engine.config.max_article_chars)
    )
    bar = _progress_bar(None, "importing")
    report = await engine.import_items(items, added_by=args.by, progress=bar.update if bar else None)
    if bar:
        bar.close()
    for label, message in report.errors:
        _err(f"{label}: {message}")
    for label, existing, reason in report.duplicates:
        if args.verbose:
            _err(f"{label}: duplicate of #{existing} ({reason})")
    _out(report.summary())
    return 1 if report.errors else 0


async def cmd_list(engine: Engine, args: argparse.Namespace) -> int:
    """List stored articles, newest first."""
    articles = await engine.store.list_articles(limit=args.limit, offset=(args.page - 1) * args.limit)
    total = await engine.store.count_articles()
    if not articles:
        _out("No articles on this page." if total else "No articles yet.")
        return 0
    for article in articles:
        _out(article_line(article))
    pages = max(1, -(-total // args.limit))
    _out(f"page {args.page} of {pages} ({total} articles)")
    return 0


async def cmd_show(engine: Engine, args: argparse.Namespace) -> int:
    """Show one article with what was extracted from it and who added it."""
    article = await engine.store.get_article(args.id)
    if article is None:
        _err(f"newsbot: no article #{args.id}")
        return 1
    counts = await engine.store.extraction_counts(article.id)
    history = [(r["action"], r["actor"], r["at"]) for r in await engine.store.history(article.id)]
    _out(article_full(article, counts, history))
    return 0


async def cmd_delete(engine: Engine, args: argparse.Namespace) -> int:
    """Delete an article and everything extracted from it."""
    article = await engine.store.delete_article(args.id, deleted_by=args.by)
    if article is None:
        _err(f"newsbot: no article #{args.id}")
        return 1
    _out(f"deleted #{article.id} {article.title}")
    return 0


async def cmd_extract(engine: Engine | None, args: argparse.Namespace) -> int:
    """Print what extraction reads from files, one JSON line per article (no database)."""
    from bot.extract import extract_many

    drafts = []
    failed = 0
    for path in args.paths:
        for item in read_path(Path(path)):
            if item.draft is None:
                _err(f"{item.label}: {item.error}")
                failed += 1
            else:
                drafts.append(item.draft)
    for draft, extraction in zip(drafts, extract_many(drafts), strict=True):
        ext_id = draft.ext_id or draft.title
        _out(json.dumps(extraction.to_contract(ext_id), ensure_ascii=False))
    return 1 if failed else 0


async def cmd_reextract(engine: Engine, args: argparse.Namespace) -> int:
    """Re-run extraction over articles extracted by an older extractor (or all)."""
    bar = _progress_bar(None, "re-extracting")
    count = await engine.reextract(all_articles=args.all, progress=bar.update if bar else None)
    if bar:
        bar.close()
    _out(f"re-extracted {count} article(s)")
    return 0


async def cmd_ask(engine: Engine, args: argparse.Namespace) -> int:
    """Answer a question, or a file of questions (JSON lines {id, question, now})."""
    from bot.qa import answer

    if args.questions:
        failed = 0
        for number, line in enumerate(Path(args.questions).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                now = date.fromisoformat(row["now"]) if row.get("now") else args.now
                result = await answer(engine.store, str(row["question"]), now=now)
            except (ValueError, KeyError, TypeError) as exc:
                _err(f"{args.questions}:{number}: {exc}")
                failed += 1
                continue
            _out(json.dumps(result.to_contract(row.get("id", number), row["question"]), ensure_ascii=False))
        return 1 if failed else 0
    if not args.question:
        _err("newsbot ask: give a QUESTION or --questions FILE")
        return 2
    result = await answer(engine.store, args.question, now=args.now)
    _out(json.dumps(result.to_contract(None, args.question), ensure_ascii=False) if args.json else result.text)
    return 0


async def cmd_digest(engine: Engine, args: argparse.Namespace) -> int:
    """Print the digest of the articles dated in a period (default: the last seven days)."""
    from bot.digest import digest_text, period_dated
    from bot.store.digests import dated_between

    until = args.until or datetime.now(engine.config.tz).date()
    since = args.since or until - timedelta(days=6)
    if since > until:
        _err("newsbot digest: --since must not be after --until")
        return 2
    _out(digest_text(await dated_between(engine.store, since, until, period_dated(since, until))))
    return 0


async def cmd_console(engine: Engine, args: argparse.Namespace) -> int:
    """An interactive prompt over the same engine; reads stdin until its end."""
    from bot.console import run_console

    return await run_console(engine, sys.stdin, sys.stdout)


def cmd_run(config: Config) -> int:
    """Start the Discord bot (needs DISCORD_TOKEN)."""
    if not config.token:
        _err("newsbot: DISCORD_TOKEN is not set (put it in .env); `newsbot console` works without it")
        return 2
    from bot.client import run_bot

    return run_bot(config)


def cmd_sync(config: Config, guild: int | None) -> int:
    """Register the slash commands with Discord (globally, or to one guild at once)."""
    if not config.token:
        _err("newsbot: DISCORD_TOKEN is not set; syncing needs the bot's token")
        return 2
    from bot.client import sync_commands

    return sync_commands(config, guild)


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbot", description="A news analyst's bot: articles, people, "
                                     "quotes and meetings, in Discord and on the command line.")
    parser.add_argument("--db", type=Path, help="database file (default: NEWSBOT_DB or data/newsbot.db)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    p = add("import", cmd_import, "import articles from files or directories (.txt .md .html .json .jsonl)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--by", default="cli", help="who is adding them (recorded with each article)")
    p.add_argument("-v", "--verbose", action="store_true", help="also list every duplicate")
    p.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                   help="extraction processes (default: one per core)")
    p = add("list", cmd_list, "list stored articles, newest first")
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--page", type=_positive, default=1)
    p = add("show", cmd_show, "show one article with its extraction and history")
    p.add_argument("id", type=int)
    p = add("delete", cmd_delete, "delete an article and everything extracted from it")
    p.add_argument("id", type=int)
    p.add_argument("--by", default="cli", help="who is deleting it (recorded)")
    p = add("extract", cmd_extract, "print extraction as JSON lines, without touching the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = add("reextract", cmd_reextract, "re-run extraction over articles extracted by an older extractor")
    p.add_argument("--all", action="store_true", help="re-extract every article, stale or not")
    p = add("ask", cmd_ask, "answer a question about the articles")
    p.add_argument("question", nargs="?")
    p.add_argument("--now", type=_iso_date, default=None, help="the date 'last week' is read against (YYYY-MM-DD)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--questions", metavar="FILE", help="answer every {id, question, now} line of a JSONL file")
    p = add("digest", cmd_digest, "print a digest of the articles dated in a period (default: the last 7 days)")
    p.add_argument("--since", type=_iso_date, default=None, help="first date, YYYY-MM-DD (default: 6 days earlier)")
    p.add_argument("--until", type=_iso_date, default=None, help="last date, YYYY-MM-DD (default: today)")
    add("console", cmd_console, "an interactive prompt over the engine (reads stdin)")
    add("run", None, "start the Discord bot (needs DISCORD_TOKEN)")
    add("start", None, "start the bot if DISCORD_TOKEN is set, else the console (what `make run` does)")
    p = add("sync", None, "register slash commands with Discord")
    p.add_argument("--guild", type=int, default=None, help="sync to this guild only (instant)")
    return parser


def _positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _iso_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a date of the form YYYY-MM-DD") from None


async def _with_engine(config: Config, handler: Handler, args: argparse.Namespace) -> int:
    # An import fills the database itself: the sample goes only into one left empty.
    engine = await Engine.open(config, load_sample=args.command != "import", workers=getattr(args, "workers", 1))
    try:
        return await handler(engine, args)
    finally:
        await engine.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = load_config()
        if args.db is not None:
            config = replace(config, db_path=args.db)
        logging.basicConfig(level=config.log_level, format="%(levelname)s %(name)s: %(message)s")
        command = args.command
        if command == "start":
            command = "run" if config.token else "console"
            args.func = cmd_console
        if command == "run":
            return cmd_run(config)
        if command == "sync":
            return cmd_sync(config, args.guild)
        if command == "extract":
            return asyncio.run(cmd_extract(None, args))
        return asyncio.run(_with_engine(config, args.func, args))
    except NewsbotError as exc:
        _err(f"newsbot: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
