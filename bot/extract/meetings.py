"""Meetings: which sentences report one, its kind (meeting, call, planned), and merging repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from bot.extract.dates import span_of
from bot.extract.lexicon import CALL_WORDS, FUTURE_CUES, MEETING_NOUNS, MEETING_VERBS, ONLINE_HEADS, RECEIVING_VERBS

# 'call', 'called' of a telephone conversation, not 'called for', 'called on the world', 'a call to action'
_CALL = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in CALL_WORDS) + r")\b"
                   r"(?!\s+(?:for|on|upon|to|it|this|that|them|out)\b)", re.I)
_FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_CUES) + r")\b", re.I)
_ONLINE = re.compile(r"\b(?:video|online)[ -]?(?:" + "|".join(sorted(ONLINE_HEADS)) + r")\b|\bvideoconferenc\w*"
                     r"|\bconference[ -]calls?\b", re.I)
_TRIGGER = re.compile(r"\b(?:" + "|".join(sorted(MEETING_NOUNS | MEETING_VERBS)) + r")\b", re.I)
_ANAPHORIC = re.compile(r"\b(?:the|this|that|these|today's|our)\s+(?:meeting|talks|negotiations|summit)\b", re.I)
_INTRODUCING = re.compile(
    r"\b(?:met|meets|meet with|meeting with|meeting between|talks with|talks between|negotiations with|"
    r"held (?:a |an )?(?:\w+ ){0,2}"
    r"(?:meeting|talks|negotiations|video ?conference)|(?:video|online)[ -]?\w+ with|"
    r"a (?:\w+,? ){0,3}meeting|summit with|(?:at|during) (?:a|the) (?:[\w\-]+ ){0,3}meeting of)\b",
    re.I,
)
# 'received President X', 'welcomed Prime Minister Y', 'presented the Order of Friendship to President Z'
_RECEIVING = re.compile(
    r"\b(?:received|welcomed|hosted)\s+(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+)?(?:the\s+)?[A-Z]|\bpresented\s+(?:[\w\-]+\s+){1,6}?to\s+(?:the\s+)?[A-Z]"
)
# meetings mentioned inside quoted speech
QUOTE_MET_YOU = re.compile(
    r"\b(?:you and I|we)\s+(?:have\s+|had\s+)?(?:already\s+)?met\b"
    r"|\b(?:you and I|we)\s+(?:had|held|have had)\s+(?:a|an|our)\s+(?:\w+\s+)?(?:meeting|talks)\b"
    r"|\bour (?:last|previous|recent) (?:meeting|talks)\b(?! with)"
    r"|\b(?:at|during) our (?:\w+ )?(?:meeting|talks) (?:in|at) (?:the )?[A-Z]"
    r"|\bmy (?:\w+ ){0,3}visit to [^.!?]*?\bwhen we (?:also )?(?:had|held|met)\b",
    re.I,
)
QUOTE_MET_NAMED = re.compile(
    r"\b(?:(?:our|my|a|the) (?:last |recent |previous |personal |bilateral )?(?:meeting|talks|negotiations) with"
    r"|I (?:have )?met(?: with)?)\s+"
    r"(?P<who>(?:[A-Z][\w'’\-.]*\s*){1,6})"
)


@dataclass
class MeetingDraft:
    """A meeting being assembled from one or more mentions."""

    participants: list[str]
    date: str | None
    place: str | None
    kind: str
    paragraph: int
    dated: bool = False  # the date came from the text, not the article's default
    place_rank: int = 0  # how the place was found (see ``bot.extract.places``); online meetings: 3 with no place
    sources: list[str] = field(default_factory=list)


_TRIGGER_TOKENS = frozenset(t for t in MEETING_NOUNS | MEETING_VERBS | RECEIVING_VERBS if " " not in t)
_MEETING_VERBS = frozenset(MEETING_VERBS | RECEIVING_VERBS)


def is_trigger_token(tok: Token) -> bool:
    """A word that names a meeting ('talks', 'met', 'videoconference'; 'call' of 'video call')."""
    word = tok.lower_
    if word in _TRIGGER_TOKENS or word.startswith("videoconferenc"):
        return True
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return (word in ONLINE_HEADS and prev in ("video", "online", "-")) or (word in ("call", "calls")
                                                                          and prev == "conference")


def is_receiving_verb(word: str) -> bool:
    """'received', 'welcomed', 'hosted', 'presented': an encounter only when a person is the object."""
    return word in RECEIVING_VERBS


def is_meeting_verb(word: str) -> bool:
    """A verb whose object is the person met ('met X', 'received X')."""
    return word in _MEETING_VERBS


def is_online(text: str) -> bool:
    """A video conference or online meeting (which has no place)."""
    return bool(_ONLINE.search(text))


def is_meeting_sentence(text: str) -> bool:
    """Does the sentence introduce a meeting (not only refer back to 'the meeting')?"""
    if _ONLINE.search(text) and re.search(r"\b(?:with|between|chaired|held|hosted|convened)\b", text):
        return not _ANAPHORIC.search(text) or bool(_INTRODUCING.search(text))
    if _RECEIVING.search(text):
        return not _ANAPHORIC.search(text)
    if not _TRIGGER.search(text):
        return False
    if _INTRODUCING.search(text):
        return True
    return not _ANAPHORIC.search(text) and bool(re.search(r"\b(?:met|talks)\b", text, re.I))


_GATHERING = (r"(?:meeting|talks|negotiations|conversation|conference|videoconference|video conference|session|"
              r"briefing|consultations)")
_JOINS = re.compile(
    r"\b(?:the|this|that|today's)\s+(?:[\w\-]+\s+){0,2}?" + _GATHERING
    + r"\s+(?:was|were)\s+(?:also\s+)?attended\s+by\b"
    r"|\b(?:also\s+)?(?:took part|participated|joined)\s+in\s+the\s+(?:\w+\s+)?" + _GATHERING + r"\b"
    r"|\b(?:also\s+)?taking\s+part\s+in\s+the\s+(?:[\w\-]+\s+){0,2}?" + _GATHERING + r"\s+(?:were|was)\b"
    r"|\b(?:also\s+)?(?:heard|received|listened\s+to)\s+(?:a\s+|the\s+)?reports?\s+(?:from|by|of)\b"
    r"|\b(?:delivered|made|gave)\s+(?:a\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?report\b"
    r"|\breported\s+(?:on|to\s+the\s+(?:meeting|participants))\b"
    r"|\b(?:also\s+)?invited\s+(?:to\s+the\s+" + _GATHERING + r"\s+)?were\b|\bwere\s+also\s+invited\b",
    re.I,
)
_GATHERING_WORD = re.compile(r"\b" + _GATHERING + r"\b|\bvideo ?link\b", re.I)


def joins_meeting(text: str) -> bool:
    """Does the sentence name who took part in a meeting ('The meeting was attended by X, Y and Z',
    'Taking part in the meeting were …', 'The President heard reports from X')?"""
    return bool(_JOINS.search(text))


def names_gathering(text: str) -> bool:
    """Does the text speak of a meeting, session or conference (whose attendees a later sentence may list)?"""
    return bool(_GATHERING_WORD.search(text))


def kind_of(text: str, date: str | None, article_date: str) -> str:
    """'call' for telephone conversations, 'planned' for announced meetings, else 'meeting'."""
    if _CALL.search(_ONLINE.sub(" ", text)) and not re.search(r"\bmet\b", text):
        return "call"
    span = span_of(date) if date else None
    if span and span[0].isoformat() > article_date:
        return "planned"
    if _FUTURE.search(text) and not re.search(r"\b(?:met|held|took place|had)\b", text):
        return "planned"
    return "meeting"


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    sa, sb = span_of(a), span_of(b)
    return bool(sa and sb and sa[0] <= sb[1] and sb[0] <= sa[1])


def _specific(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    sa, sb = span_of(a), span_of(b)
    return a if (sa[1] - sa[0]) <= (sb[1] - sb[0]) else b


def merge(drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """Fold repeated mentions of one meeting (shared pair, overlapping dates, same kind).

    Undated mentions (``date`` None, e.g. "at our meeting with X" in a quote) fold into any
    meeting of the same pair; dated ones only into a meeting whose date overlaps.
    """
    out: list[MeetingDraft] = []
    for d in sorted(drafts, key=lambda d: (d.date is None, not d.dated, d.paragraph)):
        if len(set(d.participants)) < 2:
            continue
        target = None
        for o in out:
            if o.kind != d.kind or len(set(o.participants) & set(d.participants)) < 2:
                continue
            if d.date is None or (o.date is not None and _compatible(o.date, d.date)):
                target = o
                break
        if target is None:
            out.append(MeetingDraft(list(dict.fromkeys(d.participants)), d.date, d.place, d.kind, d.paragraph,
                                    d.dated, d.place_rank))
            continue
        for p in d.participants:
            if p not in target.participants:
                target.participants.append(p)
        if d.date is not None and d.dated:
            target.date = _specific(target.date, d.date) if target.dated else d.date
            target.dated = True
        if d.place_rank > target.place_rank or (target.place is None and d.place is not None
                                                 and d.place_rank >= target.place_rank):
            target.place, target.place_rank = d.place, d.place_rank
    out.sort(key=lambda d: d.paragraph)
    return out


# ---------------------------------------------------------------- the article's title as a meeting signal

# 'Meeting with Patriarch X', 'Talks with President of Brazil X', 'Working meeting with Governor Y'
_TITLE_WITH = re.compile(
    r"^(?:(?:working|official|bilateral|private|informal|separate|brief|short)\s+)?"
    r"(?:meeting|talks|negotiations|conversation|consultations)\s+with\s+(?P<partners>.+)$",
    re.I,
)
# 'President met with …', 'X met with Y', 'X held talks with Y', 'In Kyiv, X met Y'
_TITLE_MET = re.compile(
    r"^(?P<subjects>.*?)\b(?:met(?:\s+with)?|meets(?:\s+with)?|(?:held|holds|had|has)\s+(?:a\s+|an\s+)?"
    r"(?:\w+\s+)?(?:meeting|talks|negotiations)\s+with)\s+(?P<partners>.+)$",
    re.I,
)
# 'Russian-Brazilian talks', 'News conference following Russia-Turkmenistan talks'
# 'X receives advisers to leaders of A and B who arrived for talks with Y', 'X welcomed Prime Minister Z'
_TITLE_RECEIVES = re.compile(
    r"^(?P<subjects>.*?)\b(?:receives|received|welcomes|welcomed|hosts|hosted)\s+(?P<partners>.+)$",
)
_TITLE_THING = re.compile(r"\b(?:awards?|prizes?|medals?|orders?|credentials|letters?|honou?rs?|degree|title|"
                          r"delegation|group|students|graduates)\b", re.I)
_TITLE_PAIR_TALKS = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)[\-–](?P<b>[A-Z][a-z]+)\s+(?:talks|negotiations|summit|meeting)\b"
)
# 'Statements by leaders of Russia, Azerbaijan and Armenia following trilateral talks': the transcript's speakers met
_TITLE_FOLLOWING = re.compile(
    r"^(?:(?:joint\s+|press\s+)?(?:statements?|news conference|press conference|press statements?|remarks)\b.*?)"
    r"\b(?:following|after)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}(?:talks|negotiations|meeting|summit)\b",
    re.I,
)
# 'Meeting of judges of general jurisdiction courts', 'Expanded meeting of the Defence Ministry Board'
_TITLE_GATHERING = re.compile(
    r"^(?:(?:expanded|extended|enlarged|joint|working|plenary|regular|annual|final)\s+)?(?:meeting|session)\s+"
    r"(?:of|on)\b", re.I)
_TITLE_NOT = re.compile(
    r"\b(?:telephone|phone|call|calls|called|will|to meet|to hold|ahead of|upcoming|plans?|planned|invites?|"
    r"invitation|schedule[sd]?|expected|preparations?|message|letter|greetings|condolences)\b",
    re.I,
)


def title_signal(title: str) -> tuple[str, str, str] | None:
    """A title that names a meeting which took place: (kind, subjects text, partners text).

    kind is 'with' ('Meeting with X': the article's host met X), 'met' ('X met with Y'), 'receives' ('X receives
    advisers to … for talks with Y': X, Y and the named advisers), 'pair' ('Russian-Brazilian talks': the
    partners text is the guest side's country word) or 'speakers' ('Statements by leaders … following trilateral
    talks': the titled speakers of the transcript). Telephone
    conversations and announcements of future meetings give nothing.
    """
    title = title.strip().rstrip(".")
    if not title or _TITLE_NOT.search(title):
        return None
    m = _TITLE_WITH.match(title)
    if m:
        return "with", "", m.group("partners")
    m = _TITLE_MET.match(title)
    if m:
        return "met", m.group("subjects"), m.group("partners")
    m = _TITLE_RECEIVES.match(title)
    if m and m.group("subjects").strip() and not _TITLE_THING.search(m.group("partners")):
        return "receives", m.group("subjects"), m.group("partners")
    m = _TITLE_PAIR_TALKS.search(title)
    if m:
        return "pair", m.group("a"), m.group("b")
    if _TITLE_FOLLOWING.match(title) or _TITLE_GATHERING.match(title):
        return "speakers", "", ""
    return None
