"""Make the printable PDF handouts (standard and large print) with ReportLab, in clear print:
one sans-serif font, embedded; nothing smaller than the body size; left-aligned, ragged right;
no italics, underlines or capitals runs; black on white; margins of at least 0.75 in.

Pages break as a typesetter would have them (print_layout.py): no line of a paragraph alone at
either end of a page, no heading at the foot of one, short lists and boxes whole. A last page
that would be nearly empty is avoided by tightening the spacing within clear-print limits, else
by moving content onto it (`_fitted`)."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache
from xml.sax.saxutils import escape

from handouts.config import Config
from handouts.render.fonts import register_fonts
from handouts.language.labels import SCAN_TO_LISTEN, words_for
from handouts.render.page_facts import audio_url, contact_lines, is_draft, review_text, version_text
from handouts.model import Block, Handout, list_nests


@dataclass(frozen=True)
class PrintSize:
    """Type sizes for one print version; the body size is also the smallest size printed."""

    name: str
    body: float
    heading: float
    title: float
    suffix: str  # added to the file name
    qr_inches: float = 1.1


STANDARD = PrintSize("standard", body=14, heading=17, title=22, suffix="")
LARGE = PrintSize("large print", body=18, heading=22, title=26, suffix="-large-print", qr_inches=1.3)


@dataclass(frozen=True)
class Rhythm:
    """The vertical spacing of a handout, the same on every page: line spacing as a multiple of
    the type size, and the space between paragraphs and between list items in lines of body text."""

    line: float = 1.4
    paragraph: float = 0.6
    item: float = 0.25


RHYTHM = Rhythm()
# Tighter, still clear print (line spacing at least 1.3, paragraphs at least half a line apart):
# tried in turn when they save the sheet a nearly empty last page would take.
TIGHTER = (Rhythm(line=1.35, paragraph=0.55, item=0.2), Rhythm(line=1.3, paragraph=0.5, item=0.15))
FAIR_SHARE = 1 / 3  # a last page filled less than this is tightened away or given more content
LINE_SPACING = 1.4  # the footer's and the draft notice's, the same in every layout
MARGIN_INCHES = 0.75
FRAME_PADDING = 6  # points inside the margins, as ReportLab's frames have by default (boxes overhang it)
RULE = 1.5  # points: box borders and rules, thick enough for a worn office printer
_MAX_PASSES = 3


@dataclass(frozen=True)
class Plan:
    """How to lay a handout out: its rhythm; whether a box that fits on a page may still break
    (under a continued heading) where it stands; and room kept free at the foot of one page, so
    that content moves from it onto the last page."""

    rhythm: Rhythm = RHYTHM
    break_boxes: bool = False
    short_page: int = 0
    reserve: float = 0.0


@dataclass(frozen=True)
class Layout:
    """One layout of a handout: its bytes, pages and how full its last page is (0 to 1)."""

    data: bytes
    pages: int
    used: tuple[float, ...]  # per page: points of its text area taken
    room: float  # the height of a page's text area, in points
    lone_box: bool  # the last page holds one box and nothing else
    plan: Plan

    @property
    def last_fill(self) -> float:
        """Return how full the last page is, from 0 to 1."""
        return self.used[-1] / self.room

    @property
    def fair(self) -> bool:
        """Tell whether the last page carries a fair share (or is the only page)."""
        return self.pages == 1 or (self.last_fill >= FAIR_SHARE and not self.lone_box)


def text(value: str) -> str:
    """Escape user text before it reaches ReportLab's paragraph markup parser."""
    return escape(value, {'"': "&quot;"})


def build_pdf(handout: Handout, config: Config, size: PrintSize = STANDARD) -> tuple[bytes, int]:
    """Return the PDF bytes of a handout and its page count."""
    layout = _fitted(handout, config, size)
    # The layout does not depend on the page count the footers print (they keep room for two
    # digits), so one more pass with the count normally settles it.
    total = layout.pages
    for _ in range(_MAX_PASSES):
        layout = render_layout(handout, config, size, layout.plan, total)
        if layout.pages == total:
            break
        total = layout.pages
    return layout.data, layout.pages


def _fitted(handout: Handout, config: Config, size: PrintSize) -> Layout:
    """Return the first layout whose last page carries a fair share: as designed; else tighter, if
    that saves the last sheet; else with the boxes free to break where they stand (the words box
    then starts under the text and goes on above the questions box); else with content moved
    onto the last page; else the best tried."""
    first = render_layout(handout, config, size, Plan(RHYTHM), None)
    if first.fair:
        return first
    tried = [first]
    for rhythm in TIGHTER:
        tight = render_layout(handout, config, size, Plan(rhythm), None)
        tried.append(tight)
        if tight.pages < first.pages and tight.fair:
            return tight
    broken = render_layout(handout, config, size, Plan(RHYTHM, break_boxes=True), None)
    tried.append(broken)
    if broken.pages <= first.pages and broken.fair:
        return broken
    for base in list(tried):
        if base.pages < 2 or base.fair:
            continue
        moved = _moved(handout, config, size, base)
        if moved is not None:
            tried.append(moved)
            if moved.pages == base.pages and moved.fair:
                return moved
    return max(tried, key=lambda t: (t.fair, -t.pages, t.last_fill))


def _moved(handout: Handout, config: Config, size: PrintSize, layout: Layout) -> Layout | None:
    """Lay out again keeping free, at the foot of the second-last page, what the last page lacks, so
    that content moves onto it; None when a box taller than that shortened page cannot move."""
    from reportlab.platypus.doctemplate import LayoutError

    # The second-last page ends that much higher than it did (a line more: never just short).
    lacking = max(FAIR_SHARE - layout.last_fill, 0) * layout.room + size.body
    reserve = layout.room - layout.used[-2] + lacking
    try:
        return render_layout(handout, config, size, replace(layout.plan, short_page=layout.pages - 1, reserve=reserve),
                       None)
    except LayoutError:
        return None


def render_layout(handout: Handout, config: Config, size: PrintSize, plan: Plan, total: int | None) -> Layout:
    """Lay the handout out once by `plan` (no last-page step), the footers saying "of `total`"
    (None: of the page itself)."""
    from reportlab.lib.pagesizes import A4, LETTER

    regular, _ = register_fonts()
    pagesize = A4 if config.page_size == "a4" else LETTER
    furniture = _PageFurniture(handout, config, size, pagesize, total)
    buffer = io.BytesIO()
    doc = _doc_template()(
        buffer, plan, furniture.draw, pagesize=pagesize,
        leftMargin=furniture.margin, rightMargin=furniture.margin,
        topMargin=furniture.margin + furniture.header_height,
        bottomMargin=furniture.margin + furniture.footer_height,
        title=handout.meta.title, author=config.clinic_name,
        subject=f"Plain-language patient handout ({size.name})",
        keywords=_keywords(handout, size),
        creator="handouts", producer="handouts",
        lang=handout.meta.language, invariant=1,
        initialFontName=regular, initialFontSize=size.body,
    )
    doc.build(_story(handout, config, size, plan.rhythm, doc.width, doc.pages))
    used = tuple(doc.used.get(page, 0.0) for page in range(1, doc.page + 1))
    last = doc.content.get(doc.page, [])
    return Layout(buffer.getvalue(), doc.page, used, doc.room, last == [True], plan)


def _keywords(handout: Handout, size: PrintSize) -> str:
    """Return the PDF keywords: kind of document, print size and the defined words."""
    words = ["patient handout", "plain language", size.name] + [t.word for t in handout.words_to_know]
    return ", ".join(w.replace(",", " ") for w in words)


@cache
def _doc_template():
    """Return the document class: it bookmarks headings, measures how full each page is, and can
    keep room free at the foot of one page."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from handouts.render.print_layout import Pages, outlines

    class HandoutDoc(BaseDocTemplate):
        def __init__(self, buffer, plan: Plan, draw, **kw):
            super().__init__(buffer, **kw)
            self.plan = plan
            self.used: dict[int, float] = {}  # page -> points of its text area taken
            self.content: dict[int, list[bool]] = {}  # page -> for each flowable on it: is it a box?
            full = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="full",
                         topPadding=FRAME_PADDING, bottomPadding=FRAME_PADDING)
            short = Frame(self.leftMargin, self.bottomMargin + plan.reserve, self.width,
                          self.height - plan.reserve, id="short", topPadding=FRAME_PADDING,
                          bottomPadding=FRAME_PADDING)
            self.room = self.height - 2 * FRAME_PADDING  # the height of the text area
            self.top = self.bottomMargin + self.height - FRAME_PADDING
            self.pages = Pages(self.room, breakable=plan.break_boxes)  # what the flowables know of their page
            templates = [PageTemplate("full", [full], onPage=draw), PageTemplate("short", [short], onPage=draw)]
            # The first template in the list starts the document.
            self.addPageTemplates(templates[::-1] if plan.short_page == 1 else templates)

        def handle_pageBegin(self):
            super().handle_pageBegin()
            self.pages.start(self.page == self.plan.short_page, self.plan.reserve)
            self.handle_nextPageTemplate("short" if self.page + 1 == self.plan.short_page else "full")

        def afterFlowable(self, flowable):
            if flowable.height > 0:  # where the text stops (its space after is no content)
                self.used[self.page] = self.top - self.frame._y - flowable.getSpaceAfter()
                self.content.setdefault(self.page, []).append(bool(getattr(flowable, "box", False)))
            for title, level in outlines(flowable):
                key = f"h{self.seq.nextf('outline')}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(title, key, level=level, closed=False)

        def handle_documentBegin(self):
            super().handle_documentBegin()
            self.canv.showOutline()  # open the bookmarks panel: the sections at a glance

    return HandoutDoc


class _PageFurniture:
    """Draw what every page carries: the draft notice on top and the footer at the bottom."""

    def __init__(self, handout: Handout, config: Config, size: PrintSize, pagesize, total: int | None):
        from reportlab.lib.units import inch

        self.regular, self.bold = register_fonts()
        self.size = size
        self.pagesize = pagesize
        self.total = total
        self.margin = MARGIN_INCHES * inch
        self.width = pagesize[0] - 2 * self.margin
        self.leading = size.body * LINE_SPACING
        self.pad = size.body * 0.35
        self.draft = is_draft(handout)
        self.say = words_for(handout.meta.language)
        self.header_height = (self.leading + 2 * self.pad + size.body * 0.45) if self.draft else 0
        self.clinic = config.clinic_name
        self.title = handout.meta.title
        self.version = version_text(handout, config)
        self.reviewed = review_text(handout)  # "Reviewed by Dr. Lee on March 1, 2026"; "" for a draft
        # Reserve room for a two-digit page count, so every pass lays out the same.
        self.lines_reserved = len(self._footer_lines(self.say["page"].format(page=88, pages=88)))
        # 0.9: a little air between the last box on a page and the footer's rule.
        self.footer_height = self.lines_reserved * self.leading + size.body * 0.9

    def _width(self, value: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(value, self.regular, self.size.body)

    def _fit(self, value: str) -> str:
        """Shorten a one-line footer text with an ellipsis so it never runs off the page."""
        if self._width(value) <= self.width:
            return value
        while value and self._width(value + "…") > self.width:
            value = value[:-1]
        return value.rstrip() + "…"

    def _footer_lines(self, page_text: str) -> list[tuple[str, str]]:
        """Return (left, right) footer lines: clinic and page, title and version date, then who reviewed it."""
        gap = self.size.body * 1.5
        lines = []
        pairs = [(self.clinic, page_text), (self.title, self.version)] + ([(self.reviewed, "")] if self.reviewed else [])
        for left, right in pairs:
            if self._width(left) + gap + self._width(right) <= self.width:
                lines.append((left, right))
            else:  # too wide side by side: stack them, both left-aligned
                lines += [(self._fit(left), ""), (right, "")]
        return lines

    def draw(self, canv, doc):
        """Draw the draft notice (if any) and the footer on the current page."""
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        canv.setStrokeColorRGB(0, 0, 0)
        canv.setLineWidth(RULE)
        width, height = self.pagesize
        left, right = self.margin, width - self.margin
        if self.draft:
            top = height - self.margin
            box = self.leading + 2 * self.pad
            canv.rect(left, top - box, self.width, box, stroke=1, fill=0)
            canv.setFont(self.bold, self.size.body)
            canv.drawString(left + self.pad * 2, top - self.pad - self.size.body * 1.05, self.say["draft"])
        page_text = self.say["page"].format(page=doc.page, pages=self.total or doc.page)
        lines = self._footer_lines(page_text)
        y_rule = self.margin + self.lines_reserved * self.leading + self.size.body * 0.35
        canv.line(left, y_rule, right, y_rule)
        canv.setFont(self.regular, self.size.body)
        y = y_rule - self.size.body * 0.35 - self.size.body * 1.05
        for l_text, r_text in lines:
            if l_text:
                canv.drawString(left, y, l_text)
            if r_text:
                canv.drawRightString(right, y, r_text)
            y -= self.leading
        canv.restoreState()


def _styles(size: PrintSize, rhythm: Rhythm) -> dict:
    """Return paragraph styles: sans-serif, left-aligned, ragged right, black on white; every
    paragraph keeps at least two lines on each page it spans (no widows, no orphans)."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, bold = register_fonts()
    pitch = size.body * rhythm.line
    body = ParagraphStyle("body", fontName=regular, fontSize=size.body, leading=pitch,
                          alignment=TA_LEFT, spaceAfter=pitch * rhythm.paragraph, splitLongWords=1,
                          textColor="black", bulletFontName=regular, bulletFontSize=size.body,
                          allowWidows=0, allowOrphans=0)
    item = ParagraphStyle("item", parent=body, spaceAfter=pitch * rhythm.item,
                          leftIndent=size.body * 1.5, bulletIndent=size.body * 0.3)
    # Room for a bold "88." before the step's text.
    step_indent = max(item.leftIndent, item.bulletIndent + stringWidth("88.", bold, size.body) + size.body * 0.4)
    return {
        "body": body,
        "item": item,
        "step": ParagraphStyle("step", parent=item, leftIndent=step_indent, bulletFontName=bold),
        "lead_in": ParagraphStyle("lead_in", parent=body, spaceAfter=pitch * rhythm.item),
        "box_item": ParagraphStyle("box_item", parent=item, leftIndent=size.body * 1.3,
                                   bulletIndent=size.body * 0.2),
        "box_text": ParagraphStyle("box_text", parent=body, spaceAfter=pitch * rhythm.item),
        "box_heading": ParagraphStyle("box_heading", parent=body, fontName=bold, fontSize=size.heading,
                                      leading=size.heading * rhythm.line, spaceAfter=pitch * rhythm.item),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=size.heading,
                                  leading=size.heading * rhythm.line, spaceBefore=pitch * 0.9,
                                  spaceAfter=pitch * 0.2),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=size.title,
                                leading=size.title * rhythm.line),
    }


def _paragraph(value: str, style, outline: tuple[str, int] | None = None, bullet: str | None = None):
    """Return a Paragraph of escaped user text, bookmarked when `outline` is (title, level)."""
    from reportlab.platypus import Paragraph

    class Bookmarked(Paragraph):
        """A paragraph whose bookmark stays with its first part when it splits (a title taller than a page):
        else the bookmarks after it would jump a level, which ReportLab refuses."""

        def split(self, available_width, available_height):
            parts = super().split(available_width, available_height)
            for n, part in enumerate(parts):
                part.outline = self.outline if n == 0 else None
            return parts

    para = (Bookmarked if outline else Paragraph)(text(value), style, bulletText=bullet)
    para.outline = outline
    return para


def _story(handout: Handout, config: Config, size: PrintSize, rhythm: Rhythm, width: float, pages) -> list:
    """Lay out the handout's flowables in reading order; a heading or lead-in holds on to what follows."""
    st = _styles(size, rhythm)
    say = words_for(handout.meta.language)
    flow = [_paragraph(handout.meta.title, st["title"], (handout.meta.title, 0))]
    boxes = _Boxes(st, size, rhythm, width, pages, say)
    if handout.key_points:
        flow.append(boxes.box(say["key_points"], [_paragraph(s.text, st["box_item"], bullet="•")
                                                  for s in handout.key_points]))
    for section in handout.sections:
        if section.heading:
            heading = _paragraph(section.heading, st["heading"], (section.heading, 1))
            heading.keep_with_next = True
            flow.append(heading)
        flow += _blocks(section.blocks, st, pages)
    if handout.words_to_know:
        # Word and definition share one paragraph so they wrap together.
        flow.append(boxes.box(say["words_to_know"], [_paragraph_pair(t.word, t.definition, st["box_item"])
                                                     for t in handout.words_to_know]))
    flow.append(_call_to_action(handout, config, st, size, boxes))
    return _glued(flow, pages)


def _glued(flow: list, pages) -> list:
    """Join each flowable marked keep_with_next to the one after it, so they start on one page."""
    from handouts.render.print_layout import KeepWithNext

    out: list = []
    for flowable in reversed(flow):
        if getattr(flowable, "keep_with_next", False) and out:
            out[-1] = KeepWithNext(flowable, out[-1], pages)
        else:
            out.append(flowable)
    return out[::-1]


def _blocks(blocks: list[Block], st: dict, pages) -> list:
    """Return a section's paragraphs and lists; a sentence ending in a colon that introduces the
    next list ("Common symptoms include:") goes on its own line, held to the list."""
    from handouts.render.print_layout import NestedItems

    flow = []
    nests = list_nests(blocks)
    for nest, after in zip(nests, nests[1:] + [None]):
        block, following = nest[0], after[0] if after else None
        if len(nest) > 1:
            # A list with lists set in under its items, and its own items after them: one list, one set of rules;
            # an item a list is set in under never ends a page.
            flow.append(NestedItems(block.kind, pages, st["body"].spaceAfter))
            said = 0  # the outer list's items so far: its steps go on with their numbers after a list set in
            for part, deeper in zip(nest, nest[1:] + [None]):
                flow[-1].add(_list_items(part, st, start=1 if part.level else said + 1),
                             deeper is not None and deeper.level > part.level)
                said += 0 if part.level else len(part.items)
        elif block.is_list:
            flow.append(_list(block, st, pages))
        elif following is not None and following.is_list and block.sentences \
                and block.sentences[-1].text.endswith(":"):
            if block.sentences[:-1]:
                flow.append(_paragraph(" ".join(s.text for s in block.sentences[:-1]), st["body"]))
            lead = _paragraph(block.sentences[-1].text, st["lead_in"])
            lead.keep_with_next = True
            flow.append(lead)
        else:
            flow.append(_paragraph(" ".join(s.text for s in block.sentences), st["body"]))
    return flow


def _list(block: Block, st: dict, pages):
    """Return a bulleted or numbered list, one paragraph per item, evenly spaced."""
    return _items(_list_items(block, st), st, pages)


def _items(paragraphs: list, st: dict, pages):
    """Return list items as a list that breaks between items."""
    from handouts.render.print_layout import Items

    return Items(paragraphs, pages, space_after=st["body"].spaceAfter)


def _list_items(block: Block, st: dict, start: int = 1) -> list:
    """Return a list's items, one paragraph each with its bullet or number (from `start`; a list set in under a step
    is lettered: a., b., c.)."""
    numbered = block.kind == "numbered"
    style = st["step" if numbered else "item"]
    if block.level:
        from reportlab.lib.styles import ParagraphStyle

        # A list set in under an item of the list before it: one indent further in, its own bullet.
        style = ParagraphStyle(f"{style.name}_in", parent=style, leftIndent=style.leftIndent * 2,
                               bulletIndent=style.bulletIndent + style.leftIndent)
    items = [_paragraph(" ".join(s.text for s in item), style,
                        bullet=(f"{chr(96 + n)}." if block.level and n <= 26 else f"{n}.") if numbered
                        else "–" if block.level else "•")
             for n, item in enumerate(block.items, start=start)]
    return items


class _Boxes:
    """Make the handout's bordered boxes, all alike: heading, items, and a continued heading."""

    def __init__(self, st: dict, size: PrintSize, rhythm: Rhythm, width: float, pages, say: dict):
        self.st, self.size, self.width, self.pages, self.say = st, size, width, pages, say
        self.space = size.body * rhythm.line * rhythm.paragraph

    def box(self, heading: str, items: list, side=None):
        """Return a box that moves whole to the next page when it fits on one, else breaks between items."""
        from handouts.render.print_layout import Box

        continued = self.say["continued"].format(heading=heading)
        box = Box(_paragraph(heading, self.st["box_heading"]), items, self.pages, width=self.width,
                  pad=self.size.body * 0.6, rule=RULE * 1.5, side=side, space=self.space,
                  continued=_paragraph(continued, self.st["box_heading"]))
        box.outline = (heading, 1)
        return box


def _paragraph_pair(word: str, definition: str, style):
    """Return "word: definition" with the word in bold; both escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(f"<b>{text(word)}:</b> {text(definition)}", style, bulletText="•")


def _call_to_action(handout: Handout, config: Config, st: dict, size: PrintSize, boxes: _Boxes):
    """Return the "Questions?" box: clinic phone, website, help lines; the QR code beside them."""
    say = words_for(handout.meta.language)
    lines = [_paragraph_line(c.label, c.value, st["box_text"], c.href) for c in contact_lines(handout, config)]
    url = audio_url(handout, config)
    side = _qr_drawing(url, size, say["scan_to_listen"]) if url else None
    return boxes.box(say["call_to_action"], lines, side=side)


def _paragraph_line(label: str, value: str, style, href: str = ""):
    """Return "label: value" with the value in bold, and a link to `href` when given; all escaped."""
    from reportlab.platypus import Paragraph

    shown = f'<a href="{text(href)}">{text(value)}</a>' if href else text(value)
    return Paragraph(f"{text(label)}: <b>{shown}</b>", style)


def _qr_drawing(url: str, size: PrintSize, scan: str = SCAN_TO_LISTEN):
    """Return the QR code of the audio address with "Scan to listen" under it, as one Drawing."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing, Group, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, bold = register_fonts()
    side = size.qr_inches * 72
    caption_height = size.body * LINE_SPACING
    widget = QrCodeWidget(url, barLevel="M", barBorder=4)  # the standard quiet zone: scanners need it
    x0, y0, x1, y1 = widget.getBounds()
    code = Group(widget, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, caption_height])
    caption = String(0, size.body * 0.35, scan, fontName=bold, fontSize=size.body, fillColor="black")
    # One Drawing keeps code and caption together; initialFontName: without it the Drawing
    # starts in Helvetica, which is not embedded.
    drawing = Drawing(max(side, stringWidth(scan, bold, size.body)), side + caption_height,
                      initialFontName=regular, initialFontSize=size.body)
    drawing.add(code)
    drawing.add(caption)
    return drawing


