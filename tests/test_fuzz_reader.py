"""A property-based test of the reader (hypothesis): whatever a source holds (random text from every Unicode
category, very long lines and words, nested list markers, mixed scripts, control characters, links, front
matter, bytes in other encodings), reading it either gives a handout with no control characters or refuses it
with one line (a HandoutError); never another exception. What the fonts cannot print is refused with one line too."""

import re
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handouts.errors import HandoutError
from handouts.read.sources import read_source
from handouts.render.coverage import check_printable

SCRIPTS = ["Wash your hands often", "Lávese las manos", "שטפו ידיים", "اغسل يديك", "Мойте руки", "हाथ धोएं",
           "洗手", "손을 씻으세요", "Πλένετε", "Rửa tay", "💊 → ✓ ☐", "½ µg ≥ 38 °C", "ﬁ ﬂ", "e\u0301\u0308"]
MARKERS = ["", "", "", "- ", "* ", "• ", "1. ", "2) ", "Step 3: ", "    - ", "        * ", "\t1. ", "  o ", "> ",
           "> - ", "# ", "## ", "###### ", "| a | b |", "|---|---|", "Q: ", "A: ", "---", "References", "```"]
CONTROLS = "".join(map(chr, [*range(0x20), 0x7f, *range(0x80, 0xa0)])) + "\u200e\u202e\u2028\u2029\ufeff\u00ad"

any_text = st.text(st.characters(codec="utf-8"), max_size=80)  # every Unicode category but surrogates
words = st.one_of(
    any_text,
    st.sampled_from(SCRIPTS),
    st.text(st.sampled_from(CONTROLS), min_size=1, max_size=10),
    st.text(st.characters(categories=["L"]), min_size=20, max_size=200),  # long words in any script
    st.builds(lambda chars, n: chars * n, st.text(st.characters(categories=["L", "M"]), min_size=1, max_size=3),
              st.integers(100, 2000)),  # a very long one (built, not drawn letter by letter: that is slow)
    st.builds(lambda t, a: f"[{t}]({a})", st.sampled_from(SCRIPTS[:3] + [""]),
              st.sampled_from(["javascript:alert(3)", "data:text/html,x", "https://a.org", "tel:1", "file:///x"])),
    st.sampled_from(["<a href='javascript:alert(1)'>x</a>", "<script>alert(1)</script>", "<!--", "**", "_", "`",
                     "&amp;", "&#0;", "\\", "[", "](", "<", ">", ":", "1.", "Dr.", "e.g.", "...", "?!"]),
)
lines = st.builds(lambda marker, parts: marker + " ".join(parts), st.sampled_from(MARKERS),
                  st.lists(words, max_size=12))
long_line = st.builds(lambda phrases, n: " ".join(phrases * n), st.lists(st.sampled_from(SCRIPTS), min_size=1,
                                                                         max_size=4), st.integers(30, 200))
front = st.sampled_from(["", "---\ntitle: Hand Washing\n---\n", "---\nlanguage: he\n---\n",
                         "---\ntitle: \x00\x07\n---\n", "---\ntitle: x\n", "---\ncolour: blue\n---\n",
                         "---\nencoding: utf-16\n---\n", "---\nslug: Not A Slug\n---\n"])
documents = st.builds(lambda head, body: head + "\n".join(body), front,
                      st.lists(st.one_of(lines, lines, lines, long_line, st.just("")), max_size=30))


@st.composite
def sources(draw) -> tuple[str, bytes]:
    """Return a file name and its bytes: a random document as text, Markdown or HTML, in some encoding."""
    suffix = draw(st.sampled_from([".txt", ".md", ".md", ".html"]))
    if draw(st.integers(0, 9)) == 0:
        return f"fuzz{suffix}", draw(st.binary(max_size=400))  # bytes that may be no text at all
    text = draw(documents)
    if suffix == ".html":
        text = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</article></body>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return f"fuzz{suffix}", text.encode(encoding, errors="replace")


def is_control(c: str) -> bool:
    return c not in "\t\n" and (unicodedata.category(c) == "Cc" or c in "\u200e\u202e\u2028\u2029\ufeff")


@settings(max_examples=200, deadline=None, database=None,  # database=None: no .hypothesis folder left behind
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sources())
def test_the_reader_returns_a_clean_handout_or_one_line_refusal(source):
    name, data = source
    try:
        handout = read_source(Path(name), raw=data)
    except HandoutError as e:
        message = str(e)
        assert message.startswith(f"{name}") and len(message) > len(name) + 2
        assert "\n" not in message and "\r" not in message and "Traceback" not in message
        assert len(message) < len(name) + 400  # a line to read, not the source quoted at length
        return
    texts = [handout.meta.title] + [s.heading for s in handout.sections] + [s.text for s in handout.sentences]
    assert not [t for t in texts if any(map(is_control, t))]
    assert handout.sentences and any(c.isalpha() for s in handout.sentences for c in s.text)
    assert not any(re.search(r"(?i)javascript:|file:/|data:text", t) for t in texts)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", handout.meta.slug)
    try:  # what the fonts cannot print is refused with one line too
        check_printable(handout)
    except HandoutError as e:
        assert str(e).startswith(name) and "\n" not in str(e) and len(str(e)) < len(name) + 400
