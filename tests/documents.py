"""Make the documents clinics have, for the importer tests and benchmarks/importers.py: a Word document
(python-docx, with raw WordprocessingML for what it cannot write: multi-level lists, footnotes, tracked
changes), a two-column PDF leaflet with a running header, footer and page numbers (reportlab), and a
saved web page with its navigation, cookie banner, ads, sidebar and footer.

An article is a list of (kind, content): ("title", text), ("h1" | "h2", text), ("p", text), ("quote", text),
("ul" | "ol", [item or (item, [sub-items])]), ("table", [[cell, ...], ...]) with the header row first.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "000-kratom-dopamine-opioid-withdrawal.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def sample_article() -> list[tuple]:
    """Return the sample text as an article: how its author would have laid it out in Word or on a page."""
    text = SAMPLE.read_text(encoding="utf-8")
    front, body = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S).groups()
    article: list[tuple] = [("title", re.search(r"^title: (.*)$", front, re.M).group(1))]
    for line in body.split("\n"):
        line = line.strip()
        if line.startswith("- "):
            if article[-1][0] != "ul":
                article.append(("ul", []))
            article[-1][1].append(line[2:])
        elif line.startswith("“"):
            article.append(("quote", line))
        elif line and len(line) < 120 and not line.endswith("."):
            article.append(("h1", line))
        elif line:
            article.append(("p", line))
    return article


def markdown_text(article: list[tuple]) -> str:
    """Return the article as Markdown: what every other format must read the same as."""
    parts = []
    for kind, content in article:
        if kind in ("title", "h1", "h2"):
            parts.append({"title": "#", "h1": "##", "h2": "###"}[kind] + " " + content)
        elif kind in ("p", "quote"):
            parts.append(content)
        elif kind in ("ul", "ol"):
            lines = []
            for n, item in enumerate(content, start=1):
                item, subitems = (item, []) if isinstance(item, str) else item
                lines.append(f"{'-' if kind == 'ul' else f'{n}.'} {item}")
                lines += [f"    - {sub}" for sub in subitems]
            parts.append("\n".join(lines))
        elif kind == "table":
            rows = [f"| {' | '.join(row)} |" for row in content]
            parts.append("\n".join([rows[0], "|" + " --- |" * len(content[0])] + rows[1:]))
    return "\n\n".join(parts) + "\n"


# --- Word -------------------------------------------------------------------------------------

def docx_bytes(article: list[tuple], *, footnote: str | None = None, tracked: tuple[str, str] | None = None,
               comment: str | None = None, picture: bool = False) -> bytes:
    """Return a .docx of the article. `footnote` is a note on the first paragraph; `tracked` = (deleted,
    inserted) words added as a tracked change at the end of the first paragraph; `comment` is a reviewer's
    comment on it; `picture` adds a picture at the end."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    bullets, steps = _list_definitions(document)
    first = None
    for kind, content in article:
        if kind == "title":
            document.add_paragraph(content, style="Title")
        elif kind in ("h1", "h2"):
            document.add_heading(content, level=int(kind[1]))
        elif kind in ("p", "quote"):
            paragraph = document.add_paragraph(content)
            first = first or paragraph
        elif kind in ("ul", "ol"):
            for item in content:
                item, subitems = (item, []) if isinstance(item, str) else item
                _list_paragraph(document, item, bullets if kind == "ul" else steps, 0)
                for sub in subitems:
                    _list_paragraph(document, sub, bullets, 1)  # a list set in is bulleted, as in markdown_text
        elif kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for r, row in enumerate(content):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    if tracked:
        deleted, inserted = tracked
        first._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="901" w:author="Ana" w:date="2024-05-01T00:00:00Z">'
                                  f'<w:r><w:delText xml:space="preserve"> {deleted}</w:delText></w:r></w:del>'))
        first._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="902" w:author="Ana" w:date="2024-05-01T00:00:00Z">'
                                  f'<w:r><w:t xml:space="preserve"> {inserted}</w:t></w:r></w:ins>'))
    if comment:
        document.add_comment(first.runs, text=comment, author="Reviewer")
    if footnote:
        first._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="1"/></w:r>'))
    if picture:
        from PIL import Image

        image = io.BytesIO()
        Image.new("RGB", (40, 30), "teal").save(image, "PNG")
        document.add_picture(image)
    out = io.BytesIO()
    document.save(out)
    return _with_footnote(out.getvalue(), footnote) if footnote else out.getvalue()


def _list_definitions(document) -> tuple[int, int]:
    """Add a bulleted and a numbered list definition with three levels, as Word writes them; return their ids."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    for number, style in ((901, "bullet"), (902, "decimal")):
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{style}"/>'
            f'<w:lvlText w:val="{"•" if style == "bullet" else f"%{i + 1}."}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>' for i in range(3))
        numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
                                      f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{number}"/>'
                                   f'</w:num>'))
    return 901, 902


def _list_paragraph(document, text: str, number: int, level: int) -> None:
    paragraph = document.add_paragraph(text, style="List Paragraph")
    numbered = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbered.get_or_add_ilvl().val = level
    numbered.get_or_add_numId().val = number


def _with_footnote(data: bytes, note: str) -> bytes:
    """Add a footnotes part (footnote 1 says `note`) to a .docx: python-docx cannot write one."""
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
                 f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                 f'</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
                 f'<w:r><w:t xml:space="preserve"> {html.escape(note)}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    parts = {
        "[Content_Types].xml": (b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                             b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                                             b"</Types>"),
        "word/_rels/document.xml.rels": (b"</Relationships>", b'<Relationship Id="rIdNotes" Type="http://schemas.'
                                                              b'openxmlformats.org/officeDocument/2006/relationships/'
                                                              b'footnotes" Target="footnotes.xml"/></Relationships>'),
    }
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename in parts:
                content = content.replace(*parts[item.filename])
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------------

HEADER = "City Health Department - Patient leaflet"
FOOTER = "cityhealth.example.org"


def pdf_bytes(article: list[tuple], *, columns: int = 2, encrypt=None) -> bytes:
    """Return a PDF leaflet of the article: the title across the top of page 1, then the text in columns,
    a running header, a footer and "Page N" on every page."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate, Paragraph
    from reportlab.platypus import Table

    width, height = letter
    margin, gap = 54, 24
    column = (width - 2 * margin - gap * (columns - 1)) / columns
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    styles = {"title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=24),
              "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=6,
                                   spaceAfter=4),
              "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=3),
              "p": body, "quote": ParagraphStyle("quote", parent=body, leftIndent=12)}
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=2, spaceAfter=3)
    sub = ParagraphStyle("sub", parent=bullet, leftIndent=28, bulletIndent=16)

    def furniture(canvas, document):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 36, HEADER)
        canvas.drawString(margin, 30, FOOTER)
        canvas.drawRightString(width - margin, 30, f"Page {document.page}")

    def frames(top):
        return [Frame(margin + i * (column + gap), margin, column, top - margin, id=f"c{i}") for i in range(columns)]

    first = [Frame(margin, height - margin - 40, width - 2 * margin, 40, id="title")] + frames(height - margin - 44)
    document = BaseDocTemplate(out := io.BytesIO(), pagesize=letter, encrypt=encrypt, invariant=1,
                               pageTemplates=[PageTemplate("first", first, onPage=furniture),
                                              PageTemplate("later", frames(height - margin), onPage=furniture)])
    story = [NextPageTemplate("later")]
    for kind, content in article:
        if kind == "title":
            story += [Paragraph(html.escape(content), styles["title"]), FrameBreak()]
        elif kind in ("ul", "ol"):
            for n, item in enumerate(content, start=1):
                item, subitems = (item, []) if isinstance(item, str) else item
                story.append(Paragraph(html.escape(item), bullet, bulletText="•" if kind == "ul" else f"{n}."))
                story += [Paragraph(html.escape(s), sub, bulletText="–") for s in subitems]
        elif kind == "table":
            story.append(Table([[Paragraph(html.escape(c), body) for c in row] for row in content]))
        else:
            story.append(Paragraph(html.escape(content), styles[kind]))
    document.build(story)
    return out.getvalue()


# --- web page ---------------------------------------------------------------------------------

def web_page_bytes(article: list[tuple], *, site: str = "City Health Department") -> bytes:
    """Return a saved web page holding the article among a site's navigation, cookie banner, ads, share
    buttons, related links, sidebar and footer."""
    title = next(c for k, c in article if k == "title")
    parts = []
    for kind, content in article:
        if kind == "title":
            parts.append(f"<h1>{html.escape(content)}</h1>\n<p class='byline'>By Dana Lee, RN | Updated June 3, "
                         f"2024</p>\n<div class='share'><a href='#'>Share</a> <a href='#'>Tweet</a> "
                         f"<a href='#'>Email</a></div>")
        elif kind in ("h1", "h2"):
            parts.append(f"<h{int(kind[1]) + 1}>{html.escape(content)}</h{int(kind[1]) + 1}>")
        elif kind == "p":
            parts.append(f"<p>{html.escape(content)}</p>")
        elif kind == "quote":
            parts.append(f"<blockquote><p>{html.escape(content)}</p></blockquote>")
        elif kind in ("ul", "ol"):
            items = []
            for item in content:
                item, subitems = (item, []) if isinstance(item, str) else item
                inner = "".join(f"<li>{html.escape(s)}</li>" for s in subitems)
                items.append(f"<li>{html.escape(item)}{f'<ul>{inner}</ul>' if inner else ''}</li>")
            parts.append(f"<{kind}>{''.join(items)}</{kind}>")
        elif kind == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in content[0])
            rows = "".join(f"<tr>{''.join(f'<td>{html.escape(c)}</td>' for c in row)}</tr>" for row in content[1:])
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    article_html = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>
<script>window.dataLayer = [{{"event": "pageview"}}];</script><style>body {{ font-family: sans-serif }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to give you the best experience on our website.
<button>Accept all cookies</button> <a href="/privacy">Manage cookie settings</a></div>
<header><a class="logo" href="/">{site}</a><nav><ul><li><a href="/">Home</a></li><li><a href="/topics">Health topics</a>
</li><li><a href="/clinics">Find a clinic</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact us</a>
</li></ul></nav></header>
<div class="ad-slot advertisement"><span>Advertisement</span><a href="https://ads.example.com/x">Summer sale on
vitamins: 50% off today only!</a></div>
<main><article>
{article_html}
</article>
<section class="related"><h3>Related articles</h3><ul><li><a href="/a">Five foods for better sleep</a></li>
<li><a href="/b">Is coffee good for you?</a></li><li><a href="/c">Our new clinic opens in May</a></li></ul></section>
</main>
<aside class="sidebar"><h3>Popular now</h3><ul><li><a href="/flu">Book your flu shot</a></li>
<li><a href="/covid">COVID-19 vaccines: where to go</a></li></ul>
<div class="ad">Sponsored: try our new app</div></aside>
<footer><p>&copy; 2024 {site}. All rights reserved.</p><p><a href="/terms">Terms of use</a> |
<a href="/privacy">Privacy policy</a> | <a href="/accessibility">Accessibility</a></p></footer>
</body></html>
""".encode()


# A short handout of three sections (a title, an introduction and two headings), for the tests that build one
# through the whole pipeline (regeneration, video).
SLEEP_WELL = """---
title: Sleep Well
---
Good sleep helps your body heal. Most adults need seven to nine hours.

Before Bed
Turn off screens an hour before bed. Keep your room cool and dark. Go to bed at the same time.

When to Get Help
Call your doctor if you snore loudly. Call if you feel sleepy all day.
"""
