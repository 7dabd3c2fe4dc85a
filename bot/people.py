"""Person names: folding to comparable keys, and telling whether two names are one person."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "sir", "madam", "comrade", "his", "her", "excellency",
        "president", "prime", "minister", "premier", "chairman", "vice", "chancellor",
        "king", "queen", "prince", "princess", "sheikh", "emir", "pope",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SURNAME_SIMILARITY = 88  # rapidfuzz ratio at or above which two surnames are spelling variants


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits: diacritics dropped, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text.replace("\u2019", "'").replace("\u2018", "'")


def name_tokens(name: str) -> list[str]:
    """The words of a name without honorifics: "President Xi Jinping" -> ["xi", "jinping"]."""
    return [t for t in _TOKEN.findall(fold(name)) if t not in HONORIFICS]


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def surname_key(name: str) -> str:
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def similar_surnames(a: str, b: str) -> bool:
    """Spelling variants of one surname: Zelenskyy / Zelensky, Vucic / Vučić."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def same_person(a: str, b: str) -> bool:
    """Whether two written names can be the same person.

    The tokens of one must be a subset of the other's, allowing a spelling variant of
    the surname: "Lukashenko" ~ "Alexander Lukashenko"; "Volodymyr Zelensky" ~
    "Volodymyr Zelenskyy"; "Boris Johnson" !~ "Lyndon Johnson".
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    if not similar_surnames(ta[-1], tb[-1]):
        return False
    rest_a, rest_b = set(ta[:-1]), set(tb[:-1])
    return rest_a <= rest_b or rest_b <= rest_a


def fuller(a: str, b: str) -> str:
    """The fuller of two forms of one name (more name words, then longer)."""
    return max((a, b), key=lambda n: (len(name_tokens(n)), len(n)))
