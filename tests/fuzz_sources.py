"""Random sources for the fuzz tests of the whole text path (tests/test_fuzz_pipeline.py) and the long run
(benchmarks/fuzz.py): hypothesis strategies for a document's structure (front matter, headings, paragraphs,
bullets, numbered and nested lists, '|' tables, quotes) and its words (health sentences the rules act on,
Latin letters with accents, digits and doses, punctuation, symbols, emoji, combining marks, other scripts, very
long lines and a 5,000-letter word); and `run_source`, which takes one source through read -> plain ->
font check -> PDFs -> web page -> spoken script and checks every property on the way.

`run_source` returns ("built", facts) or ("refused", message) and raises FuzzFailure when a property does not
hold; any other exception is a crash."""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

# --- words -------------------------------------------------------------------------------------------------

HEALTH = [  # sentences the plain-language rules act on: lists, ranges, doses, shouting, hedges, "patients should"
    "Take 2 tablets every 4 to 6 hours.", "Do not take more than 8 tablets in 24 hours.",
    "Symptoms include fever, cough, headache, nausea, vomiting and diarrhea.",
    "Patients should contact their physician if symptoms persist for more than 3 days.",
    "DO NOT TAKE MORE THAN 4 DOSES IN ONE DAY.", "Call 911 right away if you have any of these: chest pain, "
    "trouble breathing, or fainting.", "Kratom may help some people, unless they take opioids, in which case "
    "it can be dangerous.", "Your doctor may recommend that you: rest, drink fluids, take acetaminophen and "
    "avoid alcohol.", "Studies suggest that 30% of adults experience hypertension [3].",
    "The medication is administered 2-3 times daily (See Dosage).", "A fever of 38.5 °C lasts 1–2 days.",
    "Approximately 1,000 mg of ibuprofen is the maximum.", "Wash the wound with soap and water.",
    "In this article, we explore how to stay safe.", "Reading time: 5 minutes", "Share this article",
    "Opioid withdrawal can cause anxiety, insomnia, sweating, and muscle aches.",
    "Children under 12 years should not use this medicine.", "Take ½ tablet with 250 mL of water.",
    "Keep 2 µg/kg doses for adults; 0.5 µg for infants.", "It is not recommended to stop suddenly.",
    "If the pain gets worse, or if you notice redness, swelling or pus, call your care team.",
]
# Letters with accents the handout fonts have (Western and Central European), and those they lack.
PRINTED_LATIN = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿāăąćčďđēęěğīıłńňőœřśşšťůűźżžșțÀÉÎÑÖÜŁŒŠŽȘȚßð"
LATIN = st.characters(min_codepoint=0xC0, max_codepoint=0x24F, categories=["Lu", "Ll"])  # the rest: often missing
ASCII_LETTERS = st.characters(min_codepoint=0x41, max_codepoint=0x7A, categories=["Lu", "Ll"])
SCRIPT_WORDS = ["Мойте", "руки", "Πλένετε", "χέρια", "שטפו", "اغسل", "हाथ", "洗手", "손을", "Rửa", "tay", "ゆっくり",
                "Ελλάδα", "Łódź", "Ærø", "straße", "ﬁnd", "Ǆemal", "ŉ"]
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
COMBINING = st.characters(categories=["Mn", "Mc", "Me"])
PRINTED_SIGNS = "!\"#%&'*,./:;?@\\¡§¶·¿†‡•…‰-–—()[]{}«»‘’“”‹›‚„$¢£¤¥€^`¨¯´¸+<=>|~¬±×÷⁄−√∞≈≠≤≥¦©®°™²³¹¼½¾_"


def _joined(parts: list[str]) -> str:
    return "".join(parts)


letter = st.one_of(ASCII_LETTERS, ASCII_LETTERS, ASCII_LETTERS, st.sampled_from(PRINTED_LATIN))
latin_word = st.builds(_joined, st.lists(letter, min_size=1, max_size=12))
# A letter and a combining mark that composition makes one printed letter ("e" + U+0301 -> "é"), as a text
# saved on a Mac arrives.
COMPOSED = [base + mark for base in "aceinosuyzAEINOSUZ" for mark in "\u0300\u0301\u0302\u0303\u0308\u030a\u030c\u0327"
            if unicodedata.normalize("NFC", base + mark) in PRINTED_LATIN]
accented = st.builds(lambda a, mark, b: a + mark + b, latin_word, st.sampled_from(COMPOSED), latin_word)
numbers = st.one_of(
    st.integers(0, 100000).map(str),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 999), st.integers(0, 99)),
    st.builds(lambda a, b, sep, unit: f"{a}{sep}{b} {unit}", st.integers(0, 50), st.integers(0, 99),
              st.sampled_from(["-", "–", " to ", "—"]),
              st.sampled_from(["mg", "mL", "hours", "days", "weeks", "%", "times", "°C", "µg", "kg"])),
    st.sampled_from(["½", "¼", "1,000", "10 000", "3rd", "1st", "#2", "24/7", "2:30", "98.6°F", "+1", "-5", "1e5"]),
)
printed_word = st.one_of(
    latin_word, latin_word, latin_word, latin_word, accented, numbers, numbers,
    st.text(st.sampled_from(PRINTED_SIGNS), min_size=1, max_size=3),  # punctuation and symbols the fonts have
    st.sampled_from(["<script>alert(1)</script>", "<b>", "&amp;", "&lt;", "**bold**", "_x_", "`code`", "[link](http"
                     "s://a.org)", "[x](javascript:alert(1))", "<!--", "-->", "]]>", "\\", "{{ x }}", "{% if %}",
                     "@chapter", "@pause", "Dr.", "e.g.", "i.e.", "...", "?!", "—", "(", ")", "\"", "'", "“", "”"]),
)
odd_word = st.one_of(  # what the fonts may not have: the build refuses it with one line
    st.builds(_joined, st.lists(LATIN, min_size=1, max_size=8)),
    st.text(st.characters(categories=["P"]), min_size=1, max_size=3),  # any punctuation
    st.text(st.characters(categories=["S"]), min_size=1, max_size=2),  # any symbol: maths, currency, signs
    st.text(EMOJI, min_size=1, max_size=2),
    st.builds(lambda w, m: w + m, latin_word, st.text(COMBINING, min_size=1, max_size=2)),
    st.sampled_from(SCRIPT_WORDS),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=6),  # any category at all
)
mixed_word = st.one_of(*[printed_word] * 6, odd_word)
long_word = st.builds(lambda chars, n: (chars * n)[:n], st.text(letter, min_size=1, max_size=3),
                      st.integers(1000, 5000))  # built, not drawn letter by letter: that is slow
long_line = st.builds(lambda s, n: " ".join([s] * n), st.sampled_from(HEALTH), st.integers(10, 50))
HEADINGS = ["What is kratom?", "Understanding Opioid Withdrawal", "WHEN TO CALL", "Key points", "Symptoms",
            "Treatment Options", "References", "Words to know", "Step 2", "1. First steps", "Lávese las manos"]


class Parts:
    """The strategies for the lines of a document whose words are drawn from `words`."""

    def __init__(self, words):
        self.words = words
        self.sentence = st.one_of(
            st.sampled_from(HEALTH), st.sampled_from(HEALTH),
            st.builds(lambda ws, end: " ".join(ws) + end, st.lists(words, min_size=1, max_size=14),
                      st.sampled_from([".", ".", "?", "!", ":", "", ";", "…"])),
            st.builds(lambda a, ws, b: f"{a} {' '.join(ws)} {b}", st.sampled_from(HEALTH), st.lists(words, max_size=4),
                      st.sampled_from(HEALTH)))
        self.line = st.one_of(*[self.sentence] * 6, st.builds(lambda a, b: f"{a} {b}", self.sentence, self.sentence),
                              st.builds(lambda a, w: f"{a} {w}.", st.sampled_from(HEALTH), long_word),
                              long_line)
        self.heading = st.one_of(st.sampled_from(HEADINGS),
                                 st.builds(lambda ws: " ".join(ws), st.lists(words, min_size=1, max_size=6)))


PRINTED, MIXED = Parts(printed_word), Parts(mixed_word)


@st.composite
def blocks(draw, parts: Parts, markdown: bool) -> str:
    """Return one block of a document: heading, paragraph, list (maybe nested), table or quote."""
    kind = draw(st.sampled_from(["heading", "paragraph", "paragraph", "bullets", "numbered", "nested", "table",
                                 "quote", "blank"]))
    if kind == "heading":
        return (draw(st.sampled_from(["# ", "## ", "### ", "###### "])) if markdown else "") + draw(parts.heading)
    if kind == "paragraph":
        return " ".join(draw(st.lists(parts.line, min_size=1, max_size=3)))
    if kind in ("bullets", "numbered", "nested"):
        items = draw(st.lists(parts.line, min_size=1, max_size=6))
        out = []
        for i, item in enumerate(items, 1):
            depth = draw(st.integers(0, 3)) if kind == "nested" else 0
            mark = draw(st.sampled_from(["-", "*", "•"])) if kind != "numbered" else draw(
                st.sampled_from([f"{i}.", f"{i})", f"Step {i}:"]))
            out.append("    " * depth + mark + " " + item)
        return "\n".join(out)
    if kind == "table":
        cols = draw(st.integers(1, 4))
        rows = draw(st.lists(st.lists(st.one_of(parts.words, numbers, st.just("")), min_size=cols, max_size=cols),
                             min_size=1, max_size=5))
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        if draw(st.booleans()):
            lines.insert(1, "|" + "---|" * cols)
        return "\n".join(lines)
    if kind == "quote":
        return "> " + draw(parts.line)
    return ""


FRONT = st.sampled_from(["", "", "", "", "", "", "---\ntitle: Caring for a Cut\n---\n",
                         "---\ntitle: Soins d'une coupure\nlanguage: fr\n---\n",
                         "---\nlanguage: es\nvoice: gtts\n---\n", "---\nslug: fuzz-case\n---\n", "---\ntitle: \n---\n",
                         "---\ntitle: <script>alert(1)</script>\n---\n", "---\ntitle: Ελληνικά\n---\n",
                         "---\nlanguage: he\n---\n", "---\ntitle: '½ µg ≥ 38 °C'\n---\n"])
UNCLOSED = "---\ntitle: x\n"  # front matter never closed: refused with one line


@st.composite
def sources(draw) -> tuple[str, bytes]:
    """Return a file name and its bytes: a random structured document as Markdown, plain text or a web page.

    Three sources in four use only characters the fonts have (they should build); the fourth mixes in any
    Unicode (it may be refused, with one line)."""
    suffix = draw(st.sampled_from([".md", ".md", ".txt", ".txt", ".html"]))
    parts = draw(st.sampled_from([PRINTED, PRINTED, PRINTED, MIXED]))
    body = draw(st.lists(blocks(parts, markdown=suffix != ".txt"), min_size=1, max_size=8))
    front = UNCLOSED if draw(st.sampled_from(range(50))) == 7 else draw(FRONT)
    text = front + "\n\n".join(body) + "\n"
    if suffix == ".html":
        text = ("<html><body><article>" + "".join(f"<p>{line}</p>" for line in text.split("\n") if line)
                + "</article></body></html>")
    return f"fuzz{suffix}", text.encode("utf-8")


# --- the checks --------------------------------------------------------------------------------------------

class FuzzFailure(AssertionError):
    """A property did not hold (not a crash: the code ran, the result is wrong)."""


def check(condition, what: str) -> None:
    if not condition:
        raise FuzzFailure(what)


@cache
def config():
    from handouts.config import load_config

    return load_config(Path(__file__).resolve().parent.parent)


@cache
def _baseline_scripts() -> tuple[str, ...]:
    """Return the <script ...> tags the web page's template itself writes (for a handout with no user script)."""
    from handouts.model import Block, Handout, Meta, Section, Sentence
    from handouts.render.html import build_html

    handout = Handout(Meta(title="T", slug="t"), [Section("H", [Block("paragraph", [[Sentence("Wash.")]])])])
    return tuple(re.findall(r"<script\b[^>]*>", build_html(handout, config()), re.I))


def refusal(error: Exception, name: str) -> str:
    """Return a HandoutError's message after checking it is one line naming the file."""
    message = str(error)
    check("\n" not in message and "\r" not in message, f"refusal of more than one line: {message!r}")
    check(message.startswith(name), f"refusal that does not name the file: {message!r}")
    check("Traceback" not in message and len(message) < len(name) + 600, f"refusal not a short line: {message!r}")
    return message


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def numbers_kept(plain) -> list[str]:
    """Return the numbers a source sentence said that the plain handout says nowhere and that no finding flags.

    The plain stage promises (handouts/plain/rewrite.py): every rewrite step keeps the protected items of its
    sentence (a step that would lose one is skipped); a sentence removed whole, or merged away, has its items
    said elsewhere or named in `violations`; only page furniture ("Reading time: 5 minutes") and citation
    markers ("[3]", which `claim_text` leaves out) may go unflagged."""
    from handouts.language.meaning_guard import protected
    from handouts.plain.rules import rule_named
    from handouts.plain.rules.cleanup import claim_text

    if not plain.rewritten:
        return []
    h = plain.handout
    said = [h.meta.title] + [s.heading for s in h.sections] + [s.text for s in h.sentences] \
        + [s.text for s in h.key_points]  # a source's own "Key points" box is printed out of the body
    have = {n for text in said for n in protected(text).numbers}  # each text alone: "take 2" "-5" is no range
    flagged = {v.source for v in plain.violations}
    lost = []
    for c in plain.changes:
        if c.source in flagged or (c.removed_by and rule_named(c.removed_by).removes_furniture):
            continue
        lost += [f"{n!r} of {c.source[:120]!r}" for n in protected(claim_text(c.source)).numbers if n not in have]
    return lost


def run_source(name: str, data: bytes, sizes=None) -> tuple[str, object]:
    """Take one source through every stage the build runs before the MP3, checking each output.

    `sizes`: the print sizes to make (default both). Return ("refused", the one-line message) or
    ("built", {"pages": ..., "unprintable": [...]})."""
    import html5lib

    from handouts.audio.narration import spoken_script
    from handouts.errors import HandoutError
    from handouts.plain.rewrite import plain_language
    from handouts.read.sources import read_source
    from handouts.render.coverage import check_printable, printable, unprintable
    from handouts.render.html import build_html
    from handouts.render.pdf import LARGE, STANDARD, build_pdf

    cfg = config()
    with tempfile.TemporaryDirectory(prefix="handouts-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            handout = read_source(path, cfg.language, max_words=cfg.max_words)
            plain = plain_language(handout, cfg)
            check_printable(plain.handout)
        except HandoutError as e:
            return "refused", refusal(e, str(path)).replace(str(path), name, 1)
    h = plain.handout
    check(h.sentences, "a built handout with no sentences")
    check(not unprintable(h), f"unprintable characters passed the check: {unprintable(h)}")
    facts = {"pages": [], "unprintable": []}
    lost = numbers_kept(plain)
    check(not lost, f"numbers lost without a finding: {lost[:3]}")
    can = printable()
    for size in sizes or (STANDARD, LARGE):
        pdf, pages = build_pdf(h, cfg, size)
        check(pdf.startswith(b"%PDF") and pages >= 1, "not a PDF")
        facts["pages"].append(pages)
        text = pdf_text(pdf)
        bad = sorted({c for c in text if ord(c) not in can and not c.isspace()})
        facts["unprintable"] += bad
        check("\ufffd" not in text, "a replacement character in the PDF")
    page = build_html(h, cfg)
    html5lib.HTMLParser(strict=False).parse(page)
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    scripts = re.findall(r"<script\b[^>]*>", page, re.I)
    check(tuple(scripts) == _baseline_scripts(), f"a script tag not the template's: {scripts}")
    check(len(tree.findall(".//script")) == len(_baseline_scripts()), "a script element not the template's")
    for element in tree.iter():
        for attribute, value in element.attrib.items():
            check(not attribute.lower().startswith("on"), f"an event handler attribute: {attribute}")
            check(not re.match(r"\s*(?:javascript|vbscript|data):", value, re.I), f"an unsafe address: {value[:60]}")
    script = spoken_script(h, cfg)
    for u in script:
        check("\n" not in u.text and "\n" not in u.spoken and u.text.strip(), f"an utterance not one line: {u.text!r}")
    return "built", facts
