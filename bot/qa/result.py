"""What an answer holds: the text a person reads, the people, and items each with its sources."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """The article an item was read from."""

    article_id: int
    title: str
    date: str
    url: str | None = None


@dataclass(slots=True)
class QuoteItem:
    text: str
    speaker: str | None
    source: Source

    def to_contract(self) -> dict:
        return {"type": "quote", "text": self.text, "speaker": self.speaker, "date": self.source.date,
                "article_id": self.source.article_id}


@dataclass(slots=True)
class MeetingItem:
    """One meeting, maybe reported by several articles (``sources``, first is the earliest report)."""

    participants: list[str]
    date: str | None  # as written: YYYY-MM-DD, YYYY-MM, YYYY or A/B
    start: str
    end: str
    place: str | None
    sources: list[Source] = field(default_factory=list)
    participant_ids: list[int] = field(default_factory=list)

    def to_contract(self) -> dict:
        return {"type": "meeting", "participants": self.participants, "date": self.date, "place": self.place,
                "article_id": self.sources[0].article_id if self.sources else None}


@dataclass(slots=True)
class ArticleItem:
    source: Source

    def to_contract(self) -> dict:
        return {"type": "article", "title": self.source.title, "date": self.source.date,
                "article_id": self.source.article_id}


Item = QuoteItem | MeetingItem | ArticleItem


@dataclass(slots=True)
class Answer:
    """An answer: ``text`` for people, ``people`` and ``items`` for programs (FORMAT.md)."""

    intent: str
    text: str
    people: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def to_contract(self, id: object, question: str) -> dict:
        return {"id": id, "question": question, "intent": self.intent, "answer": self.text,
                "people": list(self.people), "items": [item.to_contract() for item in self.items]}
