"""Date and time expressions, normalized against the article's publication date.

News writes relative dates ("Sunday", "last week", "yesterday") that only mean something
against the day the article appeared.  Each expression becomes an ISO 8601 value at the
precision the text gives: a day (``2017-11-19``), an ISO week (``2017-W46``), a month
(``2017-11``) or a year (``2017``).  A bare weekday is the most recent one on or before the
publication day, unless the sentence speaks of the future ("will", "next", "this Sunday");
a month and day without a year take the nearest year on the side the tense points to.
Without a publication date, relative expressions keep ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": None}
MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("numeric", re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")),
    ("month_day", re.compile(MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + YEAR + r"\b)?")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"(?:,?\s+" + YEAR + r"\b)?")),
    ("month_year", re.compile(r"\b" + MONTH + r",?\s+" + YEAR + r"\b")),
    ("weekday", re.compile(r"(?i:\b(?P<which>last|next|this|on|early|late)\s+)?\b" + WEEKDAY + PART + r"\b")),
    ("relative_day", re.compile(r"(?i)\b(?P<word>today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b")),
    ("relative_span", re.compile(r"\b(?P<which>(?i:last|next|this|earlier this|later this|past))\s+(?P<unit>week|weekend|month|year)\b")),
    ("ago", re.compile(r"(?i)\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|from now)\b")),
    ("month", re.compile(r"\b(?i:in|since|until|by|during|early|late|mid-?|last|this|next)\s+" + MONTH.replace("(?P<month>", "(?P<month>(?-i:") + r")\b(?!\s+\d)")),
    ("year", re.compile(r"\b(?i:in|since|until|by|during|from|of|early|late|mid-?|through|before|after|spring|summer|fall|autumn|winter)\s+" + YEAR + r"\b")),
]
ANY_DATE = re.compile(
    r"\d|(?i:today|tonight|yesterday|tomorrow|night|week|month|year|day)|"
    r"\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)"
)  # a cheap test that skips the many sentences without any date
FUTURE = re.compile(r"(?i)\b(?:will|would|'ll|’ll|next|upcoming|scheduled|plans?|planning|set to|is to|are to|going to|expected to|due)\b")


@dataclass(slots=True, frozen=True)
class DateExpression:
    """A date expression at ``start:end`` of the text it was found in, and its meaning."""

    start: int
    end: int
    text: str
    value: str | None
    date: dt.date | None


def find(text: str, published: dt.date | None = None) -> list[DateExpression]:
    """Date expressions of one sentence, normalized against ``published`` when it is known."""
    if not ANY_DATE.search(text):
        return []
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    future = bool(FUTURE.search(text))
    for name, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < right and left < end for left, right in taken):
                continue
            value, date = _normalize(name, match, published, future)
            if name in ("month", "year") and value is None:
                continue
            if name in ("month", "year") or name == "weekday" and (match.group("which") or "").lower() == "on":
                start = match.start({"month": "month", "year": "year"}.get(name, "weekday"))
            taken.append((match.start(), end))
            found.append(DateExpression(start, end, text[start:end], value, date))
    found.sort(key=lambda item: item.start)
    return found


def _normalize(name: str, match: re.Match[str], published: dt.date | None, future: bool) -> tuple[str | None, dt.date | None]:
    try:
        return _meaning(name, match, published, future)
    except ValueError:
        return None, None


def _month(match: re.Match[str]) -> int:
    return MONTHS[match.group("month")[:3].lower()]


def _day_value(day: dt.date) -> tuple[str, dt.date]:
    return day.isoformat(), day


def _meaning(name: str, match: re.Match[str], published: dt.date | None, future: bool) -> tuple[str | None, dt.date | None]:
    groups = match.groupdict()
    if name in ("iso", "numeric"):
        return _day_value(dt.date(int(groups["year"]), int(groups["m"]), int(groups["d"])))
    if name in ("month_day", "day_month"):
        month, day = _month(match), int(groups["day"])
        if groups.get("year"):
            return _day_value(dt.date(int(groups["year"]), month, day))
        if published is None:
            return None, None
        return _day_value(_nearest_year(published, month, day, future))
    if name == "month_year":
        first = dt.date(int(groups["year"]), _month(match), 1)
        return first.strftime("%Y-%m"), first
    if name == "year":
        year = int(groups["year"])
        return str(year), dt.date(year, 1, 1)
    if published is None:
        return None, None
    if name == "month":
        month = _month(match)
        which = match.group().split()[0].lower()
        year = published.year + (1 if which == "next" else -1 if which == "last" else 0)
        if which not in ("next", "last", "this") and month > published.month and not future:
            year -= 1
        first = dt.date(year, month, 1)
        return first.strftime("%Y-%m"), first
    if name == "weekday":
        return _day_value(_weekday(published, WEEKDAYS.index(groups["weekday"].lower()), (groups["which"] or "").lower(), future))
    if name == "relative_day":
        word = groups["word"].lower()
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return _day_value(published + dt.timedelta(days=shift))
    if name == "relative_span":
        which = groups["which"].lower()
        shift = {"last": -1, "past": -1, "next": 1}.get(which, 0)
        return _span(published, groups["unit"].lower(), shift)
    count = NUMBERS.get(groups["count"].lower()) if not groups["count"].isdigit() else int(groups["count"])
    if count is None:
        return None, None
    sign = 1 if groups["dir"].lower() in ("later", "from now") else -1
    unit = groups["unit"].lower()
    if unit == "day":
        return _day_value(published + dt.timedelta(days=sign * count))
    if unit == "week":
        return _span(published + dt.timedelta(weeks=sign * count), "week", 0)
    if unit == "month":
        return _span(published, "month", sign * count)
    return _span(published, "year", sign * count)


def _nearest_year(published: dt.date, month: int, day: int, future: bool) -> dt.date:
    """The year that puts the day nearest the publication day, on the side the tense says."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    slack = dt.timedelta(days=7)
    side = [day for day in candidates if (day >= published - slack if future else day <= published + slack)]
    if not side:
        raise ValueError("no such day")
    return min(side, key=lambda candidate: abs((candidate - published).days))


def _weekday(published: dt.date, weekday: int, which: str, future: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if which == "last":
        return published - dt.timedelta(days=back or 7)
    if which == "next":
        return published + dt.timedelta(days=ahead or 7)
    if which == "this" or future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _span(published: dt.date, unit: str, shift: int) -> tuple[str, dt.date]:
    if unit == "week" and published.weekday() == 6:
        # Written on a Sunday, "last week" is the week just ending and "this week" the coming
        # one, as Sunday papers use them: count from the Monday after.
        published += dt.timedelta(days=1)
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        year, week, _ = monday.isocalendar()
        if unit == "weekend":
            saturday = monday + dt.timedelta(days=5)
            return f"{year}-W{week:02d}-WE", saturday
        return f"{year}-W{week:02d}", monday
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        first = dt.date(index // 12, index % 12 + 1, 1)
        return first.strftime("%Y-%m"), first
    year = published.year + shift
    return str(year), dt.date(year, 1, 1)
