"""Transcript turns: 'President of Russia Vladimir Putin: words…' and garbled speaker labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import (
    CONNECTORS,
    LABEL_STOP_PREV,
    NON_NAME_TOKENS,
    NONPERSON_LABELS,
    ROLE_NOUNS,
    TITLE_WORDS,
    latin,
)
from bot.extract.people import clean_name, dedupe_garbled

_WORD = re.compile(r"\S+")
_CAP = re.compile(latin(r"^[A-Z][\w'’\-.]*$"))
_SENT_END = ("." , "!", "?", "…", "\"", "”", "»", ")", "]", ":", ";")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ROLE_WORDS = frozenset(w for r in ROLE_NOUNS for w in r.split())
# a lower-case note between a speaker's name and the colon: 'Viktor Orban (retranslated):', '(via interpreter)'
_NOTE = re.compile(r"\s*\((?:[a-z][a-z ,\-]{2,30})\)\s*$")


@dataclass(slots=True)
class Label:
    """A speaker label inside a paragraph; ``name`` is None for 'Question:' and the like."""

    start: int  # where the label begins
    end: int  # where the turn's words begin
    name: str | None
    title: str | None
    raw: str


def find_labels(text: str) -> list[Label]:
    """Every transcript speaker label in one paragraph."""
    labels: list[Label] = []
    for m in re.finditer(r":", text):
        colon = m.start()
        note = _NOTE.search(text, max(0, colon - 40), colon)
        name_end = note.start() if note else colon
        window_start = max(0, name_end - 220)
        words = list(_WORD.finditer(text, window_start, name_end))
        if not words or words[-1].end() != name_end:
            continue
        run: list[re.Match] = []
        prev: re.Match | None = None
        for w in reversed(words):
            tok = w.group(0)
            if run and tok.endswith(_SENT_END) and not re.fullmatch(r"[A-Z]\.", tok):
                prev = w
                break
            if _CAP.match(tok) or (run and tok in CONNECTORS):
                run.append(w)
                if len(run) > 28:
                    break
                continue
            prev = w
            break
        run.reverse()
        while run and run[0].group(0) in CONNECTORS:
            run.pop(0)
        if not run:
            continue
        if prev is not None and window_start > 0 and prev.start() == window_start:
            pass
        if prev is not None and prev.group(0).lower().strip(",") in LABEL_STOP_PREV:
            continue
        raw = text[run[0].start():name_end]
        after = text[colon + 1:colon + 3]
        if not after.strip() and colon + 1 >= len(text):
            continue
        end = colon + 1
        while end < len(text) and text[end] == " ":
            end += 1
        name, title = parse_label(raw)
        if name is None:
            if raw.lower() in NONPERSON_LABELS:
                labels.append(Label(run[0].start(), end, None, None, raw))
            continue
        labels.append(Label(run[0].start(), end, name, title, raw))
    return labels


def parse_label(raw: str) -> tuple[str | None, str | None]:
    """Split a label's words into (name, title); None when the label names no person."""
    words = raw.split()
    # garbled 'Title First Last Last FirstTitle of …': the words glued to the name start a repeated title
    for i, w in enumerate(words):
        parts = _CAMEL.split(w)
        if i > 0 and len(parts) == 2 and parts[1].lower() in TITLE_WORDS:
            words = words[:i] + [parts[0]]
            break
    words = _CAMEL.sub(" ", " ".join(words)).split()
    # garbled 'Title First Last Last FirstTitle': drop the repeated title at the end
    for k in range(len(words) // 2, 0, -1):
        if words[-k:] == words[:k] and len(words) > 2 * k:
            words = words[:-k]
            break
    words = dedupe_garbled_tail(words)
    # the name is the trailing run of words that are not title words
    name_words: list[str] = []
    for w in reversed(words):
        lw = w.lower().strip(".,")
        if lw in TITLE_WORDS or lw in CONNECTORS or lw in _ROLE_WORDS:
            break
        name_words.append(w)
    name_words.reverse()
    while len(name_words) > 2:
        idx = len(words) - len(name_words)
        if idx > 0 and words[idx - 1].lower() in CONNECTORS:
            name_words.pop(0)  # 'President of Russia Vladimir Putin': Russia belongs to the title
        else:
            break
    while len(name_words) > 2 and name_words[0].lower().strip(".,") in NON_NAME_TOKENS:
        name_words.pop(0)  # '… of the Armed Forces Valery Gerasimov': the tail of the title is no name
    if len(name_words) > 3:
        name_words = name_words[-3:] if re.fullmatch(r"[A-Z]\.", name_words[-2]) else name_words[-2:]
    title_words = words[: len(words) - len(name_words)]
    if not name_words:
        return None, None
    if len(name_words) == 1 and not title_words:
        return None, None
    name = clean_name(" ".join(name_words))
    if name is None:
        return None, None
    title = " ".join(title_words) or None
    if title and not any(w.lower() in TITLE_WORDS for w in title_words):
        # e.g. 'Belarus Alexander' is not a title; keep only the name
        title = None
    return name, title


def dedupe_garbled_tail(words: list[str]) -> list[str]:
    """'... Alexander Lukashenko Lukashenko Alexander' -> '... Alexander Lukashenko'."""
    for n in (3, 2):
        if len(words) >= 2 * n and words[-n:] == words[-2 * n:-n][::-1]:
            return words[:-n]
    names = [w for w in words if w.lower() not in CONNECTORS]
    return dedupe_garbled(words) if len(set(names)) < len(names) else words
