"""Links in Markdown, HTML and Word sources: a link's words are kept and its address dropped; no address with a
scheme other than http(s), mailto or tel (javascript:, vbscript:, data:, file:) reaches the handout's text, so
none reaches the PDF, the web page or the narration."""

import io
import re

import pytest
from pypdf import PdfReader

from documents import web_page_bytes
from fakes import CountingEngine
from handouts.config import load_config
from handouts.pipeline import build_all
from handouts.read.blocks import safe_link, without_unsafe_addresses
from handouts.read.sources import read_source

UNSAFE = re.compile(r"javascript|vbscript|data:|file:|alert|\]\(|\[", re.I)


def body(tmp_path, name: str, data: str | bytes) -> str:
    """Read a source written to `name` and return its body text, every sentence in order."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return " ".join(s.text for s in read_source(path).sentences)


def test_a_javascript_link_in_markdown_keeps_only_its_words(tmp_path):
    text = body(tmp_path, "safety.md", "# Safety\n\nRead [our safety page](javascript:alert(3)) before you start.\n")
    assert text == "Read our safety page before you start."


@pytest.mark.parametrize("address", [
    "javascript:alert(3)", "JavaScript:alert(document.cookie)", "vbscript:msgbox(1)", "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", " javascript:void(0)", "&#106;avascript:alert(3)",
])
def test_no_unsafe_scheme_survives_a_markdown_link(tmp_path, address):
    text = body(tmp_path, "safety.md", f"Read [our safety page]({address}) before you start.\n")
    assert text == "Read our safety page before you start."


@pytest.mark.parametrize("address", ["https://example.org/safety", "http://example.org", "mailto:nurse@example.org",
                                     "tel:+15550100", "safety.html", "#when-to-call"])
def test_safe_links_keep_their_words_and_drop_their_address(tmp_path, address):
    text = body(tmp_path, "safety.md", f"Read [our safety page]({address}) before you start.\n")
    assert text == "Read our safety page before you start."


def test_reference_links_autolinks_pictures_and_inline_html_in_markdown(tmp_path):
    text = body(tmp_path, "links.md", (
        "Read [the guide][guide] today.\n\n"
        "See <javascript:alert(3)> for more.\n\n"
        "Or visit <https://example.org/flu> for more.\n\n"
        "Ask ![a picture](javascript:alert(1)) your nurse.\n\n"
        'Call <a href="javascript:alert(3)" onclick="alert(4)">our help line</a> today.\n\n'
        '<p title="a>b" data-x="javascript:alert(5)">Rest at home.</p>\n\n'
        "[guide]: vbscript:msgbox(1)\n"))
    assert text == ("Read the guide today. See for more. Or visit https://example.org/flu for more. "
                    "Ask your nurse. Call our help line today. Rest at home.")


def test_an_unsafe_address_written_out_in_a_plain_text_is_removed(tmp_path):
    text = body(tmp_path, "note.txt", "Open javascript:alert(3) or data:text/html,<b>x</b> or file:///c:/a.txt now.\n"
                                      "Your file: the one at the desk. Data: 3 of 4 people.\n")
    assert text == "Open or or now. Your file: the one at the desk. Data: 3 of 4 people."


def test_a_link_in_a_saved_web_page_keeps_its_words(tmp_path):
    page = web_page_bytes([("title", "Staying Safe at Home"),
                           ("p", "Most falls at home can be prevented with a few simple changes to each room."),
                           ("p", "Read LINK before you move any furniture, and ask your nurse about a home visit."),
                           ("p", "Keep the floors clear of clutter, cords and loose rugs, and light every stair.")])
    page = page.replace(b"LINK", b'<a href="javascript:alert(3)">our safety page</a>')
    text = body(tmp_path, "safety.html", page)
    assert "Read our safety page before you move any furniture" in text
    assert not UNSAFE.search(text)


def test_a_link_in_a_word_document_keeps_its_words(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    paragraph = document.add_paragraph("Read ")
    for address, words in (("javascript:alert(3)", "our safety page"), ("https://example.org", "the guide")):
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), document.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        run, text = OxmlElement("w:r"), OxmlElement("w:t")
        text.text = words
        run.append(text)
        link.append(run)
        paragraph._p.append(link)
        paragraph.add_run(" and " if words != "the guide" else " first.")
    data = io.BytesIO()
    document.save(data)
    assert body(tmp_path, "safety.docx", data.getvalue()) == "Read our safety page and the guide first."


def test_which_addresses_are_safe():
    assert all(map(safe_link, ["https://a.org", "HTTP://a.org", "mailto:a@b.org", "tel:+1555", "page.html", "#top"]))
    assert not any(map(safe_link, ["javascript:x", " JAVASCRIPT:x", "vbscript:x", "data:text/html,x", "file:///x"]))
    assert without_unsafe_addresses("Take 2 tablets.") == "Take 2 tablets."


def test_a_built_handout_carries_no_unsafe_address_in_any_output(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "falls.md").write_text(
        "# Preventing Falls\n\nMost falls at home can be prevented. Read [our safety page](javascript:alert(3)) "
        "before you move furniture.\n\n## At Night\n\n- Use a night light.\n- Keep a phone by the bed.\n",
        encoding="utf-8")
    engine = CountingEngine()
    report = build_all(load_config(tmp_path), engine=engine, workers=1)
    assert report[0].ok, report[0].error
    out = tmp_path / "build"
    pdf = " ".join(page.extract_text() for page in PdfReader(out / "falls.pdf").pages)
    page = (out / "falls.html").read_text(encoding="utf-8")
    captions = (out / "falls.vtt").read_text(encoding="utf-8")
    assert "our safety page" in " ".join(pdf.split()) and "our safety page" in page and "our safety page" in captions
    for name, text in [("pdf", pdf), ("html", page), ("vtt", captions), ("speech", " ".join(engine.calls))]:
        assert not re.search(r"javascript|alert\(", text, re.I), name
