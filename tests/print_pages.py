"""Read a printed handout back from its PDF, the way a typesetter checks proofs.

Every line of text is taken with its page, position, size and font (pdfplumber); the handout's
own paragraphs, list items and box items are then found among those lines, in reading order, by
their words. From that come the flaws issue 18 names: a paragraph with one line alone at the top
or foot of a page (widow, orphan), a heading that ends a page, a short list split, a long list
leaving one item alone, a box split without a "continued" heading, uneven spacing, a nearly empty
last page. Used by tests/test_print_layout.py and benchmarks/print_layout.py.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pdfplumber

WHOLE_LIST_ITEMS = 8  # the issue: a list of up to 8 short items is never split
BULLET = re.compile(r"^(•|–|\d+\.|[a-z]\.)\s*")  # a step set in under a step is lettered
CONTINUED = "(continued)"


@dataclass
class Line:
    """One printed line: page (from 0), top and bottom in points from the top, left edge, text, type."""

    page: int
    top: float
    bottom: float
    x0: float
    text: str
    size: float
    bold: bool


@dataclass
class Element:
    """One thing of the handout found in the PDF: a paragraph, a list item, a box item or a heading."""

    kind: str  # "paragraph", "item", "box item", "heading", "box heading"
    group: int  # the list or box it belongs to (items), else its own number
    text: str
    lines: list[Line] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.lines})


@dataclass
class Proof:
    """A PDF read back: its lines, its page areas, and the handout's elements found in it."""

    lines: list[Line]
    areas: list[tuple[float, float]]  # per page: top and bottom of the text area
    bottoms: list[float]  # per page: the lowest content (text or box border) in the text area
    elements: list[Element]
    missing: list[str]  # texts of the handout not found in the PDF (a measuring failure)

    @property
    def pages(self) -> int:
        return len(self.areas)

    def last_fill(self) -> float:
        """Return how full the last page's text area is, from 0 to 1."""
        top, bottom = self.areas[-1]
        return max(0.0, (self.bottoms[-1] - top) / (bottom - top))

    def fills(self) -> list[float]:
        """Return how full each page's text area is, from 0 to 1."""
        return [max(0.0, (low - top) / (bottom - top)) for (top, bottom), low in zip(self.areas, self.bottoms)]

    def last_page_holds_only_the_last_box(self) -> bool:
        """Tell whether a handout longer than a page ends on a page with nothing but its last box
        (the call to action), the "near-empty last page" however tall that box is."""
        if self.pages < 2 or not self.elements:
            return False
        last_group = self.elements[-1].group
        on_last = [e for e in self.elements if any(x.page == self.pages - 1 for x in e.lines)]
        return bool(on_last) and all(e.group == last_group for e in on_last)

    def widows_and_orphans(self) -> list[str]:
        """Return each paragraph that leaves a single line alone on a page it spans."""
        found = []
        for e in self.elements:
            if e.kind == "paragraph" and len(e.pages) > 1:
                counts = [sum(1 for line in e.lines if line.page == p) for p in e.pages]
                if 1 in counts:
                    found.append(f"{e.text[:50]!r} lines per page {counts}")
        return found

    def headings_ending_a_page(self) -> list[str]:
        """Return each section heading that is the last thing on a page before the last."""
        found = []
        for e in self.elements:
            if e.kind == "heading" and e.lines and e.lines[-1].page < self.pages - 1:
                later = [x for x in self.lines if x.page == e.lines[-1].page and x.top > e.lines[-1].top]
                if not later:
                    found.append(e.text)
        return found

    def groups(self, kind: str) -> dict[int, list[Element]]:
        """Return the items of each list ("item") or box ("box item"), by group."""
        out: dict[int, list[Element]] = {}
        for e in self.elements:
            if e.kind == kind:
                out.setdefault(e.group, []).append(e)
        return out

    def list_breaks(self) -> list[str]:
        """Return each list broken against the rules: up to 8 one-line items split at all, a longer
        list leaving fewer than 2 items on a page, or an item itself split."""
        found = []
        for items in self.groups("item").values():
            pages = [it.pages for it in items]
            if any(len(p) > 1 for p in pages):
                found.append(f"an item split: {items[0].text[:40]!r}")
                continue
            starts = [p[0] for p in pages]
            if len(set(starts)) == 1:
                continue
            short = all(len(it.lines) == 1 for it in items)
            per_page = [starts.count(p) for p in sorted(set(starts))]
            if len(items) <= WHOLE_LIST_ITEMS and short:
                found.append(f"a list of {len(items)} short items split {per_page}: {items[0].text[:40]!r}")
            elif min(per_page) < 2:
                found.append(f"a list of {len(items)} items split {per_page}: {items[0].text[:40]!r}")
        return found

    def box_breaks(self) -> dict[str, str]:
        """Return each box that spans pages: "continued" when every later page repeats its heading
        marked "(continued)", else "SPLIT"."""
        out = {}
        heads = [e for e in self.elements if e.kind == "box heading"]
        for group, items in self.groups("box item").items():
            pages = sorted({p for it in items for p in it.pages})
            if len(pages) < 2:
                continue
            head = next((h.text for h in heads if h.group == group), f"box {group}")
            marked = all(any(x.page == p and x.bold and CONTINUED in x.text and x.text.startswith(head)
                             for x in self.lines) for p in pages[1:])
            out[head] = "continued" if marked else "SPLIT"
        return out

    def gaps(self, before: str, after: str, same_group: bool) -> list[float]:
        """Return the distance from the last line of each element of kind `before` to the first line
        of the next element, of kind `after`, on the same page (and in the same list or box)."""
        found = []
        for a, b in zip(self.elements, self.elements[1:]):
            if a.kind == before and b.kind == after and a.lines and b.lines \
                    and a.lines[-1].page == b.lines[0].page and (not same_group or a.group == b.group):
                found.append(round(b.lines[0].top - a.lines[-1].top, 2))
        return found


def _lines(pdf) -> tuple[list[Line], list[tuple[float, float]], list[float]]:
    """Return the text lines inside each page's text area, the areas and their lowest content.

    Characters come from pdfplumber's `page.layout` (pdfminer's own objects: three times faster
    than `page.chars`, which builds a dictionary per character); a line is the characters that
    share a top, in order from the left."""
    from pdfminer.layout import LTChar, LTLine, LTRect

    lines, areas, bottoms = [], [], []
    for number, page in enumerate(pdf.pages):
        objects = list(page.layout)
        height = page.height
        # The footer's rule is the lowest line across the page; box borders are rectangles (or lines).
        strokes = [height - o.y1 for o in objects if isinstance(o, LTLine) and o.width > page.width / 2]
        rule = max(strokes, default=height)
        boxes = [(height - o.y1, height - o.y0, o.width) for o in objects if isinstance(o, (LTRect, LTLine))]
        notice = [bottom for top, bottom, width in boxes if top < 60 and width > page.width / 2]
        top = max(notice) if notice else 54.0
        areas.append((top, rule))
        rows: dict[float, list] = {}
        for o in objects:
            if isinstance(o, LTChar) and top < height - o.y1 and height - o.y0 < rule:
                rows.setdefault(round(height - o.y1, 1), []).append(o)
        low = max([top] + [height - min(c.y0 for c in row) for row in rows.values()]
                  + [bottom for box_top, bottom, _ in boxes if box_top > top and bottom < rule])
        bottoms.append(low)
        for row_top in sorted(rows):
            row = sorted(rows[row_top], key=lambda c: c.x0)
            ink = next(c for c in row if c.get_text().strip()) if any(c.get_text().strip() for c in row) else row[0]
            lines.append(Line(number, height - max(c.y1 for c in row), height - min(c.y0 for c in row), row[0].x0,
                              "".join(c.get_text() for c in row), round(ink.size, 2), "Bold" in ink.fontname))
    return lines, areas, bottoms


def _compact(value: str) -> str:
    return "".join(value.split())


def expected(handout, words: dict) -> list[tuple[str, int, str]]:
    """Return (kind, group, text) for everything the handout prints in its text area, in reading
    order. A paragraph whose last sentence ends in a colon before a list prints that sentence as a
    paragraph of its own (the list's lead-in), as handouts/render/pdf.py does."""
    out: list[tuple[str, int, str]] = []
    group = 0

    def box(heading, items):
        nonlocal group
        group += 1
        out.append(("box heading", group, heading))
        out.extend(("box item", group, item) for item in items)

    if handout.key_points:
        box(words["key_points"], [s.text for s in handout.key_points])
    for section in handout.sections:
        if section.heading:
            group += 1
            out.append(("heading", group, section.heading))
        nested = None  # the kind of the list whose items have lists set in under them: one list, one group
        for block, following in zip(section.blocks, section.blocks[1:] + [None]):
            leads = following is not None and following.level > block.level
            if block.is_list and nested and (block.level or block.kind == nested):
                pass  # a list set in under an item, or the outer list going on: the same list
            else:
                group += 1
                nested = block.kind if block.is_list and leads else None
            if block.is_list:
                out.extend(("item", group, " ".join(s.text for s in item)) for item in block.items)
                continue
            sentences = [s.text for s in block.sentences]
            if following is not None and following.is_list and sentences and sentences[-1].endswith(":"):
                if sentences[:-1]:
                    out.append(("paragraph", group, " ".join(sentences[:-1])))
                    group += 1
                sentences = sentences[-1:]
            out.append(("paragraph", group, " ".join(sentences)))
    if handout.words_to_know:
        box(words["words_to_know"], [f"{t.word}: {t.definition}" for t in handout.words_to_know])
    return out


def read_proof(data: bytes, handout, words: dict, contacts: list[str] = ()) -> Proof:
    """Read a handout's PDF and find its elements (and the contact lines of its last box) in it."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines, areas, bottoms = _lines(pdf)
    wanted = expected(handout, words)
    if contacts:
        group = max((g for _, g, _ in wanted), default=0) + 1
        wanted += [("box heading", group, words["call_to_action"])] + [("box item", group, c) for c in contacts]
    elements, missing, at = [], [], 0
    for kind, group, value in wanted:
        found = _find(lines, at, kind, value)
        if found is None:
            missing.append(value)
            continue
        start, end = found
        elements.append(Element(kind, group, value, lines[start:end]))
        at = end
    return Proof(lines, areas, bottoms, elements, missing)


def _find(lines: list[Line], at: int, kind: str, value: str) -> tuple[int, int] | None:
    """Return the span of lines from `at` on whose words, joined, are `value` (a bullet or step
    number before an item is not part of its words; a box heading may say it is continued)."""
    want = _compact(value)
    for start in range(at, len(lines)):
        got = ""
        for end in range(start, len(lines)):
            piece = _compact(lines[end].text)
            if end == start and kind in ("item", "box item"):
                piece = _compact(BULLET.sub("", lines[end].text))
            got += piece
            if got == want:
                return start, end + 1
            if not want.startswith(got):
                break
    return None
