"""Command-line interface: ``newsfuse COMMAND``.  Each command lives in its own module."""

from newsfuse.cli import summarize  # noqa: F401  (registers its commands)
from newsfuse.cli import evaluate  # noqa: F401,E402  (registers `newsfuse eval`)
from newsfuse.cli import serve  # noqa: F401
from newsfuse.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
