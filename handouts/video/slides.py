"""The pictures of a handout's video: which slide shows when, and each frame (slide and caption) drawn with Pillow."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WIDTH, HEIGHT = 1920, 1080
MARGIN = 144  # slide text stays inside the title-safe area: TVs may crop the picture's edges
CAPTION_SIDE = 96  # captions may use the action-safe width (5% each side), they are the most needed text
CAPTION_SIZE = 68  # at least 5% of the screen height (54 px at 1080p) for reading from across a waiting room
CAPTION_LINE = 84
CAPTION_BOTTOM = HEIGHT - 54 - 12  # the last line's box ends above the action-safe edge
BAND_TOP = HEIGHT - 54 - 2 * CAPTION_LINE - 48  # room for 2 lines: the captions never exceed that
HELD_GAP = 1.0  # a caption stays up through a shorter silence: blinking off between sentences distracts

BACKGROUND = (14, 30, 54)  # dark navy: a full white screen glares in a dim room; white text on it is 15:1
BAND = (0, 0, 0)
TEXT = (255, 255, 255)
MUTED = (216, 224, 234)  # still above 12:1 on the background
ACCENT = (255, 214, 10)

HEADING_SIZE, ITEM_SIZE, TOP_SIZE, TITLE_SIZE = 80, 56, 40, 100
SMALL_ITEM_SIZE = 48  # a list that fits on one slide in this size is shown whole: the key points read as one summary


@dataclass(frozen=True)
class Part:
    """A stretch of the narration and its slide: from `start` (seconds) a heading and the items under it,
    each with the time it starts being read (None: shown, not read)."""

    start: float
    heading: str
    items: tuple[tuple[float | None, str], ...] = ()


@dataclass(frozen=True)
class Storyboard:
    """Everything a handout's video shows: the title slide, then its parts, the cues (start, end, text) and length."""

    title: str
    parts: tuple[Part, ...]
    cues: tuple[tuple[float, float, str], ...]
    seconds: float
    subtitle: str = ""  # under the title ("A handout from Your Clinic.")
    notice: str = ""  # on every slide ("DRAFT - not yet reviewed"), so nobody takes a draft for reviewed


@dataclass(frozen=True)
class Slide:
    """What one picture shows above the captions."""

    heading: str
    items: tuple[str, ...] = ()
    current: int = -1  # the item being read, marked; -1: none
    title: bool = False  # the title slide: large centred heading
    size: int = ITEM_SIZE  # the items' type size


@dataclass(frozen=True)
class Frame:
    """One still picture of the video: from `start` to `end` (seconds), a slide and the caption on it."""

    start: float
    end: float
    slide: Slide
    caption: str  # its lines joined by "\n"; "" for none


@dataclass(frozen=True)
class Fonts:
    """The TTF files the video is drawn with (the project's font, passed in by the caller)."""

    regular: Path
    bold: Path


@lru_cache(maxsize=64)
def _font(path: Path, size: int):
    """Return a loaded font (loading one takes milliseconds; a video draws many frames with a few)."""
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size)


def wrap(text: str, font, width: float) -> list[str]:
    """Return text broken into lines no wider than `width` pixels (a longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _heading_lines(heading: str, fonts: Fonts) -> tuple[object, list[str]]:
    """Return the heading's font and lines: smaller type when it would take more than two lines."""
    for size in (HEADING_SIZE, 68, 56):
        font = _font(fonts.bold, size)
        lines = wrap(heading, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 2:
            break
    return font, lines


def _items_top(heading: str, fonts: Fonts) -> int:
    """Return where the items start under a heading."""
    font, lines = _heading_lines(heading, fonts)
    return 150 + len(lines) * round(font.size * 1.2) + 40


def _line(size: int) -> int:
    """Return the line height of items in type of `size` px."""
    return round(size * 1.25)


def _item_lines(text: str, fonts: Fonts, size: int) -> list[str]:
    """Return an item's lines (beside its bullet)."""
    return wrap(text, _font(fonts.regular, size), WIDTH - 2 * MARGIN - 64)


def _paginate(heading: str, items: list[str], fonts: Fonts, size: int) -> list[list[int]]:
    """Split items (by index) into pages that fit between the heading and the captions, in type of `size` px."""
    room = BAND_TOP - 32 - _items_top(heading, fonts)
    found: list[list[int]] = [[]]
    used = 0
    for i, text in enumerate(items):
        need = len(_item_lines(text, fonts, size)) * _line(size) + 24
        if found[-1] and used + need > room:
            found.append([])
            used = 0
        found[-1].append(i)
        used += need
    return found


def pages(heading: str, items: list[str], fonts: Fonts) -> tuple[int, list[list[int]]]:
    """Return the items' type size and the items (by index) split into pages: on one page in smaller type when
    that is enough, else on several in the usual size."""
    for size in (ITEM_SIZE, SMALL_ITEM_SIZE):
        found = _paginate(heading, items, fonts, size)
        if len(found) == 1:
            return size, found
    return ITEM_SIZE, _paginate(heading, items, fonts, ITEM_SIZE)


def slide_changes(board: Storyboard, fonts: Fonts) -> list[tuple[float, Slide]]:
    """Return (time, slide) each time the picture above the captions changes: the title, then each part's
    pages, with the item being read marked."""
    changes = [(0.0, Slide(board.title, (board.subtitle,) if board.subtitle else (), title=True))]
    for part in board.parts:
        texts = [text for _, text in part.items]
        if not texts:
            changes.append((part.start, Slide(part.heading)))
            continue
        size, split = pages(part.heading, texts, fonts)
        for n, page in enumerate(split):
            shown = tuple(texts[i] for i in page)
            read = [(part.items[i][0], k) for k, i in enumerate(page) if part.items[i][0] is not None]
            # The first page comes up with its part; a later one when its first item is read.
            first = part.start if n == 0 else (read[0][0] if read else None)
            if first is not None:
                changes.append((first, Slide(part.heading, shown, size=size)))
            changes += [(when, Slide(part.heading, shown, current=k, size=size)) for when, k in read]
    return changes


def frames(board: Storyboard, changes: list[tuple[float, Slide]]) -> list[Frame]:
    """Return the stills of the video in order: a new one at each slide or caption change, none shorter than 20 ms."""
    end = round(board.seconds, 3)
    cues = sorted((round(s, 3), round(e, 3), t) for s, e, t in board.cues if t.strip())
    held = []
    for i, (start, stop, text) in enumerate(cues):
        after = cues[i + 1][0] if i + 1 < len(cues) else end
        held.append((start, after if after - stop < HELD_GAP else stop, text))
    # Times in milliseconds (the captions' precision), so a cue and the slide it starts land on one instant.
    marks = sorted({0.0, *(round(t, 3) for t, _ in changes), *(s for s, _, _ in held), *(e for _, e, _ in held)})
    marks = [t for t in marks if 0.0 <= t < end] + [end]
    result: list[Frame] = []
    for start, stop in zip(marks, marks[1:]):
        slide = [s for t, s in changes if round(t, 3) <= start][-1]
        caption = next((t for s, e, t in held if s <= start < e), "")
        if result and (result[-1].slide, result[-1].caption) == (slide, caption):
            result[-1] = Frame(result[-1].start, stop, slide, caption)
        elif result and stop - start < 0.02:
            result[-1] = Frame(result[-1].start, stop, result[-1].slide, result[-1].caption)
        else:
            result.append(Frame(start, stop, slide, caption))
    return result or [Frame(0.0, max(end, 0.04), changes[0][1], "")]  # no sound at all: still one picture


def draw(frame: Frame, board: Storyboard, fonts: Fonts):
    """Return the frame as a 1920x1080 RGB image: the slide above, the caption in a black band below."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    slide = frame.slide
    if slide.title:
        _draw_title(pen, slide, fonts)
    else:
        pen.text((MARGIN, 64), board.title, font=_font(fonts.regular, TOP_SIZE), fill=MUTED, anchor="la")
        _draw_slide(pen, slide, fonts)
    if board.notice:
        _draw_notice(pen, board.notice, fonts)
    pen.rectangle((0, BAND_TOP, WIDTH, HEIGHT), fill=BAND)
    _draw_caption(pen, frame.caption, fonts)
    return image


def _draw_title(pen, slide: Slide, fonts: Fonts) -> None:
    """Draw the title slide: the title large and centred, the line under it smaller."""
    font = _font(fonts.bold, TITLE_SIZE)
    lines = wrap(slide.heading, font, WIDTH - 2 * MARGIN)
    if len(lines) > 3:
        font = _font(fonts.bold, 76)
        lines = wrap(slide.heading, font, WIDTH - 2 * MARGIN)
    step = round(font.size * 1.2)
    sub = _font(fonts.regular, ITEM_SIZE)
    block = len(lines) * step + (40 + 70 if slide.items else 0)
    y = (BAND_TOP - block) // 2
    for line in lines:
        pen.text((WIDTH // 2, y), line, font=font, fill=TEXT, anchor="ma")
        y += step
    for line in slide.items:
        pen.text((WIDTH // 2, y + 40), line, font=sub, fill=MUTED, anchor="ma")


def _draw_slide(pen, slide: Slide, fonts: Fonts) -> None:
    """Draw a heading and its items as a list, a yellow bar beside the item being read."""
    font, lines = _heading_lines(slide.heading, fonts)
    y = 150
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill=TEXT, anchor="la")
        y += round(font.size * 1.2)
    pen.rectangle((MARGIN, y + 8, MARGIN + 160, y + 16), fill=ACCENT)  # sets the heading off from the list
    y += 40
    item_font, step = _font(fonts.regular, slide.size), _line(slide.size)
    for k, text in enumerate(slide.items):
        item_lines = _item_lines(text, fonts, slide.size)
        if k == slide.current:
            pen.rectangle((MARGIN - 40, y + 4, MARGIN - 28, y + len(item_lines) * step - 4), fill=ACCENT)
        pen.text((MARGIN + 8, y), "\u2022", font=item_font, fill=TEXT, anchor="la")
        for line in item_lines:
            pen.text((MARGIN + 64, y), line, font=item_font, fill=TEXT, anchor="la")
            y += step
        y += 24


def _draw_notice(pen, notice: str, fonts: Fonts) -> None:
    """Draw the notice (a draft's) top right, black on yellow so it cannot be missed."""
    font = _font(fonts.bold, TOP_SIZE)
    right, top = WIDTH - MARGIN, 56
    left = right - font.getlength(notice) - 36
    pen.rectangle((left, top, right, top + TOP_SIZE + 24), fill=ACCENT)
    pen.text(((left + right) / 2, top + 12), notice, font=font, fill=BAND, anchor="ma")


def _draw_caption(pen, caption: str, fonts: Fonts) -> None:
    """Draw a caption's lines centred in the band, the last line at the bottom (where viewers look for it)."""
    lines = [line for line in caption.split("\n") if line.strip()]
    if not lines:
        return
    size = CAPTION_SIZE
    font = _font(fonts.regular, size)
    while size > 54 and max(font.getlength(line) for line in lines) > WIDTH - 2 * CAPTION_SIDE:
        size -= 2  # a line of unusually wide letters: smaller type rather than cut off (never under 54 px)
        font = _font(fonts.regular, size)
    top = CAPTION_BOTTOM - len(lines) * CAPTION_LINE
    for n, line in enumerate(lines):
        pen.text((WIDTH // 2, top + n * CAPTION_LINE + CAPTION_LINE // 2), line, font=font, fill=TEXT, anchor="mm")
