"""The web page shows its captions (cues embedded, drawn by a small script: works from file://), and the PDFs'
phone numbers and web address are links."""

import json
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from pypdf import PdfReader

from fakes import CountingEngine
from handouts.audio.captions import Caption
from handouts.config import load_config
from handouts.pipeline import build_all
from handouts.render.html import build_html
from handouts.render.pdf import LARGE, STANDARD, build_pdf
from handouts.speech import Speech
from test_captions_guidelines import parse_vtt
from test_browser import browser, open_page  # noqa: F401 (a fixture)
from test_html import check_page
from test_pdf import clinic, full_handout

CUES = [Caption(0.0, 2.5, ("Wash the cut", "with clean water.")), Caption(3.0, 5.0, ("Keep it dry.",))]
HOSTILE = ("</script><script>alert(1)</script>", "<!-- x", "A&E 'quoted' \"double\"", "]]> \u2028 end")


class Scripts(HTMLParser):
    """Collect every <script> element (attributes and raw text) and the caption area's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts, self.area, self._in = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in = [attrs, ""]
        if attrs.get("id") == "captions":
            self.area = attrs

    def handle_data(self, data):
        if self._in is not None:
            self._in[1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self.scripts.append(tuple(self._in))
            self._in = None


def scripts_of(page):
    parser = Scripts()
    parser.feed(page)
    return parser


def embedded_cues(page):
    """Return the cues the page carries, read from its JSON script element."""
    [(_, data)] = [(a, t) for a, t in scripts_of(page).scripts if a.get("type") == "application/json"]
    return json.loads(data)


def test_page_embeds_the_cues_and_a_caption_area_under_the_player():
    page = build_html(full_handout(), clinic(), audio=True, captions=True, cues=CUES)
    outline = check_page(page)
    tags = [t for t, _ in outline.tags]
    assert tags.index("audio") < tags.index("track") < tags.index("div")  # the area comes under the player
    assert embedded_cues(page) == [{"start": 0.0, "end": 2.5, "lines": ["Wash the cut", "with clean water."]},
                                   {"start": 3.0, "end": 5.0, "lines": ["Keep it dry."]}]
    area = scripts_of(page).area
    assert area["aria-live"] in ("polite", "off") and "hidden" in area  # shown by the script, so never empty without it
    program = next(t for a, t in scripts_of(page).scripts if "type" not in a)
    assert "timeupdate" in program and "textContent" in program and "innerHTML" not in program
    assert [a["src"] for t, a in outline.tags if t == "track"] == ["cut.vtt"]  # kept for players that use it


def test_no_caption_area_without_cues_or_without_captions():
    for page in (build_html(full_handout(), clinic(), audio=True, captions=True),
                 build_html(full_handout(), clinic(), audio=True, captions=False, cues=CUES)):
        assert scripts_of(page).scripts == [] and 'id="captions"' not in page


def test_hostile_cue_text_cannot_leave_its_script_element():
    cues = [Caption(i, i + 1.5, (text,)) for i, text in enumerate(HOSTILE)]
    page = build_html(full_handout(), clinic(), audio=True, captions=True, cues=cues)
    check_page(page)  # strict parse: the page is still whole
    found = scripts_of(page).scripts
    assert len(found) == 2  # the cues and the program: no third script came from the text
    raw = next(t for a, t in found if a.get("type") == "application/json")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert [c["lines"][0] for c in json.loads(raw)] == list(HOSTILE)


def test_caption_area_passes_contrast():
    page = build_html(full_handout(), clinic(), audio=True, captions=True, cues=CUES)
    rule = re.search(r"\.captions \{([^}]*)\}", page).group(1)
    colour = re.search(r"(?<![-\w])color: (#[0-9a-f]{3,6})", rule).group(1)
    background = re.search(r"background: (#[0-9a-f]{3,6})", rule).group(1)
    assert contrast(colour, background) >= 7.0  # WCAG AAA for normal text, well over AA's 4.5


def contrast(a, b):
    """Return the WCAG contrast ratio of two #rgb / #rrggbb colours."""
    def luminance(hex_colour):
        h = hex_colour.lstrip("#")
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class Paced(CountingEngine):
    """The fake voice at about 15 characters a second; `slow` stretches every sentence."""

    def __init__(self, slow=1.0):
        super().__init__()
        self.slow = slow

    def speak(self, text):
        self.calls.append(text)
        t = np.arange(int(self.sample_rate * (0.2 + 0.065 * len(text)) * self.slow)) / self.sample_rate
        return Speech((0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), self.sample_rate)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "rest.md").write_text(
        "# Rest After a Cold\n\nRest at home for two or three days, and drink plenty of water or warm tea "
        "so that your body can fight the virus.\n\nCall us if you have:\n\n- a fever\n- a cough\n",
        encoding="utf-8")
    return tmp_path


def build(root):
    [result] = build_all(load_config(root), engine=Paced(), workers=1)
    assert result.ok, result.error
    return result


def test_built_page_carries_the_cues_of_the_vtt_beside_it(project):
    build(project)
    page = (project / "build" / "rest.html").read_text(encoding="utf-8")
    vtt = parse_vtt((project / "build" / "rest.vtt").read_text(encoding="utf-8"))
    assert [(c["start"], c["end"], c["lines"]) for c in embedded_cues(page)] == [
        (pytest.approx(s, abs=1e-3), pytest.approx(e, abs=1e-3), lines) for s, e, lines in vtt]
    assert any(len(c["lines"]) == 2 for c in embedded_cues(page))


def test_a_pronunciation_change_remakes_the_page_with_the_new_timing(project):
    build(project)
    (project / "pronunciations.toml").write_text('[words]\ntea = "teeeeeeeeeeeeeeeeeeee"\n', encoding="utf-8")
    result = build(project)
    assert {"captions", "html"} <= set(result.rebuilt)  # the cues in the page follow the new audio
    page = (project / "build" / "rest.html").read_text(encoding="utf-8")
    vtt = parse_vtt((project / "build" / "rest.vtt").read_text(encoding="utf-8"))
    assert [round(c["end"], 3) for c in embedded_cues(page)] == [round(e, 3) for _, e, _ in vtt]


def links(data: bytes) -> list[str]:
    """Return the URI of every link annotation in a PDF, page by page."""
    found = []
    for page in PdfReader(__import__("io").BytesIO(data)).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/A" in annot:
                found.append(str(annot["/A"].get("/URI")))
    return found


@pytest.mark.parametrize("size", [STANDARD, LARGE])
def test_pdf_phone_numbers_and_web_address_are_links(size):
    data, _ = build_pdf(full_handout(), clinic(audio_base_url="https://a.example/x"), size)
    assert set(links(data)) == {"tel:5551234567", "https://riverside.example.org", "tel:18005550100",
                                "https://a.example/x/cut.mp3"}


def test_pdf_links_keep_hostile_text_escaped():
    config = clinic()
    config.clinic_name = "<b>A&E</b> clinic"
    config.clinic_website = 'example.org/?a=1&b=<i>"x"'
    config.help_lines = [{"name": "<font size=40>Big</font>", "phone": "<a href='javascript:x'>1-800-555-0100"}]
    data, _ = build_pdf(full_handout(), config)
    assert sorted(links(data)) == sorted(["tel:5551234567", 'https://example.org/?a=1&b=<i>"x"', "tel:18005550100"])
    bad = clinic()
    bad.clinic_website = "javascript:alert(1)"
    assert not any("javascript" in uri for uri in links(build_pdf(full_handout(), bad)[0]))


def test_page_opened_from_file_shows_the_cue_being_spoken(browser, project):
    """Headless Chromium, file://: at three moments the caption area shows the cue for the audio's time."""
    build(project)
    page = project / "build" / "rest.html"
    vtt = parse_vtt((project / "build" / "rest.vtt").read_text(encoding="utf-8"))
    open_page(browser, page)
    browser.execute_async_script(
        "const a = document.getElementById('player'), done = arguments[arguments.length - 1];"
        "a.readyState >= 1 ? done() : a.addEventListener('loadedmetadata', () => done());")
    for start, end, lines in (vtt[2], vtt[3], vtt[5]):
        moment = (start + end) / 2
        shown = browser.execute_async_script(
            "const a = document.getElementById('player'), done = arguments[arguments.length - 1];"
            "a.addEventListener('seeked', () => setTimeout(() => done(["
            "  document.getElementById('captions').innerText, document.getElementById('captions').hidden,"
            "  document.getElementById('captions').getAttribute('aria-live')]), 50), {once: true});"
            "a.currentTime = arguments[0];", moment)
        assert shown == ["\n".join(lines), False, "polite"], (moment, shown)
