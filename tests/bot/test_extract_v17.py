"""extract-1.7 rules on invented sentences: attendance lists, people heard at a meeting told without names,
the source's principal, calls that are not telephone calls, titles that name a meeting, and names the parser
or the entity recogniser cut short."""

from __future__ import annotations

import pytest

from bot import extract as extraction
from bot.extract import extract_article, extract_many, load_nlp
from bot.extract.principal import learn_principals
from bot.models import ArticleDraft


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def draft(*paragraphs: str, title: str = "t", date: str = "2024-03-05", source: str | None = None,
          ext_id: str = "x") -> ArticleDraft:
    return ArticleDraft(title=title, date=date, paragraphs=list(paragraphs), ext_id=ext_id, source=source)


def run(nlp, *paragraphs: str, **kw):
    return extract_article(draft(*paragraphs, **kw), nlp=nlp)


def pairs(ext, kind: str = "meeting") -> list[set[str]]:
    return [set(m.participants) for m in ext.meetings if m.kind == kind]


def test_people_heard_at_a_meeting_with_an_unnamed_group_took_part(nlp):
    ext = run(nlp, "President Arvid Kallen met with members of the Chamber of Commerce. According to Chamber "
                   "President Mira Toft, investors value stable rules. Board Chair Jonas Pell said that the tax "
                   "reform must go on.", date="2024-03-05")
    assert pairs(ext) == [{"Arvid Kallen", "Mira Toft", "Jonas Pell"}]
    assert ext.meetings[0].date == "2024-03-05"


def test_people_heard_do_not_join_a_past_meeting_told_in_passing(nlp):
    ext = run(nlp, "This was stated by Deputy Head of the Office Lev Marten during a meeting with representatives "
                   "of the Basketball Federation. At the meeting, Lev Marten recalled that in September 2023, "
                   "President Arvid Kallen held talks with Federation President Tomas Brand. Federation Secretary "
                   "Ola Wist noted the progress of the arenas.", date="2024-03-05")
    got = {frozenset(m.participants): m.date for m in ext.meetings if m.kind == "meeting"}
    assert got == {frozenset({"Arvid Kallen", "Tomas Brand"}): "2023-09",
                   frozenset({"Lev Marten", "Ola Wist"}): "2024-03-05"}


# one sentence in, the meetings it reports out
ONE_SENTENCE = [
    pytest.param("During a meeting with European Commission President Ursula von der Leyen in Kyiv, President of "
                 "Ukraine Volodymyr Zelenskyy called for a new package of sanctions.",
                 [{"Volodymyr Zelenskyy", "Ursula von der Leyen"}], id="called-for-is-no-phone-call"),
    pytest.param("By the way, President Ilham Aliyev and President Recep Erdogan offered to organize talks with "
                 "Russia.",
                 [], id="offer-to-organize-talks-is-a-plan"),
    pytest.param("President of Ukraine Volodymyr Zelenskyy met with President of the Union of European Football "
                 "Associations (UEFA) Aleksander Čeferin, who arrived in Kyiv.",
                 [{"Volodymyr Zelenskyy", "Aleksander Čeferin"}], id="bracketed-abbreviation-ends-no-sentence"),
    pytest.param("President Volodymyr Zelenskyy met with a Qatari delegation led by Sheikh Faisal bin Qassim Al Thani, "
                 "a member of the ruling family.",
                 [{"Volodymyr Zelenskyy", "Faisal bin Qassim Al Thani"}], id="arabic-name-particles"),
    pytest.param("Vladimir Putin met with Amur Region Governor Vasily Orlov in Blagoveshchensk.",
                 [{"Vladimir Putin", "Vasily Orlov"}], id="name-after-a-title-word-the-recogniser-missed"),
]


@pytest.mark.parametrize(("sentence", "expected"), ONE_SENTENCE)
def test_meetings_read_from_one_sentence(nlp, sentence, expected):
    assert pairs(run(nlp, sentence, date="2022-01-01")) == expected


def test_a_conference_call_chaired_is_an_online_meeting(nlp):
    ext = run(nlp, "This was discussed at a conference call on vaccination chaired by President Arvid Kallen. "
                   "Minister of Health Petra Lind also said that mobile teams had started working.",
              date="2024-01-17")
    assert pairs(ext) == [{"Arvid Kallen", "Petra Lind"}]
    assert ext.meetings[0].place is None


def test_statements_following_talks_name_the_speakers_meeting(nlp):
    ext = run(nlp, "President of Russia Vladimir Putin: Colleagues, to conclude our meeting, I thank my guests.",
              "President of Azerbaijan Ilham Aliyev: Thank you, Mr President.",
              "Prime Minister of Armenia Nikol Pashinyan: Thank you.",
              title="Statements by leaders of Russia, Azerbaijan and Armenia following trilateral talks",
              date="2021-11-26")
    assert pairs(ext) == [{"Vladimir Putin", "Ilham Aliyev", "Nikol Pashinyan"}]


def test_the_end_of_a_title_is_no_person(nlp):
    ext = run(nlp, "Vladimir Putin met with the Minister of Labour and Social Protection. Anton Kotyakov reported "
                   "to the President on the labour market. The meeting was attended by Special Presidential "
                   "Representative for Environmental Protection, Ecology and Transport Sergei Ivanov. Head of "
                   "the Federal Service for the Oversight of Consumer Protection and Welfare Anna Popova was also "
                   "invited.", date="2022-05-04")
    names = {p.name for p in ext.people}
    assert not names & {"Social Protection", "Environmental Protection", "Consumer Protection"}
    assert {"Anton Kotyakov", "Sergei Ivanov"} <= names


# ---------------------------------------------------------------- the source's principal

KREMLIN = "president.example.ru"


def _named(i: int) -> ArticleDraft:
    return draft(f"President of Russia Vladimir Putin met with Governor Ivan Petrov{i}ov.", source=KREMLIN,
                 ext_id=f"n{i}")


def test_principal_is_learnt_from_the_batch():
    drafts = [_named(1), _named(2), draft("Text without names.", source=KREMLIN, ext_id="u"),
              draft("President Joseph Biden spoke.", source="other.example", ext_id="o")]
    assert learn_principals(drafts) == {KREMLIN: ("Vladimir Putin", "President of Russia")}


def test_principal_needs_more_than_one_article():
    assert learn_principals([_named(1), draft("Nothing.", source=KREMLIN)]) == {}


def test_an_article_that_never_names_the_president_gets_the_principal(nlp):
    unnamed = draft("The President held a briefing session with permanent members of the Security Council.",
                    "The meeting was attended by Prime Minister Mikhail Mishustin and Defence Minister Sergei "
                    "Shoigu.", source=KREMLIN, ext_id="u", date="2022-05-13")
    exts = list(extract_many([_named(1), _named(2), unnamed], nlp=nlp))
    assert pairs(exts[2]) == [{"Vladimir Putin", "Mikhail Mishustin", "Sergei Shoigu"}]
    alone = extract_article(draft(*unnamed.paragraphs, source=KREMLIN, date="2022-05-13"), nlp=nlp)
    assert pairs(alone) == [{"Mikhail Mishustin", "Sergei Shoigu"}]  # nobody to learn the principal from


def test_one_article_that_trips_the_rules_costs_only_itself(nlp, monkeypatch):
    from bot.extract import pipeline

    real = pipeline.analyse

    def flaky(d, docs, version=""):
        if d.ext_id == "bad":
            raise ValueError("boom")
        return real(d, docs, version)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    good = draft("President Arvid Kallen met with Prime Minister Lena Holm.", ext_id="good")
    exts = list(extract_many([draft("Anything.", ext_id="bad"), good], nlp=nlp))
    assert exts[0].version == extraction.FAILED_VERSION and exts[0].meetings == []
    assert pairs(exts[1]) == [{"Arvid Kallen", "Lena Holm"}]
    assert exts[1].version == extraction.EXTRACTOR_VERSION


def test_an_unnamed_delegation_met_through_its_named_head(nlp):
    ext = run(nlp, "According to the head of the delegation, First Deputy Prime Minister Yulia Svyrydenko, the talks "
                   "were useful. During the visit, the Ukrainian delegation met with French Minister of the Economy, "
                   "Finance and the Recovery Bruno Le Maire to discuss financial support.", date="2022-01-26")
    assert pairs(ext) == [{"Yulia Svyrydenko", "Bruno Le Maire"}]
    titles = {p.name: p.title for p in ext.people}
    assert titles["Bruno Le Maire"] == "French Minister of the Economy, Finance and the Recovery"


def test_a_role_phrase_nobody_here_holds_is_no_institution(nlp):
    ext = run(nlp, "For his part, Mykhailo Podolyak, Adviser to the Head of the Office of the President, stressed "
                   'the point. "All issues have been discussed," said the Adviser to the Head of the Office.',
              date="2022-03-29")
    assert [q.speaker for q in ext.quotes] == ["Mykhailo Podolyak"]


def test_regions_and_plural_titles_are_not_people(nlp):
    ext = run(nlp, "The situation in the Donetsk and Luhansk regions was discussed. Deputy Prime Ministers Viktoria "
                   "Abramchenko and Marat Khusnullin reported. President of Ukraine Volodymyr Zelenskyy met with "
                   "the Emir of the State of Qatar Tamim bin Hamad Al Thani.", date="2022-02-22")
    names = {p.name for p in ext.people}
    assert not names & {"Luhansk", "Donetsk", "Ministers Viktoria Abramchenko", "Qatar Tamim"}
    assert {"Viktoria Abramchenko", "Tamim bin Hamad Al Thani"} <= names


def test_titles_of_laws_and_decrees_are_not_quotes(nlp):
    ext = run(nlp, 'The President signed Decree No. 160/2021 "On the priority areas of activity of the Office," and '
                   'the bill "On social protection of persons deprived of liberty" was drafted. "We are ready to show '
                   'our first results," Anton Korynevych said.', date="2021-12-17")
    assert [q.text for q in ext.quotes] == ["We are ready to show our first results"]


def test_the_representative_of_the_head_of_state_is_the_representative(nlp):
    ext = run(nlp, "President Volodymyr Zelenskyy signed the decree. Permanent Representative of the President in "
                   'Crimea Anton Korynevych spoke at the forum. "Crimea will be free," the permanent representative '
                   "of the Head of State said.", date="2021-12-17")
    assert [q.speaker for q in ext.quotes] == ["Anton Korynevych"]


def test_a_name_after_an_abbreviation_and_a_company_before_its_ceo(nlp):
    ext = run(nlp, "President Volodymyr Zelenskyy met with Palantir CEO Alex Karp. The meeting was also attended by "
                   "Minister of Digital Transformation of Ukraine Mykhailo Fedorov and Commander-in-Chief of the AFU "
                   "Valerii Zaluzhnyi. Palantir is ready to invest, Palantir representatives said.",
              date="2022-06-02")
    names = {p.name for p in ext.people}
    assert "Valerii Zaluzhnyi" in names and not names & {"Palantir", "Digital Transformation"}
    assert pairs(ext) == [{"Volodymyr Zelenskyy", "Alex Karp", "Mykhailo Fedorov", "Valerii Zaluzhnyi"}]


def test_organisations_with_abbreviations_irish_particles_and_long_partner_titles(nlp):
    ext = run(nlp, "Deputy Head of the Office Andriy Sybiha met with Secretary General of the Parliamentary "
                   "Assembly of the Black Sea Economic Cooperation (PABSEC) Asaf Hajiyev.",
              "President Volodymyr Zelenskyy met with Chairperson of the Lower House of the Irish Parliament Seán Ó "
              "Fearghaíl.",
              "Ihor Zhovkva held a video conference with Federal Minister for the EU and Constitution at the Federal "
              "Chancellery of Austria Karoline Edtstadler.", date="2022-04-28")
    assert "Economic Cooperation" not in {p.name for p in ext.people}
    assert pairs(ext) == [{"Andriy Sybiha", "Asaf Hajiyev"}, {"Volodymyr Zelenskyy", "Seán Ó Fearghaíl"},
                          {"Ihor Zhovkva", "Karoline Edtstadler"}]


def test_people_heard_at_the_meeting_of_a_board(nlp):
    ext = run(nlp, "Security is the priority, President Volodymyr Zelenskyy said at the wrap-up meeting of the board "
                   "of the Security Service held in Kyiv. For his part, Head of the Security Service Ivan Bakanov said "
                   "that the service dealt with key threats.", date="2021-12-24")
    assert pairs(ext) == [{"Volodymyr Zelenskyy", "Ivan Bakanov"}]


def test_people_reporting_at_a_meeting_held_with_the_participation_of_the_host(nlp):
    ext = run(nlp, "With the participation of President Volodymyr Zelenskyy, a meeting of the Congress of Local "
                   "Authorities was held as a video conference. Minister of Infrastructure Oleksandr Kubrakov told "
                   "the meeting participants about the damage. Minister of Finance Serhiy Marchenko briefed on the "
                   "budget. Minister of Internal Affairs Denys Monastyrsky reported on the curfew.",
              date="2022-04-27")
    assert pairs(ext) == [{"Volodymyr Zelenskyy", "Oleksandr Kubrakov", "Serhiy Marchenko", "Denys Monastyrsky"}]
