"""The publisher's principal: who 'the President' is on a president's own website when the article never says.

Press offices write 'The President held a meeting …' without the name when the reader knows whose site it is.
The principal is learnt, never configured: the person the source's articles most often name as
'President of <Country> <Name>' — over a batch being extracted, or over the stored articles of that source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from bot.extract.lexicon import latin
from bot.models import ArticleDraft

_TITLED_PRESIDENT = re.compile(latin(
    r"\b(President(?: of (?:the )?[A-Z][\w\-]+(?: [A-Z][\w\-]+)?)?)\s+([A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+){1,2})\b"
))
# 'The President held …', 'the head of state said': the role with no name or country after it
_BARE_ROLE = re.compile(r"\b(?:the|The)\s+(?:President|Head of State|head of state)\b(?!\s+of\b)(?!\s+[A-Z])")
MIN_ARTICLES = 2
MIN_SHARE = 0.25


def titled_presidents(text: str) -> set[tuple[str, str]]:
    """Every (name, title) written 'President of <Country> <Name>' in a text."""
    return {(m.group(2), m.group(1)) for m in _TITLED_PRESIDENT.finditer(text)}


def learn_principals(drafts: Iterable[ArticleDraft]) -> dict[str, tuple[str, str]]:
    """source -> (name, title) of the president its articles name most, when clearly most and often enough.

    Candidates are the people any article of the batch calls 'President …'; each source's principal is the one
    named in the most of its articles (at least two, a quarter of them, and more than any other candidate).
    """
    drafts = [d for d in drafts if d.source]
    titles: dict[str, Counter] = defaultdict(Counter)
    texts = [(d.source, f"{d.title}\n{d.text}") for d in drafts]
    for _source, text in texts:
        for name, title in titled_presidents(text):
            titles[name][title] += 1
    coverage: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for source, text in texts:
        totals[source] += 1
        coverage[source].update(name for name in titles if name in text)
    out: dict[str, tuple[str, str]] = {}
    for source, c in coverage.items():
        name = clear_leader(c.most_common(), totals[source])
        if name is not None:
            title = max(titles[name], key=lambda t: (" of " in t, titles[name][t]))
            out[source] = (name, title)
    return out


def clear_leader(ranked: list[tuple[str, int]], total: int) -> str | None:
    """The first of candidates ranked by how many of a source's ``total`` articles name them, if it is the
    principal: named in at least two articles, a quarter of them, and more than the runner-up."""
    if not ranked:
        return None
    name, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return name if n >= MIN_ARTICLES and n >= MIN_SHARE * total and n > runner_up else None


def fill_principals(drafts: list[ArticleDraft], known: dict[str, tuple[str, str]] | None = None) -> None:
    """Set ``principal`` on drafts that have none, from ``known`` or else learnt from the drafts themselves."""
    if not any(d.principal is None and d.source for d in drafts):
        return  # all told already (the engine fills them before the worker sees them): nothing to learn
    learnt = learn_principals(drafts)
    for d in drafts:
        if d.principal is None and d.source:
            d.principal = (known or {}).get(d.source) or learnt.get(d.source)


def needs_principal(text: str) -> bool:
    """Does the article speak of 'the President' / 'the head of state' without naming one?"""
    return bool(_BARE_ROLE.search(text))
