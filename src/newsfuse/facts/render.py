"""Facts as text and Markdown for people (JSON is ``Facts.to_dict``)."""

from __future__ import annotations

from newsfuse.facts.model import Facts

MAX_ENTITIES = 25


def to_text(facts: Facts, markdown: bool = False) -> str:
    sections = [
        ("Quotes", [_quote(quote.text, quote.speaker, quote.outlets) for quote in facts.quotes]),
        ("People, organisations, places", [
            f"{entity.name} ({entity.kind}; {entity.mentions} mention{'s' if entity.mentions != 1 else ''}" + (f"; also {', '.join(entity.variants[1:4])}" if len(entity.variants) > 1 else "") + ")"
            for entity in facts.entities[:MAX_ENTITIES]
        ]),
        ("Timeline", [f"{event.value or '?'} ({event.expression}): {event.text} [{event.citation.outlet}]" for event in facts.timeline]),
        ("Corroboration", [f"{len(item.outlets)} outlet(s): {item.text} [{', '.join(item.outlets)}]" for item in facts.corroboration]),
        ("Conflicts", [
            f"{conflict.what}: " + "; ".join(f"{claim.value} [{', '.join(claim.outlets)}]" for claim in conflict.claims)
            for conflict in facts.conflicts
        ]),
    ]
    lines: list[str] = []
    for title, items in sections:
        if not items:
            continue
        lines.append(f"## {title}" if markdown else f"{title}:")
        lines.extend(f"- {item}" if markdown else f"  {item}" for item in items)
        lines.append("")
    return "\n".join(lines).rstrip() or "(no facts found)"


def _quote(text: str, speaker: str | None, outlets: list[str]) -> str:
    return f"“{text}” — {speaker or 'unattributed'} [{', '.join(outlets)}]"
