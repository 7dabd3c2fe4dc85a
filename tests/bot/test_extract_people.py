"""Person names: what the name cleaner accepts and refuses."""

from __future__ import annotations

from bot.extract.people import clean_name


def test_organisation_words_are_not_person_names():
    for raw in ("Football Associations", "Development Policy", "Forum", "the Monetary Fund"):
        assert clean_name(raw) is None, raw
    for raw in ("Jens-Kristian Lütken", "Kimbal Musk", "Ursula von der Leyen"):
        assert clean_name(raw) == raw, raw
