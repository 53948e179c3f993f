"""``newsfuse facts``: quotes, entities, timeline, corroboration and conflicts of one cluster."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from newsfuse import summarizers
from newsfuse.cli.app import app, fail, write
from newsfuse.cli.summarize import Format, Words
from newsfuse.facts import extract
from newsfuse.facts.render import to_text
from newsfuse.pipeline import prepare
from newsfuse.readers import FORMATS, InputError, read_cluster
from newsfuse.selection import DEFAULT_WORDS


class FactsOutput(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Article files or a directory (one cluster), or - for stdin.")],
    words: Words = DEFAULT_WORDS,
    format: Format = "auto",
    output: Annotated[FactsOutput, typer.Option("--output", "-o", help="text, markdown or json.")] = FactsOutput.text,
) -> None:
    """Who said what, when things happened, which outlets back the summary, where they disagree."""
    if format not in FORMATS:
        fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    try:
        cluster = prepare(read_cluster(paths, format))
    except InputError as error:
        fail(str(error))
    summary = summarizers.get(summarizers.DEFAULT_METHOD)(cluster, words)
    found = extract(cluster, summary)
    if output is FactsOutput.json:
        write(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        write(to_text(found, markdown=output is FactsOutput.markdown))
