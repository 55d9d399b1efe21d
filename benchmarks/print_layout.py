#!/usr/bin/env python3
"""Measure the print layout of every handout from its PDFs, as issue 18 asks.

  .venv/bin/python benchmarks/print_layout.py [SOURCE ...] [--markdown]

Without sources: the sample in content/ and every text in tests/data/. Each is put through the
plain-language stage and printed in standard and large print (PDFs only, no audio); the PDFs are
then read back (tests/print_pages.py) and one row per text gives, for standard / large print:
pages; widows, orphans and headings that end a page; lists split against the rules; boxes that
span pages ("continued" when each later page repeats the heading marked so, "SPLIT" if not); how
full the last page is; whether paragraph and list-item spacing is even. The problems follow the
table, and the last line sums up. The exit status is 1 when any rule is broken, a last page of a
longer handout is under a quarter full or holds nothing but the questions box.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from print_pages import read_proof  # noqa: E402

from handouts.config import load_config  # noqa: E402
from handouts.language.labels import words_for  # noqa: E402
from handouts.plain.rewrite import plain_language  # noqa: E402
from handouts.read.sources import read_source  # noqa: E402
from handouts.render.page_facts import contact_lines  # noqa: E402
from handouts.render.pdf import LARGE, STANDARD, build_pdf  # noqa: E402

QUARTER = 0.25  # the issue: no handout longer than a page ends with a last page under a quarter full
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"


def measure(handout, config) -> dict:
    """Print a handout in both sizes and read back what the issue counts."""
    words = words_for(handout.meta.language)
    contacts = [f"{c.label}: {c.value}" for c in contact_lines(handout, config)]
    row = {}
    for size in (STANDARD, LARGE):
        data, pages = build_pdf(handout, config, size)
        proof = read_proof(data, handout, words, contacts)
        paragraph_gaps = set(proof.gaps("paragraph", "paragraph", same_group=False))
        item_gaps = set(proof.gaps("item", "item", same_group=True))
        row[size.name] = {
            "pages": pages,
            "widows/orphans": proof.widows_and_orphans(),
            "headings ending a page": proof.headings_ending_a_page(),
            "list breaks": proof.list_breaks(),
            "boxes": proof.box_breaks(),
            "last fill": proof.last_fill(),
            "lone box": proof.last_page_holds_only_the_last_box(),
            "even": _even(paragraph_gaps) and _even(item_gaps),
            "missing": proof.missing,
        }
    return row


def _even(gaps: set[float]) -> bool:
    """Tell whether every gap is the same (to a tenth of a point)."""
    return not gaps or max(gaps) - min(gaps) <= 0.1


def broken(row: dict) -> list[str]:
    """Return what a row shows wrong."""
    wrong = []
    for name, m in row.items():
        for key in ("widows/orphans", "headings ending a page", "list breaks", "missing"):
            wrong += [f"{name}: {key}: {x}" for x in m[key]]
        wrong += [f"{name}: box {box!r} split" for box, how in m["boxes"].items() if how != "continued"]
        if m["pages"] > 1 and m["last fill"] < QUARTER:
            wrong.append(f"{name}: last page {m['last fill']:.0%} full")
        if m["lone box"]:
            wrong.append(f"{name}: the last page holds only the questions box")
        if not m["even"]:
            wrong.append(f"{name}: uneven spacing")
    return wrong


def _cell(m: dict) -> list[str]:
    boxes = ", ".join(f"{b}: {how}" for b, how in m["boxes"].items()) or "0"
    return [str(m["pages"]), str(len(m["widows/orphans"]) + len(m["headings ending a page"])),
            str(len(m["list breaks"])), boxes, f"{m['last fill']:.0%}" if m["pages"] > 1 else "one page",
            "yes" if m["even"] else "NO"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", type=Path)
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    args = parser.parse_args(argv)
    sources = args.sources or [SAMPLE] + sorted((ROOT / "tests" / "data").iterdir())
    config = load_config(ROOT)
    config.version_date = "2026-01-01"  # the footer's width must not depend on today's date
    head = ["text", "pages std", "pages large", "widows/orphans std", "widows/orphans large",
            "list breaks std", "list breaks large", "split boxes std", "split boxes large",
            "last page std", "last page large", "even std", "even large"]
    rows, problems, started = [], [], time.time()
    for source in sources:
        row = measure(plain_language(read_source(source), config).handout, config)
        std, large = _cell(row["standard"]), _cell(row["large print"])
        rows.append([source.name] + [v for pair in zip(std, large) for v in pair])
        problems += [f"{source.name}: {p}" for p in broken(row)]
    _table(head, rows, args.markdown)
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(rows)} texts in {time.time() - started:.0f} s: "
          f"{'no rule broken' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


def _table(head: list[str], rows: list[list[str]], markdown: bool) -> None:
    """Print the rows under their head, aligned (or as a Markdown table)."""
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    for row in [head] + rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))


if __name__ == "__main__":
    sys.exit(main())
