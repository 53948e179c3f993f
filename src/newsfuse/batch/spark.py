"""``--engine spark``: the batch stages on PySpark, over Arrow batches.

The plan, for clusters and articles mixed in one input:

* records get their input position (line or row number) and are spread over the cluster;
* ``mapInPandas`` runs the first pass (:func:`stages.record`): clusters are summarized there,
  articles are read and fingerprinted;
* articles without a story: a band join finds near-duplicates (the LSH step, in Spark SQL),
  and a ``cogroup`` by time window runs the story assignment (:func:`stages.window`);
* ``groupBy(story).applyInPandas`` summarizes every story (:func:`stages.story`);
* rows are sorted by (pass, position) and written to a temporary path that is renamed onto
  OUTPUT (Spark writes a directory of part files; :func:`io.read_rows` reads it).

MinHash signatures come from the same Python function on both engines rather than Spark ML's
``MinHashLSH``, whose hash functions could not be reproduced on one machine.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from newsfuse.batch import grouping, io, stages
from newsfuse.batch.local import Counts
from newsfuse.batch.records import summary_schema
from newsfuse.batch.stages import ARTICLE, ERROR, RECORDS, STORIES, Settings

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

MISSING = "install newsfuse[spark] and Java 17 (Debian: openjdk-17-jre-headless)"
DEFAULT_MASTER = "local[2]"
STAGED = "position long, kind string, row string, story string, window int, signature array<long>, bands array<long>"
ROWS = "position long, kind string, row string"
LOCAL = re.compile(r"local(?:\[(\d+|\*)(?:,\d+)?\])?$")


def missing() -> str | None:
    """Why Spark cannot run here (no PySpark, or no Java), or ``None``."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return MISSING
    java_home = os.environ.get("JAVA_HOME", "")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        return MISSING
    return None


def session(master: str | None = None) -> SparkSession:
    """A Spark session whose Python workers run this interpreter (and so see newsfuse).

    Without ``master``, the one spark-submit was given is used (``local[2]`` outside
    spark-submit).  On a local master the workers must use this interpreter; on a cluster, an
    explicit ``PYSPARK_PYTHON`` (set for spark-submit) wins.
    """
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver
    master = master or (None if submitted else DEFAULT_MASTER)
    local = LOCAL.match(master or "")
    if local:
        os.environ["PYSPARK_PYTHON"] = sys.executable
    else:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.appName("newsfuse batch")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    if master:
        builder = builder.master(master)
    if local:
        cores = {None: 1, "*": os.cpu_count() or 1}.get(local[1]) or int(local[1])
        builder = builder.config("spark.sql.shuffle.partitions", str(cores))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark: SparkSession, input: str, output: str, settings: Settings) -> Counts:
    """Summarize every cluster and story of INPUT into OUTPUT (errors beside it)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    staged = _records(spark, input).mapInPandas(_first_pass(settings), STAGED).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        kinds = {(row.kind, row.named) for row in staged.groupBy("kind", (F.col("story") != "").alias("named")).count().collect()}
        finished = staged.where(F.col("kind") != ARTICLE).select(F.lit(RECORDS).alias("phase"), "position", "kind", "row")
        rows = finished
        if (ARTICLE, True) in kinds or (ARTICLE, False) in kinds:
            stories = _stories(staged.where(F.col("kind") == ARTICLE), settings, assign=(ARTICLE, False) in kinds)
            rows = finished.unionByName(stories.select(F.lit(STORIES).alias("phase"), "position", "kind", "row"))
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            ordered = rows.orderBy("phase", "position")
            _write(spark, ordered.where(F.col("kind") != ERROR), output, parquet=io.is_parquet(output))
            _write(spark, ordered.where(F.col("kind") == ERROR), io.errors_path(output), parquet=False)
            counts = {row.kind: row["count"] for row in rows.groupBy("kind").count().collect()}
        finally:
            rows.unpersist()
    finally:
        staged.unpersist()
    return Counts(sum(count for kind, count in counts.items() if kind != ERROR), counts.get(ERROR, 0))


def _records(spark: SparkSession, input: str) -> DataFrame:
    """``(position, value)``: JSON lines as text, Parquet rows turned into JSON text.

    Positions are line (row) numbers from 0, as ``zipWithIndex`` would give, but computed in
    the JVM: rows per input partition are counted once and added up into offsets, so the
    input is not pickled through Python just to be numbered.
    """
    from pyspark.sql import functions as F

    if io.is_parquet(input):
        raw = spark.read.parquet(input).select(F.to_json(F.struct("*")).alias("value"))
    else:
        raw = spark.read.text(input)
    raw = raw.select("value", F.spark_partition_id().alias("part"), F.monotonically_increasing_id().alias("id"))
    sizes = dict(raw.groupBy("part").count().collect())
    offsets, total = [], 0
    for part in range(max(sizes, default=-1) + 1):
        offsets.append(total)
        total += sizes.get(part, 0)
    offset = F.element_at(F.array(*(F.lit(value) for value in offsets or [0])), F.col("part") + 1)
    position = offset + F.col("id") - F.shiftleft(F.col("part").cast("long"), 33)
    records = raw.where(F.trim("value") != "").select(position.alias("position"), "value")
    return records.repartition(spark.sparkContext.defaultParallelism)


def _first_pass(settings: Settings) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    def apply(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        for batch in batches:
            staged = [stages.record(settings, position, value) for position, value in zip(batch["position"].tolist(), batch["value"].tolist(), strict=True)]
            yield pd.DataFrame(staged, columns=stages.Staged._fields)

    return apply


def _stories(articles: DataFrame, settings: Settings, assign: bool) -> DataFrame:
    """Story rows: named stories grouped by their key, the others assigned per window first."""
    from pyspark.sql import functions as F

    stories = articles.where(F.col("story") != "").select(F.lit(False).alias("assigned"), "story", "position", "row")
    if assign:
        keyless = articles.where(F.col("story") == "")
        labels = (
            keyless.select("window", "position", "row").groupBy("window")
            .cogroup(_duplicate_edges(keyless).groupBy("window"))
            .applyInPandas(_assign, "position long, story string")
        )
        assigned = keyless.select("position", "row").join(labels, "position")
        stories = stories.unionByName(assigned.select(F.lit(True).alias("assigned"), "story", "position", "row"))
    return stories.groupBy("assigned", "story").applyInPandas(_story_pass(settings), ROWS)


def _duplicate_edges(keyless: DataFrame) -> DataFrame:
    """:func:`grouping.duplicate_edges` as a band join: (window, position, head).

    Band rows carry no signature (32 bytes each instead of ~550); signatures are joined to the
    few candidate pairs only.

    Columns are re-aliased first: the edges are cogrouped with the articles they came from,
    and Spark refuses to cogroup a plan with itself.
    """
    from pyspark.sql import functions as F

    keyless = keyless.select(*(F.col(name).alias(name) for name in ("window", "position", "signature", "bands")))
    bands = keyless.select("window", "position", F.posexplode("bands").alias("band", "key"))
    heads = (
        bands.groupBy("window", "band", "key").agg(F.min("position").alias("head"), F.count("*").alias("size"))
        .where(F.col("size") > 1).drop("size")
    )
    candidates = bands.join(heads, ["window", "band", "key"]).where(F.col("position") != F.col("head"))
    signatures = keyless.select("position", "signature")
    pairs = candidates.select("window", "position", "head").distinct().join(signatures, "position").join(
        signatures.select(F.col("position").alias("head"), F.col("signature").alias("head_signature")), "head"
    )
    agreeing = F.aggregate(
        F.zip_with("signature", "head_signature", lambda left, right: F.when(left == right, 1).otherwise(0)),
        F.lit(0), lambda total, same: total + same,
    )
    return pairs.where(agreeing >= grouping.AGREE).select("window", "position", "head")


def _assign(articles: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    labels = stages.window(
        zip(articles["position"].tolist(), articles["row"].tolist(), strict=True),
        zip(edges["position"].tolist(), edges["head"].tolist(), strict=True),
    )
    return pd.DataFrame({"position": list(labels), "story": list(labels.values())})


def _story_pass(settings: Settings) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def apply(group: pd.DataFrame) -> pd.DataFrame:
        import pandas as pd

        item = stages.story(settings, group["story"].iloc[0], zip(group["position"].tolist(), group["row"].tolist(), strict=True))
        return pd.DataFrame([(item.position, item.kind, item.row)], columns=["position", "kind", "row"])

    return apply


def _write(spark: SparkSession, rows: DataFrame, output: str, parquet: bool) -> None:
    """Parquet typed like ``Summary.to_dict()`` (parsed from the JSON rows), or the JSON lines."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    with _atomic(spark, output) as temporary:
        if parquet:
            typed = rows.select(F.from_json("row", from_arrow_schema(summary_schema())).alias("summary")).select("summary.*")
            typed.write.parquet(temporary)
        else:
            compression = "gzip" if output.endswith(".gz") else "none"
            rows.select("row").write.option("compression", compression).text(temporary)


@contextlib.contextmanager
def _atomic(spark: SparkSession, target: str) -> Iterator[str]:
    """:func:`io.atomic` through Hadoop's file system API, so HDFS and S3 paths work too."""
    hadoop = spark.sparkContext._jvm.org.apache.hadoop.fs  # type: ignore[union-attr]
    configuration = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[union-attr]
    path = hadoop.Path(target)
    system = path.getFileSystem(configuration)
    path = system.makeQualified(path)
    temporary = hadoop.Path(path.getParent(), f".{path.getName()}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        yield temporary.toString()
        if system.exists(path):
            old = hadoop.Path(path.getParent(), f".{path.getName()}.old-{uuid.uuid4().hex[:8]}")
            system.rename(path, old)
            system.rename(temporary, path)
            system.delete(old, True)
        else:
            system.rename(temporary, path)
    finally:
        system.delete(temporary, True)
