"""Read the blocks of an HTML tree (a Word document converted by mammoth, a web page's article): headings,
paragraphs, nested lists, tables and quotes, as the Markdown reader does. Pictures, captions and code are
left out: a handout prints no pictures, and a caption alone reads as a stray line."""

from __future__ import annotations

from handouts.read.blocks import RawBlock, clean_text, list_blocks, table_blocks, unquote

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul": "bullets", "ol": "numbered"}
PARAGRAPHS = {"p", "pre", "dt", "dd", "address"}
LEFT_OUT = {"script", "style", "noscript", "template", "svg", "img", "figcaption", "head", "title", "iframe"}
BLOCKS = HEADINGS | set(LISTS) | PARAGRAPHS | {"table", "blockquote", "div", "section", "article", "main",
                                               "body", "html", "figure", "header", "footer", "aside", "hr"}
_SPACED = BLOCKS | {"br", "li", "tr", "td", "th"}  # their words never run into the next element's


def html_blocks(root) -> list[RawBlock]:
    """Return the blocks of an HTML element tree (lxml), in reading order."""
    blocks: list[RawBlock] = []
    _container(root, blocks, quoted=False)
    return [b for b in blocks if b.texts]


def tag_of(element) -> str | None:
    """Return an element's lower-case tag without its namespace; None for a comment or processing instruction."""
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else None


def _container(element, blocks: list[RawBlock], quoted: bool) -> None:
    """Read an element that holds blocks, and the loose words between them as paragraphs."""
    loose = [element.text or ""]
    for child in element:
        tag = tag_of(child)
        if tag in BLOCKS or tag not in LEFT_OUT and tag is not None and _holds_blocks(child):
            _paragraph("".join(loose), blocks, quoted)
            loose = []
            _block(child, tag, blocks, quoted)
        elif tag is not None and tag not in LEFT_OUT:
            loose.append(" " if tag == "br" else _text(child))
        loose.append(child.tail or "")
    _paragraph("".join(loose), blocks, quoted)


def _holds_blocks(element) -> bool:
    return any(tag_of(e) in BLOCKS for e in element.iterdescendants())


def _block(element, tag: str, blocks: list[RawBlock], quoted: bool) -> None:
    """Read one block element: a heading, a list, a table, a quote, a paragraph or a container of blocks."""
    if tag in HEADINGS:
        text = _text(element)
        if text:
            blocks.append(RawBlock("heading", [text], title=tag == "h1"))
    elif tag in LISTS:
        blocks += list_blocks(_items(element, LISTS[tag]))
    elif tag == "table":
        rows = [[_text(cell) for cell in row if tag_of(cell) in ("td", "th")] for row in element.iter("{*}tr")]
        blocks += table_blocks(rows)
    elif tag == "blockquote":
        _container(element, blocks, quoted=True)
    elif tag in PARAGRAPHS:
        _paragraph(_text(element), blocks, quoted)
    elif tag != "hr":
        _container(element, blocks, quoted)


def _items(element, kind: str, depth: int = 0) -> list[tuple[int, str, str]]:
    """Return a list's items, each with its depth and the kind of its list, and those of the lists nested in
    them after each (laid out by list_blocks, as in Markdown)."""
    items = []
    for item in element:
        if tag_of(item) != "li":
            continue
        items.append((depth, kind, _own_text(item)))
        for nested in _lists_in(item):
            items += _items(nested, LISTS[tag_of(nested)], depth + 1)
    return items


def _lists_in(element):
    """Yield the lists in an element that no other list in it holds."""
    for child in element:
        tag = tag_of(child)
        if tag in LISTS:
            yield child
        elif tag is not None and tag not in LEFT_OUT:
            yield from _lists_in(child)


def _own_text(item) -> str:
    """Return the words of a list item, leaving out the lists nested in it."""
    return _text(item, skip={"ul", "ol"})


def _paragraph(text: str, blocks: list[RawBlock], quoted: bool) -> None:
    text = " ".join(text.split())
    if text:
        text, marks = unquote(clean_text(text))
        blocks.append(RawBlock("paragraph", [text], quoted=quoted or marks))


def _text(element, skip: set[str] = frozenset()) -> str:
    """Return the words of an element: markup dropped, line breaks and block edges become spaces."""
    parts: list[str] = []

    def walk(e) -> None:
        parts.append(e.text or "")
        for child in e:
            tag = tag_of(child)
            if tag is not None and tag not in LEFT_OUT and tag not in skip:
                spaced = " " if tag in _SPACED else ""
                parts.append(spaced)
                walk(child)
                parts.append(spaced)
            parts.append(child.tail or "")

    walk(element)
    return clean_text(" ".join("".join(parts).split()))
