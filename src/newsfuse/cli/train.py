"""``newsfuse train``: rebuild the learned scorer and the concept model (and the IDF table) from Multi-News train files."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer

from newsfuse.cli.app import app, fail, stderr
from newsfuse import prior
from newsfuse.readers import InputError, lines
from newsfuse.training.dataset import WORDS
from newsfuse.model import Cluster
from newsfuse.summarizers.coverage import BIGRAMS_RESOURCE, CONCEPTS_RESOURCE
from newsfuse.summarizers.learned import MODEL_RESOURCE, Learned
from newsfuse.training import concepts as concept_training, dataset, train as training
from newsfuse.vectors import document_frequencies

IDF_MIN_COUNT = 5
CLUSTERS = 8000


@app.command()
def train(
    data: Annotated[list[Path], typer.Option("--data", "-d", help="Multi-News JSONL(.gz) training files; repeat or use a shell glob.")],
    out: Annotated[Path, typer.Option("--out", help=f"Directory to write {MODEL_RESOURCE} and {CONCEPTS_RESOURCE} into.")],
    more: Annotated[list[Path] | None, typer.Argument(help="More training files: what a shell glob after --data expands to.")] = None,
    clusters: Annotated[int, typer.Option(min=1, help="Use the first N clusters (8,000 scored as well on val as 20,000).")] = CLUSTERS,
    rounds: Annotated[int, typer.Option(min=1, help=f"Boosting rounds (the concept model's: at most {concept_training.ROUNDS}).")] = training.ROUNDS,
    seed: Annotated[int, typer.Option(help="Random seed (training is deterministic given it).")] = training.SEED,
    workers: Annotated[int, typer.Option(min=1, max=2, help="Worker processes for labelling.")] = 2,
    words: Annotated[int, typer.Option(min=1, help="Word budget of the oracle summaries used as labels.")] = WORDS,
    idf_out: Annotated[Path | None, typer.Option(help="Also rebuild the IDF table (idf.json.gz) from all documents of --data.")] = None,
) -> None:
    """Train the learned sentence scorer and the concept model on clusters with reference summaries.

    The model is trained on the first --clusters clusters and the summary prior (a feature) is
    counted on the clusters after them, so no training sentence sees its own summary through it.
    Then the concept model (which bigrams reach the reference, for the `concepts` method) is
    trained on the same clusters with the new scorer, and its bigram prior counted like the
    summary prior.  All are written to --out (gzipped LightGBM text files and gzipped JSON
    tables); copy them to src/newsfuse/models/ to ship them.
    """
    data = [*data, *(more or [])]
    missing = [str(path) for path in data if not path.is_file()]
    if missing:
        fail(f"no such training file: {missing[0]}")
    paths = [str(path) for path in data]
    started = time.perf_counter()
    if idf_out is not None:
        try:
            table = document_frequencies(_documents(paths), min_count=IDF_MIN_COUNT)
        except (ValueError, OSError, InputError) as error:
            fail(f"cannot build the IDF table: {error}")
        idf_out.parent.mkdir(parents=True, exist_ok=True)
        idf_out.write_bytes(gzip.compress(json.dumps(table, separators=(",", ":")).encode(), mtime=0))
        stderr.print(f"IDF table of {table['documents']} documents -> {idf_out}", highlight=False)
    counts = _counted(paths, clusters, prior.count)
    stderr.print(f"summary prior of {counts['clusters']} clusters, {len(counts['terms'])} terms", highlight=False)
    try:
        examples = dataset.build(paths, clusters, words=words, workers=workers, prior=prior.SummaryPrior.of(counts))
    except ValueError as error:
        fail(str(error))
    stderr.print(f"{len(examples)} clusters, {len(examples.gains)} sentences labelled", highlight=False)
    booster = training.fit(examples, rounds=rounds, seed=seed, threads=workers)
    try:
        model = training.save(booster, out / MODEL_RESOURCE)
        prior.save(counts, out / prior.PRIOR_RESOURCE)
    except OSError as error:
        fail(f"cannot write the model to {out}: {error.strerror or error}")
    size = model.stat().st_size / 1024
    stderr.print(f"model -> {model} ({size:.0f} KiB) in {time.perf_counter() - started:.0f} s", highlight=False)
    bigrams = _counted(paths, clusters, concept_training.bigram_prior)
    scorer = Learned(booster, prior.SummaryPrior.of(counts))
    try:
        matrix, labels = concept_training.build(paths, clusters, scorer, prior.SummaryPrior.of(bigrams), words=words, workers=workers)
    except ValueError as error:
        fail(str(error))
    concept_model = concept_training.fit(matrix, labels, rounds=min(rounds, concept_training.ROUNDS), seed=seed, threads=workers)
    try:
        written = training.save(concept_model, out / CONCEPTS_RESOURCE)
        prior.save(bigrams, out / BIGRAMS_RESOURCE)
    except OSError as error:
        fail(f"cannot write the concept model to {out}: {error.strerror or error}")
    size = written.stat().st_size / 1024
    stderr.print(
        f"concept model of {len(labels)} bigrams, prior of {len(bigrams['terms'])} bigrams -> {written} ({size:.0f} KiB) "
        f"in {time.perf_counter() - started:.0f} s",
        highlight=False,
    )


def _counted(paths: list[str], clusters: int, count: Callable[[Iterable[Cluster]], dict]) -> dict:
    """A summary prior table counted on the clusters after the first ``clusters``; on a dataset
    too small to leave any, on the training clusters themselves (said on stderr)."""
    try:
        return count(islice(dataset.clusters(paths), clusters, None))
    except ValueError:
        stderr.print("no clusters beyond --clusters: the summary prior is counted on the training clusters", highlight=False)
    try:
        return count(dataset.clusters(paths, clusters))
    except ValueError as error:
        fail(str(error))


def _documents(paths: list[str]) -> Iterator[str]:
    """Every document string of every JSONL cluster, as stored (the shipped table was built so)."""
    for path in paths:
        for line in lines(path):
            documents = json.loads(line).get("documents", []) if line.strip() else []
            yield from (text for text in documents if isinstance(text, str))
