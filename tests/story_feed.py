"""Generated article feeds for the story tests: invented words, so nothing is copied from anywhere."""

from __future__ import annotations

import datetime as dt
import random

FILLER = """the city council said on tuesday that officials would meet again next week after
residents asked for more time while the plan was discussed and the report was released to
reporters who had waited since morning for news about what happened""".split()


def pseudo_word(rng: random.Random) -> str:
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))


def make_feed(stories: int, per_story: int, seed: int = 0, start: dt.date = dt.date(2025, 1, 1)) -> list[dict]:
    """Article records (JSONL-ready) for ``stories`` invented events, each told by several outlets."""
    rng = random.Random(seed)
    records = []
    for story in range(stories):
        topic = [pseudo_word(rng) for _ in range(12)]
        day = start + dt.timedelta(days=story // 10)
        for number in range(per_story):
            sentences = []
            for _ in range(5):
                chosen = rng.sample(topic, 4) + rng.sample(FILLER, 6)
                rng.shuffle(chosen)
                sentences.append(" ".join(chosen).capitalize() + ".")
            records.append({
                "id": f"s{story}-{number}",
                "source": f"outlet {number}",
                "title": " ".join(rng.sample(topic, 3)).title(),
                "date": day.isoformat(),
                "text": " ".join(sentences),
                "story": story,
            })
    return records
