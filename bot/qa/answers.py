"""Retrieval for each kind of question, and the answer built from what was found."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bot.people import fold
from bot.qa import render
from bot.qa.countries import other_forms
from bot.qa.intent import ARTICLES, MEETINGS, PERSON, QUOTES_ABOUT, QUOTES_BY, SEARCH, Query
from bot.qa.names import Person
from bot.qa.result import Answer, ArticleItem, MeetingItem, QuoteItem, Source
from bot.qa.text import words
from bot.store import Store
from bot.store import queries as sql

MEETING_ROWS = 100
QUOTE_LIMIT = 10
CONTEXT_POOL = 100  # a speaker's newest quotes ranked by an audience or occasion ("what did X say to Y")
ARTICLE_LIMIT = 10


def _when(q: Query) -> str:
    return f" {q.span.label}" if q.span else ""


def nothing(q: Query, what: str, note: str = "") -> Answer:
    """The honest empty answer, naming what was searched."""
    return Answer(q.intent, f"I found nothing about {what}{_when(q)}.{note}")


def _unknown(q: Query, kind: str) -> Answer:
    return Answer(q.intent, f"I found nothing about {kind} \u201c{q.unknown}\u201d: nobody of that name is in the "
                            "articles I have.")


def _how(q: Query) -> str:
    notes = [f"(read \u201c{p.name}\u201d from a {how})" if how in {"role phrase", "typo", "spelling variant"}
             else f"(read \u201c{p.name}\u201d as {how[len('relation: '):]})"
             for p, how in zip(q.persons, q.how, strict=False)
             if how in {"role phrase", "typo", "spelling variant"} or how.startswith("relation: ")]
    return (" " + " ".join(notes)) if notes else ""


# ------------------------------------------------------------------ relations

RELATION_ARTICLES = 5  # reports read for who is "the father of X"


def _related_in(text: str, name: str, relation: str, forms: set[str]) -> bool:
    """Whether a report calls ``name`` the ``relation`` of someone named by ``forms``: "Artem Zhoga, the father of
    Vladimir Zhoga", "Zhoga's father Artem Zhoga", "X's wife, Y"."""
    t, n = fold(text), re.escape(fold(name))
    of = "|".join(re.escape(f) for f in sorted(forms))
    return bool(re.search(rf"\b{n},?\s+(?:who\s+is\s+)?(?:the\s+|a\s+|his\s+|her\s+)?{relation}\s+of\b[^.;]{{0,80}}?"
                          rf"\b(?:{of})\b", t)
                or re.search(rf"\b(?:{of})'s\s+{relation},?\s+(?:[a-z.-]+\s+){{0,3}}?{n}\b", t)
                or re.search(rf"\b{n},?\s+(?:[a-z-]+\s+){{0,4}}?(?:{of})'s\s+{relation}\b", t))


async def resolve_relation(store: Store, q: Query, people: dict[int, Person]) -> Answer | None:
    """'The father of X': the person a title or a report names so, put in X's place in the query; an honest empty
    answer when no report says who that is."""
    base = people.get(q.relation_of) if q.relation_of is not None else None
    if base is None or base.id not in {p.id for p in q.persons}:
        return None
    forms = set(base.forms) | {words(base.name)[-1]} if words(base.name) else set(base.forms)
    label = f"the {q.relation} of {base.name}"
    found: Person | None = None
    rel = sql.fts_match([q.relation])
    named = sql.fts_match(sorted(forms), mode="OR")
    if rel and named:
        ids = await sql.articles_naming(store, f"{rel} AND ({named})", limit=RELATION_ARTICLES)
        texts = await sql.article_texts(store, ids)
        for r in await sql.people_in_articles(store, ids):
            other = people.get(r["person_id"])
            if other is None or other.id == base.id:
                continue
            title = set(words(r["title"] or ""))
            if q.relation in title and title & forms or _related_in(texts.get(r["article_id"], ""), r["name"],
                                                                    q.relation, forms):
                found = other
                break
    if found is None:
        return Answer(q.intent, f"I found nothing about {label}: no article I have says who that is.")
    at = next(i for i, p in enumerate(q.persons) if p.id == base.id)
    q.persons = [found if i == at else p for i, p in enumerate(q.persons) if p.id != found.id or i == at]
    how = list(q.how) + [""] * (len(q.persons) - len(q.how))
    how[at] = f"relation: {label}"
    q.how = how
    q.context_people = [p for p in q.context_people if p.id != found.id]
    return None


# ------------------------------------------------------------------ meetings


def _day(iso: str) -> int:
    """A day as a number that orders like the ISO string (about one unit a day; no calendar needed)."""
    try:
        return int(iso[:4]) * 372 + int(iso[5:7]) * 31 + int(iso[8:10])
    except (TypeError, ValueError):
        return 0


@dataclass(slots=True)
class _Group:
    """The meetings of one participant set, kept sorted by first day for overlap look-ups."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    items: list[MeetingItem] = field(default_factory=list)
    widest: int = 0

    def overlapping(self, first: int, last: int) -> list[int]:
        """Indexes of up to two items whose span overlaps [first, last]."""
        found = []
        j = bisect.bisect_right(self.starts, last) - 1
        while j >= 0 and self.starts[j] >= first - self.widest and len(found) < 2:
            if self.ends[j] >= first:
                found.append(j)
            j -= 1
        return found

    def add(self, first: int, last: int, item: MeetingItem) -> None:
        j = bisect.bisect_right(self.starts, first)
        self.starts.insert(j, first)
        self.ends.insert(j, last)
        self.items.insert(j, item)
        self.widest = max(self.widest, last - first)


def merge_meetings(rows, parts: dict[int, list[tuple[int, str]]]) -> list[MeetingItem]:
    """One item per meeting: reports with the same participants and overlapping dates are merged.

    Most precise dates are placed first; a vaguer report joins the one meeting it overlaps
    (when it overlaps several, it stays apart). Sorted by date.
    """
    groups: dict[frozenset[int], _Group] = {}
    ordered = sorted(rows, key=lambda r: (r["date_end"] > r["date_start"], r["date_end"], r["date_start"], r["id"]))
    for r in ordered:
        members = parts.get(r["id"], [])
        key = frozenset(pid for pid, _ in members)
        if len(key) < 2:
            continue
        source = Source(r["article_id"], r["title"], r["article_date"], r["url"])
        first, last = _day(r["date_start"]), _day(r["date_end"])
        group = groups.setdefault(key, _Group())
        same = group.overlapping(first, last)
        if len(same) == 1:
            item = group.items[same[0]]
            if source not in item.sources:
                item.sources.append(source)
                item.sources.sort(key=lambda s: (s.date, s.article_id))
            item.place = item.place or r["place"]
            continue
        group.add(first, last, MeetingItem(
            participants=[name for _, name in members], date=r["date"] or r["article_date"],
            start=r["date_start"], end=r["date_end"], place=r["place"] or None, sources=[source],
            participant_ids=[pid for pid, _ in members],
        ))
    items = [item for group in groups.values() for item in group.items]
    return sorted(items, key=lambda i: (i.start, i.end, i.sources[0].article_id))


def _place_ok(item: MeetingItem, place: list[str]) -> bool:
    have = set(words(item.place or ""))
    return all(p in have for p in place)


async def meetings(store: Store, q: Query) -> Answer:
    start, end = q.span.iso if q.span else (None, None)
    if q.unknown and not q.persons and not q.place:
        # "who visited Kyiv": words that name no person may name the place
        place_words = q.unknown.split()
        if await sql.meetings_in(store, start=start, end=end, place=place_words, limit=1):
            q.place, q.unknown = place_words, None
    if q.unknown and q.place_guess:
        where = q.place_guess.title()
        return Answer(q.intent, f"I found nothing about meetings in or with \u201c{where}\u201d{_when(q)}: no "
                                "meeting place and nobody of that name is in the articles I have.")
    if q.unknown:
        return _unknown(q, "meetings of")
    place = f" in {' '.join(q.place).title()}" if q.place else ""
    event_rows = await _event_meetings(store, q, start, end) if q.event else []
    event_note = ""
    if event_rows:
        rows = event_rows
        place += f" at {q.event_label}"
        subject = "meetings" + "".join(f" of {p.name}" for p in q.persons[:1]) + "".join(
            f" with {p.name}" for p in q.persons[1:]) + place
    elif not q.persons:
        rows = await sql.meetings_in(store, start=start, end=end, place=q.place, limit=MEETING_ROWS)
        subject = f"meetings{place}"
    else:
        focus, others = q.persons[0], [p.id for p in q.persons[1:]]
        rows = await sql.meetings_of(store, focus.id, with_ids=others, start=start, end=end, limit=MEETING_ROWS)
        subject = f"meetings of {focus.name}" + "".join(f" with {p.name}" for p in q.persons[1:]) + place
    if q.event and not event_rows:
        event_note = (f"No report of a meeting{_when(q)} mentions \u201c{q.event_label}\u201d; "
                      "these are all the meetings asked about, without that occasion.")
    parts: dict[int, list[tuple[int, str]]] = {}
    for p in await sql.participants(store, [r["id"] for r in rows]):
        parts.setdefault(p["meeting_id"], []).append((p["person_id"], p["name"]))
    items = merge_meetings(rows, parts)
    if q.place:  # at the place; a meeting whose place was not read counts when its report names the place
        unplaced = [i.sources[0].article_id for i in items if not i.place]
        match = sql.fts_match(q.place)
        named = await sql.articles_matching(store, match, unplaced) if match and q.persons else set()
        items = [i for i in items if _place_ok(i, q.place) or not i.place and i.sources[0].article_id in named]
    asked = {p.id for p in q.persons}
    fits = q.partner_filter or (lambda pid: True)
    note = ""
    by_headline: set[int] = set()
    if q.partner_filter and items:
        role = q.partner_filter
        # a partner fits by a title, or, when their titles leave it open, by the headline of the report
        by_headline = {pid for i in items for pid in i.participant_ids if pid not in asked and not role(pid)
                       and any(role.fits_with(pid, s.title) for s in i.sources)}
        fits = lambda pid: pid in by_headline or role(pid)  # noqa: E731
        kept = [i for i in items if any(fits(pid) for pid in i.participant_ids if pid not in asked)]
        headline = [i for i in items if any(q.partner_filter.fits_text(s.title) for s in i.sources)]
        if kept:
            items = kept
        elif headline:  # no title says it, but the report's headline does ("met with a delegation of US senators")
            items, fits = headline, (lambda pid: True)  # noqa: E731
            note = f"\n(Read {q.partner_role} from the headlines of the reports; the articles give no such titles.)"
        else:  # the articles give no such titles: show the meetings, and say the role was not checked
            fits = lambda pid: True  # noqa: E731
            note = f"\n(No title in the articles says which of them are {q.partner_role}; these are all of them.)"
    if not items:
        extra = f" (nor any report mentioning \u201c{q.event_label}\u201d)" if q.event and not event_rows else ""
        return nothing(q, subject + extra, _how(q))
    note = "\n".join(n for n in (note.strip(), event_note) if n)
    focus_names = {q.persons[0].name} if q.persons else set()
    focus_ids = {q.persons[0].id} if q.persons else set()
    if q.persons and not q.place and not event_rows and len(rows) >= MEETING_ROWS:
        partners = await sql.meeting_partners(store, q.persons[0].id, with_ids=[p.id for p in q.persons[1:]],
                                              start=start, end=end)
        people = [r["name"] for r in partners if fits(r["id"]) or r["id"] in asked]
    else:
        people = list(dict.fromkeys(
            n for i in items for pid, n in zip(i.participant_ids, i.participants, strict=False)
            if pid not in focus_ids and (fits(pid) or pid in asked)
        ))
    if not q.persons and q.place and q.question.strip().lower().startswith("who") and len(items) > 1:
        # "who visited Kyiv": the visitors; someone in most of the meetings there is the host
        seen: dict[int, int] = {}
        for i in items:
            for pid in set(i.participant_ids):
                seen[pid] = seen.get(pid, 0) + 1
        hosts = {pid for pid, n in seen.items() if n > 1 and 2 * n > len(items)}
        names = {pid: n for i in items for pid, n in zip(i.participant_ids, i.participants, strict=False)}
        visitors = [n for n in people if not any(names.get(h) == n for h in hosts)]
        people = visitors or people
    if q.persons:
        who = q.persons[0].name
        if len(q.persons) > 1:
            header = f"{who} met {', '.join(p.name for p in q.persons[1:])}{_when(q)}{place}:"
        else:
            header = f"{who} met {len(people)} {'person' if len(people) == 1 else 'people'}{_when(q)}{place}:"
    else:
        header = f"{len(items)} meeting(s){_when(q)}{place}:"
    from_headlines = [n for i in items for pid, n in zip(i.participant_ids, i.participants, strict=False)
                      if pid in by_headline and n in people]
    if from_headlines and not note:
        note = (f"\n(Read {q.partner_role} from the headlines of the reports for "
                f"{', '.join(dict.fromkeys(from_headlines))}: their titles do not say it.)")
    elif q.partner_filter and not note:
        header = header.replace(" met ", f" met {len(people)} {q.partner_role}: " if q.persons else " met ", 1)
        header = header.split(": ", 1)[0] + f"{_when(q)}{place}:" if q.persons and len(q.persons) == 1 else header
    if q.latest:  # "when were X and Y last together": the latest first
        items = sorted(items, key=lambda i: (i.end, i.start), reverse=True)
    if q.where:
        header, lines, where_note = await _where(store, q, items, focus_names)
        note = "\n".join(n for n in (note.strip(), where_note) if n)
    else:
        lines = [render.meeting_line(i, focus_names) for i in items]
    return Answer(MEETINGS, render.listing(header + _how(q), lines, note.strip() or None), people=people, items=items)


async def _event_meetings(store: Store, q: Query, start: str | None, end: str | None) -> list:
    """Meetings reported by articles that name the occasion (FTS over titles and texts, limited), with the people
    asked about; the occasion with its year first ("SPIEF 2022"), then without."""
    tries = [[*q.event, q.event_year], q.event] if q.event_year else [q.event]
    for terms in tries:
        match = sql.fts_match(terms)
        if match is None:
            continue
        ids = await sql.articles_naming(store, match, start=start, end=end)
        rows = await sql.meetings_in_articles(store, ids, person_ids=[p.id for p in q.persons], start=start, end=end,
                                              limit=MEETING_ROWS)
        if rows:
            return rows
    return []


_PLACE_SENTENCE = re.compile(r"[^.!?\n]*\b(?:in|at)\s+(?:the\s+)?[A-Z][^.!?\n]*[.!?]?")
WHERE_TEXTS = 5  # reports read for a sentence that places a meeting whose place was not stored


async def _where(store: Store, q: Query, items: list[MeetingItem], focus: set[str]) -> tuple[str, list[str], str]:
    """'Where did X and Y meet': the places first; a meeting with no stored place is still listed, said so, with the
    report's sentence that names where it happened, when there is one."""
    places = list(dict.fromkeys(i.place for i in items if i.place))
    who = q.persons[0].name if q.persons else "they"
    with_whom = f" and {', '.join(p.name for p in q.persons[1:])}" if len(q.persons) > 1 else ""
    unplaced = [i for i in items if not i.place]
    if places:
        header = f"{who}{with_whom} met in {'; '.join(places)}{_when(q)}:"
    else:
        header = f"The place where {who}{with_whom} met is not given in the articles{_when(q)}; the meeting(s):"
    texts = await sql.article_texts(store, list(dict.fromkeys(i.sources[0].article_id for i in unplaced))[:WHERE_TEXTS])
    lines = []
    for i in items:
        others = [p for p in i.participants if p not in focus] or i.participants
        said = ""
        if not i.place:
            names = {w for n in i.participants for w in words(n)[-1:]}
            for m in _PLACE_SENTENCE.finditer(texts.get(i.sources[0].article_id, "")):
                if names & set(words(m.group(0))):
                    said = f" (the report: \u201c{m.group(0).strip()[:300]}\u201d)"
                    break
        where = i.place or "place not given"
        lines.append(f"{where} — {', '.join(others)}, {render.when(i.date)}{said} — {render.sources(i.sources)}")
    note = (f"The place of {len(unplaced)} of these meetings is not given in the articles."
            if unplaced and places else "")
    return header, lines, note


# ------------------------------------------------------------------ quotes


def _quote_items(rows) -> list[QuoteItem]:
    seen: set[int] = set()
    items = []
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        items.append(QuoteItem(r["text"], r["speaker"], Source(r["article_id"], r["title"], r["date"], r["url"])))
    return items


async def _search_quotes(store: Store, q: Query, by: Person | None, terms: list[str] | None = None,
                         limit: int = QUOTE_LIMIT) -> tuple[list, bool]:
    """Quotes with all topic words, else with some of them (said so); bm25 then date.

    With alternatives ("fighter jets / planes"), quotes with all words of any one alternative."""
    start, end = q.span.iso if q.span else (None, None)
    terms = q.topic if terms is None else terms
    person_ids = [by.id] if by else []
    speaker = sql.fts_match(sorted(by.forms), mode="OR", column="speaker") if by else None
    rows: list = []
    if q.any_of and terms is q.topic:
        match = sql.fts_any(q.any_of, column="text")
        if match is not None:
            if speaker:
                match = f"({match}) AND ({speaker})"
            rows = await sql.search_quotes(store, match, person_ids=person_ids, start=start, end=end, limit=limit)
            return rows, False
    for mode in ("AND", "OR"):
        if mode == "OR" and len(sql.fts_terms(" ".join(terms))) < 2:
            break
        wide = terms + [f for t in terms for f in other_forms(t)] if mode == "OR" else terms  # "russia": "russian"
        match = sql.fts_match(wide, mode=mode, column="text")
        if match is None:
            break
        if speaker:
            match = f"({match}) AND ({speaker})"
        rows = await sql.search_quotes(store, match, person_ids=person_ids, start=start, end=end,
                                       limit=limit if mode == "AND" else limit * 3)
        if rows:
            if mode == "OR":  # most of the topic's words first, then bm25
                rows = sorted(rows, key=lambda r: -len(shared_words(terms, r["text"])))[:limit]
            return rows, mode == "OR"
    return rows, False


def _stem(word: str) -> str:
    return word[:max(4, len(word) - 3)] if len(word) > 4 else word


def shared_words(terms: list[str], text: str) -> list[str]:
    """The topic words a text shares, by a crude stem ("visit" ~ "visits", "russia" ~ "russian")."""
    have = set(words(text))
    out = []
    for t in terms:
        forms = [t, *other_forms(t)]
        if any(w == f or w.startswith(_stem(f)) for f in forms for w in have):
            out.append(t)
    return out


def _partial_note(q: Query, items: list[QuoteItem]) -> str:
    best = shared_words(q.topic, items[0].text) if items else []
    first = f" (the first shares: {', '.join(best)})" if best else ""
    return f"No quote has all of those words; these have some of them, those sharing most first{first}."


async def _ranked_by_context(store: Store, q: Query, person: Person) -> tuple[list, str | None]:
    """"What did X say to Y at Z": X's quotes, those with all the audience/occasion words first, then with any,
    then those from reports that mention Y or Z, then the rest; and a note saying how they were ranked."""
    start, end = q.span.iso if q.span else (None, None)
    pool = await sql.quotes_by(store, [person.id], start=start, end=end, limit=CONTEXT_POOL)
    if not pool:
        return [], None
    names = [w for p in q.context_people for w in words(p.name)[-1:]]
    terms = list(dict.fromkeys(names + q.context))
    label = f"\u201c{q.context_label}\u201d"
    tiers: list[list] = [[], [], []]
    if terms:
        speaker = sql.fts_match(sorted(person.forms), mode="OR", column="speaker")
        match = sql.fts_match(terms, column="text")
        if match and speaker:
            tiers[0] = list(await sql.search_quotes(store, f"({match}) AND ({speaker})", person_ids=[person.id],
                                                    start=start, end=end, limit=QUOTE_LIMIT))
        if len(sql.fts_terms(" ".join(terms))) > 1:
            some, _ = await _search_quotes(store, q, person, terms=terms)
            tiers[1] = list(some)
    articles = list(dict.fromkeys(r["article_id"] for r in pool))
    score: dict[int, int] = {}  # a report naming the audience counts most, then one with all the words, then any
    for points, found in (
        (4, await sql.articles_mentioning(store, [p.id for p in q.context_people], articles)),
        (2, await sql.articles_matching(store, sql.fts_match(q.context), articles) if sql.fts_match(q.context)
         else set()),
        (1, await sql.articles_matching(store, sql.fts_match(terms, mode="OR"), articles) if terms else set()),
    ):
        for a in found:
            score[a] = score.get(a, 0) + points
    tiers[2] = sorted((r for r in pool if r["article_id"] in score), key=lambda r: -score[r["article_id"]])
    seen: set[int] = set()
    counts = []
    rows: list = []
    for tier in [*tiers, pool]:
        n = 0
        for r in tier:
            if r["id"] not in seen:
                seen.add(r["id"])
                rows.append(r)
                n += 1
        counts.append(n)
    said = [f"{counts[0]} with all of those words"] if counts[0] else []
    said += [f"{counts[1]} with some of them"] if counts[1] else []
    said += [f"{counts[2]} from reports that mention it"] if counts[2] else []
    if said:
        note = f"Ranked by {label}: first " + ", then ".join(said) + (", then the others." if counts[3] else ".")
    else:
        note = f"No quote of {person.name}, nor any report quoting them, mentions {label}; these are all their quotes."
    return rows[:QUOTE_LIMIT], note


async def quotes_by(store: Store, q: Query) -> Answer:
    if q.unknown:
        return _unknown(q, "quotes by")
    person = q.persons[0]
    topic = " ".join(q.topic)
    partial = False
    context_note = None
    if not q.topic and (q.context or q.context_people):
        rows, context_note = await _ranked_by_context(store, q, person)
        subject = f"quotes by {person.name}"
    elif q.topic:
        rows, partial = await _search_quotes(store, q, person)
        subject = f"quotes by {person.name} about \u201c{topic}\u201d"
    else:
        start, end = q.span.iso if q.span else (None, None)
        rows = await sql.quotes_by(store, [person.id], start=start, end=end, limit=QUOTE_LIMIT)
        subject = f"quotes by {person.name}"
    items = _quote_items(rows)
    if not items:
        return nothing(q, subject, _how(q))
    about = f" about \u201c{topic}\u201d" if topic else ""
    header = f"{person.name} said{about}{_when(q)}:{_how(q)}"
    note = _partial_note(q, items) if partial else context_note
    lines = [render.quote_line(i, with_speaker=False) for i in items]
    return Answer(QUOTES_BY, render.listing(header, lines, note), people=[person.name], items=items)


async def quotes_about(store: Store, q: Query) -> Answer:
    topic = " ".join(q.topic)
    if not q.topic:
        return Answer(QUOTES_ABOUT, "Quotes about what? Give a topic or a person, e.g. \u201cquotes about "
                                    "sanctions\u201d or \u201cwhat did Lukashenko say\u201d.")
    rows, partial = await _search_quotes(store, q, None)
    items = _quote_items(rows)
    if not items:
        return nothing(q, f"quotes about \u201c{topic}\u201d")
    note = _partial_note(q, items) if partial else None
    lines = [render.quote_line(i) for i in items]
    people = list(dict.fromkeys(i.speaker for i in items if i.speaker))
    return Answer(QUOTES_ABOUT, render.listing(f"Quotes about \u201c{topic}\u201d{_when(q)}:", lines, note),
                  people=people, items=items)


# ------------------------------------------------------------------ people


async def person(store: Store, q: Query) -> Answer:
    p = q.persons[0]
    counts = await sql.person_counts(store, p.id)
    titles = [r["title"] for r in await sql.person_titles(store, p.id)][:3]
    latest = await sql.latest_quote(store, p.id)
    articles = await sql.articles_of_person(store, p.id, limit=3)
    lines = [f"{p.name}" + (f" — {'; '.join(titles)}" if titles else "") + _how(q)]
    lines.append(f"Named in {counts['articles']} article(s); {counts['meetings']} meeting(s); "
                 f"{counts['quotes']} quote(s).")
    items: list = []
    if latest:
        quote = _quote_items([latest])[0]
        items.append(quote)
        lines.append("Latest quote: " + render.quote_line(quote, with_speaker=False))
    for r in articles:
        item = ArticleItem(Source(r["id"], r["title"], r["date"], r["url"]))
        items.append(item)
        lines.append("• " + render.article_line(item))
    return Answer(PERSON, "\n".join(lines), people=[p.name], items=items)


# ------------------------------------------------------------------ articles and search


async def _find_articles(store: Store, q: Query) -> tuple[list, bool]:
    start, end = q.span.iso if q.span else (None, None)
    match = sql.fts_match(q.topic)
    if match is None:
        return await sql.latest_articles(store, start=start, end=end, limit=ARTICLE_LIMIT), False
    rows = await sql.search_articles(store, match, start=start, end=end, limit=ARTICLE_LIMIT)
    if rows or len(sql.fts_terms(" ".join(q.topic))) < 2:
        return rows, False
    rows = await sql.search_articles(store, sql.fts_match(q.topic, mode="OR"), start=start, end=end,
                                     limit=ARTICLE_LIMIT)
    return rows, bool(rows)


async def articles(store: Store, q: Query) -> Answer:
    names = {t for p in q.persons for t in words(p.name)} | {f for p in q.persons for f in p.forms}
    if q.persons and q.intent == ARTICLES and all(t in names for t in q.topic):
        # "news about Zelenskyy", "latest on Duda": the articles that name the person, newest first
        start, end = q.span.iso if q.span else (None, None)
        rows = await sql.articles_of_person(store, q.persons[0].id, start=start, end=end, limit=ARTICLE_LIMIT)
        subject = f"articles about {q.persons[0].name}"
        if not rows:
            return nothing(q, subject, _how(q))
        items = [ArticleItem(Source(r["id"], r["title"], r["date"], r["url"])) for r in rows]
        header = f"Articles about {q.persons[0].name}{_when(q)}:{_how(q)}"
        return Answer(ARTICLES, render.listing(header, [render.article_line(i) for i in items]), items=items)
    rows, partial = await _find_articles(store, q)
    topic = " ".join(q.topic)
    fallback = q.intent == SEARCH
    prefix = (f"I could not read this as a question about meetings, quotes or people, so I searched the article "
              f"text for \u201c{topic}\u201d.\n") if fallback else ""
    if not q.topic and fallback:
        return Answer(SEARCH, "I could not read this as a question, and it has no words to search for. Try e.g. "
                              "\u201cwho met Lukashenko in June 2025\u201d or \u201cquotes about unity\u201d.")
    subject = f"articles about \u201c{topic}\u201d" if topic else "articles"
    if not rows:
        answer = nothing(q, subject)
        answer.text = prefix + answer.text
        return answer
    items = [ArticleItem(Source(r["id"], r["title"], r["date"], r["url"])) for r in rows]
    header = (f"Articles about \u201c{topic}\u201d{_when(q)}:" if topic else f"Latest articles{_when(q)}:")
    note = "No article has all of those words; these have some of them." if partial else None
    text = prefix + render.listing(header, [render.article_line(i) for i in items], note)
    return Answer(q.intent, text, items=items)


HANDLERS = {MEETINGS: meetings, QUOTES_BY: quotes_by, QUOTES_ABOUT: quotes_about, PERSON: person,
            ARTICLES: articles, SEARCH: articles}
