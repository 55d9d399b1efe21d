"""The plain-language lexicon, kept as data (word swaps, term definitions, protected names), and helpers that need it.

Every entry lives in handouts/data/ and was written and checked by hand; nothing here is
made up at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from handouts.language import rx
from handouts.language.grammar import dictionary_words, verb_forms


@dataclass(frozen=True)
class Swap:
    """One plain-language substitution: a word or phrase and its everyday equivalent."""

    plain_from: str
    plain_to: str
    kind: str  # everyday, wordy, person-first, hedge-safe ...
    line: int


@dataclass(frozen=True)
class Definition:
    """A medical term that has to stay, its other forms, and its one-line plain definition."""

    word: str
    forms: tuple[str, ...]
    definition: str


def data_rows(name: str):
    """Yield (line number, tab-separated fields) of a data file, skipping comments and blanks."""
    text = resources.files("handouts.language").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, [f.strip() for f in line.split("\t")]


@cache
def swaps() -> tuple[Swap, ...]:
    """Return the substitutions, longest phrase first so phrases win over their words."""
    out = [Swap(f[0], f[1], f[2] if len(f) > 2 else "everyday", n) for n, f in data_rows("lexicon.tsv")]
    return tuple(sorted(out, key=lambda s: (-len(s.plain_from.split()), -len(s.plain_from))))


@cache
def definitions() -> tuple[Definition, ...]:
    """Return the 'Words to know' definitions."""
    out = []
    for _, f in data_rows("terms.tsv"):
        forms = tuple(x.strip() for x in f[1].split(",") if x.strip()) if len(f) > 2 else ()
        out.append(Definition(f[0], (f[0], *forms), f[-1]))
    return tuple(out)


@cache
def protected_names() -> tuple[str, ...]:
    """Return drug and substance names (lower case) that must survive every rewrite."""
    return tuple(sorted({f[0].lower() for _, f in data_rows("names.txt")}, key=len, reverse=True))


def names_and_terms() -> set[str]:
    """Return every protected name and every form of a defined term, in lower case."""
    names = set(protected_names())
    for d in definitions():
        names |= {f.lower() for f in d.forms}
    return names


def uncap(text: str) -> str:
    """Lower-case the first word when it is an everyday word ('Heavy sweating' -> 'heavy sweating'), never a name."""
    first = text.split()[0] if text.split() else ""
    word = first.lower()
    after = next((w for w in text.split()[1:3] if w[:1].isalpha()), "")
    if after[:1].isupper() and not after.isupper():
        return text  # "Children's Dressing Clinic", "Hand / Fracture Clinic": a name's first word
    if rx.fullmatch(r"[A-Z]\.", first):
        return text  # "C. crispus", "E. coli": a genus by its initial
    if first[1:] == first[1:].lower() and word in dictionary_words() and word not in protected_names():
        return word + text[len(first):]
    return text


@cache
def _swap_pattern():
    """Compile one alternation of every swap, longest first, on word boundaries."""
    alts = "|".join(re.escape(s.plain_from) for s in swaps())
    return re.compile(rf"(?<![\w-])({alts})(?![\w-])", re.IGNORECASE)


def apply_swaps(text: str, fits=None) -> str:
    """Replace every lexicon phrase in text with its plain equivalent, keeping a leading capital.

    `fits(start, end, plain)`, when given, may refuse a swap where it would not mean the same here.
    """
    table = {s.plain_from.lower(): s.plain_to for s in swaps()}

    def repl(m: re.Match) -> str:
        found = m.group(1)
        plain = table[found.lower()]
        if fits is not None and not fits(m.start(1), m.end(1), plain):
            return found
        if _names_the_word(text, m, plain):
            return found  # "high blood pressure, also known as hypertension" teaches the word: keep it
        if _quoted(text, m.start()):
            return found  # 'Avoid words like "junkie"' talks about the word: swapping it would say the opposite
        if _named_in_brackets(text, m.start(1), m.end(1)):
            return found  # "on 15 or more days a month (chronic tension-type headache)": the name of what was said
        if _spelled_out(text, m.end()):
            return found  # "therapy for insomnia (CBT-I)" names a thing by its short form: the words must match it
        if found.isupper() and len(found) > 1 and plain:
            return plain.upper()  # "use it IMMEDIATELY": a shouted word, said shouted ("RIGHT AWAY", not "Right away")
        if found[0].isupper() and plain and not plain[0].isupper():
            plain = plain[0].upper() + plain[1:]
        return plain

    return _agree(_swap_pattern().sub(repl, text))


_SINGULAR_VERB = {"is": "are", "was": "were", "has": "have", "does": "do"}  # the rest lose their -s


@cache
def _plural_swaps() -> re.Pattern:
    """Compile the plural phrases swaps bring in for singular words ('diarrhea' -> 'loose stools'), each
    followed by a word ending in s: a verb that may need to agree."""
    plurals = {s.plain_to for s in swaps() if s.plain_to.endswith("s") and not s.plain_from.endswith("s")
               and " " in s.plain_to}
    alts = "|".join(re.escape(p) for p in sorted(plurals, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?i)\b({alts})( (?:that|which) | )([a-z]+s)\b")


def _agree(text: str) -> str:
    """Make a verb agree with a plural a swap brought in: 'diarrhea that lasts' -> 'loose stools that last'."""
    bases = verb_forms()[1]

    def plural_verb(m: re.Match) -> str:
        verb = m.group(3)
        said = _SINGULAR_VERB.get(verb.lower()) or next((b for b in (verb[:-1], verb[:-2]) if b.lower() in bases), verb)
        return m.group(1) + m.group(2) + said

    return _plural_swaps().sub(plural_verb, text)


def _quoted(text: str, at: int) -> bool:
    """Tell whether position `at` lies inside quotation marks ("...", “...”, ‘...’)."""
    before = text[:at]
    if before.count('"') % 2:
        return True
    return before.rfind("“") > before.rfind("”") or before.rfind("‘") > max(before.rfind("’"), -1) \
        and not rx.search(r"\w‘$", before)


def _named_in_brackets(text: str, start: int, end: int) -> bool:
    """Tell whether the words from `start` to `end` stand in a short bracket after what it names ("... for more than 3
    months (chronic tension-type headache)"): the term a doctor will use, which a swap would make another thing."""
    opened, closed = text.rfind("(", 0, start), text.find(")", end)
    if opened < 0 or closed < 0 or text.rfind(")", 0, start) > opened or text.find("(", end, closed) >= 0 or not opened:
        return False
    inside = text[opened + 1:closed]
    # (a name of two words or more, no adverb in it and no participle: "(gradually reduce)", "(medical clearance
    # required)", "(where appropriate)", "(e.g. gentamicin)" name nothing, and say their words plainly)
    return 2 <= len(inside.split()) <= 5 and not text[start:end].lower().endswith("ly") \
        and not rx.search(r"[\d,;:.]|\b(?:is|are|was|were|may|can|or|and|not|see|where|when|if|for|about|such|like|"
                          r"including|as|with|without)\b|\w+ed\b", inside, re.I) \
        and bool(rx.search(r"\w", text[:opened]))


def _spelled_out(text: str, at: int) -> bool:
    """Tell whether position `at` lies inside words that a following '(ABC)' abbreviation spells out."""
    m = rx.match(r"((?:\s+[\w-]+){0,6}?)\s*\(([A-Z][A-Za-z]*[A-Z](?:-[A-Z])?)\)", text[at:])
    if not m:
        return False
    letters = m.group(2).replace("-", "").lower()
    spelled = rx.findall(r"[\w-]+", text[:at])[-len(letters) - 3:] + rx.findall(r"[\w-]+", m.group(1))
    initials = "".join(w[0].lower() for w in spelled if w.lower() not in ("of", "for", "and", "the", "in", "to"))
    return len(letters) >= 2 and letters in initials


_NAMING = re.compile(r"\b(?:also known as|also called|known as|called)\s+$", re.IGNORECASE)


def _names_the_word(text: str, m: re.Match, plain: str) -> bool:
    """Tell whether the text gives a medical word beside its plain meaning ('X, also known as Y', 'Y (X)')."""
    before, after = text[: m.start()], text[m.end():]
    if plain and rx.match(rf"\s*\(\s*{re.escape(plain)}\b", after, re.IGNORECASE):
        return True  # "hypertension (high blood pressure)"
    if plain and rx.search(rf"\b{re.escape(plain)}\s*\(\s*$", before, re.IGNORECASE):
        return True  # "high blood pressure (hypertension)"
    if rx.search(r"[\w-]+, or $", before) and after.startswith(",") or rx.search(r"\(or $", before) \
            or rx.match(r", or [\w-]+(?: [\w-]+)?,| \(or [\w-]+(?: [\w-]+)?\)", after):
        return True  # "a long-term, or chronic, infection" teaches the word by its gloss: keep it
    return bool(_NAMING.search(before)) and bool(rx.search(r"[,(]", before[-40:]))


@cache
def _term_patterns() -> tuple[tuple[Definition, tuple[str, ...], re.Pattern], ...]:
    """Return each defined term with its forms in small letters and its pattern, compiled once (built per call,
    they crowded out re's cache)."""
    return tuple((d, tuple(f.lower() for f in d.forms), re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in d.forms) + r")(?![\w-])",
                                re.IGNORECASE)) for d in definitions())


def find_terms(text: str) -> list[Definition]:
    """Return the defined terms that occur in text in their defined sense, in order of first occurrence."""
    hits = []
    lowered = text.lower()
    for d, forms, pattern in _term_patterns():
        if not any(f in lowered for f in forms):
            continue  # most terms are absent: a substring test is far cheaper than the pattern
        other = [m.span() for p in other_senses().get(d.word.lower(), ()) for m in p.finditer(text)]
        m = next((m for m in pattern.finditer(text)
                  if not any(a <= m.start() and m.end() <= b for a, b in other)), None)
        if m:
            hits.append((m.start(), d))
    return [d for _, d in sorted(hits, key=lambda x: x[0])]


@cache
def other_senses() -> dict[str, tuple[re.Pattern, ...]]:
    """Return, for a defined term, the contexts where it means something else ("social withdrawal")."""
    out: dict[str, list[re.Pattern]] = {}
    for n, f in data_rows("other_senses.tsv"):
        if f[0] == "term":
            continue  # the header row
        try:
            out.setdefault(f[0].lower(), []).append(re.compile(f[1], re.IGNORECASE))
        except (re.error, IndexError) as e:
            raise ValueError(f"handouts/language/data/other_senses.tsv, line {n}: the pattern does not compile "
                             f"({e}); fix the regular expression") from None
    return {k: tuple(v) for k, v in out.items()}
