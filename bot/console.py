"""The interactive console: type a command or a question; it reads until end of input."""

from __future__ import annotations

from typing import TextIO

from bot.engine import Engine
from bot.render import article_full, article_line

HELP = """\
Commands:
  list [PAGE]     articles, newest first
  show ID         one article, with what was extracted from it
  help            this text
  quit            leave (so does end of input)
Anything else is a question, e.g. "who met Lukashenko in June 2025" or "show quotes about unity"."""

PAGE_SIZE = 20


async def handle_line(engine: Engine, line: str) -> str | None:
    """The reply to one console line; None means leave."""
    words = line.split()
    if not words:
        return ""
    command, rest = words[0].lower(), words[1:]
    if command in {"quit", "exit"}:
        return None
    if command in {"help", "?"}:
        return HELP
    if command == "list" and len(rest) <= 1 and all(w.isdigit() for w in rest):
        page = int(rest[0]) if rest else 1
        articles = await engine.store.list_articles(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        if not articles:
            return "No articles yet." if page == 1 else "No articles on this page."
        return "\n".join(article_line(a) for a in articles)
    if command == "show" and len(rest) == 1 and rest[0].lstrip("#").isdigit():
        article_id = int(rest[0].lstrip("#"))
        article = await engine.store.get_article(article_id)
        if article is None:
            return f"No article #{article_id}."
        counts = await engine.store.extraction_counts(article_id)
        history = [(r["action"], r["actor"], r["at"]) for r in await engine.store.history(article_id)]
        return article_full(article, counts, history)
    return await _ask(engine, line.strip())


async def _ask(engine: Engine, question: str) -> str:
    from bot.qa import answer

    return (await answer(engine.store, question)).text


async def run_console(engine: Engine, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines until end of input or `quit`; prompt only on a terminal."""
    interactive = stdin.isatty()
    if interactive:
        stdout.write(f"newsbot console: {await engine.store.count_articles()} articles. Type 'help'.\n")
    while True:
        if interactive:
            stdout.write("newsbot> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        reply = await handle_line(engine, line)
        if reply is None:
            break
        if reply:
            stdout.write(reply + "\n")
            stdout.flush()
    return 0
