"""The article store: add, duplicates, list, show, delete with everything derived."""

from __future__ import annotations

import sqlite3

import pytest

from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.store import Store


def draft(n: int = 1, **kw) -> ArticleDraft:
    fields = dict(
        title=f"Article {n}", date=f"2022-0{1 + n % 9}-1{n % 10}", paragraphs=[f"Body of article {n}.", "More."],
        url=f"https://example.org/news/{n}", source="example.org", ext_id=f"ex-{n}",
    )
    fields.update(kw)
    return ArticleDraft(**fields)


def extraction() -> Extraction:
    return Extraction(
        people=[PersonMention("Alexander Lukashenko", "President of Belarus", "Belarus"),
                PersonMention("Zhang Qingwei", "Vice Chairman")],
        quotes=[Quote("We are ready.", "Alexander Lukashenko", 0, 0, 13)],
        meetings=[Meeting(["Alexander Lukashenko", "Zhang Qingwei"], "2025-06-13", "Minsk")],
        version="test-1",
    )


async def test_add_and_get_round_trip(store: Store) -> None:
    result = await store.add_article(draft(), added_by="alice")
    assert result.created
    article = await store.get_article(result.article_id)
    assert article.title == "Article 1"
    assert article.paragraphs == ["Body of article 1.", "More."]
    assert article.text == "Body of article 1.\n\nMore."
    assert article.added_by == "alice" and article.added_at
    assert len(article.content_hash) == 64


async def test_same_url_is_a_duplicate(store: Store) -> None:
    first = await store.add_article(draft(1))
    again = await store.add_article(draft(2, url="HTTPS://EXAMPLE.org/news/1/#top"))
    assert not again.created
    assert again.article_id == first.article_id
    assert again.duplicate_reason == "same URL"
    assert await store.count_articles() == 1


async def test_same_normalized_text_is_a_duplicate(store: Store) -> None:
    first = await store.add_article(draft(1))
    again = await store.add_article(draft(1, url=None, title="Other", paragraphs=["BODY of  article 1.", "more."]))
    assert (again.created, again.article_id, again.duplicate_reason) == (False, first.article_id, "same text")


async def test_list_is_newest_first_and_paged(store: Store) -> None:
    for n, day in enumerate(["2022-03-01", "2022-05-01", "2022-01-01", "2022-04-01"], 1):
        await store.add_article(draft(n, date=day))
    dates = [a.date for a in await store.list_articles(limit=2)]
    assert dates == ["2022-05-01", "2022-04-01"]
    assert [a.date for a in await store.list_articles(limit=2, offset=2)] == ["2022-03-01", "2022-01-01"]
    assert await store.list_articles(limit=2, offset=4) == []


async def test_extraction_is_stored_with_the_article(store: Store) -> None:
    result = await store.add_article(draft(), extraction=extraction())
    assert await store.extraction_counts(result.article_id) == {"people": 2, "quotes": 1, "meetings": 1}
    quote = await store.fetchone("SELECT q.text, p.name FROM quotes q JOIN people p ON p.id = q.person_id")
    assert tuple(quote) == ("We are ready.", "Alexander Lukashenko")
    assert await store.stale_article_ids("test-1") == []
    assert await store.stale_article_ids("test-2") == [result.article_id]


async def test_one_person_across_articles_and_spelling_variants(store: Store) -> None:
    one = Extraction(people=[PersonMention("Volodymyr Zelenskyy", "President of Ukraine")], version="v")
    two = Extraction(people=[PersonMention("Volodymyr Zelensky")], version="v")
    three = Extraction(people=[PersonMention("Zelenskyy")], version="v")
    for n, ex in enumerate([one, two, three], 1):
        await store.add_article(draft(n), extraction=ex)
    rows = await store.fetchall("SELECT name FROM people")
    assert [r[0] for r in rows] == ["Volodymyr Zelenskyy"]


async def test_different_people_with_one_surname_stay_apart(store: Store) -> None:
    ex = Extraction(people=[PersonMention("Boris Johnson"), PersonMention("Lyndon Johnson")], version="v")
    await store.add_article(draft(), extraction=ex)
    assert (await store.fetchone("SELECT COUNT(*) FROM people"))[0] == 2


async def test_delete_removes_everything_derived_and_records_who(store: Store) -> None:
    kept = await store.add_article(draft(1), extraction=Extraction(
        people=[PersonMention("Zhang Qingwei")], version="v"))
    gone = await store.add_article(draft(2), added_by="alice", extraction=extraction())
    deleted = await store.delete_article(gone.article_id, deleted_by="bob")
    assert deleted.title == "Article 2"
    assert await store.get_article(gone.article_id) is None
    for table in ("quotes", "meetings", "mentions", "extractions"):
        row = await store.fetchone(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (gone.article_id,))
        assert row[0] == 0, table
    assert (await store.fetchone("SELECT COUNT(*) FROM meeting_participants"))[0] == 0
    names = [r[0] for r in await store.fetchall("SELECT name FROM people")]
    assert names == ["Zhang Qingwei"], "people only the deleted article named are gone"
    assert (await store.fetchone("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'ready'"))[0] == 0
    history = [(r["action"], r["actor"]) for r in await store.history(gone.article_id)]
    assert history == [("add", "alice"), ("delete", "bob")]
    assert await store.delete_article(gone.article_id) is None
    assert await store.get_article(kept.article_id) is not None


async def test_failed_write_rolls_back_the_whole_article(store: Store) -> None:
    bad = Extraction(quotes=[Quote(None, None, 0, 0, 0)], version="v")  # text NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        await store.add_article(draft(), extraction=bad)
    assert await store.count_articles() == 0
