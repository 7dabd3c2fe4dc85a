"""Plain-text renderings of articles for the CLI and the console."""

from __future__ import annotations

from bot.models import Article


def citation(title: str, date: str, url: str | None) -> str:
    """"Title" (2025-06-13) <url> — how every answer cites its source."""
    return f"\u201c{title}\u201d ({date})" + (f" <{url}>" if url else "")


def article_line(article: Article) -> str:
    source = f"  [{article.source}]" if article.source else ""
    return f"#{article.id:<6} {article.date}  {article.title}{source}"


def article_full(article: Article, counts: dict[str, int], history: list[tuple[str, str | None, str]]) -> str:
    lines = [
        f"#{article.id}  {article.title}",
        f"date: {article.date}",
        f"url: {article.url or '-'}",
        f"source: {article.source or '-'}",
        f"extracted: {counts.get('people', 0)} people, {counts.get('quotes', 0)} quotes, "
        f"{counts.get('meetings', 0)} meetings",
    ]
    past = {"add": "added", "delete": "deleted"}
    lines += [f"{past.get(action, action)} by {actor or 'unknown'} at {at}" for action, actor, at in history]
    lines += ["", *article.paragraphs]
    return "\n".join(lines)
