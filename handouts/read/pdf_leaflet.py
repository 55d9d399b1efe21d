"""Read a PDF leaflet: its text lines in reading order (down the left column, then the right), headings by
font size and weight, running headers, footers and page numbers dropped, words broken at line ends joined,
bullets and numbered steps kept. A scanned PDF has no text to read, and says so.

PDFium (pypdfium2) reads the text: each run of text on a line, with its box and font. A dense two-column
leaflet is read at about 35 pages a second, layout included; pdfplumber (pdfminer) gives the characters
alone at about 5, too slow for a 20-page leaflet in 2 seconds.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from handouts.errors import SourceError
from handouts.language import rx
from handouts.read.blocks import Extracted, RawBlock, clean_text, laid_out, unquote

_BULLETS = "•●▪■◦‣○·\\-–*\uf0b7\uf0a7\uf0d8\uf076\uf0fc"  # \uf0..: Word's Symbol and Wingdings bullets
_MARKER = re.compile(rf"^(?:([{_BULLETS}])|(\d{{1,2}}[.)]|[a-z][.)]))\s+")  # "• Rinse", "2. Dry", "b) Cover"
_LONE_MARKER = re.compile(rf"^(?:([{_BULLETS}])|(\d{{1,2}}[.)]?|[a-z][.)]))$")  # a marker set apart: "1" then a gap
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d+\s*[-–]?(?:\s*(?:of|/)\s*\d+)?$", re.I)
# Ligatures spelled out; "\x02" is how PDFium gives a hyphen at the end of a line.
_SPELLED_OUT = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\x02": "-"})
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_MARGIN = 0.1  # running headers and footers sit in the top and bottom tenth of the page
_MAX_HEADING_WORDS = 16
_SCANNED = ("this PDF is a picture of text (scanned): there is no text to read. Save it as text, or type it into "
            "a .txt file.")


@dataclass
class Line:
    """A line of text in one column of a page (or, before they are joined, a run of one), with its box (top
    down, in points) and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    page_height: float
    marker: str = ""  # "bullets" or "numbered" when the line starts a list item (its marker removed)
    text_x0: float = 0.0  # where the words start, after a list marker
    region: tuple = ()  # the page, band and column it is in: a change of region is a jump in the reading order


def read_pdf(raw: bytes, path) -> Extracted:
    """Read a PDF's bytes into blocks, with a note on pages that are pictures of text."""
    import pypdfium2  # here, not at the top: only a PDF source needs PDFium

    if b"%%EOF" not in raw[-1024:]:
        raise SourceError("this PDF is incomplete (cut off: was it still downloading?). Download or save it again.",
                          path)
    try:
        document = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as e:
        if "password" in str(e).lower():
            raise SourceError("this PDF is locked with a password, so its text cannot be read. Open it, save a copy "
                              "without the password, and build that.", path) from None
        raise SourceError("this PDF is damaged and cannot be read. Download or save it again.", path) from None
    try:
        pages = [_page_lines(page, n) for n, page in enumerate(document, start=1)]
        pictures = [n for n, lines in enumerate(pages, start=1) if not lines and _has_images(document[n - 1])]
    except Exception:  # a damaged page can fail anywhere in PDFium: one line for the user, never a traceback
        raise SourceError("this PDF is damaged and cannot be read. Download or save it again.", path) from None
    finally:
        document.close()
    if not any(pages):
        raise SourceError(_SCANNED, path)
    body = _body_size([line for page in pages for line in page])
    pages = _without_running_lines(pages, body)
    lines = [line for n, page in enumerate(pages) for line in _reading_order(page, (n,))]
    notes = [f"left out {_pages(pictures)}: {'it is a picture' if len(pictures) == 1 else 'they are pictures'} "
             f"of text (scanned), with no text to read"] if pictures else []
    return Extracted(_blocks(lines, body), notes=notes)


def _pages(numbers: list[int]) -> str:
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {', '.join(map(str, numbers))}"


def _has_images(page) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))


# --- lines on a page ------------------------------------------------------------------------

def _page_lines(page, number: int) -> list[Line]:
    """Return the lines of a page: PDFium's runs of text, joined when they sit on one line in one column."""
    textpage = page.get_textpage()
    height = page.get_size()[1]
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).translate(_SPELLED_OUT)
        if text.strip():
            size, bold = _font(textpage, left, bottom, right, top)
            runs.append(Line(text, left, right, height - top, height - bottom, size, bold, number, height))
    return [_line(row) for row in _rows(runs)]


def _font(textpage, left: float, bottom: float, right: float, top: float) -> tuple[float, bool]:
    """Return the size and boldness of the font of a run of text (its first character's)."""
    import pypdfium2.raw as pdfium_c

    half = (top - bottom) / 2
    index = textpage.get_index(left + min(half, (right - left) / 2), bottom + half, half, half)
    if index is None or index < 0:
        return top - bottom, False
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
    bold = (pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600 or bool(flags.value & 1 << 18)  # ForceBold
            or bool(_BOLD.search(name.value.decode("latin-1"))))
    return (size if size > 1 else top - bottom), bold  # a size of 1 scaled by the text matrix: the box tells


def _rows(runs: list[Line]) -> list[list[Line]]:
    """Group runs into lines: each run joins the line it sits level with and close to, never one across a
    column gap (a list marker may stand further from its words)."""
    lines: list[list[Line]] = []
    by_height: dict[int, list[list[Line]]] = {}  # lines by their middle, in 4-point bands, to look near only
    for run in sorted(runs, key=lambda r: r.x0):
        band, best = int(_middle(run) // 4), None
        for near in range(band - math.ceil(run.size / 8), band + math.ceil(run.size / 8) + 1):
            for line in by_height.get(near, ()):
                last = line[-1]
                size = max(run.size, last.size)
                reach = (3 if len(line) == 1 and _LONE_MARKER.match(last.text.strip()) else 1) * size
                off = abs(_middle(run) - _middle(last))
                if -size < run.x0 - last.x1 <= reach and off < 0.4 * size and (best is None or off < best[0]):
                    best = (off, line)
        if best:
            best[1].append(run)
        else:
            lines.append([run])
            by_height.setdefault(band, []).append(lines[-1])
    return lines


def _middle(run: Line) -> float:
    return (run.top + run.bottom) / 2


def _line(runs: list[Line]) -> Line:
    """Join the runs of one line into a Line, its font the one most of its letters are in."""
    text = runs[0].text
    for before, run in zip(runs, runs[1:]):
        apart = run.x0 - before.x1 > 0.15 * run.size  # a space; PDFium also splits a word where its font changes
        text += (" " if apart else "") + run.text
    text = " ".join(text.split())
    main = max(runs, key=lambda r: len(r.text.strip()))
    line = Line(text, runs[0].x0, runs[-1].x1, min(r.top for r in runs), max(r.bottom for r in runs),
                main.size, all(r.bold for r in runs if len(r.text.strip()) > 1), runs[0].page, runs[0].page_height,
                text_x0=runs[0].x0)
    apart = len(runs) > 1 and runs[1].x0 - runs[0].x1 > 0.25 * runs[0].size  # not "5" in bold, then "ways to ..."
    lone = _LONE_MARKER.match(runs[0].text.strip()) if apart else None
    m = lone or _MARKER.match(text)
    if m:
        line.marker = "bullets" if m.group(1) else "numbered"
        line.text = " ".join(r.text.strip() for r in runs[1:]) if lone else text[m.end():]
        line.text_x0 = runs[1].x0 if lone else line.x0
    return line


# --- running headers and footers, reading order -----------------------------------------------------

def _without_running_lines(pages: list[list[Line]], body: float) -> list[list[Line]]:
    """Drop what sits in the top or bottom margin in small type, page numbers, and lines that repeat at the
    same place in the margin of other pages: running headers and footers."""
    def in_margin(line: Line) -> bool:
        return line.top < _MARGIN * line.page_height or line.bottom > (1 - _MARGIN) * line.page_height

    margins = [line for lines in pages for line in lines if in_margin(line)]
    shapes = {id(line): rx.sub(r"\d+", "#", line.text.lower()).strip() for line in margins}  # "page #"
    running = {id(line) for line in margins
               if _PAGE_NUMBER.match(line.text.strip()) or line.size < 0.9 * body
               or any(o.page != line.page and shapes[id(o)] == shapes[id(line)] and abs(o.top - line.top) < 3
                      for o in margins)}
    return [[line for line in lines if id(line) not in running] for lines in pages]


def _reading_order(lines: list[Line], region: tuple) -> list[Line]:
    """Order lines as a person reads them: in each band between lines that span the columns, the left column
    from top to bottom, then the next (each may hold columns of its own: a three-panel leaflet)."""
    gutter = _gutter(lines)
    ordered = sorted(lines, key=lambda line: (line.top, line.x0))
    if gutter is None:
        for line in ordered:
            line.region = region
        return ordered
    out, band = [], []
    for line in ordered:
        if line.x0 < gutter < line.x1:  # a line across the columns (a title) ends the band above it
            out += _columns(band, gutter, region + (len(out),))
            band, line.region = [], region + (len(out),)
            out.append(line)
        else:
            band.append(line)
    return out + _columns(band, gutter, region + (len(out),))


def _columns(band: list[Line], gutter: float, region: tuple) -> list[Line]:
    """Return a band's lines left of the gutter, then those right of it, each in reading order."""
    left = [line for line in band if line.x1 <= gutter]
    right = [line for line in band if line.x1 > gutter]
    return _reading_order(left, region + ("left",)) + _reading_order(right, region + ("right",))


def _gutter(lines: list[Line]) -> float | None:
    """Return the x of the gap between two columns of text, or None when the page has one column."""
    if len(lines) < 6:
        return None
    x_min, x_max = min(line.x0 for line in lines), max(line.x1 for line in lines)
    best = None
    for step in range(31, 70):  # the gap lies in the middle of the text's width
        x = x_min + (x_max - x_min) * step / 100
        crossing = sum(line.x0 < x < line.x1 for line in lines)
        left = sum(line.x1 <= x for line in lines)
        right = sum(line.x0 >= x for line in lines)
        if left >= 3 and right >= 3 and crossing <= 0.1 * len(lines) and (best is None or crossing < best[0]):
            best = (crossing, x)
    return best[1] if best else None


# --- blocks ---------------------------------------------------------------------------------

def _blocks(lines: list[Line], body: float) -> list[RawBlock]:
    """Form headings, paragraphs and lists from lines in reading order, `body` the size of the body text."""
    leading = _leading(lines)
    groups: list[list[Line]] = []
    for line in lines:
        if groups and _continues(groups[-1], line, leading, body):
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks: list[RawBlock] = []
    title = _title(groups, body)
    words = {w.lower() for line in lines for w in rx.findall(r"\w+(?:-\w+)*", line.text)}  # to mend broken words
    items_x = None  # where the markers of the list being read stand
    for group in groups:
        text = clean_text(_joined_lines(group, words))
        first = group[0]
        if first.marker == "numbered" and _is_heading(group, text, body):
            first.marker = ""  # "1. Introduction" in bold: a numbered section title, not a step
        if first.marker and items_x is not None and first.x0 > items_x + 0.5 * first.size:
            # An item of a list set in under the one above: laid out with it, as the Markdown reader does.
            blocks[-1].texts.append(text)
            blocks[-1].levels.append((1, first.marker))
        elif first.marker and items_x is not None and blocks[-1].kind == first.marker:
            blocks[-1].texts.append(text)
            blocks[-1].levels.append((0, first.marker))
        elif first.marker:
            items_x = first.x0
            blocks.append(RawBlock(first.marker, [text], levels=[(0, first.marker)]))
        else:
            items_x = None
            blocks.append(_text_block(group, text, body, group is title))
    blocks = laid_out(blocks)
    title_block = next((b for b in blocks if b.title), None)
    if title_block is not None:
        blocks.remove(title_block)
        blocks.insert(0, title_block)  # the largest words on the first page name the leaflet, wherever they sit
    return blocks


def _text_block(group: list[Line], text: str, body: float, title: bool) -> RawBlock:
    """Return a heading or a paragraph."""
    if _is_heading(group, text, body):
        return RawBlock("heading", [text], title=title)
    text, quoted = unquote(text)
    return RawBlock("paragraph", [text], quoted=quoted)


def _is_heading(group: list[Line], text: str, body: float) -> bool:
    """A heading is short, has no full stop, and is larger than the body text or bold."""
    return _display(group[0], body) and len(text.split()) <= _MAX_HEADING_WORDS \
        and not rx.search(r"[.,;][\"”’')\]]*$", text)


def _body_size(lines: list[Line]) -> float:
    """Return the font size most of the text is in."""
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0]


def _leading(lines: list[Line]) -> dict[float, float]:
    """Return the usual distance between the tops of two lines of a paragraph, per font size."""
    steps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:]):
        step = b.top - a.top
        if a.region == b.region and abs(a.size - b.size) < 0.5 and 0 < step < 2.5 * a.size:
            steps.setdefault(round(a.size * 2) / 2, []).append(step)
    return {size: statistics.median(s) for size, s in steps.items()}


def _continues(group: list[Line], line: Line, leading: dict[float, float], body: float) -> bool:
    """Tell whether a line carries on the paragraph, heading or list item of the lines before it."""
    last = group[-1]
    if line.marker or abs(line.size - last.size) >= 0.5 or line.bold != last.bold:
        return False
    # A sentence of body text goes on, whatever the spacing, across a column or a page; headings end at a gap.
    unfinished = not rx.search(r"[.!?:;][\"”’')\]]*$", last.text) and not _display(last, body)
    if line.region != last.region:
        return unfinished
    step = line.top - last.top
    # Headings are too few to measure their spacing by: the space between two of them would pass for it.
    usual = 1.25 * last.size if _display(last, body) else leading.get(round(last.size * 2) / 2, 1.2 * last.size)
    if group[0].marker and line.x0 < group[0].text_x0 - 0.5 * line.size:
        return False  # back at the margin: the list item has ended
    if not group[0].marker and line.x0 > last.x0 + 0.8 * line.size and not unfinished:
        return False  # an indented first line starts a paragraph
    return step < (2.5 if unfinished else 1.3) * usual


def _display(line: Line, body: float) -> bool:
    """Tell whether a line is set as a heading is: bold, or larger than the body text."""
    return line.bold and line.size >= 0.95 * body or line.size >= 1.15 * body


def _title(groups: list[list[Line]], body: float) -> list[Line] | None:
    """Return the group in the largest type on the first page, when no other text is as large."""
    largest = max(groups, key=lambda g: g[0].size)
    if largest[0].page != 1 or largest[0].size < 1.3 * body or largest[0].marker:
        return None
    if sum(1 for g in groups if abs(g[0].size - largest[0].size) < 0.5) > 1:
        return None
    return largest


def _joined_lines(group: list[Line], words: set[str]) -> str:
    """Join the lines of a paragraph; a word broken by a hyphen at a line's end is made whole."""
    text = group[0].text.strip()
    for line in group[1:]:
        text = _join(text, line.text.strip(), words)
    return text


def _join(text: str, following: str, seen: set[str]) -> str:
    """Join two lines: 'peo-' + 'ple' is 'people'; 'self-' + 'care' stays 'self-care'.

    The document's own spelling elsewhere decides; otherwise a hyphen between two words is kept."""
    broken = rx.search(r"(\w+)[-\u2010\u00ad]$", text)
    if not broken:
        return f"{text} {following}"
    right = rx.match(r"[a-z]+", following)
    if not right:
        return text[:-1] + "-" + following  # "COVID-" + "19"
    left, right = broken.group(1).lower(), right.group()
    if f"{left}-{right}" in seen or left + right not in seen and _both_words(left, right):
        return text[:-1] + "-" + following  # a compound that broke at its own hyphen
    return text[:-1] + following


def _both_words(left: str, right: str) -> bool:
    from handouts.language.grammar import dictionary_words  # here: only a hyphen at a line's end needs the words

    return left in dictionary_words() and right in dictionary_words()
