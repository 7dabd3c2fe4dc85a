"""Word lists used by the extraction rules (verbs of saying, role nouns, meeting words, demonyms)."""

from __future__ import annotations

SAY_VERBS: frozenset[str] = frozenset(
    ["say", "says", "said", "saying", "state", "states", "stated", "stating", "note", "notes", "noted", "noting", "stress", "stresses", "stressed", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "add", "adds", "added", "assure", "assures", "assured", "reaffirm", "reaffirms", "reaffirmed", "highlight", "highlights", "highlighted", "remark", "remarks", "remarked", "explain", "explains", "explained", "declare", "declares", "declared", "underline", "underlines", "underlined", "underscore", "underscores", "underscored", "tell", "tells", "told", "continue", "continues", "continued", "conclude", "concludes", "concluded", "ask", "asks", "asked", "reply", "replies", "replied", "answer", "answers", "answered", "comment", "comments", "commented", "announce", "announces", "announced", "recall", "recalls", "recalled", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted", "insist", "insists", "insisted", "urge", "urges", "urged", "write", "writes", "wrote", "observe", "observes", "observed", "mention", "mentions", "mentioned", "affirm", "affirms", "affirmed", "confirm", "confirms", "confirmed", "suggest", "suggests", "suggested", "warn", "warns", "warned", "claim", "claims", "claimed", "share", "shares", "shared", "point", "pointed", "believe", "believes", "believed", "assert", "asserts", "asserted", "reiterate", "reiterates", "reiterated", "addressed", "thanked", "expressed", "summed", "voiced", "specified", "clarified", "argued", "agreed"]
)
"""Verbs that introduce or follow a direct quotation."""

PRONOUNS_SUBJ: frozenset[str] = frozenset({"he", "she", "him", "her"})

ROLE_NOUNS: tuple[str, ...] = (
    "head of state", "head of government", "prime minister", "vice president", "vice-president",
    "foreign minister", "secretary general", "secretary-general", "crown prince", "first lady",
    "president", "premier", "chancellor", "leader", "minister", "king", "queen", "emir", "sultan",
    "guest", "host", "visitor", "chairman", "chairwoman", "chair", "speaker", "secretary", "governor",
    "mayor", "ambassador", "commissioner", "representative", "patriarch", "pope", "monarch", "prince",
    "head", "director", "ceo", "spokesman", "spokeswoman", "spokesperson", "senator", "deputy",
)
"""Nouns naming a role; a phrase such as "the Belarusian leader" is resolved through them."""

GUEST_ROLES: frozenset[str] = frozenset({"guest", "visitor"})
GENERIC_LEADER_ROLES: frozenset[str] = frozenset({"head of state", "leader", "host", "head"})

TITLE_WORDS: frozenset[str] = frozenset(
    ["president", "prime", "minister", "premier", "chancellor", "leader", "king", "queen", "emir", "sultan", "chairman", "chairwoman", "chair", "speaker", "secretary", "general", "governor", "mayor", "ambassador", "commissioner", "representative", "patriarch", "pope", "monarch", "prince", "princess", "crown", "head", "director", "ceo", "spokesman", "spokeswoman", "spokesperson", "senator", "deputy", "vice", "first", "lady", "acting", "high", "executive", "chief", "press", "presidential", "minister's", "mr", "mrs", "ms", "dr", "sir", "madam", "his", "her", "excellency", "majesty", "highness", "comrade", "archpriest", "metropolitan", "lieutenant", "colonel", "major", "army", "marshal", "admiral", "commander", "captain", "sergeant", "mp", "chief-of-staff", "aide", "adviser", "advisor", "envoy", "delegate", "member", "members", "founder", "owner", "rector", "professor", "academician", "journalist", "correspondent", "officer", "manager", "holder", "board", "defence", "defense", "foreign", "finance", "economy", "affairs", "justice", "interior", "health", "education", "emergency", "situations", "region", "regional", "federal", "state", "national", "council", "parliament", "assembly", "committee", "commission", "office", "ministry", "agency", "service", "federation", "republic", "government", "administration", "duma", "standing", "people's", "mayor's", "grand", "duchy"]
)
"""Words that belong to titles, not to names (used to cut titles off names)."""

NAME_PARTICLES: frozenset[str] = frozenset({"von", "der", "van", "de", "da", "dos", "del", "la", "le", "bin", "al", "el"})

CONNECTORS: frozenset[str] = frozenset({"of", "the", "and", "for", "on", "in", "to", *NAME_PARTICLES})

NONPERSON_LABELS: frozenset[str] = frozenset(
    {"question", "questions", "remark", "remarks", "answer", "reply", "response", "journalist", "correspondent",
     "audience", "participant", "voice", "voices", "moderator", "note", "reference"}
)
"""Transcript labels that end the previous turn but name nobody."""

NOT_NAMES: frozenset[str] = frozenset(
    ["god", "allah", "lord", "christ", "mr", "mrs", "ms", "president", "minister", "chancellor", "premier", "covid", "covid-19", "coronavirus", "kremlin", "parliament", "euro", "dollar", "hryvnia", "rouble", "ruble", "internet", "twitter", "facebook", "telegram", "instagram"]
)

LABEL_STOP_PREV: frozenset[str] = frozenset(
    ["with", "to", "by", "from", "and", "of", "for", "the", "a", "an", "at", "on", "in", "as", "that", "said", "told", "asked", "noted", "stated", "added", "between", "among", "about", "than", "like", "said:", "wrote", "declared", "announced", "called", "named", "titled", "entitled"]
)
"""Words that, right before a capitalised run, show the run is not a transcript label."""

MEETING_NOUNS: frozenset[str] = frozenset(
    {"meeting", "meetings", "talks", "negotiations", "summit", "consultations", "video conference",
     "videoconference", "video link"}
)
MEETING_VERBS: frozenset[str] = frozenset({"met", "meet", "meets", "meeting"})
CALL_WORDS: tuple[str, ...] = ("telephone", "phone", "call", "calls", "called", "video call")
FUTURE_CUES: tuple[str, ...] = (
    "will meet", "will hold", "will be held", "would meet", "shall meet", "to meet", "to hold", "plans to",
    "planned", "is scheduled", "are scheduled", "is expected", "are expected", "upcoming", "next week",
    "next month", "next year", "going to", "invite", "invited", "invitation", "agreed to meet", "in the future",
    "near future", "will visit", "to visit", "will take place", "would like to meet", "hope to meet",
)

DEMONYMS: dict[str, str] = {
    "afghan": "afghanistan", "albanian": "albania", "algerian": "algeria", "american": "united states",
    "argentine": "argentina", "armenian": "armenia", "australian": "australia", "austrian": "austria",
    "azerbaijani": "azerbaijan", "belarusian": "belarus", "belgian": "belgium", "bolivian": "bolivia",
    "bosnian": "bosnia", "brazilian": "brazil", "british": "united kingdom", "bulgarian": "bulgaria",
    "canadian": "canada", "chilean": "chile", "chinese": "china", "colombian": "colombia",
    "croatian": "croatia", "cuban": "cuba", "cypriot": "cyprus", "czech": "czech", "danish": "denmark",
    "dutch": "netherlands", "egyptian": "egypt", "emirati": "emirates", "estonian": "estonia",
    "ethiopian": "ethiopia", "european": "european", "finnish": "finland", "french": "france",
    "georgian": "georgia", "german": "germany", "greek": "greece", "hungarian": "hungary",
    "icelandic": "iceland", "indian": "india", "indonesian": "indonesia", "iranian": "iran", "iraqi": "iraq",
    "irish": "ireland", "israeli": "israel", "italian": "italy", "japanese": "japan", "jordanian": "jordan",
    "kazakh": "kazakhstan", "kazakhstani": "kazakhstan", "kenyan": "kenya", "korean": "korea",
    "kyrgyz": "kyrgyzstan", "latvian": "latvia", "lebanese": "lebanon", "libyan": "libya",
    "lithuanian": "lithuania", "luxembourgish": "luxembourg", "malaysian": "malaysia", "maltese": "malta",
    "mexican": "mexico", "moldovan": "moldova", "mongolian": "mongolia", "montenegrin": "montenegro",
    "moroccan": "morocco", "nigerian": "nigeria", "norwegian": "norway", "pakistani": "pakistan",
    "palestinian": "palestine", "peruvian": "peru", "philippine": "philippines", "polish": "poland",
    "portuguese": "portugal", "qatari": "qatar", "romanian": "romania", "russian": "russia",
    "saudi": "saudi arabia", "serbian": "serbia", "singaporean": "singapore", "slovak": "slovakia",
    "slovenian": "slovenia", "south african": "south africa", "spanish": "spain", "swedish": "sweden",
    "swiss": "switzerland", "syrian": "syria", "tajik": "tajikistan", "thai": "thailand",
    "tunisian": "tunisia", "turkish": "turkey", "turkmen": "turkmenistan", "ukrainian": "ukraine",
    "uzbek": "uzbekistan", "venezuelan": "venezuela", "vietnamese": "vietnam", "uae": "emirates",
    "us": "united states", "u.s.": "united states", "uk": "united kingdom",
}
"""Adjective of nationality -> lower-case key found in country names ("of Belarus", "French Republic")."""

COUNTRY_ALIASES: dict[str, str] = {
    "great britain": "united kingdom", "britain": "united kingdom", "usa": "united states",
    "america": "united states", "portuguese republic": "portugal", "french republic": "france",
    "federal republic of germany": "germany", "people's republic of china": "china", "turkiye": "turkey",
    "türkiye": "turkey", "russian federation": "russia", "grand duchy of luxembourg": "luxembourg",
}

NON_NAME_TOKENS: frozenset[str] = frozenset(
    """united kingdom states nations union congress republic federation council committee parliament
    assembly ministry government army forces bank company corporation university institute day
    church cathedral street square avenue region oblast district city airport station""".split()
)
"""Words that never occur in a person's name (organisations, places, events)."""
