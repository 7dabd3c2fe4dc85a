"""extract-1.6 rules on invented sentences: role nouns as speakers, quotes that continue a subject's sentence,
relatives of a person named in passing, and transcript labels mistyped with a full stop."""

from __future__ import annotations

import pytest

from bot.extract import extract_article, load_nlp
from bot.models import ArticleDraft


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def run(nlp, *paragraphs: str, title: str = "t", date: str = "2024-03-05"):
    draft = ArticleDraft(title=title, date=date, paragraphs=list(paragraphs), ext_id="x")
    return extract_article(draft, nlp=nlp)


def quotes(ext):
    return [(q.text, q.speaker) for q in ext.quotes]


def test_role_phrase_with_organisation_resolves_to_its_holder(nlp):
    ext = run(nlp, "Mayor Tomas Brenner met with Regional Appeals Tribunal Prosecutor Lina Oster in Varnel. "
                   '"Justice must be swift and fair," the Regional Appeals Tribunal Prosecutor said.')
    assert quotes(ext) == [("Justice must be swift and fair", "Lina Oster")]


def test_quote_continuing_a_sentence_belongs_to_its_subject(nlp):
    ext = run(nlp, 'Lina Oster met with Tomas Brenner. "We will open the new archive soon," Lina Oster said. '
                   'Tomas Brenner thanked the city for the new bridges built last spring: "The bridges changed '
                   'the life of our valley and we are grateful for them."')
    assert quotes(ext)[-1] == ("The bridges changed the life of our valley and we are grateful for them.",
                               "Tomas Brenner")


def test_relative_of_a_person_named_in_passing_is_the_participant(nlp):
    ext = run(nlp, "Governor Tomas Brenner met with Anna Keller, the mother of Honoured Rescuer Paul Keller, "
                   "who died saving children from a flood.",
              title="Meeting with mother of Honoured Rescuer Paul Keller")
    pairs = [set(m.participants) for m in ext.meetings]
    assert all("Paul Keller" not in p for p in pairs)
    assert {"Tomas Brenner", "Anna Keller"} in pairs
