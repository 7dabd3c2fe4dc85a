"""cogs/render.py: whatever the engine returns, every embed stays within Discord's limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest import ImportReport
from bot.moderation import moderator_refusal
from bot.qa.result import Answer, ArticleItem, MeetingItem, QuoteItem, Source
from cogs.render import LIMITS, answer_embeds, embed_size_ok, link, report_embeds, safe

text = st.text(min_size=0, max_size=3000)
source = st.builds(Source, article_id=st.integers(1, 10**6), title=st.text(max_size=600), date=st.just("2025-06-13"),
                   url=st.one_of(st.none(), st.just("https://example.com/a(b)c")))
item = st.one_of(
    st.builds(QuoteItem, text=text, speaker=st.one_of(st.none(), st.text(max_size=300)), source=source),
    st.builds(MeetingItem, participants=st.lists(st.text(max_size=200), max_size=12), date=st.just("2025-06"),
              start=st.just("2025-06-01"), end=st.just("2025-06-30"), place=st.one_of(st.none(), st.text(max_size=200)),
              sources=st.lists(source, min_size=1, max_size=6)),
    st.builds(ArticleItem, source=source),
)


@settings(max_examples=60, deadline=None)
@given(title=st.text(max_size=500), body=text, people=st.lists(st.text(max_size=200), max_size=40),
       items=st.lists(item, max_size=60))
def test_answers_fit_discord_limits(title: str, body: str, people: list[str], items: list) -> None:
    embeds = answer_embeds(title, Answer("search", body, people, items))
    assert embeds
    assert all(embed_size_ok(e) for e in embeds)
    shown = sum(e.description.count(" \u00b7 #") for e in embeds if e.description)
    assert shown >= len(items)  # nothing is dropped: every item has at least one source line


def test_many_items_make_numbered_pages() -> None:
    src = Source(1, "Title", "2025-06-13", "https://example.com/1")
    embeds = answer_embeds("q", Answer("quotes_about", "Quotes:", [], [QuoteItem("w" * 100, "A B", src)] * 30))
    assert len(embeds) == 4
    assert [e.footer.text for e in embeds] == [f"Page {n}/4 \u00b7 30 items" for n in range(1, 5)]


def test_import_reports_fit_too() -> None:
    report = ImportReport(added=[(f"f.jsonl:{n}", n) for n in range(300)],
                          errors=[(f"f.jsonl:{n}", "x" * 500) for n in range(300)])
    embeds = report_embeds("@everyone.jsonl", report)
    assert len(embeds) > 1 and all(embed_size_ok(e) for e in embeds)
    assert embeds[0].title == "Import of @\u200beveryone.jsonl"


def test_echoed_text_is_inert() -> None:
    assert safe("@everyone **x** <@123456789012345678>") == "@\u200beveryone \\*\\*x\\*\\* <@\u200b123456789012345678>"
    assert link("a ] b", "https://e.com/x y)") == "[a ) b](https://e.com/x%20y%29)"
    assert link("t", "javascript:alert(1)") == "t"
    assert LIMITS["description"] == 4096


def test_moderator_rule() -> None:
    rule = {"role_ids": [], "moderator_role": "News Moderator"}
    assert moderator_refusal(in_guild=True, role_names=["news moderator"], manage_messages=False, **rule) is None
    assert moderator_refusal(in_guild=True, role_names=[], manage_messages=True, **rule) is None
    assert "News Moderator" in moderator_refusal(in_guild=True, role_names=["Member"], manage_messages=False, **rule)
    assert "direct messages" in moderator_refusal(in_guild=False, role_names=[], manage_messages=True, **rule)
    by_id = {"role_names": [], "role_ids": [42], "manage_messages": False, "moderator_role": "42"}
    assert moderator_refusal(in_guild=True, **by_id) is None
