"""The results table for people (rich, Markdown, HTML with a plot) and for scripts (JSON, CSV).

Every format is rendered from the same :func:`cells`, so the terminal table, the saved report
and the CSV cannot disagree.  ROUGE values are shown ×100; ``±`` is half the width of the 95 %
bootstrap interval (the exact bounds are in JSON and CSV).
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table

from newsfuse.evaluation.harness import KEYS
from newsfuse.evaluation.table import PRIMARY, Row

#: marker, colour and legend label per kind of system
STYLE = {
    "newsfuse": ("o", "tab:blue", "newsfuse"),
    "peer": ("s", "tab:orange", "sumy peers"),
    "oracle": ("*", "black", "oracle (upper bound)"),
}
SHOWN = ("R1_f", "R2_f", "RL_f", "R1_r", "R2_r", "RL_r")
NAMES = {"R1_f": "R1 F1", "R2_f": "R2 F1", "RL_f": "RL F1", "R1_r": "R1 R", "R2_r": "R2 R", "RL_r": "RL R"}


@dataclass(slots=True)
class Meta:
    """What the run was: shown above every table so a number never loses its conditions."""

    dataset: str
    clusters: int
    budget: int
    truncate_at: int | None
    baseline: str | None
    command: str = ""
    date: str = ""
    skipped: int = 0
    #: seconds of CPU the shared cleaning and sentence splitting took over the whole run
    prepare_seconds: float = 0.0

    def describe(self) -> str:
        cut = f"summaries and references cut at {self.truncate_at} words" if self.truncate_at else "no truncation"
        text = f"{self.dataset}: {self.clusters} clusters, budget {self.budget} words, {cut}"
        if self.skipped:
            text += f", {self.skipped} clusters skipped"
        return text


def headers(baseline: str | None) -> list[str]:
    return ["system", *(NAMES[key] for key in SHOWN), f"p vs {baseline or '-'} (R2 F1)", "words", "clusters/s", "lead→oracle R2 %"]


def cells(row: Row) -> list[str]:
    values = [f"{100 * row.mean[key]:.2f} ±{50 * (row.high[key] - row.low[key]):.2f}" for key in SHOWN]
    p_value = f"{row.p_value[PRIMARY]:.3f}" if row.p_value else "—"
    speed = f"{row.clusters_per_second:.1f}" if row.clusters_per_second else "—"
    progress = f"{row.lead_to_oracle:.0f}" if row.lead_to_oracle is not None else "—"
    name = row.system + (f" ({row.missing} missing)" if row.missing else "")
    return [name, *values, p_value, f"{row.words:.0f}", speed, progress]


def rich_table(rows: list[Row], meta: Meta) -> Table:
    table = Table(title=meta.describe(), caption="ROUGE ×100 (rouge-score, Porter stemming); ± is half the 95 % bootstrap CI")
    for index, header in enumerate(headers(meta.baseline)):
        table.add_column(header, justify="left" if index == 0 else "right", no_wrap=index == 0)
    for row in rows:
        table.add_row(*cells(row))
    return table


def to_json(rows: list[Row], meta: Meta) -> str:
    return json.dumps({"meta": _meta_dict(meta), "rows": [row.to_dict() for row in rows]}, indent=2)


def to_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["system", *(f"{key}_{part}" for key in KEYS for part in ("mean", "low", "high", "p")), "words", "clusters_per_second", "lead_to_oracle", "missing"]
    )
    for row in rows:
        values = [
            value
            for key in KEYS
            for value in (row.mean[key], row.low[key], row.high[key], row.p_value[key] if row.p_value else "")
        ]
        writer.writerow([row.system, *values, row.words, row.clusters_per_second or "", "" if row.lead_to_oracle is None else row.lead_to_oracle, row.missing])
    return buffer.getvalue()


def to_markdown(rows: list[Row], meta: Meta) -> str:
    lines = ["| " + " | ".join(headers(meta.baseline)) + " |", "|" + "---|" * len(headers(meta.baseline))]
    lines += ["| " + " | ".join(cells(row)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def save(rows: list[Row], meta: Meta, path: Path) -> Path:
    """Write a Markdown (``.md``) or HTML (``.html``) report and its plot (``<name>.png``) beside it."""
    image = path.with_suffix(".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    plot(rows, meta, image)
    notes = [
        meta.describe() + ".",
        "ROUGE ×100 through rouge-score with Porter stemming; several references are pooled as ROUGE-1.5.5 -f A does; ROUGE-L is summary-level (rougeLsum).",
        "± is half the width of the 95 % bootstrap confidence interval over clusters; p is a paired bootstrap test on ROUGE-2 F1.",
        "clusters/s is single-core summarization throughput in CPU time, the shared cleaning and sentence split included, ROUGE scoring excluded"
        + (f" (that shared step alone: {meta.clusters / meta.prepare_seconds:.0f} clusters/s)." if meta.prepare_seconds else "."),
        "lead→oracle: the share of the ROUGE-2 F1 gap between lead and the greedy extractive oracle that a system closes.",
    ]
    if meta.command:
        notes.append(f"Command: `{meta.command}`" + (f" ({meta.date})" if meta.date else ""))
    if path.suffix.lower() in (".html", ".htm"):
        path.write_text(_html(rows, meta, notes, image.name), encoding="utf-8")
    else:
        body = "\n".join(f"- {note}" for note in notes)
        path.write_text(
            f"# newsfuse evaluation\n\n{body}\n\n{to_markdown(rows, meta)}\n![ROUGE-2 against speed]({image.name})\n",
            encoding="utf-8",
        )
    return path


def plot(rows: list[Row], meta: Meta, path: Path) -> None:
    """ROUGE-2 F1 (with its 95 % interval) against clusters/s on a log axis, one labelled point per system."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 5), dpi=120)
    shown: set[str] = set()
    for number, row in enumerate(rows):
        if not row.clusters_per_second:
            continue
        marker, colour, label = STYLE.get(row.kind, STYLE["newsfuse"])
        mean = 100 * row.mean[PRIMARY]
        error = [[mean - 100 * row.low[PRIMARY]], [100 * row.high[PRIMARY] - mean]]
        axes.errorbar(
            row.clusters_per_second, mean, yerr=error, fmt=marker, color=colour, capsize=3,
            label=None if label in shown else label,
        )
        shown.add(label)
        # labels of neighbouring points alternate height so they do not print over each other
        axes.annotate(row.system, (row.clusters_per_second, mean), textcoords="offset points", xytext=(6, 9 * (number % 3) - 9), fontsize=8)
    for row in rows:
        if not row.clusters_per_second:
            axes.axhline(100 * row.mean[PRIMARY], linestyle=":", linewidth=1, color="grey")
            axes.annotate(f"{row.system} (external)", (0.01, 100 * row.mean[PRIMARY]), xycoords=("axes fraction", "data"), fontsize=8)
    axes.set_xscale("log")
    axes.set_xlabel("clusters per second (single core, log scale)")
    axes.set_ylabel("ROUGE-2 F1 ×100")
    axes.set_title(meta.describe().replace(meta.dataset, Path(meta.dataset).name), fontsize=9)
    axes.legend(fontsize=8, loc="best")
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _meta_dict(meta: Meta) -> dict:
    return {name: getattr(meta, name) for name in meta.__slots__}


def _html(rows: list[Row], meta: Meta, notes: list[str], image: str) -> str:
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers(meta.baseline))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells(row)) + "</tr>" for row in rows)
    items = "".join(f"<li>{html.escape(note)}</li>" for note in notes)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>newsfuse evaluation</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}</style>"
        f"</head><body><h1>newsfuse evaluation</h1><ul>{items}</ul><table><tr>{head}</tr>{body}</table>"
        f"<p><img src='{html.escape(image)}' alt='ROUGE-2 against speed'></p></body></html>\n"
    )
