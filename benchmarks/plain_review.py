#!/usr/bin/env python3
"""Write a review sheet per source text: every source sentence and what the plain-language stage made
of it, then the handout as it prints, with reading grades; for reviewers who count meaning errors.

usage: python benchmarks/plain_review.py OUT_DIR TEXT [TEXT ...]
Prints one line per text: source sentences, FK grade before -> after, output sentences over 20 words.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handouts.config import Config  # noqa: E402
from handouts.model import list_nests  # noqa: E402
from handouts.plain.rewrite import plain_language  # noqa: E402
from handouts.read.sources import read_source  # noqa: E402

LONG = 20  # words: the sentences the targets call long


def sheet(path: Path, config: Config) -> tuple[str, dict]:
    """Return the review sheet of one text (Markdown) and its figures."""
    plain = plain_language(read_source(path, config.language), config)
    handout, lines = plain.handout, []
    before, after = plain.before.as_dict(), plain.after.as_dict()
    lines += [f"# {path.name}: {handout.meta.title}", "",
              f"FK grade {before['fk_grade']:.1f} -> {after['fk_grade']:.1f}; SMOG {before['smog']:.1f} -> "
              f"{after['smog']:.1f}; words {before['body_words']} -> {after['body_words']}", "",
              "## Source sentences and what each became", ""]
    for n, change in enumerate(plain.changes, 1):
        lines.append(f"{n}. [{change.section or 'introduction'}] {change.source}")
        if change.removed_by:
            lines.append(f"   - REMOVED (rule {change.removed_by})")
        for text in change.became:
            lines.append(f"   - became: {text}")
        if change.merged_into:
            lines.append(f"   - MERGED: its claim is said by: {change.merged_into}")
        for kept in change.kept:
            lines.append(f"   - (a rewrite was not made: {kept})")
        for long in change.long:
            lines.append(f"   - (flagged for the reviewer: {long['words']} words, no safe split)")
        lines.append("")
    lines += ["## The handout as printed", ""]
    if handout.key_points:
        lines += ["### Key points"] + [f"- {s.text}" for s in handout.key_points] + [""]
    long_left, flagged = 0, sum(len(c.long) for c in plain.changes)
    for section in handout.sections:
        if section.heading:  # (a section with no heading prints none: its text follows what is above it)
            lines.append(f"### {section.heading}")
        # the steps of the outer list so far: after a list set in under a step they go on (as printed)
        nest_of = {id(b): n for n, nest in enumerate(list_nests(section.blocks)) for b in nest}
        counted, nest = 0, None
        for k, block in enumerate(section.blocks):
            if k and block.is_list and section.blocks[k - 1].is_list and nest_of[id(block)] != nest:
                lines.append("")  # a list of its own after another: printed apart (not led in by the other's lead-in)
            counted, nest = (counted, nest) if nest_of[id(block)] == nest else (0, nest_of[id(block)])
            start = 1 if block.level else counted + 1
            for i, item in enumerate(block.items, start):
                # A list set in under an item of the list before it is shown set in, as it prints.
                mark = "  " * block.level + {"bullets": "- ", "numbered": f"{i}. "}.get(block.kind, "")
                text = " ".join(s.text for s in item)
                lines.append(mark + text)
                long_left += sum(len(s.text.split()) > LONG for s in item)
            if block.kind == "numbered" and not block.level:
                counted = start + len(block.items) - 1
        lines.append("")
    if handout.words_to_know:
        lines += ["### Words to know"] + [f"- {t.word}: {t.definition}" for t in handout.words_to_know] + [""]
    figures = {"sentences": len(plain.changes), "fk_before": before["fk_grade"], "fk_after": after["fk_grade"],
               "long_left": long_left, "flagged": flagged}
    return "\n".join(lines), figures


def main() -> None:
    """Write a sheet per text and print the figures."""
    out, texts = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    out.mkdir(parents=True, exist_ok=True)
    config = Config()
    for path in texts:
        text, f = sheet(path, config)
        (out / f"{path.stem}.review.md").write_text(text, encoding="utf-8")
        print(f"{path.name}: {f['sentences']} source sentences, FK {f['fk_before']:.1f} -> {f['fk_after']:.1f}, "
              f"{f['long_left']} output sentences over {LONG} words ({f['flagged']} flagged for the reviewer)")


if __name__ == "__main__":
    main()
