"""Where a meeting took place: a city, country or venue stated around its sentence.

Rules, strongest first (``Place.rank``):

3. 'at/in <GPE|FAC|LOC|venue>' attached to the meeting in its own sentence ('met … at the Mariinsky Palace');
2. a sentence reporting a meeting whose participants are only role phrases ('during a meeting at the Palace of
   Independence, the guest conveyed …') gives its place to the matching meeting (see the pipeline);
1. a neighbouring sentence about a visit, trip or arrival ('… recent trip to Beijing. During a meeting …'),
   or the next sentence saying where 'the talks took place';
0. the article's own place, for its main meeting only.

A place is never a person nor an organisation; online meetings have none.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from bot.extract.lexicon import TITLE_WORDS, VENUE_NOUNS, latin

_PLACE_LABELS = ("GPE", "FAC", "LOC", "ORG", "PERSON")
_VENUE = frozenset(VENUE_NOUNS) | {"kremlin", "office"}
_VERBAL = frozenset({"ROOT", "advcl", "relcl", "xcomp", "ccomp", "pcomp", "conj", "acl", "prep"})
_VISIT_WORDS = frozenset({"trip", "visit", "visits", "visited", "visiting", "travel", "travelled", "traveled",
                          "journey", "arrived", "arrival", "arriving", "tour"})
_HELD = re.compile(r"\b(?:took place|take place|was held|were held|held)\s+(?:in|at)\b", re.I)
_TITLE_RUN = re.compile(latin(r"(?:,?\s+(?:in|of|the|and|[A-Z][\w'’\-]*))*\s*"))
_NO_PLACE = frozenset({"na", "n/a", "none", "null", "-", ""})
# 'at the Bocharov Ruchei residence', 'in the Grand Kremlin Palace' when the entity is missed or mislabelled
_VENUE_RE = re.compile(latin(
    r"\b(?:at|in)\s+(?:the\s+)?((?:[A-Z][\w'’\-]*\s+){1,3}(?:" + "|".join(VENUE_NOUNS) + r"|Palace|Residence|House|"
    r"Hall|Centre|Center)\b(?:\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})?)"
))


def article_place(value: str | None) -> str | None:
    """The article's own place field, unless it is a placeholder ('NA')."""
    if value is None or value.strip().lower() in _NO_PLACE:
        return None
    return value.strip()


def _clean(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I).strip(" ,.;:")


def _bad(ent: Span, skip: list[tuple[int, int]], persons: list[tuple[int, int]]) -> bool:
    if any(a <= ent.start_char < b for a, b in skip):
        return True
    if any(ent.start_char < b and a < ent.end_char for a, b in persons):
        return True  # a person's name inside ('Office of the President … Rudolf Jindrák')
    low = ent.text.lower()
    if ent.label_ in ("ORG", "PERSON") and not any(w in low.split() or w in low for w in _VENUE):
        return True
    if ent.label_ == "PERSON" and not re.search(r"\b(?:" + "|".join(_VENUE) + r")\b", low):
        return True
    if any(w in TITLE_WORDS for w in low.split()[:1]):
        return True
    nxt = ent.doc.text[ent.end_char:ent.end_char + 2]
    if nxt in ("'s", "’s"):
        return True
    # '… Service at the Presidential Representation Office in the Republic of Crimea Mariya Tomak': part of a title
    if ent.label_ == "GPE":
        return False  # 'in Kyiv President X met …'
    gap = _TITLE_RUN.match(ent.doc.text, ent.end_char)
    return any(ent.end_char <= a < gap.end() for a, _ in persons)


def _prep_before(ent: Span) -> Token | None:
    doc = ent.doc
    i = ent.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i > 0 and doc[i - 1].lower_ in ("in", "at"):
        return doc[i - 1]
    return None


def _with_venue(ent_text: str, sent: Span, end_char: int) -> str:
    """'Bocharov Ruchei residence' + ' in Sochi' -> 'Bocharov Ruchei residence, Sochi'."""
    m = re.match(latin(r"\s+in\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)"), sent.doc.text[end_char:end_char + 40])
    if m and any(e.label_ == "GPE" and e.start_char == end_char + m.start(1) for e in sent.ents):
        return f"{ent_text}, {m.group(1)}"
    return ent_text


def place_in(sent: Span, skip: list[tuple[int, int]], persons: list[tuple[int, int]] | None = None,
             triggers: list[Token] | None = None) -> str | None:
    """The place introduced by 'in' or 'at' and attached to the meeting (or the clause) in the sentence."""
    persons = persons or []
    best: tuple[int, str] | None = None
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS or _bad(ent, skip, persons):
            continue
        prep = _prep_before(ent)
        if prep is None:
            continue
        head = prep.head
        attached = (triggers is None or head in triggers or head.dep_ in _VERBAL or head.ent_type_ == "PERSON"
                    or head.lower_ in TITLE_WORDS)
        if not attached:
            continue  # 'the situation in Donbas' is not where the meeting was
        best = (ent.start_char, _with_venue(_clean(ent.text), sent, ent.end_char))
        break
    m = _VENUE_RE.search(sent.text)
    if m:
        a, b = sent.start_char + m.start(1), sent.start_char + m.end(1)
        free = not any(x <= a < y for x, y in skip) and not any(a < y and x < b for x, y in persons)
        if free and (best is None or a < best[0]):
            best = (a, _with_venue(_clean(m.group(1)), sent, b))
    return best[1] if best else None


def visit_place(sent: Span, skip: list[tuple[int, int]]) -> str | None:
    """'… trip to Beijing', 'arrived in Kyiv', 'visited Warsaw': the place of a visit told in a sentence."""
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "FAC", "LOC") or any(a <= ent.start_char < b for a, b in skip):
            continue
        i = ent.start - (1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else 0)
        window = [t.lower_ for t in doc[max(sent.start, i - 5):i]]
        if not window:
            continue
        if window[-1] in ("to", "in") and any(w in _VISIT_WORDS for w in window[:-1]) or window[-1] in (
                "visited", "visiting"):
            return _clean(ent.text)
    return None


def held_place(sent: Span, skip: list[tuple[int, int]]) -> str | None:
    """'The talks took place in Minsk': where the meeting just reported was held."""
    if not _HELD.search(sent.text):
        return None
    return place_in(sent, skip)
