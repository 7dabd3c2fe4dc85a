"""Question understanding: which kind of question, about whom, when, and on what topic.

A small grammar over the question's folded words:

1. a time expression is read and taken out (:mod:`bot.qa.timeparse`);
2. "who is X" / "tell me about X" / a bare name ask for a person;
3. a topic clause starts at the first topic marker ("about", "regarding", "on" ...);
4. in the rest, names are found by exact forms (:class:`~bot.qa.names.Lexicon`), and the
   verb class decides: quote verbs (say, quotes, statements) -> quotes by a person or on a
   topic; meeting verbs (meet, talks, visited) -> meetings; article nouns (news, articles)
   -> articles;
5. words left in a name position are read as a role phrase or a typo of a name, or, after
   "in"/"at" in a meeting question, as a place;
6. anything else falls back to full-text search over the articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.people import HONORIFICS
from bot.qa.names import Lexicon, Person, is_place_word
from bot.qa.text import (
    ARTICLE_WORDS,
    MEET_WORDS,
    QUOTE_WORDS,
    STOP,
    TOPIC_MARKERS,
    WEAK_MEET_WORDS,
    content,
    words,
)
from bot.qa.timeparse import Span, find_span

MEETINGS, QUOTES_BY, QUOTES_ABOUT, PERSON, ARTICLES, SEARCH = (
    "meetings", "quotes_by", "quotes_about", "person", "articles", "search",
)

_INFO = re.compile(
    r"^(?:(?P<strict>(?:who|what)\s(?:is|was|are)|tell\s(?:me|us)\s(?:more\s)?about|what\sdo\s(?:you|we)\sknow\sabout"
    r"|(?:info|information|details|background|profile)\s(?:on|about|of|for)|profile|describe)"
    r"|who|about)\s(?P<x>.+)$"
)
_SPEAKER_MARKERS = {"by", "from", "of"}
_PLACE_MARKERS = {"in", "at"}
_JOINERS = {"of", "the"}  # inside a role phrase: "president of the european commission"


@dataclass(slots=True)
class Query:
    """What a question asks, as the answerer needs it."""

    intent: str
    question: str
    persons: list[Person] = field(default_factory=list)
    span: Span | None = None
    topic: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    unknown: str | None = None  # words in a name position that name nobody the articles know
    partner_filter: Callable[[int], bool] | None = None  # "which first ladies met X": who counts
    partner_role: str = ""
    how: list[str] = field(default_factory=list)  # how names were read ("typo", "role phrase"), for the answer


@dataclass(slots=True)
class _Run:
    tokens: list[str]
    after: str | None  # the word before the run (skipping "the")
    start: int = 0


def _runs(tokens: list[str], taken: set[int]) -> list[_Run]:
    """Contiguous words that are not stop words, verbs of the grammar, or already a name."""
    runs: list[_Run] = []
    current: list[str] = []
    first = 0
    before: str | None = None
    previous: str | None = None
    skip = STOP | QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS | WEAK_MEET_WORDS
    def free_at(i: int) -> bool:
        return i < len(tokens) and i not in taken and (tokens[i] not in skip or tokens[i] in HONORIFICS)

    def joins(i: int) -> bool:
        """A joiner inside a phrase: "of" / "the" followed (past more joiners) by a free word."""
        while i < len(tokens) and tokens[i] in _JOINERS and i not in taken:
            i += 1
        return free_at(i)

    for i, token in enumerate(tokens):
        free = free_at(i) or (bool(current) and token in _JOINERS and joins(i))
        if free:
            if not current:
                before, first = previous, i
            current.append(token)
        else:
            if current:
                runs.append(_Run(current, before, first))
                current = []
            if token != "the":
                previous = token if i not in taken else None
    if current:
        runs.append(_Run(current, before, first))
    return [r for r in runs if any(t not in HONORIFICS for t in r.tokens) or len(r.tokens) > 1]


def _whole_person(tokens: list[str], lexicon: Lexicon) -> tuple[Person, str] | None:
    """The person these words name, when they are nothing but a name or a role phrase."""
    core = [t for t in tokens if t not in {"the", "mr", "mrs", "ms", "dr"}]
    if not core or len(core) > 8:
        return None
    found = lexicon.scan(core)
    if len(found) == 1 and all(
        found[0].start <= i < found[0].end or core[i] in HONORIFICS for i in range(len(core))
    ):
        return found[0].person, found[0].how
    role = lexicon.role(core)
    if role:
        return role, "role phrase"
    if len(core) <= 4 and not found:
        person = lexicon.fuzzy(core, by_word=False)
        if person:
            return person, "typo"
    return None


def _split_topic(tokens: list[str]) -> tuple[list[str], list[str]]:
    for i, token in enumerate(tokens):
        if token in TOPIC_MARKERS and content(tokens[i + 1:]):
            return tokens[:i], tokens[i + 1:]
    return tokens, []


def parse(question: str, lexicon: Lexicon, now: date) -> Query:
    """Read a question; never raises for any text."""
    span, rest = find_span(" ".join(words(question)), now)
    tokens = rest.split()
    q = Query(SEARCH, question, span=span)

    info = _INFO.match(rest)
    if info and not (set(info.group("x").split()) & (QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS)):
        whole = _whole_person(info.group("x").split(), lexicon)
        if whole:
            q.intent, q.persons = PERSON, [whole[0]]
            q.how = [whole[1]]
            return q
        if info.group("strict") and content(info.group("x").split()):
            q.intent, q.topic = ARTICLES, content(info.group("x").split())
            return q
    whole = _whole_person(tokens, lexicon) if tokens else None
    if whole:
        q.intent, q.persons, q.how = PERSON, [whole[0]], [whole[1]]
        return q

    main, topic = _split_topic(tokens)
    found = lexicon.scan(main)
    taken = {i for f in found for i in range(f.start, f.end)}
    placed = [(f.start, f.person, f.how) for f in found]  # people in the order the question names them
    quote = any(t in QUOTE_WORDS for t in main) or any(
        t in {"tell", "tells"} and main[i + 1:i + 2] not in (["me"], ["us"]) for i, t in enumerate(main))
    meet = any(t in MEET_WORDS for t in main) or bool(found and any(t in WEAK_MEET_WORDS for t in main))
    article = any(t in ARTICLE_WORDS for t in main)
    what_did = main[:1] == ["what"] and main[1:2] != [] and main[1] in {"did", "does", "do", "has", "have"}
    role_words: list[str] = []
    if meet and main[:1] in (["which"], ["what"]):
        for i in range(1, len(main)):
            stop = main[i] in STOP and not is_place_word(main[i])  # "which US senators"
            if i in taken or stop or main[i] in QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS | WEAK_MEET_WORDS:
                break
            role_words.append(main[i])
        q.partner_filter = lexicon.role_filter(role_words) if role_words else None
        q.partner_role = " ".join(role_words) if q.partner_filter else ""
        if q.partner_filter:
            taken |= set(range(1, 1 + len(role_words)))

    unresolved: list[list[str]] = []
    for run in _runs(main, taken):
        if meet and not quote and run.after in _PLACE_MARKERS:
            person = lexicon.role(run.tokens)
            if person is None:
                q.place += [t for t in run.tokens if t not in STOP]
                continue
            placed.append((run.start, person, "role phrase"))
            continue
        person = lexicon.role(run.tokens)
        how = "role phrase"
        if person is None and (quote or meet):
            person, how = lexicon.fuzzy(run.tokens), "typo"
        if person is not None:
            placed.append((run.start, person, how))
        else:
            unresolved.append(run.tokens)
    placed.sort(key=lambda x: x[0])
    persons = list({p.id: p for _, p, _ in placed}.values())
    q.how = [how for _, _, how in placed]
    if what_did and persons and not meet:
        quote, article = True, False  # "what did X <verb> (about Y)": what X said

    if quote and not persons and topic:
        topic, speaker = _speaker_in_topic(topic, lexicon)
        if speaker:
            persons = [speaker]
    q.persons = persons
    topic_words = content(topic)

    if quote:
        if persons:
            q.intent, q.topic = QUOTES_BY, topic_words
        elif unresolved and main and main[0] not in {"who", "whom", "which"} and not topic_words:
            q.intent, q.unknown = QUOTES_BY, " ".join(unresolved[0])
        else:
            q.intent = QUOTES_ABOUT
            q.topic = topic_words or [t for run in unresolved for t in run]
        return q
    if meet:
        q.intent = MEETINGS
        if not persons and unresolved and not q.place:
            q.unknown = " ".join(unresolved[0])
        return q
    if article or topic_words:
        q.intent, q.topic = ARTICLES, content(main) + topic_words
        return q
    if persons and not unresolved:
        q.intent, q.persons = PERSON, persons[:1]
        return q
    if span is not None and not content(tokens):
        q.intent = ARTICLES
        return q
    q.intent, q.topic = SEARCH, content(tokens)
    return q


def _speaker_in_topic(topic: list[str], lexicon: Lexicon) -> tuple[list[str], Person | None]:
    """'quotes on sanctions by Zelenskyy': the speaker named after "by"/"from" inside the topic clause."""
    for i, token in enumerate(topic):
        if token in _SPEAKER_MARKERS and i + 1 < len(topic):
            found = lexicon.scan(topic[i + 1:])
            if found and found[0].start == 0:
                end = i + 1 + found[0].end
                return topic[:i] + topic[end:], found[0].person
    return topic, None
