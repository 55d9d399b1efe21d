"""WebVTT captions laid out by the BBC and FCC/DCMP caption guidelines, timed where the words are spoken.

Each cue holds at most 2 lines of at most 42 characters and stays on screen 1 to 7 seconds. Lines and
cues break at phrase boundaries: best after punctuation, then before a conjunction or preposition, and
never after an article, a preposition or a possessive (so never between "the" and its noun). Short
list items (bullets) that each fit on one line are shown two to a cue. A sentence too long for one cue
is split into several, found by a least-cost search over its word boundaries.

Timing: the narration measures where each sentence's audio starts and how long it lasts. Inside a
sentence, a word's time is estimated from syllables: each word gets a share of the sentence's measured
duration (from where the waveform first rises, past the voice's lead-in silence, to its end)
proportional to its syllable count (the CMU dictionary through
handouts/language/readability.py; numbers and signs counted as the voice says them), plus an allowance
for the pause the voice makes after a comma, colon or semicolon. On the sample with the piper voice the
estimated time of a comma lands on average 0.11 s (at most 0.29 s, 12 commas) from the middle of the
silence found there in the waveform; the voice's comma pauses last about 0.27 s.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from handouts.audio.speech_text import spoken_form
from handouts.language import rx
from handouts.language.readability import syllables

MAX_CHARS = 42  # BBC: 37-42 characters a line (FCC/DCMP: 32 on a TV's 608 captions)
MAX_LINES = 2
MIN_SECONDS = 1.0
MAX_SECONDS = 7.0
PAUSE_SYLLABLES = 1.3  # piper's pause after , ; : (0.27 s on the sample) over its median 0.215 s a syllable

# A line or cue never ends on one of these: it would part an article, preposition, possessive or
# modal from the word it belongs to ("the | plant", "of | dopamine", "your | doctor", "can | help").
NO_BREAK_AFTER = frozenset("""
a an the this that these those my your his her its our their some any each every no another either neither
of to in on at by for with from into onto about over under after before between without during through
like as per than via upon within across against among around toward towards beside near
and or but nor so if when while because although though unless until whether
can could may might must shall should will would do does did don't doesn't is are was were be been am
not very more most less much many few such own same other
""".split())
# Breaking just before one of these starts a new phrase ("... hard | but more people ...").
GOOD_BEFORE = frozenset("""
and or but nor so because although though unless until while when whenever where which who whom whose that
if then of to in on at by for with from into about over under after before between without during through
like as than such including especially
can could may might must should will would
""".split())
# Likely adjectives: a break after one usually parts it from its noun ("the tropical | plant").
ADJECTIVE_ENDINGS = ("al", "ous", "ive", "ful", "ic", "less", "able", "ible", "ary")

FORBIDDEN = 1000.0  # a break the guidelines rule out: taken only when nothing else fits
CUE_COST = 40.0  # each extra cue: a sentence split across cues is harder to follow than one split across lines
BREAK_WEIGHT = 4.0


@dataclass(frozen=True)
class Spoken:
    """One sentence as the narration placed it: its written text, start and end (seconds), and the list
    it is an item of (None when it is no list item)."""

    start: float
    end: float
    text: str
    group: object = None
    onset: float | None = None  # where the voice starts, after the silence a voice puts before a sentence


@dataclass(frozen=True)
class Caption:
    """One cue: when it shows (seconds) and its lines."""

    start: float
    end: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """Return the lines as one text, a newline between them."""
        return "\n".join(self.lines)


@dataclass(frozen=True)
class _Word:
    """A word as written; `glued`: a piece of a word too long for a line, joined without a space."""

    text: str
    glued: bool = False


def timestamp(seconds: float) -> str:
    """Format seconds as a WebVTT timestamp, hh:mm:ss.ttt."""
    millis = int(round(max(seconds, 0.0) * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _cue_line(text: str) -> str:
    """Escape the characters WebVTT reads as markup; "-->" would otherwise end the cue timing line."""
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: list, title: str = "") -> str:
    """Return WebVTT text for cues that have .start, .end (seconds) and .text (lines as written, "\\n" between)."""
    title = " ".join(title.split()).replace("-->", "->")  # "-->" in the header would make the file unreadable
    lines = ["WEBVTT" + (f" - {title}" if title else ""), ""]
    for n, cue in enumerate(cues, 1):
        text = [_cue_line(line) for line in cue.text.split("\n") if line.strip()]
        lines += [str(n), f"{timestamp(cue.start)} --> {timestamp(cue.end)}", *text, ""]
    return "\n".join(lines)


def _seconds(stamp: str) -> float:
    """Read a WebVTT timestamp (hh:mm:ss.ttt or mm:ss.ttt) as seconds."""
    parts = [float(p) for p in stamp.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))


def read_webvtt(text: str) -> list[Caption]:
    """Return the cues of WebVTT text as this module writes it (the HTML page shows them)."""
    cues = []
    for block in rx.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())[1:]:
        lines = block.split("\n")
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue  # a NOTE or STYLE block
        try:
            start, end = (_seconds(s.split()[0]) for s in lines[timing].split("-->")[:2])
        except (ValueError, IndexError):
            continue  # a damaged cue: the page shows the others
        shown = tuple(_unescape(line) for line in lines[timing + 1:] if line.strip())
        cues.append(Caption(start, end, shown))
    return cues


def _unescape(line: str) -> str:
    """Undo _cue_line's escapes (&amp; last, so "&amp;lt;" stays "&lt;")."""
    return line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def voiced_onset(samples, rate: int, start: float, end: float) -> float:
    """Return when the voice starts within [start, end]: the first 10 ms louder than -35 dB below the loudest.

    `samples`: the narration, or anything with its `read(first, last)` (a long one is read a stretch at a time).
    """
    a, b = int(start * rate), int(end * rate)
    part = samples.read(a, b) if hasattr(samples, "read") else samples[a:b]
    part = np.asarray(part, dtype=np.float64)
    hop = max(rate // 100, 1)
    frames = part[: len(part) // hop * hop].reshape(-1, hop)
    if not len(frames):
        return start
    loudness = np.sqrt((frames ** 2).mean(axis=1))
    first = int(np.argmax(loudness >= loudness.max() * 10 ** (-35 / 20)))  # the loudest frame always qualifies
    return start + first * hop / rate


def list_groups(handout, script) -> list:
    """Return, for each utterance, the list it is a one-sentence item of (key points, or a section's list), or None."""
    keys = {" ".join(s.text.split()) for s in handout.key_points}
    groups = []
    for u in script:
        text = " ".join(u.text.split())
        if u.section < 0:
            groups.append("key points" if text in keys else None)
            continue
        blocks = handout.sections[u.section].blocks if u.section < len(handout.sections) else []
        groups.append(next(((u.section, n) for n, b in enumerate(blocks) if b.is_list and any(
            len(item) == 1 and " ".join(item[0].text.split()) == text for item in b.items)), None))
    return groups


def caption_cues(spoken: list[Spoken], seconds: float | None = None) -> list[Caption]:
    """Return the cues for the narration's sentences, in order, within the guidelines (none past `seconds`,
    the narration's end: a cue held past the sound would make a video or a track outlast it)."""
    cues: list[Caption] = []
    index = 0
    while index < len(spoken):
        pair = spoken[index:index + 2]
        if _groupable(pair):
            cues.append(Caption(pair[0].start, pair[1].end, tuple(" ".join(s.text.split()) for s in pair)))
            index += 2
            continue
        cues += _sentence_cues(spoken[index])
        index += 1
    return _at_least_min(cues, seconds)


def _groupable(pair: list[Spoken]) -> bool:
    """Tell whether two sentences are short items of one list that fit one cue, a line each."""
    if len(pair) < 2 or pair[0].group is None or pair[0].group != pair[1].group:
        return False
    fits = all(len(" ".join(s.text.split())) <= MAX_CHARS for s in pair)
    return fits and pair[1].end - pair[0].start <= MAX_SECONDS


def _at_least_min(cues: list[Caption], seconds: float | None = None) -> list[Caption]:
    """Hold a cue shorter than MIN_SECONDS into the silence after it (else before it), never over a neighbour
    nor past the narration's end (`seconds`)."""
    held = list(cues)
    for i, cue in enumerate(held):
        if cue.end - cue.start >= MIN_SECONDS:
            continue
        after = held[i + 1].start if i + 1 < len(held) else cue.start + MIN_SECONDS
        if i + 1 == len(held) and seconds is not None:
            after = max(min(after, seconds), cue.end)
        end = min(cue.start + MIN_SECONDS, max(after, cue.end))
        before = held[i - 1].end if i else 0.0
        start = max(min(cue.start, end - MIN_SECONDS), before)
        held[i] = Caption(start, end, cue.lines)
    return held


def _words(text: str) -> list[_Word]:
    """Split text into words; a word longer than a line (a web address) is cut after "/", "-" or ".", else hard."""
    words = []
    for word in text.split():
        if len(word) <= MAX_CHARS:
            words.append(_Word(word))
            continue
        pieces = [p for p in rx.split(r"(?<=[/\-.])", word) if p]
        for n, piece in enumerate(_hard_cut(pieces)):
            words.append(_Word(piece, glued=n > 0))
    return words


def _hard_cut(pieces: list[str]) -> list[str]:
    """Cut any piece still longer than a line into line-long parts."""
    return [piece[i:i + MAX_CHARS] for piece in pieces for i in range(0, len(piece), MAX_CHARS)]


def _joined(words: list[_Word]) -> str:
    """Return words as one line of text."""
    return "".join(("" if w.glued or not n else " ") + w.text for n, w in enumerate(words))


def _bare(word: _Word) -> str:
    """Return a word lower-cased without the punctuation around it."""
    return word.text.lower().strip("\"'()[],.;:!?“”‘’")


def break_cost(before: _Word, after: _Word) -> float:
    """Return the cost of ending a line or cue between two words (lower is a better place)."""
    if after.glued:
        return 50.0  # inside a long word: only when it cannot fit otherwise
    if before.text[-1:] in ".?!":
        return 0.0
    if "(" in before.text and ")" not in before.text:
        return 20.0  # inside brackets: "(free, | 24 hours)" reads as two thoughts
    if before.text[-1:] in ",;:" or after.text in ("-", "–", "—"):
        return 1.0
    if _bare(before) in NO_BREAK_AFTER or rx.fullmatch(r"[\d.,/$%]+", before.text):
        return FORBIDDEN  # an article, preposition, possessive or number parted from what it belongs to
    if after.text.startswith("(") or _bare(after) in GOOD_BEFORE:
        return 3.0
    if _bare(before).endswith(ADJECTIVE_ENDINGS):
        return 14.0
    return 10.0


def layout(words: list[_Word]) -> tuple[float, tuple[str, ...]] | None:
    """Return the cheapest way (cost, lines) to set words in at most two lines, or None when they do not fit."""
    whole = _joined(words)
    if len(whole) <= MAX_CHARS:
        return 0.0, (whole,)
    best = None
    for i in range(1, len(words)):
        top, bottom = _joined(words[:i]), _joined(words[i:])
        if len(top) > MAX_CHARS or len(bottom) > MAX_CHARS:
            continue
        # Balanced lines read best; a shorter top line (a pyramid) is the usual preference.
        shape = abs(len(top) - len(bottom)) / MAX_CHARS + (0.2 if len(top) > len(bottom) else 0.0)
        shape += 5.0 if min(i, len(words) - i) == 1 else 0.0  # a lone word on a line looks like a mistake
        cost = BREAK_WEIGHT * break_cost(words[i - 1], words[i]) + 3.0 * shape
        if best is None or cost < best[0]:
            best = (cost, (top, bottom.lstrip()))
    return best


def _sentence_cues(sentence: Spoken) -> list[Caption]:
    """Split one sentence into the cheapest run of cues that fit, timed by syllables over its measured span."""
    words = _words(sentence.text)
    if not words:
        return []
    voiced = sentence.start if sentence.onset is None else min(max(sentence.onset, sentence.start), sentence.end)
    times = _word_times(words, voiced, sentence.end)
    times[0] = sentence.start  # the first cue shows from the sentence's start: a moment early reads fine
    n = len(words)
    best: list[tuple[float, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, ())
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            if best[i] is None:
                continue
            laid = layout(words[i:j])
            if laid is None:
                if len(_joined(words[i:j])) > MAX_LINES * MAX_CHARS:
                    break  # longer spans fit even less
                continue
            cost = best[i][0] + laid[0] + CUE_COST + _duration_cost(times[j] - times[i])
            if j < n:
                cost += BREAK_WEIGHT * break_cost(words[j - 1], words[j])
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, i, laid[1])
    cues, j = [], n
    while j > 0:
        _, i, lines = best[j]
        cues.append(Caption(times[i], times[j], lines))
        j = i
    return cues[::-1]


def _duration_cost(seconds: float) -> float:
    """Return the cost of a cue lasting `seconds`: nothing within 1-7 s, a great deal outside."""
    if seconds > MAX_SECONDS:
        return FORBIDDEN + seconds
    if seconds < MIN_SECONDS:
        return FORBIDDEN / 5 * (MIN_SECONDS - seconds) + 50.0  # the silence after can still hold the last one
    return 0.0


def _word_times(words: list[_Word], start: float, end: float) -> list[float]:
    """Return the estimated time before each word and at the end: syllables (and comma pauses) pro rata."""
    weights = [syllable_weight(w.text) for w in words]
    # No pause after the last word: the measured span ends where the voice stops.
    weights[-1] -= PAUSE_SYLLABLES if words[-1].text[-1:] in ",;:" else 0.0
    total = sum(weights) or 1.0
    times, done = [start], 0.0
    for weight in weights:
        done += weight
        times.append(start + (end - start) * done / total)
    return times


@lru_cache(maxsize=4096)
def syllable_weight(word: str) -> float:
    """Return a word's spoken length in syllables, with the pause the voice makes after , ; or :."""
    said = spoken_form(word) if rx.search(r"[^A-Za-z'’.,;:!?\"()-]", word) else word
    count = sum(syllables(w) for w in rx.findall(r"[A-Za-z'’]+", said)) or 1
    return count + (PAUSE_SYLLABLES if word[-1:] in ",;:" else 0.0)
