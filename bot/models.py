"""Plain dataclasses passed between the engine's parts: articles and what is read out of them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ArticleDraft:
    """An article as imported, before it is stored.

    ``paragraphs`` is the text split into paragraphs; ``text`` is those paragraphs
    joined by blank lines. ``ext_id`` is the id the source gave it (a JSON ``id`` or
    a file name without extension), used by ``newsbot extract``.
    """

    title: str
    date: str  # YYYY-MM-DD
    paragraphs: list[str]
    url: str | None = None
    source: str | None = None
    ext_id: str | None = None
    place: str | None = None
    principal: tuple[str, str] | None = None  # (name, title) of the source's 'President' (bot.extract.principal)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class Article:
    """A stored article."""

    id: int
    title: str
    date: str
    url: str | None
    source: str | None
    text: str
    paragraphs: list[str]
    content_hash: str
    added_at: str
    added_by: str | None
    ext_id: str | None = None
    place: str | None = None


@dataclass(slots=True)
class PersonMention:
    """A person named in one article, by the fullest form of the name it gives."""

    name: str
    title: str | None = None
    org: str | None = None  # country or organisation, where stated
    aliases: list[str] = field(default_factory=list)  # other forms used in the article


@dataclass(slots=True)
class Quote:
    """A direct quotation or a transcript turn.

    ``speaker`` is the full name of the person (or institution) resolved from the
    article's context, or None when it could not be resolved. ``paragraph`` is the
    index into the article's paragraphs; ``start``/``end`` are character offsets of
    the quoted words inside that paragraph.
    """

    text: str
    speaker: str | None
    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class Meeting:
    """A meeting or talks between named people.

    ``date`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a range ``A/B`` of those.
    ``kind`` is ``meeting`` (took place), ``call`` (telephone) or ``planned``
    (announced for the future); only ``meeting`` counts as a meeting in answers.
    """

    participants: list[str]
    date: str | None
    place: str | None
    kind: str = "meeting"
    paragraph: int = 0


@dataclass(slots=True)
class Extraction:
    """Everything read out of one article, stamped with the extractor version."""

    people: list[PersonMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    version: str = ""

    def to_contract(self, ext_id: str) -> dict:
        """The JSON line of ``newsbot extract`` (see shared eval FORMAT.md)."""
        return {
            "id": ext_id,
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in self.quotes],
            "meetings": [
                {"participants": m.participants, "date": m.date, "place": m.place}
                for m in self.meetings
                if m.kind == "meeting"
            ],
            "people": [{"name": p.name, "title": p.title} for p in self.people],
        }
