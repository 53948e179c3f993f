"""B-cubed precision, recall and F1: how well predicted stories match gold stories.

B-cubed scores every article (Bagga & Baldwin, 1998): precision is the share of its predicted
story that truly belongs with it, recall the share of its gold story found with it.  Unlike
pairwise scores it does not let one huge story dominate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> BCubed:
    """Average per-article precision and recall of a labelling against the gold one."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold labels differ in length")
    if not gold:
        return BCubed(1.0, 1.0)
    both = Counter(zip(predicted, gold))
    sizes_predicted = Counter(predicted)
    sizes_gold = Counter(gold)
    precision = sum(count * count / sizes_predicted[p] for (p, _), count in both.items()) / len(gold)
    recall = sum(count * count / sizes_gold[g] for (_, g), count in both.items()) / len(gold)
    return BCubed(precision, recall)
