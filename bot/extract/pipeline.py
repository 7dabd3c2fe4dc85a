"""Run the rules over one article's parsed paragraphs: people, turns, quotes, speakers, meetings."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from bot.extract import meetings as mt
from bot.extract.dates import combine_dates, holiday_date, resolve_date, vague_past
from bot.extract.lexicon import CAPITALS, DOMAIN_COUNTRIES, NAME_PARTICLES, SAY_VERBS, TITLE_WORDS, VENUE_NOUNS, latin
from bot.extract.people import People, Person, clean_name, countries_of, title_after, title_before
from bot.extract.places import article_place, held_place, place_in, visit_place
from bot.extract.principal import needs_principal
from bot.extract.quotes import RawQuote, find_quotes, is_speech
from bot.extract.speakers import ROLE_PHRASE, attribution, resolve_speaker, sentence_subject
from bot.extract.transcript import Label, find_labels
from bot.importer import is_heading
from bot.models import ArticleDraft, Extraction, Meeting, Quote

_NONPERSON = ("GPE", "LOC", "ORG", "NORP", "FAC")


@dataclass
class Turn:
    label: Label
    speaker: Person | None
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Context:
    """What the rules know about one article while reading it."""

    draft: ArticleDraft
    docs: list[Doc]
    headings: set[int]
    people: People = field(default_factory=People)
    turns: list[Turn] = field(default_factory=list)
    skip: list[list[tuple[int, int]]] = field(default_factory=list)
    index: list[list[tuple[int, int, Person]]] = field(default_factory=list)
    hints: list[tuple[int, str | None, str | None, list[Person]]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # the quotations of the paragraph being read
    so_far: list[mt.MeetingDraft] = field(default_factory=list)  # meetings read so far
    author: Person | None = None  # the speaker of an address named by the title ('address by President X')
    open_gathering: bool = False  # the last meeting sentence read named nobody met ('held a session with members')
    gathering_holder: Person | None = None  # who held that meeting ('The President held a meeting …')
    first_gathering: tuple[Person, int, str | None, bool] | None = None
    """The article's first meeting, told naming nobody met: (holder, paragraph, date, online)."""
    voices: list[Person] = field(default_factory=list)  # people heard after it ('X said', 'According to X')
    """Meeting sentences naming nobody ('during a meeting at the Palace, the guest said'): paragraph, date, place."""
    unnamed: list[tuple[int, str, bool]] = field(default_factory=list)
    """Dated past meetings naming nobody ('during the May 2 videoconference'): paragraph, date, online."""


def analyse(draft: ArticleDraft, docs: list[Doc], version: str = "") -> Extraction:
    """Everything extracted from one article whose paragraphs were parsed into ``docs``."""
    headings = {i for i, p in enumerate(draft.paragraphs) if is_heading(p)}
    ctx = Context(draft, docs, headings)
    labels = _collect_people(ctx)
    _build_turns(ctx, labels)
    _choose_host(ctx)
    _add_principal(ctx)
    quotes, meetings = _read_narrative(ctx)
    quotes.extend(
        Quote(t.text, t.speaker.name if t.speaker else None, t.paragraph, t.start, t.end)
        for t in ctx.turns if t.text
    )
    meetings.extend(_turn_meetings(ctx))
    quotes.sort(key=lambda q: (q.paragraph, q.start))
    merged = mt.merge(meetings)
    _gathering_voices(ctx, merged)
    _title_meeting(ctx, merged)
    _call_past_meetings(ctx, merged)
    _place_meetings(ctx, merged)
    merged = _drop_relatives(ctx, merged)
    return Extraction(
        people=ctx.people.mentions(),
        quotes=quotes,
        meetings=[Meeting(m.participants, m.date, m.place, m.kind, m.paragraph) for m in merged],
        version=version,
    )


# ---------------------------------------------------------------- people and labels


_PARTICLE_TAIL = re.compile(r"^\s+((?:(?:von|van|der|de|da|dos|del|la|le|bin|al|el)\s+)+[A-Z][\w\-]+)")
_TITLED_NAME = re.compile(latin(
    r"(?:(?<=[a-z] )|(?<=\b[A-Z][A-Z] )|(?<=\b[A-Z][A-Z][A-Z] ))"  # after a lower-case word or an abbreviation
    r"((?:[A-Z][a-z][\w'’\-]*\s+){1,2}(?:[A-Z]\.\s+)?[A-Z][a-z][\w'’\-]*)(?![\w'’\-])(?!\s+[A-Z])"
))
# 'Amur Region Governor Vasily Orlov in …': two capitalised words right after a title word are a name
_AFTER_TITLE_WORD = re.compile(latin(
    r"\b(?:Governor|Mayor|Minister|President|Ambassador|Chairman|Chairwoman|Chancellor|Secretary|Director|"
    r"Speaker|Senator|Commissioner|Prosecutor|Ombudsman|Patriarch|Metropolitan|Emir|Sheikh|General|Colonel|"
    r"Admiral|Marshal|Aide|Adviser|Advisor|Envoy|Premier|Governor-General)\s+"
    r"([A-Z][a-z][\w'’\-]*\s+(?:[A-Z]\.\s+)?[A-Z][a-z][\w'’\-]*)(?![\w'’\-])(?!\s+[A-Z])"
))
_PLACE_USE = re.compile(r"\x00(?:\s+and\s+[A-Z][\w\-]+)?\s+(?:region|regions|oblast|oblasts|district|province)\b"
                        r"|\b[A-Z][\w\-]+\s+and\s+\x00\s+(?:region|regions|oblasts)\b", re.I)
_GIVEN_BEFORE = re.compile(latin(r"\b([A-Z][a-z][\w'’\-]*)\s+$"))  # 'Bruno' before '[Le Maire]'
_ORG_ROLE = r"(?:CEO|CFO|COO|chief executive|founder|co-founder|company|corporation|Inc\b|Ltd\b|headquarters|employees)"
_PARTICLE_NEXT = re.compile(r"\s+(?:bin|bint|ibn|al|el|de|da|van|von|der|le|la)\s+[A-Z]")
_LIST_NEXT = re.compile(latin(r"\s+and\s+[A-Z]|,\s+[A-Z][a-z]+(?:\s+and|,)"))  # '… Protection and Welfare'
_NAME_CONT = re.compile(latin(
    r"[a-z][\w'’\-]*|\s+[A-Z][a-z][\w'’\-]*(?=\s*[(,:.;]|\s+(?!(?:bin|ibn|al|el|de|da|van|von|der|le|la)\s)[a-z])"
))
_VENUE_AFTER = re.compile(r"\s+(?:" + "|".join(VENUE_NOUNS) + r")\b")
_CAP_NEXT = re.compile(latin(r"[ \t]+[A-Z]"))
_NAME_TAIL = re.compile(latin(
    r"((?:[A-Z][a-z][\w'’\-]*\s+)(?:(?:Le|La|De|Da|Di|Du|Van|Von|Der|Al|El|Bin|Ó|Ní|le|la|de|da|van|von|der|al|el|bin)"
    r"\s+)?"
    r"(?:[A-Z]\.\s+)?[A-Z][a-z][\w'’\-]*)$"
))


_BODY_NEXT = re.compile(r"\s+of\s|\s*\([A-Z]{2,}\)")


def _names_a_body(text: str, end: int) -> bool:
    """Does what follows a capitalised run make it a body, not a person ('Digital Transformation of Ukraine',
    'Black Sea Economic Cooperation (PABSEC)')?"""
    return bool(_BODY_NEXT.match(text[end:end + 12]))


def _collect_people(ctx: Context) -> list[list[Label]]:
    forms: list[tuple[str, str | None, bool]] = []  # (name, title, strong evidence)
    other: Counter = Counter()
    places = {e.text.lower() for doc in ctx.docs for e in doc.ents if e.label_ in ("GPE", "LOC")}
    all_text = "\n".join(ctx.draft.paragraphs)
    place_words: dict[str, bool] = {}  # one-word names the article writes as a region ('Luhansk regions')
    for pi, doc in enumerate(ctx.docs):
        if pi in ctx.headings:
            continue
        text = doc.text
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                raw, end = ent.text, ent.end_char
                tail = _PARTICLE_TAIL.match(text[end:end + 40])
                if tail is None and raw.split()[-1].lower() in NAME_PARTICLES:
                    tail = re.match(r"^\s+([A-Z][\w\-]+)", text[end:end + 40])
                if tail:
                    raw, end = raw + " " + tail.group(1), end + tail.end()
                head = _GIVEN_BEFORE.search(text[max(0, ent.start_char - 30):ent.start_char])
                start_char = ent.start_char
                if head and raw.split()[0].lower() in NAME_PARTICLES:
                    raw, start_char = head.group(1) + " " + raw, ent.start_char - len(head.group(0))
                name = clean_name(raw)
                if not name:
                    continue
                if len(name.split()) >= 3 and re.search(r"\bof(?: the)?\s*$", text[:ent.start_char]):
                    name = name.split(" ", 1)[1]  # 'President of [Belarus Alexander Lukashenko]'
                elif len(name.split()) == 2 and name.split()[0].lower() in places \
                        and re.search(r"\bof(?: the)?\s*$", text[:ent.start_char]):
                    name = name.split()[1]  # 'Emir of the State of [Qatar Tamim] bin Hamad Al Thani'
                if " " not in name and name not in place_words:
                    place_words[name] = bool(_PLACE_USE.search(all_text.replace(name, "\x00")))
                if place_words.get(name):
                    continue  # 'the Donetsk and Luhansk regions': a place the recogniser took for a person
                name_start = start_char + max(0, raw.find(name.split()[0]))
            else:
                other[ent.text.lower().removeprefix("the ")] += 1
                # the entity may stop inside the name: 'Hungary Viktor' + 'Orban(retranslated)'
                more = _NAME_CONT.match(text, ent.end_char)
                ent_text = ent.text + (more.group(0) if more else "")
                m = _NAME_TAIL.search(ent_text)
                if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC") or not m:
                    continue
                name = clean_name(m.group(1))
                name_start, end = ent.start_char + m.start(1), ent.end_char + (more.end() - more.start() if more else 0)
                if not name or " " not in name or not title_before(text, name_start):
                    continue
                if text[max(0, name_start - 5):name_start].split()[-1:] in (["and"], ["for"], ["on"]) \
                        or _names_a_body(text, end):
                    continue  # 'Minister of Labour and Social Protection', 'of Digital Transformation of Ukraine'
                if _CAP_NEXT.match(text, end):
                    continue  # the entity stops inside a longer run of names ('… of Palestine Mahmoud | Abbas Abbas')
            title = title_before(text, name_start) or title_after(text, end)
            prev = text[max(0, name_start - 12):name_start].split()
            nxt = text[end:end + 14]
            strong = bool(title) or " " in name or bool(prev and prev[-1].strip(".").lower() in ("mr", "mrs", "ms"))
            strong = strong or bool(re.match(r"^(?:['’]s\b|\s+(?:said|says|noted|stressed|added))", nxt))
            weak_place = bool(prev and prev[-1].lower() in ("in", "to", "from", "at", "near", "of"))
            if _VENUE_AFTER.match(text, end):
                continue  # 'at the Bocharov Ruchei residence': a place named after someone or something
            forms.append((name, title, strong and not weak_place))
        for m in _TITLED_NAME.finditer(text):
            name = clean_name(m.group(1))
            start = m.start(1)
            before = text[max(0, start - 40):start].split()[-1:]
            if _PARTICLE_NEXT.match(text, m.end(1)) or _names_a_body(text, m.end(1)):
                continue  # '… of Qatar Tamim | bin Hamad Al Thani': the name goes on (the recogniser has it whole)
            two = len((name or "").split()) == 2
            if before and (before[0] in ("for", "on") or (before[0] == "and" and two)
                           or (before[0] == "of" and two and _LIST_NEXT.match(text, m.end(1)))):
                continue  # 'Representative for Environmental Protection, Ecology and Transport': part of a title
            prev = before[0].lower() if before and before[0][:1].isupper() else ""
            prev_ok = bool(prev) and (prev in TITLE_WORDS or any(k.split()[-1:] == [prev] for k in other))
            if name and len(name.split()) == 3 and name.split()[1].lower() not in NAME_PARTICLES \
                    and (other[name.split()[0].lower()] or not prev_ok):
                start += len(name.split()[0]) + 1  # 'of Turkey Recep Erdogan': the country is the title's
                name = name.split(" ", 1)[1]
            title = title_before(text, start) if name and " " in name else None
            if title and not title.endswith(name.split()[0]):
                forms.append((name, title, True))
        for m in _AFTER_TITLE_WORD.finditer(text):
            name = clean_name(m.group(1))
            if name and " " in name:
                forms.append((name, title_before(text, m.start(1)), True))
    labels = [[] if pi in ctx.headings else find_labels(doc.text) for pi, doc in enumerate(ctx.docs)]
    for para in labels:
        for lab in para:
            if lab.name:
                forms.append((lab.name, lab.title, True))
    forms.sort(key=lambda f: -len(f[0].split()))
    singles: Counter = Counter(f[0] for f in forms if " " not in f[0])
    for name, title, strong in forms:
        if " " not in name:
            if other[name.lower()] > 0 or re.search(rf"\b{re.escape(name)}\s+{_ORG_ROLE}", all_text):
                continue  # 'Palantir CEO Alex Karp': a company, not a person
            if not strong and ctx.people.by_name(name) is None and singles[name] < 2:
                continue
        ctx.people.add(name, title)
    author = _AUTHOR.search(ctx.draft.title or "")
    name = clean_name(author.group(1)) if author else None
    if name and " " in name:
        ctx.people.add(name, title_before(ctx.draft.title, author.start(1) + author.group(1).find(name.split()[0])))
    ctx.people.merge_subsets()
    ctx.author = ctx.people.by_name(name) if name and " " in name else None
    ctx.index = ctx.people.index(ctx.draft.paragraphs)
    return labels


# 'address by President X', 'speech by X at …': the one who speaks in the first person
_AUTHOR = re.compile(latin(
    r"\b(?:address|speech|statement|remarks|message|article|op-ed|video address)\s+(?:by|of)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)"
))


def _build_turns(ctx: Context, labels: list[list[Label]]) -> None:
    ctx.skip = [[] for _ in ctx.docs]
    current: Turn | None = None
    paragraphs = ctx.draft.paragraphs
    for pi, text in enumerate(paragraphs):
        if pi in ctx.headings:
            current = None
            continue
        cursor = 0
        for lab in labels[pi]:
            if current is not None:
                _extend(ctx, current, pi, cursor, lab.start)
            cursor = lab.end
            speaker = ctx.people.by_name(lab.name) if lab.name else None
            if speaker is not None:
                speaker.turns += 1
                if lab.title:
                    speaker.titles[lab.title] += 1
                if lab.raw != speaker.name and lab.name != speaker.name:
                    speaker.forms[lab.name] += 0
            current = Turn(lab, speaker, pi, lab.end, lab.end, "") if lab.name else None
            if current is not None:
                ctx.turns.append(current)
            ctx.skip[pi].append((lab.start, lab.end))
        if current is not None:
            _extend(ctx, current, pi, cursor, len(text))
    for t in ctx.turns:
        t.text = t.text.strip()


def _extend(ctx: Context, turn: Turn, pi: int, a: int, b: int) -> None:
    chunk = ctx.draft.paragraphs[pi][a:b].strip()
    if not chunk:
        return
    turn.text = f"{turn.text} {chunk}" if turn.text else chunk
    if pi == turn.paragraph:
        turn.end = b
    ctx.skip[pi].append((a, b))


def _choose_host(ctx: Context) -> None:
    """The host is the first person the article names (press releases open with their principal)."""
    people = ctx.people
    if not people.persons:
        return
    first = next((hits for pi, hits in enumerate(ctx.index) if hits and pi not in ctx.headings), [])
    ordered = list(dict.fromkeys(p for _, _, p in sorted(first, key=lambda h: h[0])))
    people.host = ordered[0] if ordered else max(people.persons, key=lambda p: p.mentions + p.turns)
    if ctx.author is not None:
        people.host = ctx.author
    for pi, doc in enumerate(ctx.docs):
        for sent in doc.sents:
            if not mt.is_meeting_sentence(sent.text):
                continue
            found = [p for p in _persons_in(ctx, sent, pi) if p is not people.host]
            if found:
                people.guests = found
                return
    people.guests = [p for p in ordered[1:2]] or [
        p for p in sorted(people.persons, key=lambda p: -(p.mentions + p.turns)) if p is not people.host][:1]


def _add_principal(ctx: Context) -> None:
    """'The President held a meeting …' in an article naming no president: the source's principal, as host."""
    if ctx.draft.principal is None:
        return
    name, title = ctx.draft.principal
    people = ctx.people
    if people.by_name(name) is not None or any(re.search(r"\bpresident\b", p.role_text()) for p in people.persons):
        return
    text = "\n".join(p for i, p in enumerate(ctx.draft.paragraphs) if i not in ctx.headings)
    if not needs_principal(text):
        return
    person = people.add(name, title, weight=0)
    if person is not None:
        people.host = person


def _persons_in(ctx: Context, sent: Span, pi: int, *, roles: bool = False,
                topic: Person | None = None) -> list[Person]:
    """People named (and, with ``roles``, described) in a sentence outside quotes and turns."""
    return list(dict.fromkeys(p for _, p in _person_hits(ctx, sent, pi, roles=roles, topic=topic)))


_TITLE_GAP = re.compile(r"[\s,–—\-]*(?:(?:[A-Z][\w'’\-.]*|of|the|and|for|on|in|–|—|-)[\s,]*){0,12}")


def _person_hits(ctx: Context, sent: Span, pi: int, *, roles: bool = False,
                 topic: Person | None = None) -> list[tuple[int, Person]]:
    """(position, person) for every person named or described in a sentence, outside quotes and turns."""
    skip = ctx.skip[pi]
    hits: list[tuple[int, Person]] = []
    text = ctx.draft.paragraphs[pi]
    names = _hits_in(ctx, pi, sent)
    for a, _b, p in names:
        if any(x <= a < y for x, y in skip):
            continue
        prev = text[max(0, a - 40):a].split()[-3:]
        prev_low = [w.lower() for w in prev]
        if roles and prev_low and (prev_low[-1] == "from" or prev_low[-2:] == ["behalf", "of"]
                                   or (len(prev_low) >= 2 and prev_low[-2] == "from")):
            continue
        hits.append((a, p))
    if roles:
        for m in ROLE_PHRASE.finditer(sent.text):
            phrase = _role_words(m.group(0))
            pos = sent.start_char + m.start()
            end = pos + len(phrase)
            if any(a <= pos < b for a, b in skip):
                continue
            # a title written before a name ('the First President of Kazakhstan – Leader of the Nation X')
            gap = _TITLE_GAP.match(text, end)
            if any(pos <= a <= gap.end() for a, _b, _p in names):
                continue
            p = ctx.people.by_role(phrase, topic)
            if p is not None:
                hits.append((pos, p))
    hits.sort(key=lambda h: h[0])
    return hits


_LOWER_TAIL = re.compile(r"\s+(?!(?:of|the|and|for)\b)[a-z].*$", re.S)


def _role_words(phrase: str) -> str:
    """A role phrase without the running text the case-blind pattern swallows after its country.

    'the Prime Minister of Slovakia also held talks with …' -> 'the Prime Minister of Slovakia'.
    """
    m = re.search(r"\bof\s", phrase)
    if m is None:
        return phrase
    return re.sub(r"(?:\s+(?:of|the|and|for))+\s*$", "", phrase[:m.end()] + _LOWER_TAIL.sub("", phrase[m.end():]))


# ---------------------------------------------------------------- narrative: quotes and meetings


def _read_narrative(ctx: Context) -> tuple[list[Quote], list[mt.MeetingDraft]]:
    paragraphs = ctx.draft.paragraphs
    raw = [q for q in find_quotes(paragraphs, ctx.skip, ctx.headings) if is_speech(q, paragraphs)]
    by_para: dict[int, list[RawQuote]] = {}
    for q in raw:
        by_para.setdefault(q.paragraph, []).append(q)
    quotes: list[Quote] = []
    meetings: list[mt.MeetingDraft] = ctx.so_far
    topic: Person | None = None
    last_speaker: Person | str | None = None
    prev_sent: Span | None = None
    for pi, doc in enumerate(ctx.docs):
        if pi in ctx.headings:
            continue
        pending = sorted(by_para.get(pi, []), key=lambda q: q.start)
        qranges = [(q.start, q.end) for q in pending]
        ctx.quoted = qranges
        skip = ctx.skip[pi] + qranges
        prev_close = -1
        sents = list(doc.sents)
        for si, sent in enumerate(sents):
            if all(any(a <= t.idx < b for a, b in ctx.skip[pi]) for t in sent if not t.is_space):
                continue
            while pending and pending[0].start < sent.end_char:
                q = pending.pop(0)
                phrase, where = attribution(q, paragraphs, prev_close)
                speaker = resolve_speaker(phrase, ctx.people, topic)
                if speaker is None:
                    speaker = _lead_subject(ctx, sent, pi, q, skip, topic)
                if speaker is None:
                    speaker = last_speaker if last_speaker is not None else (topic or ctx.people.host)
                elif isinstance(speaker, Person):
                    topic = speaker
                if ctx.first_gathering is not None and isinstance(speaker, Person):
                    ctx.voices.append(speaker)
                last_speaker = speaker
                name = speaker.name if isinstance(speaker, Person) else speaker
                quotes.append(Quote(q.text, name, q.paragraph, q.start, q.end))
                meetings.extend(_quote_meetings(ctx, q.text, speaker, sent, pi))
                prev_close = q.close_at if q.close_paragraph == pi else len(paragraphs[pi])
            said = _named_speaker(ctx, sent, pi, skip)
            if ctx.first_gathering is not None:
                ctx.voices.extend(p for p in (said, *_sources(ctx, sent, pi, skip)) if p is not None)
            subj = None if said else sentence_subject(sent, skip)
            if said is not None:
                topic = said
                if said is not last_speaker:
                    last_speaker = None
            who = None
            if said is None and subj:
                who = ctx.people.resolve(subj, topic)
                if isinstance(who, Person):
                    topic = who
                    if who is not last_speaker:
                        last_speaker = None
            outside = _outside(sent, skip)
            if mt.is_meeting_sentence(outside):
                m = _sentence_meeting(ctx, sent, pi, topic, said or (who if isinstance(who, Person) else None))
                if m is not None:
                    if m.place is None and m.place_rank == 0:
                        near = [s for s in (prev_sent, sent) if s is not None]
                        place = next((p for s in near if (p := visit_place(s, ctx.skip[pi] if s is sent else []))),
                                     None)
                        if place is None and si + 1 < len(sents):
                            place = held_place(sents[si + 1], skip)
                        if place is not None:
                            m.place, m.place_rank = place, 1
                    meetings.append(m)
                    ctx.open_gathering = False
                else:
                    ctx.open_gathering = not _unnamed_past(ctx, sent, pi, outside)
                    if ctx.open_gathering:  # a later mention that names no holder keeps the one found
                        ctx.gathering_holder = _holder(ctx, sent, pi, topic) or ctx.gathering_holder
                    else:
                        ctx.gathering_holder = None
                    if ctx.gathering_holder is not None and ctx.first_gathering is None and not meetings \
                            and not _CALL_TITLE.search(ctx.draft.title or ""):
                        date = _date_of(sent, ctx, pi)
                        if mt.kind_of(outside, date, ctx.draft.date) == "meeting":
                            ctx.first_gathering = (ctx.gathering_holder, pi, date, mt.is_online(outside))
            elif (m := _joint_visit(ctx, sent, pi) or _past_visit(ctx, sent, pi, outside, topic)) is not None:
                meetings.append(m)
            elif _unnamed_past(ctx, sent, pi, outside):
                pass
            elif mt.joins_meeting(outside):
                _attendees(ctx, sent, pi, topic, meetings, prev_sent)
            prev_sent = sent
    return quotes, meetings


_BY_AGENT = re.compile(latin(
    r"\b(?:by|(?:participation|chairmanship|presence)\s+of)\s+(?:the\s+)?(?:(?:[A-Z][\w'’\-.]*|of|the|and|for|-|–)\s+)*$"
))


def _holder(ctx: Context, sent: Span, pi: int, topic: Person | None) -> Person | None:
    """The subject of a meeting sentence ('The President held a meeting …'), named or described."""
    _partners, subjects = _meeting_region(sent, ctx.skip[pi])
    # 'The President held a meeting': a bare role phrase holding a meeting is the article's host, if it fits
    hits = _person_hits(ctx, sent, pi, roles=True, topic=ctx.people.host or topic)
    for pos, p in hits:
        if any(a <= pos < b for a, b in subjects):
            return p
    # 'This was stated by X during a meeting with representatives of …': the agent of a passive sentence
    text = ctx.draft.paragraphs[pi]
    return next((p for pos, p in hits if _BY_AGENT.search(text[max(sent.start_char, pos - 120):pos])), None)


def _attendees(ctx: Context, sent: Span, pi: int, topic: Person | None, meetings: list[mt.MeetingDraft],
               prev_sent: Span | None) -> None:
    """'The meeting was attended by X, Y and Z', 'Taking part in the meeting were …', 'He heard reports from X':
    the people named join the meeting just reported, or, when the meeting was told without naming anyone
    ('held a briefing session with permanent members of the Security Council'), make it with the one who held it.
    """
    named = _persons_in(ctx, sent, pi)
    if meetings and meetings[-1].paragraph >= pi - 3 and not ctx.open_gathering:
        last = meetings[-1]
        last.participants.extend(p.name for p in named if p.name not in last.participants)
        return
    # the sentence itself may name the meeting ('The meeting was attended by …'); else the one before does
    context = sent.text if mt.names_gathering(sent.text) or prev_sent is None else f"{prev_sent.text} {sent.text}"
    if not (mt.names_gathering(context) or mt.names_gathering(ctx.draft.title or "")):
        return
    holder = next((p for p in (ctx.gathering_holder, topic, ctx.people.host) if p is not None and p not in named),
                  None)
    found = ([holder] if holder is not None else []) + named
    if len(found) < 2:
        return
    date = _date_of(sent, ctx, pi)
    kind = mt.kind_of(_outside(sent, ctx.skip[pi]), date, ctx.draft.date)
    if kind == "planned" and re.search(r"\binvited\b", sent.text):
        kind = "meeting"  # 'Also invited were X and Y' (the guests of the meeting just told)
    online = mt.is_online(context)
    if kind == "call" and not online:
        return
    dated = date is not None
    meetings.append(mt.MeetingDraft([p.name for p in found], date or ctx.draft.date, None, kind, pi, dated,
                                    3 if online else 0))
    ctx.open_gathering = False


def _lead_subject(ctx: Context, sent: Span, pi: int, q: RawQuote, skip: list[tuple[int, int]],
                  topic: Person | None) -> Person | None:
    """'X thanked Denmark for …: "…"' / 'X stressed that he … "so that …"': a quotation that continues a
    sentence (no attribution of its own) belongs to the person who is that sentence's subject."""
    if q.paragraph != pi or not sent.start_char <= q.start - 1 < sent.end_char:
        return None
    lead = ctx.draft.paragraphs[pi][sent.start_char:q.start - 1]
    if len(lead.split()) < 3 or any(c in lead for c in "\"“”«»"):
        return None
    subj = sentence_subject(sent, skip)
    if not subj or subj.strip() not in lead:
        return None
    who = ctx.people.resolve(subj, topic)
    return who if isinstance(who, Person) else None


_FIRST_PERSON = re.compile(r"(?:^|[,;]\s*|\b(?:today|yesterday|also|then|and)\s+)(?:I|we|We)\s+"
                           r"(?:have\s+|had\s+|also\s+|already\s+)?(?:met|held|had)\b")
_JOINT_VERBS = frozenset({"visited", "toured", "laid", "walked", "honoured", "honored", "inspected", "attended",
                          "viewed", "examined", "placed", "paid", "took", "had", "unveiled", "opened"})
_VISITING = re.compile(r"\b(?:on\s+(?:a|an|his|her|their)\s+(?:\w+\s+){0,2}visit|visiting|arrived)\b", re.I)


def _joint_visit(ctx: Context, sent: Span, pi: int) -> mt.MeetingDraft | None:
    """'President X and Prime Minister Y, who is on a visit to our country, visited the monastery in Kyiv'."""
    root = sent.root
    if root.lower_ not in _JOINT_VERBS or not _VISITING.search(ctx.draft.paragraphs[pi][:sent.end_char]):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(t.dep_ == "conj" for t in subj.subtree):
        return None
    a, b = _span(sent.doc, subj)
    found = list(dict.fromkeys(p for pos, p in _person_hits(ctx, sent, pi) if a <= pos < b))
    if len(found) != 2 or ctx.people.host not in found:
        return None  # two guests touring together did not meet each other for the article
    date = _date_of(sent, ctx, pi)
    if mt.kind_of(_outside(sent, ctx.skip[pi]), date, ctx.draft.date) != "meeting":
        return None
    place = place_in(sent, ctx.skip[pi] + ctx.quoted, _person_spans(ctx, pi))
    if place and not any(e.label_ == "GPE" and e.text in place for e in sent.ents):
        place = visit_place(sent, ctx.skip[pi]) or next((e.text for e in sent.ents if e.label_ == "GPE"), place)
    return mt.MeetingDraft([p.name for p in found], date or ctx.draft.date, place, "meeting", pi, date is not None,
                           1 if place else 0)


# "X's official visit to Moscow in February", "during his last week's visit to Moscow"
_PAST_VISIT = re.compile(latin(
    r"(?:(?P<who>\b[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})|\b(?P<pron>his|her))['’]?s?\s+"
    r"(?:(?:last|recent|previous|official|state|working|first|latest|week's|month's|year's)\s+){0,3}"
    r"(?:visit|trip)\s+to\s+(?:the\s+)?(?P<place>[A-Z][\w\-]+)"
))


def _host_place(ctx: Context, place: str) -> bool:
    """Is the place the host's city or country (so a visit there meant meeting the host)?"""
    host = ctx.people.host
    low = place.lower()
    own = article_place(ctx.draft.place) or ""
    if own and low in own.lower():
        return True
    countries = host.countries() if host is not None else set()
    if not countries:
        site = re.search(r"\.([a-z]{2})(?:/|$)", (ctx.draft.url or "") + "/") or re.search(
            r"\.([a-z]{2})$", ctx.draft.source or "")
        countries = {DOMAIN_COUNTRIES.get(site.group(1), "")} - {""} if site else set()
    return bool(countries & ({CAPITALS.get(low, "")} | countries_of("of " + low)))


def _past_visit(ctx: Context, sent: Span, pi: int, outside: str, topic: Person | None) -> mt.MeetingDraft | None:
    """A past visit to the host's city told in passing: a meeting between the visitor and the host, dated."""
    m = _PAST_VISIT.search(outside)
    host = ctx.people.host
    if m is None or host is None or not _host_place(ctx, m.group("place")):
        return None
    visitor = ctx.people.by_name(re.sub(r"['’]s$", "", m.group("who"))) if m.group("who") else topic
    if visitor is None or visitor is host:
        return None
    # only a date told with the visit ('… visit to Moscow in February', "last week's visit"), not elsewhere
    a, b = sent.start_char + m.start() - 30, sent.start_char + m.end() + 25
    date = _resolve_all([e.text for e in sent.ents if e.label_ == "DATE" and a <= e.start_char <= b], ctx.draft.date)
    date = date or vague_past(m.group(0), ctx.draft.date)  # "X's recent visit to Moscow"
    if date is None or mt.kind_of(outside, date, ctx.draft.date) != "meeting" or date >= ctx.draft.date:
        return None  # undated or today's: the article's own meeting, told elsewhere
    return mt.MeetingDraft([host.name, visitor.name], date, m.group("place"), "meeting", pi, True, 1)


_PAST_NOUN = re.compile(r"\b(?:videoconferenc\w*|video conference|video call|summit|meeting|talks|negotiations)\b",
                        re.I)
_CALL_TITLE = re.compile(r"\b(?:telephone|phone)\s+(?:conversations?|calls?|talks)\b", re.I)


def _unnamed_past(ctx: Context, sent: Span, pi: int, outside: str) -> bool:
    """'… the agreement reached during the December 7 videoconference': a meeting naming nobody, dated in the past
    by a date told with it. Kept for a telephone conversation's two parties (see ``_call_past_meetings``)."""
    if not _CALL_TITLE.search(ctx.draft.title or ""):
        return False
    ats = [sent.start_char + m.start() for m in _PAST_NOUN.finditer(outside)]
    if not ats or _person_hits(ctx, sent, pi):
        return False
    texts = [e.text for e in sent.ents if e.label_ == "DATE" and any(abs(e.start_char - at) <= 30 for at in ats)]
    date = _resolve_all(texts, ctx.draft.date) if texts else None
    if date is None or mt.span_of(date)[1].isoformat() >= ctx.draft.date:
        return False
    if mt.kind_of(outside, date, ctx.draft.date) == "planned":
        return False
    ctx.unnamed.append((pi, date, mt.is_online(outside)))
    return True


def _call_past_meetings(ctx: Context, merged: list[mt.MeetingDraft]) -> None:
    """A telephone conversation's two parties met before at the dated meetings it mentions naming nobody."""
    if not ctx.unnamed:
        return
    calls = [m.participants for m in merged if m.kind == "call" and len(m.participants) == 2]
    host = ctx.people.host
    with_ = re.search(r"\bwith\s+(.+)$", ctx.draft.title or "")
    named = _title_people(ctx, with_.group(1)) if with_ else []
    if host is not None and len(named) == 1 and named[0] is not host:
        calls.append([host.name, named[0].name])
    if len({frozenset(c) for c in calls}) != 1:
        return
    pair = calls[0]
    for pi, date, online in ctx.unnamed:
        if any(m.kind == "meeting" and set(pair) <= set(m.participants) and mt._compatible(m.date, date)
               for m in merged):
            continue
        merged.append(mt.MeetingDraft(list(pair), date, None, "meeting", pi, True, 3 if online else 0))


_SAYS_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:" + "|".join(sorted(SAY_VERBS)) + r")\b")


_REPORTS_AFTER = re.compile(r"^\s+(?:also\s+)?(?:spoke|briefed|reported|told|informed|presented|outlined|"
                            r"delivered|made a report|gave a report)\b")
_ACCORDING = re.compile(r"\b(?:according to|in the words of)\s+[^,;]{0,80}$", re.I)


def _sources(ctx: Context, sent: Span, pi: int, skip: list[tuple[int, int]]) -> list[Person]:
    """People a sentence cites as its source ('According to Prime Minister X, …') or has report
    ('Minister X briefed on …', 'X spoke about …', 'X told the meeting participants …')."""
    text = ctx.draft.paragraphs[pi]
    return [p for a, b, p in _hits_in(ctx, pi, sent)
            if not any(x <= a < y for x, y in skip)
            and (_ACCORDING.search(text[sent.start_char:a]) or _REPORTS_AFTER.match(text[b:b + 40]))]


def _gathering_voices(ctx: Context, merged: list[mt.MeetingDraft]) -> None:
    """'X held a meeting with members of the Government. According to Prime Minister Y, … Z noted that …':
    when the article's one meeting names nobody met, the people heard at it took part."""
    if ctx.first_gathering is None:
        return
    holder, pi, date, online = ctx.first_gathering
    voices = [p.name for p in dict.fromkeys(ctx.voices) if p is not holder]
    when = date or ctx.draft.date
    same = [m for m in merged if m.kind == "meeting" and holder.name in m.participants
            and mt._compatible(m.date, when)]
    if same:  # the gathering told again with someone named ('this meeting with the President', X said)
        same[0].participants.extend(n for n in voices if n not in same[0].participants)
        return
    elsewhere = {n for m in merged for n in m.participants}  # heard at another meeting the article reports
    found = [holder.name, *(n for n in voices if n not in elsewhere)]
    if len(found) < 2:
        return
    merged.append(mt.MeetingDraft(found, when, None, "meeting", pi, date is not None, 3 if online else 0))


def _named_speaker(ctx: Context, sent: Span, pi: int, skip: list[tuple[int, int]]) -> Person | None:
    """A person named right before a verb of saying ('Andrzej Duda stressed that ...')."""
    text = ctx.draft.paragraphs[pi]
    for a, b, p in _hits_in(ctx, pi, sent):
        if _SAYS_AFTER.match(text[b:b + 30]) and not any(x <= a < y for x, y in skip):
            return p
    return None


def _hits_in(ctx: Context, pi: int, sent: Span) -> list[tuple[int, int, Person]]:
    """Index hits of paragraph ``pi`` that start inside ``sent`` (binary search; hits are sorted)."""
    hits = ctx.index[pi] if pi < len(ctx.index) else []
    lo = bisect_left(hits, sent.start_char, key=lambda h: h[0])
    hi = bisect_left(hits, sent.end_char, key=lambda h: h[0])
    return hits[lo:hi]


def _outside(sent: Span, skip: list[tuple[int, int]]) -> str:
    """The sentence's text with quoted and transcript parts blanked out."""
    chars = list(sent.text)
    base = sent.start_char
    for a, b in skip:
        for i in range(max(a, base), min(b, sent.end_char)):
            chars[i - base] = " "
    return "".join(chars)


def _reported(sent: Span) -> bool:
    """Is a meeting word of the sentence inside a clause reported by a verb of saying ('X added that …')?"""
    for tok in sent:
        if not mt.is_trigger_token(tok):
            continue
        node, steps = tok, 0
        while node.head is not node and steps < 10:
            if node.dep_ == "ccomp" and node.head.lower_ in SAY_VERBS:
                return True
            node, steps = node.head, steps + 1
    return False


def _sentence_meeting(ctx: Context, sent: Span, pi: int, topic: Person | None,
                      reporter: Person | None = None) -> mt.MeetingDraft | None:
    text = _outside(sent, ctx.skip[pi])
    hits = _person_hits(ctx, sent, pi, roles=True, topic=topic)
    partners, subjects = _meeting_region(sent, ctx.skip[pi])
    if partners or subjects:
        inside = [(pos, p) for pos, p in hits if any(a <= pos < b for a, b in partners + subjects)]
        found = list(dict.fromkeys(p for _, p in inside))
        in_subject = [p for pos, p in inside if any(a <= pos < b for a, b in subjects)]
        if not found or (len(found) == 1 and in_subject):
            # nobody named to meet, or only the subject ('X held a meeting with officials'); a meeting told with
            # role phrases only ('during a meeting at the Palace, the guest conveyed …') still tells when and where
            if not any(p for pos, p in inside if any(a <= pos < b for a, b in partners)):
                _hint(ctx, sent, pi, text, [p for _, p in hits])
            return None
        if len(found) == 1:
            # 'He met with X' / 'Held talks with X': the one who met is the running topic, else the host
            host = ctx.people.host
            order = (topic, host)
            if _FIRST_PERSON.search(text):
                order = (host,)  # 'Today I met in Kyiv with X' in an address: the speaker is the article's host
            if topic is not None and host is not None and topic is not host and any(
                    {topic.name, host.name} <= set(m.participants) for m in ctx.so_far):
                order = (host, topic)  # the topic is someone the host met: the host meets the next one too
            if reporter is not None and _reported(sent):
                order = (reporter,)  # 'X added that during the talks with Y, he …': X met Y
            if any(re.search(r"\bdelegation\b", sent.doc.text[a:b], re.I) for a, b in subjects):
                head = _delegation_head(ctx)  # 'the Ukrainian delegation met with X': its named head did
                if head is not None:
                    order = (head,)
            other = next((p for p in order if p is not None and p not in found), None)
            if other is None:
                return None
            found = [other, *found]
    else:
        found = list(dict.fromkeys(p for _, p in hits))
        if len(found) == 1 and topic is not None and topic not in found:
            found = [topic, *found]
        if len(found) == 1 and ctx.people.host is not None and ctx.people.host not in found:
            found = [ctx.people.host, *found]
    if len(found) < 2:
        return None
    date = _date_of(sent, ctx, pi)
    kind = mt.kind_of(text, date, ctx.draft.date)
    dated = date is not None
    if date is None and kind == "meeting":
        date = ctx.draft.date
    if mt.is_online(text):
        return mt.MeetingDraft([p.name for p in found], date, None, kind, pi, dated, 3)
    place = place_in(sent, ctx.skip[pi] + ctx.quoted, _person_spans(ctx, pi), _triggers(sent))
    return mt.MeetingDraft([p.name for p in found], date, place, kind, pi, dated, 3 if place else 0)


_DELEGATION_HEAD = re.compile(
    r"\b(?:delegation\s+(?:was\s+)?(?:led|headed)\s+by|head\s+of\s+the\s+(?:[\w\-]+\s+){0,2}delegation\b)", re.I)


def _delegation_head(ctx: Context) -> Person | None:
    """The person the article names as leading its delegation ('the head of the delegation, … X')."""
    for pi, para in enumerate(ctx.draft.paragraphs):
        for m in _DELEGATION_HEAD.finditer(para):
            after = [p for a, _b, p in (ctx.index[pi] if pi < len(ctx.index) else []) if m.end() <= a < m.end() + 150]
            if after:
                return after[0]
    return None


def _person_spans(ctx: Context, pi: int) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _ in ctx.index[pi]] if pi < len(ctx.index) else []


def _triggers(sent: Span) -> list:
    return [t for t in sent if mt.is_trigger_token(t)]


def _hint(ctx: Context, sent: Span, pi: int, text: str, persons: list[Person]) -> None:
    """Remember the date and place of a meeting sentence whose participants are role phrases only."""
    if mt.is_online(text) or not re.search(r"\b(?:meeting|talks|negotiations|met)\b", text, re.I):
        return
    date = _date_of(sent, ctx, pi)
    kind = mt.kind_of(text, date, ctx.draft.date)
    if kind == "call" or (kind == "planned" and (date is None or mt.span_of(date)[0].isoformat() > ctx.draft.date)):
        return  # ('… the opportunity to meet' with a past date is no plan)
    place = place_in(sent, ctx.skip[pi] + ctx.quoted, _person_spans(ctx, pi), _triggers(sent))
    if date or place:
        ctx.hints.append((pi, date, place, persons))


def _place_meetings(ctx: Context, merged: list[mt.MeetingDraft]) -> None:
    """Give role-phrase meeting sentences' dates and places to their meetings; the article's place to its main one."""
    real = [m for m in merged if m.kind == "meeting"]
    for _pi, date, place, persons in ctx.hints:
        names = {p.name for p in persons}
        same_date = [m for m in real if date and m.date and mt.span_of(date) == mt.span_of(m.date)]
        with_them = [m for m in real if names and names <= set(m.participants)]
        target = next(iter(same_date or with_them or _main(ctx, real)), None)
        if target is None:
            continue
        if place and target.place_rank < 2:
            target.place, target.place_rank = place, 2
        if date and not target.dated and mt._compatible(date, target.date or date):
            target.date, target.dated = date, True
    default = article_place(ctx.draft.place)
    if default:
        for m in _main(ctx, real)[:1]:
            if m.place is None and m.place_rank == 0:
                m.place = default


_PLURAL_PARTY = re.compile(
    r"\b(?:delegations?|members|representatives|participants|leaders|heads|presidents|ministers|chairpersons|"
    r"chairmen|governors|ambassadors|students|families|people|workers|group|team|veterans|servicemen|officials|"
    r"mothers|children|winners|businesspeople|graduates|community|board|council|government|and)\b",
    re.I,
)


def _title_people(ctx: Context, text: str) -> list[Person]:
    """The people a piece of the title names, or the one person its role phrase describes ('the Emir of Qatar')."""
    if not text.strip():
        return []
    named = list(dict.fromkeys(p for _, _, p in ctx.people.index([text])[0]))
    if named:
        return named
    if _PLURAL_PARTY.search(text):
        return []
    m = ROLE_PHRASE.match(text.strip()) or ROLE_PHRASE.match("the " + text.strip())
    person = ctx.people.by_role(_role_words(m.group(0))) if m else None
    return [person] if person is not None else []


_PLURAL_ROLE = re.compile(r"^\s*(?:the\s+)?(advisers|advisors|ministers|ambassadors|envoys|governors|mayors)\b", re.I)


def _plural_role_people(ctx: Context, text: str) -> list[Person]:
    """'advisers to leaders of France and Germany': the article's named people whose title holds 'adviser'."""
    m = _PLURAL_ROLE.match(text)
    if m is None:
        return []
    word = m.group(1).lower()[:-1]
    found = [p for p in ctx.people.persons if word in p.role_text() or any(
        re.search(rf"\b{word}s?\b[^.;:]{{0,60}}$", ctx.draft.paragraphs[pi][max(0, a - 70):a], re.I)
        for pi, hits in enumerate(ctx.index) for a, _b, q in hits if q is p)]
    return found if 2 <= len(found) <= 4 else []


def _title_meeting(ctx: Context, merged: list[mt.MeetingDraft]) -> None:
    """'Meeting with X', 'X met with Y', 'Russian-Brazilian talks': the meeting the title names, when the body
    (a transcript, an address) reports none between the same people. Dated the article's date."""
    sig = mt.title_signal(ctx.draft.title or "")
    host = ctx.people.host
    if sig is None or host is None:
        return
    lead = next((ctx.draft.paragraphs[pi] for pi in range(len(ctx.docs)) if pi not in ctx.headings), "")
    if re.search(r"\b(?:telephone|phone)\b", lead, re.I):
        return
    kind, subj_text, part_text = sig
    if kind == "pair":
        a, b = countries_of(subj_text), countries_of(part_text)
        if not a or not b:
            return
        guest_side = b if a & host.countries() else a if b & host.countries() else set()
        cands = [p for p in ctx.people.persons if p is not host and p.countries() & guest_side]
        subjects = [host]
        partners = [max(cands, key=lambda p: p.mentions + p.turns)] if cands else []
    elif kind == "speakers":
        subjects = [host]
        partners = [p for p in ctx.people.persons if p is not host and p.turns and p.title]
    else:
        named = _title_people(ctx, part_text)
        if kind == "receives":
            named = list(dict.fromkeys(named + _plural_role_people(ctx, part_text)))
        subjects = _title_people(ctx, subj_text) or [host if host not in named else _principal(ctx, named)]
        partners = [p for p in named if p not in subjects and p is not None]
        subjects = [p for p in subjects if p is not None]
        if not subjects:
            return
    if not partners or any(m.kind in ("meeting", "call") and {subjects[0].name, p.name} <= set(m.participants)
                           for m in merged for p in partners):
        return
    online = mt.is_online(lead)
    merged.insert(0, mt.MeetingDraft([p.name for p in subjects + partners], ctx.draft.date, None, "meeting", -1,
                                     False, 3 if online else 0))


_RELATIVE_OF = re.compile(latin(
    r"\b(?:father|mother|parents?|widow|widower|wife|husband|son|daughter|sons|daughters|children|brother|sister|"
    r"family|relatives?|grandson|granddaughter|grandfather|grandmother|fianc[ée]e?)\s+of\s+(?:the\s+)?(?:late\s+)?"
    r"(?:(?:[A-Z][\w'’\-.]*|of|the)\s+){0,6}$"
), re.I)


def _drop_relatives(ctx: Context, merged: list[mt.MeetingDraft]) -> list[mt.MeetingDraft]:
    """'Meeting with the father of Hero X', 'met with Y, the widow of X': X is only mentioned, the relative is
    the participant. A person every full mention of whom follows such a phrase takes part in no meeting."""
    texts = [ctx.draft.title or "", *ctx.draft.paragraphs]
    relatives: set[str] = set()
    for p in ctx.people.persons:
        forms = [f for f in p.forms if " " in f] or list(p.forms)
        if not forms:
            continue
        pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
        hits = [(t, m.start()) for t in texts for m in pat.finditer(t)]
        if hits and all(_RELATIVE_OF.search(t[max(0, a - 80):a]) for t, a in hits):
            relatives.add(p.name)
    if not relatives:
        return merged
    out = []
    for m in merged:
        m.participants = [n for n in m.participants if n not in relatives]
        if len(m.participants) >= 2:
            out.append(m)
    return out


def _principal(ctx: Context, besides: list[Person]) -> Person | None:
    """The article's most prominent person other than ``besides``: the host of a title's meeting when the
    article opens with the guest ("Meeting with X": "X has been appointed …", then the transcript)."""
    others = [p for p in ctx.people.persons if p not in besides]
    return max(others, key=lambda p: (p.turns + p.mentions, bool(p.titles))) if others else None


def _main(ctx: Context, meetings: list[mt.MeetingDraft]) -> list[mt.MeetingDraft]:
    """The article's main meeting: the first one that took place on (or around) the article's date."""
    day = mt.span_of(ctx.draft.date)
    return [m for m in meetings if m.date is None or ((s := mt.span_of(m.date)) and s[0] <= day[0] <= s[1])][:1]


_SUBJECTS = ("nsubj", "nsubjpass", "agent")
_NAME_CHAIN = re.compile(
    r"\w+(?:\s*(?:[A-Z][\w'’\-.]*|\([A-Z][\w.&\-]*\)|of|the|to|for|and|on|at|de|da|von|der|van|al|el|bin|la|le|[,–—\-])"
    r"(?=\W|$))+"
)
_PARTNER_DEPS = ("agent", "dobj")
_EARLIER = frozenset({"following", "after", "before"})


def _meeting_region(sent: Span, skip: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Char spans of a sentence that hold a meeting's participants, read from the parse: (partners, subjects).

    For each meeting word: its own phrase ('talks with X'), the 'with' phrases of the words between it and
    the clause it belongs to ('spoke via video call with X'), and that clause's subject ('After a meeting
    with X, the President said ...'). People elsewhere in the sentence (in a reported clause) are left out.
    """
    partners: list[tuple[int, int]] = []
    subjects: list[tuple[int, int]] = []
    doc = sent.doc
    for tok in sent:
        if not mt.is_trigger_token(tok) or any(a <= tok.idx < b for a, b in skip):
            continue
        if tok.pos_ != "VERB" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
                and not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children) \
                and any(mt.is_trigger_token(t) and t.i != tok.i for t in sent):
            continue  # 'At the meeting, X reminded that Y held talks with Z': the meeting told of is Y's with Z
        receiving = mt.is_receiving_verb(tok.lower_)
        if receiving and any(c.dep_ == "auxpass" for c in tok.children):
            continue  # 'the award presented by X' is not a meeting
        if not receiving:
            partners.append(_span(doc, tok))
        node, steps = tok, 0
        partnered = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children)
        while steps < 8:
            for child in node.children:
                partner = node is tok and child.dep_ in _PARTNER_DEPS and mt.is_meeting_verb(tok.lower_)
                if partner and receiving and child.lower_ not in TITLE_WORDS and child.ent_type_ != "PERSON":
                    partner = False  # 'received the Freedom Award': the object is not a person
                if node is tok and receiving and child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    # 'received in the Kremlin President X': the parse hangs the person under 'in'
                    partner = any(g.dep_ == "pobj" and (g.lower_ in TITLE_WORDS or g.ent_type_ == "PERSON")
                                  for g in child.children)
                given = node is tok and tok.lower_ == "presented" and child.dep_ == "dative"
                with_ = child.dep_ in ("prep", "dative") and child.lower_ in ("with", "between", "among", "to")
                if partner or given or (with_ and (child.lower_ != "to" or tok.lower_ == "presented")):
                    a, b = _span(doc, child)
                    chain = _NAME_CHAIN.match(doc.text, child.idx)  # the parse may cut a long title short
                    partners.append((a, max(b, chain.end() if chain else b)))
            if node is not tok and node.dep_ == "acl" and node.head.ent_type_ != "PERSON" \
                    and node.lower_ not in _EARLIER:
                break  # 'agreements reached during the video conference': who met is not the clause's subject
            if not partnered and node.dep_ in ("prep", "acl") and node.lower_ in _EARLIER:
                break  # 'X and Y visited Kyiv following talks in Moscow': an earlier meeting, not theirs together
            subj = [c for c in node.children if c.dep_ in _SUBJECTS]
            if subj:
                subjects.extend(_span(doc, c) for c in subj)
                break
            if node.head is node:
                break
            node, steps = node.head, steps + 1
    # a subject's span may hold the meeting word itself ('After talks with X, Y said'): it is a partner span then
    subjects = [s for s in subjects if not any(s[0] <= p[0] and p[1] <= s[1] for p in partners)]
    return partners, subjects


def _span(doc: Doc, tok) -> tuple[int, int]:
    left, right = doc[tok.left_edge.i], doc[tok.right_edge.i]
    return left.idx, right.idx + len(right.text)


def _date_of(sent: Span, ctx: Context, pi: int, inside: bool = False) -> str | None:
    skip = ctx.skip[pi]
    texts = [e.text for e in sent.ents if e.label_ == "DATE"
             and (inside or not any(a <= e.start_char < b for a, b in skip))]
    outside = _outside(sent, [] if inside else skip)
    if not texts:
        return holiday_date(outside, ctx.draft.date) or vague_past(outside, ctx.draft.date)
    return _resolve_all(texts, ctx.draft.date) or vague_past(outside, ctx.draft.date)


def _resolve_all(texts: list[str], base: str) -> str | None:
    """The most specific date among a sentence's DATE spans ('June' + '2020' -> 2020-06)."""
    values = [resolve_date(t, base) for t in texts]
    years = [v for v in values if v and len(v) == 4]
    if years:
        values = [resolve_date(f"{t} {years[0]}", base) if v and len(v) == 7 and not re.search(r"\d{4}", t)
                  else v for t, v in zip(texts, values, strict=True)]
    return combine_dates([v for v in values if v])


def _quote_meetings(ctx: Context, text: str, speaker: Person | str | None, sent: Span | None,
                    pi: int, addressee: Person | None = None) -> list[mt.MeetingDraft]:
    """Meetings mentioned in passing inside quoted speech ('At our meeting with President Xi ...')."""
    if not isinstance(speaker, Person):
        return []
    out = []
    for m in mt.QUOTE_MET_NAMED.finditer(text):
        other = ctx.people.by_name(m.group("who"))
        if other is not None and other is not speaker:
            out.append(_quoted_meeting(ctx, speaker, other, text, m.start(), pi))
    if mt.QUOTE_MET_YOU.search(text):
        other = addressee
        if other is None:
            host = ctx.people.host
            other = (ctx.people.guests[0] if ctx.people.guests else None) if speaker is host else host
        if other is not None and other is not speaker:
            out.append(_quoted_meeting(ctx, speaker, other, text, mt.QUOTE_MET_YOU.search(text).start(), pi))
    return out


def _quoted_meeting(ctx: Context, a: Person, b: Person, text: str, at: int, pi: int) -> mt.MeetingDraft:
    """A meeting from speech; its date is read from the surrounding sentence of the quote text."""
    sentence = _sentence_around(text, at)
    doc = ctx.docs[pi]
    date = None
    place = None
    start = ctx.draft.paragraphs[pi].find(sentence)
    if start >= 0:
        span = doc.char_span(start, start + len(sentence), alignment_mode="expand")
        if span is not None:
            date = _resolve_all([e.text for e in span.ents if e.label_ == "DATE"], ctx.draft.date)
            place = place_in(span, [], _person_spans(ctx, pi))
    date = date or holiday_date(sentence, ctx.draft.date) or vague_past(sentence, ctx.draft.date)
    kind = mt.kind_of(sentence, date, ctx.draft.date)
    return mt.MeetingDraft([a.name, b.name], date, place, kind, pi, date is not None, 3 if place else 0)


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    start = 0 if start < 0 else start + 2
    ends = [i for i in (text.find(". ", at), text.find("? ", at), text.find("! ", at)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end]


def _turn_meetings(ctx: Context) -> list[mt.MeetingDraft]:
    out = []
    for i, t in enumerate(ctx.turns):
        if t.speaker is None:
            continue
        addressee = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(ctx.turns) and ctx.turns[j].speaker not in (None, t.speaker):
                addressee = ctx.turns[j].speaker
                break
        out.extend(_quote_meetings(ctx, t.text, t.speaker, None, t.paragraph, addressee))
    return out
