"""Read a saved web page (.html, .htm): trafilatura reduces it to its article (navigation, cookie banners,
ads, share buttons, related links, sidebars and footers removed), whose headings, lists and tables are
then read as blocks. The page's <h1> or <title> is the title; its `lang` is the handout's language."""

from __future__ import annotations

import logging

from handouts.errors import SourceError
from handouts.language import rx
from handouts.read.blocks import Extracted, RawBlock
from handouts.read.html_blocks import html_blocks

# trafilatura's own article markup, as the HTML tags the block reader knows (head and list say which in "rend");
# its other tags hold only words, as <span> would.
_AS_HTML = {"item": "li", "row": "tr", "cell": "td", "quote": "blockquote", "lb": "br", "code": "pre"}
_CODE = "//script[not(@type='application/ld+json')] | //style | //noscript"  # JSON-LD may carry the title
_NO_ARTICLE = ("there is no article text in this web page. Save the page again from the browser "
               "(Save as: 'Web page, HTML only'), or copy its text into a .txt file.")


def read_web_page(raw: bytes, path) -> Extracted:
    """Read a web page's bytes into the blocks of its article, with its language when the page names one."""
    from lxml import etree

    try:
        language, article = _article(raw)
        root = etree.fromstring(article.encode()) if article else None
    except Exception:  # a damaged page can fail anywhere in the parser or the extractor: one line, not a traceback
        raise SourceError(_NO_ARTICLE, path) from None
    if root is None:
        raise SourceError(_NO_ARTICLE, path)
    _as_html(root)
    blocks = html_blocks(root)
    title = root.get("title", "").strip()
    if title and not (blocks and blocks[0].title):
        blocks.insert(0, RawBlock("heading", [title], title=True))  # the page's <title>, its site name removed
    front = {"language": language.split("-")[0].lower()} if rx.fullmatch(r"[A-Za-z]{2,3}(?:-\w+)*", language) else {}
    return Extracted(blocks, front=front)


def _article(raw: bytes) -> tuple[str, str | None]:
    """Return the page's language and trafilatura's XML of its article (None when it finds no article)."""
    import trafilatura  # here, not at the top: it takes 0.2 s to load, and only a web page needs it

    # Its warnings ("discarding data: None") are for its developers; what the user needs, this reader says.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    page = trafilatura.load_html(raw)
    if page is None:
        return "", None
    # Code is never the article, and trafilatura's metadata search reads every script: 4 s for 10 MB of it.
    for code in page.xpath(_CODE):
        code.drop_tree()
    return page.get("lang", ""), trafilatura.extract(page, output_format="xml", with_metadata=True,
                                                     include_comments=False, include_tables=True,
                                                     include_images=False, include_links=False)


def _as_html(root) -> None:
    """Rename trafilatura's article markup to HTML tags, in place."""
    for element in root.iter():
        rend = element.get("rend", "")
        if element.tag == "head":
            element.tag = rend if rx.fullmatch(r"h[1-6]", rend) else "h2"
        elif element.tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif element.tag in _AS_HTML:
            element.tag = _AS_HTML[element.tag]
