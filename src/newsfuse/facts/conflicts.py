"""Numbers that outlets disagree on: "killed 12" in one, "14 dead" in another.

A claim is a number attached to a noun: after it ("14 people", "12 killed"), before it
("killed 12", "death toll of 12", "death toll rose to 14").  Casualty words share one key
("killed", "dead", "deaths", "death toll" are all the death count).  Two claims are about
the same thing when they share the key and their sentences share content words; outlets
conflict when their values for it differ and neither also states the other's value (a
document that reports both is telling an update, not disagreeing).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from newsfuse.facts.model import Claim, Conflict
from newsfuse.model import Citation, Cluster, Sentence
from newsfuse.text import stem, terms

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "dozen": 12,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SPELLED = r"(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(UNITS) + r"))?|" + "|".join(UNITS)
NUMBER = r"(?<![\w.-])(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + SPELLED + r")(?:\s+(?P<scale>million|billion|thousand))?"
CASUALTIES = {
    "killed": "deaths", "dead": "deaths", "died": "deaths", "deaths": "deaths", "death": "deaths", "fatalities": "deaths",
    "lives": "deaths", "bodies": "deaths", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "injuries": "injured", "missing": "missing", "arrested": "arrested", "arrests": "arrested", "hospitalized": "injured",
    "killing": "deaths", "injuring": "injured", "wounding": "injured", "death toll": "deaths", "toll": "deaths",
}
CASUALTY_KEYS = frozenset(CASUALTIES.values())
AFTER = re.compile(r"(?i)\b" + NUMBER + r"\s+(?:(?:people|persons|of\s+them|others|more|were|have\s+been|had\s+been|are|was)\s+){0,2}(?P<noun>[a-z][a-z-]+)")
BEFORE = re.compile(
    r"(?i)\b(?:(?P<verb>killed|killing|injured|injuring|wounded|wounding)\s+(?:at\s+least\s+)?|"
    r"(?P<toll>death\s+toll|toll)\s+(?:[\w'’-]+\s+){0,8}?(?:of|to|at|reached|is|was|hit)\s+(?:at\s+least\s+)?)" + NUMBER + r"\b"
)
SKIP_NOUNS = frozenset(
    """percent years year months month days day weeks week hours hour minutes minute seconds times a an the
    degrees miles kilometers kilometres feet inches pounds points image images photo photos caption
    and or of to in on at by for from with p.m a.m am pm per people persons""".split()
)
SAME_EVENT = 0.2  # casualty counts: the sentences only need to be about the same event
SAME_THING = 0.4  # any other count: the sentences must say nearly the same thing


@dataclass(slots=True, frozen=True)
class NumberClaim:
    key: str
    value: float
    text: str
    sentence: Sentence


def _value(match: re.Match[str]) -> float:
    raw = match.group("number").lower().replace(",", "")
    tens, _, units = raw.partition("-")
    value = float(TENS[tens] + UNITS.get(units, 0)) if tens in TENS else float(UNITS.get(raw) or raw)
    scale = (match.group("scale") or "").lower()
    return value * {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get(scale, 1)


def claims(sentence: Sentence) -> list[NumberClaim]:
    found = []
    for pattern in (AFTER, BEFORE):
        for match in pattern.finditer(sentence.text):
            groups = match.groupdict()
            noun = " ".join((groups.get("noun") or groups.get("verb") or groups.get("toll") or "").lower().split())
            if noun in SKIP_NOUNS or re.fullmatch(r"(?:19|20)\d\d", match.group("number")):
                continue
            key = CASUALTIES.get(noun) or stem(noun)
            number = match.group("number") + (f" {match.group('scale')}" if match.group("scale") else "")
            found.append(NumberClaim(key, _value(match), number, sentence))
    return found


@functools.lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def _similar(left: Sentence, right: Sentence, threshold: float) -> bool:
    a, b = _terms(left.text), _terms(right.text)
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


def conflicts(cluster: Cluster) -> list[Conflict]:
    """Facts with different values in different outlets, each value with its citations."""
    by_key: dict[str, list[NumberClaim]] = defaultdict(list)
    for sentence in cluster.sentences:
        for claim in claims(sentence):
            by_key[claim.key].append(claim)
    found = []
    for key, items in by_key.items():
        stated: dict[str, set[float]] = defaultdict(set)
        for item in items:
            stated[cluster.documents[item.sentence.document].outlet].add(item.value)
        if len(stated) < 2:
            continue  # one outlet cannot disagree with itself (and a long single text stays linear)
        disputed = [
            (left, right) for index, left in enumerate(items) for right in items[index + 1 :]
            if left.value != right.value and left.sentence.document != right.sentence.document
            and _outlet(cluster, left) != _outlet(cluster, right)
            and right.value not in stated[_outlet(cluster, left)] and left.value not in stated[_outlet(cluster, right)]
            and _similar(left.sentence, right.sentence, SAME_EVENT if key in CASUALTY_KEYS else SAME_THING)
        ]
        if not disputed:
            continue
        values: dict[float, list[NumberClaim]] = defaultdict(list)
        for left, right in disputed:
            for item in (left, right):
                if item not in values[item.value]:
                    values[item.value].append(item)
        found.append(
            Conflict(
                what=key,
                claims=[Claim(group[0].text, [Citation.of(cluster, item.sentence) for item in group]) for _, group in sorted(values.items())],
            )
        )
    return found


def _outlet(cluster: Cluster, claim: NumberClaim) -> str:
    return cluster.documents[claim.sentence.document].outlet
