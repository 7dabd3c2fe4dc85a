"""People named in an article: clean NER mentions, merge them, find titles, resolve names and roles."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.extract.lexicon import (
    CONNECTORS,
    COUNTRY_ALIASES,
    DEMONYMS,
    GENERIC_LEADER_ROLES,
    GUEST_ROLES,
    NAME_PARTICLES,
    NON_NAME_TOKENS,
    NOT_NAMES,
    PRONOUNS_SUBJ,
    ROLE_NOUNS,
    TITLE_WORDS,
    latin,
)
from bot.models import PersonMention

_CAMEL = re.compile(r"(?<=[a-z])(?<!\bMc)(?<!\bMac)(?=[A-Z])")  # not 'McConnell', 'MacLeod'
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# title words; a comma only inside an enumeration ('Minister of the Economy, Finance and the Recovery')
_TITLE_TAIL = re.compile(latin(
    r"((?:(?:[A-Z0-9][\w'’\-.]*(?:,(?=\s+[A-Z][\w'’\-]*\s+and\s))?|of|the|and|for|on)\s+)+)$"
))
_APPOSITIVE = re.compile(latin(
    r"^,\s+(?:the\s+)?((?:[A-Z0-9][\w'’\-.]*)(?:\s+(?:[A-Z0-9][\w'’\-.]*|of|the|and|for|on|in|to))*)"
))
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_ROLE_HEADS = frozenset(
    w for r in ROLE_NOUNS for w in r.replace("-", " ").split() if w not in ("of", "state", "government")
) | {"vice", "deputy", "first", "acting", "high", "commander", "chief", "ceo"}


def norm_tokens(text: str) -> list[str]:
    """Lower-case ASCII tokens of a name (accents dropped), as the scorer compares names."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return _TOKEN.findall(s)


def clean_name(raw: str) -> str | None:
    """Turn a PERSON entity's text into a bare name, or None when it is not a name."""
    s = _CAMEL.sub(" ", raw)
    s = re.sub(r"[\[\]()\"“”«»]", " ", s)
    s = re.sub(r"['’]s\b|['’]$", "", s.strip())
    words = [w.strip(",.;:") if not re.fullmatch(r"[A-Z]\.", w) else w for w in s.split()]
    words = [w for w in words if w]
    while words and (words[0].lower() in TITLE_WORDS or words[0].lower() in CONNECTORS
                     or (words[0].lower().endswith("s") and words[0].lower()[:-1] in TITLE_WORDS)
                     or words[0].lower() in DEMONYMS or _ORDINAL.match(words[0].lower())):
        words.pop(0)
    while words and (words[-1].lower() in TITLE_WORDS or words[-1].lower() in CONNECTORS):
        words.pop()
    words = dedupe_garbled(words)
    core = [w for w in words if w.lower() not in NAME_PARTICLES]
    if not 1 <= len(core) <= 4 or len(words) > 6:
        return None
    for w in words:
        lw = w.lower()
        if lw in NAME_PARTICLES:
            continue
        if not w[0].isupper() or any(c.isdigit() for c in w):
            return None
        if len(w) > 2 and w.isupper():
            return None
        if lw in NOT_NAMES or lw in DEMONYMS or lw in NON_NAME_TOKENS:
            return None
    name = " ".join(words)
    return name if len(re.sub(r"\W", "", name)) >= 2 else None


def dedupe_garbled(words: list[str]) -> list[str]:
    """'Alexander Lukashenko Lukashenko Alexander' -> 'Alexander Lukashenko'; drop repeated words."""
    n = len(words)
    if n >= 4 and n % 2 == 0 and words[n // 2:] == words[: n // 2][::-1]:
        return words[: n // 2]
    out: list[str] = []
    for w in words:
        if w not in out:
            out.append(w)
    return out


def _head(word: str) -> str:
    """'Commander-in-Chief' -> 'commander': the part of a hyphenated title word that says the role."""
    return word.lower().split("-")[0]


def title_before(text: str, start: int) -> str | None:
    """The title written right before a name: 'President of Belarus', 'German Chancellor'."""
    m = _TITLE_TAIL.search(text[max(0, start - 160):start])
    if not m:
        return None
    words = m.group(1).split()
    ends = [i for i, w in enumerate(words) if w.endswith((".", "!", "?", ":", ";")) and not re.fullmatch(r"[A-Z]\.", w)]
    if ends:
        words = words[ends[-1] + 1:]  # the title does not run back across a sentence ('… Maia Sandu. Volodymyr')
    while words and not (_head(words[0]) in _ROLE_HEADS or words[0].lower() in DEMONYMS
                         or _ORDINAL.match(words[0].lower())):
        words.pop(0)
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
    if not any(_head(w) in _ROLE_HEADS for w in words):
        return None
    return " ".join(words).rstrip(".,") or None


def title_after(text: str, end: int) -> str | None:
    """An appositive title: 'Zhang Qingwei, Vice Chairman of the Standing Committee ...'."""
    m = _APPOSITIVE.match(text[end:end + 200])
    if not m:
        return None
    words = m.group(1).split()
    if not words or words[0].lower() not in _ROLE_HEADS:
        return None
    while words and words[-1].lower() in CONNECTORS:
        words.pop()
    return " ".join(words).rstrip(".,") or None


_COUNTRY_KEYS = frozenset(DEMONYMS.values()) | frozenset(COUNTRY_ALIASES.values())


def countries_of(title: str) -> set[str]:
    """Country keys a title refers to ('French President' -> france, 'of Belarus' -> belarus)."""
    low = title.lower().replace("’", "'")
    found = {DEMONYMS[w] for w in re.findall(r"[a-z]+", low) if w in DEMONYMS}
    for alias, key in COUNTRY_ALIASES.items():
        if alias in low:
            found.add(key)
    for m in re.finditer(r"\bof (?:the )?([a-z' ]+)", low):
        tail = m.group(1).strip()
        found.add(COUNTRY_ALIASES.get(tail, tail))
        found.add(tail.split(" of ")[-1].replace("the ", ""))
    return {f for f in found if f}


@dataclass(eq=False)
class Person:
    """One person of the article, with every surface form and title seen."""

    forms: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    mentions: int = 0
    turns: int = 0

    @property
    def name(self) -> str:
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f], -len(f)))

    @property
    def tokens(self) -> set[str]:
        return {t for f in self.forms for t in norm_tokens(f)}

    @property
    def title(self) -> str | None:
        if not self.titles:
            return None
        return max(self.titles, key=lambda t: (" of " in t, len(t.split()), self.titles[t]))

    def role_text(self) -> str:
        return " | ".join(self.titles).lower()

    def countries(self) -> set[str]:
        out: set[str] = set()
        for t in self.titles:
            out |= countries_of(t)
        return out


class People:
    """The people of one article; resolves names, pronoun-free role phrases and aliases."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self.host: Person | None = None
        self.guests: list[Person] = []

    # ------------------------------------------------------------ building
    def add(self, form: str, title: str | None = None, weight: int = 1) -> Person | None:
        """Register a cleaned name form (and its title); merge with a person it names."""
        toks = norm_tokens(form)
        if not toks:
            return None
        person = self._match_form(toks)
        if person is None:
            person = Person()
            self.persons.append(person)
        person.forms[form] += weight
        person.mentions += weight
        if title:
            person.titles[title] += 1
        return person

    def _match_form(self, toks: list[str]) -> Person | None:
        best, best_score = None, 0.0
        ts = set(toks)
        for p in self.persons:
            ptoks = p.tokens
            if ts <= ptoks or (ptoks <= ts and len(ptoks) >= 1 and len(ts) <= len(ptoks) + 1
                               and any(len(t) > 2 for t in ptoks)):
                score = 2.0 + p.mentions / 1000
            elif all(any(len(t) >= 4 and fuzz.ratio(t, q) >= 85 for q in ptoks) for t in ts):
                score = 1.0 + p.mentions / 1000
            else:
                continue
            if score > best_score:
                best, best_score = p, score
        return best

    def merge_subsets(self) -> None:
        """Fold people whose name is contained in another's (added in the wrong order)."""
        self.persons.sort(key=lambda p: -len(p.name.split()))
        kept: list[Person] = []
        for p in self.persons:
            target = None
            for k in kept:
                if norm_tokens(p.name) and set(norm_tokens(p.name)) <= k.tokens:
                    target = k if target is None or k.mentions > target.mentions else target
            if target is None:
                kept.append(p)
                continue
            target.forms.update(p.forms)
            target.titles.update(p.titles)
            target.mentions += p.mentions
            target.turns += p.turns
        self.persons = kept

    def index(self, paragraphs: list[str]) -> list[list[tuple[int, int, Person]]]:
        """Every place a known person is named (full forms and unambiguous surnames), per paragraph."""
        keys: dict[str, Person | None] = {}
        for p in self.persons:
            for form in p.forms:
                keys[form] = p
                parts = form.split()
                last = parts[-1]
                if len(parts) > 1 and len(last) >= 4:
                    keys[last] = p if keys.get(last, p) is p else None
                    rev = " ".join(reversed(parts))
                    keys.setdefault(rev, p)
        keys = {k: v for k, v in keys.items() if v is not None}
        if not keys:
            return [[] for _ in paragraphs]
        alt = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")
        out = []
        counts: Counter = Counter()
        for text in paragraphs:
            hits = [(m.start(), m.end(), keys[m.group(0)]) for m in pattern.finditer(text)]
            for a, b, p in hits:
                if " " in text[a:b]:
                    title = title_before(text, a) or title_after(text, b)
                    if title and title not in p.titles:
                        p.titles[title] += 1
            for _, _, p in hits:
                counts[id(p)] += 1
            out.append(hits)
        for p in self.persons:
            p.mentions = max(p.mentions, counts[id(p)])
        return out

    # ------------------------------------------------------------ lookups
    def by_name(self, text: str) -> Person | None:
        """The person a piece of text names (full name, surname, alias or spelling variant)."""
        toks = set(norm_tokens(_CAMEL.sub(" ", text)))
        if not toks:
            return None
        best, best_score = None, 0.0
        for p in self.persons:
            ptoks = p.tokens
            surname = norm_tokens(p.name)[-1:] if p.name else []
            overlap = toks & ptoks
            score = 0.0
            if overlap and (set(surname) <= overlap or len(overlap) >= 2 or len(ptoks) == 1):
                score = len(overlap) + (1 if set(surname) <= overlap else 0)
            elif surname and any(len(t) >= 5 and fuzz.ratio(t, surname[0]) >= 85 for t in toks):
                score = 0.5
            if score:
                score += p.mentions / 1000
            if score > best_score:
                best, best_score = p, score
        return best

    def by_role(self, phrase: str, last: Person | None = None) -> Person | None:
        """Resolve 'the Belarusian leader', 'the head of state', 'the distinguished guest' ..."""
        low = phrase.lower().replace("’", "'")
        role = next((r for r in ROLE_NOUNS if re.search(rf"\b{re.escape(r)}\b", low)), None)
        if role is None:
            return None
        bare = re.sub(r"^(?:the|his|her|our)\s+", "", low)
        head = bare.split(" of ")[0]
        if " of " in bare and not re.search(rf"\b{re.escape(role)}\b", head) and not role.startswith(head):
            # 'the permanent representative of the Head of State': a representative, not the head of state
            word = head.split()[-1]
            holders = [p for p in self.persons if re.search(rf"\b{re.escape(word)}\b", p.role_text())]
            return holders[0] if len(holders) == 1 else None
        if " of " in bare and not any(bare.startswith(r) for r in ROLE_NOUNS if " of " in r):
            # 'the Head of the President's Office': the one person whose title begins so
            head = bare.split(" of ")[0]  # 'the Head of the Office of the President': a head, not a president
            named = countries_of(bare[len(head):]) & _COUNTRY_KEYS  # 'of Slovakia', not 'of the Office
            for prefix in (bare, head):
                holders = [p for p in self.persons
                           if any(t.lower().replace("’", "'").startswith(prefix) for t in p.titles)
                           and not (prefix is head and named and p.countries() and not p.countries() & named)]
                if len(holders) == 1:
                    return holders[0]
        countries = countries_of(low.replace(role, " "))
        if countries:
            hits = [p for p in self.persons if p.countries() & countries]
            if len(hits) > 1:
                hits = [p for p in hits if role in p.role_text() or role in GENERIC_LEADER_ROLES] or hits
            if hits:
                return max(hits, key=lambda p: p.mentions + p.turns)
            unknown = [p for p in self.persons if not p.countries()]
            if role in GENERIC_LEADER_ROLES:
                return self.host if self.host in unknown else None
            if role in GUEST_ROLES:  # 'his Azerbaijani counterpart' when no title names the country
                return self.guests[0] if self.guests and self.guests[0] in unknown else None
            holders = [p for p in unknown if re.search(rf"\b{re.escape(role)}\b", p.role_text())]
            return holders[0] if len(holders) == 1 else None
        if role in GUEST_ROLES:
            return self.guests[0] if self.guests else None
        if role in GENERIC_LEADER_ROLES:
            return self.host
        holders = [p for p in self.persons if re.search(rf"\b{re.escape(role)}\b", p.role_text())]
        if (self.host is not None and (self.host in holders or not holders)
                and (role in ("president", "head of state") or not holders)):
            return self.host
        if len(holders) == 1:
            return holders[0]
        if last is not None and last in holders:
            return last
        return holders[0] if holders else None

    def resolve(self, phrase: str, topic: Person | None) -> Person | str | None:
        """A speaker phrase -> a person, an institution name, or None."""
        p = phrase.strip(" ,.;:—–-")
        low = p.lower()
        if not p:
            return None
        if low in PRONOUNS_SUBJ or low in ("his", "the latter"):
            return topic
        if low in ("they", "we", "it", "i", "you", "she or he"):
            return None
        named = self.by_name(p) if re.search(r"[A-Z]", p) else None
        if named is not None:
            return named
        role = self.by_role(p, topic)
        if role is not None:
            return role
        words = p.split()
        if any(re.search(rf"\b{re.escape(r)}\b", low) for r in ROLE_NOUNS):
            return None
        if words and words[0].lower() == "the" and len(words) >= 2 and any(w[0].isupper() for w in words[1:]):
            if words[1].lower() in TITLE_WORDS:
                return None  # 'the Adviser to the Head of …' whom no title here names: a person, not an institution
            return " ".join(words[1:])
        return None

    # ------------------------------------------------------------ output
    def mentions(self) -> list[PersonMention]:
        out = []
        for p in sorted(self.persons, key=lambda p: -(p.mentions + p.turns)):
            name = p.name
            title = p.title
            org = None
            if title:
                cs = countries_of(title)
                m = re.search(r"\bof (?:the )?(.+)$", title)
                org = m.group(1) if m else (next(iter(cs)).title() if cs else None)
            aliases = sorted(f for f in p.forms if f != name)
            out.append(PersonMention(name=name, title=title, org=org, aliases=aliases))
        return out
