"""Remove what is not the article from scraped plain text, line by line.

HTML extractors (trafilatura) work on markup; text that was already flattened keeps its share
bars, photo credits, "Latest News" rails and footers.  Each line is judged on its own shape
(short, no sentence punctuation, typical words) and, across a cluster, on being repeated by the
same outlet.  A line that reads like a sentence is kept unless it matches a footer or promo
pattern, so real paragraphs and quotes survive.

Flattening also glues page furniture to the start of a kept paragraph or sentence ("Advertisement
The Senate voted", "Image copyright AFP Image caption", "WASHINGTON (AP) — The Senate"): only
phrases no reporting opens with are cut there, so "Photos show the damage" stays whole.  A few
things are furniture wherever they stand: bracketed photo credits and video player chrome.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsfuse.model import Document
from newsfuse.text import STOPWORDS, count_words

BULLET = re.compile(r"^[\s•·*\-–—|>]+")
SENTENCE_MARKS = ".!?…"
CLOSING_MARKS = "\"'”’)]"

UI_WORDS = re.compile(
    r"""^(?:share|shares|tweet|email|e-mail|print|pin|pin it|comment|comments|save|like|follow|
    whatsapp|facebook|twitter|play\ facebook|play\ twitter|linkedin|reddit|flipboard|pinterest|instagram|copy\ link|
    share\ (?:this|on)\b.*|by|and|&|\||photos?|videos?|gallery|view\ gallery|listen|
    advertisement|ad|sponsored|sponsored\ content|story\ continues\ below.*|continue\ reading.*|
    close|menu|search|home|back\ to\ top|next|previous|enlarge\ this\ image|toggle\ caption|
    hide\ caption|image|play|replay|watch|loading.*|\d+\s*(?:comments?|shares?))$""",
    re.IGNORECASE | re.VERBOSE,
)
RAIL = re.compile(
    r"""^(?:latest\ news|latest|related|related\ (?:stories|articles|coverage|content|links|news|video)|
    more\ (?:from|on|news|stories|coverage)\b.*|read\ (?:more|next|also)\b.*|recommended.*|
    most\ (?:popular|read|viewed|shared)|trending.*|you\ may\ (?:also\ )?like.*|see\ also.*|
    top\ stories|up\ next.*|don'?t\ miss.*|editor'?s\ picks?|also\ on\ .*|what\ to\ read\ next|
    exclusive:.*|watch:.*|video:.*|photos:.*|related:.*|read:.*|see:.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
CREDIT = re.compile(
    r"""^(?:(?:photo|photograph|image|video|picture|pictured|source|credit|caption|illustration)s?
    (?:\ credit)?\s*[:|]\s*.*|.*\b(?:getty\ images|ap\ photo|associated\ press|reuters|afp|
    wireimage|shutterstock|epa|filmmagic|invision|bloomberg|ap|pa|courtesy\ of\ [\w\s]+)\)?)$""",
    re.IGNORECASE | re.VERBOSE,
)
SLASH_CREDIT = re.compile(r"^[\w.'’ -]{2,40}/[\w.'’ -]{2,40}$")
# Promotions, legal footers and player chrome.  Literal phrases are tested with ``in`` on the
# lower-cased line (fast); the few phrases with a variable middle go through one regex.
PROMO_PHRASES = (
    "independently selected", "we may earn", "we may receive", "affiliate link", "affiliate commission",
    "earn a commission", "earn commission", "sign up for", "sign up to", "newsletter", "subscribe now",
    "subscribe today", "subscribe to", "to your inbox", "click here", "tap here", "©", "all rights reserved",
    "privacy policy", "terms of use", "terms of service", "cookie policy", "cookie settings", "we use cookies",
    "this material may not be published", "javascript", "your browser", "ad blocker", "follow us on",
    "image copyright", "image caption", "media playback", "media caption", "flash player", "click for more",
    "log in to comment", "join the conversation", "has been updated", "this article was originally",
    "we're sorry", "were sorry", "something went wrong", "video below", "video above", "photos below",
    "photo below", "photos above", "gallery below", "clip below", "clip above", "replay more videos",
)
PROMO_PATTERN = re.compile(
    r"""\(c\)\ \d{4}|copyright\ \d{4}|get\ the\ latest\ .*\ (?:app|alerts)|
    ^follow\ [\w@.\ ]{1,40}\ on\ (?:twitter|facebook|instagram)|download\ (?:our|the)\ [\w\ ]{0,30}app\b|
    stay\ with\ [\w\ ]{0,30}for\ (?:updates|more)|^tags?\b|^topics?:|^filed\ under""",
    re.VERBOSE,
)
PATTERN_HINTS = ("(c)", "copyright", "latest", "follow", "download", "stay with", "tag", "topic", "filed")
SPEECH = re.compile(r"\b(?:said|says|told|tells|according to)\b", re.IGNORECASE)
BYLINE = re.compile(r"^by\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,4}\s*(?:\||,.*)?$", re.IGNORECASE)
TIMESTAMP = re.compile(
    r"^(?:(?:published|updated|posted)\b.*|\d{1,2}:\d{2}\s*[ap]\.?m\.?.*|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\w+\.?\s+\d{1,2},?\s+\d{4}.*)$",
    re.IGNORECASE,
)

_CREDITS = r"""(?:[\w.'-]+\s*/\s*)*(?:getty(?:\ images)?|ap(?:\ photo)?|afp|reuters|pa|epa|bbc|istock|alamy|
    associated\ press|shutterstock|thinkstock|science\ photo\ library)"""
_WIRES = r"(?:ap|reuters(?:\ health)?|afp|upi|cnn|dpa|xinhua|efe|ansa|ians|pti)"


def _place(word: str) -> str:
    """A dateline's place (maybe after a byline) of ``word``s: "St. Paul, Minn.", "Kabul, Afghanistan".
    A period only in "St." or a final abbreviation, so the end of the sentence before never joins it."""
    return rf"(?=[^\n()]{{0,45}}\()(?:st\.\ )?{word}(?:\ {word}){{0,6}}(?:,\ {word}(?:\ {word}){{0,3}})*(?:,\ (?:[a-z]{{2,5}}|[a-z]\.[a-z])\.)?\s*"


#: a word of a place or byline starts with a letter: a date's digits stay ("Beijing, Dec. 9 (UPI) --")
_WORD = r"[^\W\d_][\w'&-]*"
#: CNN's dateline has no dash, so its place is only words that can name a place: not "He told (CNN)"
_PLACE_WORD = r"(?!(?:{})\b)".format(
    "|".join(sorted(map(re.escape, STOPWORDS | {"said", "says", "told", "tells", "reported", "reports", "according"}), key=len, reverse=True))
) + _WORD
#: furniture a paragraph or sentence never opens with in reporting, each with the space after it
_TAGS = rf"""(?:(?:photo\s+)?advertisement(?:\s+continue\ reading\ the\ main\ story|\s*[-:](?:\s*(?:article\ continues\ below\s*»?|continue\ reading\ below))?)?|story\ highlights|
    media\ playback\ is\ unsupported\ on\ your\ device|(?:image|media)\ caption|
    image\ copyright\s+(?:(?:[^.!?\s]|\.(?=\S))+\s+){{1,6}}?image\ caption|(?:image\ copyright|photo:)\s+{_CREDITS}|
    file(?:\ photo)?\s*(?:[-–—]+|:))\s+"""
#: a wire dateline with its place: "PORTLAND, Ore. (AP) —", "By Ana Ruiz CAIRO (Reuters) -", "(AP)"
_DATELINES = rf"""(?:(?:{_place(_WORD)})?\(\s*{_WIRES}\s*\)\s*(?:[-—–]+|:)|(?:{_place(_PLACE_WORD)})?\(\s*cnn\s*\)|\(\s*{_WIRES}\s*\))\s+"""


def _glued(furniture: str) -> re.Pattern[str]:
    """``furniture`` at the start of a line or after a sentence's end, repeated ("Advertisement
    advertisement"); group ``start`` is what stays, and real text must follow.  The period of a
    state after a comma ends no sentence: "BURNS, Ore. (AP) --" keeps its place or loses it whole."""
    return re.compile(
        rf"""(?P<start>^[ \t]*|[.!?…](?<!,\ [a-z]{{2}}\.)(?<!,\ [a-z]{{3}}\.)(?<!,\ [a-z]{{4}}\.)(?<!,\ [a-z]{{5}}\.)
        (?<!,\ [a-z]\.[a-z]\.)(?:[ \t]?[\"'”’)\]])*[ \t]+)(?:{furniture})+(?=[\w"“‘'(\[])""",
        re.IGNORECASE | re.VERBOSE | re.MULTILINE,
    )


#: trying a dateline's place at every sentence start is slow, so only text with a wire's tag
#: (WIRE) gets GLUED; other text gets TAGGED when it holds one of TAG_WORDS, words every tag has
TAGGED = _glued(_TAGS)
GLUED = _glued(f"{_TAGS}|{_DATELINES}")
WIRE = re.compile(rf"\(\s*{_WIRES}\s*\)", re.IGNORECASE | re.VERBOSE)
TAG_WORDS = ("advertisement", "story highlights", "media playback", "caption", "copyright", "photo:", "file")

#: furniture wherever it is, with the space before it: a bracketed photo credit ("(AP
#: Photo/Ana Ruiz)", "(Photo: Getty Images)"), NPR's "enlarge this image toggle caption" with
#: its credit written twice, a video player's "Play Facebook Twitter Embed" with its title and
#: running time
CHROME = re.compile(
    r"""[ \t]*(?:\(\s*(?:associated\ press|ap\ photo|(?:ap\ )?photos?(?:\ credit)?\s*[:/][^()\n]{1,80}|photo\ by\ [^()\n]{1,80})\s*\)|
    enlarge\ this\ image(?=\s)|i?toggle\ caption\s+(?P<credit>[^\s()][^\n]{0,80}?)\s+(?P=credit)(?=\s)|
    play\ facebook\ twitter\ (?:google\ plus\ )?embed\s+[^.!?\n]{0,150}?\d{1,2}:\ ?\d{2}(?=\s))""",
    re.IGNORECASE | re.VERBOSE,
)
#: what every match of CHROME holds: a bracketed credit's opening or one of CHROME_WORDS
BRACKETED_CREDIT = re.compile(r"\(\s*(?:associated\ press|(?:ap\ )?photo)", re.IGNORECASE | re.VERBOSE)
CHROME_WORDS = ("enlarge this image", "toggle caption", "embed")


@dataclass(frozen=True, slots=True)
class _Promotions:
    """The promo phrases and pattern hints found in the lines of one text.

    A line can only hold a phrase that its text holds, so the text is scanned once and each
    line is tested against the few phrases found there instead of all of them: the phrase
    test was most of the time spent cleaning.
    """

    phrases: tuple[str, ...]
    hints: tuple[str, ...]

    @classmethod
    def found_in(cls, lowered: str) -> _Promotions:
        return cls(
            tuple(phrase for phrase in PROMO_PHRASES if phrase in lowered),
            tuple(hint for hint in PATTERN_HINTS if hint in lowered),
        )

    def match(self, lowered: str) -> bool:
        if any(phrase in lowered for phrase in self.phrases):
            return True
        return any(hint in lowered for hint in self.hints) and PROMO_PATTERN.search(lowered) is not None


HAS_ALNUM = re.compile(r"[^\W_]")  # one character for which str.isalnum() holds
#: lines this long are prose, whatever phrases they hold
PROMO_WORDS = 60


def is_boilerplate(line: str, first: bool = False) -> bool:
    """Judge one line on its own.  ``first`` marks the document's first content line (a headline)."""
    return _judge_lines([line], headline=first)[0]


def _judge_lines(lines: Sequence[str], headline: bool) -> list[bool]:
    """Judge the lines of one text, the first one as its headline if ``headline``.

    Promotions are looked for once, in all the lines short enough to be tested for them.
    """
    texts = [BULLET.sub("", line).strip() for line in lines]
    counts = [count_words(text) for text in texts]
    lowered = [text.lower() if words < PROMO_WORDS else "" for text, words in zip(texts, counts)]
    promotions = _Promotions.found_in("\n".join(lowered))
    return [
        _judge(line, text, words, line_lowered, headline and index == 0, promotions)
        for index, (line, text, words, line_lowered) in enumerate(zip(lines, texts, counts, lowered))
    ]


def _judge(line: str, text: str, words: int, lowered: str, first: bool, promotions: _Promotions) -> bool:
    """Judge ``line``: ``text`` is it without bullets and outer spaces, ``words`` its word count
    and ``lowered`` its lower case (empty when too long to be a promotion)."""
    if HAS_ALNUM.search(line) is None:
        return bool(line.strip())
    sentence = ends_like_sentence(text) and words >= 3
    if lowered and promotions.match(lowered):
        return True
    if UI_WORDS.match(text) or RAIL.match(text) or TIMESTAMP.match(text) and words < 12:
        return True
    if sentence:
        return False
    if words <= 14 and (CREDIT.match(text) or SLASH_CREDIT.match(text) or BYLINE.match(text)):
        return True
    # Past the headline, a short line that does not end like a sentence is a rail item,
    # a caption, a gallery title or a subheading: none of it is reporting to summarize.
    # Prose that lost its final period keeps its reporting verb or introduces a list.
    if first or words > 25 or text.endswith(":") or SPEECH.search(text):
        return False
    return True


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends with . ! ? or …, maybe followed by closing quotes or brackets.

    String methods rather than a regular expression searched through the whole line; a final
    newline is ignored, as ``$`` would.
    """
    body = (text[:-1] if text.endswith("\n") else text).rstrip(CLOSING_MARKS)
    return body[-1:] != "" and body[-1] in SENTENCE_MARKS


def boilerplate_lines(text: str, repeated: frozenset[str] = frozenset()) -> set[int]:
    """Indices into ``text.split("\\n")`` of the lines judged boilerplate."""
    lines = text.split("\n")
    content = [index for index, line in enumerate(lines) if line.strip()]
    verdicts = _judge_lines([lines[index] for index in content], headline=True)
    return {index for index, boilerplate in zip(content, verdicts) if boilerplate or repeated and _key(lines[index]) in repeated}


def clean(text: str, repeated: frozenset[str] = frozenset()) -> str:
    """Return ``text`` without its boilerplate lines and the furniture glued to the starts of the
    others, paragraphs kept on their own lines."""
    lines = text.split("\n")
    dropped = boilerplate_lines(text, repeated)
    kept = (unglued(line).strip() for index, line in enumerate(lines) if index not in dropped)
    return "\n".join(line for line in kept if line)


def unglued(text: str) -> str:
    """``text`` without the page furniture glued to the starts of its paragraphs and sentences
    and the credits and player chrome that are furniture wherever they are.

    The patterns run only on text that holds one of their words (a substring test is a
    hundred times faster than trying them at every sentence start), so clean text costs little.
    """
    lowered = text.lower()
    if BRACKETED_CREDIT.search(text) or any(word in lowered for word in CHROME_WORDS):
        text = CHROME.sub("", text)
    if WIRE.search(text):
        return GLUED.sub(r"\g<start>", text)
    if any(word in lowered for word in TAG_WORDS):
        return TAGGED.sub(r"\g<start>", text)
    return text


def repeated_lines(documents: Sequence[Document]) -> frozenset[str]:
    """Lines one outlet repeats in several of its documents: templates, not reporting."""
    outlets = Counter(document.outlet for document in documents)
    counts: Counter[tuple[str, str]] = Counter()
    for document in documents:
        if not document.outlet or outlets[document.outlet] < 2:  # nothing of its own to repeat
            continue
        keys = {_key(line) for line in document.text.split("\n") if line.strip()}
        counts.update((document.outlet, key) for key in keys)
    return frozenset(key for (_, key), count in counts.items() if count > 1)


def clean_documents(documents: Sequence[Document]) -> list[Document]:
    """Clean every document, using the cluster to spot an outlet's repeated template lines."""
    repeated = repeated_lines(documents)
    return [replace(document, text=clean(document.text, repeated)) for document in documents]


def _key(line: str) -> str:
    return " ".join(BULLET.sub("", line).lower().split())
