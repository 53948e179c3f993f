"""Who said each quotation: the attribution around it, or the speaker it continues.

News copy attributes a quote in a handful of ways, tried in this order:

1. after the closing mark, in the same sentence: ``"…," Lesser said`` / ``said Rep. Lesser`` /
   ``Steve Ginsburg, of the league, told the paper`` / ``according to the Journal``;
2. before the opening mark, in the same sentence (or the previous one, when it ends with a
   colon): ``Lesser said: "…"`` / ``Trump said she had "come back"`` / ``Lesser was blunt: "…"``
   (a colon with no speech verb: the sentence's subject) / ``…, saying "…"`` (the clause's subject);
3. otherwise a quote continues the previous quote's speaker when it follows closely
   (``"…," he said. "…"`` or a paragraph that is only a quote).

A pronoun ("she") resolves to the first person named in the nearest sentence since the
previous quote (the subject who was just introduced; names the document repeats win over
one-off names), else to that quote's speaker; "they" to two people named together.  A role
("the singer") resolves to the person introduced with it ("singer Kelly Clarkson"), else, when
it is a role people are named by (singer, president, winner), to the nearest named person; a
spokesperson to whom they speak for; an organisation noun ("the network") to the nearest
organisation ("the Ohio-based company"); an age ("the 45-year-old") to the nearest person; a
document ("the statement said", "it read") to its issuer ("a letter from X", "the suit, filed by
X", "X said in a tweet ... the tweet said", "X issued a statement that reads", "X rejected it in a
statement"), and a signed document to its signer ("bears the signature of X").  Staff named by
their organisation ("CIA officials told") speak for it; in a transcript, a paragraph opened by
"Name:" is that person's turn.  A possessor
before a parenthetical ("Halden's visit, she said,") is not who the pronoun is.
Anonymous subjects ("a White House official", "one source", "the ex-parishioner", "according to
court records") give ``None``.
An embedded post ("… — Ana Ruiz (@anaruiz) May 3, 2019", "A post shared by Ana Ruiz (@anaruiz)")
is its author's words: a quote in it with no other speaker, or one the author introduces with
"I said", is the author's; so is a first- or second-person paragraph after "X said …:" (a speech
quoted as a block: "You say, "…"").
Newsletter digests have conventions of their own: an all-capitals label opening a paragraph
("MEDIAWATCH --", "UPDATE — 5:48 p.m. ET") is a crosshead, never a speaker or a subject; an
excerpt after a byline ("“Title,” by the Ledger’s Ana Ruiz: “…”") or after a credited title
("Ana Ruiz, “Title”: “…”") is its author's ("by Staff Report": the outlet the item names); "@handle:
“…”" is the account's; a quoted wire story that opens with its dateline ("LENBY, Ost. (NPA) --") is
the agency's; a link ends an item, so the next quote does not continue its speaker.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.facts.entities import PLATFORMS, ROLE_NOUNS, TITLES, Mention, fold, same_person
from newsfuse.facts.quotes import Span, credited_title, names_a_term, title_at
from newsfuse.text import STOPWORDS

VERBS = (
    "said says say saying told tells tell telling ask emailed e-mailed wrote writes write writing tweeted tweets tweet posted posts "
    "shared shares asked asks answered added adds continued continues noted notes claimed claims explained explains "
    "stated states declared declares announced insisted insists argued argues recalled recalls replied replies "
    "responded acknowledged admitted warned warns urged described called calls commented remarked joked jokes "
    "quipped exclaimed yelled shouted sang sings belts belted captioned stressed emphasized suggested concluded "
    "confirmed reported reports read reads accused blasted slammed praised gushed gushes revealed wondered "
    "predicted promised vowed conceded testified alleged countered complained agreed texted messaged "
    "mused boasted bragged cautioned echoed lamented reiterated assured assures pledged contended "
    "criticized criticised condemned denounced hailed found finds concludes expressed expresses voiced "
    "ruled mentioned exclaiming adding explaining noting shouting yelling declaring announcing insisting calling"
).split()
NOT_INVERTED = frozenset("told tells tell telling called calls described urged warned warns accused blasted slammed praised asked".split())
VERB = re.compile(
    r"(?<!-)\b(?:[Aa]ccording to|went on|pointed out|points out|(?:rejected|dismissed|denied|branded|labell?ed|characteri[sz]ed) (?=as\b|it\b|them\b)|questioned (?=if\b|whether\b)|[a-z]+ed (?=in (?:a|an|its|his|her|their) (?:[\w-]+ )?(?:statement|e-?mail|tweet|post|letter|release)\b)|emails (?=the staff\b|that\b)|" + "|".join(sorted(set(VERBS), key=len, reverse=True)) + r")\b"
    r"(?<!reports(?= of))"  # "reports of threats" is no one speaking
)
PRONOUNS = frozenset("he she they".split())
INTRODUCED_BY = re.compile(r",\s+(?:(?:a|an|the|who|whose)\s|\d)")
GENDERS = {"he": "male", "she": "female", "they": ""}
FIRST_PERSON = frozenset("i we".split())
DOCUMENTS = frozenset(
    """statement release email e-mail post tweet letter suit lawsuit complaint report video message caption
    filing ad mailer memo note account page website site op-ed editorial study research review survey
    document feed article text analysis""".split()
)
INSTITUTIONS = frozenset("police".split())
UNNAMED_ROLES = frozenset(
    """official source man woman boy girl witness resident neighbor neighbour friend passenger manager officer
    employee worker spokesman spokeswoman spokesperson person insider aide relative family observer customer
    student teacher parent mother father victim survivor driver""".split()
)
GROUP_ROLES = frozenset(
    """network company agency department paper newspaper magazine campaign team club group firm school
    university hospital organization organisation ministry office station channel outlet site website
    service board council committee court commission authority government administration union library
    museum zoo bank church party foundation institute center centre coalition association body registry regulator watchdog charity""".split()
)
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson representative rep".split())
PERSON_ROLES = (
    ROLE_NOUNS
    | frozenset(TITLES.values())
    | frozenset(
        """winner star legend athlete champion president lawmaker congressman congresswoman candidate republican democrat
        billionaire tycoon mogul businessman businesswoman frontrunner front-runner nominee incumbent""".split()
    )
) - {""}
ANONYMOUS = frozenset("a an one another some two three several".split())
SKIPPED = frozenset(
    """also later then previously once recently had has have was were would will can could may might must should further again simply
    quickly just reportedly initially earlier since last first finally""".split()
)
STATE_MEDIA = re.compile(
    r"(?:^|\s)((?i:state(?:-run|-owned)?|official|government)\s+(?:media|radio|television|tv|broadcaster|news\s+agency|news))\s*$"
)  # "State radio said": the outlet itself speaks
DEFINED = re.compile(r"\s+(?:is|was)\s+(?:a|an)\s")
PRONOUN_OPENING = re.compile(r"\s*(?:(?:But|And|Yet|Still|Now|So)\s+)?(?:[A-Za-z][\w\s’'-]{0,50},\s+)?(?:[Hh]e|[Ss]he)\b")
ROLE_OPENING = re.compile(r"\s*[Tt]he\s+(?:[A-Z][\w-]*\s+){0,3}([a-z][\w-]*)\b")
BENCH = frozenset("judge justice magistrate".split())
INDEFINITE_OPENING = re.compile(r"\s*(?:One|A|An|Another)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\s+(?:with|who|from|close|familiar)\b")
BODY_SPOKESPERSON = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(\w+)\s+spokes(?:man|woman|person)\b")
OCCASIONS = frozenset("day eve night week weekend".split())
WRITERS = frozenset("writer author".split())  # "the writer adds": whoever wrote the quoted text, named only if introduced as such
LY_NOUNS = frozenset("family ally assembly bully supply rally monopoly".split())  # not adverbs to skip
SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|representative)s?\s+(?:for|of|from|at)\s+(?:the\s+)?")
ISSUED_BY = r",?\s+(?:(?:released|issued|filed|posted|sent|published|shared|signed|written)\s+)?(?:from|by|of)\s+(?:the\s+)?"
DOCUMENT_NOUN = "|".join(sorted(DOCUMENTS))
ISSUED = re.compile(r"\b(?P<noun>" + DOCUMENT_NOUN + r")s?" + ISSUED_BY + r"(?P<title>[A-Z][a-z]{0,3}\.?\s+)?")
SPOKESMAN_FOR = re.compile(
    r"(?i:\b(?:a|an|the)\s+)(?:[\w’'-]+\s+){0,2}?spokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?"
    r"([A-Z][\w.’'-]*(?:\s+[A-Za-z][\w.’'-]*){0,3})$"
)
HEADED_BY_NOUN = re.compile(
    r"(?i:\b(the|a|an|one|another)\s+)((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*)\s+(?:close to|for|of|at|with|from|near)\s+(?:the\s+)?$"
)
INVERTED_PHRASE = re.compile(
    r"\s*(?i:(the|a|an|one|another))\s+((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*|Republican|Democrat)\b"
    r"(?=\s*(?:[,.;:]|$|\s(?:in|on|at|of|to|who|from|by|with|for|[a-z]+ing|[a-z]+ed\s+by)\b))"
)
LOWER_VERB = re.compile(r"\s+(?!(?:" + "|".join(map(re.escape, sorted(STOPWORDS))) + r")\b)[a-z]+\b")
DESCRIBED = re.compile(r"\s*(?:his|her|their|the|a|an)\s+(?:[\w’'-]+\s+){0,5}?[a-z][\w-]*,\s*")  # "the director of the health body, Name"
ATTRIBUTION_TAIL = re.compile(
    r"\s*(?:(?:in|on|at|to|during|via|from|after|before|late|early|last|this|earlier|later|while|when|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b[^.!?\"“”]*)?[.!?]?\s*"
)
OPINION = re.compile(r"\b(?:thinks|believes|feels|hopes|fears|argues|insists|worries)\b")
ASIDE = re.compile(r"(?:\s*\([^()]{1,60}\))?")  # "Nina Voss (pictured with her son), one of ...": the aside is skipped
ONE_OF = re.compile(r",\s+one\s+of\s+(?:the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+,?$")
PARTY_STATE = re.compile(r"[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,")  # "Sen. Ivo Lund, R-Utah, tweeted"
PARTY_END = re.compile(r",\s+[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,?\s*$")  # "Rep. Ivo Berg, R-Fla., who"
WHEN_END = re.compile(
    r"(?<=[\w.])\s+(?:(?:on|early|late|last|this|earlier|later)\s+)+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*$"
)
OBJECT_OF_ROLE = re.compile(r",\s+(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}(?:of|to|for)\s+(?:the\s+)?$")  # ", mother of Tomas"
MEMBER_OF = re.compile(r"\b(?:from|at|of|with|for)\s+(?:the\s+)?(?:[a-z]+\s+)?$")  # "of the group Fjordwatch"
NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|(?:^|,)\s*(?:as\s+)?(?:when|because|although|though|if|unless|until)\s")  # "…" when the board asked
PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")
LINKED = re.compile(r"\s+(?:of|at|with|from|for)\s+(?:the\s+)?(?:[\w.-]+['’‘]s\s+)?|['’‘]s\s+")
OWNER_GAP = re.compile(r"(?:\s+[a-z]+)?['’‘]s\s+(?:[a-z][\w-]*\s+){0,2}")  # "New York magazine's Gabriel Sherman": Sherman
NOUN_PHRASE = re.compile(r"(?i:(?:^|\s|(?<=[a-z0-9][.!?]))(the|a|an|one|another|his|her|their|its|this|that|some|two|three|several)\s+((?:(?!(?:the|a|an)\s)(?:[\w’'-]+|(?-i:[A-Z][\w.’'-]*,?))\s+){0,4}?))([a-z][\w-]*|\d+-year-old|Republican|Democrat)\s*$")
BARE_PLURAL = re.compile(r"(?:^|\s)((?i:police)|officials|authorities|prosecutors|investigators|witnesses|sources|organizers|doctors|experts|briefers)\s*$")
STAFF = frozenset("officials briefers".split())  # plural staff who speak for the organisation named before them
TITLE_WORDS = re.compile(r"^[\s,]*(?:(?:[A-Z0-9][\w.]{0,12}|[a-z]+(?:-[a-z]+)*)\s+){0,3}$")
WORD = re.compile(r"[\w’'-]+")
POST_SIGNATURE = re.compile(
    r"(?:[—–]|\b[Aa] (?:post|photo|video) shared by)\s*(?P<name>[^\s—–()@][^—–()\n@]{0,60}?)\s*\(@\w{1,30}\)[^\n]{0,40}$",
    re.MULTILINE,
)
NICKNAMED = re.compile(r"(?<!\s)\s*(?:,\s*)?(?:\w+\s+)?(?:dubbed|nicknamed|known as|called)\s+[\"“‘'][^\"“”‘’']{1,40}[\"”’']\s*,?\s*$")
DESCRIPTIVE = re.compile(r"-[a-z]")  # "The Ohio-based company" is not the company's name
QUOTE_MARKS = re.compile(r"(?<!\w)[“”‘’\"']|[“”‘’\"'](?!\w)")
SENT = re.compile(
    r"(?:\b(?:issued|released|posted|sent|shared|published|put out|wrote|said|tweeted)\s+(?:in\s+|on\s+)?|\bin\s+)"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + DOCUMENT_NOUN + r")s?\b"
)
OWNED = re.compile(r"['’‘]s\s+(?:[a-z][\w-]*\s+){0,3}?(?P<noun>" + DOCUMENT_NOUN + r")s?\b")  # "the Port Authority's annual review"
WRITTEN = re.compile(
    r"\b(?P<noun>" + DOCUMENT_NOUN + r")s?\s+(?:that\s+|which\s+)?(?P<who>he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
    r"(?:had\s+)?(?:wrote|writes|sent|penned|signed|issued|released|published|posted|filed|tweeted)\b"
)  # "the letters he wrote to her", "a review the agency published"
SIGNED = re.compile(r"\b(?P<noun>" + DOCUMENT_NOUN + r"|[Ii]t)s?\b[^.!?\n]{0,80}?\b(?:signature\s+of|signed\s+by)\s+")  # who signed it
POSTS = frozenset("tweet post video caption".split())
FINDINGS = frozenset("report study analysis survey review research".split())  # one body's findings, however the article names them
ACCOUNTS = frozenset("account feed page".split())
ACCOUNT_FOR = re.compile(r"\b(?P<noun>account|feed|page)\s+(?:for|of)\s+(?:the\s+)?")
ANTECEDENT = re.compile(r"\b(" + DOCUMENT_NOUN + r")s?\b")
RELATIVE_DOCUMENT = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(" + DOCUMENT_NOUN + r")\s+(?:that|which)$")
IN_WHICH = re.compile(r"['’‘]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + DOCUMENT_NOUN + r")s?\b[^.!?\"“”]{0,40}?\b(?:in|on)\s+which\s+(?:(?:he|she|they)\s*)?$")
SAME_HE, SAME_SHE = re.compile(r"\bhe\b"), re.compile(r"\bshe\b")  # a pronoun already in the sentence
CARRIED_SUBJECT = re.compile(r"\s*(?:They|It|He|She)\s")  # a sentence that goes on about the same subject
ROLE_OBJECT = re.compile(r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+)\s+(?:[a-z]+\s+){0,2}?(?:he|she)\s*$")  # "the president after he"
HANDLE = re.compile(r"(?:^|\s)\.?@(\w{1,30})$")
OPENING_MARKS = "“‘\"'"
POSSESSIVE = re.compile(r"['’‘](?:s\b|(?<=s['’‘])(?=\s))")  # "Ruiz's", "Daniels' lawyer"
PARENTHESIS_END = re.compile(r"(?<!\s)\s*\([^()]{1,40}\)\s*$")
PLURAL_BEFORE = re.compile(r"\b(?!news\b)([a-z][a-z-]+[^siu'’\W]s)\s+$")  # not "analysis", "status", "news"
GERUND_AFTER = re.compile(r"\b(?:from|by|after|before|while|without|when)\s+(?:[a-z]+ly\s+)?$")
TOPIC = re.compile(r"\s+(?:about|of)\b")  # "by writing about how …": a topic, not a quotation
INFINITIVE = re.compile(r"\b[a-z]+\s+to\s+$")
DASHED = re.compile(r"(?:--|[—–])\s*([^—–-][^—–]{0,80}?)\s*(?:--|[—–])$")  # "-- Capt. Ana Ruiz --" before a verb
PAST_VERB_LEAD = re.compile(r"[\s,]*[a-z]+ed\s+(?:[a-z]+\s+){0,2}")  # "…," marveled resident Ana Ruiz
TURN = re.compile(r"\s*([A-Z][^\s:]*(?:\s+[A-Z][^\s:]*){1,3}):\s")  # "Ana Ruiz: ..." opening a paragraph
SPEAKER_LABEL = re.compile(r"\s*[-–—]+\s*")
RELATIVE_END = re.compile(r"\s\w+,\s+(?:who|which)\s+$")
ROLE_LEAD = re.compile(r"[\s,\"'”’]*(?:[a-z][\w-]*\s+){0,3}")  # "…," team leader Ana Ruiz, a ..., told
PASSIVE_BEFORE = re.compile(r"\b(?:called|described as|hailed as|praised as|dubbed|branded|labell?ed)\s*$")
UNNAMED_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:widely\s+)?(?:described|billed|characteri[sz]ed)\s+as\s+(?:an?\s+|the\s+)?$")
CLAUSE_SUBJECT = re.compile(r"\s+(?:was|is|were|are|had|has|have|would|will|could|should|did|does|must|can|may|might)\b")
AGENT = re.compile(r"\s*,?\s*by\s+(?:the\s+)?")
OWNER_LEAD = re.compile(r"\s*(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:['’]s|s['’])\s+(?:[a-z][\w-]*\s+){0,3}")
ISSUER_REACH = 60
ROLE_AHEAD = 900
PARENTHETICAL_AFTER_POSSESSIVE = re.compile(POSSESSIVE.pattern + r"[^,.!?]*,\s*(?:he|she|they)?\s*")
SOURCED = re.compile(r"[^.!?\"“”]{0,80}?,\s+according to\b")  # "…" that it failed, according to officials
NEW_SOURCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:(?:But|And|Yet|Still)\s+(?:a|an|one|another)|A|An|One|Another)\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)")  # a sentence opened by an unnamed person
TAIL_REACH = 200  # the nickname suffix pattern looks this far back from the verb, not quadratically further
INTRODUCED_AS = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(\w+)(?=\s*(?:[,.;:)]|$)|\s+(?:which|that|who|of|in|for|at|with|based)\b)")  # its head noun
CROSSHEAD = re.compile(
    r"^[ \t]*(?:[-–—*]+[ \t]*)?(?P<label>[A-Z][A-Z0-9’'&./-]*(?:[ \t]+[A-Z0-9][A-Z0-9’'&./-]*)*)[ \t]*(?:-{2,}|[—–:])[ \t]*"
    r"(?:\d{1,2}(?::\d\d)?[ \t]*[ap]\.?m\.?(?:[ \t]+[A-Z]{1,3}T)?[ \t]+)?",
    re.MULTILINE,
)  # "MEDIAWATCH -- ", "UPDATE — 5:48 p.m. ET ": a label printed before the paragraph, not its subject
BYLINE = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.&/-]*(?:\s+[A-Z][\w.&/-]*)*(?:\s+[a-z]+)?['’]s\s+)?(?=[A-Z])")  # "by BuzzFeed’s "
EXCERPT_LEAD = re.compile(r"[\"”’']?\s*:\s*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,3},\s*)?$")  # "…: Starting tomorrow, “"
APPOSED_SUBJECT = re.compile(r"\s*(?:(?:One|Some|Each|Another)\s+of\s+)?(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+,\s*")
OWNED_BY = re.compile(r"['’‘]s\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)$")
SPEAKS_THROUGH = frozenset("campaign camp".split())  # a campaign's statement is the candidate's
OPENING_OWNED = re.compile(
    r"\s*(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*['’‘]s\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)(?=,|\s+(?:[a-z]+ed|[a-z]+s|has|had|was|is|will|would)\b)"
)  # "Ana Ruiz's campaign manager used": the head noun, then the verb
BULLET = re.compile(r"[\s\-–—*•]*")
NAMED_DOCUMENT = re.compile(r"\s+(?i:statement|press release|memo)$")
DATELINE = re.compile(r"[A-Z][A-Z .'-]+,(?:\s+[A-Z][\w.]*)*\s*\((?P<agency>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*){0,2})\)\s*(?:--|[—–-])")  # "LENBY, Ost. (AP) --"
SPOKEN_PERSON = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur)\b")
LINK = re.compile(r"\b(?:https?://|www\.)")
STAFF_BYLINE = re.compile(r"\s*(?i:staff(?:\s+reports?)?|wire\s+reports?|news\s+services?)\s*")
CREDIT_JOINS = re.compile(r"(?:,\s+|,?\s+and\s+)")
AFTER_REACH = 12
APPOSITIVE_REACH = 40
CONTINUATION_WORDS = 45
PRONOUN_REACH = 900


@dataclass(slots=True, frozen=True)
class Subject:
    """Who a speech verb is attached to, before resolution: a name, a pronoun or a noun phrase."""

    kind: str  # "name", "pronoun", "phrase", "anonymous"
    text: str
    start: int


def _in_handle(name: str, handle: str) -> bool:
    """"Brenn Zoo" is @brennzoo, "Knightscope" is @iKnightscope."""
    key = fold(name).replace(" ", "")
    return len(key) >= 4 and key in handle.lower()


def _same_document(noun: str, other: str) -> bool:
    """"it" is any document; "the suit" is the lawsuit, not the report about it; a tweet or a
    post is the account's or feed's it appeared on."""
    return noun == "it" or noun.endswith(other) or other.endswith(noun) or noun in POSTS and other in ACCOUNTS or {noun, other} <= FINDINGS


def _modified(noun: str) -> re.Pattern[str]:
    """What follows a name that modifies a document noun: "Hill Library[ website]"."""
    return re.compile(r"\s+(?:[a-z][\w-]*\s+)?" + re.escape(noun) + r"s?\b")


def _surname(name: str) -> str:
    return name.split()[-1].lower()


class Attributor:
    """Attributes the quotation spans of one document's text."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[Mention],
        kind_of: Callable[[str], str],
    ) -> None:
        self.text = text
        self.crossheads = [match for match in CROSSHEAD.finditer(text) if sum(char.isalpha() for char in match.group("label")) >= 2]
        self.crosshead_starts = [match.start() for match in self.crossheads]
        self.sentence_starts = [start for start, _ in sentences]
        self.sentences = list(sentences)
        self.kind_of = kind_of
        elsewhere = Counter(fold(mention.name) for mention in mentions if not self._in_crosshead(mention))
        self.mentions = [mention for mention in mentions if self._can_speak(mention) and (elsewhere[fold(mention.name)] or not self._in_crosshead(mention))]
        self._uses = Counter(mention.name for mention in self.mentions)
        self._tokens = Counter(token for mention in self.mentions for token in set(mention.name.lower().split()))
        self._genders: dict[str, str] = {}  # surname -> gender of the pronouns resolved to it
        self._speaking: dict[int, bool] = {}  # mention start -> whether it is a speech verb's subject
        self.mention_ends = [mention.end for mention in self.mentions]
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.posts = [
            (text.rfind("\n", 0, match.start()) + 1, match.start(), match.group("name").strip())
            for match in POST_SIGNATURE.finditer(text)
        ]

    def _can_speak(self, mention: Mention) -> bool:
        """Not a place or a platform, unless the place is a speech verb's subject ("Peru said")."""
        if self._kind(mention) == "place":
            return VERB.match(self.text, mention.end + 1) is not None
        return mention.name.lower() not in PLATFORMS and _surname(mention.name) not in OCCASIONS  # "Election Day" says nothing

    def _in_crosshead(self, mention: Mention) -> bool:
        """The mention is (part of) an all-capitals label opening a paragraph ("PRE-MORTEM --",
        "UPDATE:"), which names a section, not someone; a name the text also uses elsewhere stays."""
        match = self._crosshead_at(mention.start)
        return match is not None and match.start("label") <= mention.start < match.end("label")

    def _crosshead_at(self, position: int) -> re.Match[str] | None:
        index = bisect.bisect_right(self.crosshead_starts, position) - 1
        return self.crossheads[index] if index >= 0 and position < self.crossheads[index].end() else None

    def _past_crosshead(self, low: int) -> int:
        """Where the sentence starting at ``low`` begins once a crosshead or a list's dash before it is skipped."""
        match = self._crosshead_at(low)
        return BULLET.match(self.text, match.end() if match is not None else low).end()

    def attribute(self, spans: Sequence[Span]) -> list[tuple[str | None, bool]]:
        """``(speaker, attributed)`` per span; ``attributed`` is False when nothing names one."""
        self._drop_quoted(spans)
        openings = [span.opened for span in spans if not title_at(self.text, span)]  # speech that may follow
        self._closing = {span.closed: span for span in spans}
        results: list[tuple[str | None, bool]] = []
        previous: Span | None = None
        previous_speaker: str | None = None
        previous_attributed = False
        for span in spans:
            if title_at(self.text, span) or names_a_term(self.text, span) or credited_title(self.text, span):
                results.append((None, False))  # a song, a nickname, a term: neither speech nor context
                continue
            subject = self._agent(span) or self._sourced_before(span, previous, self._after(span, openings)) or self._any_verb_after(span, openings)
            author = self._author(span.start) or self._block_speaker(span)
            if author and (subject is None or subject.kind == "anonymous" and subject.text in FIRST_PERSON):
                speaker, attributed = author, subject is not None  # a post's scare quote ("hoax") is no speech
            elif subject is not None:
                speaker = self._resolve(subject, previous_speaker, previous)
                attributed = True
            elif dateline := DATELINE.match(self.text, span.start, span.end):
                speaker, attributed = dateline.group("agency"), True  # a wire story quoted from its dateline on: the agency's
            elif previous is not None and previous_attributed and self._continues(previous, span, previous_speaker):
                speaker, attributed = previous_speaker, True
            else:
                speaker, attributed = None, False
            results.append((speaker, attributed))
            previous, previous_speaker, previous_attributed = span, speaker, attributed
        return results

    def _agent(self, span: Span) -> Subject | None:
        """``called "the finest poet alive" by Ana Ruiz``: a passive's agent said the words."""
        unnamed = UNNAMED_PASSIVE.search(self.text, max(0, span.opened - 40), span.opened)
        if not unnamed and not PASSIVE_BEFORE.search(self.text, max(0, span.opened - 30), span.opened):
            return None
        agent = AGENT.match(self.text, span.after)
        named = self._mentions_between(agent.end(), agent.end() + 60) if agent else []
        if named and named[0].start == agent.end():
            return Subject("name", named[0].name, named[0].start)
        return Subject("anonymous", "passive", unnamed.start()) if unnamed and not agent else None  # "what was described as a "…"": no one

    def _sourced_before(self, span: Span, previous: Span | None, after: Subject | None) -> Subject | None:
        """The attribution after the quote, else the one before it; but ``Ruiz told them it was
        "clear", according to officials``: unnamed sources after the quote vouch for the report,
        the person named as speaking before it in the same sentence said the words."""
        if after is not None and (after.kind != "anonymous" or not SOURCED.match(self.text, span.after)):
            return after
        before = self._before(span, previous)
        if after is None:
            return before
        named_here = before is not None and before.kind == "name" and before.start >= self._sentence(span.opened)[0]
        return before if named_here else after

    def _author(self, position: int) -> str | None:
        """The author of the embedded post that ``position`` is in, if it is in one."""
        for start, signature, name in self.posts:
            if start <= position < signature:
                return name
        return None

    def _block_speaker(self, span: Span) -> str | None:
        """``Here's what Ruiz said she would do:`` then a paragraph without marks: the paragraph is
        her words (a person's speech, not an outlet's excerpt), and what it quotes with no other
        speaker ("You say, "…"") she says too."""
        paragraph = self._paragraph(span.opened)[0]
        colon = self._content_end(paragraph) - 1
        if colon < 0 or self.text[colon] != ":" or not SPOKEN_PERSON.search(self.text, paragraph, span.opened):
            return None  # a spoken block talks in the first or second person ("You say, "…"")
        low = self._sentence(colon)[0]
        verbs = list(VERB.finditer(self.text, low, colon))
        if not verbs or any(mark in self.text[verbs[-1].end() : colon] for mark in "“\""):
            return None
        subjects = (self._subject_of(verb.start(), verb.end(), low, colon, verb.group()) for verb in reversed(verbs))
        subject = next((subject for subject in subjects if subject is not None and subject.kind != "pronoun"), None)  # "Ruiz said she would tell"
        if subject is None or subject.kind != "name" or self._kind_of_name(subject.text) != "person":
            return None  # an outlet's excerpt ("Bloomberg reported:") quotes others
        return self._full_name(subject.text, subject.start)

    def _drop_quoted(self, spans: Sequence[Span]) -> None:
        """Names inside quotation marks are not the quote's speakers or pronoun antecedents."""
        starts = [span.start for span in spans]
        kept = []
        for mention in self.mentions:
            index = bisect.bisect_right(starts, mention.start) - 1
            if index < 0 or mention.start >= spans[index].end:
                kept.append(mention)
        self.mentions = kept
        self.mention_ends = [mention.end for mention in kept]

    # -- where the attribution is ------------------------------------------------------------
    def _sentence(self, position: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.sentence_starts, position) - 1)
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[index]

    def _paragraph(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_left(self.newlines, position)  # bisect, not find: lines can be 1 MB long
        start = self.newlines[index - 1] + 1 if index > 0 else 0
        return start, self.newlines[index] if index < len(self.newlines) else len(self.text)

    def _content_end(self, position: int) -> int:
        """Where the text before ``position`` ends once trailing whitespace is dropped."""
        while position > 0 and self.text[position - 1].isspace():
            position -= 1
        return position

    def _after_bounds(self, span: Span, openings: Sequence[int]) -> tuple[int, int]:
        """Where an attribution after the closing mark may be: the rest of the sentence, or the
        next sentence when it only attributes (``"…." Trump tweeted.``)."""
        low = span.after
        high = min(self._sentence(max(low - 1, 0))[1], self._paragraph(low)[1])
        index = bisect.bisect_left(openings, low)
        later = sorted([*openings[index : index + 1], *(signature for start, signature, _ in self.posts if start <= span.start < signature)])
        if later:
            high = min(high, later[0])
        if not self.text[low:high].strip() or self._starts_sentence(span, low):
            high = self._attribution_sentence(low, min([self._paragraph(low)[1], *later]))
        return low, high

    def _starts_sentence(self, span: Span, low: int) -> bool:
        """``…." According to her memoir, …``: a quote that ends a sentence, then a capitalised
        word that is neither a name nor a pronoun, starts the next sentence even without a space."""
        if self.text[span.end - 1 : span.end] not in ".!?":
            return False
        first = re.match(r"\s*([A-Z]\w*)", self.text[low : low + 40])
        return bool(first) and first.group(1) not in ("He", "She", "They", "It") and not self._mentions_between(low, low + first.end())

    def _after(self, span: Span, openings: Sequence[int]) -> Subject | None:
        """A speech verb after the closing mark, in the same sentence, outside parentheses."""
        if span.continues:
            return None
        low, high = self._after_bounds(span, openings)
        context = self.text[low:high]
        named = self._mentions_between(low, high)
        reach, skip = AFTER_REACH, 0
        head = self._titled_head(named)  # "New York Gov. Ana Ruiz": Ana Ruiz
        lead = context[: named[0].start - low] if named else ""
        if named and (ROLE_LEAD.fullmatch(lead) or self._only_titles(lead)) and self.text.startswith(",", head.end):
            reach = APPOSITIVE_REACH
            if PARTICIPLE.match(self.text, head.end):  # "…," Gov. Ana Ruiz, assessing the damage, told …
                skip = head.end + 2 - low
        for verb in VERB.finditer(context):
            between = context[: verb.start()]
            if len(WORD.findall(between)) > reach or PARTICIPLE.search(between, skip) or NEW_CLAUSE.search(between):
                return None  # "…" over the trip, and the court urged …: another clause's speaker
            if between.count("(") > between.count(")") or RELATIVE_END.search(between):
                continue  # "(…, according to the auction house)": an aside; "… Ruiz, who says": a relative clause about her
            subject = self._subject_of(low + verb.start(), low + verb.end(), low, high, verb.group())
            if subject is not None:
                return subject
        return None

    def _titled_head(self, named: Sequence[Mention]) -> Mention | None:
        """The last of the names that open ``named`` joined only by titles ("New York Gov. Ana Ruiz")."""
        head = named[0] if named else None
        for mention in named[1:]:
            gap = self.text[head.end : mention.start]
            if OWNER_GAP.fullmatch(gap) and self._kind(mention) == "person":
                head = mention  # the owner's person speaks, not the owner
                continue
            if "," in gap or not (gap.strip() and self._only_titles(gap)):
                break
            head = mention
        return head

    def _any_verb_after(self, span: Span, openings: Sequence[int]) -> Subject | None:
        """``"…," Jamie Foxx began the show``: a quote ending in a comma, then a name or a
        pronoun and a verb, is attributed to that name even without a speech verb (weaker than a
        speech verb before the quote: "When Ana tells Ole that it is "fine," she smiles")."""
        if span.continues:
            return None
        low, high = self._after_bounds(span, openings)
        if self.text[span.start : span.end][-1:] not in ",?!" and self.text[span.after : span.after + 1] != ",":
            return None
        context = self.text[low:high]
        named = self._mentions_between(low, high)
        if named and not context[: named[0].start - low].strip(" ,") and LOWER_VERB.match(self.text, named[0].end):
            return Subject("name", named[0].name, named[0].start)
        if named and PAST_VERB_LEAD.fullmatch(context[: named[0].start - low]) and self._kind(named[0]) == "person" and re.match(r"\s*(?:[,.!?]|$)", self.text[named[0].end : high]):
            return Subject("name", named[0].name, named[0].start)  # "…," marveled resident Ana Ruiz.
        pronoun = re.match(r"[\s,]*(he|she|they)\b", context)
        if pronoun and LOWER_VERB.match(context, pronoun.end()):
            return Subject("pronoun", pronoun.group(1), low + pronoun.start(1))
        return None

    def _attribution_sentence(self, low: int, limit: int) -> int:
        """End of the next sentence when it only attributes the quote before it ("…." Trump
        tweeted. / "…?" Gov. Chris Christie, a rival, said in an interview.), else ``low``."""
        start = low + len(self.text[low:limit]) - len(self.text[low:limit].lstrip())
        if start >= limit:
            return low
        end = self._sentence(start)[1]
        if end > limit:  # the sentence runs into the next quote: it is not only an attribution
            return low
        sentence = self.text[start:end]
        verb = VERB.search(sentence)
        if verb is None or len(WORD.findall(sentence[: verb.start()])) > APPOSITIVE_REACH:
            return low
        tail = sentence[verb.end() :]
        if ATTRIBUTION_TAIL.fullmatch(tail) or verb.group() in NOT_INVERTED and len(WORD.findall(tail)) <= 6:
            return end
        return low

    def _credited(self, span: Span) -> Subject | None:
        """A digest's excerpt is its author's: ``“Snow Ends,” by the Ledger’s Ana Ruiz and Ivo Berg:
        “…”`` (the byline's names, joined) or ``Ana Ruiz, “Snow Ends”: “…”`` (the name before the title)."""
        paragraph = self._paragraph(span.opened)[0]
        lead = EXCERPT_LEAD.search(self.text, max(paragraph, span.opened - 60), span.opened)
        if lead is None:
            return None
        colon = self.text.index(":", lead.start())
        handle = HANDLE.search(self.text, max(paragraph, colon - 40), self._content_end(colon))
        if handle is not None:
            return Subject("name", handle.group(1), handle.start(1))  # "@anaruiz: “…”": the account's post
        bylines = list(BYLINE.finditer(self.text, max(paragraph, colon - 200), colon))
        if bylines and STAFF_BYLINE.fullmatch(self.text, bylines[-1].end(), colon):  # "by Staff Report": the outlet the item names
            outlet = next((mention for mention in self._mentions_between(paragraph, bylines[-1].start()) if self._kind(mention) == "org"), None)
            return Subject("name", outlet.name, outlet.start) if outlet else Subject("anonymous", "staff", bylines[-1].end())
        if bylines:
            named = self._mentions_between(bylines[-1].end(), colon)
            if named and named[0].start == bylines[-1].end() and all(CREDIT_JOINS.fullmatch(self.text, left.end, right.start) for left, right in zip(named, named[1:])):
                return Subject("name", " and ".join(mention.name for mention in named), named[0].start)
            return None
        title = self._closing.get(self._content_end(colon) - 1)
        if title is None or not credited_title(self.text, title):
            return None
        named = self._mentions_between(paragraph, title.opened)
        chosen = next((found for kinds in (("person",), ("",), ("person", "", "org")) if (found := [mention for mention in named if self._kind(mention) in kinds])), [])
        return Subject("name", chosen[-1].name, chosen[-1].start) if chosen else None

    def _before(self, span: Span, previous: Span | None) -> Subject | None:
        credited = self._credited(span)
        if credited is not None:
            return credited
        sentence_start = self._sentence(span.opened)[0]
        low = max(sentence_start, self._paragraph(span.opened)[0], previous.after if previous else 0)
        content_end = self._content_end(low) if not self.text[low : span.opened].strip() else 0
        if content_end and self.text[content_end - 1] == ":":
            low = max(self._sentence(content_end - 1)[0], self._paragraph(content_end - 1)[0], previous.after if previous else 0)
        context = self.text[low : span.opened]
        verbs = list(VERB.finditer(context))
        for verb in reversed(verbs):
            subject = self._subject_of(low + verb.start(), low + verb.end(), low, span.opened, verb.group())
            if subject is not None:
                return subject
        named = self._mentions_between(low, span.opened)
        if len(named) == 1 and SPEAKER_LABEL.fullmatch(self.text, named[0].end, span.opened) and not self.text[low : named[0].start].strip():
            return Subject("name", named[0].name, named[0].start)  # "Ana Ruiz- "…"": a transcript's speaker label
        turn = self._turn(span.opened)
        if turn is not None:
            return turn
        if context.rstrip().endswith(":"):
            subject = self._sentence_subject(low, span.opened)
            return subject if subject is None or subject.kind == "pronoun" or self._kind_of_name(subject.text) else None
        if not context.strip() and low == self._paragraph(span.opened)[0] and low > 0:
            return self._reported_before(low, previous)
        return None

    def _turn(self, position: int) -> Subject | None:
        """``Ana Ruiz: I thought, "…"``: in a transcript, a paragraph opened by a name and a colon
        is that person's turn, and what they quote with no other speaker named is theirs."""
        paragraph_start = self._paragraph(position)[0]
        label = TURN.match(self.text, paragraph_start, position)
        if label is None:
            return None
        named = self._mentions_between(paragraph_start, label.end())
        if len(named) == 1 and named[0].start == label.start(1) and named[0].end == label.end(1) and self._kind(named[0]) == "person":
            return Subject("name", named[0].name, named[0].start)
        return None

    def _reported_before(self, paragraph_start: int, previous: Span | None) -> Subject | None:
        """``Prosecutor Ana Lind said the sentence sends a message.`` then a paragraph that opens
        with a quote: the words she went on to say, when no quote came between; likewise after
        a sentence giving its subject's opinion ("Ana Lind thinks ...")."""
        sentence_low, sentence_high = self._sentence(self._content_end(paragraph_start) - 1)
        if previous is not None and previous.after > sentence_low:
            return None
        paragraph_low = self._paragraph(sentence_low)[0]
        while True:
            for verb in reversed(list(VERB.finditer(self.text, sentence_low, sentence_high))):
                subject = self._subject_of(verb.start(), verb.end(), sentence_low, sentence_high, verb.group())
                if subject is not None and subject.kind != "pronoun":
                    return subject if subject.kind == "name" else None
            if sentence_low <= paragraph_low or not CARRIED_SUBJECT.match(self.text, sentence_low):
                break
            # "Fjordwatch said it had asked the crews. They found no pattern." then "…": Fjordwatch's words
            sentence_low, sentence_high = self._sentence(sentence_low - 1)
            if previous is not None and previous.after > sentence_low:
                return None
        if OPINION.search(self.text, sentence_low, sentence_high):  # "Ana, a cook, thinks more should be done."
            subject = self._sentence_subject(sentence_low, sentence_high)
            return subject if subject is not None and subject.kind == "name" else None
        return None

    def _sentence_subject(self, low: int, high: int) -> Subject | None:
        """The subject a sentence opens with: whose words a quote after ``Tom Brant was blunt:`` are,
        and who speaks in ``She hopes to ... and has promised "…"``."""
        low = self._past_crosshead(low)
        opening = re.match(r"\s*((?i:he|she|they))\b", self.text[low:high])
        if opening:
            return Subject("pronoun", opening.group(1).lower(), low + opening.start(1))
        owned = OPENING_OWNED.match(self.text, low, high)
        if owned and owned.group(1) in UNNAMED_ROLES | SPEAKS_THROUGH:  # "Ana Ruiz's campaign manager used ..., saying"
            return self._left_of(owned.end(1), low)
        named = self._mentions_between(low, high)
        for index, mention in enumerate(named):  # "The day before Berg's email, Storm asked"
            if self._opens_clause(max(low, self.text.rfind(",", low, mention.start) + 1), mention):
                for following in named[index + 1 :]:  # "WPBF-25 news producer Chris Shepherd": the producer
                    if not self._describes(mention, following):
                        break
                    mention = following
                return Subject("name", mention.name, mention.start)
        return None

    def _describes(self, mention: Mention, following: Mention) -> bool:
        """Only a job title lies between two names: the second is the noun phrase's head."""
        gap = WORD.findall(self.text[mention.end : following.start])
        if not 0 < len(gap) <= 3 or "," in self.text[mention.end : following.start]:  # "Ana Ruiz, defended Ole Berg": a verb
            return False
        if all(word[:1].isupper() and word.lower().rstrip(".") in TITLES for word in gap):
            return True  # "British Foreign Secretary Ann Hale"
        return all(word.islower() and word not in STOPWORDS and not VERB.fullmatch(word) and not word.endswith("ed") for word in gap)  # "Ana thanked Ole": a verb

    def _opens_clause(self, low: int, mention: Mention) -> bool:
        """The name is the clause's subject: at most a capitalised word and a role before it ("His
        friend Ole Brandt", "Sales manager Ivo Berg"), not "The day before Trump's"."""
        if POSSESSIVE.match(self.text, mention.end):
            return False
        if OWNER_LEAD.fullmatch(self.text[low : mention.start]):
            return True  # "Norland's ruling party, the People's League, ..."
        lead = self.text[low : mention.start].split()
        if len(lead) > 3:
            return False
        return not lead or lead[0][:1].isupper() and all(
            word.islower() and word not in STOPWORDS or word.lower().rstrip(".") in TITLES for word in lead[1:]
        )  # "District Attorney Ruiz", "Deputy Police Chief Ruiz"

    def _subject_of(self, verb_start: int, verb_end: int, low: int, high: int, verb: str) -> Subject | None:
        if verb.lower() == "according to":
            return self._right_of(verb_end, high) or self._unnamed_source(verb_end, high)
        if (
            verb.endswith("ing")
            and (self.text[low:verb_start].rstrip().endswith(",") or GERUND_AFTER.search(self.text, low, verb_start) and not TOPIC.match(self.text, verb_end))
            or INFINITIVE.search(self.text, low, verb_start)
        ):
            # "Kritzer declined to name the hospital, saying ..." / "Ruiz thanked Ole, and tweeted
            # ..." / "Ruiz did not back down from calling ..." / "Ruiz went out of his way to say":
            # the clause's subject speaks
            subject = self._sentence_subject(low, verb_start)
            if subject is not None:
                return subject
        subject = self._left_of(verb_start, low)
        right_after_quote = not self.text[low:verb_start].strip(" ,")  # "“…?” asked Ana Ruiz"
        plural = PLURAL_BEFORE.search(self.text, low, verb_start)
        if subject is None and plural and plural.group(1) not in STOPWORDS:
            return Subject("anonymous", plural.group(1), plural.start(1))  # "most rural voters said the Court …": not inverted
        if subject is None and not verb.endswith("ing") and (verb not in NOT_INVERTED or right_after_quote and verb == "asked"):
            # "declaring Mexicans to be …": a participle's object is not its subject
            inverted = self._right_of(verb_end, high)
            if inverted is not None and inverted.kind == "name" and CLAUSE_SUBJECT.match(self.text, inverted.start + len(inverted.text)):
                inverted = None  # "which says Ruiz was acting": Ruiz is the reported clause's subject
            if inverted is not None and inverted.kind in ("name", "phrase", "anonymous"):
                return inverted
        return subject

    def _unnamed_source(self, position: int, high: int) -> Subject:
        """"according to police" is the institution; "according to court records" names nobody."""
        following = WORD.findall(self.text[position : min(high, position + 30)])
        head = following[0].lower() if following else "source"
        return Subject("phrase" if head in INSTITUTIONS else "anonymous", head, position)

    def _right_of(self, position: int, high: int) -> Subject | None:
        # cut at a quotation that follows ("said the letter “is fake”"): not the end of the attribution
        following = self.text[position:high] + ("\x00" if high < len(self.text) and self.text[high] in OPENING_MARKS else "")
        named = self._mentions_between(position, high)
        lead = re.sub(r"^\s*the\s", " ", self.text[position : named[0].start]) if named else ""
        first = lead.split(maxsplit=1)[:1]
        indefinite = bool(first) and first[0].lower() in ANONYMOUS  # "said one former Ledger editor"
        if indefinite and self._kind(self._titled_head(named)) == "person" and re.match(r"\s*(?:[,.;]|$)", self.text[self._titled_head(named).end : high]):
            lead, indefinite = lead.split(maxsplit=1)[1] if len(lead.split()) > 1 else "", False  # "said a tearful Rev. Ana Ruiz, the priest"
        if named and self._only_titles(lead) and named[0].start - position < 40 and not indefinite:
            chosen = self._titled_head(named)
            return Subject("name", chosen.name, chosen.start)
        described = DESCRIBED.match(following)
        if described:
            named = self._mentions_between(position + described.end(), high)
            if named and named[0].start == position + described.end():
                return Subject("name", named[0].name, named[0].start)
        words = WORD.findall(following[:40])
        if words and words[0].lower() in PRONOUNS:
            return Subject("pronoun", words[0].lower(), position)
        media = STATE_MEDIA.match(following.split(",")[0].rstrip(" .") + " ")
        if media:
            return Subject("name", media.group(1).lower(), position + media.start(1))
        phrase = INVERTED_PHRASE.match(following)
        if phrase:
            rest = following[phrase.end() :]
            if rest.startswith(" of a"):
                return Subject("anonymous", phrase.group(3), position)
            issuer = re.match(ISSUED_BY, rest)
            body = re.match(r"\s+(?:for|of|at|from)\s+(?:the\s+)?", rest) if phrase.group(3).lower() in SPOKESPEOPLE else None
            if body:  # "said a spokesperson for the Lumen Registry": the registry
                named = self._mentions_between(position + phrase.end() + body.end(), high)
                if named and named[0].start == position + phrase.end() + body.end():
                    return Subject("name", named[0].name, named[0].start)
            if phrase.group(3) in DOCUMENTS and issuer:
                named = self._mentions_between(position + phrase.end() + issuer.end(), high)
                if named and named[0].start - (position + phrase.end() + issuer.end()) < 30:
                    return Subject("name", named[0].name, named[0].start)
            return self._phrase(phrase.group(1).lower(), phrase.group(3), position + phrase.start(1), phrase.group(2))
        return None

    def _phrase(self, determiner: str, head: str, position: int, modifiers: str = "") -> Subject:
        """A noun phrase subject: anonymous when indefinite or a plural group, else a role; an
        unnamed spokesperson of a named organisation ("a Google spokeswoman") is the organisation."""
        head = head.lower()  # "the Arizona Republican"
        if head in SPOKESPEOPLE:
            named = self._mentions_between(position, position + len(determiner) + len(modifiers) + 2)
            if named:
                return Subject("name", named[-1].name, named[-1].start)
            institution = modifiers.split()[-1:]
            if institution and (institution[0] in GROUP_ROLES or institution[0] in INSTITUTIONS):
                return Subject("phrase", institution[0], position)  # "a hospital spokesman": the hospital
        if head in DOCUMENTS:
            return Subject("phrase", head, position)
        if head in GROUP_ROLES and modifiers[:1].isupper() and not DESCRIPTIVE.search(modifiers):  # "The Lenby police department"
            return Subject("name", f"{modifiers}{head}".strip(), position)
        if head in GROUP_ROLES and determiner.lower() == "the" and self._unnamed_body(modifiers, head, position):
            return Subject("name", f"{modifiers}{head}".strip(), position)  # "the medical legal service"
        plural = head.endswith("s") and head not in INSTITUTIONS and not head.endswith("ss")
        if determiner in ANONYMOUS or plural:
            return Subject("anonymous", head, position)
        return Subject("phrase", head, position)

    def _unnamed_body(self, modifiers: str, head: str, position: int) -> bool:
        """``the state forensic service said``: a body described by two or more plain words and
        named nowhere near is itself the speaker, not whatever organisation was named last."""
        described = modifiers.split()
        if len(described) < 2 or not modifiers.islower() or DESCRIPTIVE.search(modifiers) or any(word in STOPWORDS for word in described):
            return False
        near = self._mentions_between(max(0, position - PRONOUN_REACH), position + ROLE_AHEAD)
        return not any(_surname(mention.name) == head for mention in near)

    @staticmethod
    def _only_titles(gap: str) -> bool:
        """Words between a verb and a name that only describe the name ("GOP Chair", "fellow",
        "'s friend and adviser")."""
        gap = re.sub(r"^['’‘]s\s", " ", gap).replace(" and ", " ")
        return bool(TITLE_WORDS.match(gap)) and not any(word.lower() in STOPWORDS for word in WORD.findall(gap))

    def _left_of(self, position: int, low: int) -> Subject | None:
        tail = max(low, position - TAIL_REACH)
        left = self.text[low:tail] + NICKNAMED.sub("", self.text[tail:position])  # "the host, dubbed 'Big Al',"
        left = PARTY_END.sub("", PARENTHESIS_END.sub("", left))  # "Joe Manchin (D-W.Va.)"
        trimmed = WHEN_END.sub("", left).rstrip()  # "Barr on Wednesday called"
        while True:
            words = trimmed.split()
            if words and (words[-1].lower() in SKIPPED or words[-1].endswith("ly") and words[-1].islower() and words[-1] not in LY_NOUNS):
                trimmed = trimmed[: trimmed.rfind(words[-1])].rstrip()
                continue
            break
        end = low + len(trimmed)
        dashed = DASHED.search(trimmed)
        if dashed:  # "The man in charge -- Capt. Ana Ruiz -- stated": the name set off by dashes
            named = self._mentions_between(low + dashed.start(1), low + dashed.end(1))
            if named and named[-1].end == low + dashed.end(1) and self._kind(named[-1]) == "person":
                return Subject("name", named[-1].name, named[-1].start)
        relative = re.search(r"(?:^|\s)(?:who|which)$", trimmed)
        if relative and trimmed[: relative.start()].rstrip().endswith((",", "who")):
            return self._left_of(low + len(trimmed[: relative.start()].rstrip().rstrip(",")), low)
        handle = HANDLE.search(trimmed)
        if handle:  # ".@brennzoo says": the account, by name when the text spells it out
            named = next((mention for mention in self.mentions if _in_handle(mention.name, handle.group(1))), None)
            return Subject("name", named.name, named.start) if named else Subject("anonymous", handle.group(1), low + handle.start())
        relative = RELATIVE_DOCUMENT.search(trimmed)  # "issued a statement that reads"
        if relative:
            return Subject("phrase", relative.group(1), low + relative.start())
        spokes = SPOKESMAN_FOR.search(trimmed)
        if spokes:
            return Subject("name", spokes.group(1), low + spokes.start(1))
        owned = OWNED_BY.search(trimmed)
        if owned:  # "Ruiz's campaign said": the candidate; "Ruiz's campaign manager said": whoever holds that job
            owner = self._mentions_between(max(low, low + owned.start() - 80), low + owned.start())
            if owned.group(1) in SPEAKS_THROUGH and owner and owner[-1].end == low + owned.start():
                return Subject("name", owner[-1].name, owner[-1].start)
            if owned.group(1) in UNNAMED_ROLES and owner and owner[-1].end == low + owned.start():
                return Subject("phrase", owned.group(1), low + owned.start(1))
        named = self._mentions_between(low, end)
        if named and re.fullmatch(r"(?:['’‘]s?)?", self.text[named[-1].end : end]):
            index = len(named) - 1
            while index > 0 and LINKED.fullmatch(self.text[named[index - 1].end : named[index].start]):
                index -= 1
            if index < len(named) - 1 and POSSESSIVE.match(self.text, named[index].end):
                index += 1  # "USC's Annenberg Lab claims": the owned, not the owner ("Ana Ruiz of the LAPD's unit": Ruiz)
            head = HEADED_BY_NOUN.search(self.text[low : named[index].start])
            if head and head.group(3) not in DOCUMENTS:  # "A source close to the McCanns said": the source
                return self._phrase(head.group(1).lower(), head.group(3), low + head.start(1), head.group(2))
            member = self._member_of(named[:index], named[index], low)
            return Subject("name", member.name, member.start) if member else Subject("name", named[index].name, named[index].start)
        words = trimmed.split()
        if words and words[-1] in ("It", "it"):
            return Subject("phrase", "it", end)
        if words and words[-1].lower().strip("“”\"") in PRONOUNS | FIRST_PERSON:
            word = words[-1].lower().strip("“”\"")
            return Subject("anonymous" if word in FIRST_PERSON else "pronoun", word, end)
        bare = BARE_PLURAL.search(trimmed)
        if bare:
            noun = bare.group(1).lower()
            staff = named[-1] if named and named[-1].end == low + bare.start(1) - 1 else None
            if staff is not None and noun in STAFF and self._kind(staff) in ("org", ""):
                return Subject("name", staff.name, staff.start)  # "Agency X officials told": the agency speaks through them
            return Subject("phrase" if noun in INSTITUTIONS else "anonymous", noun, low + bare.start(1))
        if named and named[-1].end == end - 1 and trimmed.endswith(",") and re.search(r"\b[a-z][\w-]*,\s*$", self.text[low : named[-1].start]):
            return Subject("name", named[-1].name, named[-1].start)  # "the official news agency, NCA, said"
        media = STATE_MEDIA.search(trimmed)
        if media:
            return Subject("name", media.group(1).lower(), low + media.start(1))
        one_of = ONE_OF.search(trimmed)
        appositive = one_of and self._appositive(low, end)
        if appositive:  # "Nina Voss, one of the mothers concerned has asked": the person the appositive describes
            return appositive
        phrase = NOUN_PHRASE.search(QUOTE_MARKS.sub(" ", trimmed))  # "the ‘Halo’ singer"
        if phrase and phrase.group(3) not in STOPWORDS:
            return self._phrase(phrase.group(1).lower(), phrase.group(3), low + phrase.start(1), phrase.group(2))
        if trimmed.endswith(","):
            return self._appositive(low, end) or self._interrupted_phrase(low, end)
        if words and words[-1] in ("and", "but"):  # "She hopes to ... and has promised": the clause's subject
            return self._sentence_subject(low, end)
        return None

    def _member_of(self, before: Sequence[Mention], body: Mention, low: int) -> Mention | None:
        """``Dr Ana Lind, lead author from the School of Health explained``: an organisation in an
        appositive left open is where the person who opens the clause works; she speaks."""
        if self._kind(body) == "person" or not MEMBER_OF.search(self.text, low, body.start):
            return None
        for mention in before:
            if self._kind(mention) == "person" and self.text.startswith(",", mention.end) and self.text.count(",", mention.end, body.start) == 1:
                return mention if self._opens_clause(low, mention) else None
        return None

    def _interrupted_phrase(self, low: int, end: int) -> Subject | None:
        """``The lawsuit, filed by X on Monday, states``: the noun phrase before the inserted clause."""
        comma = self.text.rfind(",", low, end - 1)
        while comma > low:
            phrase = NOUN_PHRASE.search(self.text[low:comma])
            if phrase and phrase.group(3) not in STOPWORDS:
                return self._phrase(phrase.group(1).lower(), phrase.group(3), low + phrase.start(1), phrase.group(2))
            comma = self.text.rfind(",", low, comma)
        return None

    def _appositive(self, low: int, end: int) -> Subject | None:
        """``Name, an appositive, said``: the name right before the comma that opens it; ``the
        state news agency, NNA, reported``: the name the appositive is."""
        text = self.text
        named = self._mentions_between(low, end)
        opened = text.rfind(",", low, named[-1].start) if named else -1  # "the official named, retired Gen. Ivo Berg, said"
        if named and named[-1].end == end - 1 and opened >= 0 and self._only_titles(text[opened + 1 : named[-1].start]) and (" " in named[-1].name or self.kind_of(named[-1].name) in ("person", "org")):
            person = named[-2] if len(named) > 1 and named[-2].end == named[-1].start - 2 else None
            if person is not None and self._kind(person) == "person" and self._kind(named[-1]) != "person":
                return Subject("name", person.name, person.start)  # "Vincenzo Tine, Superintendent of Archaeology, told"
            return Subject("name", named[-1].name, named[-1].start)
        comma = text.rfind(",", low, end - 1)
        while comma > low:
            opening = text[comma + 1 : end].lstrip()
            for mention in self._mentions_between(low, comma):
                if OBJECT_OF_ROLE.search(text, low, mention.start):
                    continue  # "Ilse Marro, mother of Tomas, one of the pupils, said": Tomas is no head
                if ASIDE.fullmatch(text, mention.end, comma) and (opening[:1].islower() or opening[:1].isdigit() or self._titled(opening) or PARTY_STATE.match(opening)):
                    return Subject("name", mention.name, mention.start)
            comma = text.rfind(",", low, comma)
        return None

    @staticmethod
    def _titled(opening: str) -> bool:
        """An appositive that opens with a title: "President of Oxfam America", "CEO of Acme"."""
        first = WORD.match(opening)
        return first is not None and first.group().lower().rstrip(".") in TITLES and opening[first.end() :].startswith((" of ", " at ", " for "))

    def _mentions_between(self, low: int, high: int) -> list[Mention]:
        first = bisect.bisect_right(self.mention_ends, low)
        last = bisect.bisect_right(self.mention_ends, high)
        return [mention for mention in self.mentions[first:last] if mention.start >= low]

    def _continues(self, previous: Span, span: Span, previous_speaker: str | None) -> bool:
        """An unattributed quote soon after an attributed one goes on with its speaker, unless
        someone else was reported speaking in between ("Fjordwatch said it had ...")."""
        if previous.continues:
            return True
        gap = self.text[previous.after : span.opened]
        if len(WORD.findall(gap)) > CONTINUATION_WORDS or LINK.search(gap):  # a link ends a digest's item
            return False
        for opening in NEW_SOURCE.finditer(gap):
            if UNNAMED_ROLES.intersection(opening.group(1).split()):
                return False  # "... But a senior official, who asked not to be named, said "…"": someone new
        for verb in VERB.finditer(self.text, previous.after, span.opened):
            low = max(previous.after, self._sentence(verb.start())[0])
            subject = self._left_of(verb.start(), low)
            if subject is not None and subject.kind == "name" and (previous_speaker is None or _surname(subject.text) != _surname(previous_speaker)):
                return False
        return True

    # -- who the subject is ------------------------------------------------------------------
    def _resolve(self, subject: Subject, previous_speaker: str | None, previous: Span | None) -> str | None:
        if subject.kind == "name":
            issuer = NAMED_DOCUMENT.sub("", subject.text)  # "FOX NEWS STATEMENT:": the network's statement
            return self._full_name(issuer or subject.text, subject.start)
        if subject.kind == "anonymous":
            return None
        if subject.kind == "pronoun":
            if subject.text == "they":
                return self._pair(subject.start, previous) or (
                    previous_speaker if previous is not None and subject.start - previous.after < PRONOUN_REACH else None
                )
            gender = GENDERS[subject.text]
            speaker = self._document_owner(subject.start) or self._role_opening(subject.start) or self._since(previous, subject.start, previous_speaker, people_only=True, gender=gender)
            if speaker:
                self._genders.setdefault(_surname(speaker), gender)
            return speaker
        if subject.text in INSTITUTIONS:
            return subject.text
        if subject.text in DOCUMENTS or subject.text == "it":
            low = previous.after if previous is not None else max(0, subject.start - PRONOUN_REACH)
            issuer = (
                self._named_before_noun(subject)
                or self._issuer(subject.start, subject.start + ISSUER_REACH, subject.text)
                or self._issuer(low, subject.start, subject.text)
                or self._signer(subject.start, subject.text)
                or self._sender(low, subject.start, subject.text)
                or self._publisher(subject.start, subject.text)
                or self._sender(0, subject.start, subject.text)
            )
            return issuer or self._since(previous, subject.start, previous_speaker, people_only=False)
        named = self._with_role(subject.text, subject.start) or self._spoken_for(subject)
        if named or subject.text in UNNAMED_ROLES:
            return named
        if subject.text in GROUP_ROLES:
            return self._nearest_org(subject.start, subject.text)
        nameable = subject.text in PERSON_ROLES - WRITERS or subject.text.endswith("-year-old")
        return self._subject_person(subject.start) if nameable else None

    def _full_name(self, name: str, position: int) -> str:
        """A bare name ("Wu said") that two people in the document share is the one who just
        opened a sentence with a speech verb named in full ("Wu Lihong, an activist, said ..."), not the cluster's
        most frequent bearer; surnames come first in some languages, so either end matches."""
        if " " in name:
            return name
        bearers = [mention for mention in self.mentions if " " in mention.name and self._kind(mention) == "person" and same_person(name, mention.name)]
        if all(same_person(bearer.name, bearers[0].name) for bearer in bearers):
            return name
        recent = [bearer for bearer in bearers if position - PRONOUN_REACH < bearer.start and bearer.end <= position]
        if not recent:
            return name
        low, high = self._sentence(recent[-1].start)
        opens = TITLE_WORDS.match(self.text[low : recent[-1].start]) and VERB.search(self.text, recent[-1].end, high)
        return recent[-1].name if opens else name

    def _named_before_noun(self, subject: Subject) -> str | None:
        """"The Hill Library website says": the name that modifies the document noun issued it."""
        if subject.text == "it":
            return None
        noun = _modified(subject.text)
        for mention in self._mentions_between(subject.start, subject.start + ISSUER_REACH):
            if noun.match(self.text, mention.end):
                return mention.name
        return None

    def _issuer(self, low: int, position: int, noun: str) -> str | None:
        """Who sent the document a quote is read from: "... the letter from Sir Paul." (a "suit"
        is issued by whoever filed the lawsuit, not by whoever wrote a report about it)."""
        for match in reversed(list(ISSUED.finditer(self.text, low, position))):
            if not _same_document(noun, match.group("noun")):
                continue
            first = match.start("title") if match.group("title") else match.end()  # "Sir Paul", "Tom Brant"
            named = self._mentions_between(first, min(position, match.end() + 60))
            if named and named[0].start - match.end() < 2:
                return named[0].name
        return None

    def _publisher(self, position: int, noun: str) -> str | None:
        """Whoever the document says issued the quoted document, however far back: the nearest
        "the Port Authority's review", "a review by the Port Authority", "the letters he wrote".
        "it" is the document noun last named before it ("Thursday's review is longer. It said")."""
        if noun == "it":
            nouns = ANTECEDENT.findall(self.text, max(0, position - ISSUER_REACH * 5), position)
            if not nouns:
                return None
            noun = nouns[-1]
        found: list[tuple[int, str]] = []
        for match in OWNED.finditer(self.text, 0, position):
            owner = self._mentions_between(max(0, match.start() - 80), match.start())
            if _same_document(noun, match.group("noun")) and owner and owner[-1].end == match.start():
                found.append((match.start(), owner[-1].name))
        for match in ACCOUNT_FOR.finditer(self.text, 0, position):  # "the Twitter feed for Ana Ruiz"
            named = self._mentions_between(match.end(), match.end() + 60)
            if _same_document(noun, match.group("noun")) and named and named[0].start == match.end():
                found.append((match.start(), named[0].name))
        for match in WRITTEN.finditer(self.text, 0, position):
            if not _same_document(noun, match.group("noun")):
                continue
            who = match.group("who")
            if who in PRONOUNS:
                person = self._subject_person(match.start("who"), gender=GENDERS[who])
                if person:
                    found.append((match.start(), person))
            else:
                found.extend((match.start(), mention.name) for mention in self._mentions_between(match.start("who"), match.end("who"))[:1])
        modified = _modified(noun)
        for mention in self._mentions_between(max(0, position - PRONOUN_REACH), position):  # "the Daily Ledger article"
            if modified.match(self.text, mention.end):
                found.append((mention.start, mention.name))
        issued = self._issuer(0, position, noun)
        return max(found)[1] if found else issued

    def _signer(self, position: int, noun: str) -> str | None:
        """``the letter, which bears the signature of party secretary Ana Ruiz``: whoever signed
        the document wrote it, not whoever released it or is named in it."""
        for match in reversed(list(SIGNED.finditer(self.text, 0, min(len(self.text), position + ISSUER_REACH * 2)))):
            signed = match.group("noun").lower()
            if signed != "it" and not _same_document(noun, signed):  # "It bears the signature of": the document named before
                continue
            signer = next((mention for mention in self._mentions_between(match.end(), match.end() + 80) if self._kind(mention) == "person"), None)
            if signer is not None:
                return signer.name
        return None

    def _sender(self, low: int, position: int, noun: str) -> str | None:
        """Who a document was issued by in an earlier sentence: "Ana Ruiz said in a tweet ... the
        tweet said", "Ana Ruiz issued a statement that reads", "the team rejected it in a statement"."""
        for match in reversed(list(SENT.finditer(self.text, low, position))):
            if not _same_document(noun, match.group("noun")):
                continue
            sentence_start = self._sentence(match.start())[0]
            if match.group().startswith("in "):  # "The team dismissed the claims in a statement": the sentence's subject
                subject = self._sentence_subject(sentence_start, match.start()) or self._verb_subject(sentence_start, match.start())
            else:
                subject = self._left_of(match.start(), sentence_start)
            if subject is not None and subject.kind == "name":
                return subject.text
        return None

    def _verb_subject(self, low: int, high: int) -> Subject | None:
        """``"…," the Ledger Fund, a think tank, concluded in its analysis``: the subject of the
        speech verb right before the document, when the sentence opens with the quote itself."""
        verbs = list(VERB.finditer(self.text, low, high))
        return self._left_of(verbs[-1].start(), low) if verbs and not self.text[verbs[-1].end() : high].strip() else None

    def _pair(self, position: int, previous: Span | None) -> str | None:
        """"They" after "Pink and Kelly Clarkson ..." (or after two people named since the last
        quote) is the two of them: a duet, a joint statement."""
        low = previous.after if previous is not None else max(0, position - PRONOUN_REACH)
        named = [mention for mention in self._mentions_between(low, position) if self._is_person(mention)]
        for left, right in zip(reversed(named[:-1]), reversed(named[1:])):
            if self.text[left.end : right.start] == " and ":
                return f"{left.name} and {right.name}"
        distinct = list(dict.fromkeys(_surname(mention.name) for mention in reversed(named)))
        if previous is not None and len(distinct) >= 2:
            last = {_surname(mention.name): mention.name for mention in named}
            return f"{last[distinct[1]]} and {last[distinct[0]]}"
        return None

    def _nearest_org(self, position: int, noun: str) -> str | None:
        """The organisation "the hospital" / "the company" refers to: the nearest one named with
        that noun ("Great Ormond Street Hospital"), else the nearest one the document names more
        than once, else the nearest."""
        defined = self._defined(position)
        if defined is not None:
            return defined
        near = [mention for mention in reversed(self._mentions_between(max(0, position - PRONOUN_REACH), position)) if self._kind(mention) == "org"]
        introduced = re.compile(rf"\b{noun},?\s+$")
        for fits in (
            lambda mention: _surname(mention.name) == noun,
            lambda mention: self._introduced_as(mention, noun, introduced),  # "Remera, a public body"
            lambda mention: self._uses[mention.name] > 1,
            lambda mention: True,
        ):
            chosen = next((mention for mention in near if fits(mention)), None)
            if chosen is not None:
                return chosen.name
        unknown = (mention for mention in reversed(self._mentions_between(max(0, position - PRONOUN_REACH), position)) if not self._kind(mention))
        return next((mention.name for mention in unknown if self._uses[mention.name] > 1), None)  # "Ethicon ... Ethicon ... the company"

    def _introduced_as(self, mention: Mention, noun: str, before: re.Pattern[str]) -> bool:
        """The text calls this organisation by the noun: "Remera, a public body", "the health body, Santé Nordica"."""
        after = INTRODUCED_AS.match(self.text[mention.end : mention.end + 60])
        return after is not None and after.group(1).lower() == noun or before.search(self.text, max(0, mention.start - 40), mention.start) is not None

    def _defined(self, position: int) -> str | None:
        """``Brill's is a Dallas-based chain. "…," the company said``: the name the sentence just
        before defined ("X is a …") is what the organisation noun means."""
        low = self._sentence(position)[0]
        if low == 0:
            return None
        before = self._sentence(low - 1)
        for mention in self._mentions_between(*before):
            if self._kind(mention) != "place" and DEFINED.match(self.text, mention.end) and self._opens_clause(before[0], mention):
                return mention.name
        return None

    def _document_owner(self, position: int) -> str | None:
        """``Ruiz's tweet on Monday, in which she wrote``: the pronoun is whoever owns the document."""
        owned = IN_WHICH.search(self.text, max(0, position - 80), position)
        if owned is None:
            return None
        named = self._mentions_between(max(0, owned.start() - 60), owned.start())
        return named[-1].name if named and named[-1].end == owned.start() and self._kind(named[-1]) != "place" else None

    def _role_opening(self, position: int) -> str | None:
        """``The Superior Court judge also criticised what she called "staggering" delays``: a
        pronoun later in a sentence that opens with a role is the person introduced with it."""
        low = self._sentence(position)[0]
        opening = ROLE_OPENING.match(self.text, low, position)
        if opening is None or opening.group(1).lower() not in PERSON_ROLES or any(self._is_person(mention) for mention in self._mentions_between(low, position)):
            return self._role_just_before(low, position)
        return self._with_role(opening.group(1).lower(), low)

    def _role_just_before(self, low: int, position: int) -> str | None:
        """``Ana Ruiz sued the president after he wrote``: a pronoun right after a role, with no
        person named between them, is the person known by that role."""
        role = ROLE_OBJECT.search(self.text, max(low, position - 80), position)
        if role is None or role.group(1) not in PERSON_ROLES:
            return None
        if any(self._is_person(mention) for mention in self._mentions_between(role.end(1), position)):
            return None
        return self._with_role(role.group(1), role.start())

    def _since(
        self, previous: Span | None, position: int, previous_speaker: str | None, people_only: bool, gender: str = ""
    ) -> str | None:
        """The person named since the previous quote, else that quote's speaker, else the nearest;
        never someone a pronoun of the other gender already referred to."""
        if previous_speaker and (not self._fits(previous_speaker, gender) or people_only and self._kind_of_name(previous_speaker) in ("org", "place")):
            previous_speaker = None  # "he" is never the agency quoted before
        introduced = self._introduced(position, previous)
        if introduced is not None:
            return introduced.text if introduced.kind == "name" else None
        if previous is not None and position - previous.after < PRONOUN_REACH:
            # names in the rest of the previous quote's sentence are its objects, not new speakers
            low = max(previous.after, self._sentence(previous.closed)[1])
            named = self._subject_person(position, people_only, low=low, gender=gender)
            return named or previous_speaker or self._subject_person(position, people_only, gender=gender)
        return self._subject_person(position, people_only, gender=gender)

    def _introduced(self, position: int, previous: Span | None) -> Subject | None:
        """"A spokesman for the police said ... "…," he said": when the sentence before the
        pronoun's has a speech verb whose subject is a noun phrase, the pronoun is that phrase."""
        sentence_start = self._sentence(position)[0]
        if sentence_start == 0:
            return None
        before = self._sentence(sentence_start - 1)
        if previous is not None and previous.after > before[0]:
            return None
        verb = VERB.search(self.text, before[0], before[1])
        if verb is None:
            return None
        subject = self._left_of(verb.start(), before[0])
        indefinite = INDEFINITE_OPENING.match(self.text, before[0], verb.start())
        if subject is None and indefinite:
            return Subject("anonymous", indefinite.group(1), before[0])  # "One analyst with ties to the party said ..."
        if subject is None or subject.kind == "pronoun" or subject.kind == "name" and not SPOKESMAN_FOR.search(self.text[before[0] : verb.start()].rstrip()):
            return None
        if subject.kind == "phrase" and subject.text in UNNAMED_ROLES and self._with_role(subject.text, subject.start) is None:
            return Subject("anonymous", subject.text, subject.start)  # "The woman, who asked not to be named, said ...": no one named
        return subject if subject.kind in ("anonymous", "name") else None

    def _fits(self, name: str, gender: str) -> bool:
        return not gender or self._genders.get(_surname(name), gender) == gender

    def _subject_person(self, position: int, people_only: bool = True, low: int | None = None, gender: str = "") -> str | None:
        """The first person named in the nearest sentence before ``position`` that names one;
        within the two nearest such sentences, people the document names again are preferred to
        one-off names ("Mother Monster")."""
        around = self._mentions_between(max(0, position - PRONOUN_REACH) if low is None else low, position)
        around = [mention for mention in around if self._fits(mention.name, gender) and not self._possessor_of_subject(mention, position)]
        candidates = [mention for mention in around if self._kind(mention) == "person" or not people_only and self._kind(mention) in ("org", "")]
        candidates = candidates or [mention for mention in around if self._is_person(mention)]
        groups: list[list[Mention]] = []
        for mention in candidates:
            if groups and self._sentence(mention.start) == self._sentence(groups[-1][0].start):
                groups[-1].append(mention)
            else:
                groups.append([mention])
        sentence_start = self._sentence(position)[0]
        pronoun = {"male": SAME_HE, "female": SAME_SHE}.get(gender)
        if pronoun and groups and self._sentence(groups[-1][0].start)[0] == sentence_start and all(
            pronoun.search(self.text, sentence_start, mention.start) for mention in groups[-1]
        ):
            groups.pop()  # "Asked whether he would invite Ruiz, he said": Ruiz is the first pronoun's object
        if groups and self._sentence(groups[-1][0].start) == self._sentence(position):
            # "Schmitt described a reaction he called ...": its own subject, the name that opens a
            # clause ("At a briefing held during Ruiz's talk, Berg was asked ... but he said")
            opening = self._sentence_subject(self._sentence(position)[0], position)
            subject = next((mention for mention in groups[-1] if opening is not None and mention.start == opening.start), groups[-1][0])
            return subject.name
        while len(groups) > 1 and PRONOUN_OPENING.match(self.text, self._sentence(groups[-1][0].start)[0]):
            groups.pop()  # "But he's predicting a Clinton win.": names after a pronoun subject are its objects
        for group in reversed(groups[-2:]):
            speaking = next((mention for mention in group if self._speaks(mention)), None)
            if speaking is not None:
                return speaking.name  # "Mayor Elena Ruiz-Hartley said ...", "…, said Davids": a speaker just introduced
            if any(self._introduces(mention) for mention in group):
                break
        known = [
            mention for group in reversed(groups[-2:]) for mention in group if self._established(mention.name) or self._introduces(mention) or self._opens_sentence(mention)
        ]
        subject = next((mention for mention in known if self._opens_its_clause(mention)), known[0] if known else None)
        if subject is not None:
            return subject.name  # "... would come only if Trump lost": a subordinate clause's name is not the subject
        return groups[-1][0].name if groups else None

    def _opens_sentence(self, mention: Mention) -> bool:
        """Named in apposition to the noun phrase that opens the sentence ("One of the hosts, Ana
        Ruiz, pressed him"): the sentence's subject, whom a pronoun after it means."""
        low = self._sentence(mention.start)[0]
        return self.text.startswith(",", mention.end) and APPOSED_SUBJECT.fullmatch(self.text, low, mention.start) is not None

    def _opens_its_clause(self, mention: Mention) -> bool:
        low = self._sentence(mention.start)[0]
        return self._opens_clause(max(low, self.text.rfind(",", low, mention.start) + 1), mention)

    def _speaks(self, mention: Mention) -> bool:
        """The mention is the subject of its sentence's speech verb: "Ana said", "Ana, a cook,
        warned", "…, said Ana" (asked once per mention: pronouns ask about the same names)."""
        if mention.start not in self._speaking:
            self._speaking[mention.start] = self._speaks_now(mention)
        return self._speaking[mention.start]

    def _speaks_now(self, mention: Mention) -> bool:
        if VERB.match(self.text, mention.end + 1) is not None or self._inverted_subject(mention):
            return True
        low, high = self._sentence(mention.start)
        verb = VERB.search(self.text, mention.end, min(high, mention.end + 80))
        if verb is None or verb.group().endswith("ing") or "“" in self.text[mention.end : verb.start()] or '"' in self.text[mention.end : verb.start()]:
            return False
        subject = self._left_of(verb.start(), low)
        return subject is not None and subject.kind == "name" and subject.start == mention.start

    def _inverted_subject(self, mention: Mention) -> bool:
        """``…, said Omar Pell, a metals researcher``: the name right after a speech verb whose
        subject it is (not "told Omar Pell", who listened) is who spoke, so the next "he said" is
        him, not the article's subject."""
        low, high = self._sentence(mention.start)
        verbs = list(VERB.finditer(self.text, max(low, mention.start - 60), mention.start))
        if not verbs or verbs[-1].group() in NOT_INVERTED:
            return False
        subject = self._subject_of(verbs[-1].start(), verbs[-1].end(), low, high, verbs[-1].group())
        return subject is not None and subject.kind == "name" and subject.start == mention.start

    def _introduces(self, mention: Mention) -> bool:
        """A full name opening its sentence with an appositive ("Ivo Berg, a pollster, attributes
        ...") introduces whom the next pronoun means, over better-known names later in it."""
        return (
            " " in mention.name
            and INTRODUCED_BY.match(self.text, mention.end) is not None
            and self._kind(mention) == "person"
            and self._opens_clause(self._sentence(mention.start)[0], mention)
        )

    def _possessor_of_subject(self, mention: Mention, position: int) -> bool:
        """``Mr. Halden's visit, she said, ...``: the owner in the clause a parenthetical "she said"
        interrupts is not who "she" is."""
        return PARENTHETICAL_AFTER_POSSESSIVE.fullmatch(self.text, mention.end, position) is not None

    def _established(self, name: str) -> bool:
        """Named more than once in the document (any part of the name: "Kelly", "Clarkson")."""
        return any(self._tokens[token] > 1 for token in name.lower().split())

    def _kind_of_name(self, name: str) -> str:
        return self.kind_of(name) or next((mention.kind for mention in self.mentions if mention.name == name), "")

    def _kind(self, mention: Mention) -> str:
        return self.kind_of(mention.name) or mention.kind

    def _is_person(self, mention: Mention) -> bool:
        """A person, or a single name of unknown kind the document keeps using ("Conard")."""
        kind = self._kind(mention)
        return kind == "person" or not kind and self._uses[mention.name] > 1

    def _spoken_for(self, subject: Subject) -> str | None:
        """``"…," the spokeswoman said`` after ``a police spokeswoman told me``: the body she was
        introduced as speaking for."""
        if subject.text not in SPOKESPEOPLE:
            return None
        for match in reversed(list(BODY_SPOKESPERSON.finditer(self.text, max(0, subject.start - PRONOUN_REACH), subject.start))):
            body = match.group(1).lower()
            if body in INSTITUTIONS:
                return body
            if body in GROUP_ROLES:
                return self._nearest_org(match.start(), body)
        return None

    def _with_role(self, role: str, position: int) -> str | None:
        """The nearest person introduced with ``role``; for a spokesperson, whom they speak for."""
        before = reversed(self._mentions_between(0, position))
        after = self._mentions_between(position, position + ROLE_AHEAD)  # "the police chief said. Police Chief Tom Jackson …"
        described = re.compile(rf"\b{re.escape(role)},\s+(?:[A-Z][\w.]*\s+)?$")  # "the outgoing emir, Sheik Omar Said"
        described_after = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(role)}(?=[,.;:]|\s+(?:who|of|at|for|in)\b)")  # "Omar Said, the emir,"
        for mention in [*before, *after]:
            if mention.role and (role in mention.role.split() or role in BENCH and mention.role in BENCH):
                return mention.name  # "the judge" is Justice Eide
            if role not in GROUP_ROLES and self._kind(mention) == "person" and (
                described.search(self.text, max(0, mention.start - 60), mention.start) or described_after.match(self.text, mention.end)
            ):
                return mention.name
        if role.startswith("spokes") or role == "representative":
            for match in reversed(list(SPEAKS_FOR.finditer(self.text, max(0, position - PRONOUN_REACH), position))):
                named = self._mentions_between(match.end(), match.end() + 80)
                if named and named[0].start - match.end() < 2:
                    return named[0].name
        return None
