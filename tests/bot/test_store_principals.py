"""The source's principal learnt from stored articles, so a single article added later still gets it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.extract import extract_article, load_nlp
from bot.models import ArticleDraft
from bot.store.principals import source_principals

SOURCE = "president.example.ru"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _draft(i: int, text: str, source: str = SOURCE) -> ArticleDraft:
    return ArticleDraft(title=f"Article {i}", date="2022-05-13", paragraphs=[text], source=source, ext_id=f"a{i}")


async def _add(store, nlp, d: ArticleDraft) -> None:
    await store.add_article(d, extraction=extract_article(d, nlp=nlp))


async def test_principal_of_a_source_from_its_stored_articles(store, nlp):
    assert await source_principals(store) == {}
    for i in range(3):
        await _add(store, nlp, _draft(i, f"President of Russia Vladimir Putin met with Governor Ivan Sokol{i}ov."))
    await _add(store, nlp, _draft(9, "President of France Emmanuel Macron met with Mayor Anne Hidal.", "fr.example"))
    assert await source_principals(store) == {SOURCE: ("Vladimir Putin", "President of Russia")}


async def test_engine_gives_a_lone_new_article_its_sources_principal(store, nlp):
    for i in range(2):
        await _add(store, nlp, _draft(i, f"President of Russia Vladimir Putin met with Governor Ivan Sokol{i}ov."))
    engine = Engine(None, store)  # type: ignore[arg-type]  (no bot settings needed to extract)
    lone = _draft(5, "The President held a meeting with Governor Pavel Orlin.")
    other = _draft(6, "The President spoke.", source="unknown.example")
    await engine._fill_principals([lone, other])
    assert lone.principal == ("Vladimir Putin", "President of Russia")
    assert other.principal is None
    meetings = extract_article(lone, nlp=nlp).meetings
    assert [set(m.participants) for m in meetings] == [{"Vladimir Putin", "Pavel Orlin"}]
