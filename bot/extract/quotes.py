"""Find direct quotations marked by quotation marks, across paragraphs, and refuse scare quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import SAY_VERBS

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
_WORDS = re.compile(r"[A-Za-z0-9][\w'’\-]*")


@dataclass(slots=True)
class RawQuote:
    """Quoted words: ``paragraph``/``start``/``end`` locate the text inside the first paragraph."""

    paragraph: int
    start: int
    end: int
    text: str
    close_paragraph: int
    close_at: int  # index of the closing mark in ``close_paragraph`` (-1: none)


def _is_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPENERS:
        return True
    if ch != STRAIGHT:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([—–-:…/" or i == 0)


def _is_close(text: str, i: int) -> bool:
    ch = text[i]
    if ch in CLOSERS:
        return True
    if ch != STRAIGHT:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-…'’" or i + 1 == len(text))


def find_quotes(paragraphs: list[str], skip: list[list[tuple[int, int]]], headings: set[int]) -> list[RawQuote]:
    """Quoted spans; ``skip[i]`` are char ranges of paragraph ``i`` to ignore (transcript turns)."""
    out: list[RawQuote] = []
    open_at: tuple[int, int] | None = None  # (paragraph, content start)
    parts: list[str] = []
    for pi, text in enumerate(paragraphs):
        if pi in headings:
            open_at, parts = None, []
            continue
        ranges = skip[pi] if pi < len(skip) else []
        i = 0
        if open_at is not None:
            if pi - open_at[0] > 4:
                open_at, parts = None, []
            elif text[:1] in OPENERS + STRAIGHT:
                i = 1
        seg_start = i
        while i < len(text):
            ch = text[i]
            if ch not in OPENERS and ch not in CLOSERS and ch != STRAIGHT:
                i += 1
                continue
            if any(a <= i < b for a, b in ranges):
                i += 1
                continue
            if open_at is None:
                if _is_open(text, i):
                    open_at, parts, seg_start = (pi, i + 1), [], i + 1
            elif (ch in OPENERS or (_is_open(text, i) and not _is_close(text, i))) and i > seg_start:
                prev = text[seg_start:i].rstrip()
                if ch in OPENERS and pi == open_at[0] and not parts and not prev.endswith(_ENDS):
                    open_at, seg_start = (pi, i + 1), i + 1  # unclosed stray opener: restart here
                elif prev.endswith(_ENDS) and text[i + 1:i + 2].isupper():
                    # '… more active. "Both …': the quote was never closed; a new one starts here
                    parts.append(text[seg_start:i])
                    body = " ".join(p.strip() for p in parts if p.strip())
                    out.append(_make(open_at, body, pi, i, paragraphs))
                    open_at, parts, seg_start = (pi, i + 1), [], i + 1
                else:
                    # a quotation inside the quotation ('a "Marshall Plan" for …'): skip to its end
                    j = _inner_close(text, i + 1)
                    if j is not None:
                        i = j
            elif _is_close(text, i):
                parts.append(text[seg_start:i])
                body = " ".join(p.strip() for p in parts if p.strip())
                out.append(_make(open_at, body, pi, i, paragraphs))
                open_at, parts = None, []
            i += 1
        if open_at is not None:
            parts.append(text[seg_start:])
    if open_at is not None and parts:
        pi0 = open_at[0]
        first = paragraphs[pi0][open_at[1]:]
        if '"' not in first and "”" not in first:
            out.append(_make(open_at, first.strip(), pi0, -1, paragraphs))
    return out


_ENDS = (".", "!", "?", "…")


def _inner_close(text: str, start: int) -> int | None:
    """The closing mark of a short quotation nested inside another (a term or a title), if any."""
    for j in range(start, min(len(text), start + 60)):
        if text[j] in CLOSERS or (text[j] == STRAIGHT and _is_close(text, j)):
            return j
        if text[j] in OPENERS:
            return None
    return None


def _make(open_at: tuple[int, int], body: str, close_p: int, close_i: int, paragraphs: list[str]) -> RawQuote:
    pi, start = open_at
    body = body.strip().rstrip(",").strip()
    end = len(paragraphs[pi]) if close_p != pi else close_i
    return RawQuote(pi, start, end, body, close_p, close_i)


_DOCUMENT_TITLE = re.compile(r"^On\s+(?:the\s+)?[\w'’\-]+")
_DOCUMENT_BEFORE = re.compile(r"\b(?:laws?|decrees?|bills?|resolutions?|decisions?|orders?|acts?|ordinances?|No\.?|"
                              r"codes?|council|\d[\w/\-.]*)\W*$", re.I)


def is_speech(q: RawQuote, paragraphs: list[str]) -> bool:
    """True for quoted speech; False for scare quotes, names, terms and titles in quotation marks."""
    words = _WORDS.findall(q.text)
    n = len(words)
    if n == 0:
        return False
    text = paragraphs[q.paragraph]
    before = text[: max(0, q.start - 1)].rstrip()
    prev_char = before[-1:] if before else ""
    if _DOCUMENT_TITLE.match(q.text) and _DOCUMENT_BEFORE.search(before[-80:]):
        return False  # 'Decree No. 160/2021 "On the priority areas of …"': the title of a law or decree
    after = paragraphs[q.close_paragraph][q.close_at + 1:q.close_at + 80] if q.close_at >= 0 else ""
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
    last = paragraphs[q.close_paragraph][q.close_at - 1] if q.close_at > 0 else "."
    ends_punct = last in ".!?…,:;" or bool(re.search(r"[.!?…,:;]$", q.text.strip()))
    if title_case and not ends_punct and n < 12:
        return False
    starts_sentence = prev_char in ("", ".", "!", "?", "…", ":", "—", "–") or before.endswith(("\"", "”"))
    attr_after = bool(re.match(r"^[\s,.!?…—–-]*(?:\w+\s+){0,5}?(" + "|".join(SAY_VERBS) + r")\b", after))
    resumed = prev_char == "," and re.search(r'[”"],?\s+[^"“”]{0,60}\b(?:' + "|".join(SAY_VERBS) + r')\b[^"“”]{0,40},$',
                                             before)
    introduced = re.search(r"(?:\baccording to [^,]{1,60}|\b(?:" + "|".join(SAY_VERBS) + r")(?: that)?)[,:]?$", before,
                           re.I)
    if (prev_char == ":" or resumed or introduced) and n >= 2:
        return True
    if starts_sentence and (ends_punct or n >= 6) and n >= 2:
        return True
    if attr_after and n >= 3 and ends_punct:
        return True
    return bool(n >= 8 and not title_case)
