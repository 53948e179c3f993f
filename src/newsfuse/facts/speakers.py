"""Who said each quotation: the attribution around it, or the speaker it continues.

News copy attributes a quote in a handful of ways, tried in this order:

1. after the closing mark, in the same sentence: ``"…," Lesser said`` / ``said Rep. Lesser`` /
   ``Steve Ginsburg, of the league, told the paper`` / ``according to the Journal``;
2. before the opening mark, in the same sentence (or the previous one, when it ends with a
   colon): ``Lesser said: "…"`` / ``Trump said she had "come back"``;
3. otherwise a quote continues the previous quote's speaker when it follows closely
   (``"…," he said. "…"`` or a paragraph that is only a quote).

A pronoun ("she") resolves to the first person named in the nearest sentence since the
previous quote (the subject who was just introduced), else to that quote's speaker; a role
("the singer") to the person introduced with it ("singer Kelly Clarkson"), a spokesperson to
whom they speak for, an organisation noun ("the network") to the nearest organisation, a
document ("the statement said") like a pronoun but organisations allowed.  Anonymous subjects
("a White House official", "one source", "the official") give ``None``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.facts.entities import PLATFORMS, Mention
from newsfuse.facts.quotes import Span
from newsfuse.text import STOPWORDS

VERBS = (
    "said says say saying told tells tell telling wrote writes write writing tweeted tweets tweet posted posts "
    "shared shares asked asks added adds continued continues noted notes claimed claims explained explains "
    "stated states declared declares announced insisted insists argued argues recalled recalls replied replies "
    "responded acknowledged admitted warned warns urged described called calls commented remarked joked jokes "
    "quipped exclaimed yelled shouted sang sings belts belted captioned stressed emphasized suggested concluded "
    "confirmed reported reports read reads accused blasted slammed praised gushed gushes revealed wondered "
    "predicted promised vowed conceded testified alleged countered complained agreed texted messaged "
    "mused boasted bragged cautioned echoed lamented reiterated"
).split()
NOT_INVERTED = frozenset("told tells tell telling called calls described urged warned warns accused blasted slammed praised asked".split())
VERB = re.compile(r"\b(?:according to|went on|pointed out|" + "|".join(sorted(set(VERBS), key=len, reverse=True)) + r")\b")
PRONOUNS = frozenset("he she they".split())
GENDERS = {"he": "male", "she": "female", "they": ""}
FIRST_PERSON = frozenset("i we".split())
DOCUMENTS = frozenset(
    """statement release email e-mail post tweet letter suit lawsuit complaint report video message caption
    filing ad mailer memo note account page website site op-ed editorial""".split()
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
    service board council committee court commission authority government administration union""".split()
)
ANONYMOUS = frozenset("a an one another some two three several".split())
SKIPPED = frozenset(
    """also later then previously once recently had has have was were would will further again simply
    quickly just reportedly initially earlier since last first finally""".split()
)
SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|representative)s?\s+(?:for|of|from|at)\s+(?:the\s+)?")
DESCRIBED = re.compile(r"\s*(?:his|her|their|the|a|an)\s+(?:[\w’'-]+\s+){0,3}?[a-z][\w-]*,\s*")
PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")
LINKED = re.compile(r"\s+(?:of|at|with|from|for)\s+(?:the\s+)?(?:[\w.-]+['’‘]s\s+)?|['’‘]s\s+")
NOUN_PHRASE = re.compile(r"(?i:(?:^|\s)(the|a|an|one|another|his|her|their|its|this|that|some|two|three|several)\s+((?:[\w’'-]+\s+){0,4}?))([a-z][\w-]*)\s*$")
BARE_PLURAL = re.compile(r"(?:^|\s)(police|officials|authorities|prosecutors|investigators|witnesses|sources|organizers|doctors|experts)\s*$")
TITLE_WORDS = re.compile(r"^[\s,]*(?:(?:[A-Z][\w.]{0,12}|[a-z]+(?:-[a-z]+)*)\s+){0,3}$")
WORD = re.compile(r"[\w’'-]+")
AFTER_REACH = 12
APPOSITIVE_REACH = 30
CONTINUATION_WORDS = 45
PRONOUN_REACH = 900


@dataclass(slots=True, frozen=True)
class Subject:
    """Who a speech verb is attached to, before resolution: a name, a pronoun or a noun phrase."""

    kind: str  # "name", "pronoun", "phrase", "anonymous"
    text: str
    start: int


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
        self.sentence_starts = [start for start, _ in sentences]
        self.sentences = list(sentences)
        self.kind_of = kind_of
        self.mentions = [mention for mention in mentions if self._can_speak(mention)]
        self._uses = Counter(mention.name for mention in self.mentions)
        self._genders: dict[str, str] = {}  # surname -> gender of the pronouns resolved to it
        self.mention_ends = [mention.end for mention in self.mentions]

    def _can_speak(self, mention: Mention) -> bool:
        return self._kind(mention) != "place" and mention.name.lower() not in PLATFORMS

    def attribute(self, spans: Sequence[Span]) -> list[tuple[str | None, bool]]:
        """``(speaker, attributed)`` per span; ``attributed`` is False when nothing names one."""
        self._drop_quoted(spans)
        results: list[tuple[str | None, bool]] = []
        previous: Span | None = None
        previous_speaker: str | None = None
        for span in spans:
            subject = self._after(span, spans) or self._before(span, previous)
            if subject is not None:
                speaker = self._resolve(subject, previous_speaker, previous)
                attributed = True
            elif previous is not None and results[-1][1] and self._continues(previous, span):
                speaker, attributed = previous_speaker, True
            else:
                speaker, attributed = None, False
            results.append((speaker, attributed))
            previous, previous_speaker = span, speaker
        return results

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
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, len(self.text) if end < 0 else end

    def _after(self, span: Span, spans: Sequence[Span]) -> Subject | None:
        if span.continues:
            return None
        low = span.after
        high = min(self._sentence(max(low - 1, 0))[1], self._paragraph(low)[1])
        later = [other.opened for other in spans if other.opened >= low]
        if later:
            high = min(high, later[0])
        context = self.text[low:high]
        named = self._mentions_between(low, high)
        reach = AFTER_REACH
        if named and not context[: named[0].start - low].strip(" ,\"'”’") and self.text.startswith(",", named[0].end):
            reach = APPOSITIVE_REACH
        for verb in VERB.finditer(context):
            between = context[: verb.start()]
            if len(WORD.findall(between)) > reach or PARTICIPLE.search(between):
                return None
            subject = self._subject_of(low + verb.start(), low + verb.end(), low, high, verb.group())
            if subject is not None:
                return subject
        return None

    def _before(self, span: Span, previous: Span | None) -> Subject | None:
        sentence_start = self._sentence(span.opened)[0]
        low = max(sentence_start, self._paragraph(span.opened)[0], previous.after if previous else 0)
        if not self.text[low : span.opened].strip() and self.text[:low].rstrip().endswith(":"):
            colon_sentence = self._sentence(len(self.text[:low].rstrip()) - 1)[0]
            low = max(colon_sentence, previous.after if previous else 0)
        context = self.text[low : span.opened]
        verbs = list(VERB.finditer(context))
        for verb in reversed(verbs):
            subject = self._subject_of(low + verb.start(), low + verb.end(), low, span.opened, verb.group())
            if subject is not None:
                return subject
        return None

    def _subject_of(self, verb_start: int, verb_end: int, low: int, high: int, verb: str) -> Subject | None:
        if verb == "according to":
            return self._right_of(verb_end, high)
        subject = self._left_of(verb_start, low)
        if subject is None and verb not in NOT_INVERTED:
            inverted = self._right_of(verb_end, high)
            if inverted is not None and inverted.kind in ("name", "phrase", "anonymous"):
                return inverted
        return subject

    def _right_of(self, position: int, high: int) -> Subject | None:
        following = self.text[position:high]
        named = self._mentions_between(position, high)
        lead = re.sub(r"^\s*the\s", " ", self.text[position : named[0].start]) if named else ""
        if named and self._only_titles(lead) and named[0].start - position < 40:
            chosen = named[0]
            for mention in named[1:]:
                gap = self.text[chosen.end : mention.start]
                if not (gap.strip() and self._only_titles(gap)):
                    break
                chosen = mention
            return Subject("name", chosen.name, chosen.start)
        described = DESCRIBED.match(following)
        if described:
            named = self._mentions_between(position + described.end(), high)
            if named and named[0].start == position + described.end():
                return Subject("name", named[0].name, named[0].start)
        words = WORD.findall(following[:40])
        if words and words[0].lower() in PRONOUNS:
            return Subject("pronoun", words[0].lower(), position)
        phrase = re.match(r"\s*(?i:(the|a|an|one|another))\s+((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*)\b(?=\s*(?:,|\.|$| in | on | at | of | to | who | from ))", following)
        if phrase:
            if following[phrase.end() :].startswith(" of a"):
                return Subject("anonymous", phrase.group(3), position)
            return self._phrase(phrase.group(1).lower(), phrase.group(3), position)
        return None

    @staticmethod
    def _phrase(determiner: str, head: str, position: int) -> Subject:
        """A noun phrase subject: anonymous when indefinite or a plural group, else a role."""
        if head in DOCUMENTS:
            return Subject("phrase", head, position)
        plural = head.endswith("s") and head not in INSTITUTIONS and not head.endswith("ss")
        if determiner in ANONYMOUS or plural:
            return Subject("anonymous", head, position)
        return Subject("phrase", head, position)

    @staticmethod
    def _only_titles(gap: str) -> bool:
        """Words between a verb and a name that only describe the name ("GOP Chair", "fellow")."""
        return bool(TITLE_WORDS.match(gap)) and not any(word.lower() in STOPWORDS for word in WORD.findall(gap))

    def _left_of(self, position: int, low: int) -> Subject | None:
        left = self.text[low:position]
        trimmed = left.rstrip()
        while True:
            words = trimmed.split()
            if words and (words[-1].lower() in SKIPPED or words[-1].endswith("ly") and words[-1].islower()):
                trimmed = trimmed[: trimmed.rfind(words[-1])].rstrip()
                continue
            break
        end = low + len(trimmed)
        if trimmed.endswith(("who", "which")) and trimmed[:-5].rstrip().endswith((",", "who")):
            return self._left_of(low + len(trimmed[:-5].rstrip().rstrip(",")), low)
        named = self._mentions_between(low, end)
        if named and re.fullmatch(r"(?:['’‘]s?)?", self.text[named[-1].end : end]):
            index = len(named) - 1
            while index > 0 and LINKED.fullmatch(self.text[named[index - 1].end : named[index].start]):
                index -= 1
            return Subject("name", named[index].name, named[index].start)
        words = trimmed.split()
        if words and words[-1].lower().strip("“”\"") in PRONOUNS | FIRST_PERSON:
            word = words[-1].lower().strip("“”\"")
            return Subject("anonymous" if word in FIRST_PERSON else "pronoun", word, end)
        bare = BARE_PLURAL.search(trimmed)
        if bare:
            kind = "phrase" if bare.group(1) in INSTITUTIONS else "anonymous"
            return Subject(kind, bare.group(1), low + bare.start(1))
        phrase = NOUN_PHRASE.search(trimmed)
        if phrase:
            return self._phrase(phrase.group(1).lower(), phrase.group(3), low + phrase.start(3))
        if trimmed.endswith(","):
            return self._appositive(low, end)
        return None

    def _appositive(self, low: int, end: int) -> Subject | None:
        """``Name, an appositive, said``: the name right before the comma that opens it."""
        text = self.text
        named = self._mentions_between(low, end)
        if named and named[-1].end == end - 1 and text[: named[-1].start].endswith(", ") and (" " in named[-1].name or self.kind_of(named[-1].name) == "person"):
            return Subject("name", named[-1].name, named[-1].start)
        comma = text.rfind(",", low, end - 1)
        while comma > low:
            opening = text[comma + 1 : end].lstrip()
            for mention in self._mentions_between(low, comma):
                if mention.end == comma and (opening[:1].islower() or opening[:1].isdigit()):
                    return Subject("name", mention.name, mention.start)
            comma = text.rfind(",", low, comma)
        return None

    def _mentions_between(self, low: int, high: int) -> list[Mention]:
        first = bisect.bisect_right(self.mention_ends, low)
        last = bisect.bisect_right(self.mention_ends, high)
        return [mention for mention in self.mentions[first:last] if mention.start >= low]

    def _continues(self, previous: Span, span: Span) -> bool:
        if previous.continues:
            return True
        gap = self.text[previous.after : span.opened]
        return len(WORD.findall(gap)) <= CONTINUATION_WORDS

    # -- who the subject is ------------------------------------------------------------------
    def _resolve(self, subject: Subject, previous_speaker: str | None, previous: Span | None) -> str | None:
        if subject.kind == "name":
            return subject.text
        if subject.kind == "anonymous":
            return None
        if subject.kind == "pronoun":
            if subject.text == "they":
                return previous_speaker if previous is not None and subject.start - previous.after < PRONOUN_REACH else None
            gender = GENDERS[subject.text]
            speaker = self._since(previous, subject.start, previous_speaker, people_only=True, gender=gender)
            if speaker:
                self._genders.setdefault(_surname(speaker), gender)
            return speaker
        if subject.text in INSTITUTIONS:
            return subject.text
        if subject.text in DOCUMENTS:
            return self._since(previous, subject.start, previous_speaker, people_only=False)
        named = self._with_role(subject.text, subject.start)
        if named or subject.text in UNNAMED_ROLES:
            return named
        if subject.text in GROUP_ROLES:
            return self._nearest_org(subject.start)
        return self._nearest_person(subject.start)

    def _nearest_org(self, position: int) -> str | None:
        for mention in reversed(self._mentions_between(max(0, position - PRONOUN_REACH), position)):
            if self._kind(mention) == "org":
                return mention.name
        return None

    def _since(
        self, previous: Span | None, position: int, previous_speaker: str | None, people_only: bool, gender: str = ""
    ) -> str | None:
        """The person named since the previous quote, else that quote's speaker, else the nearest;
        never someone a pronoun of the other gender already referred to."""
        if previous_speaker and not self._fits(previous_speaker, gender):
            previous_speaker = None
        if previous is not None and position - previous.after < PRONOUN_REACH:
            named = self._subject_person(position, people_only, low=previous.after, gender=gender)
            return named or previous_speaker or self._subject_person(position, people_only, gender=gender)
        return self._subject_person(position, people_only, gender=gender)

    def _fits(self, name: str, gender: str) -> bool:
        return not gender or self._genders.get(_surname(name), gender) == gender

    def _subject_person(self, position: int, people_only: bool = True, low: int | None = None, gender: str = "") -> str | None:
        """The first person named in the nearest sentence before ``position`` that names one."""
        around = self._mentions_between(max(0, position - PRONOUN_REACH) if low is None else low, position)
        around = [mention for mention in around if self._fits(mention.name, gender)]
        candidates = [mention for mention in around if self._kind(mention) == "person" or not people_only and self._kind(mention) in ("org", "")]
        candidates = candidates or [mention for mention in around if self._is_person(mention)]
        if not candidates:
            return None
        sentence = self._sentence(candidates[-1].start)
        return next(mention.name for mention in candidates if mention.start >= sentence[0])

    def _nearest_person(self, position: int, people_only: bool = True, low: int | None = None) -> str | None:
        for mention in reversed(self._mentions_between(max(0, position - PRONOUN_REACH) if low is None else low, position)):
            if self._is_person(mention) or not people_only and self._kind(mention) in ("org", ""):
                return mention.name
        return None

    def _kind(self, mention: Mention) -> str:
        return self.kind_of(mention.name) or mention.kind

    def _is_person(self, mention: Mention) -> bool:
        """A person, or a single name of unknown kind the document keeps using ("Conard")."""
        kind = self._kind(mention)
        return kind == "person" or not kind and self._uses[mention.name] > 1

    def _with_role(self, role: str, position: int) -> str | None:
        """The nearest person introduced with ``role``; for a spokesperson, whom they speak for."""
        for mention in reversed(self._mentions_between(0, position)):
            if mention.role and role in mention.role.split():
                return mention.name
        if role.startswith("spokes") or role == "representative":
            for match in reversed(list(SPEAKS_FOR.finditer(self.text, max(0, position - PRONOUN_REACH), position))):
                named = self._mentions_between(match.end(), match.end() + 80)
                if named and named[0].start - match.end() < 2:
                    return named[0].name
        return None
