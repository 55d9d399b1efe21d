"""The data model every stage passes along: a handout has metadata and sections;
a section has a heading and blocks (paragraphs, lists); blocks hold sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


TEXT, BULLET, STEP = "text", "bullet", "step"  # a sentence's role: running text, or an item a rule cut out


@dataclass
class Sentence:
    """One sentence, with the source sentence(s) it came from and the rules that changed it."""

    text: str
    sources: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    role: str = "text"  # "text", or "bullet" / "step": an item of a list a rule cut from a sentence
    origin: int = -1  # which source sentence (its place in reading order) it came from; -1: none


@dataclass
class Block:
    """A paragraph (one item) or a bulleted / numbered list (one item per entry)."""

    kind: str  # "paragraph", "bullets" or "numbered"
    items: list[list[Sentence]] = field(default_factory=list)
    line: int = 0  # where it starts in the source, for error messages
    level: int = 0  # a list set in under the last item of the list before it (1), or not (0)

    KINDS = ("paragraph", "bullets", "numbered")

    def __post_init__(self):
        if self.kind not in self.KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")

    @property
    def sentences(self) -> list[Sentence]:
        """Return every sentence of the block, in reading order."""
        return [s for item in self.items for s in item]

    @property
    def is_list(self) -> bool:
        return self.kind != "paragraph"


def lead_ins(blocks: list[Block], heading: str = "") -> list[str]:
    """Return the sentence that leads into each block ("Call your nurse if you notice any of these:"): the one just
    before it, or for a list that goes on after a list set in under one of its items, the outer list's own; for the
    first, a section heading that leads in ("Return to the emergency department or call 911 if:")."""
    out, said = [], {}  # said: the lead-in of the list at each level
    for n, block in enumerate(blocks):
        before = blocks[n - 1] if n else None
        last = before.items[-1][-1].text if before and before.items and before.items[-1] else \
            heading if n == 0 and heading.rstrip().endswith(":") else ""
        lead = said.get(block.level, "") if before is not None and before.level > block.level else last
        said[block.level] = lead
        out.append(lead)
    return out


def list_nests(blocks: list[Block]) -> list[list[Block]]:
    """Group a section's blocks as they are read: each block alone, except a list with the lists set in under its
    items (level 1) and its own items after them, which are one list (the PDF keeps it one for page breaks, the
    HTML page nests the inner lists in their items)."""
    out: list[list[Block]] = []
    for block in blocks:
        nest = out[-1] if out and out[-1][0].is_list else None
        set_in = nest is not None and nest[-1].level > 0  # the block before was set in under the nest's list
        if nest is not None and (block.level or set_in and block.kind == nest[0].kind):
            nest.append(block)  # a list set in under the last item, or the outer list going on after it
        else:
            out.append([block])
    return out


def with_lists(block: Block) -> list[Block]:
    """Split a paragraph at the list items a rule made: the text up to the lead-in, the list, the rest."""
    if all(s.role == TEXT for item in block.items for s in item):
        return [block]
    kinds = {BULLET: "bullets", STEP: "numbered"}  # the block the list items of each role make
    out: list[Block] = []
    for item in block.items:
        for s in item:
            kind = kinds.get(s.role, "paragraph")
            if not out or out[-1].kind != kind:
                out.append(Block(kind, [] if kind != "paragraph" else [[]], block.line, block.level))
            if kind != "paragraph":
                out[-1].items.append([s])
            else:
                out[-1].items[-1].append(s)
    return out


@dataclass
class Section:
    """A heading and the blocks under it; the introduction has an empty heading."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    line: int = 0
    source_heading: str | None = None  # the heading as the source wrote it, when the plain stage reworded it

    @property
    def sentences(self) -> list[Sentence]:
        """Return every sentence of the section, in reading order."""
        return [s for b in self.blocks for s in b.sentences]


@dataclass
class Meta:
    """What the front matter (or the file name) says about a handout."""

    title: str
    slug: str
    language: str = "en"
    voice: str | None = None  # None: the project's default voice
    reviewed_by: str | None = None
    reviewed_on: str | None = None
    source: Path | None = None
    import_notes: list[str] = field(default_factory=list)  # how it was read: encoding assumed, tracked changes

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by and self.reviewed_on)


@dataclass
class Term:
    """A medical word that has to stay, with its one-line plain definition."""

    word: str
    definition: str


@dataclass
class Handout:
    """One handout: metadata, sections, and what the plain-language stage adds."""

    meta: Meta
    sections: list[Section] = field(default_factory=list)
    key_points: list[Sentence] = field(default_factory=list)
    words_to_know: list[Term] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        """Return every body sentence, in reading order."""
        return [s for sec in self.sections for s in sec.sentences]

    def word_count(self) -> int:
        """Count the words of the body text."""
        return sum(len(s.text.split()) for s in self.sentences)
