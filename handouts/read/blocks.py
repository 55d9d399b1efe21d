"""The blocks every reader produces (headings, paragraphs, lists) before sections are formed, and the
helpers the readers share, so a Word document, a PDF, a web page and a text file arrive alike."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from handouts.language.lexicon import uncap

QUOTES = ("\"“”„«»", "\"”“«»")  # marks that open, and marks that close, a quoted passage
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))  # removed on reading


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
    """Compose accents and drop soft hyphens and zero-width marks, which hide words from every rule."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


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
