"""Read Markdown into blocks (markdown-it's tokens): headings, lists, tables, quotes and emphasised lines."""

from __future__ import annotations

import html
import re

from handouts.language import rx
from handouts.read.blocks import laid_out, RawBlock, safe_link, sentence_end, table_blocks, table_rows, unquote
from handouts.read.furniture import stands_apart
from handouts.read.line_shape import BULLET, CONTACT, ends_sentence, join_wrapped, NUMBERED, PHONE, runs_on, SUPERSCRIPT_DIGITS
from handouts.read.plain_text import parse_plain_text
from handouts.read.running_lines import page_marks_off


def parse_markdown(body: str, first_line: int = 1) -> list[RawBlock]:
    """Read Markdown headings, paragraphs, lists, block quotes, tables and HTML blocks (markup dropped)."""
    from markdown_it import MarkdownIt  # here, not at the top: only a Markdown source needs the parser

    parser = MarkdownIt("commonmark").enable("table")
    # Every link is read as a link, whatever its address, so its words are kept and its address dropped; the parser
    # would otherwise leave "[our safety page](javascript:alert(3))" as it stands, address and all.
    parser.validateLink = lambda url: True
    # A form's blank ("Date of visit: ____/____/______") is no emphasis: Markdown would take its underscores for it.
    # An "o" set in under a list's item is a bullet of a list inside it ("- One leg swollen, especially if:" / "  o recent
    # surgery"): as Markdown it would run on in the item's text, the "o"s in it.
    body = _box_rules_unmarked(_footnotes_as_superscripts(rx.sub(r"(?m)^([ \t]+)o[ \t]+(?=\S)", r"\1- ", body)))
    body = "\n".join(page_marks_off(body.split("\n")))  # ("`HP-FS-031 v4.2 — Page 1 of 1`": the printed page's)
    body = rx.sub(r"(?m)^(#{1,6}\s.*?)\s*\{#[\w-]+\}\s*$", r"\1", body)  # "## Q1. What is ...? {#q1}": a link's anchor
    # "Advice Line, Mon-Fri 09:00-16:00 ............ 0161 555 0472": dot leaders join a label to its value, as a colon does
    # (not in lines set in four spaces: pasted as they were, they are read as plain text, leaders and all)
    body = rx.sub(r"(?m)^(?! {4}|\t)(.*?(?<=[\w)*]))[ \t]*\.{4,}[ \t]*(?=[\w(])", r"\1: ", body)
    # "*... and may vary.*5": a citation's number after the emphasis closes (to Markdown the "*" then closes nothing)
    body = rx.sub(r"(?<=[.!?])([*_]{1,2})\d{1,3}(?:[,–-]\d{1,3})*(?=\s|$)", r"\1", body)
    # "-> your vision becomes blurred ...": an arrow is an item's mark (to Markdown it was text, the items one line)
    body = rx.sub(r"(?m)^((?:[ \t]*>)*[ \t]*)(?:->|=>|→|➔)[ \t]+(?=\S)", r"\1- ", body)
    tokens = parser.parse(rx.sub(r"_{3,}", lambda m: "\\_" * len(m.group()), body))
    blocks: list[RawBlock] = []
    list_kinds: list[str] = []  # the open lists, outermost first
    outer: RawBlock | None = None  # the outermost open list: its items, each with its depth (see laid_out)
    items: list[int | None] = []  # the open list items: where each one's text is in `outer` (None: no text yet)
    in_quote = 0
    table: list[list[str]] | None = None  # rows of the table being read
    raw = body.split("\n")
    after_list: list[RawBlock] = []  # paragraphs run on into a list item's lines, said after the list
    for i, tok in enumerate(tokens):
        line = first_line + (tok.map[0] if tok.map else 0)
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            kind = "bullets" if tok.type == "bullet_list_open" else "numbered"
            if not list_kinds:
                outer = RawBlock(kind, [], line)
                blocks.append(outer)
            list_kinds.append(kind)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_kinds.pop()
            if not list_kinds:
                blocks += after_list
                after_list = []
        elif tok.type == "list_item_open":
            items.append(None)
        elif tok.type == "list_item_close":
            items.pop()
        elif tok.type == "blockquote_open":
            in_quote += 1
        elif tok.type == "blockquote_close":
            in_quote -= 1
        elif tok.type == "table_open":
            table, table_line, table_map = [], line, tok.map
        elif tok.type == "tr_open" and table is not None:
            table.append([])
        elif tok.type == "table_close" and table is not None:
            if table_map and _cells_cut(raw[table_map[0]:table_map[1]]):
                # Markdown cuts a row's cells to its header's number: a row that fills more is read as drawn (its
                # cells kept, by place under a header that cannot say which is which: see table_blocks).
                table = [[c.strip() for c in x.strip().strip("|").split("|")] for x in raw[table_map[0]:table_map[1]]
                         if x.strip() and not rx.fullmatch(r"[\s|:-]+", x)]
            if list_kinds and outer is not None and items:
                # A table set in under a list item ("- Breathing is faster than the following rates:" over ages and
                # rates): its rows are a list set in under that item, which leads them in (after the list they
                # would lose it, and "the following rates" would point at the next item).
                rows = table_rows([r for r in table if any(r)])
                outer.texts += rows
                outer.levels += [(len(list_kinds), "bullets")] * len(rows)
            elif table and not any(table[0]) and len(table) > 1:
                # "| | |" over "|---|---|" / "| Incubation period | 14-21 days |": a table with no column names, each row
                # its first cell and the rest (by the header's place, its first row had named the columns: "14-21
                # days" was said of every row)
                blocks.append(RawBlock("bullets", [f"{r[0]}: {'; '.join(c for c in r[1:] if c)}" if r[0] and any(r[1:])
                                                   else "; ".join(c for c in r if c) for r in table[1:] if any(r)],
                                       table_line, table=True))
            else:
                # ("| Farmers / vets | Handling cattle ... urine or |" / "| | birthing fluids; ... |": a row wrapped in
                # its cells, one row)
                blocks += table_blocks(_cells_wrapped([r for r in table if any(r)]), table_line)
            table = None
        elif tok.type in ("code_block", "fence") and not list_kinds:
            # Text set in by four spaces ("    Drug    Dose    Duration"): a table laid out in columns, or lines pasted
            # as they were; Markdown keeps it as code, which a handout has none of: read it as plain text.
            rows = [x.strip() for x in tok.content.split("\n") if x.strip()]
            if len(rows) >= 2 and all(rx.match(r"[A-Z][^:]{1,40}:\s+\S", x) for x in rows):
                # "Incubation period ...... usually 7-10 days" / "Infant vaccines ...... 8, 12 and 16 weeks" in a fence,
                # their leaders made colons: one fact a line (as text, the last two ran together)
                blocks.append(RawBlock("bullets", rows, line, levels=[(0, "bullets")] * len(rows)))
                continue
            pasted = parse_plain_text(tok.content, line)
            for b in pasted:
                if b.kind == "heading" and blocks and blocks[-1].kind == "heading":
                    # "### To report a case" over "    HAI Program, Harlow County DPH" / "    Phone: ...": under a
                    # Markdown heading, a line set in is its text, no heading of its own (the section's heading was lost)
                    b.kind = "paragraph"
            blocks += pasted
        elif tok.type == "html_block":
            text = _html_text(tok.content)
            if text:
                blocks.append(RawBlock("paragraph", [text], line))
        elif tok.type == "inline":
            lines = _inline_lines(tok)
            text = " ".join(" ".join(lines).split())
            opener = tokens[i - 1].type
            if table is not None:
                table[-1].append(text)
            elif not text:
                continue
            elif list_kinds and outer is not None and items:
                lazy = _run_on_paragraph(lines, raw, tok.map)
                if lazy:
                    # "- Sugary drinks ..." / "Drink at least 2 liters of water ...": a sentence at the margin right
                    # under an item is the text after the list (Markdown runs it on into the item).
                    after_list.append(RawBlock("paragraph", [" ".join(lines[lazy:])], line + lazy))
                    lines = lines[:lazy]
                    text = " ".join(" ".join(lines).split())
                if items[-1] is None:  # the item's first paragraph: its text, at its depth
                    items[-1] = len(outer.texts)
                    outer.texts.append(text)
                    outer.levels.append((len(list_kinds) - 1, list_kinds[-1]))
                elif len(outer.texts) > items[-1] + 1:  # a paragraph more under it, after a list set in under it
                    outer.texts.append(text)
                    outer.levels.append((len(list_kinds) - 1, "after"))
                else:  # a paragraph more under the same item ("5. Hold your breath." and a note under it)
                    outer.texts[items[-1]] = f"{sentence_end(outer.texts[items[-1]])} {text}"
            elif opener == "heading_open":
                blocks.append(RawBlock("heading", [text], line, title=tokens[i - 1].tag == "h1",
                                       level=int(tokens[i - 1].tag[1])))
            elif len(lines) == 1 and tok.map and rx.fullmatch(r"\s*(\*\*|__)(?!\s)[^*_]{2,60}(?<![\s.:;,!?])\1\s*", raw[tok.map[0]]) \
                    and len(text.split()) <= 6 and not in_quote:
                # "**Contact numbers**" on a line of its own, over the lines it names: a heading set in bold (as a line
                # of text, the numbers under it stayed in the section before)
                blocks.append(RawBlock("heading", [text], line, level=3))
            elif len(lines) > 1 and (any(stands_apart(x, lines[n - 1] if n else None, lines[n + 1] if n + 1 < len(lines)
                                                      else None) for n, x in enumerate(lines)) or _emphasised_lines(raw, tok.map)
                                     # ("Screening Coordinators: 020 7946 0182 (Mon-Fri)" / "Nurse Line: 020 7946 0457":
                                     # a number to ring on each line, each its own, not one run-on line)
                                     or all(CONTACT.search(x) or PHONE.search(x) for x in lines)):
                # Lines of a pasted page that Markdown runs together ("Skip to main content" / "Home" / ...):
                # each its own, so the furniture among them is seen.
                blocks += [RawBlock("paragraph", [x], line + n, quoted=bool(in_quote)) for n, x in _wrapped_joined(lines)]
            else:
                text, quoted = unquote(text)
                blocks.append(RawBlock("paragraph", [text], line, quoted=quoted or bool(in_quote)))
    return [b for b in laid_out(blocks) if b.texts]


def _wrapped_joined(lines: list[str]) -> list[tuple[int, str]]:
    """Return a paragraph's lines, each with where it starts, a line that carries on the one before joined to it
    ("A: Potassium is a mineral ... for nerves and muscles to" / "work properly, ..." under a bold "**Q: ...?**"):
    the lines stand apart, but a sentence wrapped over them is one sentence (it had printed in halves)."""
    out: list[tuple[int, str]] = []
    for n, x in enumerate(lines):
        if out and (runs_on(out[-1][1], x) or not ends_sentence(out[-1][1]) and x[:1].islower()) \
                and not stands_apart(x, lines[n - 1], lines[n + 1] if n + 1 < len(lines) else None):
            out[-1] = (out[-1][0], join_wrapped(out[-1][1], x))
        else:
            out.append((n, x))
    return out


def _cells_cut(lines: list[str]) -> bool:
    """Tell whether a Markdown table's row (after its header) has more cells than its header names."""
    counts = [len(x.strip().strip("|").split("|")) for x in lines if x.strip() and not rx.fullmatch(r"[\s|:-]+", x)]
    return any(n > counts[0] for n in counts[1:])


def _cells_wrapped(rows: list[list[str]]) -> list[list[str]]:
    """Join a row with no first cell whose cells go on in small letters ("| Farmers / vets | ... contact with urine or |"
    / "| | birthing fluids; working in wet yards |") to the row above: its cells wrapped (a row of its own named no one)."""
    out: list[list[str]] = []
    for row in rows:
        said = [c for c in row[1:] if c]
        if len(out) > 1 and row and not row[0] and said and len(row) == len(out[-1]) \
                and all(c[:1].islower() or c[:1] == "(" for c in said):
            out[-1] = [f"{a} {b}".strip() for a, b in zip(out[-1], row)]
        else:
            out.append(row)
    return out


def _box_rules_unmarked(body: str) -> str:
    """Blank a box's rule ("> ====================" over and under a warning) where the line above is no title: to
    Markdown a line of "=" under text makes that text a heading, and the box's last items had become one."""
    lines = body.split("\n")
    for k, line in enumerate(lines):
        m = rx.fullmatch(r"((?:[ \t]*>)*)[ \t]*={8,}[ \t]*", line)
        if not m:
            continue
        above = rx.sub(r"^(?:[ \t]*>)*", "", lines[k - 1]).strip() if k else ""
        if not above or len(above.split()) > 10 or rx.search(r"[.;:!?,]$", above) or rx.match(r"[-*+>]|\d+[.)]", above):
            lines[k] = m.group(1)  # (a short title over "=====" stays a heading)
    return "\n".join(lines)


def _footnotes_as_superscripts(body: str) -> str:
    """Write Markdown's footnotes ("...less.[^1]" / "[^1]: Wegovy ... Prescribing Information, 2024.") as the
    superscript notes a plain text has ("...less.¹" / "¹ Wegovy ..."): the notes are then read as notes are (a source
    goes, a note that says something stays). CommonMark has no footnotes: "[^1]" had been printed as it stands."""
    numbers: dict[str, str] = {}

    def number(name: str) -> str:
        return numbers.setdefault(name, str(len(numbers) + 1).translate(SUPERSCRIPT_DIGITS))

    body = rx.sub(r"(?m)^[ \t]*\[\^([^\]\s]{1,20})\]:[ \t]*", lambda m: number(m.group(1)) + " ", body)
    body = rx.sub(r"\[\^([^\]\s]{1,20})\]", lambda m: number(m.group(1)), body)
    # ("...2021).^1^ These are ..." / "^1^ World Health Organization. ...": a superscript written as Pandoc writes it,
    # its number as it stands, which the notes at the end answer)
    return rx.sub(r"\^(\d{1,3})\^", lambda m: m.group(1).translate(SUPERSCRIPT_DIGITS), body)


def _emphasised_lines(raw: list[str], where) -> bool:
    """Tell whether a Markdown paragraph has a line set wholly in bold or italics ("**RIVERSIDE DIGESTIVE HEALTH**" over
    "Endoscopy Center | Nurse line: ...", "*Cedar Valley Family Medicine*" over "*Questions? Nurse line: ...*"): lines
    of letterhead, each its own, which Markdown would run into one sentence."""
    lines = raw[where[0]:where[1]] if where else []
    # (wholly: "*Escherichia coli* O157 is one type of ... *E. coli*" starts and ends in italics, but is one sentence's line)
    # (or each line opens on a label in bold: "**Generic name:** prednisone | ..." / "**Strength dispensed:** 5 mg ...")
    return len(lines) > 1 and (any(rx.fullmatch(r"\s*(\*\*|__|\*|_)(?!\s)(?:(?!\1).)*\S\1\s*", x) for x in lines)
                               or all(rx.match(r"\s*(\*\*|__)[^*_]{1,40}:\s*\1", x) for x in lines))


def _run_on_paragraph(lines: list[str], raw: list[str], where) -> int | None:
    """Return where a list item's lines become a paragraph of their own: a line at the margin (not set in under the
    item) that starts a sentence with a capital and ends it, after a line with no full stop."""
    if not where or len(lines) < 2 or where[1] - where[0] != len(lines):
        return None
    for n in range(1, len(lines)):
        source = raw[where[0] + n]
        if not source[:1].isspace() and lines[n][:1].isupper() and not ends_sentence(lines[n - 1]) \
                and rx.search(r"[.!?]$", lines[-1]) and not BULLET.match(source) and not NUMBERED.match(source):
            return n
    return None


def _html_text(markup: str) -> str:
    """Return the words of an HTML block: tags dropped, entities read (the text is escaped again on output)."""
    markup = rx.sub(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", " ", markup, flags=re.S | re.I)  # code, not words
    # A tag ends at the first ">" outside its quoted attributes: <a title="a>b" href="..."> leaves no words.
    return " ".join(html.unescape(rx.sub(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", " ", markup)).split())


def _inline_lines(tok) -> list[str]:
    """Return the plain text of an inline token, line by line: emphasis and links become their words (a link's
    address is dropped; an address written as a link, <https://...>, is kept only when it is a safe one); pictures
    are dropped (a handout prints none, and alt text alone reads as a stray line)."""
    parts, hidden, raised = [], False, False
    for child in tok.children or []:
        if child.type == "html_inline" and rx.fullmatch(r"(?i)<\s*(/?)\s*sup\s*>", child.content.strip()):
            # "enterovirus 71.<sup>2</sup> It mainly ...": a note's number raised, said as superscript digits (which
            # the sentence splitter drops as a citation, or keeps as a unit's power); as plain digits it read "71.2"
            raised = not rx.match(r"<\s*/", child.content.strip())
        elif child.type == "text" and raised and rx.fullmatch(r"[\d,–-]+", child.content.strip()):
            parts.append(child.content.strip().translate(SUPERSCRIPT_DIGITS))
        elif child.type == "link_open":
            hidden = child.markup == "autolink" and not safe_link(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            hidden = False
        elif hidden:
            continue
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return [" ".join(x.split()) for x in "".join(parts).split("\n") if x.strip()]
