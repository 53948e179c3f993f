import datetime as dt
import gzip
import json

import numpy as np

from newsfuse.model import Document
from newsfuse.stories import StoryAssigner, featurize
from newsfuse.stories.junk import JunkTable, learn, load_junk

from test_stories_assign import BATTERY, BATTERY_OTHER, FLOOD, FLOOD_OTHER

# An invented scraper leftover: the same page text whatever story linked to it.
LEFTOVER = (
    "This collection gathers pages saved by volunteers of the open shelf project during the spring "
    "survey of municipal websites, kept for researchers who study how town halls publish notices."
)


def document(text: str, day: int = 1) -> Document:
    return Document(text=text, date=dt.date(2025, 3, day))


def test_pages_recurring_across_unrelated_clusters_are_learned() -> None:
    clusters = [[FLOOD, LEFTOVER], [BATTERY, LEFTOVER + " Thanks."], [FLOOD_OTHER], [BATTERY_OTHER, LEFTOVER]]
    table = learn(clusters)
    assert len(table) == 1
    assert table.matches(featurize(document(LEFTOVER)).signature)
    assert not table.matches(featurize(document(FLOOD)).signature)
    assert len(learn(clusters, min_clusters=4)) == 0
    shipped = load_junk()
    restored = JunkTable(np.asarray(json.loads(gzip.decompress(table.to_json()))["signatures"]))
    assert np.array_equal(restored.signatures, table.signatures)
    assert 0 < len(shipped) < 1000 and not shipped.matches(featurize(document(FLOOD)).signature)


def test_content_free_pages_neither_join_nor_merge_stories() -> None:
    table = learn([[LEFTOVER], [LEFTOVER], [LEFTOVER]])
    assigner = StoryAssigner(junk=table)
    flood = assigner.assign(document(FLOOD), key=1)
    leftover = assigner.assign(document(LEFTOVER), key=2)
    battery = assigner.assign(document(BATTERY), key=3)
    again = assigner.assign(document(LEFTOVER + " Sorry."), key=4)
    short = assigner.assign(document("Flood in Tarrow."), key=5)
    assert not (leftover.content or again.content or short.content)
    assert len({flood.story, leftover.story, battery.story, again.story, short.story}) == 5
    assert again.duplicate_of is None and assigner.open_stories == 2
    assert assigner.assign(document(FLOOD_OTHER), key=6).story == flood.story
