"""Where a meeting took place: a city or venue named in its sentence."""

from __future__ import annotations

from spacy.tokens import Span

_PLACE_LABELS = ("GPE", "FAC", "LOC", "ORG")
_VENUE_WORDS = ("palace", "kremlin", "house", "residence", "hall", "centre", "center", "office", "building")


def place_in(sent: Span, skip: list[tuple[int, int]]) -> str | None:
    """The first place introduced by 'in' or 'at' in the sentence (outside quotes)."""
    for ent in sent.ents:
        if ent.label_ not in _PLACE_LABELS or any(a <= ent.start_char < b for a, b in skip):
            continue
        prev = sent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        prev2 = sent.doc[ent.start - 2].lower_ if ent.start > 1 else ""
        if prev == "the" and prev2 in ("in", "at") or prev in ("in", "at"):
            text = ent.text
        else:
            continue
        if ent.label_ == "ORG" and not any(w in text.lower() for w in _VENUE_WORDS):
            continue
        return text.removeprefix("the ").strip()
    return None
