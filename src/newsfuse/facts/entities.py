"""People, organisations and places from capitalisation alone, merged across documents.

No gazetteer and no model: a run of capitalised words is a name; a leading title ("Rep.",
"Mayor") makes it a person, an institutional word ("Department", "Journal") or an acronym
an organisation, a geographic word or a locative preposition ("in", "near") a place.  A
sentence-initial word that the text also uses in lower case ("Together") is an ordinary word.
Variants merge on the surname with compatible first names ("Matt"/"Matthew",
"Lawrence C."/"Lawrence"), accents folded ("Yulín"/"Yulin"); a bare surname joins the full
name it abbreviates, an acronym the organisation it abbreviates ("LAPD").  spaCy, when it and
its small English model are installed (extra ``nlp``), overrides the guessed kinds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsfuse.facts.model import Entity
from newsfuse.model import Cluster, Document
from newsfuse.text import STOPWORDS

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z])|[^\W\d_][\w'’‘-]*")
PARTICLES = frozenset("de da del della der di du van von la le bin al of".split())
TITLES = {
    "mr": "", "mrs": "", "ms": "", "miss": "", "dr": "doctor", "sir": "", "dame": "", "lady": "", "lord": "",
    "rep": "representative", "representative": "representative", "sen": "senator", "senator": "senator",
    "gov": "governor", "governor": "governor", "president": "president", "vice": "", "mayor": "mayor",
    "det": "detective", "detective": "detective", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain",
    "officer": "officer", "chief": "chief", "judge": "judge", "justice": "justice", "bishop": "bishop",
    "pope": "pope", "rev": "reverend", "father": "", "sheriff": "sheriff", "secretary": "secretary",
    "minister": "minister", "prime": "", "chancellor": "chancellor", "king": "king", "queen": "queen",
    "prince": "prince", "princess": "princess", "attorney": "attorney", "general": "", "coach": "coach",
    "commissioner": "commissioner", "prosecutor": "prosecutor", "professor": "professor", "prof": "professor",
    "speaker": "speaker", "leader": "leader", "congressman": "congressman", "congresswoman": "congresswoman",
    "councillor": "councillor", "councilman": "councilman", "councilwoman": "councilwoman", "alderman": "alderman",
    "chair": "chair", "chairman": "chairman", "chairwoman": "chairwoman", "director": "director",
    "spokesman": "spokesman", "spokeswoman": "spokeswoman", "spokesperson": "spokesperson", "ceo": "ceo",
    "premier": "premier", "first": "", "republican": "", "democrat": "", "democratic": "", "gop": "", "gen": "general", "col": "colonel", "adm": "admiral", "supt": "superintendent",
    "sheikh": "", "sheik": "", "emir": "emir", "imam": "imam", "rabbi": "rabbi", "cardinal": "cardinal",
}
ROLE_NOUNS = frozenset(
    """singer rapper actor actress comedian musician star model host anchor reporter journalist author writer
    novelist poet artist designer chef pilot striker goalkeeper player driver diver swimmer runner boxer golfer
    economist scientist researcher lawyer nurse farmer teacher student analyst expert historian biographer
    witness resident commuter passenger survivor neighbor neighbour veteran activist pollster strategist consultant""".split()
)  # capitalised only because they open a sentence: "Striker Tomas Lind scored."
PERSON_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(ROLE_NOUNS | set(TITLES) - {""})) + r")\b"
)  # "Lund, a Democratic pollster": a person
PLACE_TITLES = frozenset("mayor governor president king queen".split())
ORG_WORDS = frozenset(
    """department police party association committee council university college school institute
    foundation agency administration commission bank company corp corporation inc co ltd llc group
    journal times post news press network church court congress senate ministry office service
    services board league union club team center centre hospital museum organization organisation
    coalition campaign fund magazine radio tv television airlines airways motors records studios
    entertainment media federal democrats republicans fbi cia nasa army navy force guard patrol
    society trust alliance federation bureau authority parliament assembly tribune herald gazette
    daily reuters pols cbs nbc abc cnn fox msnbc bbc npr awards festival labs laboratories systems
    technologies industries holdings partners pharmaceuticals energy foods brands capital ventures
    communications electronics software games insurance enterprises solutions financial""".split()
)
PUBLICATIONS = frozenset(
    """people, vanity fair, variety, vogue, elle, glamour, billboard, rolling stone, time, newsweek, forbes,
    fortune, politico, axios, buzzfeed, vox, slate, salon, wired, tmz, us weekly, atlantic, new yorker,
    economist, guardian, independent, telegraph, mashable, verge, deadline, page six""".replace("\n", " ").split(", ")
)  # magazines and sites whose names read like a person's ("Vanity Fair")
OUTLET_NOUNS = re.compile(r"\s+(?:magazine|newspaper|network|station|tabloid|website|podcast)\b")
PEOPLE_NOUN_AFTER = re.compile(
    r" (?:senior |top |military |government |intelligence )?(?:officials?|diplomats?|lawmakers?|sources?|authorities|officers?|leaders?|troops|forces|voters)\b"
)  # "a Pakistani official", "Western diplomats": an adjective, not a name
DEMONYM = re.compile(r"(?:an|ese|ish|i|ch|ic)$")  # "Pakistani", "Chinese", "French": not "Pentagon officials"
LEADS = re.compile(r"\s+(?:chief executive|chief operating|chief financial|CEO|founder|co-founder|chairman|chairwoman)\b")
PLACE_WORDS = frozenset(
    """city county state island islands river lake mountain mountains mount valley bay beach street
    avenue road park square airport station coast province region harbor harbour port bridge
    village town district peninsula gulf sea ocean""".split()
)
PLACE_OF = re.compile(r"\b(?:" + "|".join(sorted(PLACE_WORDS - {"station", "street", "square"})) + r"|province|region|town)\s+of\s+$")
PLACE_BEFORE = frozenset("in near across outside throughout".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow christmas easter thanksgiving et est edt pt pst pdt ct cst cdt gmt utc""".split()
)
COMPANY_NOUNS = frozenset(
    "firm company group maker manufacturer retailer chain giant brand startup carmaker automaker airline broadcaster publisher lender insurer".split()
)
BODY_NOUNS = COMPANY_NOUNS | frozenset(
    "body agency authority organisation organization charity registry regulator watchdog nonprofit institute association".split()
)  # "the health authority Santé Publica", "Remera, a public body": an organisation, whatever its name looks like
BODY_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(sorted(BODY_NOUNS)) + r")(?=[,.;:]|\s+(?:which|that|of|in|for|based|responsible)\b)")
BODY_BEFORE = re.compile(
    r"(?<!\bof )(?<!\bfor )(?<!\bat )\b(?:(?i:the|a|an|its|their)|\w+['’]s)\s+(?:[a-z][\w-]*\s+){0,3}?(?:" + "|".join(sorted(BODY_NOUNS)) + r"),\s+$"
)  # not "the director of the health body, Ana Lind", who is the director
COUNTRIES = frozenset(["us", "usa", "uk", "united states", "united kingdom", "united arab emirates"])  # not organisations
PARTIES = frozenset("republican democrat".split())
MONTHS = frozenset("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
PLATFORMS = frozenset("twitter instagram facebook youtube snapchat tiktok reddit linkedin".split())
SUFFIXES = frozenset("jr sr ii iii iv".split())
NUMBERED = frozenset("war part phase chapter volume act book title section article vatican".split())  # "World War II" is no one
DETERMINERS = frozenset(
    """another many every everyone everybody nobody none anyone anybody someone somebody several among amid
    despite following throughout within without unlike image photo video caption credit advertisement
    instead however meanwhile moreover furthermore nevertheless nonetheless still yet thus hence therefore
    otherwise indeed besides afterwards overall separately elsewhere ultimately eventually additionally
    similarly likewise consequently accordingly regardless unfortunately fortunately notably currently
    though although whereas unless""".split()
)  # capitalised at a sentence or caption start (determiners, sentence adverbs, conjunctions), never names
PLURAL_GROUPS = frozenset(
    "officials authorities critics experts residents analysts investigators prosecutors witnesses sources researchers scientists doctors lawmakers".split()
)  # "Officials hired more staff.": capitalised only as a sentence's first word
REGIONAL = frozenset("western eastern northern southern".split())  # "official Western contact": an adjective alone
REGION_END = re.compile(r"\s*(?:[,.;:)]|$)")
POSSESSIVE_END = re.compile(r"['’‘]s$")
SPACY_MODEL = "en_core_web_sm"
SURE_VOTE = 1000  # evidence (a title, an institutional word, "in") always beats default guesses


@dataclass(slots=True, frozen=True)
class Mention:
    """A name as written at ``start:end`` of a document's text, titles and possessive removed."""

    start: int
    end: int
    name: str
    kind: str
    role: str = ""
    sure: bool = True  # False when the kind is only the default guess for a multi-word name


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Accent- and case-free spelling, the key variants are compared on."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[.’'‘]", "", plain).lower()


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w'’])[a-z][a-z'’-]*", text))


def _capitalised(token: str) -> bool:
    return token[0].isupper()


def _sentence_initial(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n—–-"


def mentions(text: str) -> list[Mention]:
    """Every name in ``text`` with a guessed kind ("" when a single word gives no clue)."""
    lower = _lower_words(text)
    found: list[Mention] = []
    run: list[re.Match[str]] = []
    for token in TOKEN.finditer(text):
        word = token.group()
        gap = text[run[-1].end() : token.start()] if run else ""
        joins = gap in (" ", " & ") or gap in (". ", ".-") and run[-1].group().lower() in TITLES  # "Procter & Gamble", "Det.-Sgt. Ana Ruiz"
        if _capitalised(word) and (joins or not run):
            run.append(token)
            if re.search(r"['’‘]s$", word):
                found.extend(_names(text, run, lower))
                run = []
            continue
        if joins and word in PARTICLES and run:
            run.append(token)
            continue
        found.extend(_names(text, run, lower))
        run = [token] if _capitalised(word) else []
    found.extend(_names(text, run, lower))
    return _regions_after_places(text, found)


def _regions_after_places(text: str, found: list[Mention]) -> list[Mention]:
    """"Arlington, Virginia," / "Lenby, Ostland.": a name of no known kind set off after a place
    is the region that place is in, so a place too."""
    for index in range(1, len(found)):
        left, right = found[index - 1], found[index]
        if left.kind == "place" and not right.kind and text[left.end : right.start] == ", " and REGION_END.match(text, right.end):
            found[index] = Mention(right.start, right.end, right.name, "place", right.role, sure=False)
    return found


def _names(text: str, run: list[re.Match[str]], lower: frozenset[str]) -> list[Mention]:
    while run and (run[-1].group() in PARTICLES):
        run = run[:-1]
    while run and (run[0].group() in PARTICLES):
        run = run[1:]
    if not run:
        return []
    first = run[0].group()
    key = POSSESSIVE_END.sub("", first.lower().rstrip("."))  # "Friday's report" names no one
    described = len(run) == 2 and PERSON_APPOSITIVE.match(text, run[-1].end()) is not None  # "Mark Lund, a pollster,"
    if key in STOPWORDS or key in TIME_WORDS and not _month_name(run) or key in DETERMINERS or (_sentence_initial(text, run[0].start()) and key in lower and key not in TITLES and not described):
        return _names(text, run[1:], lower)
    if _contraction(first):
        return _names(text, run[1:], lower)
    if key in ROLE_NOUNS and len(run) > 1 and _sentence_initial(text, run[0].start()):
        return _person(text, run[1:], key)
    if len(run) == 1 and _sentence_initial(text, run[0].start()) and first.endswith(("ing", "ly")) and not _first_name(text, first):
        return []  # "Finally," / "Declaring ..." but not "Kelly" of "Kelly Clarkson"
    keys = [token.group().lower().rstrip(".") for token in run]
    if "of" in keys[2:]:  # "Zhang Jian of Peking University": a person, then where they work
        cut = keys.index("of", 2)
        if not set(keys[:cut]) & (ORG_WORDS | PLACE_WORDS | TITLES.keys()) and {POSSESSIVE_END.sub("", word) for word in keys[cut + 1 :]} & ORG_WORDS:
            return [*_names(text, run[:cut], lower), *_names(text, run[cut + 1 :], lower)]
    # a role noun inside a run names its job when a full name follows: "FOX 4 Reporter Ana Ruiz"
    roles = [TITLES.get(key, key if key in ROLE_NOUNS and len(run) - index > 2 else None) for index, key in enumerate(keys)]
    titles = [index for index, role in enumerate(roles) if role is not None]
    rest = keys[titles[-1] + 1 :] if titles else []
    if rest and not any(word in ORG_WORDS or word in PLACE_WORDS for word in rest):
        cut = titles[-1]
        lead = cut
        while lead > 0 and roles[lead - 1] is not None:
            lead -= 1
        role = " ".join(roles[lead : cut + 1]).strip()
        if run[cut + 1].group() in PARTICLES:
            return [*_names(text, run[:lead], lower), *_institution(text, run[cut + 2 :], role)]
        person, of = run[cut + 1 :], [index for index, token in enumerate(run[cut + 1 :]) if token.group() == "of"]
        if of and of[0] >= 2:  # "Gov. Ana Ruiz of New Hampshire": the person, then where she governs
            return [*_names(text, run[:lead], lower), *_person(text, person[: of[0]], role or "title"), *_names(text, person[of[0] + 1 :], lower)]
        return [*_names(text, run[:lead], lower), *_person(text, person, role or "title")]
    if len(run) > 1 and keys[-1] in PARTIES:
        return []  # "the Arizona Republican": a description of someone named elsewhere
    if any(token.group().lower().rstrip(".") in TIME_WORDS for token in run[-1:]):
        return _names(text, run[:-1], lower)
    return _one(text, run, lower)


def _month_name(run: list[re.Match[str]]) -> bool:
    """"Jan Storm", "June Carter": a month that opens a longer name is a first name."""
    key = run[0].group().lower()
    return key in MONTHS and len(run) > 1 and run[1].group().lower() not in TIME_WORDS


def _first_name(text: str, word: str) -> bool:
    """The text also writes ``word`` before another capitalised word, as in a full name."""
    return re.search(rf"\b{re.escape(word)} [A-Z]", text) is not None


def _contraction(token: str) -> bool:
    """"I’m", "You’re", "That’s" start sentences but are not names; "LAPD’s" is one."""
    head, _, tail = re.sub(r"[’‘]", "'", token).partition("'")
    return bool(tail) and (head.lower() in STOPWORDS or tail in ("m", "re", "ve", "ll", "d", "t"))


def _institution(text: str, run: list[re.Match[str]], role: str) -> list[Mention]:
    """What a title is "of": a place for a mayor or a governor, else an organisation."""
    if not run:
        return []
    words = {token.group().lower().rstrip(".") for token in run}
    if words & ORG_WORDS or role not in PLACE_TITLES:
        return [_mention(text, run, "org", sure=bool(words & ORG_WORDS))]
    return [_mention(text, run, "place")]


def _person(text: str, run: list[re.Match[str]], role: str) -> list[Mention]:
    return [_mention(text, run, "person", role)]


def _mention(text: str, run: list[re.Match[str]], kind: str, role: str = "", sure: bool = True) -> Mention:
    start, end = run[0].start(), run[-1].end()
    name = re.sub(r"['’‘]s?$", "", text[start:end]).rstrip("-")  # "Ana Ruiz- "…"": a label's dash
    return Mention(start, start + len(name), name, kind, role, sure)


def _one(text: str, run: list[re.Match[str]], lower: frozenset[str]) -> list[Mention]:
    words = [token.group().lower().rstrip(".") for token in run]
    name = " ".join(words)
    if len(words) == 1 and (words[0] == "i" or len(words[0]) < 2):
        return []
    if fold(name) in COUNTRIES:
        return [_mention(text, run, "place")]
    if any(text[left.end() : right.start()] == " & " for left, right in zip(run, run[1:])):
        return [_mention(text, run, "org")]  # "Johnson & Johnson": a firm, never a person
    if len(run) == 1 and re.fullmatch(r"[A-Z][A-Z.&]{1,6}", run[0].group()):
        return [_mention(text, run, "org")]
    if len(run) == 1 and (words[0] in ORG_WORDS or words[0] in PLACE_WORDS or words[0] in PLURAL_GROUPS or words[0] in REGIONAL or DEMONYM.search(words[0]) and PEOPLE_NOUN_AFTER.match(text, run[0].end())):
        return []
    if len(words) > 2 and words[-1] in SUFFIXES and words[-2] not in NUMBERED:  # "Ana Times II", not "World War II"
        return [_mention(text, run, "person")]
    if any(word in ORG_WORDS for word in words) or name in PUBLICATIONS or OUTLET_NOUNS.match(text, run[-1].end()) or LEADS.match(text, run[-1].end()):
        return [_mention(text, run, "org")]
    if any(word in PLACE_WORDS for word in words):
        return [_mention(text, run, "place")]
    previous = text[max(0, run[0].start() - 12) : run[0].start()].split()
    possessive = re.match(r"['’‘]s\b", text[run[-1].end() - 2 : run[-1].end()])
    if previous and previous[-1].lower() in PLACE_BEFORE and not possessive or PLACE_OF.search(text, max(0, run[0].start() - 30), run[0].start()):
        return [_mention(text, run, "place")]  # "in Lenby", "the province of Ascona"
    if previous and previous[-1].lower() == "the" and len(run) > 1:
        return [_mention(text, run, "org")]
    if name in PLATFORMS:
        return [_mention(text, run, "org")]
    role = _role_before(text, run[0].start())
    if role in BODY_NOUNS or BODY_APPOSITIVE.match(text, run[-1].end()) or BODY_BEFORE.search(text, max(0, run[0].start() - 60), run[0].start()):
        return [_mention(text, run, "org")]  # "US firm Kimberly-Clark", "Remera, a public body", "the health body, Santé Publica"
    person = len(run) > 1 and not any(word in lower for word in words) or PERSON_APPOSITIVE.match(text, run[-1].end()) is not None
    return [_mention(text, run, "person" if person else "", role, sure=False)]


ROLE_BEFORE = re.compile(r"(?<![\w'’.])([a-z][a-z-]+) $")


def _role_before(text: str, start: int) -> str:
    """A lower-case noun right before a name ("singer Kelly Clarkson") describes the person."""
    match = ROLE_BEFORE.search(text[max(0, start - 30) : start])
    if match and match.group(1) not in STOPWORDS and not match.group(1).endswith(("ed", "ly", "ing")):
        return match.group(1)
    return ""


@functools.lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, ...]:
    parts = tuple(part for part in fold(name).replace("-", " ").split() if part not in SUFFIXES and part not in PARTICLES)
    return parts or (fold(name),)


def _initials(name: str) -> str:
    """"los angeles police department" -> "lapd": the acronym an organisation is also known by."""
    parts = [part for part in re.split(r"[\s-]+", name) if part and part not in PARTICLES]
    return "".join(part[0] for part in parts) if len(parts) > 1 else ""


def _compatible(first: str, other: str) -> bool:
    """First names agree: equal, a short form ("matt"/"matthew"), or an initial."""
    return first == other or first.startswith(other) or other.startswith(first)


def _one_typo(left: str, right: str) -> bool:
    """One letter added, dropped or changed, in words long enough for that to be a typo."""
    if min(len(left), len(right)) < 5 or abs(len(left) - len(right)) > 1:
        return False
    if len(left) == len(right):
        return sum(a != b for a, b in zip(left, right)) == 1
    shorter, longer = sorted((left, right), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def same_person(name: str, other: str) -> bool:
    """Whether two person names can denote one person (bare surnames match any first name)."""
    left, right = _parts(name), _parts(other)
    if left[-1] != right[-1]:
        if len(left) > 1 and len(right) > 1 and left[0] == right[0] and _one_typo(left[-1], right[-1]):
            return True  # "Jacinda Arden" / "Jacinda Ardern": same first name, a misspelt surname
        if (len(left) == 1) != (len(right) == 1) and left[-1][:1] == right[-1][:1] and _one_typo(left[-1], right[-1]):
            return True  # "Ardern" / "Jacinda Arden": a bare surname misspelt once (after its initial)
        return len(left) == 1 and left[0] == right[0] or len(right) == 1 and right[0] == left[0]
    if len(left) == 1 or len(right) == 1:
        return True
    return _compatible(left[0], right[0])


def _without_sentence_openers(found: list[list[Mention]], documents: list[Document]) -> list[list[Mention]]:
    """Drop a lone capitalised word with no clue to its kind that the cluster only ever writes
    at the start of a sentence, never inside a longer name, and also writes in lower case
    ("Later on Monday, ..." / "a week later"): it is capitalised for its position, not because
    it names anyone."""
    opening: set[str] = set()
    elsewhere: set[str] = set()
    for document, items in zip(documents, found):
        for mention in items:
            parts = fold(mention.name).split()
            if len(parts) > 1 or mention.kind:
                elsewhere.update(parts)
            elif _sentence_initial(document.text, mention.start):
                opening.add(parts[0])
            else:
                elsewhere.add(parts[0])
    openers = {word for word in opening - elsewhere if any(word in document.text and re.search(rf"(?<![\w'’]){re.escape(word)}\b", document.text) for document in documents)}
    if not openers:
        return found
    return [[mention for mention in items if mention.kind or fold(mention.name) not in openers] for items in found]


class EntityIndex:
    """The entities of a cluster and the canonical name behind every mention."""

    def __init__(self, cluster: Cluster) -> None:
        self.mentions: list[list[Mention]] = _without_sentence_openers([mentions(document.text) for document in cluster.documents], cluster.documents)
        self._documents = cluster.documents
        self._kinds = self._vote_kinds()
        self._canonical: dict[str, str] = {}
        self.entities = self._merge()

    def listing(self, speakers: frozenset[str] = frozenset()) -> list[Entity]:
        """The entities, counting as people the single names that were quoted ("Pink said")."""
        unknown = {fold(name) for name in speakers} - set(self._kinds)
        if not unknown:
            return self.entities
        self._kinds.update(dict.fromkeys(unknown, "person"))
        self.entities = self._merge()
        return self.entities

    def _vote_kinds(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for items in self.mentions:
            for mention in items:
                if mention.kind:
                    votes[fold(mention.name)][mention.kind] += SURE_VOTE if mention.sure else 1
        kinds = {name: counter.most_common(1)[0][0] for name, counter in votes.items()}
        kinds.update(spacy_kinds([document.text for document in self._documents]))
        people = [name for name, kind in kinds.items() if kind == "person" and " " in name]
        singles = {fold(mention.name) for items in self.mentions for mention in items} - set(people)
        for key in singles:
            if " " not in key and kinds.get(key) != "org" and any(same_person(key, person) for person in people):
                kinds[key] = "person"
        return kinds

    def kind(self, name: str) -> str:
        return self._kinds.get(fold(name), "")

    def canonical(self, name: str) -> str:
        """The cluster's preferred spelling of ``name`` (itself when unknown)."""
        return self._canonical.get(fold(name), name)

    def _merge(self) -> list[Entity]:
        counts: Counter[tuple[str, str]] = Counter()
        spelled: dict[str, Counter[str]] = defaultdict(Counter)
        where: dict[str, set[int]] = defaultdict(set)
        for index, items in enumerate(self.mentions):
            for mention in items:
                kind = self._kinds.get(fold(mention.name), "")
                if kind:
                    key = fold(mention.name)
                    counts[(key, kind)] += 1
                    spelled[key][mention.name] += 1
                    where[key].add(index)
        groups = self._group(counts)
        entities = []
        for kind, keys in groups:
            total = Counter[str]()
            for key in keys:
                total.update(spelled[key])
            name = self._preferred(kind, total)
            for key in keys:
                self._canonical[key] = name
            entities.append(
                Entity(
                    name=name,
                    kind=kind,
                    variants=sorted(total, key=lambda item: -total[item]),
                    documents=sorted(set().union(*(where[key] for key in keys))),
                    mentions=sum(total.values()),
                )
            )
        entities.sort(key=lambda entity: (-entity.mentions, entity.name))
        return entities

    @staticmethod
    def _preferred(kind: str, total: Counter[str]) -> str:
        """A person is named by the longest form the cluster gives ("Hamad bin Khalifa Al Thani"
        over "Hamad"), since the short forms all abbreviate it, with the surname spelt as
        most mentions spell it; anything else by its commonest multi-word spelling."""
        full = [name for name in total if " " in name] or list(total)
        if kind != "person":
            return max(full, key=lambda item: (total[item], len(item)))
        surnames = {_parts(name)[-1] for name in full}
        votes: Counter[str] = Counter()
        for name, count in total.items():
            part = _parts(name)[-1]
            if part in surnames or any(_one_typo(part, surname) for surname in surnames):
                votes[part] += count
        surname = max(votes, key=lambda part: votes[part])  # a misspelt variant is the rarer one
        longest = max(full, key=lambda item: (_parts(item)[-1] == surname, len(item.split()), total[item], len(item)))
        if _parts(longest)[-1] == surname:
            return longest
        spelling = next(name for name in total if _parts(name)[-1] == surname).split()[-1]
        return longest.rsplit(" ", 1)[0] + " " + spelling  # "Alexander N. Hristrov" written "Hristov" everywhere else

    @staticmethod
    def _group(counts: Counter[tuple[str, str]]) -> list[tuple[str, list[str]]]:
        """Union full names that can be one person; attach bare surnames to the most frequent."""
        people = sorted((key for key, kind in counts if kind == "person"), key=lambda key: (-len(key.split()), -counts[(key, "person")]))
        groups: list[list[str]] = []
        for key in people:
            matches = [group for group in groups if all(same_person(key, member) for member in group if " " in member) and any(same_person(key, member) for member in group)]
            if matches:
                best = max(matches, key=lambda group: sum(counts[(member, "person")] for member in group))
                best.append(key)
            else:
                groups.append([key])
        result = [("person", group) for group in groups]
        others: dict[str, list[str]] = {}
        for key, kind in sorted(((key, kind) for key, kind in counts if kind != "person"), key=lambda item: -len(item[0])):
            expanded = next((name for name in others if len(key) > 2 and _initials(name) == key and counts[(name, kind)]), None)  # "AP", "UN": too short to expand safely
            if expanded is not None:
                others[expanded].append(key)
            else:
                others[key] = [key]
        result += [(next(kind for (name, kind) in counts if name == key and kind != "person"), members) for key, members in others.items()]
        return result


@functools.lru_cache(maxsize=1)
def _spacy_pipeline():  # noqa: ANN202  (spaCy's type is only known when it is installed)
    try:
        import spacy

        return spacy.load(SPACY_MODEL, disable=["parser", "lemmatizer"])
    except (ImportError, OSError):
        return None


def spacy_kinds(texts: list[str]) -> dict[str, str]:
    """Entity kinds from spaCy's small English model (extra ``nlp``); empty when not installed."""
    nlp = _spacy_pipeline()
    if nlp is None:
        return {}
    labels = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "org"}
    return {fold(entity.text): labels[entity.label_] for doc in nlp.pipe(texts) for entity in doc.ents if entity.label_ in labels}
