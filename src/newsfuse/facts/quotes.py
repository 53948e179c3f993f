"""Quotation spans: which characters of a text are between quotation marks.

Marks are paired paragraph by paragraph, because a quote never crosses a paragraph without
re-opening: straight marks alternate, curly marks nest (a tagline quoted inside a quote stays
part of it), and an opening mark left unclosed at the end of a paragraph continues the quote
into the next one.  Straight single marks count when they sit where quotation marks do (an
opening one before a word, a closing one after it); apostrophes inside words ("don't") and
elisions ("'Cause", "rock 'n' roll", "'90s") are not marks.  Titles,
nicknames and scare quotes are recognised afterwards by :func:`looks_like_speech`, since they
are told apart by their surroundings, not their marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ELISION = r"(?:[Cc]ause|[Ee]m|[Tt]il|[Tt]is|[Tt]was|\d\ds?)\b|[Nn]'"
MARK = re.compile(
    r"’’|‘‘|''|[\"“”]|(?<![\w'’‘])‘|’(?![\w])"
    rf"|(?P<open>(?<![\w'’‘])'(?!{ELISION})(?=[^\s'’‘]))|(?<=\S)'(?![\w])"
)
DOUBLED = {"’’": "”", "‘‘": "“", "''": '"'}  # two single marks typed for a double one
PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE_PUNCTUATION = re.compile(r"[.,!?;:…]")
WORD = re.compile(r"[^\W_][\w'’-]*")
NAMING = re.compile(r"\b(?:known as|dubbed|nicknamed|so-called|termed|titled|entitled|headlined)\s*$|\bheadlines?(?:\s*\([^()]{0,40}\))?\s*[:,]?\s*$|\b(?:the|a|this|that)\s+(?:phrase|saying|slogan|motto|term|expression|adage|hashtag)\s*$|[A-Za-z]{2,},\s+or\s+$")  # "LDL, or "bad cholesterol""
CLAUSE_OPENERS = frozenset("that said says thought thinks believes wrote writes added noted".split())
CREDIT_AFTER = re.compile(r"\s*,?\s*by\s+(?:the\s+)?[A-Z]|\s*:\s*[\"“‘']")  # "…," by Ana Ruiz / "…": "…"
SUBTITLE_WORDS = 14
LISTED = re.compile(r",\s*$")
LISTED_AFTER = re.compile(r"[ \t]*(?:\.\.\.|…|\(|\n|$)")
REPLY_BEFORE = re.compile(r"\b(?:answered|replied|responded)\s*[:,]?\s*$")
HEADLINE_WORDS = 6
SENTENCES = re.compile(r"[a-z0-9][.!?]\s+[A-Z]")  # two sentences, not "U.S. Citizens"
TITLE_LOWER = frozenset("a an the of in on and or to for at by with from but nor as".split())


@dataclass(slots=True, frozen=True)
class Span:
    """Quoted words at ``start:end`` (marks excluded); ``opened``/``closed`` are the mark
    offsets around them; ``closed`` is ``end`` when the quote runs on to the next paragraph."""

    start: int
    end: int
    opened: int
    closed: int
    continues: bool = False

    @property
    def after(self) -> int:
        """First offset after the closing mark."""
        return self.closed + 1 if not self.continues else self.end


def spans(text: str) -> list[Span]:
    """All quotation spans of ``text`` in reading order; they never overlap."""
    found: list[Span] = []
    for paragraph in PARAGRAPH.finditer(text):
        found.extend(_paragraph_spans(text, paragraph.start(), paragraph.end()))
    return found


def _paragraph_spans(text: str, start: int, end: int) -> list[Span]:
    found: list[Span] = []
    opened: int | None = None
    single = False
    depth = 0
    stray = text.count('"', start, end) % 2 == 1  # an odd count: one straight mark is a typo
    for mark in MARK.finditer(text, start, end):
        char = "‘" if mark.group("open") else DOUBLED.get(mark.group(), mark.group()).replace("'", "’")
        if stray and opened is not None and mark.group() == '"' and _opens_words(text, mark.start(), end):
            stray = False  # "… cases however "no exposure was found," said Ana": an inner quote left unclosed
            continue
        if opened is None:
            if char in "”’":
                continue
            opened, depth, single = mark.end() - 1, 1, char == "‘"
            continue
        if single != (char in "‘’"):
            if char == "“":
                depth += 1
            elif char in "”\"" and depth > 1:
                depth -= 1
            continue
        if char in "“‘":
            depth += 1
            continue
        depth -= 1
        if depth <= 0 or char == '"':
            _add(text, opened, mark.start(), found, continues=False)
            opened = None
    if opened is not None and not single:
        _add(text, opened, end, found, continues=True)
    return found


def _opens_words(text: str, position: int, end: int) -> bool:
    """The mark sits where a quotation opens: after a space, right before a word."""
    return position > 0 and text[position - 1].isspace() and position + 1 < end and text[position + 1].isalnum()


def _add(text: str, opened: int, closed: int, found: list[Span], continues: bool) -> None:
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(char.isalnum() for char in text[start:end]):
        found.append(Span(start, end, opened, closed, continues))


def is_title(quoted: str, longest: int = 8) -> bool:
    """Short capitalised words without sentence punctuation: a song, a film, a nickname, or a
    book's "Title: Subtitle" (subtitles run longer)."""
    if _headline_case(quoted, WORD.findall(quoted)):
        return True
    title, colon, subtitle = quoted.partition(": ")
    if colon and title and subtitle and ":" not in subtitle:
        return is_title(title) and is_title(subtitle, SUBTITLE_WORDS)
    words = WORD.findall(quoted)
    if not words or len(words) > longest or SENTENCE_PUNCTUATION.search(quoted.rstrip(".,")):
        return False
    content = [word for word in words if word not in TITLE_LOWER and word != "I"] or words
    return sum(word[0].isupper() or word[0].isdigit() for word in content) >= 0.75 * len(content)


def _headline_case(quoted: str, words: list[str]) -> bool:
    """"Mayor, in Row With Board, Shuts Ferry: Fares Will Rise": every content word capitalised,
    however long, one sentence, not all capitals (a shouted line is speech)."""
    content = [word for word in words if word.lower() not in TITLE_LOWER and len(word) > 1]
    if len(content) < HEADLINE_WORDS or quoted.upper() == quoted or SENTENCES.search(quoted):
        return False
    return sum(word[0].isupper() or word[0].isdigit() for word in content) >= 0.9 * len(content)


def names_a_term(text: str, span: Span) -> bool:
    """'commonly known as "drown-proofing"': the marks introduce a name, not someone's words."""
    return NAMING.search(text, max(0, span.opened - 30), span.opened) is not None


def credited_title(text: str, span: Span) -> bool:
    """A capitalised quotation followed by a byline ("“Snow Ends,” by Ana Ruiz") or by a colon and
    another quotation ("“Snow Ends”: “The storm …”") is a headline that credits or heads an
    excerpt, not words someone said; so is one listed after a comma with no closing punctuation and
    a list's ellipsis, a parenthesis or the end of the line after it (speech ends with its punctuation)."""
    if span.continues or not (text[span.start : span.start + 1].isupper() or text[span.start : span.start + 1].isdigit()):
        return False
    if text[span.end - 1 : span.end].isalnum() and LISTED.search(text, max(0, span.opened - 3), span.opened) and LISTED_AFTER.match(text, span.after):
        return True  # "WashPost A1, "Storm shuts ferry" ... The Ledger, …": listed, unpunctuated
    return CREDIT_AFTER.match(text, span.after) is not None


def kind(text: str, span: Span) -> str:
    """"full" when the quoted words start a sentence or a clause of their own ("He said that
    "prices will fall""), "partial" when they finish the reporter's sentence (called it "a
    disgrace")."""
    quoted = text[span.start : span.end]
    if quoted[:1].isupper() or quoted[:1].isdigit():
        return "full"
    before = WORD.findall(text[max(0, span.opened - 20) : span.opened])
    return "full" if before and before[-1].lower() in CLAUSE_OPENERS else "partial"


def title_at(text: str, span: Span) -> bool:
    """A title where it stands: capitalised words, unless they answer ("replied "Exactly"")."""
    return is_title(text[span.start : span.end]) and not REPLY_BEFORE.search(text, max(0, span.opened - 20), span.opened)


def looks_like_speech(text: str, span: Span, attributed: bool) -> bool:
    """Keep quotations that are speech: titles, and short unattributed phrases that do not end
    a sentence (scare quotes, nicknames), are not."""
    quoted = text[span.start : span.end]
    if title_at(text, span):
        return False
    return attributed or len(WORD.findall(quoted)) > 4 or quoted[-1:] in ".!?…"
