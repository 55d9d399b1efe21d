"""Make the printable PDF handouts (standard and large print) with ReportLab, in clear print:
one sans-serif font, embedded; nothing smaller than the body size; left-aligned, ragged right;
no italics, underlines or capitals runs; black on white; margins of at least 0.75 in."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache
from xml.sax.saxutils import escape

from handouts.config import Config
from handouts.render.fonts import register_fonts
from handouts.language.labels import SCAN_TO_LISTEN, words_for
from handouts.render.page_facts import audio_url, contact_lines, is_draft, version_text
from handouts.model import Block, Handout


@dataclass(frozen=True)
class PrintSize:
    """Type sizes for one print version; the body size is also the smallest size printed."""

    name: str
    body: float
    heading: float
    title: float
    suffix: str  # added to the file name
    qr_inches: float = 1.1
    box_row_gap: float = 0.05  # space above and below each item in a box, in body sizes
    box_start_rows: int = 2  # a splitting box starts on a page only with its heading and this many items


STANDARD = PrintSize("standard", body=14, heading=17, title=22, suffix="")
# Large print has no page target, so its box items get more air.
LARGE = PrintSize("large print", body=18, heading=22, title=26, suffix="-large-print", qr_inches=1.3,
                  box_row_gap=0.15)
LINE_SPACING = 1.4
MARGIN_INCHES = 0.75
RULE = 1.5  # points: box borders and rules, thick enough for a worn office printer
_MAX_PASSES = 3


def text(value: str) -> str:
    """Escape user text before it reaches ReportLab's paragraph markup parser."""
    return escape(value, {'"': "&quot;"})


def build_pdf(handout: Handout, config: Config, size: PrintSize = STANDARD) -> tuple[bytes, int]:
    """Return the PDF bytes of a handout and its page count."""
    data, pages, alone = _paginated(handout, config, size)
    if alone:
        # The call-to-action box alone on a last page wastes a sheet: try the boxes' standard spacing
        # (still clear print), then let a long box start lower on a page with one item under its heading,
        # and keep the first that makes the handout shorter.
        for tighter in (replace(size, box_row_gap=STANDARD.box_row_gap),
                        replace(size, box_row_gap=STANDARD.box_row_gap, box_start_rows=1)):
            if tighter == size:
                continue
            tight = _paginated(handout, config, tighter)
            if tight[1] < pages:
                data, pages, _ = tight
                break
    return data, pages


def _paginated(handout: Handout, config: Config, size: PrintSize) -> tuple[bytes, int, bool]:
    """Lay out until "Page X of Y" holds; return the bytes, the page count and whether the last
    page holds nothing but the call-to-action box."""
    # "Page X of Y" needs Y before the footers are drawn: lay out again until the count holds
    # (the footer's height does not depend on Y, so the second pass normally agrees).
    total = None
    for _ in range(_MAX_PASSES):
        data, pages, alone = _render(handout, config, size, total)
        if pages == total:
            break
        total = pages
    return data, pages, alone


def _render(handout: Handout, config: Config, size: PrintSize, total: int | None) -> tuple[bytes, int, bool]:
    """Lay out the handout once; return its bytes, how many pages it took and whether the last
    page holds only the call-to-action box."""
    from reportlab.lib.pagesizes import A4, LETTER

    regular, _ = register_fonts()
    pagesize = A4 if config.page_size == "a4" else LETTER
    furniture = _PageFurniture(handout, config, size, pagesize, total)
    buffer = io.BytesIO()
    doc = _doc_template()(
        buffer, pagesize=pagesize,
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
    story = _story(handout, config, size, doc.width, doc.height)
    doc.build(story, onFirstPage=furniture.draw, onLaterPages=furniture.draw)
    return buffer.getvalue(), doc.page, doc.last_content_page < doc.page


def _keywords(handout: Handout, size: PrintSize) -> str:
    """Return the PDF keywords: kind of document, print size and the defined words."""
    words = ["patient handout", "plain language", size.name] + [t.word for t in handout.words_to_know]
    return ", ".join(w.replace(",", " ") for w in words)


@cache
def _doc_template():
    """Return the document class that turns flagged headings into bookmarks (outline entries)."""
    from reportlab.platypus import CondPageBreak, SimpleDocTemplate

    class HandoutDoc(SimpleDocTemplate):
        last_content_page = 0  # the last page with anything besides the call-to-action box

        def afterFlowable(self, flowable):
            # Page breaks and bookmarks print nothing: only what has a height counts as content.
            height = getattr(flowable, "height", 0) or getattr(flowable, "_height", 0)
            if height > 0 and not getattr(flowable, "closing", False) and not isinstance(flowable, CondPageBreak):
                self.last_content_page = self.page
            outline = getattr(flowable, "outline", None)
            if outline:
                title, level = outline
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
        """Return (left, right) footer lines: clinic and page, then title and version date."""
        gap = self.size.body * 1.5
        lines = []
        for left, right in ((self.clinic, page_text), (self.title, self.version)):
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


def _styles(size: PrintSize) -> dict:
    """Return paragraph styles: sans-serif, left-aligned, ragged right, black on white."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=size.body, leading=size.body * LINE_SPACING,
                          alignment=TA_LEFT, spaceAfter=size.body * 0.6, splitLongWords=1,
                          textColor="black", bulletFontName=regular, bulletFontSize=size.body)
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=size.body * 0.25),
        "lead_in": ParagraphStyle("lead_in", parent=body, spaceAfter=size.body * 0.25),
        "box_item": ParagraphStyle("box_item", parent=body, spaceAfter=0,
                                   leftIndent=size.body * 1.3, bulletIndent=size.body * 0.2),
        "box_text": ParagraphStyle("box_text", parent=body, spaceAfter=0),
        "box_heading": ParagraphStyle("box_heading", parent=body, fontName=bold, fontSize=size.heading,
                                      leading=size.heading * LINE_SPACING, spaceAfter=0),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=size.heading,
                                  leading=size.heading * LINE_SPACING, spaceBefore=size.body * 0.5,
                                  spaceAfter=size.body * 0.2),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=size.title,
                                leading=size.title * LINE_SPACING, spaceAfter=size.body * 0.6),
    }


def _paragraph(value: str, style, outline: tuple[str, int] | None = None):
    """Return a Paragraph of escaped user text, bookmarked when `outline` is (title, level)."""
    from reportlab.platypus import Paragraph

    para = Paragraph(text(value), style)
    para.outline = outline
    return para


def _story(handout: Handout, config: Config, size: PrintSize, width: float, height: float) -> list:
    """Lay out the handout's flowables in reading order."""
    from reportlab.platypus import CondPageBreak

    st = _styles(size)
    say = words_for(handout.meta.language)
    story = [_paragraph(handout.meta.title, st["title"], (handout.meta.title, 0))]
    if handout.key_points:
        story += _box(say["key_points"], [_paragraph(s.text, st["box_item"]) for s in handout.key_points],
                      st, size, width, height, bullets=True)
    for section in handout.sections:
        if section.heading:
            # Start a new page rather than leave a heading with under three lines below it.
            story.append(CondPageBreak(st["heading"].leading * 2 + st["body"].leading * 3))
            story.append(_paragraph(section.heading, st["heading"], (section.heading, 1)))
        blocks, i = section.blocks, 0
        while i < len(blocks):
            block, following = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and following.is_list and not block.is_list \
                    and block.sentences and block.sentences[-1].text.endswith(":"):
                story += _lead_in_and_list(block, following, st, size)  # the paragraph and the list it introduces
                i += 2
            else:
                story.append(_block(block, st, size))
                i += 1
    if handout.words_to_know:
        # Word and definition share one paragraph so they wrap together.
        terms = [_paragraph_pair(t.word, t.definition, st["box_item"]) for t in handout.words_to_know]
        story += _box(say["words_to_know"], terms, st, size, width, height, bullets=True)
    closing = _call_to_action(handout, config, st, size, width, height)
    for flowable in closing:
        flowable.closing = True  # lets the layout see when it sits alone on the last page
    return story + closing


def _lead_in_and_list(block: Block, items: Block, st: dict, size: PrintSize) -> list:
    """Return a paragraph whose last sentence introduces a list ("Common symptoms include:"): that
    sentence goes on its own line, on the same page as the list's first two items."""
    from reportlab.platypus import KeepTogether

    out = []
    if block.sentences[:-1]:
        out.append(_paragraph(" ".join(s.text for s in block.sentences[:-1]), st["body"]))
    lead = _paragraph(block.sentences[-1].text, st["lead_in"])
    # A list may break across pages (moving it whole would leave a gap), but never right after its lead-in.
    first, rest = items.items[:2], items.items[2:]
    out.append(KeepTogether([lead, _list(first, items.kind, st, size, last=not rest)]))
    if rest:
        out.append(_list(rest, items.kind, st, size, start=len(first) + 1))
    return out


def _paragraph_pair(word: str, definition: str, style):
    """Return "word: definition" with the word in bold; both escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(f"<b>{text(word)}:</b> {text(definition)}", style, bulletText="•")


WHOLE_BOX_ITEMS = 4  # a box this short (the call to action) never splits: its lines belong together


def _box(heading: str, items: list, st: dict, size: PrintSize, width: float, height: float,
         bullets: bool = False) -> list:
    """Return a bordered box with a bold heading: whole on one page when short, else split between rows."""
    from reportlab.platypus import CondPageBreak

    table = _box_table(heading, items, st, size, width, bullets)
    tall = table.wrap(width, height)[1]
    if tall <= height * 0.25 or len(items) <= WHOLE_BOX_ITEMS and tall <= height * 0.9:
        return [_whole(table, (heading, 1))]
    # A longer box moved whole can leave half a page blank (large print): let it split between
    # rows, its heading repeated, but not right after its heading.
    first_rows = sum(table._rowHeights[:1 + size.box_start_rows])
    return [CondPageBreak(first_rows + size.body * 2), _outline_mark(heading), table]


def _whole(flowable, outline: tuple[str, int]):
    """Return a flowable that never splits: it moves to the next page whole (KeepTogether
    still lets a splittable table break when its height estimate is a little off)."""
    from reportlab.platypus.flowables import Flowable

    class Whole(Flowable):
        def wrap(self, available_width, available_height):
            self.width, self.height = flowable.wrapOn(self.canv, available_width, available_height)
            return self.width, self.height

        def draw(self):
            flowable.drawOn(self.canv, 0, 0)

        def split(self, available_width, available_height):
            return []

        def getSpaceBefore(self):
            return flowable.getSpaceBefore()

        def getSpaceAfter(self):
            return flowable.getSpaceAfter()

    whole = Whole()
    whole.hAlign = "CENTER"  # like a Table: a box as wide as the margins sits over the frame's padding
    whole.outline = outline
    return whole


def _outline_mark(title: str, level: int = 1):
    """Return an invisible flowable that bookmarks where a box starts (afterFlowable cannot see
    a heading inside a table, and a table that splits loses its attributes)."""
    from reportlab.platypus.flowables import Flowable

    class OutlineMark(Flowable):
        def wrap(self, available_width, available_height):
            return 0, 0

        def draw(self):
            pass

    mark = OutlineMark()
    mark.outline = (title, level)
    return mark


def _box_table(heading: str, items: list, st: dict, size: PrintSize, width: float, bullets: bool = False,
               border: bool = True):
    """Return a table with a bold heading row and one row per item (so a long box splits between rows)."""
    from reportlab.platypus import Table, TableStyle

    for item in items:
        if bullets and not getattr(item, "bulletText", None):
            item.bulletText = "•"
    rows = [[_paragraph(heading, st["box_heading"])]] + [[item] for item in items]
    table = Table(rows, colWidths=[width], splitByRow=1, splitInRow=1, repeatRows=1 if border else 0,
                  spaceBefore=size.body * 0.3 if border else 0, spaceAfter=size.body * 0.8 if border else 0)
    pad = size.body * 0.6 if border else 0
    table.setStyle(TableStyle(_table_font(size) + [
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), size.body * size.box_row_gap),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size.body * size.box_row_gap),
        ("TOPPADDING", (0, 0), (-1, 0), pad * 0.6), ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ] + ([("BOX", (0, 0), (-1, -1), RULE * 1.5, "black")] if border else [])))
    return table


def _table_font(size: PrintSize) -> list:
    """Return table style commands for the embedded font: a Table sets its cell font (default
    Helvetica, never embedded) even when every cell holds paragraphs."""
    regular, _ = register_fonts()
    return [("FONTNAME", (0, 0), (-1, -1), regular), ("FONTSIZE", (0, 0), (-1, -1), size.body),
            ("LEADING", (0, 0), (-1, -1), size.body * LINE_SPACING)]


def _call_to_action(handout: Handout, config: Config, st: dict, size: PrintSize, width: float,
                    height: float) -> list:
    """Return the "Questions?" box: clinic phone, website, help lines; the QR code beside them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Table, TableStyle

    say = words_for(handout.meta.language)
    heading, scan = say["call_to_action"], say["scan_to_listen"]
    lines = [_paragraph_line(c.label, c.value, st["box_text"]) for c in contact_lines(handout, config)]
    url = audio_url(handout, config)
    if not url:
        return _box(heading, lines, st, size, width, height)
    pad = size.body * 0.6
    qr_width = max(size.qr_inches * 72, stringWidth(scan, st["box_heading"].fontName, size.body)) + pad * 2
    qr = _qr_drawing(url, size, scan)
    inner = _box_table(heading, lines, st, size, width - qr_width - pad * 2, border=False)
    outer = Table([[inner, qr]], colWidths=[width - qr_width, qr_width],
                  spaceBefore=size.body * 0.3, spaceAfter=size.body * 0.8)
    outer.setStyle(TableStyle(_table_font(size) + [
        ("BOX", (0, 0), (-1, -1), RULE * 1.5, "black"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    if outer.wrap(width, height)[1] <= height * 0.9:
        return [_whole(outer, (heading, 1))]
    # Too tall to stay on one page beside the code (a table cell cannot split): stack instead.
    return _box(heading, lines + [qr], st, size, width, height)


def _paragraph_line(label: str, value: str, style):
    """Return "label: value" with the value in bold, both escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(f"{text(label)}: <b>{text(value)}</b>", style)


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


def _block(block: Block, st: dict, size: PrintSize):
    """Return a paragraph, or a bulleted / numbered list."""
    if not block.is_list:
        return _paragraph(" ".join(s.text for s in block.sentences), st["body"])
    return _list(block.items, block.kind, st, size)


def _list(items: list, kind: str, st: dict, size: PrintSize, start: int = 1, last: bool = True):
    """Return a bulleted or numbered list of items (a list's later part starts at its own number)."""
    from reportlab.platypus import ListFlowable, ListItem

    flowables = [ListItem(_paragraph(" ".join(s.text for s in item), st["bullet"])) for item in items]
    regular, bold = register_fonts()
    numbered = kind == "numbered"
    return ListFlowable(
        flowables, bulletType="1" if numbered else "bullet", start=start if numbered else "•",
        bulletFontName=bold if numbered else regular, bulletFontSize=size.body,
        leftIndent=size.body * 1.6, spaceAfter=size.body * 0.6 if last else 0,
    )
