"""A sentence guard run before the parser: a sentence starts only after a sentence-ending mark.

Paragraphs are split before parsing, so inside one a new sentence follows '.', '!', '?', '…', ':' or ';'
(possibly with a closing quotation mark or bracket between). The parser otherwise sometimes cuts a sentence
after an abbreviation in brackets: 'met with President of the Union of European Football Associations
(UEFA) | Aleksander Čeferin'.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset(".!?…:;")
_CLOSERS = frozenset("\"'”’»)]")

NAME = "newsbot_sentence_guard"


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Does token i (or the mark before its closing quotes/brackets) end a sentence?"""
    while i >= 0 and doc[i].text in _CLOSERS:
        i -= 1
    return i < 0 or doc[i].text[-1:] in _ENDS or "\n" in doc[i].text_with_ws


@Language.component(NAME)
def sentence_guard(doc: Doc) -> Doc:
    """Mark every token that does not follow a sentence end as no sentence start (the parser respects it)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space or tok.is_space:
            continue
        if not _ends_sentence(doc, tok.i - 1):
            tok.is_sent_start = False
    return doc
