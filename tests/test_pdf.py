"""The printed handouts: text order, embedded fonts, sizes, escaping."""

import io

import pdfplumber
from pypdf import PdfReader

from handouts.config import Config
from handouts.model import Block, Handout, Meta, Section, Sentence
from handouts.pdf import LARGE, STANDARD, build_pdf


def pdf_text(path_or_bytes):
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def fonts(data: bytes):
    """Return (name, embedded?) for every font on every page."""
    found = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if font["/Subtype"] == "/Type0":
                desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object() if desc is not None else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_sample_pdf_has_headings_in_order_and_no_table_of_contents(sample_build):
    text = " ".join(pdf_text(sample_build.outputs["pdf"]).split())
    h1 = text.index("Understanding Opioid Withdrawal and Its Symptoms")
    h2 = text.index("Exploring the Link Between Kratom and Dopamine")
    assert text.index("Kratom, Dopamine and Opioid Withdrawal") < h1 < h2
    # Each heading appears once: the table-of-contents list was dropped.
    assert text.count("Understanding Opioid Withdrawal and Its Symptoms") == 1
    assert "What is Kratom? An Overview" not in text
    assert f"Page 1 of {sample_build.pages['pdf']}" in text


def test_every_font_is_embedded(sample_build):
    for key in ("pdf", "large-print pdf"):
        found = fonts(sample_build.outputs[key].read_bytes())
        assert found and all(found.values()), found
        assert all("Atkinson" in name for name in found), found


def test_body_text_sizes(sample_build):
    for key, smallest in (("pdf", STANDARD.body), ("large-print pdf", LARGE.body)):
        with pdfplumber.open(sample_build.outputs[key]) as pdf:
            sizes = {round(c["size"], 1) for p in pdf.pages for c in p.chars}
        assert min(sizes) >= smallest >= 12


def tiny_handout(*texts):
    return Handout(Meta(title="T<1>", slug="t"), [Section("H & <b>", [Block("paragraph", [[Sentence(t) for t in texts]])])])


def test_user_text_is_escaped_not_parsed(tmp_path):
    secret = tmp_path / "private.png"
    hostile = ['<img src="%s"/> shown.' % secret, "x<y and A&E.", "<font size=40>big</font> text."]
    data, pages = build_pdf(tiny_handout(*hostile), Config())
    text = "".join(pdf_text(data).split())  # line breaks may fall anywhere in a long word
    for h in hostile + ["H & <b>", "T<1>"]:
        assert "".join(h.split()) in text
    assert pages == 1


def test_same_input_gives_identical_bytes():
    a, _ = build_pdf(tiny_handout("One sentence."), Config())
    b, _ = build_pdf(tiny_handout("One sentence."), Config())
    assert a == b
