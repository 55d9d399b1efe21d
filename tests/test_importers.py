"""Reading what clinics have: text in any common encoding, Word documents, PDF leaflets and saved web pages,
each into the same data model; damaged files fail alone, with one clear line."""

import subprocess
import sys
import time
import zipfile
from functools import partial
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from documents import FOOTER, HEADER, docx_bytes, markdown_text, pdf_bytes, sample_article, web_page_bytes
from fakes import CountingEngine
from handouts.build.paths import find_sources
from handouts.config import Config, load_config
from handouts.errors import SourceError
from handouts.pipeline import build_all
from handouts.plain.rewrite import plain_language
from handouts.read.sources import read_source

ARTICLE = [
    ("title", "Caring for a Cut"),
    ("p", "Most small cuts heal on their own in 5 to 7 days. Keeping the cut clean helps it heal."),
    ("h1", "Clean the Cut"),
    ("p", "Wash your hands with soap and water before you touch the cut."),
    ("ul", [("Rinse the cut under clean running water", ["Use cool water.", "Do not scrub hard."]),
            "Wash around the cut with soap.", "Do not use hydrogen peroxide or iodine."]),
    ("h1", "Cover the Cut"),
    ("ol", ["Put on a thin layer of petroleum jelly.",
            ("Cover the cut with a clean bandage.", ["Use a bigger bandage for a long cut."]),
            "Change the bandage every day."]),
    ("h2", "Which Bandage to Use"),
    ("table", [["Cut", "Bandage", "How often"], ["Small cut", "Plaster strip", "Every day"],
               ["Long cut", "Gauze pad and tape", "Twice a day"]]),
    ("h1", "When to Get Help"),
    ("p", "Call your doctor if the cut is deep, keeps bleeding after 10 minutes of pressure, or was made by an "
          "animal bite. Get help right away if you have a fever of 38 °C (100.4 °F) or higher."),
]
NO_TABLE = [part for part in ARTICLE if part[0] != "table" and part[1] != "Which Bandage to Use"]  # see test_pdf_*


def outline(handout):
    """Return a handout as (heading, [(block kind, [sentences of each item])]) per section."""
    return [(s.heading, [(b.kind, [[x.text for x in item] for item in b.items]) for b in s.blocks])
            for s in handout.sections]


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def as_markdown(tmp_path, article, name="caring-for-a-cut.md"):
    return read_source(write(tmp_path, name, markdown_text(article).encode()))


# --- text in any common encoding -------------------------------------------------------------

DOSE = "\nDoses\nTake ½ tablet twice a day. Children get 250 µg — never more. Ask at the café counter.\n"


@pytest.mark.parametrize("encoding, named", [("cp1252", "Windows-1252"), ("utf-16", "UTF-16"),
                                             ("utf-16-le", "UTF-16"), ("utf-8-sig", None)])
def test_the_same_article_in_any_common_encoding_reads_alike(tmp_path, encoding, named):
    text = SAMPLE.read_text(encoding="utf-8") + DOSE
    expected = outline(read_source(write(tmp_path, "utf8.txt", text.encode("utf-8"))))
    handout = read_source(write(tmp_path, "other.txt", text.encode(encoding)))
    assert outline(handout) == expected
    assert outline(handout)[-1] == ("Doses", [("paragraph", [[
        "Take ½ tablet twice a day.", "Children get 250 µg — never more.", "Ask at the café counter."]])])
    assert [n.split(" text")[0] for n in handout.meta.import_notes] == ([f"read as {named}"] if named else [])


def test_latin_1_is_read_and_the_build_says_which_encoding_it_assumed(tmp_path):
    source = write(tmp_path, "fever.txt", "Fever in Children\nGive 2,5 ml of paracetamol. Ask your pharmacist "
                                          "if the child is under 3 months.\nCafé Talks\nEvery Monday at 10.\n"
                   .encode("latin-1"))
    handout = read_source(source)
    assert [s.heading for s in handout.sections] == ["Fever in Children", "Café Talks"]
    assert handout.meta.import_notes[0].startswith("read as Windows-1252 text: the encoding was guessed.")


def test_a_doubtful_guess_is_refused_at_the_line_it_stumbled_on(tmp_path):
    source = write(tmp_path, "short.txt", "Title\n\nFirst line.\nПривет мир.\n".encode("cp1251"))
    with pytest.raises(SourceError) as e:
        read_source(source)
    message = str(e.value)
    assert message.startswith(f"{source}, line 4: this text's encoding is unclear")
    assert "Save it as UTF-8" in message and "encoding:" in message


def test_text_in_two_encodings_at_once_is_refused(tmp_path):
    source = write(tmp_path, "mixed.txt", "Kratom’s effects\n".encode("utf-8") + "Take ½ tablet.\n".encode("cp1252"))
    with pytest.raises(SourceError, match=r"line 1: this text's encoding is unclear: no encoding"):
        read_source(source)


def test_encoding_in_the_front_matter_overrides_the_guess(tmp_path):
    body = "---\ntitle: Doses\nencoding: {}\n---\nTake \xbd tablet.\n"
    as_latin = read_source(write(tmp_path, "a.txt", body.format("latin-1").encode("latin-1")))
    as_cp1250 = read_source(write(tmp_path, "b.txt", body.format("windows-1250").encode("latin-1")))
    assert as_latin.sentences[0].text == "Take ½ tablet."
    assert as_cp1250.sentences[0].text == "Take ˝ tablet."  # what the person said it is, not the guess
    assert as_cp1250.meta.import_notes == ["read as Windows-1250 text, as its front matter says"]


def test_a_wrong_or_unknown_declared_encoding_is_one_clear_line(tmp_path):
    unknown = write(tmp_path, "a.txt", b"---\nencoding: klingon\n---\nText.\n")
    with pytest.raises(SourceError, match=r"a.txt, line 2: 'klingon' is not an encoding"):
        read_source(unknown)
    wrong = write(tmp_path, "b.txt", "---\nencoding: utf-8\n---\nOne.\nTake ½ tablet.\n".encode("cp1252"))
    with pytest.raises(SourceError, match=r"b.txt, line 5: this text is not UTF-8"):
        read_source(wrong)


# --- Word documents -------------------------------------------------------------------------

def test_word_document_reads_as_its_markdown_twin(tmp_path):
    handout = read_source(write(tmp_path, "caring-for-a-cut.docx", docx_bytes(ARTICLE)))
    assert handout.meta.title == "Caring for a Cut" and handout.meta.slug == "caring-for-a-cut"
    assert outline(handout) == outline(as_markdown(tmp_path, ARTICLE))
    sections = dict(outline(handout))
    # Two notes under an item are set in under it; the list goes on after them.
    assert sections["Clean the Cut"][1:4] == [("bullets", [["Rinse the cut under clean running water:"]]),
                                              ("bullets", [["Use cool water."], ["Do not scrub hard."]]),
                                              ("bullets", [["Wash around the cut with soap."],
                                                           ["Do not use hydrogen peroxide or iodine."]])]
    assert sections["Cover the Cut"][0] == ("numbered", [
        ["Put on a thin layer of petroleum jelly."],
        ["Cover the cut with a clean bandage.", "Use a bigger bandage for a long cut."],
        ["Change the bandage every day."]])
    # A table's header names its columns in a lead-in: "every day" says how often only with it.
    assert sections["Which Bandage to Use"] == [("paragraph", [["Each line gives the cut, bandage and how often:"]]),
                                                ("bullets", [["Small cut: bandage plaster strip; every day"],
                                                             ["Long cut: bandage gauze pad and tape; twice a day"]])]
    assert handout.meta.import_notes == []


def test_word_footnotes_tracked_changes_comments_and_pictures(tmp_path):
    data = docx_bytes(ARTICLE, footnote="Smith J. Wound care in primary practice. 2020.",
                      tracked=("Rinse it with alcohol.", "Pat it dry."), comment="Should we say 3 to 5 days?",
                      picture=True)
    handout = read_source(write(tmp_path, "cut.docx", data))
    assert [s.text for s in handout.sections[0].sentences] == [
        "Most small cuts heal on their own in 5 to 7 days.", "Keeping the cut clean helps it heal.", "Pat it dry."]
    text = " ".join(s.text for s in handout.sentences)
    assert "alcohol" not in text and "Smith" not in text and "[1]" not in text and "3 to 5" not in text
    assert handout.meta.import_notes == [
        "its tracked changes were read as accepted (inserted words kept, deleted words left out); accept or reject "
        "them in Word if that is not what it should say",
        "left out of the handout: 1 footnote, 1 comment, 1 picture"]


def test_a_truncated_word_document_is_one_clear_line(tmp_path):
    data = docx_bytes(ARTICLE)
    source = write(tmp_path, "cut.docx", data[: len(data) // 2])
    with pytest.raises(SourceError) as e:
        read_source(source)
    assert str(e.value) == (f"{source}: this Word document cannot be read: it is damaged, locked with a password, "
                            f"or not really a .docx. Open it in Word and save it again as a Word document (.docx), "
                            f"without a password.")


# --- PDF leaflets ---------------------------------------------------------------------------

def test_pdf_two_column_leaflet_reads_as_its_markdown_twin(tmp_path):
    # Tables are left out of the PDF: a PDF keeps no table, only text placed in a grid (see the README).
    data = pdf_bytes(NO_TABLE)
    handout = read_source(write(tmp_path, "caring-for-a-cut.pdf", data))
    assert handout.meta.title == "Caring for a Cut"
    assert outline(handout) == outline(as_markdown(tmp_path, NO_TABLE))


def test_pdf_columns_pages_running_header_footer_and_page_numbers(tmp_path):
    import pypdfium2

    data = pdf_bytes(sample_article())
    assert len(pypdfium2.PdfDocument(data)) == 2
    handout = read_source(write(tmp_path, "kratom.pdf", data))
    text = " ".join(s.text for s in handout.sentences)
    assert HEADER not in text and FOOTER not in text and "Page " not in text
    # A sentence from the foot of the left column to the top of the right, and one across the page break.
    assert ("Common symptoms include nausea, vomiting, diarrhea, muscle aches, insomnia, anxiety, depression, "
            "and intense cravings for the drug.") in text
    assert "it could provide a natural means to alleviate withdrawal pains through increased pleasurable sensations." \
        in text


def test_pdf_words_broken_at_line_ends_are_joined(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "insulin.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Helvetica", 11)
    for n, line in enumerate(["Insulin helps some peo-", "ple with diabetes. Self-", "care matters, and so do follow-",
                              "up visits with your COVID-", "19 doctor."]):
        page.drawString(72, 700 - 14 * n, line)
    page.save()
    assert [s.text for s in read_source(path).sentences] == [
        "Insulin helps some people with diabetes.", "Self-care matters, and so do follow-up visits with your "
        "COVID-19 doctor."]


def test_scanned_pdf_is_one_clear_line(tmp_path):
    source = write(tmp_path, "scan.pdf", _picture_pdf(tmp_path, pages=[None]))
    with pytest.raises(SourceError) as e:
        read_source(source)
    assert str(e.value) == (f"{source}: this PDF is a picture of text (scanned): there is no text to read. "
                            f"Save it as text, or type it into a .txt file.")


def test_scanned_pages_of_a_pdf_are_named_in_a_note(tmp_path):
    handout = read_source(write(tmp_path, "part.pdf", _picture_pdf(tmp_path, pages=["Wash your hands.", None])))
    assert [s.text for s in handout.sentences] == ["Wash your hands."]
    assert handout.meta.import_notes == ["left out page 2: it is a picture of text (scanned), with no text to read"]


def test_pdf_locked_only_against_editing_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    locked = StandardEncryption("", ownerPassword="clinic", canModify=0, canCopy=0)
    handout = read_source(write(tmp_path, "locked.pdf", pdf_bytes(NO_TABLE, encrypt=locked)))
    assert outline(handout) == outline(as_markdown(tmp_path, NO_TABLE))


def test_pdf_that_needs_a_password_is_one_clear_line(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    source = write(tmp_path, "secret.pdf", pdf_bytes(NO_TABLE, encrypt=StandardEncryption("open", "clinic")))
    with pytest.raises(SourceError, match="secret.pdf: this PDF is locked with a password, so its text cannot be "
                                          "read. Open it, save a copy without the password, and build that."):
        read_source(source)


def test_pdf_cut_in_half_is_one_clear_line(tmp_path):
    data = pdf_bytes(sample_article())
    source = write(tmp_path, "half.pdf", data[: len(data) // 2])
    with pytest.raises(SourceError, match=r"half.pdf: this PDF is incomplete \(cut off"):
        read_source(source)


def _picture_pdf(tmp_path, pages: list[str | None]) -> bytes:
    """Return a PDF whose pages hold the given text, or (None) only a picture, as a scanner makes."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    picture = tmp_path / "scan.png"
    Image.new("L", (300, 400), 230).save(picture)
    path = tmp_path / "made.pdf"
    document = canvas.Canvas(str(path))
    for text in pages:
        if text is None:
            document.drawImage(str(picture), 72, 300, 300, 400)
        else:
            document.drawString(72, 700, text)
        document.showPage()
    document.save()
    return path.read_bytes()


# --- saved web pages ------------------------------------------------------------------------

def test_web_page_is_reduced_to_its_article(tmp_path):
    handout = read_source(write(tmp_path, "caring-for-a-cut.html", web_page_bytes(ARTICLE)))
    assert handout.meta.title == "Caring for a Cut" and handout.meta.language == "en"
    assert outline(handout) == outline(as_markdown(tmp_path, ARTICLE))
    text = " ".join(s.text for s in handout.sentences).lower()
    for clutter in ("cookie", "home", "find a clinic", "advertisement", "vitamins", "share", "dana lee",
                    "related", "coffee", "popular", "flu shot", "sponsored", "rights reserved", "privacy"):
        assert clutter not in text, clutter


def test_web_page_title_and_language_come_from_the_page(tmp_path):
    page = ("<html lang='es-MX'><head><title>La gripe | Clínica Sol</title></head><body><nav><a href='/'>Inicio</a>"
            "</nav><article><p>La gripe es una enfermedad causada por un virus. Se contagia al toser y al "
            "estornudar.</p><p>Vacúnese cada año en otoño. La vacuna es gratis en la clínica para los niños y "
            "los mayores.</p></article></body></html>").encode()
    handout = read_source(write(tmp_path, "gripe.htm", page))
    assert handout.meta.title == "La gripe" and handout.meta.language == "es"
    assert handout.sentences[2].text == "Vacúnese cada año en otoño."


def test_web_page_of_10_mb_of_scripts_is_one_clear_line(tmp_path):
    script = "<script>" + "var x = Math.random() * 42; " * 20_000 + "</script>\n"
    source = write(tmp_path, "scripts.html", f"<html><head>{script * 18}</head><body></body></html>".encode())
    assert source.stat().st_size > 10_000_000
    started = time.perf_counter()
    with pytest.raises(SourceError, match=r"scripts.html: there is no article text in this web page"):
        read_source(source)
    assert time.perf_counter() - started < 5  # 0.4 s here; with the scripts left in, trafilatura took 4 s


# --- the sample in every format -------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_plain():
    return plain_language(read_source(SAMPLE), Config())


@pytest.mark.parametrize("suffix, make", [
    (".docx", docx_bytes), (".pdf", pdf_bytes), (".pdf", partial(pdf_bytes, columns=1)),
    (".pdf", partial(pdf_bytes, columns=3)), (".html", web_page_bytes)],
    ids=["word", "pdf-2-columns", "pdf-1-column", "pdf-3-columns", "web-page"])
def test_the_sample_in_every_format_reads_and_rewrites_as_the_text_does(tmp_path, sample_plain, suffix, make):
    source = write(tmp_path, f"kratom-dopamine-opioid-withdrawal{suffix}", make(sample_article()))
    handout = read_source(source)
    assert handout.meta.title == sample_plain.handout.meta.title
    assert outline(handout) == outline(read_source(SAMPLE))
    plain = plain_language(handout, Config()).handout
    assert outline(plain) == outline(sample_plain.handout)
    assert [k.text for k in plain.key_points] == [k.text for k in sample_plain.handout.key_points]
    assert [t.word for t in plain.words_to_know] == [t.word for t in sample_plain.handout.words_to_know]


# --- in a build -----------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    """A project holding a text and a Word document, built once without audio."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "sleep.txt").write_text("Sleep Well\nMost adults need 7 to 9 hours of sleep.\n",
                                                    encoding="utf-8")
    write(tmp_path / "content", "caring-for-a-cut.docx", docx_bytes(ARTICLE))
    report = build_all(load_config(tmp_path), audio=False, workers=1)
    assert all(r.ok for r in report), [r.error for r in report]
    return tmp_path


def test_editing_the_word_document_rebuilds_its_handout(project):
    content = project / "content"
    write(project / "content", "caring-for-a-cut.docx",
          docx_bytes([(k, c.replace("5 to 7 days", "7 to 10 days") if k == "p" else c) for k, c in ARTICLE]))
    report = build_all(load_config(project), audio=False, workers=1)
    by_slug = {r.slug: r for r in report}
    assert by_slug["sleep"].rebuilt == {}
    assert by_slug["caring-for-a-cut"].rebuilt["pdf"] == "text: 1 sentence changed in 'introduction'"
    change_log = (project / "build" / "caring-for-a-cut.plain.json").read_text(encoding="utf-8")
    assert "Most small cuts heal on their own in 7 to 10 days." in change_log  # the text as extracted
    assert find_sources(load_config(project)) == [content / "caring-for-a-cut.docx", content / "sleep.txt"]


def test_damaged_files_fail_alone_and_leave_other_outputs_intact(project):
    build = project / "build"
    before = {p.name: p.read_bytes() for p in build.iterdir() if p.is_file()}
    data = docx_bytes(ARTICLE)
    write(project / "content", "caring-for-a-cut.docx", data[: len(data) // 2])
    leaflet = pdf_bytes(NO_TABLE)
    write(project / "content", "leaflet.pdf", leaflet[: len(leaflet) // 2])
    write(project / "content", "page.html", b"<html><body>" + b"<script>var a = 1;</script>" * 1000 + b"</body>")
    write(project / "content", "~$ring-for-a-cut.docx", b"\x0bWord owner file")  # Word's lock file: not a source
    report = build_all(load_config(project), audio=False, workers=1)
    errors = {r.source.name: r.error for r in report if not r.ok}
    assert set(errors) == {"caring-for-a-cut.docx", "leaflet.pdf", "page.html"}
    assert all("\n" not in e and "Traceback" not in e for e in errors.values())
    assert "this Word document cannot be read" in errors["caring-for-a-cut.docx"]
    assert next(r for r in report if r.ok).slug == "sleep"
    assert {p.name: p.read_bytes() for p in build.iterdir() if p.is_file()} == before


def test_a_damaged_file_is_one_line_from_the_command(tmp_path):
    source = write(tmp_path, "cut.pdf", b"%PDF-1.4\nnot really a PDF\n%%EOF\n")
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--project", str(tmp_path), "--no-audio",
                           "--out", str(tmp_path / "build"), str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == f"FAILED {source}: this PDF is damaged and cannot be read. Download or save it again."


def test_reading_a_text_loads_no_importer():
    code = ("import sys; from handouts.read.sources import read_source; "
            f"read_source({str(SAMPLE)!r}); "
            "print(sorted(m for m in ('mammoth', 'pypdfium2', 'trafilatura', 'charset_normalizer', 'lxml') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_word_document_builds_every_output_audio_included(tmp_path):
    (tmp_path / "content").mkdir()
    write(tmp_path / "content", "cut.docx", docx_bytes(ARTICLE))
    report = build_all(load_config(tmp_path), engine=CountingEngine(), workers=1)
    assert report[0].ok, report[0].error
    made = {p.name for p in (tmp_path / "build").iterdir()}
    assert {"cut.pdf", "cut-large-print.pdf", "cut.html", "cut.mp3", "cut.vtt"} <= made
    assert "Change the bandage every day." in (tmp_path / "build" / "cut.vtt").read_text(encoding="utf-8")


def test_word_zip_without_a_document_is_one_clear_line(tmp_path):
    source = tmp_path / "empty.docx"
    with zipfile.ZipFile(source, "w") as z:
        z.writestr("hello.txt", "not a Word document")
    with pytest.raises(SourceError, match="this Word document cannot be read"):
        read_source(source)
