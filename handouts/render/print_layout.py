"""Flowables that keep a printed handout readable where its pages break.

A heading or a list's lead-in never ends a page (KeepWithNext); a list of up to 8 short items is
never split, a longer one leaves at least 2 items on each page (Items); a box that fits on a page
moves whole, a taller one goes on under its heading marked as continued (Box). Paragraphs leave no
single line alone at either end of a page through ReportLab's own allowWidows / allowOrphans, which
pdf.py sets on every paragraph style. Every stack spaces its parts as ReportLab's frame does (the
larger of one part's space after and the next one's space before), so a stack lays out exactly
like its parts would on their own and the rhythm of the page stays even.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable

WHOLE_LIST_ITEMS = 8  # a list this long or shorter moves whole (when it takes at most half a page)
MIN_ITEMS = 2  # a list or box that must break leaves at least this many items on each page
_FUZZ = 1e-6


def outlines(flowable) -> list[tuple[str, int]]:
    """Return the bookmarks a flowable carries, its own and those of the parts it stacks."""
    own = getattr(flowable, "outline", None)
    found = [own] if own else []
    for part in getattr(flowable, "parts", []):
        found += outlines(part)
    return found


@dataclass
class Pages:
    """What the flowables know of the pages they are laid on: the height of an empty page's text
    area, and of the current page's (less on the page a layout ends short, to move content onto
    the last page: there a box that fits on a page may still break, as it may anywhere when the
    layout lets boxes break)."""

    room: float
    here: float = 0.0
    short: bool = False
    breakable: bool = False

    def start(self, short: bool, reserve: float) -> None:
        """Begin a page: short by `reserve` points or full."""
        self.short = short
        self.here = self.room - reserve if short else self.room


class Stack(Flowable):
    """Flowables drawn one under another, spaced as the frame spaces them."""

    def __init__(self, parts: list, pages: Pages):
        super().__init__()
        self.parts = list(parts)
        self.pages = pages
        self._sizes: list[tuple[float, float]] = []
        self._gaps: list[float] = []

    def getSpaceBefore(self):
        return self.parts[0].getSpaceBefore()

    def getSpaceAfter(self):
        return self.parts[-1].getSpaceAfter()

    def _measure(self, width: float, height: float) -> float:
        """Wrap every part at `width`; return the height of the stack."""
        canv = getattr(self, "canv", None)
        self._sizes = [part.wrapOn(canv, width, height) for part in self.parts]
        self._gaps = [0.0] + [max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in zip(self.parts, self.parts[1:])]
        return sum(h for _, h in self._sizes) + sum(self._gaps)

    def _fitting(self, height: float) -> int:
        """Return how many leading parts (as last measured) fit in `height`."""
        used = 0.0
        for count, ((_, h), gap) in enumerate(zip(self._sizes, self._gaps)):
            used += gap + h
            if used > height + _FUZZ:
                return count
        return len(self.parts)

    def _at_top(self, height: float) -> bool:
        """Tell whether `height` is all of an empty page: moving on would give no more room."""
        return height >= (self.pages.here or self.pages.room) - 1

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self._measure(available_width, available_height)
        return self.width, self.height

    def _draw_parts(self, x: float, top: float, width: float) -> None:
        """Draw the parts from `top` down, each aligned in `width` as its hAlign asks."""
        y = top
        for part, (w, h), gap in zip(self.parts, self._sizes, self._gaps):
            y -= gap + h
            part.drawOn(self.canv, x, y, _sW=width - w)

    def draw(self):
        self._draw_parts(0, self.height, self.width)


class KeepWithNext(Stack):
    """A heading or lead-in and what follows it: they start on the same page, and only what
    follows may split (as its own rules allow: a paragraph keeps at least two lines)."""

    def __init__(self, head, tail, pages: Pages):
        super().__init__([head, tail], pages)

    def split(self, available_width, available_height):
        self._measure(available_width, available_height)
        heads, tail = self.parts[:-1], self.parts[-1]
        used = sum(h for _, h in self._sizes[:-1]) + sum(self._gaps)
        pieces = tail.splitOn(self.canv, available_width, available_height - used) \
            if available_height - used > 0 else []
        if pieces:
            return heads + pieces
        if not self._at_top(available_height):
            return []
        # Taller than any page with its heading: let the parts go on alone rather than fail. ReportLab places the
        # first part as it is: a head taller than the page itself (a lead-in with a 5,000-letter word) is split.
        if self._sizes[0][1] > available_height + _FUZZ:
            first = self.parts[0].splitOn(self.canv, available_width, available_height)
            return first + list(self.parts[1:]) if first else []
        return list(self.parts)


class Items(Stack):
    """A bulleted or numbered list: whole when short, else broken between items, at least two
    on each page. Each item is one paragraph with its own bullet or number."""

    def __init__(self, items: list, pages: Pages, space_after: float):
        super().__init__(items, pages)
        self.space_after = space_after  # a paragraph's space: the list ends like a paragraph

    def getSpaceAfter(self):
        return self.space_after

    def _again(self, items: list) -> Items:
        return Items(items, self.pages, self.space_after)

    def keeps_whole(self) -> bool:
        """Tell whether the list (as last measured) is short: few items, at most half a page."""
        return len(self.parts) <= WHOLE_LIST_ITEMS and self.height <= self.pages.room / 2

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        at_top = self._at_top(available_height)
        if self.keeps_whole() and not at_top:
            return []
        fit = self._fitting(available_height)
        count = min(fit, len(self.parts) - MIN_ITEMS)
        while count > 0 and getattr(self.parts[count - 1], "keep_with_next", False):
            count -= 1  # an item that leads into the list set in under it never ends a page
        if count >= MIN_ITEMS:
            return [self._again(self.parts[:count]), self._again(self.parts[count:])]
        return self._forced(fit, available_width, available_height) if at_top else []

    def _forced(self, fit: int, available_width: float, available_height: float) -> list:
        """Break the list at the top of a page where its rules cannot hold (items too tall for a
        page): after the items that fit, else inside the first item."""
        if fit >= 1 and len(self.parts) > 1:
            count = min(fit, len(self.parts) - 1)
            return [self._again(self.parts[:count]), self._again(self.parts[count:])]
        pieces = self.parts[0].splitOn(self.canv, available_width, available_height)
        return [self._again(pieces[:1]), self._again(pieces[1:] + self.parts[1:])] if len(pieces) == 2 else []


class NestedItems(Items):
    """A list with the lists set in under its items: one list, broken between items by the same rules."""

    def __init__(self, kind: str, pages: Pages, space_after: float):
        super().__init__([], pages, space_after)
        self.kind = kind  # the outer list's kind: a list of another kind after it is a list of its own

    def add(self, items: list, leads_in: bool) -> None:
        """Add a list's items (set in, or the outer list going on); `leads_in`: its last item leads into the list
        set in under it, so no page ends after it."""
        if leads_in:
            items[-1].keep_with_next = True
        self.parts += items

    def _again(self, items: list) -> Items:
        return Items(items, self.pages, self.space_after)


class Box(Stack):
    """A box with a bold heading and a border, whole on one page when it fits; a taller box
    breaks between items, at least two on each page, and goes on under `continued`, a heading
    that says so. `side` (the QR code) stands at the top right, beside the items."""

    def __init__(self, heading, items: list, pages: Pages, *, width: float, pad: float, rule: float,
                 continued=None, side=None, space: float = 0.0):
        super().__init__([heading] + list(items), pages)
        self.box_width, self.pad, self.rule = width, pad, rule
        self.continued = continued if continued is not None else heading
        self.side, self.space = side, space
        self.hAlign = "CENTER"  # as wide as the margins: it overhangs the frame's padding evenly
        self.box = True  # the layout tells a last page holding only boxes

    def getSpaceBefore(self):
        return self.space

    def getSpaceAfter(self):
        return self.space

    def _again(self, heading, items: list) -> Box:
        return Box(heading, items, self.pages, width=self.box_width, pad=self.pad, rule=self.rule,
                   continued=self.continued, space=self.space)

    def _inner_width(self) -> float:
        side = self.side.wrap(0, 0)[0] + self.pad if self.side is not None else 0
        return self.box_width - 2 * self.pad - side

    def wrap(self, available_width, available_height):
        content = self._measure(self._inner_width(), available_height)
        side = self.side.wrap(0, 0)[1] if self.side is not None else 0
        self.width = self.box_width
        self.height = max(content, side) + self.pad * 1.2
        return self.width, self.height

    def draw(self):
        canv, inset = self.canv, self.rule / 2
        canv.saveState()
        canv.setLineWidth(self.rule)
        canv.setStrokeColorRGB(0, 0, 0)
        canv.rect(inset, inset, self.width - self.rule, self.height - self.rule, stroke=1, fill=0)
        canv.restoreState()
        top = self.height - self.pad * 0.5
        self._draw_parts(self.pad, top, self._inner_width())
        if self.side is not None:
            side_width, side_height = self.side.wrap(0, 0)
            self.side.drawOn(canv, self.width - self.pad - side_width, top - side_height)

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        at_top = self._at_top(available_height)
        if self.height <= self.pages.room and not at_top and not (self.pages.short or self.pages.breakable):
            return []  # it fits on a page: it moves there whole
        items = self.parts[1:]
        if self.side is not None:
            if self.height <= self.pages.room:
                return []  # beside its code it never breaks
            # Too tall beside its code for any page: the code goes under the items.
            return Box(self.parts[0], items + [self.side], self.pages, width=self.box_width, pad=self.pad,
                       rule=self.rule, continued=self.continued, space=self.space).split(available_width,
                                                                                          available_height)
        fit = max(self._fitting(available_height - self.pad * 1.2) - 1, 0)  # items under the heading
        count = min(fit, len(items) - MIN_ITEMS)
        if count >= MIN_ITEMS:
            return self._broken(items[:count], items[count:])
        if not at_top:
            return []
        # Items too tall for the rules even on an empty page: break after one, or inside the first.
        if fit >= 1 and len(items) > 1:
            return self._broken(items[:1], items[1:])
        heading_room = self._sizes[0][1] + self._gaps[1] + self.pad * 1.2
        pieces = items[0].splitOn(self.canv, self._inner_width(), available_height - heading_room)
        return self._broken(pieces[:1], pieces[1:] + items[1:]) if len(pieces) == 2 else []

    def _broken(self, first: list, rest: list) -> list:
        """Return the box in two: `first` under its heading (and bookmark), `rest` under the continued heading."""
        head = self._again(self.parts[0], first)
        head.outline = getattr(self, "outline", None)
        return [head, self._again(self.continued, rest)]

