"""Words of a question: folding, tokenizing, and the small closed word classes the grammar uses."""

from __future__ import annotations

import re

from bot.people import HONORIFICS, fold

MAX_QUESTION_CHARS = 1000
def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")

STOP = _set(
    """a an the of in on at to for with by from and or nor not no but if than then as into onto over under
    about above below between during before after since until till via per up down out off
    is are was were be been being am do does did done doing has have had having will would shall should
    can could may might must ought i me my mine we us our you your he him his she her it its they them their
    this that these those there here who whom whose what which when where why how whether
    all any some each every both either neither more most much many few other another such own same so very
    just also only even ever still yet again too please show list find give tell get let know look
    search display fetch want like need anything something everything nothing one ones thing things
    s t ok okay hi hello hey thanks thank bot newsbot took take takes taken place held hold holds
    person persons people face personally foreign lately recently currently ever already anyone anybody someone
    somebody pls plz kindly could would possibly maybe i'd i'm everyone everybody exactly precisely actually exact
    verbatim"""
)

QUOTE_WORDS = _set(
    """say said says saying quote quotes quoted quoting quotation quotations statement statements remark remarks
    comment comments commented words stated declared claimed claim spoke speak speaks speech speeches
    told saying sayings warn warned warns warning urge urged urges stress stressed stresses argue argued argues
    insist insisted insists emphasize emphasized emphasised emphasises emphasizes criticize criticized criticised
    criticizes condemn condemned condemns praise praised praises thanked announce announced announces
    promise promised promises respond responded responds response reaction reacted reacts view views stance
    opinion opinions think thinks thought believe believes answered explain explained wrote write writes message
    messages rhetoric"""
)
MEET_WORDS = _set(
    """meet meets met meeting meetings talks negotiations negotiated visited visit visits hosted host hosts
    summit encounter encountered discuss discussed discussing"""
)
ARTICLE_WORDS = _set(
    """article articles news story stories report reports reported press release releases coverage headline
    headlines happened happen happening latest recent newest new written published publication
    mention mentions mentioned update updates developments development going headlines"""
)
WEAK_MEET_WORDS = _set("see sees saw seen came come comes visiting welcomed welcome welcomes welcoming received "
                       "receive receives receiving together hosting")
"""Meeting verbs only when a person is named: "which leaders came to see Zelenskyy"."""
TALK_WORDS = _set("talk talked talking chat chatted")
"""Quote verbs before "about"/"of" ("who talked about X"), meeting verbs before "with" ("talked with X")."""
TITLE_WORDS = _set("title titles job jobs role roles position positions post office function occupation")
"""In a question about a named person with no topic: "what is Draghi's title", "what position does Costa hold"."""
PLACE_VERBS = _set("visit visits visited visiting go went gone travel travelled traveled trip came come comes been "
                   "was were in at to arrived arrive arrives")
"""Words before a place in a meeting question: "in Kyiv", "visited Kyiv", "came to Kyiv", "trip to Moscow"."""
EVENT_NOUNS = _set("summit summits forum forums conference conferences congress games olympics olympic festival expo "
                   "exhibition session sessions assembly ceremony ceremonies parade council convention week fair "
                   "dialogue symposium gathering celebrations celebration")
"""Words that name an occasion: "at the CSTO summit", "during the Eastern Economic Forum"."""
SIDELINES = _set("sidelines sideline margins margin fringes fringe")
"""'on the sidelines of <EVENT>': the words after them name an occasion."""
TRIP_WORDS = _set("trip trips visit visits tour tours stay journey")
GRAMMAR = QUOTE_WORDS | MEET_WORDS | ARTICLE_WORDS | WEAK_MEET_WORDS
TOPIC_MARKERS = ("about", "regarding", "concerning", "mentioning", "re", "on")
ROLE_WORDS = _set(
    """president presidents minister ministers prime premier chancellor chairman chairwoman chair head leader leaders
    king queen prince emir sultan governor mayor secretary spokesman spokeswoman spokesperson ambassador commissioner
    representative envoy director general speaker vice deputy first lady defence defense chief ceo boss senator
    senators ladies congressman congresswoman lawmaker lawmakers"""
)


_SEP = r"(?:\s+|-)"
_ONLINE = (r"(?:(?:by|via|over|on)" + _SEP + r")?(?:video(?:" + _SEP + r"?(?:links?|calls?|conferences?))?|online|"
           r"virtual(?:ly)?|remote(?:ly)?|zoom|skype|offline)")
_CLAUSE_END = (r"(?=\s*$|\s+(?:in|on|during|since|from|between|last|this|before|after|zzz|with|and|who|whom|which|what"
               r"|when|where|did|has|have)\b)")
"""Where a modifier ends: the end, a clause mark, or a word that starts the next part of the question."""
_PHRASE_RULES = [
    # how they met, not whom or where: "including by video", "incl. online", "in person or online", "whether online
    # or not" (online meetings are meetings anyway; these never restrict)
    (re.compile(r"\b(?:including|incl|inclusive of|counting|even)" + _SEP + r"(?:those" + _SEP + r")?" + _ONLINE
                + r"(?:" + _SEP + r"(?:ones|meetings?|talks))?\b"), ""),
    (re.compile(r"\b(?:whether" + _SEP + r")?(?:(?:in" + _SEP + r"person|face" + _SEP + r"to" + _SEP + r"face|"
                + _ONLINE + r")" + _SEP + r")?(?:or|and)" + _SEP + r"(?:" + _ONLINE + r"|in" + _SEP + r"person|not)"
                r"(?:" + _SEP + r"or" + _SEP + r"not)?\b" + _CLAUSE_END), ""),
    (re.compile(r"\bwhether" + _SEP + r"(?:" + _ONLINE + r"|in" + _SEP + r"person)\b"), ""),
    # "video call", "online meeting", "video link", "videoconference": online meetings are meetings
    (re.compile(r"\b(?:video|online|virtual|zoom|remote|web)" + _SEP + r"?(?:calls?|links?|conferences?|conferencing|"
                r"meetings?|talks|summits?|chats?|sessions?|bridges?)\b|\bvideo ?(?:calls?|conferences?|links?)\b"),
     "meeting"),
    (re.compile(r"\b(?:sit|sits|sat|sitting)" + _SEP + r"down\b"), "met"),  # "sat down with X"
    (re.compile(r"\b(?:get|gets|got|getting|gotten)" + _SEP + r"together\b"), "met"),  # "got together with X"
    (re.compile(r"\b(meet|meets|met|meeting)" + _SEP + r"up\b"), r"\1"),  # "meet up"
    # how they met, not where: "in person", "face to face", "in the flesh"
    (re.compile(r"\b(?:in" + _SEP + r"person|face" + _SEP + r"to" + _SEP + r"face|in the flesh|personally)\b"), ""),
]
"""Multi-word meeting expressions rewritten to the grammar's meeting words (over folded, space-joined words)."""


def meeting_phrases(text: str) -> str:
    """Folded words with multi-word meeting expressions read as meeting words ("held a video call with")."""
    for pattern, repl in _PHRASE_RULES:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def words(question: str) -> list[str]:
    """Folded words of a question (lower case, no diacritics, possessive 's dropped); capped in length."""
    folded = fold(question[:MAX_QUESTION_CHARS])
    out = []
    for w in _WORD.findall(folded):
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
    return out


def content(tokens: list[str], *, meeting_words: bool = False) -> list[str]:
    """Words that carry meaning for a search: no stop words, no question scaffolding, no honorifics.
    ``meeting_words``: keep "visit", "talks", "meeting" (in a quote question they are what the quote is about)."""
    drop = STOP | QUOTE_WORDS | ARTICLE_WORDS | (frozenset() if meeting_words else MEET_WORDS)
    return [t for t in tokens if t not in drop and len(t) > 1 or t.isdigit()]


def is_honorific(token: str) -> bool:
    return token in HONORIFICS
