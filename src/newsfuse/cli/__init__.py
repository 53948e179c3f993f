"""Command-line interface: ``newsfuse COMMAND``.  Each command lives in its own module."""

from newsfuse.cli import batch, evaluate, facts, serve, stories, summarize, train  # noqa: F401  (each registers its commands)
from newsfuse.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
