"""Question answering over a small hand-made database (no NLP extractor involved)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.qa import answer, understand
from bot.qa.text import words
from bot.store import Store

NOW = date(2025, 6, 20)


def _draft(ext_id: str, title: str, day: str, text: str) -> ArticleDraft:
    return ArticleDraft(title=title, date=day, paragraphs=[text], url=f"https://example.org/{ext_id}", ext_id=ext_id)


def _q(text: str, speaker: str) -> Quote:
    return Quote(text=text, speaker=speaker, paragraph=0, start=0, end=0)


ARTICLES = [
    (
        _draft("minsk", "Lukashenko meets Zhang Qingwei", "2025-06-13",
               "Belarus and China discussed industrial cooperation at the Palace of Independence."),
        Extraction(
            people=[PersonMention("Alexander Lukashenko", "President of Belarus", aliases=["Alyaksandr Lukashenka"]),
                    PersonMention("Zhang Qingwei", "Vice Chairman of the Standing Committee of the NPC"),
                    PersonMention("Xi Jinping", "President of China")],
            quotes=[_q("No storms or gales could break our unity", "Alexander Lukashenko"),
                    _q("Today, sanctions represent an opportunity for us", "Alexander Lukashenko"),
                    _q("You are very well known in China", "Zhang Qingwei")],
            meetings=[Meeting(["Alexander Lukashenko", "Zhang Qingwei"], "2025-06-13", "Palace of Independence"),
                      Meeting(["Alexander Lukashenko", "Xi Jinping"], "2025-06-01/2025-06-12", "Beijing"),
                      Meeting(["Alexander Lukashenko", "Xi Jinping"], "2025-09", None, kind="planned")],
        ),
    ),
    (
        _draft("sochi", "Talks with President of Serbia", "2021-11-25", "Putin met Aleksandar Vucic in Sochi."),
        Extraction(
            people=[PersonMention("Vladimir Putin", "President of Russia"),
                    PersonMention("Aleksandar Vucic", "President of Serbia")],
            quotes=[_q("I am very happy to see you", "Vladimir Putin")],
            meetings=[Meeting(["Vladimir Putin", "Aleksandar Vucic"], "2021-11-25", "Sochi")],
        ),
    ),
    (
        _draft("sochi2", "Putin and Vucic discussed gas", "2021-11-26", "The two presidents met yesterday in Sochi."),
        Extraction(
            people=[PersonMention("Putin"), PersonMention("Vučić")],
            meetings=[Meeting(["Putin", "Vučić"], "2021-11", "Sochi")],
        ),
    ),
    (
        _draft("kyiv", "Zelenskyy met Duda in Kyiv", "2022-05-22", "Andrzej Duda came to Kyiv."),
        Extraction(
            people=[PersonMention("Volodymyr Zelenskyy", "President of Ukraine"),
                    PersonMention("Andrzej Duda", "President of Poland"),
                    PersonMention("Agata Kornhauser-Duda", "First Lady of Poland")],
            quotes=[_q("Ukraine needs weapons", "Andrzej Duda"),
                    _q("The seventh sanctions package must be agreed upon", "Volodymyr Zelenskyy")],
            meetings=[Meeting(["Volodymyr Zelenskyy", "Andrzej Duda"], "2022-05-22", "Kyiv")],
        ),
    ),
]


@pytest.fixture
async def store(tmp_path):
    s = await Store.open(tmp_path / "qa.db")
    for draft, extraction in ARTICLES:
        await s.add_article(draft, extraction=extraction)
    yield s
    await s.close()


async def ask(store: Store, question: str, now: date = NOW):
    return await answer(store, question, now=now)


# ------------------------------------------------------------------ intents


async def test_meetings_in_a_month(store):
    a = await ask(store, "who met Lukashenko in June 2025")
    assert a.intent == "meetings"
    assert a.people == ["Xi Jinping", "Zhang Qingwei"]  # by date; Lukashenko himself is not listed
    assert [i.date for i in a.items] == ["2025-06-01/2025-06-12", "2025-06-13"]
    assert "Zhang Qingwei — 13 June 2025, Palace of Independence — “Lukashenko meets Zhang Qingwei” (2025-06-13)" \
        in a.text
    assert "<https://example.org/minsk>" in a.text


async def test_planned_meetings_do_not_count(store):
    a = await ask(store, "who met Lukashenko in September 2025", now=date(2025, 10, 1))
    assert a.items == [] and a.people == []


async def test_meetings_between_two_people_and_when(store):
    a = await ask(store, "when did Putin meet Vucic?")
    assert a.intent == "meetings"
    assert a.people == ["Aleksandar Vucic"]
    assert [i.date for i in a.items] == ["2021-11-25"]


async def test_same_meeting_from_two_articles_is_one_item_with_both_sources(store):
    a = await ask(store, "who has met Vladimir Putin?")
    assert len(a.items) == 1
    item = a.items[0]
    assert sorted(s.article_id for s in item.sources) == [2, 3]
    assert item.date == "2021-11-25"  # the more precise report
    assert "“Talks with President of Serbia” (2021-11-25)" in a.text and "(2021-11-26)" in a.text
    assert a.to_contract("x", "q")["items"][0]["article_id"] == 2


async def test_who_did_x_meet_last_week(store):
    a = await ask(store, "who did Zelenskyy meet last week?", now=date(2022, 5, 25))
    assert a.people == ["Andrzej Duda"]


async def test_quotes_by_person(store):
    a = await ask(store, "what did Zhang Qingwei say?")
    assert a.intent == "quotes_by"
    assert [i.speaker for i in a.items] == ["Zhang Qingwei"]
    assert "You are very well known in China" in a.text


async def test_quotes_by_person_about_topic(store):
    a = await ask(store, "what did Lukashenko say about sanctions")
    assert a.intent == "quotes_by"
    assert [i.text for i in a.items] == ["Today, sanctions represent an opportunity for us"]


async def test_quotes_by_other_phrasings(store):
    for question in ("quotes by Andrzej Duda", "show me what Duda said", "Duda's statements", "anything Duda said?"):
        a = await ask(store, question)
        assert a.intent == "quotes_by", question
        assert [i.speaker for i in a.items] == ["Andrzej Duda"], question


async def test_quotes_about_topic(store):
    a = await ask(store, "show quotes about unity")
    assert a.intent == "quotes_about"
    assert a.items[0].text == "No storms or gales could break our unity"
    assert a.people == ["Alexander Lukashenko"]
    b = await ask(store, "quotes about the seventh sanctions package")
    assert b.items[0].text.startswith("The seventh sanctions package")


async def test_who_is(store):
    a = await ask(store, "who is Zhang Qingwei?")
    assert a.intent == "person"
    assert a.people == ["Zhang Qingwei"]
    assert "Vice Chairman" in a.text and "1 article(s); 1 meeting(s); 1 quote(s)" in a.text
    assert a.items[0].text == "You are very well known in China"


async def test_articles_about_topic_in_month(store):
    a = await ask(store, "articles about industrial cooperation in June 2025")
    assert a.intent == "articles"
    assert [i.source.article_id for i in a.items] == [1]
    assert (await ask(store, "articles about industrial cooperation in May 2025")).items == []


async def test_latest_news(store):
    a = await ask(store, "latest news")
    assert a.intent == "articles"
    assert [i.source.date for i in a.items] == sorted((i.source.date for i in a.items), reverse=True)
    assert len(a.items) == 4


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("who met Lukashenko in June 2025", "Alexander Lukashenko"),  # surname
        ("who met Lukashenka in June 2025", "Alexander Lukashenko"),  # alias / spelling variant
        ("who met Alexander Lukashenko in June 2025", "Alexander Lukashenko"),
        ("who met Lukashneko in June 2025", "Alexander Lukashenko"),  # typo
        ("who met the Belarusian president in June 2025", "Alexander Lukashenko"),  # role phrase
        ("who met the president of Belarus in June 2025", "Alexander Lukashenko"),
        ("who did Zelensky meet", "Volodymyr Zelenskyy"),  # variant
        ("what did President Putin say", "Vladimir Putin"),  # honorific
        ("what did Duda say", "Andrzej Duda"),  # prominence: Andrzej over Agata Kornhauser-Duda
    ],
)
async def test_name_forms(store, question, name):
    q = await understand(store, question, now=NOW)
    assert q.persons and q.persons[0].name == name


async def test_role_phrase_answer_says_how_it_was_read(store):
    a = await ask(store, "who met the Belarusian leader in June 2025")
    assert a.people == ["Xi Jinping", "Zhang Qingwei"]
    assert "role phrase" in a.text


# ------------------------------------------------------------------ honesty and fallback


async def test_nothing_found_is_honest(store):
    a = await ask(store, "who met Lukashenko in July 2025", now=date(2025, 7, 31))
    assert a.items == [] and a.people == []
    assert a.text.startswith("I found nothing about meetings of Alexander Lukashenko in July 2025")
    contract = a.to_contract("d04", "who met Lukashenko in July 2025")
    assert contract == {"id": "d04", "question": "who met Lukashenko in July 2025", "intent": "meetings",
                        "answer": a.text, "people": [], "items": []}


async def test_unknown_person_is_not_guessed(store):
    a = await ask(store, "what did Bartholomew say?")
    assert a.items == [] and a.people == []
    assert "nobody of that name" in a.text


async def test_quotes_about_nothing_found(store):
    a = await ask(store, "quotes about penguins")
    assert a.items == [] and "I found nothing about quotes about “penguins”" in a.text


async def test_fallback_to_full_text_search_says_so(store):
    a = await ask(store, "Palace of Independence")
    assert a.intent == "search"
    assert "so I searched the article text" in a.text
    assert [i.source.article_id for i in a.items] == [1]


async def test_fts_syntax_in_question_is_inert(store):
    for question in ('quotes about "unity" OR NEAR(x*', "articles about ^cooperation: -(AND)", 'what did "Duda say'):
        a = await ask(store, question)
        assert a.text


async def test_lexicon_is_reloaded_when_people_change(store):
    assert not (await understand(store, "who met Bettel", now=NOW)).persons
    await store.add_article(
        _draft("lux", "Zelenskyy met Bettel", "2022-06-21", "Xavier Bettel came to Kyiv."),
        extraction=Extraction(people=[PersonMention("Xavier Bettel")],
                              meetings=[Meeting(["Volodymyr Zelenskyy", "Xavier Bettel"], "2022-06-21", "Kyiv")]),
    )
    a = await ask(store, "who met Bettel")
    assert a.people == ["Volodymyr Zelenskyy"]


async def test_contract_item_shapes(store):
    a = await ask(store, "what did Duda say")
    item = a.to_contract(1, "q")["items"][0]
    assert item == {"type": "quote", "text": "Ukraine needs weapons", "speaker": "Andrzej Duda",
                    "date": "2022-05-22", "article_id": 4}
    m = (await ask(store, "who met Duda")).to_contract(1, "q")["items"][0]
    assert m == {"type": "meeting", "participants": ["Volodymyr Zelenskyy", "Andrzej Duda"], "date": "2022-05-22",
                 "place": "Kyiv", "article_id": 4}
    art = (await ask(store, "latest news")).to_contract(1, "q")["items"][0]
    assert set(art) == {"type", "title", "date", "article_id"}


async def test_meetings_at_a_place(store):
    a = await ask(store, "which meetings took place in Sochi?")
    assert a.intent == "meetings" and len(a.items) == 1 and a.items[0].place == "Sochi"
    b = await ask(store, "who met Putin in Paris")
    assert b.items == [] and "in Paris" in b.text


async def test_role_phrase_with_of_the(store):
    q = await understand(store, "what did the president of the republic of Belarus say about unity", now=NOW)
    assert q.intent == "quotes_by" and q.persons[0].name == "Alexander Lukashenko" and q.topic == ["unity"]


def test_vague_report_overlapping_two_meetings_stays_apart():
    from bot.qa.answers import merge_meetings

    def row(mid, article, written, start, end):
        return {"id": mid, "article_id": article, "date": written, "date_start": start, "date_end": end,
                "place": None, "title": f"A{article}", "article_date": end, "url": None}

    rows = [row(1, 1, "2022-02-18", "2022-02-18", "2022-02-18"), row(2, 2, "2022-02-25", "2022-02-25", "2022-02-25"),
            row(3, 3, "2022-02", "2022-02-01", "2022-02-28"), row(4, 4, "2022-02-18", "2022-02-18", "2022-02-18")]
    parts = {m: [(1, "A"), (2, "B")] for m in (1, 2, 3, 4)}
    items = merge_meetings(rows, parts)
    assert [(i.date, [s.article_id for s in i.sources]) for i in items] == [
        ("2022-02", [3]), ("2022-02-18", [1, 4]), ("2022-02-25", [2])]


async def test_which_role_filters_the_partners(store):
    a = await ask(store, "which Polish presidents came to see Zelenskyy?")
    assert a.intent == "meetings" and a.people == ["Andrzej Duda"]
    b = await ask(store, "which first ladies has Zelenskyy met?")  # no such title among his partners: say so
    assert b.people == ["Andrzej Duda"] and "No title in the articles says" in b.text


async def test_what_did_x_verb_about_topic_is_quotes(store):
    a = await ask(store, "what did the Polish president tell Zelenskyy about weapons?")
    assert a.intent == "quotes_by" and [i.text for i in a.items] == ["Ukraine needs weapons"]


# ------------------------------------------------------------------ chat phrasings (general rules)


@pytest.mark.parametrize(
    ("question", "intent", "name"),
    [
        ("Duda on weapons", "quotes_by", "Andrzej Duda"),  # a person and a topic, no verb: what they said on it
        ("anything from Duda about weapons?", "quotes_by", "Andrzej Duda"),  # "from X": what X said
        ("latest from Lukashenko", "quotes_by", "Alexander Lukashenko"),
        ("Putin's reaction to the condolences", "quotes_by", "Vladimir Putin"),
        ("what is Duda's title", "person", "Andrzej Duda"),  # a title noun: the person
        ("what does Duda do", "person", "Andrzej Duda"),
        ("Putin and Vucic", "meetings", "Vladimir Putin"),  # two names: their meetings
        ("when was Duda in Kyiv", "meetings", "Andrzej Duda"),  # a known meeting place
        ("qoutes by Duda", "quotes_by", "Andrzej Duda"),  # a typo in a grammar word
    ],
)
async def test_chat_phrasings(store, question, intent, name):
    q = await understand(store, question, now=NOW)
    assert q.intent == intent, question
    assert q.persons and q.persons[0].name == name, question


async def test_who_talked_about_is_quotes_about(store):
    a = await ask(store, "who talked about weapons")
    assert a.intent == "quotes_about" and a.people == ["Andrzej Duda"]


async def test_place_from_the_meetings_known(store):
    q = await understand(store, "who was in Sochi in November 2021", now=NOW)
    assert q.intent == "meetings" and q.place == ["sochi"]
    a = await ask(store, "did Putin visit Sochi")
    assert a.intent == "meetings" and "in Sochi" in a.text and a.items


async def test_unknown_place_is_honest(store):
    a = await ask(store, "who visited Paris")
    assert a.items == [] and a.people == []
    assert "in or with “Paris”" in a.text


async def test_partners_from_a_country(store):
    a = await ask(store, "did Zelenskyy meet anyone from Poland?")
    assert a.people == ["Andrzej Duda"]


async def test_role_read_from_the_headline_when_no_title_says_it(tmp_path):
    s = await Store.open(tmp_path / "senators.db")
    await s.add_article(
        _draft("sen", "Zelenskyy met with a delegation of US senators", "2022-01-17", "The senators came to Kyiv."),
        extraction=Extraction(people=[PersonMention("Volodymyr Zelenskyy", "President of Ukraine"),
                                      PersonMention("Chris Murphy"), PersonMention("Rob Portman")],
                              meetings=[Meeting(["Volodymyr Zelenskyy", "Chris Murphy", "Rob Portman"], "2022-01-17",
                                                "Kyiv")]))
    await s.add_article(
        _draft("pm", "Zelenskyy met the Prime Minister of Greece", "2021-11-01", "Talks in Glasgow."),
        extraction=Extraction(people=[PersonMention("Volodymyr Zelenskyy"), PersonMention("Kyriakos Mitsotakis")],
                              meetings=[Meeting(["Volodymyr Zelenskyy", "Kyriakos Mitsotakis"], "2021-11-01", None)]))
    a = await answer(s, "which US senators came to see Zelensky?", now=NOW)
    await s.close()
    assert a.people == ["Chris Murphy", "Rob Portman"] and "headlines" in a.text


async def test_news_about_a_person_newest_first(store):
    a = await ask(store, "latest news about Lukashenko")
    assert a.intent == "articles" and [i.source.article_id for i in a.items] == [1]


async def test_meeting_lines_show_place_and_part_of_month(store):
    a = await ask(store, "who met Lukashenko in June 2025")
    assert "Xi Jinping — early June 2025, Beijing" in a.text
    assert a.to_contract(1, "q")["items"][0]["date"] == "2025-06-01/2025-06-12"


async def test_unknown_topic_before_quote_word_is_a_topic(store):
    a = await ask(store, "unity quotes")
    assert a.intent == "quotes_about" and a.items[0].text == "No storms or gales could break our unity"
    b = await ask(store, "quotes from Angela Merkel")
    assert b.items == [] and b.people == []


# ------------------------------------------------------------------ meeting verbs, quote clauses, country filters


@pytest.mark.parametrize(
    "question",
    [
        "who did Lukashenko sit down with in June 2025",
        "who did Lukashenko hold a video call with in June 2025",
        "who did Lukashenko have an online meeting with in June 2025",
        "who did Lukashenko hold talks with in June 2025",
        "who did Lukashenko get together with in June 2025",
        "who did Lukashenko see in person in June 2025",
        "who did Lukashenko meet face to face in June 2025",
        "who did Lukashenko meet up with in June 2025",
        "who did the Belarusian president receive in June 2025",
        "list everyone Lukashenko met in June 2025",
        "everyone the Belarusian president met in June 2025",
        "all the people Lukashenko met in June 2025",
    ],
)
async def test_meeting_verbs_and_nouns(store, question):
    a = await ask(store, question)
    assert a.intent == "meetings", question
    assert sorted(a.people) == ["Xi Jinping", "Zhang Qingwei"], question


async def test_together_and_last_lead_with_the_latest(store):
    a = await ask(store, "when were Lukashenko and Xi Jinping together")
    assert a.intent == "meetings" and [i.date for i in a.items] == ["2025-06-01/2025-06-12"]
    b = await ask(store, "who did Lukashenko last sit down with")
    assert [i.date for i in b.items] == ["2025-06-13", "2025-06-01/2025-06-12"]  # newest first
    assert b.text.splitlines()[1].startswith("• Zhang Qingwei")


async def test_in_person_is_not_a_place(store):
    q = await understand(store, "when did Putin and Vucic hold talks in person", now=NOW)
    assert q.intent == "meetings" and q.place == [] and [p.name for p in q.persons] == ["Vladimir Putin",
                                                                                          "Aleksandar Vucic"]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("quotes calling for unity", ["unity"]),
        ("statements describing sanctions as an opportunity", ["sanctions", "opportunity"]),
        ("quotes saying that Ukraine needs weapons", ["ukraine", "needs", "weapons"]),
        ("remarks comparing storms and gales", ["storms", "gales"]),
    ],
)
async def test_topic_introduced_by_a_verb(store, question, topic):
    q = await understand(store, question, now=NOW)
    assert q.intent == "quotes_about" and q.topic == topic and q.unknown is None, question
    assert (await ask(store, question)).items, question


async def test_lower_case_words_naming_nobody_are_a_topic(store):
    a = await ask(store, "what did the gales say")
    assert a.intent == "quotes_about" and a.items[0].text == "No storms or gales could break our unity"
    b = await ask(store, "what did Bartholomew say")  # written like a name: honest "nobody of that name"
    assert b.items == [] and "nobody of that name" in b.text


@pytest.fixture
async def two_occasions(store):
    await store.add_article(
        _draft("moscow", "Lukashenko and Putin met in Moscow", "2022-03-11", "Talks in the Kremlin, Moscow."),
        extraction=Extraction(
            people=[PersonMention("Alexander Lukashenko", "President of Belarus"),
                    PersonMention("Vladimir Putin", "President of Russia")],
            quotes=[_q("We had a premonition of hard times", "Alexander Lukashenko")],
            meetings=[Meeting(["Alexander Lukashenko", "Vladimir Putin"], "2022-03-11", "Moscow")]))
    return store


@pytest.mark.parametrize("question", ["what did Lukashenko tell Putin", "what did Lukashenko say to Putin",
                                      "what did Lukashenko say when he was in Moscow",
                                      "Lukashenko's speech at the Kremlin"])
async def test_audience_and_occasion_rank_the_speakers_quotes(two_occasions, question):
    a = await ask(two_occasions, question)
    assert a.intent == "quotes_by" and {i.speaker for i in a.items} == {"Alexander Lukashenko"}, question
    assert a.items[0].text == "We had a premonition of hard times", question  # the occasion's quote first
    assert len(a.items) == 3 and "Ranked by" in a.text, question  # the others follow: nothing is wiped out


async def test_audience_that_matches_nothing_keeps_all_quotes(two_occasions):
    a = await ask(two_occasions, "what did Lukashenko say to the penguins at the zoo")
    assert len(a.items) == 3 and "these are all their quotes" in a.text
    b = await ask(two_occasions, "what did Xi Jinping say to Lukashenko")  # no quotes at all: honest empty
    assert b.items == [] and b.people == []


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Duda on weapons - what exactly did he say?", "Ukraine needs weapons"),
        ("Duda about weapons: his words", "Ukraine needs weapons"),
        ("Lukashenko \u2014 sanctions: his exact words", "Today, sanctions represent an opportunity for us"),
    ],
)
async def test_clauses_between_dashes_and_colons(store, question, text):
    a = await ask(store, question)
    assert a.intent == "quotes_by" and [i.text for i in a.items][:1] == [text], question


async def test_slash_means_or_for_topic_words(store):
    q = await understand(store, "quotes about gales / penguins", now=NOW)
    assert q.any_of == [["gales"], ["penguins"]]
    a = await ask(store, "quotes about gales / penguins")
    assert [i.text for i in a.items] == ["No storms or gales could break our unity"]
    assert "some of them" not in a.text


def test_country_table_reads_adjectives_and_names():
    from bot.qa.names import role_tokens

    assert role_tokens(["british", "officials"]) >= {"uk"} and role_tokens(["united", "kingdom"]) == {"uk"}
    assert role_tokens(["slovak"]) == role_tokens(["slovakia"]) == {"slovakia"}
    assert role_tokens(["czech", "republic"]) == role_tokens(["czechia"]) == {"czech"}
    assert role_tokens(words("Prime Minister of the Portuguese Republic")) >= {"portugal", "minister"}


async def test_any_plural_role_with_a_country_filters_partners(store):
    a = await ask(store, "did Zelenskyy meet any Polish presidents?")
    assert a.intent == "meetings" and a.people == ["Andrzej Duda"]
    b = await ask(store, "which Polish presidents came to Kyiv")
    assert b.people == ["Andrzej Duda"]


async def test_country_read_from_headline_for_a_title_without_country(tmp_path):
    s = await Store.open(tmp_path / "czech.db")
    await s.add_article(
        _draft("cz", "Zhovkva met officials of the Czech Republic", "2022-05-17", "Talks in Prague."),
        extraction=Extraction(people=[PersonMention("Ihor Zhovkva", "Deputy Head of the Office of the President"),
                                      PersonMention("Mikulas Bek", "Minister of European Affairs"),
                                      PersonMention("Petr Fiala", "Prime Minister of the Czech Republic"),
                                      PersonMention("Olaf Scholz", "Chancellor of Germany")],
                              meetings=[Meeting(["Ihor Zhovkva", "Mikulas Bek", "Petr Fiala", "Olaf Scholz"],
                                                "2022-05-17", "Prague")]))
    a = await answer(s, "which Czech officials did Zhovkva meet", now=NOW)
    await s.close()
    assert a.people == ["Mikulas Bek", "Petr Fiala"] and "headlines" in a.text  # not the German chancellor


# ------------------------------------------------------------------ occasions, modifiers, places, topic words


@pytest.fixture
async def occasions(store):
    await store.add_article(
        _draft("spief", "Meeting with Milorad Dodik", "2022-06-18",
               "Vladimir Putin met Milorad Dodik on the sidelines of the SPIEF 2022. Thanks for coming."),
        extraction=Extraction(
            people=[PersonMention("Vladimir Putin", "President of Russia"), PersonMention("Milorad Dodik")],
            quotes=[_q("It has been less than a month since my first official visit to the Russian Federation",
                       "Vladimir Putin"),
                    _q("Sanctions do not work", "Vladimir Putin")],
            meetings=[Meeting(["Vladimir Putin", "Milorad Dodik"], "2022-06-18", "St Petersburg")]))
    await store.add_article(
        _draft("cop", "President met with the Prime Minister of India", "2021-11-02",
               "On the sidelines of the COP26 conference in Glasgow, Volodymyr Zelenskyy met Narendra Modi."),
        extraction=Extraction(
            people=[PersonMention("Volodymyr Zelenskyy", "President of Ukraine"), PersonMention("Narendra Modi")],
            meetings=[Meeting(["Volodymyr Zelenskyy", "Narendra Modi"], "2021-11-02", None)]))
    return store


@pytest.mark.parametrize("question", [
    "who did Putin sit down with on the sidelines of SPIEF 2022?", "who did Putin meet at the SPIEF forum",
    "Putin's meetings during SPIEF - with whom?", "who met at SPIEF 2022",
])
async def test_occasion_filters_meetings_by_their_reports(occasions, question):
    q = await understand(occasions, question, now=NOW)
    assert q.intent == "meetings" and q.event == ["spief"] and not q.place, question
    a = await ask(occasions, question)
    assert "Aleksandar Vucic" not in a.people and "Milorad Dodik" in a.people, question
    assert "SPIEF" in a.text, question


async def test_occasion_year_is_part_of_the_occasion_and_restricts_time(occasions):
    q = await understand(occasions, "who did Putin meet at SPIEF 2022", now=NOW)
    assert q.event_year == "2022" and q.event_label == "SPIEF 2022" and q.span.iso[0] == "2022-01-01"


async def test_occasion_matching_nothing_falls_back_and_says_so(occasions):
    a = await ask(occasions, "who did Putin meet at the Davos forum?")
    assert set(a.people) == {"Aleksandar Vucic", "Milorad Dodik"}
    assert "mentions \u201cDavos\u201d" in a.text


async def test_known_place_after_at_stays_a_place(occasions):
    q = await understand(occasions, "who did Putin meet in Sochi", now=NOW)
    assert q.place == ["sochi"] and not q.event


@pytest.mark.parametrize("question", [
    "list everyone Zelenskyy met in May 2022, including by video", "who did Zelenskyy meet in May 2022, incl. online?",
    "Zelenskyy's meetings in May 2022, in person or online", "who has Zelenskyy met in May 2022 whether online or not",
    "who did Zelenskyy meet, online or in person, in May 2022",
])
async def test_online_modifiers_do_not_restrict(store, question):
    q = await understand(store, question, now=NOW)
    assert q.intent == "meetings" and not q.place and not q.event and not q.unknown, question
    a = await ask(store, question)
    assert a.people == ["Andrzej Duda"], question


async def test_online_words_in_a_topic_are_kept(store):
    q = await understand(store, "quotes about online or offline education", now=NOW)
    assert "education" in q.topic and "online" in q.topic


async def test_where_did_they_meet_puts_the_place_first(occasions):
    a = await ask(occasions, "where did Putin and Dodik meet?")
    assert a.text.startswith("Vladimir Putin and Milorad Dodik met in St Petersburg")
    b = await ask(occasions, "where did Zelenskyy and Modi meet?")  # no place stored: said so, meeting still listed
    assert "not given" in b.text and len(b.items) == 1 and "Glasgow" in b.text


@pytest.mark.parametrize(("question", "first"), [
    ("what did Putin say about his earlier visit to Russia", "It has been less than a month"),
    ("Putin's remarks about the official visit", "It has been less than a month"),
])
async def test_meeting_words_are_topic_words_in_quote_questions(occasions, question, first):
    q = await understand(occasions, question, now=NOW)
    assert q.intent == "quotes_by" and "visit" in q.topic, question
    a = await ask(occasions, question)
    assert a.items[0].text.startswith(first), question


async def test_quote_topic_sharing_no_word_is_honestly_empty(occasions):
    a = await ask(occasions, "what did Putin say about the summit in Davos")
    assert a.items == [] and a.people == []


# ------------------------------------------------------------------ "on X's video call", "the father of X"


@pytest.fixture
async def relations(store):
    await store.add_article(
        _draft("hero", "Meeting with father of Hero of Russia Vladimir Zhoga", "2022-05-09",
               "Vladimir Putin met with Artem Zhoga, the father of Vladimir Zhoga, commander of the Sparta battalion."),
        extraction=Extraction(
            people=[PersonMention("Vladimir Putin", "President of Russia"), PersonMention("Artem Zhoga"),
                    PersonMention("Vladimir Zhoga")],
            quotes=[_q("Vladimir earned this decoration with all of his actions", "Artem Zhoga"),
                    _q("I present to you the Star of the Hero for your son", "Vladimir Putin")],
            meetings=[Meeting(["Vladimir Putin", "Artem Zhoga"], "2022-05-09", "Moscow")]))
    await store.add_article(
        _draft("musk", "Yermak discussed support with Kimbal Musk", "2022-05-03",
               "Andriy Yermak held a video call with Kimbal Musk and Mykhailo Fedorov."),
        extraction=Extraction(
            people=[PersonMention("Andriy Yermak", "Head of the Office of the President"),
                    PersonMention("Kimbal Musk"), PersonMention("Mykhailo Fedorov", "Minister")],
            meetings=[Meeting(["Andriy Yermak", "Kimbal Musk", "Mykhailo Fedorov"], "2022-05-03", None)]))
    return store


@pytest.mark.parametrize("question", [
    "who was on Yermak's video call in May 2022", "who was on Yermak's online meeting?",
    "who took part in Yermak's video conference", "who was on Yermak's talks in May 2022",
])
async def test_on_a_persons_meeting_is_not_a_topic(relations, question):
    a = await ask(relations, question, now=date(2022, 5, 31))
    assert a.intent == "meetings" and a.people == ["Kimbal Musk", "Mykhailo Fedorov"], question


@pytest.mark.parametrize("question", [
    "what did the father of Vladimir Zhoga say to Putin?", "Vladimir Zhoga's father - what did he say?",
    "Vladimir Zhoga's father's remarks",
])
async def test_relation_resolves_to_the_person_the_report_names_so(relations, question):
    a = await ask(relations, question, now=date(2022, 5, 31))
    assert a.intent == "quotes_by" and a.people == ["Artem Zhoga"], (question, a.text)
    assert "Vladimir earned this decoration" in a.items[0].text and "father of Vladimir Zhoga" in a.text


async def test_relation_resolves_in_meeting_questions_too(relations):
    a = await ask(relations, "who did the father of Vladimir Zhoga meet?", now=date(2022, 5, 31))
    assert a.intent == "meetings" and a.people == ["Vladimir Putin"]


@pytest.mark.parametrize("question", ["what did the wife of Duda say?", "who did Putin's son meet?"])
async def test_unknown_relation_is_honestly_empty(relations, question):
    a = await ask(relations, question, now=date(2022, 5, 31))
    assert not a.items and not a.people and "no article I have says who that is" in a.text, question
