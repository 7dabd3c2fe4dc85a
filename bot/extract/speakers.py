"""Who said a quotation: explicit attribution around it, pronouns, role phrases, and the running topic."""

from __future__ import annotations

import re

from spacy.tokens import Span

from bot.extract.lexicon import ROLE_NOUNS, SAY_VERBS
from bot.extract.people import People, Person
from bot.extract.quotes import RawQuote

_SAY = "|".join(sorted(SAY_VERBS, key=len, reverse=True))
_ADV = r"(?:(?:also|further|then|again|once again|later|additionally|firmly|repeatedly|in turn)\s+)?"
_VERB_FIRST = re.compile(rf"^[\s,.!?…—–-]*{_ADV}(?:{_SAY})\s+(?P<who>[^,.;:!?\"“”]+)")
_WHO_FIRST = re.compile(
    rf"^[\s,.!?…—–-]*(?P<who>(?:[\w'’\-]+\s+){{1,8}}?){_ADV}(?:{_SAY})\b"
)
_BEFORE_VERB = re.compile(
    rf"(?P<who>[^,.;:!?\"“”]{{1,90}}?)\s+{_ADV}(?:{_SAY})(?:\s+out)?(?:\s+that)?(?:\s+[a-z ]{{0,30}})?[\s,:—–-]*$"
)
_ACCORDING = re.compile(r"\b(?:according to|in the words of)\s+(?P<who>[^,]+),")
_CUT = re.compile(
    r"\s+(?:in|during|at|after|following|on|to|that|when|while|with|before|about|as|who|addressing|speaking|"
    r"adding|noting|and)\b.*$"
)
_ROLE_ALT = "|".join(sorted((re.escape(r) for r in ROLE_NOUNS), key=len, reverse=True))
ROLE_PHRASE = re.compile(
    rf"\b(?:the|his|her|our)\s+((?:[A-Za-z\-]+\s+){{0,2}}?(?:{_ROLE_ALT})\b"
    rf"(?:\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of\s+)?[A-Z][\w\-]*)*)?)",
    re.I,
)


def _cut(who: str) -> str:
    return _CUT.sub("", who.strip()).strip()


def attribution(q: RawQuote, paragraphs: list[str], prev_close: int) -> tuple[str | None, str]:
    """The phrase naming the speaker of ``q`` and where it was found ('after', 'before', '')."""
    text = paragraphs[q.paragraph]
    after = ""
    if q.close_at >= 0:
        ptext = paragraphs[q.close_paragraph]
        nxt = min((i for i in (ptext.find(c, q.close_at + 1) for c in "\"“«") if i >= 0), default=len(ptext))
        after = ptext[q.close_at + 1: min(nxt, q.close_at + 160)]
        after = re.split(r"(?<=[.!?…])\s+(?=[A-Z\"“])", after, maxsplit=1)[0]
    m = _VERB_FIRST.match(after)
    if m and _cut(m.group("who")):
        return _cut(m.group("who")), "after"
    m = _WHO_FIRST.match(after)
    if m and m.group("who").strip():
        return m.group("who").strip(), "after"
    start = max(prev_close + 1, 0)
    before = text[start:max(start, q.start - 1)]
    sentence = re.split(r"(?<=[.!?…])\s+(?=[A-Z\"“])", before)[-1]
    m = _ACCORDING.search(sentence)
    if m:
        return _cut(m.group("who")), "before"
    m = _VERB_FIRST.match(sentence)
    if m and _cut(m.group("who")) and prev_close >= 0:
        return _cut(m.group("who")), "before"
    m = _BEFORE_VERB.search(sentence)
    if m:
        who = m.group("who").strip()
        who = re.split(r"\b(?:that|and|but|which)\s+", who)[-1]
        return _cut(re.sub(r"^(?:For (?:his|her) part|In turn|Also|Then|Finally|In addition)\s*,?\s*", "",
                           who, flags=re.I)), "before"
    return None, ""


def sentence_subject(sent: Span, skip: list[tuple[int, int]]) -> str | None:
    """The subject of a sentence's main verb (or the agent of a passive, or 'According to X')."""
    text = sent.text
    m = re.match(r"\s*(?:According to|In the words of)\s+([^,]+),", text)
    if m:
        return m.group(1)
    root = sent.root
    for child in root.children:
        if child.dep_ == "agent":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return sent.doc[pobj[0].left_edge.i:pobj[0].right_edge.i + 1].text
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if any(a <= child.idx < b for a, b in skip):
                return None
            return sent.doc[child.left_edge.i:child.right_edge.i + 1].text
    return None


def resolve_speaker(phrase: str | None, people: People, topic: Person | None) -> Person | str | None:
    """Resolve an attribution phrase to a person (or an institution name)."""
    if not phrase:
        return None
    return people.resolve(phrase, topic)
