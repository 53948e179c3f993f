import datetime as dt

import pytest

from newsfuse.facts.dates import find

MONDAY = dt.date(2021, 3, 15)  # a Monday


def values(text: str, published: dt.date | None = MONDAY) -> list[tuple[str, str | None]]:
    return [(item.text, item.value) for item in find(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank Sunday.", [("Sunday", "2021-03-14")]),
        ("The council met on Monday.", [("Monday", "2021-03-15")]),
        ("The council will meet on Monday.", [("Monday", "2021-03-15")]),
        ("The council will meet Friday.", [("Friday", "2021-03-19")]),
        ("The vote is next Monday.", [("next Monday", "2021-03-22")]),
        ("The vote was last Monday.", [("last Monday", "2021-03-08")]),
        ("It rained on Thursday night.", [("Thursday night", "2021-03-11")]),
        ("Yesterday the bridge reopened.", [("Yesterday", "2021-03-14")]),
        ("Crews worked through last night.", [("last night", "2021-03-14")]),
        ("Tomorrow the school opens.", [("Tomorrow", "2021-03-16")]),
        ("Talks broke down last week.", [("last week", "2021-W10")]),
        ("Results come next month.", [("next month", "2021-04")]),
        ("Sales fell last year.", [("last year", "2020")]),
        ("The plant closed two weeks ago.", [("two weeks ago", "2021-W09")]),
        ("The plant closed three days ago.", [("three days ago", "2021-03-12")]),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_month_and_day_take_the_nearest_past_year_in_past_tense() -> None:
    assert values("The permit was filed on Dec. 28.") == [("Dec. 28", "2020-12-28")]
    assert values("The permit was filed on March 2.") == [("March 2", "2021-03-02")]


def test_month_and_day_in_future_tense_look_ahead() -> None:
    assert values("The hearing will be held Jan. 5.") == [("Jan. 5", "2022-01-05")]


def test_year_boundary_for_last_week() -> None:
    assert values("It happened last week.", dt.date(2021, 1, 4)) == [("last week", "2020-W53")]


def test_weeks_written_on_a_sunday_count_from_the_coming_monday() -> None:
    sunday, saturday = dt.date(2026, 11, 15), dt.date(2026, 11, 14)
    assert values("Crews inspected it last week.", sunday) == [("last week", "2026-W46")]
    assert values("The council meets this week.", sunday) == [("this week", "2026-W47")]
    assert values("Crews inspected it last week.", saturday) == [("last week", "2026-W45")]
    assert values("Crowds came last weekend.", sunday) == [("last weekend", "2026-W45-WE")]


def test_absolute_dates_need_no_publication_date() -> None:
    assert values("The bridge opened in 1968 and was rebuilt on 4 June 1999.", None) == [("1968", "1968"), ("4 June 1999", "1999-06-04")]
    assert values("Filed November 2019.", None) == [("November 2019", "2019-11")]


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    assert values("The ferry sank Sunday, a day after the storm of Nov. 19.", None) == [("Sunday", None), ("Nov. 19", None)]


def test_the_verb_may_and_invalid_days_are_not_dates() -> None:
    assert values("Officials may reopen the road.") == []
    assert values("The order is dated Feb. 30.") == [("Feb. 30", None)]


def test_reported_future_weekday_resolves_forward() -> None:
    import datetime as dt

    from newsfuse.facts.dates import find

    (expression,) = find("She said she would ask at Thursday's hearing why the repair waited.", dt.date(2026, 11, 17))
    assert expression.date == dt.date(2026, 11, 19)
