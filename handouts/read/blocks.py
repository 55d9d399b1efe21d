"""The blocks every reader produces (headings, paragraphs, lists) before sections are formed, and the
helpers the readers share, so a Word document, a PDF, a web page and a text file arrive alike."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from handouts.language.lexicon import uncap

QUOTES = ("\"“”„«»", "\"”“«»")  # marks that open, and marks that close, a quoted passage
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphens and zero-width marks: removed on reading
# Direction marks and overrides: the handouts are printed left to right, and an override pasted into a text
# (or planted in it) would show its letters in an order other than the one they are read in.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Control characters are no text (NUL bytes, bells, escape codes a bad export leaves): removed, all but tab and
# newline; a carriage return ends a line. Those that part words (vertical tab, form feed, the separators, NEL)
# become a space: editors do not count them as lines, so the line numbers in messages stay the editor's.
_SEPARATORS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_CONTROLS = [chr(c) for c in (*range(0x20), 0x7f, *range(0x80, 0xa0)) if chr(c) not in "\t\n"]
# Spaces and hyphens that only typesetting tells apart, as the signs every font has ("self‐care", "10 000"):
# the fonts have none of them, and a rule looking for "-" or " " would miss them.
_SPACES = "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
_PLAIN_FORMS = {**dict.fromkeys(_SPACES, " "), "\u2007": "\u00a0", "\u202f": "\u00a0",  # the no-break ones stay so
                "\u2010": "-", "\u2011": "-", "\u2012": "–", "\u2015": "—"}
_CLEAN = str.maketrans({**dict.fromkeys(_INVISIBLE + _BIDI), **dict.fromkeys(_CONTROLS),
                        **dict.fromkeys(_SEPARATORS, " "), "\r": "\n", **_PLAIN_FORMS})


@dataclass
class RawBlock:
    """A block as found in the source, before sections are formed."""

    kind: str  # "heading", "paragraph", "bullets", "numbered"
    texts: list[str] = field(default_factory=list)
    line: int = 0
    quoted: bool = False
    title: bool = False  # a top-level heading ("# ", <h1>, Word's Title): at the very top it names the handout


@dataclass
class Extracted:
    """What a reader found in a file: its blocks, its front matter, and notes on how it was read."""

    blocks: list[RawBlock]
    front: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # said by the build: the encoding assumed, tracked changes


def clean_text(text: str) -> str:
    """Compose accents; drop control characters, soft hyphens, zero-width and direction marks, which hide words
    from every rule; write typeset spaces and hyphens as plain ones."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).translate(_CLEAN)


def clean_line(text: str) -> str:
    """Return the text of a block cleaned as `clean_text` does, on one line."""
    return clean_text(text).replace("\n", " ")


# The addresses a link may have: anything else (javascript:, vbscript:, data:, file: ...) runs code, carries a
# hidden payload or reads the reader's own files. A link's words are kept; its address is never printed or said.
LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)
# Such an address written out in the text (an autolink, a link whose words are its address, a link the source
# broke): removed with what follows it up to the next space.
_UNSAFE_ADDRESS = re.compile(r"\b(?:java|vb|live)script:\S*|\bdata:[\w.+-]+/[\w.+-]+[;,]\S*|\bdata:[;,]\S*"
                             r"|\bfile:/\S*", re.I)


def safe_link(href: str) -> bool:
    """Tell whether a link's address is one a handout may carry: http(s), mailto, tel (or one with no scheme)."""
    scheme = _SCHEME.match(href or "")
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


def without_unsafe_addresses(text: str) -> str:
    """Remove every javascript:, vbscript:, data: or file: address written out in a text."""
    if ":" not in text or not _UNSAFE_ADDRESS.search(text):
        return text
    return " ".join(_UNSAFE_ADDRESS.sub(" ", text).split())


def has_letters(text: str) -> bool:
    """Tell whether a text has a letter of any script: one of numbers, signs and spaces alone is no text."""
    return any(c.isalpha() for c in text)


def unquote(text: str) -> tuple[str, bool]:
    """Drop the quote marks around a whole quoted paragraph."""
    if len(text) > 2 and text[0] in QUOTES[0] and text[-1] in QUOTES[1] \
            and not any(q in text[1:-1] for q in "“”\""):
        return text[1:-1].strip(), True
    return text, False


def sentence_end(text: str) -> str:
    """Return text ending with a full stop (a list item often has none)."""
    return text if re.search(r"[.!?:]$", text) else text + "."


def nested_item(parent: str, text: str, outer_kind: str) -> str:
    """Fold an item of a nested list into the item above it.

    A note under step 5 belongs to step 5: as a step of its own it would get a wrong number.
    Bullets under "Ibuprofen (Advil, Motrin)" are about ibuprofen: flattened, they would not say so."""
    heading_like = outer_kind == "bullets" and not re.search(r"[.!?:]$", parent)
    joint = f"{parent}:" if heading_like else sentence_end(parent)
    return f"{joint} {sentence_end(text)}"


def table_rows(rows: list[list[str]]) -> list[str]:
    """Say each row of a table as one line: 'Reliever: colour blue; use when you have symptoms'."""
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows if any(row)]
    header, out = rows[0], []
    for row in rows[1:]:
        # A header that asks ("How often") is answered by its cell ("Every 4 weeks"): say only the answer.
        pairs = [c if not h else uncap(c) if re.match(r"(?:how|when|what|where|who|which)\b", h, re.I)
                 else f"{uncap(h)}: {c}" if re.search(r"\d", h)  # "acetaminophen 160 mg/5 mL: 2.5 mL"
                 else f"{h.lower()} {uncap(c)}" for h, c in zip(header[1:], row[1:]) if c]
        label = row[0] if row else ""
        if label[:1].isdigit() and header[0]:
            label = f"{header[0]} {label}"  # "4 to 28" alone has lost its unit: "Weeks of pregnancy 4 to 28"
        out.append(f"{label}: {'; '.join(pairs)}" if label and pairs else " ".join(c for c in row if c))
    return [t for t in out if t]
