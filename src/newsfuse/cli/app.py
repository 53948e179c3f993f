"""The typer application every command module registers on; the CLI stays a thin layer."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

app = typer.Typer(
    name="newsfuse",
    help="Many raw news articles about one event in, one cited summary out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit: the CLI's only way to report a problem."""
    stderr.print(Text.assemble(("error: ", "bold red"), message), highlight=False)
    raise typer.Exit(code)


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
