"""The blocks every reader produces (headings, paragraphs, lists) before sections are formed, and the
helpers the readers share, so a Word document, a PDF, a web page and a text file arrive alike."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from handouts.language import rx
from handouts.language.sentences import without_citations
from handouts.language.grammar import has_verb, verb_forms
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
    level: int = 0  # a heading's level where the source marks it ("## " is 2, <h3> is 3); 0: not marked
    # A list read with its nesting: each text's depth (0: the outer list) and the kind of the list it sits in;
    # `laid_out` turns it into blocks. Empty: every text is an item of this block.
    levels: list[tuple[int, str]] = field(default_factory=list)
    depth: int = 0  # a list set in under an item of the list before it (1), or not (0)
    table: bool = False  # a table's rows, said as a list
    lettered: bool = False  # a list whose items are lettered ("a)", "b."): a numbered line after it is no step of it


@dataclass
class Extracted:
    """What a reader found in a file: its blocks, its front matter, and notes on how it was read."""

    blocks: list[RawBlock]
    front: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # said by the build: the encoding assumed, tracked changes


def clean_text(text: str) -> str:
    """Compose accents; drop control characters, soft hyphens, zero-width and direction marks, which hide words
    from every rule; write typeset spaces and hyphens as plain ones, and a form's check boxes as "[ ]" / "[x]"."""
    return form_boxes(unicodedata.normalize("NFC", text.replace("\r\n", "\n")).translate(_CLEAN))


# A form's check boxes: empty, and ticked or crossed. The fonts draw none of these signs, and a rule dropping
# them as symbols would leave "Eye: Right eye Left eye" (both eyes?) or "initial the box" with no box: they are
# written "[ ]" and "[x]", which every font prints, a reader knows and the plain stage keeps as they are.
_EMPTY_BOXES, _TICKED_BOXES = "☐□❑❒▢", "☑☒⊠"
_BOX = re.compile(rf"[{_EMPTY_BOXES}{_TICKED_BOXES}](?=(\S?))|\[[✓✔✗✘√]\]")


def form_boxes(text: str) -> str:
    """Write a form's check boxes as "[ ]" (empty) or "[x]" (ticked), a space after each before a word."""
    if not _BOX.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        if "■" in line and any(c in line for c in _EMPTY_BOXES):  # a bullet elsewhere; here the ticked box
            line = rx.sub(r"■(?=(\S?))", lambda m: "[x]" + (" " if m.group(1) else ""), line)
        lines.append(_BOX.sub(_box, line))
    return "\n".join(lines)


def _box(m: re.Match) -> str:
    if m.group(0).startswith("["):
        return "[x]"  # "[✓]"
    return ("[ ]" if m.group(0) in _EMPTY_BOXES else "[x]") + (" " if m.group(1) else "")


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
    return text if rx.search(r"[.!?:]$", text) else text + "."


def nested_item(parent: str, text: str, outer_kind: str) -> str:
    """Fold an item of a nested list into the item above it.

    A note under step 5 belongs to step 5: as a step of its own it would get a wrong number.
    Bullets under "Ibuprofen (Advil, Motrin)" are about ibuprofen: flattened, they would not say so.
    ("Weeks 1 to 4: 0.25 mg once a week" has its colon: a note under it follows a full stop.)"""
    # (A step named, not said: "Wrist extensor stretch (2 to 3 times daily)" over its steps a. to c.)
    heading_like = (outer_kind == "bullets" or not has_verb(parent)) and not rx.search(r"[.!?:;]$", parent) \
        and ":" not in parent
    joint = f"{parent}:" if heading_like else sentence_end(parent)
    return f"{joint} {sentence_end(text)}"


# A list item's closing ";" is the list's punctuation ("... signs of ketoacidosis;" / "you cannot keep fluids
# down."), not the sentence's: an item of its own ends without it. A closing "or" / "and" stays: it says whether
# one of the items is enough or all are needed ("and:" / "a fever, or" / "seems unwell").
_LIST_PUNCTUATION = re.compile(r"\s*;\s*$")
_JOINT = re.compile(r"\s*[;,]?\s*\b(or|and)\s*$", re.I)
_CAPITAL = re.compile(r"^[\"“'‘(]?[A-Z0-9]")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")


def list_item(text: str) -> str:
    """Return a list item without its list punctuation ("signs of ketoacidosis;" -> "signs of ketoacidosis")."""
    return _LIST_PUNCTUATION.sub("", text) or text


@dataclass
class _Item:
    text: str
    kind: str  # the kind of the list the item sits in
    children: list["_Item"] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # its text that comes after the items set in under it


def starred_run(text: str) -> list[str]:
    """Return the names of a run of three or more short names parted by stars or dots ("ARBs * NSAIDs * Metformin");
    [] if the text is no such run."""
    parts = [p.strip() for p in rx.split(r"\s+[*•·]\s+", text)]
    if len(parts) >= 3 and all(0 < len(p.split()) <= 4 and not rx.search(r"[.!?:\[\]|]", p) for p in parts):
        return parts
    return []


def list_blocks(entries: list[tuple[int, str, str]], line: int = 0) -> list[RawBlock]:
    """Lay out a list read with its nesting, given as (depth, kind of the list, text) for each item in order.

    An item of a list set inside another is folded into the item above it when it is a note on it (each of them
    a sentence: "Rinse the cut" / "Use cool water."). Under a lead-in ("Stop these medicines until you eat
    again:" / "metformin" / "empagliflozin"), and under any item whose nested items are not sentences, they stay
    a list of their own, set in under the item that leads into them, and the outer list goes on after them. A step of a numbered list keeps them in itself, one after another ("Gather these
    supplies: gauze; tape; scissors."): laid out apart, the steps after them would be numbered from 1 again.
    """
    roots: list[_Item] = []
    open_items: list[tuple[int, _Item]] = []  # the items the next one may sit in, outermost first
    # "- Sulfonylureas * ACE inhibitors * Diuretics": a run of names is an item each
    entries = [(depth, kind, name) for depth, kind, text in entries
               for name in (kind == "bullets" and starred_run(list_item(text)) or [text])]
    for depth, kind, text in entries:
        if not text.strip():
            continue  # an item that only holds a list: its items take its place
        if kind == "after":  # the item's text after its list ("pharmacy:" / "- terbinafine ..." / "Keep using it ...")
            while open_items and open_items[-1][0] > depth:
                open_items.pop()
            if open_items:
                open_items[-1][1].after.append(text)
                continue
            kind = "bullets"
        while open_items and open_items[-1][0] >= depth:
            open_items.pop()
        item = _Item(text, kind)
        (open_items[-1][1].children if open_items else roots).append(item)
        open_items.append((depth, item))
    return _laid_out(roots, line) if roots else []


def _laid_out(items: list[_Item], line: int, depth: int = 0) -> list[RawBlock]:
    kind = items[0].kind
    out = [RawBlock(kind, [], line, depth=depth)]
    for item in items:
        if item.after:
            # "1. Body - usually treated with a cream from a pharmacy:" / "- terbinafine ..." / "Keep using it ...": its
            # list said in it, then the rest of it, in order (set in, the list's lead-in ran on into the rest, and the
            # list hung under the item's last sentence)
            said = _run_in(_lead_in(item.text), item.children) if item.children else list_item(item.text)
            out[-1].texts.append(" ".join([said, *item.after]))
        elif not item.children:
            out[-1].texts.append(list_item(item.text))
        elif not _keeps_its_list(item) and (len(item.children) == 1 or depth):
            # One note under an item is said in it ("Rinse the cut. Use cool water."); several stay a list set in
            # under it (run in, reviewers read them as one run-together item).
            text = list_item(item.text)
            for child in item.children:
                text = nested_item(text, list_item(_folded(child)), kind)
            out[-1].texts.append(text)
        elif _continues(item):
            # "Chest pain that lasts more than 5 minutes" / "especially if it spreads ..." / "or is accompanied by
            # ...": the items below carry its sentence on; set in, each would be a fragment.
            texts = [_JOINT.sub(lambda j: f", {j.group(1)}", list_item(_folded(c))).rstrip(".") for c in item.children]
            out[-1].texts.append(sentence_end(", ".join([list_item(item.text).rstrip(":"), *texts]).replace(", ,", ",")))
        elif depth:
            # An item of a list already set in keeps its list in itself (one level in is as far as print goes).
            out[-1].texts.append(_run_in(_lead_in(item.text), item.children))
        else:
            # "Go to the ER if the rash does not fade, and:" and its two signs: set in under it, so the items after
            # them read as the outer list's, not as more of its signs (and not as text under them). A step's list
            # too: the steps after it go on with their numbers (the PDF counts on, an HTML <ol> does).
            out[-1].texts.append(_lead_in(item.text))
            out += _laid_out(item.children, line, depth + 1)
            out.append(RawBlock(kind, [], line, depth=depth))
    return [b for b in out if b.texts]


# Words that carry a sentence on from the line above ("especially if it spreads ...", "or is accompanied by ...").
_CARRIES_ON = re.compile(r"^(?:especially|particularly|or|and|but|unless|if|when|which|who|that|with|without|"
                         r"including|except|even)\b")


def _continues(item: _Item) -> bool:
    """Tell whether an item's nested items carry its sentence on, each starting with a joining word in lower case."""
    return not list_item(item.text).endswith(":") and all(_CARRIES_ON.match(list_item(c.text)) for c in item.children)


def _keeps_its_list(item: _Item) -> bool:
    """Its nested items are a list of their own: it leads into them ("...if:"), or one of them is no note on it
    but a fragment ("metformin", "weakness on one side"); notes start with a capital and are sentences or more
    than a few words ("Use cool water.", "A cough with green sputum may suggest pneumonia")."""
    note = list_item(item.children[0].text) if len(item.children) == 1 else ""
    if note and not item.children[0].children and not list_item(item.text).endswith(":") and len(note.split()) > 3 \
            and (_is_note(note) or note.split()[0].lower() in verb_forms()[1]):
        # One note under an item ("... which is usually brief" / "stop taking it and get help if ..."); not a list of
        # things under a label ("Uncommon" / "indigestion, headache or skin rash"), which stays a list.
        return False
    return list_item(item.text).endswith(":") or not all(_is_note(list_item(c.text)) for c in item.children)


def is_sentence(text: str) -> bool:
    """Tell whether a list item is a sentence of its own ("Keep drinking water."): a capital first, a full stop last."""
    return bool(_CAPITAL.match(text)) and bool(_SENTENCE_END.search(text))


def _is_note(text: str) -> bool:
    return bool(_CAPITAL.match(text)) and (bool(_SENTENCE_END.search(text)) or len(text.split()) > 3)


def _lead_in(text: str) -> str:
    """Return an item as the lead-in of the list under it: "Ibuprofen (Advil, Motrin)" -> "...(Advil, Motrin):"."""
    text = without_citations(list_item(text))  # ("... tablets or liquid medicine:3": its colon is its last)
    if rx.search(r"[.!?:][\"”’')\]]*$", text):
        return text
    # "Weeks 1 to 4: 0.25 mg once a week" has its colon: the notes under it follow a full stop.
    return sentence_end(text) if ":" in text else f"{text}:"


def _folded(item: _Item) -> str:
    """Return an item with the items nested in it said in it."""
    if not item.children:
        return item.text
    if _keeps_its_list(item):
        return _run_in(_lead_in(item.text), item.children)
    text = list_item(item.text)
    for child in item.children:
        text = nested_item(text, list_item(_folded(child)), item.kind)
    return text


def _run_in(lead: str, children: list[_Item]) -> str:
    """Say a list in its lead-in, its items parted by semicolons: "Gather these supplies: gauze; tape; or scissors."""
    texts = [list_item(_folded(c)) for c in children]
    joint = next((m.group(1).lower() for t in texts[:-1] if (m := _JOINT.search(t))), "")
    items = [_JOINT.sub("", t).rstrip(".,") for t in texts]  # ("chemotherapy within 6 weeks," ends with the list's comma)
    if joint and len(items) > 1:
        items[-1] = f"{joint} {items[-1]}"
    return f"{lead} {sentence_end('; '.join(items))}"


def laid_out(blocks: list[RawBlock]) -> list[RawBlock]:
    """Lay out each list block read with its nesting (`levels`) as `list_blocks` does; the others as they are."""
    out: list[RawBlock] = []
    for b in blocks:
        if b.levels and b.kind in ("bullets", "numbered"):
            out += list_blocks([(depth, kind, t) for (depth, kind), t in zip(b.levels, b.texts)], b.line)
        else:
            out.append(b)
    return out


def table_blocks(rows: list[list[str]], line: int = 0) -> list[RawBlock]:
    """Return a table as a lead-in that names its columns ("Each line gives the symptom and what you can do:") and a
    list of its rows.

    Without the lead-in a table read after a list would run on as more items of it, and a column called
    "What you can do" would be said by its cells alone ("Aches and pain: Ibuprofen 400 mg ...").
    """
    rows = _numbers_column_dropped([r for r in rows if any(r)])
    if len(rows) > 1 and any(any(r[len(rows[0]):]) for r in rows[1:]):
        # A header that names fewer columns than its rows fill (a name spanning two columns, read as one): named by
        # place, a name lands on the wrong column ("WOMEN" on the men's second figure); its row said as it is, first.
        said = ["; ".join(c for c in rows[0] if c)] + [f"{r[0]}: {'; '.join(c for c in r[1:] if c)}" if r[0]
                                                        else "; ".join(c for c in r if c) for r in rows[1:]]
        return [RawBlock("bullets", said, line, table=True)]
    if asked := _questions_ticked(rows):
        return [RawBlock("bullets", asked, line, table=True)]
    if columns := _lists_side_by_side(rows):
        # ("PARACETAMOL up to 4 doses ...": its name in capitals over its limits, said in small letters)
        return _named_lists([(rx.sub(r"\b[A-Z]{4,}\b", lambda w: w.group(0).capitalize() if w.start() == 0
                                     else w.group(0).lower(), name).rstrip(":"), said) for name, said in columns], line)
    if len(rows) > 2 and len(rows[0]) == 2 and _contrasted(*rows[0]):
        # "| NORMAL - no action needed | NOT NORMAL - contact us |": two lists side by side, each under its name; a
        # row pairs nothing (read across, each normal thing was said to be "not normal - contact us")
        return _named_lists([(name.rstrip(":. …"), [r[k] for r in rows[1:] if k < len(r) and r[k]])
                             for k, name in enumerate(rows[0])], line)
    if rows and len(rows) > 1 and all(c.isupper() for c in rows[0] if rx.search(r"[A-Za-z]", c)):
        # "RESULT   DOB VALUE   WHAT IT USUALLY MEANS": a header in capitals is said in small letters, its
        # abbreviations kept ("DOB value")
        rows = [[_said_small(c) for c in rows[0]], *rows[1:]]
    if len(rows) > 1 and len(rows[0]) >= 2 and all(rx.search(r"\w\s*(?:\.{3}|…)$", c) for c in rows[0]):
        # "| If the report says... | It means... |": the header is a sentence each row finishes, said so ("If the
        # report says oligozoospermia, it means total sperm number ... below the limit"); as names, "it means..." ran
        # into every row
        frames = [rx.sub(r"\s*(?:\.{3}|…)$", "", c) for c in rows[0]]
        said = [", ".join(f"{uncap(f) if k else f} {uncap(c) if k else c}" for k, (f, c) in enumerate(zip(frames, r)) if c)
                for r in rows[1:]]
        return [RawBlock("bullets", [t[:1].upper() + t[1:] for t in said if t], line, table=True)]
    plain_second = len(rows) > 1 and len(rows[0]) == 2 and _PLAIN_NAME.fullmatch(rows[0][1].strip() or "-") is not None \
        and not any(all(not c or rx.search(r"[.!?][\d¹²³⁴⁵⁶⁷⁸⁹⁰,]*$", c) for c in r) for r in rows[1:])  # (not "Myth | Fact")
    items = table_rows(rows)
    if not items:
        return []
    header = [c.strip() for c in rows[0]] if len(rows) > 1 else []
    named = [c for c in header if c]
    blocks = []
    if len(named) >= 2 and all(len(c.split()) <= 8 and not rx.search(r"[.!?]$", c) and rx.search(r"[^\W\d_]", c)
                               for c in named):  # a header of numbers names no column ("| 1 | 2 |"): no lead-in
        # A sentence, not a row of labels: "Each line gives the symptom and what you can do:".
        names = [rx.sub(r"[*†‡:]+$", "", c) for c in named]  # (a note's mark on a column is said with its rows)
        # A column named by words that need their cell ("Divided into", "Confirm with a venous test within") or by a
        # condition ("If you smoke:") is quoted: "... and divided into:", "the if you smoke" were no sentence.
        said = [f'"{_lower(c)}"' if rx.search(r"\b(?:into|within|to|for|of|by|with|per|from)$", c, re.I)
                or rx.match(r"(?:if|when|unless)\s+(?:you|your|the|a|an|he|she|they|it|we|there)\b", c, re.I)
                else _lower(c) for c in names]
        the = "" if rx.match(r"(?:who|what|when|where|which|how|your|my|our|their|his|her)\b|\"", said[0], re.I) \
            else "the "  # not "the who", "the your result"
        lead = f"Each line gives {the}" + ", ".join(said[:-1]) + f" and {said[-1]}:"
        if not header[0] and not the.strip() == "" and len(named) == len(header) - 1:
            # "|  | HEAT EXHAUSTION | HEAT STROKE |": the rows' names are unnamed, the columns are the things compared
            lead = "Each line compares " + ", ".join(said[:-1]) + f" and {said[-1]}:"
        blocks.append(RawBlock("paragraph", [lead], line))
        if plain_second:
            # "Frequency | Side effects": the lead-in names the one column of values, so each row says its value alone
            # ("Rare (up to 1 in 1,000): reversible dementia, ...", not "...: side effects reversible dementia")
            items = table_rows([[rows[0][0], ""], *([r[0], *(uncap(c) for c in r[1:])] for r in rows[1:])])
    blocks.append(RawBlock("bullets", items, line, table=True))
    return blocks


# "Side effects", "Description", "Examples": a column's name that says only what kind of thing its cells are (not
# "Target", "Restart" or "PSA usually considered raised", which say what the value means)
# ("Possible effect", "Common symptoms": a hedge or a frequency, said with each row)
_PLAIN_NAME = re.compile(r"(?:side[- ]effects?|effects?|examples?|details?|"
                         r"descriptions?|notes?|comments?|categor(?:y|ies)|types?|signs?|symptoms?|signs and symptoms|"
                         r"information|what it is)", re.I)


def _named_lists(columns: list[tuple[str, list[str]]], line: int) -> list[RawBlock]:
    """Say a table's columns that are lists of their own one after the other, each under its name ("IT IS:", ...)."""
    out = []
    for name, said in columns:
        if said:
            out += [RawBlock("paragraph", [f"{name}:"], line),
                    RawBlock("bullets", said, line, levels=[(0, "bullets")] * len(said), table=True)]
    return out


_PAIR = re.compile(r"(\S.*?)(?::\s*|\s*\.{3,}\s*|\s{3,})(\d[\d.,]*\s*[a-zµ%/]+(?:/\d+\s*[a-z]+)?)")  # "2 - 4 years .... 7.5 ml"


def _lists_side_by_side(rows: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Return the two lists of a table whose columns are lists of their own ("PARACETAMOL | IBUPROFEN" over "2 - 4 years
    .... 7.5 ml | 1 - 3 years .... 5 ml"), each its name and its items, a line's sub-name ("120 mg/5 ml:") said with
    the items under it; [] if the table is no such thing. Read across, each row paired two doses of two medicines."""
    if len(rows) < 4 or len(rows[0]) != 2 or not all(rows[0]) or any(len(r) != 2 for r in rows[1:]):
        return []
    pairs = [r for r in rows[1:] if all(_PAIR.fullmatch(c) for c in r)]
    if len(pairs) < 2 or not all(_PAIR.fullmatch(c) or not c or c.endswith(":") for r in rows[1:] for c in r):
        return []
    out = []
    for k, name in enumerate(rows[0]):
        said, under = [], ""
        for r in rows[1:]:
            if r[k].endswith(":"):
                under = r[k].rstrip(":")  # "120 mg/5 ml:": the strength the rows under it are for
            elif m := _PAIR.fullmatch(r[k]):
                said.append(f"{m.group(1)}{f' ({under})' if under else ''}: {m.group(2)}")
        out.append((name, said))
    return out


_SHORT_WORDS = {"a", "an", "the", "it", "is", "of", "to", "in", "on", "at", "by", "or", "and", "for", "if", "do", "be",
                "as", "we", "you", "who", "how", "why", "what", "when", "can", "may", "per", "not", "no", "day", "age", "use"}


def _contrasted(first: str, second: str) -> bool:
    """Tell whether two columns' names are opposites, each a list's name ("NORMAL" / "NOT NORMAL", "DO" / "DON'T",
    "Safe" / "Not safe", "Do" / "Avoid")."""
    a, b = (rx.split(r"\s+[-–—:(]|\s*[-–—:(]\s", x.strip().lower(), maxsplit=1)[0].strip(" .…") for x in (first, second))
    if a and " ".join(rx.sub(r"\bnot\b|n't\b", "", b).split()) == a and b != a:
        return True  # "IT IS ..." / "IT IS NOT ...", "Can" / "Can't"
    if a and rx.match(r"other\b", b):
        return True  # "Gynaecological" / "Other conditions": two lists of kinds, side by side
    return bool(a) and (b in (f"not {a}", f"un{a}", f"non-{a}", f"{a}n't") or (a, b) in {
        ("do", "don't"), ("do", "do not"), ("dos", "don'ts"), ("do", "avoid"), ("safe", "unsafe"), ("ok", "not ok"),
        ("normal", "abnormal"), ("expected", "not expected"), ("usual", "unusual"), ("yes", "no")} and a != "yes")


def _said_small(header: str) -> str:
    """Return a column's name set in capitals in small letters, its first letter a capital; a short word that is no
    common word is an abbreviation and stays ("DOB VALUE" -> "DOB value", "WHAT IT USUALLY MEANS" -> "What it ...")."""
    words = [w if len(w) <= 3 and w.isalpha() and w.lower() not in _SHORT_WORDS else w.lower() for w in header.split()]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


_TICK_CELL = re.compile(r"\[[ xX✓]\]|\(\s?\)|")  # a tick box, or no mark at all


def _questions_ticked(rows: list[list[str]]) -> list[str]:
    """Say a form's questions with their "YES | NO" boxes as each question, then its boxes named ("| 1 | Do you have
    diabetes? | [ ] | [ ] |" -> "1. Do you have diabetes? [ ] Yes [ ] No"); [] if the table is no such form. Read as a
    table, the column named "Question" was said in every row, and the boxes as words."""
    # ("| No | Question | YES | NO | If YES |": a last column says what a YES leads to, said after the boxes)
    then = [r[-1].strip() for r in rows] if len(rows) >= 2 and len(rows[0]) >= 4 \
        and rx.fullmatch(r"(?i)if yes|then|action|outcome|go to", rows[0][-1].strip()) else None
    rows = [r[:-1] for r in rows] if then else rows
    if len(rows) < 2 or len(rows[0]) < 3 or [c.strip().lower() for c in rows[0][-2:]] != ["yes", "no"] \
            or not all(_TICK_CELL.fullmatch(c.strip()) for r in rows[1:] for c in r[-2:]):
        return []
    asked = []
    for n, r in enumerate(rows[1:], 1):
        said = [c for c in r[:-2] if c]
        if said and rx.fullmatch(r"[A-Z]?\d{1,2}[a-z]?", said[0]):
            said = [f"{said[0]}. {' '.join(said[1:])}"]
        boxes = [c.strip() or "[ ]" for c in r[-2:]]
        asked.append(f"{' '.join(said)} {boxes[0]} Yes {boxes[1]} No" + (f" (if yes: {then[n]})" if then and then[n] else ""))
    return asked


def _lower(header: str) -> str:
    """Return a column's name in lower case inside a sentence, keeping abbreviations ("LDL reduction", "vitamin K")."""
    return " ".join(w if len(w) > 1 and w.isupper() or len(w) == 1 and w.isupper() and i
                    or rx.search(r"[A-Z]", w[1:]) else w.lower()  # (and a unit's case: "160 mg/5 mL")
                    for i, w in enumerate(header.split()))


_HEDGED = re.compile(r"\b(?:may|might|could|possibly|suggests?|usually|typically|generally)\b", re.I)


def _numbers_column_dropped(rows: list[list[str]]) -> list[list[str]]:
    """Return a table without a first column that only numbers its rows ("| # | MYTH | FACT |" over "| 1 | Lice can
    jump ... |"): the order says it."""
    # (only a table of statements: questions keep their numbers, which a form may name: "any YES in Q1-Q3")
    if rows and len(rows[0]) > 2 and rows[0][0].strip() in ("#", "No.", "No") \
            and all(rx.fullmatch(r"\d{1,3}\.?", r[0].strip()) for r in rows[1:] if r) \
            and all(rx.search(r"[.!][\d¹²³⁴⁵⁶⁷⁸⁹⁰,]*$", c) for r in rows[1:] for c in r[1:] if c):
        return [r[1:] for r in rows]
    return rows


def table_rows(rows: list[list[str]]) -> list[str]:
    """Say each row of a table as one line: 'Reliever: colour blue; use when you have symptoms'."""
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows if any(row)]
    rows = _numbers_column_dropped(rows)
    if all(r and rx.match(r"(?:o|[-*•])\s+\S", r[0]) for r in rows[1:] if r and r[0]):
        # "o Bloating, wind, cramping   Common - most patients": the first column's bullets are marks, no words
        rows = [rows[0]] + [[rx.sub(r"^(?:o|[-*•])\s+", "", r[0]), *r[1:]] if r else r for r in rows[1:]]
    header, out = rows[0], []
    # A cell of dashes ("--" under "Midday" on day 1) says the column has nothing that day: no cell.
    rows = [header] + [[c if not rx.fullmatch(r"[-–—]+", c.strip()) else "" for c in row] for row in rows[1:]]
    firsts = [row[0] for row in rows[1:] if row and any(row)]
    same_first = len(firsts) >= 2 and len(set(firsts)) == 1 and bool(rx.search(r"[A-Za-z]{2}", firsts[0])) and all(len(row) > 2 for row in rows[1:] if row and any(row))
    for row in rows[1:]:
        if row and row[0] and header[0] and all(not c or rx.search(r"[.!?][\d¹²³⁴⁵⁶⁷⁸⁹⁰,]*$", c) for c in row):
            # "Lice can jump or fly ..." | "Lice cannot jump or fly; ...": sentences under their columns' names, each
            # said after its name ("Myth: ... Fact: ..."; run on, the second read as the first's last words)
            out.append(" ".join(f"{_lower(h)[:1].upper()}{_lower(h)[1:]}: {c}" for h, c in zip(header, row) if c))
            continue
        # A header that asks ("How often") is answered by its cell ("Every 4 weeks"): say only the answer.
        # (Not one that hedges: "What a result outside the range may suggest" keeps its "may" with the answer.)
        # ("Why" over "Antibodies cross the placenta": the answer is a reason, said with "because")
        pairs = [f"because {uncap(c)}" if rx.fullmatch(r"(?:why|reason)\??", h.strip(), re.I)
                 and not rx.match(r"(?:may|might|can|could|should|must|will|would)\b", c, re.I)
                 else c if not h else uncap(c) if rx.match(r"(?:how|when|what|where|who|which)\b", h, re.I) and not _HEDGED.search(h)
                 else f"{uncap(h)}: {c}" if rx.search(r"\d", h) or _HEDGED.search(h)  # "acetaminophen 160 mg/5 mL: 2.5 mL"

                 # (a cell that says its own verb: "Stop before test" / "may be continued, but not on test morning")
                 else f"{_lower(h)}: {uncap(c)}" if rx.match(r"(?:may|might|can|could|should|must)\b", c, re.I)
                 else f"{_lower(h)} {uncap(c)}" for h, c in zip(header[1:], row[1:]) if c]
        if 2 <= len([c for c in row]) < len(header) and all(row):
            # "| Water temperature | no higher than 40°C |" under three columns: a cell that spans the columns left holds
            # for each of them; named by the first, it had held for chlorine systems only
            pairs = [uncap(c) for c in row[1:]]
        label = row[0] if row else ""
        if same_first and header[0]:
            # "Your result | Partner's result | ..." over "Carrier | Not a carrier", "Carrier | Carrier": one value down
            # the first column names no row; said as the row's label, nothing said whose result "Carrier" was
            label, pairs = header[0], [uncap(label)] + pairs
        elif rx.fullmatch(r"(?:[<>≤≥]=?\s*)?[\d.,]+(?:\s*(?:to|-|–)\s*[\d.,]+)?(?: onwards?| and (?:on|after|over|up))?", label) \
                and header[0]:  # (and "< 3.5", "≥ 70": "BLL (µg/dL) < 3.5")
            label = f"{header[0]} {label}"  # "4 to 28" alone has lost its unit: "Weeks of pregnancy 4 to 28"
        # ("... Wash off after 8 to 12 hours." then "repeat after 7 days": the cell's stop gives way to the semicolon)
        out.append(f"{label}: {'; '.join(rx.sub(r'(?<=[a-z]{2})[.]$', '', p) for p in pairs)}" if label and pairs
                   else " ".join(c for c in row if c))
    return [t for t in out if t]
