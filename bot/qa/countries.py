"""Countries and the words that name them: names, short forms and nationality adjectives.

Role phrases and titles compare countries by a canonical key: "British", "UK", "Britain" and
"United Kingdom" are all ``uk``; "Slovak" is ``slovakia``; "Czech Republic" and "Czechia" are
``czech``. Used for partner filters ("which British officials did X meet") and for titles and
headlines ("Prime Minister of the Portuguese Republic").
"""

from __future__ import annotations

# canonical key: the words that name it (names, short forms, adjectives; several words joined by spaces)
_TABLE: dict[str, str] = {
    "usa": "usa|us|u s|america|american|americans|united states|united states of america",
    "uk": "uk|britain|british|great britain|united kingdom|english|england|scotland|scottish|welsh|wales",
    "belarus": "belarus|belarusian|belarussian|byelorussian|belorussian",
    "russia": "russia|russian|russian federation",
    "ukraine": "ukraine|ukrainian",
    "china": "china|chinese|prc",
    "taiwan": "taiwan|taiwanese",
    "poland": "poland|polish",
    "serbia": "serbia|serbian",
    "france": "france|french",
    "germany": "germany|german",
    "italy": "italy|italian",
    "romania": "romania|romanian",
    "portugal": "portugal|portuguese",
    "luxembourg": "luxembourg|luxembourgish|luxembourger",
    "spain": "spain|spanish",
    "netherlands": "netherlands|dutch|holland",
    "belgium": "belgium|belgian",
    "austria": "austria|austrian",
    "switzerland": "switzerland|swiss",
    "sweden": "sweden|swedish",
    "finland": "finland|finnish",
    "norway": "norway|norwegian",
    "denmark": "denmark|danish",
    "iceland": "iceland|icelandic",
    "ireland": "ireland|irish",
    "greece": "greece|greek|hellenic",
    "cyprus": "cyprus|cypriot",
    "malta": "malta|maltese",
    "turkey": "turkey|turkish|turkiye",
    "hungary": "hungary|hungarian",
    "czech": "czech|czechia|czech republic",
    "slovakia": "slovakia|slovak|slovakian|slovak republic",
    "slovenia": "slovenia|slovenian|slovene",
    "croatia": "croatia|croatian",
    "bosnia": "bosnia|bosnian|bosnia and herzegovina",
    "montenegro": "montenegro|montenegrin",
    "albania": "albania|albanian",
    "macedonia": "macedonia|macedonian|north macedonia",
    "kosovo": "kosovo|kosovar",
    "bulgaria": "bulgaria|bulgarian",
    "moldova": "moldova|moldovan",
    "georgia": "georgia|georgian",
    "armenia": "armenia|armenian",
    "azerbaijan": "azerbaijan|azerbaijani|azeri",
    "kazakhstan": "kazakhstan|kazakh|kazakhstani",
    "uzbekistan": "uzbekistan|uzbek",
    "kyrgyzstan": "kyrgyzstan|kyrgyz",
    "tajikistan": "tajikistan|tajik",
    "turkmenistan": "turkmenistan|turkmen",
    "latvia": "latvia|latvian",
    "lithuania": "lithuania|lithuanian",
    "estonia": "estonia|estonian",
    "japan": "japan|japanese",
    "korea": "korea|korean|south korea|south korean|republic of korea",
    "india": "india|indian",
    "pakistan": "pakistan|pakistani",
    "afghanistan": "afghanistan|afghan",
    "iran": "iran|iranian",
    "iraq": "iraq|iraqi",
    "syria": "syria|syrian",
    "lebanon": "lebanon|lebanese",
    "jordan": "jordan|jordanian",
    "israel": "israel|israeli",
    "palestine": "palestine|palestinian",
    "egypt": "egypt|egyptian",
    "saudi": "saudi|saudi arabia|saudi arabian",
    "emirates": "emirates|emirati|uae|united arab emirates",
    "qatar": "qatar|qatari",
    "kuwait": "kuwait|kuwaiti",
    "oman": "oman|omani",
    "bahrain": "bahrain|bahraini",
    "canada": "canada|canadian",
    "mexico": "mexico|mexican",
    "brazil": "brazil|brazilian",
    "argentina": "argentina|argentine|argentinian",
    "chile": "chile|chilean",
    "colombia": "colombia|colombian",
    "peru": "peru|peruvian",
    "venezuela": "venezuela|venezuelan",
    "cuba": "cuba|cuban",
    "nicaragua": "nicaragua|nicaraguan",
    "australia": "australia|australian",
    "zealand": "new zealand|zealander",
    "vietnam": "vietnam|vietnamese",
    "indonesia": "indonesia|indonesian",
    "malaysia": "malaysia|malaysian",
    "singapore": "singapore|singaporean",
    "thailand": "thailand|thai",
    "philippines": "philippines|filipino|philippine",
    "mongolia": "mongolia|mongolian",
    "africa": "south africa|south african",
    "nigeria": "nigeria|nigerian",
    "senegal": "senegal|senegalese",
    "ethiopia": "ethiopia|ethiopian",
    "kenya": "kenya|kenyan",
    "algeria": "algeria|algerian",
    "morocco": "morocco|moroccan",
    "tunisia": "tunisia|tunisian",
    "libya": "libya|libyan",
    "sudan": "sudan|sudanese",
    "vatican": "vatican|holy see",
}
_BLOCS: dict[str, str] = {
    "europe": "europe|european|eu|european union",
    "nations": "un|united nations",
    "nato": "nato",
}


def _forms(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    return {tuple(form.split()): key for key, forms in table.items() for form in forms.split("|")}


FORMS: dict[tuple[str, ...], str] = {**_forms(_TABLE), **_forms(_BLOCS)}
"""Words naming a country or a bloc (as word tuples) -> its key."""
COUNTRIES: frozenset[str] = frozenset(_TABLE)
_NAMES: dict[str, list[str]] = {key: [f for f in forms.split("|") if " " not in f] for key, forms in _TABLE.items()}


_LONGEST_FROM: dict[str, int] = {}
for _form in FORMS:
    _LONGEST_FROM[_form[0]] = max(_LONGEST_FROM.get(_form[0], 0), len(_form))


def country_at(tokens: list[str], i: int) -> tuple[str, int] | None:
    """The country (or bloc) named by the words at ``i``, longest form first: (key, number of words)."""
    longest = _LONGEST_FROM.get(tokens[i], 0)
    for n in range(min(longest, len(tokens) - i), 0, -1):
        key = FORMS.get(tuple(tokens[i:i + n]))
        if key is not None:
            return key, n
    return None


def is_country_word(token: str) -> bool:
    """A one-word name or adjective of a country ("us", "belarusian", "slovakia")."""
    key = FORMS.get((token,))
    return key is not None and key in COUNTRIES


def other_forms(token: str) -> list[str]:
    """For a nationality adjective or country name, the one-word forms of the same country ("serbian" -> "serbia")."""
    key = FORMS.get((token,))
    if key is None or key not in COUNTRIES:
        return []
    return [f for f in _NAMES[key] if f != token and len(f) > 2]
