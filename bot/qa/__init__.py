"""Answering questions about the articles: who met whom, who said what, when, where — with sources.

``await answer(store, "who met Lukashenko in June 2025", now=date(2025, 6, 20))`` returns an
:class:`Answer` (text for people, ``to_contract`` for programs). No network, no language model:
a grammar over the question's words (:mod:`bot.qa.intent`) with a lexicon of the names the
database knows (:mod:`bot.qa.names`), then SQL and FTS5 (:mod:`bot.store.queries`).
"""

from __future__ import annotations

import logging
import weakref
from datetime import date

from bot.qa.answers import HANDLERS, resolve_relation
from bot.qa.intent import SEARCH, Query, parse
from bot.qa.names import Lexicon
from bot.qa.result import Answer, ArticleItem, MeetingItem, QuoteItem, Source
from bot.store import Store
from bot.store import queries as sql

__all__ = ["Answer", "ArticleItem", "MeetingItem", "QuoteItem", "Source", "answer", "lexicon", "understand"]

log = logging.getLogger(__name__)
_LEXICONS: weakref.WeakKeyDictionary[Store, Lexicon] = weakref.WeakKeyDictionary()


async def lexicon(store: Store) -> Lexicon:
    """The store's name lexicon, loaded once and reloaded when people, aliases or mentions change."""
    signature = await sql.people_signature(store)
    cached = _LEXICONS.get(store)
    if cached is not None and cached.signature == signature:
        return cached
    built = Lexicon(await sql.load_people(store), await sql.load_aliases(store), await sql.load_titles(store),
                    signature, await sql.load_places(store))
    _LEXICONS[store] = built
    return built


async def understand(store: Store, question: str, *, now: date | None = None) -> Query:
    """How a question is read (intent, people, span, topic), without answering it."""
    return parse(question, await lexicon(store), now or date.today())


async def answer(store: Store, question: str, *, now: date | None = None) -> Answer:
    """Answer one question from the database; any text gets an answer or a clear message."""
    question = question if isinstance(question, str) else str(question)
    if not question.strip():
        return Answer(SEARCH, "Ask me something, e.g. \u201cwho met Lukashenko in June 2025\u201d, "
                              "\u201cwhat did Duda say?\u201d or \u201cquotes about unity\u201d.")
    known = await lexicon(store)
    query = parse(question, known, now or date.today())
    if query.relation:  # "the father of X": who that is, from the articles
        empty = await resolve_relation(store, query, known.people)
        if empty is not None:
            return empty
    return await HANDLERS[query.intent](store, query)
