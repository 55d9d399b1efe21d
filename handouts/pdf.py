"""Make the printable PDF handouts (standard and large print) with ReportLab."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from .config import Config
from .fonts import register_fonts
from .model import Block, Handout


@dataclass(frozen=True)
class PrintSize:
    """Type sizes for one print version."""

    name: str
    body: float
    heading: float
    title: float
    suffix: str  # added to the file name


STANDARD = PrintSize("standard", body=14, heading=17, title=22, suffix="")
LARGE = PrintSize("large print", body=18, heading=22, title=26, suffix="-large-print")
LINE_SPACING = 1.4


def text(value: str) -> str:
    """Escape user text before it reaches ReportLab's paragraph markup parser."""
    return escape(value, {'"': "&quot;"})


def build_pdf(handout: Handout, config: Config, size: PrintSize = STANDARD) -> tuple[bytes, int]:
    """Return the PDF bytes of a handout and its page count."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import inch
    from reportlab.platypus import SimpleDocTemplate

    regular, bold = register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4 if config.page_size == "a4" else LETTER,
        leftMargin=0.85 * inch, rightMargin=0.85 * inch,
        topMargin=0.8 * inch, bottomMargin=1.0 * inch,
        title=handout.meta.title, author=config.clinic_name,
        subject=f"Plain-language handout ({size.name})",
        creator="handouts", producer="handouts",
        lang=handout.meta.language, invariant=1,
        initialFontName=regular, initialFontSize=size.body,
    )
    story = _story(handout, config, size)
    pages = _PageCounter()
    doc.build(story, canvasmaker=_footer_canvas(handout, config, size, pages))
    return buffer.getvalue(), pages.count


def _styles(size: PrintSize):
    """Return paragraph styles: sans-serif, left-aligned, ragged right, black on white."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=size.body, leading=size.body * LINE_SPACING,
                          alignment=TA_LEFT, spaceAfter=size.body * 0.8)
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=size.body * 0.3),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=size.heading,
                                  leading=size.heading * 1.3, spaceBefore=size.body * 0.6,
                                  spaceAfter=size.body * 0.5, keepWithNext=1),
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=size.title,
                                leading=size.title * 1.25, spaceAfter=size.body),
    }


def _story(handout: Handout, config: Config, size: PrintSize) -> list:
    """Lay out the handout's flowables in reading order."""
    from reportlab.platypus import Paragraph

    st = _styles(size)
    story = [Paragraph(text(handout.meta.title), st["title"])]
    for section in handout.sections:
        if section.heading:
            story.append(Paragraph(text(section.heading), st["heading"]))
        for block in section.blocks:
            story.append(_block(block, st, size))
    return story


def _block(block: Block, st: dict, size: PrintSize):
    """Return a paragraph, or a bulleted / numbered list."""
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    if not block.is_list:
        return Paragraph(text(" ".join(s.text for s in block.sentences)), st["body"])
    items = [ListItem(Paragraph(text(" ".join(s.text for s in item)), st["bullet"])) for item in block.items]
    regular, _ = register_fonts()
    return ListFlowable(
        items, bulletType="1" if block.kind == "numbered" else "bullet",
        start=None if block.kind == "numbered" else "•",
        bulletFontName=regular, bulletFontSize=size.body, leftIndent=size.body * 1.6,
        spaceAfter=size.body * 0.8,
    )


class _PageCounter:
    count = 0


def _footer_canvas(handout: Handout, config: Config, size: PrintSize, pages: _PageCounter):
    """Return a canvas class that writes "Page X of Y" once the page count is known."""
    from reportlab.lib.units import inch
    from reportlab.pdfgen.canvas import Canvas

    regular, _ = register_fonts()

    class FooterCanvas(Canvas):
        def __init__(self, *args, **kw):
            kw.setdefault("initialFontName", regular)
            super().__init__(*args, **kw)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            pages.count = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._draw_footer(pages.count)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int):
            width, _ = self._pagesize
            self.setFont(regular, size.body)
            self.setFillColorRGB(0, 0, 0)
            y = 0.55 * inch
            self.drawString(0.85 * inch, y, config.clinic_name)
            self.drawRightString(width - 0.85 * inch, y, f"Page {self._pageNumber} of {total}")

    return FooterCanvas
