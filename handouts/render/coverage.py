"""What the handout fonts can print, checked before anything is rendered: a character the fonts have no glyph
for would be printed as an empty box, so a text in a script they do not cover (Hebrew, Arabic, Devanagari ...)
is refused with one line naming the script. Also the direction a language is written in, for the web page."""

from __future__ import annotations

import unicodedata
from functools import cache

from handouts.errors import SourceError
from handouts.model import Handout

# Characters every renderer lays out as space between words, never as a glyph.
_SPACING = " \t\n\u00a0"
# First words of Unicode names that say how a letter is drawn, not which script it is in ("FULLWIDTH LATIN
# CAPITAL LETTER A", "MATHEMATICAL BOLD SMALL A"): such a letter is named as a sign, with its Unicode name.
_NOT_SCRIPTS = {"FULLWIDTH", "HALFWIDTH", "MATHEMATICAL", "MODIFIER", "SUPERSCRIPT", "SUBSCRIPT", "SMALL",
                "CIRCLED", "PARENTHESIZED", "SQUARED", "NEGATIVE", "DOUBLE-STRUCK", "BLACK-LETTER", "SCRIPT",
                "COMBINING", "VARIATION", "TAG"}
# Scripts whose Unicode name is not what a reader calls them.
_SCRIPT_NAMES = {"CJK": "Chinese characters", "HANGUL": "Korean (Hangul)", "HIRAGANA": "Japanese (Hiragana)",
                 "KATAKANA": "Japanese (Katakana)", "ETHIOPIC": "Ethiopic (Ge'ez)", "NKO": "N'Ko"}
# Languages written right to left (ISO 639 codes), and the scripts (ISO 15924) that make any language so.
RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "mzn", "nqo", "pnb", "prs", "ps", "sd",
                 "syr", "ug", "ur", "yi"}
RTL_SCRIPTS = {"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa"}
_SHOWN = 3  # how many characters a message shows


@cache
def printable() -> frozenset[int]:
    """Return the code points every face of the handout font can draw (the PDF and the web page use the same).

    Kept in the per-user cache by the font files' names and sizes: reading the fonts' tables is most of
    what a no-op build would otherwise spend.
    """
    import json

    from handouts.files import user_cache_dir, write_atomic
    from handouts.render.fonts import font_files

    files = sorted(font_files().values())
    key = "-".join(f"{p.stem}.{p.stat().st_size}" for p in files) + ".2"  # .2: without .notdef's code points
    kept = user_cache_dir() / "font-coverage" / f"{key}.json"
    try:
        return frozenset(json.loads(kept.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    from reportlab.pdfbase import pdfmetrics

    from handouts.render.fonts import register_fonts

    # A code point mapped to glyph 0 (.notdef, the empty box: U+FFFF in these fonts) is one the face cannot draw.
    faces = [{c for c, glyph in pdfmetrics.getFont(name).face.charToGlyph.items() if glyph}
             for name in register_fonts()]
    found = frozenset(set.intersection(*faces))
    try:
        write_atomic(kept, json.dumps(sorted(found)))
    except OSError:
        pass  # only slower next time
    return found


def unprintable(handout: Handout) -> list[str]:
    """Return the characters of a handout that no face of its font can draw, in the order they first appear."""
    return list(_unprintable(handout))


def check_printable(handout: Handout) -> None:
    """Raise a SourceError (one line naming the script or signs, and the fix) if a character would print as a box."""
    missing = _unprintable(handout)
    if not missing:
        return
    path = handout.meta.source
    by_script: dict[str, list[str]] = {}
    for c in missing:
        by_script.setdefault(_script(c) or "", []).append(c)
    signs = by_script.pop("", [])
    if by_script:
        script, letters = max(by_script.items(), key=lambda item: len(item[1]))
        # In a third of its words or more, the script is the text's own (Vietnamese has a mark in most words);
        # in fewer, some words are in it (a drug's name in Chinese characters in an English text).
        words = [w for text, _ in _texts(handout) for w in text.split() if any(c.isalpha() for c in w)]
        own = set(letters)
        mostly = 3 * sum(1 for w in words if not own.isdisjoint(w)) >= len(words)
        if script == "LATIN":  # Latin letters with marks the fonts lack (Vietnamese, Yoruba ...)
            what = f"letters the handout fonts cannot print ({_shown(letters)})"
            if mostly:
                raise SourceError(f"this text is written with {what}; use a version of it in a language the fonts "
                                  f"cover, such as English, Spanish or French.", path)
            raise SourceError(f"this text has {what}; write those words without those marks, or leave them out.",
                              path, missing[letters[0]])
        name = _SCRIPT_NAMES.get(script, script.title())
        if mostly:
            raise SourceError(f"this text is written in {name}, which the handout fonts cannot print (they have "
                              f"Latin letters only); use a version of it in a language written in Latin letters, "
                              f"such as English, Spanish or French.", path)
        raise SourceError(f"this text has words in {name} ({_shown(letters)}), which the handout fonts cannot "
                          f"print; write those words in Latin letters, or leave them out.", path, missing[letters[0]])
    raise SourceError(f"this text has {'a sign' if len(signs) == 1 else 'signs'} the handout fonts cannot print: "
                      f"{_described(signs)}; write {'it' if len(signs) == 1 else 'them'} in words or as common "
                      f"signs{_suggestion(signs)}.", path, missing[signs[0]])


def text_direction(language: str) -> str:
    """Return "rtl" for a language written right to left ("he", "ar", "fa-IR", "az-Arab"), else "ltr"."""
    subtags = (language or "").replace("_", "-").lower().split("-")
    script = next((t for t in subtags[1:] if len(t) == 4 and t.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in RTL_LANGUAGES else "ltr"


def _texts(handout: Handout):
    """Yield every text of a handout that is printed, with the source line it comes from (None: not known)."""
    yield handout.meta.title, None
    for section in handout.sections:
        yield section.heading, section.line or None
        for block in section.blocks:
            for sentence in block.sentences:
                yield sentence.text, block.line or section.line or None
    for point in handout.key_points:
        yield point.text, None
    for term in handout.words_to_know:
        yield term.word, None
        yield term.definition, None


# Printable ASCII: every Latin font draws it, so a text made only of it needs no look at the font's
# tables (which would load the font: most of a no-op build's time otherwise).
_ASCII = frozenset(range(0x20, 0x7F))


def _unprintable(handout: Handout) -> dict[str, int | None]:
    """Return each character no face can draw, with the source line where it first appears."""
    texts = list(_texts(handout))
    if all(ord(c) in _ASCII or c in _SPACING for text, _ in texts for c in set(text)):
        return {}
    can = printable()
    missing: dict[str, int | None] = {}
    for text, line in texts:
        for c in dict.fromkeys(text):  # each character once, in order: a long text has few distinct ones
            if ord(c) not in can and c not in _SPACING and c not in missing:
                missing[c] = line
    return missing


def _script(c: str) -> str | None:
    """Return the script a letter or vowel sign is written in ('HEBREW', 'CJK'), or None for a sign."""
    if unicodedata.category(c)[0] not in "LM":
        return None
    word = unicodedata.name(c, "").split(" ")[0]
    return None if not word or word in _NOT_SCRIPTS else word


def _shown(chars: list[str]) -> str:
    """Return a few of the characters, quoted, for a message."""
    return ", ".join(f"'{c}'" for c in chars[:_SHOWN]) + (" ..." if len(chars) > _SHOWN else "")


def _described(chars: list[str]) -> str:
    """Return a few signs with their Unicode names: "'⅓' (vulgar fraction one third)"."""
    parts = []
    for c in chars[:_SHOWN]:
        name = unicodedata.name(c, "").lower()
        shown = f"'{c}'" if c.isprintable() and unicodedata.category(c)[0] != "M" else f"U+{ord(c):04X}"
        parts.append(f"{shown} ({name})" if name else f"{shown} (a character of a private font)")
    return ", ".join(parts) + (f" and {len(chars) - _SHOWN} more" if len(chars) > _SHOWN else "")


def _suggestion(chars: list[str]) -> str:
    """Return ", such as ..." with the plain forms of the signs that have one the fonts can print ('⅓' -> '1⁄3')."""
    can = printable()
    plain = [(c, form) for c in chars[:_SHOWN]
             if (form := unicodedata.normalize("NFKC", c)) != c and form.strip() and all(ord(x) in can for x in form)]
    return (" (" + ", ".join(f"'{form}' for '{c}'" for c, form in plain) + ")") if plain else ""
