"""Read a Word document (.docx): mammoth turns it into HTML by its styles (headings, lists with their
nesting, tables), which is then read as a web page's article is. Tracked changes are read as accepted,
comments, footnotes and pictures are left out, and the notes say so."""

from __future__ import annotations

import io
import re
import zipfile

from handouts.errors import SourceError
from handouts.language import rx
from handouts.read.blocks import Extracted
from handouts.read.html_blocks import html_blocks, tag_of

# Word's Title style names the handout (an <h1> at the top does); mammoth's default map knows only Heading 1-6.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
"""
_NOTE_LINK = re.compile(r"^#(?:footnote|endnote)-")  # mammoth's links to and from footnotes and endnotes
_NOTE = re.compile(r"^(?:footnote|endnote)-")


def read_docx(raw: bytes, path) -> Extracted:
    """Read a Word document's bytes into blocks, with notes on tracked changes and what was left out."""
    import mammoth  # here, not at the top: only a Word document needs it
    from lxml import html

    pictures: list = []
    try:
        changed, comments = _review_marks(raw)
        converted = mammoth.convert_to_html(io.BytesIO(raw), style_map=STYLE_MAP,
                                            convert_image=lambda image: pictures.append(image) or [])
        root = html.fragment_fromstring(converted.value or "<p></p>", create_parent="div")
    except Exception:  # a damaged file fails in the zip, its XML or mammoth: one line for the user, never a traceback
        raise SourceError("this Word document cannot be read: it is damaged, locked with a password, or not "
                          "really a .docx. Open it in Word and save it again as a Word document (.docx), "
                          "without a password.", path) from None
    footnotes = _drop_notes(root)
    notes = []
    if changed:
        notes.append("its tracked changes were read as accepted (inserted words kept, deleted words left out); "
                     "accept or reject them in Word if that is not what it should say")
    left_out = [_count(footnotes, "footnote"), _count(comments, "comment"), _count(len(pictures), "picture")]
    if any(left_out):
        notes.append(f"left out of the handout: {', '.join(x for x in left_out if x)}")
    return Extracted(html_blocks(root), notes=notes)


def _review_marks(raw: bytes) -> tuple[bool, int]:
    """Return whether the document has tracked changes, and how many comments it has."""
    with zipfile.ZipFile(io.BytesIO(raw)) as docx:
        body = docx.read("word/document.xml")
        comments = docx.read("word/comments.xml") if "word/comments.xml" in docx.namelist() else b""
    changed = rx.search(rb"<w:(?:ins|del|moveFrom|moveTo)\b", body) is not None
    return changed, len(rx.findall(rb"<w:comment\b", comments))


def _drop_notes(root) -> int:
    """Remove footnote and endnote markers (like citation numbers) and the notes themselves; return how many."""
    for link in [a for a in root.iter("a") if _NOTE_LINK.match(a.get("href", ""))]:
        link.drop_tree()  # keeps the words after the marker
    notes = [li for li in root.iter("li") if _NOTE.match(li.get("id", ""))]
    for note_list in {li.getparent() for li in notes}:
        note_list.drop_tree()
    for sup in [s for s in root.iter() if tag_of(s) == "sup" and not s.text_content().strip()]:
        sup.drop_tree()  # the empty superscript a marker sat in
    return len(notes)


def _count(n: int, what: str) -> str:
    return "" if not n else f"{n} {what}{'' if n == 1 else 's'}"
