"""The name lexicon: every person the database knows, found in a question by any form of the name.

Forms, most certain first: full name or alias, a trailing part of the name ("von der Leyen"),
the surname, the first name, a spelling variant of the surname; then, for words a question's
structure says are a name, a small typo (rapidfuzz) or a role phrase that a title in the
articles gives ("the Belarusian president" -> the person the articles call President of Belarus).
When several people fit, the most prominent (most mentions, quotes and meetings) wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot import people as names
from bot.qa.countries import COUNTRIES, country_at, is_country_word
from bot.qa.text import GRAMMAR, ROLE_WORDS, STOP, words

FUZZY_NAME = 85  # rapidfuzz ratio for a whole name with a typo
FUZZY_TOKEN = 80  # ... and for one surname with a typo (words of 5+ letters)

_PHRASES = {("european", "commission"): ("commission",), ("prime", "minister"): ("premier", "minister")}
_FILLER = frozenset({"the", "of", "and", "for", "foreign", "republic", "grand", "duchy", "federation", "federal",
                     "state", "s", "a", "an"})
_WILDCARDS = frozenset({"leader", "head", "chief", "boss"})
_ANYONE = frozenset({"official", "officials", "politician", "politicians", "people", "person", "guest", "guests",
                     "visitor", "visitors", "delegation", "delegations", "delegate", "delegates", "dignitary",
                     "dignitaries", "counterpart", "counterparts", "partner", "partners", "anyone", "anybody",
                     "someone", "somebody", "figure", "figures"})
"""Words of a role phrase that ask for anybody: "which Polish officials" is "anyone whose title says Poland"."""
_PLACE_GENERIC = frozenset({"palace", "office", "house", "hall", "room", "building", "residence", "city", "region",
                            "centre", "center", "headquarters", "square", "street", "state", "national", "republic",
                            "president", "minister", "government", "new", "great", "grand", "main"})
_HEADS = frozenset({"president", "premier", "chancellor", "chairman", "king", "queen", "emir", "sultan", "leader",
                    "head", "minister", "ceo", "chief", "director", "governor", "chair"})


def is_place_word(token: str) -> bool:
    """A country or its adjective ("us", "belarusian"), as role phrases use them."""
    return is_country_word(token) or token in COUNTRIES


def plural_role(tokens: list[str]) -> bool:
    """Whether a role phrase names a kind of people, not one person: "Polish ministers", "British officials"."""
    return any(t.endswith("s") and not t.endswith("ss") and (t[:-1] in ROLE_WORDS or t in ROLE_WORDS or t in _ANYONE)
               or t.endswith("ies") and t[:-3] + "y" in ROLE_WORDS for t in tokens)


def role_tokens(tokens: list[str]) -> frozenset[str]:
    """A title or role phrase as comparable words: 'Belarusian President' == 'President of Belarus'."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = tuple(tokens[i:i + 2])
        if pair in _PHRASES:
            out.extend(_PHRASES[pair])
            i += 2
            continue
        country = country_at(tokens, i)
        if country is not None:
            out.append(country[0])
            i += country[1]
            continue
        t = tokens[i]
        if t.endswith("ies") and len(t) > 4:
            t = t[:-3] + "y"  # ladies -> lady
        elif t.endswith("s") and t[:-1] in ROLE_WORDS:
            t = t[:-1]  # senators -> senator
        if t not in _FILLER:
            out.append(t)
        i += 1
    return frozenset(out)


@lru_cache(maxsize=4096)
def text_role_tokens(text: str) -> frozenset[str]:
    """:func:`role_tokens` of a text (a headline), remembered: the same reports come back across questions."""
    return role_tokens(words(text))


@dataclass(slots=True)
class Person:
    id: int
    name: str
    weight: int
    titles: list[tuple[frozenset[str], int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)  # last words of the name and its aliases ("zelensky", ...)


@dataclass(frozen=True, slots=True)
class RoleFilter:
    """Whether a person's titles fit a role phrase; ``need`` are its words, ``wild`` asks for a head (leader)."""

    lexicon: Lexicon
    need: frozenset[str]
    wild: bool

    def __call__(self, pid: int) -> bool:
        person = self.lexicon.people.get(pid)
        return person is not None and any(
            self.need <= title and (not self.wild or bool(title & _HEADS)) for title, _ in person.titles
        )

    def fits_with(self, pid: int, text: str) -> bool:
        """Whether a person fits, reading what their titles do not say from a text (the report's headline): a
        country for someone whose titles name none ("Minister of European Affairs" in "... of the Czech Republic"),
        anything for someone without titles."""
        if self(pid):
            return True
        person = self.lexicon.people.get(pid)
        if person is None or any(title & COUNTRIES for title, _ in person.titles):
            return False
        have = text_role_tokens(text)
        return any(self.need <= (title | have) and (not self.wild or bool((title | have) & _HEADS))
                   for title in [t for t, _ in person.titles] or [frozenset()])

    def fits_text(self, text: str) -> bool:
        """Whether a text (a headline) names the role: "met with a delegation of US senators"."""
        return self.need <= text_role_tokens(text)


@dataclass(frozen=True, slots=True)
class Found:
    """A person found at words ``start:end`` of a question, and how (exact, variant, typo, role)."""

    person: Person
    start: int
    end: int
    how: str


class Lexicon:
    """Every person, indexed by the forms of their names; built once per database state."""

    def __init__(self, people_rows, alias_rows, title_rows, signature: tuple = (), place_rows=()) -> None:
        self.signature = signature
        self.places: dict[str, int] = {}  # distinctive words of meeting places ("kyiv", "kremlin"), how often
        for r in place_rows:
            for t in set(words(r["place"])):
                if t not in STOP and t not in _PLACE_GENERIC and len(t) > 2:
                    self.places[t] = self.places.get(t, 0) + int(r["n"] or 1)
        self.people: dict[int, Person] = {
            r["id"]: Person(r["id"], r["name"], int(r["weight"] or 0)) for r in people_rows
        }
        self.full: dict[str, set[int]] = {}  # whole name keys and alias keys
        self.part: dict[str, set[int]] = {}  # trailing parts of 2+ words ("von der leyen")
        self.surname: dict[str, set[int]] = {}
        self.first: dict[str, set[int]] = {}
        for r in people_rows:
            self._index(r["id"], r["name_key"])
        for r in alias_rows:
            if r["person_id"] in self.people:
                self._index(r["person_id"], r["alias_key"])
        for r in title_rows:
            person = self.people.get(r["person_id"])
            if person is None:
                continue
            for text in (r["title"], r["org"]):
                if text:
                    tokens = role_tokens(words(text))
                    if tokens:
                        person.titles.append((tokens, int(r["n"])))
        self._surnames = sorted(self.surname)
        self._fulls = sorted(self.full)

    def _index(self, pid: int, key: str) -> None:
        tokens = key.split()
        if not tokens:
            return
        self.people[pid].forms.add(tokens[-1])
        self.full.setdefault(key, set()).add(pid)
        for i in range(1, len(tokens) - 1):
            self.part.setdefault(" ".join(tokens[i:]), set()).add(pid)
        if len(tokens) > 1:
            self.surname.setdefault(tokens[-1], set()).add(pid)
            self.first.setdefault(tokens[0], set()).add(pid)

    def knows(self, token: str) -> bool:
        """Whether a word is a form of some name ("zelensky", "olaf")."""
        return token in self.full or token in self.surname or token in self.first

    def best(self, ids: set[int]) -> Person:
        return max((self.people[i] for i in ids), key=lambda p: (p.weight, -p.id))

    # -------------------------------------------------------------- exact forms

    def _lookup(self, gram: list[str]) -> tuple[set[int], str] | None:
        key = " ".join(t for t in gram if t not in names.HONORIFICS)
        if not key:
            return None
        if key in self.full:
            return self.full[key], "name"
        if len(gram) > 1 and key in self.part:
            return self.part[key], "name"
        if len(gram) == 1:
            token = gram[0]
            if token in STOP or token in ROLE_WORDS or token in GRAMMAR or len(token) < 2:
                return None
            if token in self.surname:
                return self.surname[token], "surname"
            if token in self.first:
                return self.first[token], "first name"
            if len(token) >= 5:
                variants = {pid for s in self._surnames if s[:1] == token[:1] and names.similar_surnames(s, token)
                            for pid in self.surname[s]}
                if variants:
                    return variants, "spelling variant"
        return None

    def scan(self, tokens: list[str], taken: set[int] | None = None) -> list[Found]:
        """People named in ``tokens`` by an exact form, longest forms first, without overlaps."""
        taken = set(taken or ())
        found: list[Found] = []
        for n in range(min(6, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                span = set(range(i, i + n))
                if span & taken:
                    continue
                gram = tokens[i:i + n]
                if n > 1 and (names.name_key(gram[0]) == "" or names.name_key(gram[-1]) == ""):
                    continue
                hit = self._lookup(gram)
                if hit and n == 1 and hit[1] in {"name", "first name"} and (
                        self.places.get(gram[0], 0) > self.best(hit[0]).weight):
                    continue  # "Kyiv" read as a person by some article, but far more often a meeting place
                if hit:
                    found.append(Found(self.best(hit[0]), i, i + n, hit[1]))
                    taken |= span
        return sorted(found, key=lambda f: f.start)

    # -------------------------------------------------------------- words a question says are a name

    def role(self, tokens: list[str]) -> Person | None:
        """The person whose title fits a role phrase ('the belarusian president', 'china's leader')."""
        query = role_tokens(tokens)
        roles = query & (ROLE_WORDS | _WILDCARDS | {"premier"})
        qualifiers = query - ROLE_WORDS - _WILDCARDS - {"premier"}
        if not roles or not qualifiers:
            return None
        best: tuple | None = None
        for person in self.people.values():
            for title, n in person.titles:
                need = query - _WILDCARDS
                if not need <= title:
                    continue
                if query & _WILDCARDS and not title & _HEADS:
                    continue
                score = (-len(title - query), n, person.weight)
                if best is None or score > best[0]:
                    best = (score, person)
        return best[1] if best else None

    def is_place(self, tokens: list[str]) -> bool:
        """Whether words name a place where meetings were held ("kyiv", "the kremlin"), by the places known."""
        core = [t for t in tokens if t not in STOP and t not in _PLACE_GENERIC]
        return bool(core) and all(t in self.places for t in core)

    def role_filter(self, tokens: list[str]) -> RoleFilter | None:
        """For "which first ladies ...", "which Polish officials", "anyone from Poland": a test of whether a
        person's titles fit a role phrase (a role, or a country with anybody)."""
        query = role_tokens([t for t in tokens if t not in _ANYONE])
        need = query - _WILDCARDS
        anyone = any(t in _ANYONE for t in tokens)
        countries = bool(need) and all(t in COUNTRIES or t == "europe" for t in need)
        if not need or not (query & (ROLE_WORDS | _WILDCARDS | {"premier"}) or countries and (anyone or
                                                                                            len(need) == len(query))):
            return None  # a bare "which leaders" is used loosely: no filter
        return RoleFilter(self, frozenset(need), bool(query & _WILDCARDS))

    def fuzzy(self, tokens: list[str], *, by_word: bool = True) -> Person | None:
        """A name with a small typo: the whole run against full names, else (``by_word``) one word against surnames."""
        tokens = [t for t in tokens if t not in names.HONORIFICS]
        if not tokens:
            return None
        whole = " ".join(tokens)
        if len(tokens) > 1 and len(whole) >= 6:
            hit = process.extractOne(whole, self._fulls, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
            if hit:
                return self.best(self.full[hit[0]])
        for token in tokens if by_word or len(tokens) == 1 else ():
            if len(token) < 5 or token in STOP or token in ROLE_WORDS or token in GRAMMAR:
                continue
            hit = process.extractOne(token, self._surnames, scorer=fuzz.ratio, score_cutoff=FUZZY_TOKEN)
            if hit:
                return self.best(self.surname[hit[0]])
        return None

    def resolve(self, tokens: list[str]) -> Person | None:
        """Words that should be a name: exact forms, then a role phrase, then a typo."""
        found = self.scan(tokens)
        if found:
            return found[0].person
        return self.role(tokens) or self.fuzzy(tokens)
