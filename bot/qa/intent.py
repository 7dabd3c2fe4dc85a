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
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import OSA

from bot.people import HONORIFICS, fold
from bot.qa.countries import other_forms
from bot.qa.names import Lexicon, Person, RoleFilter, is_place_word, plural_role
from bot.qa.text import (
    ARTICLE_WORDS,
    EVENT_NOUNS,
    GRAMMAR,
    MEET_WORDS,
    PLACE_VERBS,
    QUOTE_WORDS,
    SIDELINES,
    STOP,
    TALK_WORDS,
    TITLE_WORDS,
    TOPIC_MARKERS,
    TRIP_WORDS,
    WEAK_MEET_WORDS,
    content,
    meeting_phrases,
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
    partner_filter: RoleFilter | None = None  # "which first ladies met X": who counts
    partner_role: str = ""
    how: list[str] = field(default_factory=list)  # how names were read ("typo", "role phrase"), for the answer
    place_guess: str = ""  # words after "visited"/"in" that name no person: maybe a place no meeting was held at
    context: list[str] = field(default_factory=list)  # "said to <audience> at <occasion>": words that rank quotes
    context_people: list[Person] = field(default_factory=list)  # "what did X tell Y": Y ranks X's quotes
    context_label: str = ""  # the audience and occasion as the question puts them, for the answer
    latest: bool = False  # "when did X last meet Y": newest first
    any_of: list[list[str]] = field(default_factory=list)  # "jets / planes": topic alternatives (OR of groups)
    event: list[str] = field(default_factory=list)  # "on the sidelines of SPIEF", "at the CSTO summit": the occasion
    event_year: str = ""  # "SPIEF 2022": a year written with the occasion's name
    event_label: str = ""  # the occasion as the question writes it, for the answer
    where: bool = False  # "where did X and Y meet": the place is what is asked
    relation: str = ""  # "the father of X", "X's wife": the person asked about is known by a relation to X ...
    relation_of: int | None = None  # ... whose id this is; resolved from the articles before answering


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


_REPLY_WORDS = {"reaction", "reactions", "response", "responses", "responded", "reacted", "react", "respond",
                "reply", "replied", "answer", "answered"}
_BE = {"was", "were", "is", "are", "been", "be"}
_QUESTION_WORDS = {"who", "whom", "when", "where", "which"}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)\b")


CLAUSE = "zzz"  # stands for a dash, colon or semicolon between parts of a question ("X on Y - what did he say")
_CLAUSE_MARKS = re.compile(r"\s[-\u2013\u2014]+\s|\s?[\u2013\u2014]\s?|\s--\s|[:;]\s|[?!]\s+(?=\S)")
_SLASH = re.compile(r"(?<=[^\W\d_])\s*/\s*(?=[^\W\d_])")
_QUOTE_NOUNS = frozenset({"quote", "quotes", "quotation", "quotations", "statement", "statements", "remark", "remarks",
                          "comment", "comments", "words", "speech", "speeches", "message", "messages", "sayings"})
_SAY_VERBS = frozenset({"say", "said", "says", "saying", "tell", "told", "tells", "telling", "speak", "spoke",
                        "speaks", "speaking"})
_LATEST = frozenset({"last", "latest", "recent", "recently", "lately", "newest"})
RELATIONS = frozenset({
    "father", "mother", "son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister", "spouse",
    "parent", "parents", "grandfather", "grandmother", "grandson", "granddaughter", "uncle", "aunt", "nephew",
    "niece", "cousin", "fiance", "fiancee", "dad", "mom", "mum", "aide", "adviser", "advisor", "lawyer", "bodyguard",
})
"""Nouns that name a person by a relation to another ("the father of X", "X's wife")."""
_DETERMINERS = frozenset({"the", "a", "his", "her", "their"})


def _relation(main: list[str], start: int, end: int, question: str) -> tuple[str, int] | None:
    """A relation noun that names someone by the person at ``main[start:end]``: "the father of X" (the noun and
    its "of" before the name) or "X's father" (possessive, the noun right after); the relation and its index."""
    if start >= 2 and main[start - 1] == "of" and main[start - 2] in RELATIONS:
        return main[start - 2], start - 2
    if end < len(main) and main[end] in RELATIONS and re.search(
            re.escape(main[end - 1]) + r"['\u2019]s\s+" + re.escape(main[end]) + r"\b", fold(question)):
        return main[end], end
    return None


def _names_a_meeting(tokens: list[str], i: int, lexicon: Lexicon | None) -> bool:
    """Whether the words from ``i`` are a person's meeting ("on Yermak's video call", "on Putin's talks"): after
    "on" they say which meeting, not a topic."""
    if lexicon is None:
        return False
    found = lexicon.scan(tokens[i:i + 7])
    return bool(found) and found[0].start == 0 and tokens[i + found[0].end:i + found[0].end + 1] in (
        ["meeting"], ["meetings"], ["talks"], ["summit"], ["negotiations"])


def _participle(tokens: list[str], i: int, lexicon: Lexicon) -> bool:
    """A verb that introduces what quotes say: "quotes calling Russia ...", "statements comparing ...",
    "Zelenskyy quotes saying that ..." (after a quote noun or a name)."""
    t = tokens[i]
    if i == 0 or len(t) < 6 or not t.endswith("ing") or t in STOP or t in MEET_WORDS | ARTICLE_WORDS | WEAK_MEET_WORDS:
        return False
    if lexicon.knows(t) or t in lexicon.places:
        return False
    return tokens[i - 1] in _QUOTE_NOUNS or lexicon.knows(tokens[i - 1])


def _split_topic(tokens: list[str], lexicon: Lexicon | None = None) -> tuple[list[str], list[str]]:
    """The words before the topic clause (and after its end, a dash or colon), and the topic clause."""
    quotes = bool(set(tokens) & (QUOTE_WORDS | TALK_WORDS))
    audience = False  # after "said to X" / "told X", "on" is the occasion, not the topic
    for i, token in enumerate(tokens):
        if token == CLAUSE:
            continue
        marker = token in TOPIC_MARKERS and not (audience and token == "on") and not (
            token == "on" and _names_a_meeting(tokens, i + 1, lexicon)) or (
            token == "to" and i > 0 and tokens[i - 1] in _REPLY_WORDS)
        marker = marker or bool(quotes and lexicon is not None and _participle(tokens, i, lexicon))
        if marker and content([t for t in tokens[i + 1:] if t != CLAUSE], meeting_words=quotes):
            end = tokens.index(CLAUSE, i) if CLAUSE in tokens[i:] else len(tokens)
            topic = tokens[i + 1:end]
            if content(topic, meeting_words=quotes):
                return [t for t in tokens[:i] + tokens[end:] if t != CLAUSE], topic
        if token in {"tell", "told", "tells"} or token == "to" and i > 0 and tokens[i - 1] in _SAY_VERBS:
            audience = True
    return [t for t in tokens if t != CLAUSE], []


def _alternatives(topic: list[str]) -> list[list[str]]:
    """Topic words split at "or" ("fighter jets / planes"): each group is one alternative, when there are two."""
    groups: list[list[str]] = [[]]
    for t in topic:
        if t == "or":
            groups.append([])
        else:
            groups[-1].append(t)
    groups = [content(g) for g in groups]
    groups = [g for g in groups if g]
    return groups if len(groups) > 1 else []


def _iso_dates(question: str) -> str:
    """'16.06.2022' (day first) and '06/16/2022' (month first unless the first number cannot be one) as ISO days."""
    def iso(m: re.Match) -> str:
        a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        day, month = (a, b) if sep == "." or a > 12 else (b, a)
        return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else m.group(0)

    return _NUMERIC_DATE.sub(iso, question)


_VOCAB = sorted(GRAMMAR | TITLE_WORDS | TALK_WORDS)


def _fix_typos(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """A mistyped grammar word ("qoutes", "meetng", "statments") read as the word; names and inflections kept."""
    out = []
    for t in tokens:
        if len(t) >= 5 and not t.isdigit() and t not in STOP and t not in GRAMMAR and not lexicon.knows(t):
            for w in _VOCAB:
                if (w[0] == t[0] and abs(len(w) - len(t)) <= 1 and w[:-1] != t[:-1] and w.rstrip("s") != t.rstrip("s")
                        and not w.startswith(t) and not t.startswith(w)  # "state" is not a typo of "stated"
                        and OSA.distance(t, w, score_cutoff=1) <= 1):
                    t = w
                    break
        out.append(t)
    return out


def _name_like(question: str, run: list[str]) -> bool:
    """Whether words were written like a name: capitalized where a sentence does not start."""
    for m in re.finditer(r"[^\W\d_]+", question):
        if fold(m.group(0)) == run[0] and m.group(0)[:1].isupper() and question[: m.start()].strip(" \t\"'"):
            return True
    return False


_EVENT_AFTER = frozenset({"at", "during", "on", "for", "of"})


def _event(tokens: list[str], after: str | None, nxt: str | None, question: str, lexicon: Lexicon) -> list[str]:
    """The words naming an occasion, when a run of a meeting question names one: after "sidelines of"
    ("on the sidelines of SPIEF"), before or ending in an occasion noun ("at the CSTO summit", "during the Eastern
    Economic Forum"), or a capitalized name or acronym after "at"/"during" that is no known place ("at Davos")."""
    core = list(tokens)
    sidelines = False
    while core and (core[0] in SIDELINES or core[0] in {"of", "the", "on"}):
        sidelines = sidelines or core[0] in SIDELINES
        core = core[1:]
    sidelines = sidelines or after in SIDELINES
    noun = bool(nxt) and (nxt in EVENT_NOUNS or nxt == "summit")
    nouns = []
    while core and core[-1] in EVENT_NOUNS | TRIP_WORDS:
        noun = noun or core[-1] in EVENT_NOUNS
        nouns.insert(0, core.pop())
    name = [t for t in core if t not in STOP and t not in TRIP_WORDS and (len(t) > 1 or t.isdigit())]
    if not name:
        return [t for t in nouns if t in EVENT_NOUNS] if (sidelines or noun) and after in _EVENT_AFTER else []
    if sidelines or noun and (after in _EVENT_AFTER or after is None):
        return name
    if after in {"at", "during"} and _name_like(question, name) and not lexicon.is_place(name) and (
            lexicon.role(name) is None):
        return name
    return []


def _event_year(question: str, event: list[str]) -> str:
    """'SPIEF 2022', 'the 2022 CSTO summit': a year written next to the occasion's name."""
    folded = " ".join(words(question))
    last, first = re.escape(event[-1]), re.escape(event[0])
    m = re.search(rf"\b{last}(?:\s+(?:{'|'.join(sorted(EVENT_NOUNS))}))?\s+((?:19|20)\d\d)\b", folded) or re.search(
        rf"\b((?:19|20)\d\d)\s+(?:the\s+)?{first}\b", folded)
    return m.group(1) if m else ""


def _before(tokens: list[str], i: int) -> str | None:
    """The word before position ``i``, skipping "the" and honorifics."""
    j = i - 1
    while j >= 0 and (tokens[j] == "the" or tokens[j] in {"mr", "mrs", "ms", "dr", "president"}):
        j -= 1
    return tokens[j] if j >= 0 else None


def parse(question: str, lexicon: Lexicon, now: date) -> Query:
    """Read a question; never raises for any text."""
    marked = _CLAUSE_MARKS.sub(f" {CLAUSE} ", _SLASH.sub(" or ", _iso_dates(question)))
    span, rest = find_span(meeting_phrases(" ".join(words(marked))), now)
    marked_tokens = _fix_typos(rest.split(), lexicon)
    while marked_tokens[:1] == [CLAUSE]:
        marked_tokens = marked_tokens[1:]
    tokens = [t for t in marked_tokens if t != CLAUSE]
    rest = " ".join(tokens)
    q = Query(SEARCH, question, span=span)
    q.latest = bool(set(tokens) & _LATEST)
    q.where = "where" in tokens or bool(re.search(r"\b(?:which|what)\s+(?:city|cities|place|places|venue|venues|"
                                                  r"location|locations|town|country|countries)\b", rest))

    does_do = tokens[:2] in (["what", "does"], ["what", "do"]) and tokens[-1:] in (["do"], ["does"])
    if (set(tokens) & TITLE_WORDS or does_do) and not set(tokens) & (QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS
                                                                       | TALK_WORDS):
        named = lexicon.scan(tokens)  # "what is Draghi's title", "what position does Costa hold"
        if len(named) == 1 and not any(t in TOPIC_MARKERS for t in tokens[named[0].end:]):
            q.intent, q.persons, q.how = PERSON, [named[0].person], [named[0].how]
            return q
    info = _INFO.match(rest)
    if info and not (set(info.group("x").split()) & (QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS)) and (
            info.group("x").split()[0] not in _PLACE_MARKERS | {"to", "with"}):
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

    main, topic = _split_topic(marked_tokens, lexicon)
    q.any_of = _alternatives(topic)
    found = lexicon.scan(main)
    taken = {i for f in found for i in range(f.start, f.end)}
    for f in found:  # "the father of X": someone known by a relation to X, found in the articles when answering
        rel = _relation(main, f.start, f.end, question)
        if rel and not q.relation:
            q.relation, q.relation_of = rel[0], f.person.id
            taken.add(rel[1])
    placed = [(f.start, f.person, f.how) for f in found]  # people in the order the question names them
    quote = any(t in QUOTE_WORDS for t in main) or any(
        t in {"tell", "tells"} and main[i + 1:i + 2] not in (["me"], ["us"]) for i, t in enumerate(main))
    weak = any(t in WEAK_MEET_WORDS for t in main)
    meet = any(t in MEET_WORDS for t in main) or bool(found and weak)
    article = any(t in ARTICLE_WORDS for t in main)
    for i, t in enumerate(main):  # "talked with X" is a meeting, "talked about X" (the topic clause) a quote
        if t in TALK_WORDS:
            if main[i + 1:i + 2] in (["with"], ["to"]) and not topic:
                meet = True
            else:
                quote = True
    what_did = main[:1] == ["what"] and main[1:2] != [] and main[1] in {"did", "does", "do", "has", "have"}
    role_words: list[str] = []
    if (meet or weak and not quote) and main[:1] in (["which"], ["what"]):
        for i in range(1, len(main)):
            stop = main[i] in STOP and not is_place_word(main[i])  # "which US senators"
            if i in taken or stop or main[i] in QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS | WEAK_MEET_WORDS:
                break
            role_words.append(main[i])
        q.partner_filter = lexicon.role_filter(role_words) if role_words else None
        q.partner_role = " ".join(role_words) if q.partner_filter else ""
        if q.partner_filter:
            taken |= set(range(1, 1 + len(role_words)))

    runs = _runs(main, taken)
    if weak and not meet and not quote and not article and any(lexicon.role(r.tokens) for r in runs):
        meet = True  # "who has the Chinese leader received": a person named by a role
    be_where = bool(main[:1]) and main[0] in _QUESTION_WORDS and any(t in _BE for t in main)
    if not quote and not article:
        for run in runs:  # "when was Bettel in Kyiv", "who was in Minsk", "did Johnson visit Kyiv"
            if run.after in PLACE_VERBS and lexicon.role(run.tokens) is None and (
                    lexicon.is_place(run.tokens) and (found or main[0] in _QUESTION_WORDS or meet)
                    or be_where and run.after in _PLACE_MARKERS):
                meet = True
    unresolved: list[list[str]] = []
    for run in runs:
        end = run.start + len(run.tokens)
        event = _event(run.tokens, run.after, main[end] if end < len(main) else None, question, lexicon) if (
            meet and not quote) else []
        if event:
            q.event += [t for t in event if t not in q.event]
            continue
        if meet and not quote and (run.after in _PLACE_MARKERS or run.after in PLACE_VERBS
                                   and lexicon.is_place(run.tokens)):
            person = lexicon.role(run.tokens)
            if person is None:
                q.place += [t for t in run.tokens if t not in STOP]
                continue
            placed.append((run.start, person, "role phrase"))
            continue
        if meet and not quote and not q.partner_filter and (run.after in {"any", "some", "all"}
                                                            or plural_role(run.tokens)):
            q.partner_filter = lexicon.role_filter(run.tokens)  # "did X meet any Polish ministers"
            if q.partner_filter:
                q.partner_role = " ".join(run.tokens)
                continue
        if meet and run.after == "from" and not q.partner_filter and all(is_place_word(t) for t in run.tokens
                                                                         if t not in STOP):
            q.partner_filter = lexicon.role_filter(run.tokens)  # "did Zelenskyy meet anyone from Poland"
            if q.partner_filter:
                q.partner_role = "from " + " ".join(run.tokens).title()
                continue
        person = lexicon.role(run.tokens)
        how = "role phrase"
        if person is None and (quote or meet):
            person, how = lexicon.fuzzy(run.tokens), "typo"
        if person is not None:
            placed.append((run.start, person, how))
        else:
            unresolved.append(run.tokens)
            if meet and run.after in PLACE_VERBS and not q.place_guess:
                q.place_guess = " ".join(run.tokens)
    placed.sort(key=lambda x: x[0])
    persons = list({p.id: p for _, p, _ in placed}.values())
    q.how = [how for _, _, how in placed]
    if what_did and persons and not meet:
        quote, article = True, False  # "what did X <verb> (about Y)": what X said
    verbless = not (quote or meet or article)
    if persons and not meet and any(_before(main, start) == "from" for start, _, _ in placed):
        quote = True  # "anything from Shoigu", "latest from Zelenskyy": what they said
    if verbless and persons and content(topic):
        quote = True  # "Scholz on IRIS systems", "Macron about Europe": what they said on it
    if verbless and (len(persons) > 1 and not unresolved or persons and main[:1] == ["where"]):
        meet = True  # "Putin and Lukashenko", "where was Johnson on 9 April": their meetings

    if quote and not persons and topic:
        topic, speaker = _speaker_in_topic(topic, lexicon)
        if speaker:
            persons = [speaker]
    q.persons = persons
    topic_words = content(topic, meeting_words=quote)  # in a quote question "visit", "talks" are what it is about

    if quote:
        named_unknown = [run for run in unresolved if _said_by(main, run, question, strict=True)]
        if persons:
            q.intent, q.topic = QUOTES_BY, topic_words
            if not topic_words:  # "what did X say to Y at Z": Y and Z rank X's quotes
                q.context_people = persons[1:]
                extra = [t for run in unresolved for t in run if t not in STOP and len(t) > 1]
                q.context = list(dict.fromkeys(extra + [f for t in extra for f in other_forms(t)]))
                q.context_label = " ".join([p.name for p in persons[1:]] + extra)
        elif (named_unknown and main and main[0] not in {"who", "whom", "which"} and not topic_words):
            q.intent, q.unknown = QUOTES_BY, " ".join(named_unknown[0])
        else:
            q.intent = QUOTES_ABOUT
            q.topic = topic_words or [t for run in unresolved for t in run]
        return q
    if meet:
        q.intent = MEETINGS
        if topic and not q.event:  # "who did X meet on the sidelines of SPIEF": the clause names the occasion
            q.event = _event(topic, None, None, question, lexicon)
        if q.event:
            q.event_year = _event_year(question, q.event)
            q.event_label = " ".join(_written(question, q.event) + ([q.event_year] if q.event_year else []))
        if not persons and unresolved and not q.place:
            q.unknown = " ".join(unresolved[0])
        return q
    if article or topic_words:
        q.intent, q.topic = ARTICLES, content(main) + topic_words
        if not persons:  # "news about Zelenskyy": the articles that name him
            whole = _whole_person(q.topic, lexicon)
            q.persons = [whole[0]] if whole and whole[1] not in {"typo", "role phrase"} else []
        return q
    if persons and not unresolved:
        q.intent, q.persons = PERSON, persons[:1]
        return q
    if span is not None and not content(tokens):
        q.intent = ARTICLES
        return q
    q.intent, q.topic = SEARCH, content(tokens)
    return q


def _written(question: str, folded: list[str]) -> list[str]:
    """Folded words as the question writes them ("spief" -> "SPIEF")."""
    written = {fold(m.group(0)).lower(): m.group(0) for m in re.finditer(r"[^\W_]+", question)}
    return [written.get(t, t) for t in folded]


def _said_by(main: list[str], run: list[str], question: str, *, strict: bool = False) -> bool:
    """Whether unknown words in a quote question stand where a speaker does ("what did X say", "quotes by X",
    "Merkel's quotes") rather than a topic ("sanctions quotes"). ``strict``: only when written like a name
    (capitalized or possessive); lower-case common words that name nobody are topic words."""
    at = next((i for i in range(len(main)) if main[i:i + len(run)] == run), 0)
    if at > 0 and not strict:
        return True
    possessive = re.search(re.escape(run[-1]) + r"['\u2019]s\b", fold(question), re.IGNORECASE)
    return bool(possessive) or _name_like(question, run)


def _speaker_in_topic(topic: list[str], lexicon: Lexicon) -> tuple[list[str], Person | None]:
    """'quotes on sanctions by Zelenskyy': the speaker named after "by"/"from" inside the topic clause."""
    for i, token in enumerate(topic):
        if token in _SPEAKER_MARKERS and i + 1 < len(topic):
            found = lexicon.scan(topic[i + 1:])
            if found and found[0].start == 0:
                end = i + 1 + found[0].end
                return topic[:i] + topic[end:], found[0].person
    return topic, None
