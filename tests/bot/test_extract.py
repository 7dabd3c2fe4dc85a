"""Extraction rules on small handcrafted texts, one behaviour per test."""

from __future__ import annotations

import pytest

from bot.extract import EXTRACTOR_VERSION, extract_article, extract_many, load_nlp
from bot.extract.dates import resolve_date
from bot.models import ArticleDraft


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def run(nlp, *paragraphs: str, date: str = "2025-06-13", place: str | None = None):
    draft = ArticleDraft(title="t", date=date, paragraphs=list(paragraphs), ext_id="x", place=place)
    return extract_article(draft, nlp=nlp)


def quotes(ext):
    return [(q.text, q.speaker) for q in ext.quotes]


def test_broken_quote_is_two_quotes(nlp):
    ext = run(nlp, 'President of France Emmanuel Macron arrived in Kyiv. "We stand with you," Emmanuel Macron '
                   'said, "and we will stay until the end."')
    assert quotes(ext) == [("We stand with you", "Emmanuel Macron"), ("and we will stay until the end.",
                                                                        "Emmanuel Macron")]


def test_multi_paragraph_quote(nlp):
    ext = run(nlp, 'Chancellor of Germany Olaf Scholz spoke to reporters. "Our support is firm and it will grow.',
              '"We will deliver more systems this year," the Chancellor said.')
    assert len(ext.quotes) == 1
    q = ext.quotes[0]
    assert q.text.startswith("Our support is firm") and q.text.endswith("this year")
    assert q.speaker == "Olaf Scholz" and q.paragraph == 0


def test_scare_quotes_and_titles_refused(nlp):
    ext = run(nlp, 'Volodymyr Zelenskyy criticised the so-called "special operation" and the "Azovstal" plant. '
                   'He awarded the order "For Courage" to soldiers.')
    assert ext.quotes == []


def test_pronoun_and_role_resolution(nlp):
    ext = run(
        nlp,
        "Alexander Lukashenko met with Zhang Qingwei, Vice Chairman of the Standing Committee of the National "
        "People's Congress of China.",
        '"We are ready to develop our cooperation," said the Belarusian leader.',
        'Zhang Qingwei thanked the hosts. "China is proud to have such a friend," he noted.',
        '"Be assured of our support," the distinguished guest added.',
        '"Thank you," the head of state replied.',
    )
    assert quotes(ext) == [
        ("We are ready to develop our cooperation", "Alexander Lukashenko"),
        ("China is proud to have such a friend", "Zhang Qingwei"),
        ("Be assured of our support", "Zhang Qingwei"),
        ("Thank you", "Alexander Lukashenko"),
    ]


def test_according_to_and_surname(nlp):
    ext = run(nlp, "Prime Minister of Italy Mario Draghi visited Kyiv.",
              'According to Draghi, "Europe must act together and act now."')
    assert quotes(ext) == [("Europe must act together and act now.", "Mario Draghi")]


def test_transcript_turns_with_garbled_labels(nlp):
    text = (
        "Vladimir Putin met with President of the Republic of Belarus Alexander Lukashenko at the Kremlin. "
        "President of Russia Vladimir Putin: Mr Lukashenko, thank you for coming. We meet regularly. "
        "President of Belarus Alexander Lukashenko Lukashenko AlexanderPresident of Belarus: More than at the "
        "elections, by the way. Vladimir Putin: Good. Question: What about trade? Alexander Lukashenko: It grew."
    )
    ext = run(nlp, text, date="2022-03-11")
    assert quotes(ext) == [
        ("Mr Lukashenko, thank you for coming. We meet regularly.", "Vladimir Putin"),
        ("More than at the elections, by the way.", "Alexander Lukashenko"),
        ("Good.", "Vladimir Putin"),
        ("It grew.", "Alexander Lukashenko"),
    ]
    names = {p.name for p in ext.people}
    assert names == {"Vladimir Putin", "Alexander Lukashenko"}
    luk = next(p for p in ext.people if p.name == "Alexander Lukashenko")
    assert "Lukashenko Alexander" in luk.aliases or luk.title


def test_headings_are_not_turns(nlp):
    ext = run(nlp, "President: Committed to Unity", "Alexander Lukashenko met with Xi Jinping in Beijing.")
    assert ext.quotes == []


@pytest.mark.parametrize(
    ("expr", "base", "want"),
    [
        ("early this month", "2025-06-13", "2025-06-01/2025-06-12"),
        ("yesterday", "2025-06-13", "2025-06-12"),
        ("last year", "2025-06-13", "2024"),
        ("Thursday", "2025-06-13", "2025-06-12"),
        ("June 13", "2025-06-13", "2025-06-13"),
        ("late last month", "2025-06-13", "2025-05-21/2025-05-31"),
        ("June 2020", "2021-11-25", "2020-06"),
        ("the past 30 years", "2025-06-13", None),
    ],
)
def test_dates(expr, base, want):
    assert resolve_date(expr, base) == want


def test_meeting_dates_and_places(nlp):
    ext = run(
        nlp,
        "Alexander Lukashenko met with Zhang Qingwei at the Palace of Independence.",
        "During a warm meeting early this month, Lukashenko and Chinese President Xi Jinping reaffirmed their "
        "partnership.",
        "Yesterday, Lukashenko held talks with Prime Minister of Kazakhstan Olzhas Bektenov in Minsk.",
    )
    got = {(frozenset(m.participants), m.date) for m in ext.meetings if m.kind == "meeting"}
    assert (frozenset({"Alexander Lukashenko", "Zhang Qingwei"}), "2025-06-13") in got
    assert (frozenset({"Alexander Lukashenko", "Xi Jinping"}), "2025-06-01/2025-06-12") in got
    assert (frozenset({"Alexander Lukashenko", "Olzhas Bektenov"}), "2025-06-12") in got
    first = next(m for m in ext.meetings if "Zhang Qingwei" in m.participants)
    assert first.place == "Palace of Independence"


def test_meeting_in_passing_inside_quote(nlp):
    ext = run(
        nlp,
        "Alexander Lukashenko met with Zhang Qingwei in Minsk.",
        '"At our meeting with President Xi Jinping last year, we agreed on everything," Lukashenko said.',
    )
    got = {(frozenset(m.participants), m.date) for m in ext.meetings}
    assert (frozenset({"Alexander Lukashenko", "Xi Jinping"}), "2024") in got


def test_you_and_i_met_in_transcript(nlp):
    text = ("Vladimir Putin met with President of Serbia Aleksandar Vucic. President of Russia Vladimir Putin: "
            "Mr President, we met in Moscow in June 2020. Aleksandar Vucic: Thank you.")
    ext = run(nlp, text, date="2021-11-25")
    got = {(frozenset(m.participants), m.date) for m in ext.meetings}
    assert (frozenset({"Vladimir Putin", "Aleksandar Vucic"}), "2020-06") in got


def test_calls_and_future_meetings_not_in_contract(nlp):
    ext = run(
        nlp,
        "Volodymyr Zelenskyy had a telephone conversation with President of France Emmanuel Macron.",
        "Volodymyr Zelenskyy will meet with Chancellor of Germany Olaf Scholz next week.",
    )
    kinds = {m.kind for m in ext.meetings}
    assert "meeting" not in kinds
    assert ext.to_contract("x")["meetings"] == []


def test_unnamed_delegations_are_not_participants(nlp):
    ext = run(nlp, "Volodymyr Zelenskyy met with a delegation of the US Senate in Kyiv.")
    assert ext.to_contract("x")["meetings"] == []


def test_people_not_places_or_titles(nlp):
    ext = run(nlp, "President of Ukraine Volodymyr Zelenskyy met with Prime Minister of the United Kingdom Boris "
                   "Johnson in Kyiv. The President thanked the Prime Minister.")
    names = {p.name for p in ext.people}
    assert names == {"Volodymyr Zelenskyy", "Boris Johnson"}
    bj = next(p for p in ext.people if p.name == "Boris Johnson")
    assert bj.title == "Prime Minister of the United Kingdom"


def test_extract_many_keeps_order_and_version(nlp):
    drafts = [ArticleDraft(title=str(i), date="2022-01-01", paragraphs=[f"Vladimir Putin spoke {i} times."],
                           ext_id=str(i)) for i in range(5)]
    out = list(extract_many(drafts, nlp=nlp, batch_size=2))
    assert len(out) == 5 and all(e.version == EXTRACTOR_VERSION for e in out)


def test_transcript_label_with_note_and_garbled_title(nlp):
    text = (
        "Vladimir Putin held talks with President of the Kyrgyz Republic Sadyr Japarov. "
        "President of Russia Vladimir Putin: Welcome to Moscow. "
        "President of Kyrgyzstan Sadyr Japarov Japarov SadyrPresident of the Kyrgyz Republic: Thank you, Mr Putin. "
        "Prime Minister of Hungary Viktor Orban(retranslated): We have discussed all issues. "
        "Vladimir Putin: Good."
    )
    got = quotes(run(nlp, text, date="2022-05-16"))
    assert got == [
        ("Welcome to Moscow.", "Vladimir Putin"),
        ("Thank you, Mr Putin.", "Sadyr Japarov"),
        ("We have discussed all issues.", "Viktor Orban"),
        ("Good.", "Vladimir Putin"),
    ]


def test_names_split_by_ner_and_named_venues(nlp):
    ext = run(nlp, "Vladimir Putin and Prime Minister of Hungary Viktor Orban had a brief meeting.",
              "Vladimir Putin met with Prime Minister of Greece Kyriakos Mitsotakis at the Bocharov Ruchei "
              "residence in Sochi.")
    assert {p.name for p in ext.people} == {"Vladimir Putin", "Viktor Orban", "Kyriakos Mitsotakis"}


def test_nested_and_unclosed_quotation_marks(nlp):
    ext = run(
        nlp,
        "Charles Michel visited Odesa. \"There must be a \"Marshall Plan\" for Ukraine. We must act,\" said "
        "Charles Michel.",
        "President Volodymyr Zelenskyy spoke to the media. \"Cooperation is developing. Laws were adopted. "
        "\"Both in the framework of the program and in new projects,\" the Ukrainian President said.",
    )
    assert quotes(ext) == [
        ('There must be a "Marshall Plan" for Ukraine. We must act', "Charles Michel"),
        ("Cooperation is developing. Laws were adopted.", "Volodymyr Zelenskyy"),
        ("Both in the framework of the program and in new projects", "Volodymyr Zelenskyy"),
    ]


def _pairs(ext):
    return {(frozenset(m.participants), m.date) for m in ext.meetings if m.kind == "meeting"}


def test_meeting_participants_from_the_parse_not_the_whole_sentence(nlp):
    ext = run(nlp, "President Volodymyr Zelenskyy spoke about Moldova. Answering journalists' questions after a "
                   "meeting with IAEA Director General Rafael Mariano Grossi in Kyiv, the Ukrainian Head of State "
                   "said that he fully shares the assessment by Moldovan President Maia Sandu.", date="2022-04-27")
    assert _pairs(ext) == {(frozenset({"Volodymyr Zelenskyy", "Rafael Mariano Grossi"}), "2022-04-27")}


def test_title_before_a_name_is_not_another_person(nlp):
    ext = run(nlp, "Vladimir Putin met with the First President of the Republic of Kazakhstan – Leader of the Nation "
                   "Nursultan Nazarbayev, at the Constantine Palace.",
              "Nazarbayev said that President of Kazakhstan Kassym-Jomart Tokayev will come later.")
    assert {frozenset(m.participants) for m in ext.meetings} == {frozenset({"Vladimir Putin", "Nursultan Nazarbayev"})}


def test_video_call_is_a_meeting_phone_call_is_not(nlp):
    ext = run(nlp, "First Lady of Ukraine Olena Zelenska spoke via video call with the First Lady of Poland Agata "
                   "Kornhauser-Duda.",
              "Olena Zelenska also had a telephone conversation with US First Lady Jill Biden.", date="2022-05-13")
    assert _pairs(ext) == {(frozenset({"Olena Zelenska", "Agata Kornhauser-Duda"}), "2022-05-13")}


def test_meetings_mentioned_in_speech(nlp):
    ext = run(
        nlp,
        "Vladimir Putin held talks with President of Kazakhstan Kassym-Jomart Tokayev in the Kremlin.",
        "Olena Zelenska spoke to the press.",
        '"Last week, during a meeting with US First Lady Jill Biden in Uzhhorod, we talked about it," said '
        "Olena Zelenska.",
        date="2022-02-10",
    )
    text = ("Vladimir Putin held talks with President of Kazakhstan Kassym-Jomart Tokayev in the Kremlin. "
            "President of Russia Vladimir Putin: Welcome. We had a meeting before the New Year. "
            "Kassym-Jomart Tokayev: Thank you.")
    got = _pairs(ext) | _pairs(run(nlp, text, date="2022-02-10"))
    assert (frozenset({"Olena Zelenska", "Jill Biden"}), "2022-01-31/2022-02-06") in got
    assert (frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"}), "2021-12") in got


def test_people_joining_a_reported_meeting(nlp):
    ext = run(nlp, "President of Ukraine Volodymyr Zelenskyy held a video conference with President of the European "
                   "Council Charles Michel. The meeting was also attended by Prime Minister Denys Shmyhal.",
              date="2022-05-09")
    assert _pairs(ext) == {(frozenset({"Volodymyr Zelenskyy", "Charles Michel", "Denys Shmyhal"}), "2022-05-09")}


def test_three_word_name_after_title_and_role_resolution(nlp):
    ext = run(nlp, "Volodymyr Zelenskyy spoke following talks with President of the Republic of Turkey Recep Tayyip "
                   "Erdoğan in Kyiv.",
              'For his part, the President of the Republic of Turkey stressed the role of investors. "We are proud of '
              'our companies," he said.', date="2022-02-03")
    assert "Recep Tayyip Erdoğan" in {p.name for p in ext.people}
    assert quotes(ext) == [("We are proud of our companies", "Recep Tayyip Erdoğan")]


def test_meeting_needs_someone_named_besides_the_subject(nlp):
    ext = run(nlp, "Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev.",
              "The President held a briefing session, via videoconference, with permanent members of the Security "
              "Council.", date="2022-04-15")
    assert {frozenset(m.participants) for m in ext.meetings} == {frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"})}


def test_attendance_list_names_a_session_told_without_names(nlp):
    ext = run(nlp, "President of Russia Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev.",
              "The President held a briefing session, via videoconference, with permanent members of the Security "
              "Council. The meeting was attended by Prime Minister Mikhail Mishustin, Speaker Valentina Matviyenko "
              "and Defence Minister Sergei Shoigu.", date="2022-04-15")
    assert {frozenset(m.participants) for m in ext.meetings} == {
        frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"}),
        frozenset({"Vladimir Putin", "Mikhail Mishustin", "Valentina Matviyenko", "Sergei Shoigu"})}


def test_attendance_list_joins_the_meeting_just_reported(nlp):
    ext = run(nlp, "Vladimir Putin held a meeting on economic issues with Government members, via videoconference. "
                   "Taking part in the meeting were Prime Minister Mikhail Mishustin, First Deputy Prime Minister "
                   "Andrei Belousov, Finance Minister Anton Siluanov and Presidential Aide Maxim Oreshkin.",
              date="2022-04-20")
    assert [set(m.participants) for m in ext.meetings] == [
        {"Vladimir Putin", "Mikhail Mishustin", "Andrei Belousov", "Anton Siluanov", "Maxim Oreshkin"}]


def test_heard_reports_from_named_people_at_a_meeting(nlp):
    ext = run(nlp, "A working meeting on the situation in the region was chaired by President of Ukraine Volodymyr "
                   "Zelenskyy. The Head of State heard reports from Head of the Regional Military Administration "
                   "Oleh Petrenko, Mayor Ivan Kovalenko and the military command.", date="2022-05-29")
    assert [set(m.participants) for m in ext.meetings] == [{"Volodymyr Zelenskyy", "Oleh Petrenko", "Ivan Kovalenko"}]
    assert ext.meetings[0].date == "2022-05-29"


def test_event_attended_by_people_is_not_a_meeting(nlp):
    ext = run(nlp, "Volodymyr Zelenskyy addressed the forum by video. The event was attended by Prime Minister of "
                   "Spain Pedro Sanchez and King Felipe VI.", date="2022-05-29")
    assert ext.meetings == []


def test_long_title_after_with_and_reported_statement(nlp):
    ext = run(nlp, "Deputy Head of the Office of the President of Ukraine Ihor Zhovkva held a working meeting with "
                   "Security Policy Adviser to the President of the Republic of Estonia Liis Mure.",
              "This was stated by President of Ukraine Volodymyr Zelenskyy following the talks with Prime Minister "
              "of the United Kingdom Boris Johnson.", date="2022-02-01")
    got = {frozenset(m.participants) for m in ext.meetings}
    assert got == {frozenset({"Ihor Zhovkva", "Liis Mure"}), frozenset({"Volodymyr Zelenskyy", "Boris Johnson"})}


def test_title_does_not_cross_a_sentence():
    from bot.extract.people import title_before
    text = "He shares the view of Moldovan President Maia Sandu. Volodymyr Zelenskyy said so."
    assert title_before(text, text.index("Volodymyr")) is None


def test_receiving_and_presenting_to_a_named_person(nlp):
    ext = run(nlp, "Vladimir Putin presented the Order of Friendship to President of Turkmenistan Serdar "
                   "Berdimuhamedov for his contribution.",
              "Ambassador Oksana Markarova received the Ronald Reagan Freedom Award for President of Ukraine "
              "Volodymyr Zelenskyy.", date="2022-06-10")
    assert {frozenset(m.participants) for m in ext.meetings} == {
        frozenset({"Vladimir Putin", "Serdar Berdimuhamedov"})}


def _places(ext):
    return {frozenset(m.participants): m.place for m in ext.meetings if m.kind == "meeting"}


def test_place_from_a_meeting_sentence_with_role_phrases_only(nlp):
    ext = run(nlp, "Emmanuel Macron received Chancellor of Austria Karl Nehammer, who is on a working visit.",
              "On March 3, during a meeting at the Elysee Palace, the distinguished guest conveyed greetings from "
              "the people of Austria to the French leader.", date="2022-03-03")
    assert _places(ext) == {frozenset({"Emmanuel Macron", "Karl Nehammer"}): "Elysee Palace"}


def test_place_from_a_trip_in_the_preceding_sentence(nlp):
    ext = run(nlp, "The delegation's arrival followed President of Kazakhstan Kassym-Jomart Tokayev's recent trip to "
                   "Ankara. During a friendly meeting last week, Tokayev and Turkish President Recep Tayyip Erdogan "
                   "signed a declaration.", date="2022-05-20")
    assert _places(ext) == {frozenset({"Kassym-Jomart Tokayev", "Recep Tayyip Erdogan"}): "Ankara"}


def test_place_is_never_a_person_or_a_topic_and_online_meetings_have_none(nlp):
    ext = run(nlp, "Vladimir Putin met with Prime Minister of India Narendra Modi to discuss the situation in "
                   "Afghanistan.",
              "Vladimir Putin held a videoconference with President of Brazil Jair Bolsonaro.",
              date="2022-02-16", place="Moscow")
    got = _places(ext)
    assert got[frozenset({"Vladimir Putin", "Narendra Modi"})] == "Moscow"  # the article's place, main meeting
    assert got[frozenset({"Vladimir Putin", "Jair Bolsonaro"})] is None


def test_article_place_only_for_the_main_meeting(nlp):
    ext = run(nlp, "Vladimir Putin held talks with President of Iran Ebrahim Raisi.",
              "Vladimir Putin: Mr President, we met in Dushanbe last year.", date="2022-01-19", place="NA")
    assert all(m.place in (None, "Dushanbe") for m in ext.meetings)
    ext = run(nlp, "Vladimir Putin held talks with President of Iran Ebrahim Raisi.",
              "Vladimir Putin: Mr President, we met last year.", date="2022-01-19", place="The Kremlin, Moscow")
    got = {m.date: m.place for m in ext.meetings if m.kind == "meeting"}
    assert got == {"2022-01-19": "The Kremlin, Moscow", "2021": None}


def test_accented_capitals_and_years_ago(nlp):
    ext = run(nlp, "President of Ukraine Volodymyr Zelenskyy had a meeting with Prime Minister of Lithuania Ingrida "
                   "Šimonytė.",
              "Volodymyr Zelenskyy: Madam Prime Minister, the last time we met was two years ago.", date="2022-02-10")
    assert "Ingrida Šimonytė" in {p.name for p in ext.people}
    assert _pairs(ext) == {(frozenset({"Volodymyr Zelenskyy", "Ingrida Šimonytė"}), "2022-02-10"),
                           (frozenset({"Volodymyr Zelenskyy", "Ingrida Šimonytė"}), "2020")}


def test_received_in_a_venue_a_named_person(nlp):
    ext = run(nlp, "The President of Russia received in the Kremlin President of the Republic of Finland Sauli "
                   "Niinistö.", "President of Russia Vladimir Putin: Welcome to Moscow.", date="2021-10-29")
    assert _pairs(ext) == {(frozenset({"Vladimir Putin", "Sauli Niinistö"}), "2021-10-29")}


def test_long_garbled_label_and_country_before_a_name(nlp):
    text = ("Vladimir Putin met with President of the State of Palestine Mahmoud Abbas in Sochi. "
            "President of Russia Vladimir Putin: Welcome. President of the State of Palestine Mahmoud Abbas Abbas "
            "MahmoudPresident of the State of Palestine(retranslated): Thank you. "
            "Chief of the General Staff of the Armed Forces Valery Gerasimov Gerasimov ValeryChief of the General "
            "Staff of Russia's Armed Forces: Yes, sir.")
    ext = run(nlp, text, date="2021-11-23")
    assert {p.name for p in ext.people} == {"Vladimir Putin", "Mahmoud Abbas", "Valery Gerasimov"}
    assert quotes(ext)[-1] == ("Yes, sir.", "Valery Gerasimov")


def test_role_phrase_naming_a_title_and_counterpart(nlp):
    ext = run(nlp, "This was stated by Head of the Presidential Office Marek Nowak. Marek Nowak noted that "
                   "President Jan Kowalski asks for more help.",
              "The Head of the Office of the President hopes for support. \"We need it now,\" he said.",
              date="2022-03-31")
    assert quotes(ext) == [("We need it now", "Marek Nowak")]
    ext = run(nlp, "The visit of the President of Azerbaijan was fruitful. This was stated by President Volodymyr "
                   "Zelenskyy following the negotiations with his Azerbaijani counterpart in Kyiv. Ilham Aliyev "
                   "thanked him.", date="2022-01-14")
    assert _pairs(ext) == {(frozenset({"Volodymyr Zelenskyy", "Ilham Aliyev"}), "2022-01-14")}


def test_meeting_without_subject_goes_to_the_host_not_to_the_last_person_met(nlp):
    ext = run(nlp, "Deputy Head of the Office of the President Ihor Zhovkva is on a visit to Prague. During a meeting "
                   "with Prime Minister Petr Fiala, Ihor Zhovkva thanked the government. The Prime Minister was "
                   "invited to visit Kyiv. During a meeting with Foreign Minister Jan Novak, ways to strengthen "
                   "cooperation were discussed.", date="2022-05-17")
    assert {frozenset(m.participants) for m in ext.meetings if m.kind == "meeting"} == {
        frozenset({"Ihor Zhovkva", "Petr Fiala"}), frozenset({"Ihor Zhovkva", "Jan Novak"})}


def _titled(nlp, title: str, *paragraphs: str, date: str = "2024-03-05", place: str | None = None):
    draft = ArticleDraft(title=title, date=date, paragraphs=list(paragraphs), ext_id="x", place=place)
    return extract_article(draft, nlp=nlp)


def _pairs(ext):
    return {(frozenset(m.participants), m.date) for m in ext.meetings if m.kind == "meeting"}


def test_title_meeting_for_a_transcript(nlp):
    ext = _titled(nlp, "Meeting with Governor of Tula Region Anna Petrova",
                  "Marek Kowal heard a report from the regional governor.",
                  "Marek Kowal: Good afternoon. How is the harvest going?",
                  "Anna Petrova: Good afternoon. The harvest is going well.", place="Novo-Ogaryovo")
    assert [(m.participants, m.date, m.place) for m in ext.meetings] == [
        (["Marek Kowal", "Anna Petrova"], "2024-03-05", "Novo-Ogaryovo")]


def test_title_meeting_when_the_article_opens_with_the_guest(nlp):
    ext = _titled(nlp, "Meeting with Anna Petrova",
                  "Anna Petrova has been appointed Acting Governor of the Tula Region.",
                  "President of Russia Marek Kowal: Ms Petrova, good afternoon.",
                  "Anna Petrova: Good afternoon, Mr President.",
                  "Marek Kowal: How is the harvest going?", place="The Kremlin, Moscow")
    assert [(m.participants, m.date, m.place) for m in ext.meetings] == [
        (["Marek Kowal", "Anna Petrova"], "2024-03-05", "The Kremlin, Moscow")]


def test_title_pair_talks_name_the_guest(nlp):
    ext = _titled(nlp, "Russian-Chilean talks", "President of Russia Marek Kowal: Dear President Soto, welcome.",
                  "President of Chile Luis Soto: Thank you for the invitation.")
    assert _pairs(ext) == {(frozenset({"Marek Kowal", "Luis Soto"}), "2024-03-05")}


def test_title_of_a_call_or_a_plan_is_no_meeting(nlp):
    for title in ("Telephone conversation with President of Chile Luis Soto",
                  "Marek Kowal will hold talks with President of Chile Luis Soto"):
        ext = _titled(nlp, title, "President of Russia Marek Kowal: Good afternoon, Mr Soto.",
                      "President of Chile Luis Soto: Good afternoon.")
        assert _pairs(ext) == set(), title


def test_role_phrase_subject_of_talks_resolves_to_its_holder(nlp):
    ext = run(nlp, "President of Ruritania Jan Novak met with Prime Minister of the Republic of Molvania Petr Havel. "
                   "During today's visit of Petr Havel to Strelsau, the Prime Minister of Molvania also held talks "
                   "with Prime Minister of Ruritania Karel Dvorak, and many issues were discussed.")
    assert frozenset({"Petr Havel", "Karel Dvorak"}) in {p for p, _ in _pairs(ext)}
    assert frozenset({"Jan Novak", "Karel Dvorak"}) not in {p for p, _ in _pairs(ext)}


def test_delegation_headed_by_a_named_leader(nlp):
    ext = run(nlp, "President of Ruritania Jan Novak met with a delegation of the Senate of Molvania headed by "
                   "the leader of the majority Angus McAllister.")
    assert _pairs(ext) == {(frozenset({"Jan Novak", "Angus McAllister"}), "2025-06-13")}


def test_address_speaker_from_title_meets_in_first_person(nlp):
    ext = _titled(nlp, "We will rebuild every town - address by President Taras Bondar",
                  "Dear compatriots! Today I met in Lviv with Minister of Defence of Molvania Petr Havel. "
                  "We discussed new supplies.")
    assert [(m.participants, m.date, m.place) for m in ext.meetings if m.kind == "meeting"] == [
        (["Taras Bondar", "Petr Havel"], "2024-03-05", "Lviv")]


def test_joint_visit_of_host_and_visiting_guest_is_a_meeting(nlp):
    ext = run(nlp, "President of Ruritania Jan Novak and Prime Minister of Molvania Petr Havel, who is on a visit "
                   "to our country, visited the Cathedral of St. Andrew in Strelsau.")
    assert _pairs(ext) == {(frozenset({"Jan Novak", "Petr Havel"}), "2025-06-13")}


def test_two_guests_touring_together_are_no_pair(nlp):
    ext = run(nlp, "President of Ruritania Jan Novak met with actor Tom Ranger, who is visiting Ruritania. "
                   "Tom Ranger and UN Representative Mia Holm visited the Office of the President after a trip.")
    assert frozenset({"Tom Ranger", "Mia Holm"}) not in {p for p, _ in _pairs(ext)}


def test_past_visit_to_the_host_country_in_passing(nlp):
    draft = ArticleDraft(title="Telephone conversation with President of Molvania Petr Havel", date="2024-05-20",
                         paragraphs=["Igor Smirnov had a telephone conversation with President of Molvania Petr "
                                     "Havel.", "The leaders discussed the results of Petr Havel's official visit to "
                                     "Moscow in February 2024."], ext_id="x", url="https://example.ru/news/1")
    ext = extract_article(draft, nlp=nlp)
    assert _pairs(ext) == {(frozenset({"Igor Smirnov", "Petr Havel"}), "2024-02")}


def test_relative_days_of_a_visit():
    assert resolve_date("last week's", "2022-05-31") == "2022-05-23/2022-05-29"
    assert resolve_date("the day before", "2022-05-31") == "2022-05-30"


def test_vague_recent_dates():
    from bot.extract.dates import vague_past

    assert vague_past("during the recent talks with him", "2022-02-12") == "2022-01-13/2022-02-11"
    assert vague_past("It has been less than a month since my visit", "2022-05-16") == "2022-04-16/2022-05-15"
    assert vague_past("they met the other day", "2022-05-16") == "2022-04-16/2022-05-15"
    assert vague_past("the talks on energy", "2022-05-16") is None


def test_past_visit_called_recent_in_a_call(nlp):
    draft = ArticleDraft(title="Telephone conversation with President of Molvania Petr Havel", date="2024-05-20",
                         paragraphs=["Igor Smirnov had a telephone conversation with President of Molvania Petr "
                                     "Havel.", "In the follow-up to the discussions during President Havel's recent "
                                     "visit to Moscow, the two leaders exchanged opinions."],
                         ext_id="x", url="https://example.ru/news/1")
    ext = extract_article(draft, nlp=nlp)
    assert _pairs(ext) == {(frozenset({"Igor Smirnov", "Petr Havel"}), "2024-04-20/2024-05-19")}


def test_unnamed_past_videoconference_in_a_call_is_the_parties_meeting(nlp):
    draft = ArticleDraft(title="Telephone conversation with President of Molvania Petr Havel", date="2024-05-20",
                         paragraphs=["On May 19, Igor Smirnov had a telephone conversation with President of Molvania "
                                     "Petr Havel.", "They discussed the agreement reached during the May 2 "
                                     "videoconference to launch consultations on trade."], ext_id="x")
    ext = extract_article(draft, nlp=nlp)
    assert _pairs(ext) == {(frozenset({"Igor Smirnov", "Petr Havel"}), "2024-05-02")}


def test_unnamed_videoconference_outside_a_call_names_nobody(nlp):
    ext = run(nlp, "Adviser to the Chancellor of Molvania Petr Havel and adviser to the President of Ruritania Jan "
                   "Novak visited Strelsau in accordance with agreements reached during a video conference on June 4, "
                   "following talks in Zenda.")
    assert _pairs(ext) == set()


def test_reported_clause_meeting_belongs_to_the_reporter(nlp):
    ext = run(nlp, "President Taras Bondar met with President of Ruritania Jan Novak in Kyiv.",
              "Jan Novak added that during the recent talks with President of Molvania Petr Havel, he received "
              "assurances of support.", date="2022-02-08")
    pairs = _pairs(ext)
    assert (frozenset({"Jan Novak", "Petr Havel"}), "2022-01-09/2022-02-07") in pairs
    assert not any(p == frozenset({"Taras Bondar", "Petr Havel"}) for p, _ in pairs)


def test_our_meeting_in_a_city_inside_a_quote(nlp):
    ext = run(nlp, "President Taras Bondar held talks with Prime Minister of Molvania Petr Havel in Kyiv.",
              '"In February, at our meeting in Zenda, we signed a joint declaration," Taras Bondar said.',
              date="2022-04-28")
    assert (frozenset({"Taras Bondar", "Petr Havel"}), "2022-02") in _pairs(ext)


def test_title_receiving_named_advisers_pairs_all_sides(nlp):
    draft = ArticleDraft(
        title="Bondar receives advisers to leaders of Ruritania and Molvania who arrived for talks with Head of "
              "Office Ivan Petrenko",
        date="2022-01-11",
        paragraphs=["Security adviser to the Chancellor of Molvania Petr Havel and diplomatic adviser to the "
                    "President of Ruritania Jan Novak visited Kyiv. President Taras Bondar welcomed the efforts of "
                    "the partners. Head of the Office Ivan Petrenko stressed the need for a ceasefire."],
        ext_id="x")
    ext = extract_article(draft, nlp=nlp)
    names = {"Taras Bondar", "Ivan Petrenko", "Petr Havel", "Jan Novak"}
    assert _pairs(ext) == {(frozenset(names), "2022-01-11")}


def test_title_receiving_an_award_is_no_meeting(nlp):
    draft = ArticleDraft(title="President Taras Bondar received the Jan Novak Freedom Award", date="2022-03-07",
                         paragraphs=["President Taras Bondar received the Jan Novak Freedom Award."], ext_id="x")
    assert _pairs(extract_article(draft, nlp=nlp)) == set()

