"""A LightGBM regression forest evaluated with array operations, the way QuickScorer does it.

``Booster.predict`` walks each of the shipped model's 300 trees for every sentence, one node
at a time.  QuickScorer (Lucchese et al., SIGIR 2015) turns the walk around.  A tree's leaves,
numbered left to right, are the bits of a mask; failing a split (the value goes right) rules
out the leaves of its left subtree, and the exit leaf is the lowest bit left standing.  With
each feature's split thresholds sorted, one binary search per feature tells how many of its
splits a sentence fails, and an AND precomputed for every such count gives the mask those
failures leave in every tree.  On a long cluster this is two to three times faster than
``Booster.predict``.

The trees are read from the model's own text format, and leaf values are added tree after
tree as LightGBM adds them, so predictions equal ``Booster.predict`` (tests check it on random
input and at every threshold).  A model this does not cover (categorical splits, missing-value
branches, linear leaves, outputs other than the sum of the trees, more than 64 leaves) raises
:class:`UnsupportedModel`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: LightGBM reads an input value this close to zero as zero (``kZeroThreshold``, a C float)
ZERO = float(np.float32(1e-35))
#: objectives whose prediction is the plain sum of the trees
IDENTITY_OBJECTIVES = frozenset(
    "regression regression_l1 huber fair quantile mape lambdarank rank_xendcg".split()
)
#: decision_type bits: 1 = categorical split, 12 = missing values get a branch of their own
SPECIAL_SPLITS = 1 | 12
MASK_TYPES = tuple(np.dtype(name) for name in ("u1", "u2", "u4", "u8"))


class UnsupportedModel(ValueError):
    """The model uses a LightGBM feature the array evaluation does not reproduce."""


@dataclass(frozen=True, slots=True)
class _Feature:
    """One feature's splits, by threshold, and the masks that failing the first k of them leaves."""

    column: int
    thresholds: np.ndarray  # (splits,) ascending
    masks: np.ndarray  # (splits + 1, trees)


@dataclass(frozen=True, slots=True)
class Forest:
    features: tuple[_Feature, ...]
    leaf_values: np.ndarray  # (trees, most leaves), each tree's leaves left to right
    full: np.ndarray  # the mask with a bit for every leaf

    @classmethod
    def parse(cls, model: str) -> Forest:
        """The forest of a LightGBM text model (``Booster.model_to_string()``)."""
        header, trees = _sections(model)
        name, *options = header.get("objective", "?").split()
        if name not in IDENTITY_OBJECTIVES or options or "average_output" in header or header.get("num_tree_per_iteration") != "1":
            raise UnsupportedModel(f"objective {header.get('objective')!r}: predictions are not the sum of the trees")
        flattened = [_flatten(tree) for tree in trees]
        width = max((len(values) for _, values in flattened), default=1)
        dtype = next((dtype for dtype in MASK_TYPES if width <= 8 * dtype.itemsize), None)
        if dtype is None:
            raise UnsupportedModel(f"trees with {width} leaves (at most 64)")
        full = np.array(np.iinfo(dtype).max, dtype=dtype)
        leaf_values = np.zeros((len(trees), width))
        splits: dict[int, list[tuple[float, int, int]]] = {}
        for tree, (nodes, values) in enumerate(flattened):
            leaf_values[tree, : len(values)] = values
            for column, threshold, left_leaves in nodes:
                splits.setdefault(column, []).append((threshold, tree, left_leaves))
        features = []
        for column, found in sorted(splits.items()):
            found.sort(key=lambda split: split[0])
            failing = np.full((len(found) + 1, len(trees)), full)
            failing[np.arange(1, len(found) + 1), [tree for _, tree, _ in found]] = [~left & int(full) for _, _, left in found]
            thresholds = np.array([threshold for threshold, _, _ in found])
            features.append(_Feature(column, thresholds, np.bitwise_and.accumulate(failing, axis=0)))
        return cls(tuple(features), leaf_values, full)

    def predict(self, matrix: np.ndarray, table: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
        """One prediction per row of ``matrix`` (rows of feature values, in the model's order).

        Given ``table``, the features after ``matrix``'s own columns are those of ``table[rows]``:
        rows that share a row of a smaller table (concepts sharing a carrier sentence) have its
        splits evaluated once, not once each.
        """
        values = _cleaned(matrix)
        exits = np.full((len(values), len(self.leaf_values)), self.full)
        shared = _cleaned(table if table is not None else np.zeros((0, 0)))
        shared_exits = np.full((len(shared), len(self.leaf_values)), self.full)
        width = values.shape[1]
        # ``take`` gathers whole rows of masks faster than fancy indexing does
        for feature in self.features:
            if feature.column < width:
                exits &= feature.masks.take(feature.thresholds.searchsorted(values[:, feature.column]), axis=0)
            else:
                shared_exits &= feature.masks.take(feature.thresholds.searchsorted(shared[:, feature.column - width]), axis=0)
        if table is not None:
            exits &= shared_exits.take(rows, axis=0)
        lowest = exits & np.negative(exits)  # the lowest set bit (the exit leaf) ...
        lowest -= 1  # ... and the bits below it: as many as the leaf's index
        # (trees, rows), contiguous: each row's sum runs tree after tree, as LightGBM's does
        chosen = np.bitwise_count(lowest).T.astype(np.intp, order="C")
        chosen += self.leaf_values.shape[1] * np.arange(len(self.leaf_values))[:, None]
        return self.leaf_values.take(chosen).sum(axis=0)


def _cleaned(matrix: np.ndarray) -> np.ndarray:
    """Feature values as LightGBM reads them: NaN and values this close to zero are zero."""
    values = np.asarray(matrix, dtype=np.float64)
    return np.where(np.isnan(values) | (np.abs(values) <= ZERO), 0.0, values)


def _sections(model: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The model's header fields and each tree's fields, as text."""
    header: dict[str, str] = {}
    trees: list[dict[str, str]] = []
    current = header
    for line in model.splitlines():
        if line == "end of trees":
            break
        if line.startswith("Tree="):
            current = {}
            trees.append(current)
        key, _, value = line.partition("=")
        current[key] = value
    return header, trees


def _flatten(tree: dict[str, str]) -> tuple[list[tuple[int, float, int]], list[float]]:
    """A tree's splits as (feature, threshold, mask of the leaves to its left), and its leaf
    values with leaves numbered left to right."""
    values = [float(value) for value in tree["leaf_value"].split()]
    if tree["num_leaves"] == "1":
        return [], values
    if tree.get("is_linear", "0") != "0":
        raise UnsupportedModel("linear trees")
    decisions = [int(value) for value in tree["decision_type"].split()]
    if any(decision & SPECIAL_SPLITS for decision in decisions):
        raise UnsupportedModel("categorical splits or missing-value branches")
    features = [int(value) for value in tree["split_feature"].split()]
    thresholds = [float(value) for value in tree["threshold"].split()]
    children = [[int(value) for value in tree[side].split()] for side in ("left_child", "right_child")]
    nodes: list[tuple[int, float, int]] = []
    order: list[int] = []

    def visit(node: int) -> int:
        if node < 0:  # leaf ~node
            order.append(~node)
            return 1 << (len(order) - 1)
        left = visit(children[0][node])
        nodes.append((features[node], thresholds[node], left))
        return left | visit(children[1][node])

    visit(0)
    return nodes, [values[leaf] for leaf in order]
