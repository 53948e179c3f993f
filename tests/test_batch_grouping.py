import datetime as dt
import json
from pathlib import Path

from newsfuse.batch import grouping
from newsfuse.batch.stages import ARTICLE, Settings, record, window

ARTICLES = Path(__file__).parent / "data" / "batch" / "articles.jsonl"


def keyless_articles():
    settings = Settings(ARTICLES.name, 60, "centroid")
    staged = [record(settings, position, line) for position, line in enumerate(ARTICLES.read_text().splitlines())]
    return [item for item in staged if item.kind == ARTICLE and not item.story]


def ids(items, positions):
    by_position = {item.position: json.loads(item.row)["id"] for item in items}
    return {by_position[position] for position in positions}


def test_wire_copy_is_linked_to_the_original_and_nothing_else() -> None:
    items = keyless_articles()
    edges = grouping.duplicate_edges(grouping.Keyed(item.window, item.position, item.signature, item.bands) for item in items)
    assert [(ids(items, [edge.position]), ids(items, [edge.head])) for edge in edges] == [({"fire-wire"}, {"fire-herald"})]


def test_stories_per_window_with_copies_joining_their_original() -> None:
    items = keyless_articles()
    edges = [(edge.position, edge.head) for edge in grouping.duplicate_edges(
        grouping.Keyed(item.window, item.position, item.signature, item.bands) for item in items)]
    march = [item for item in items if item.window == items[0].window]
    stories = window(((item.position, item.row) for item in march), edges)
    groups: dict[str, set[str]] = {}
    for position, story in stories.items():
        groups.setdefault(story, set()).update(ids(items, [position]))
    assert groups == {
        "story-fire-herald": {"fire-herald", "fire-wire", "fire-gazette", "fire-times"},
        "story-tram-courier": {"tram-courier", "tram-daily"},
    }


def test_components_follow_chains_to_the_first_article() -> None:
    assert grouping.representatives([1, 2, 3, 4, 5], [(3, 2), (2, 1), (5, 4)]) == {1: 1, 2: 1, 3: 1, 4: 4, 5: 4}


def test_windows_and_bands() -> None:
    day = dt.date(2025, 3, 4)
    assert grouping.window_of(day, 1) != grouping.window_of(day + dt.timedelta(days=1), 1)
    assert grouping.window_of(None) == grouping.UNDATED
    values = grouping.signature("one two three four five six seven eight nine ten eleven twelve thirteen")
    assert grouping.band_keys(values) == grouping.band_keys(list(values))
    assert len(set(grouping.band_keys(values))) == grouping.BANDS
    assert grouping.signature("too short") == [] and grouping.band_keys([]) == []
