"""Decode a text file saved in any common encoding (UTF-8, UTF-16, Windows-1252, Latin-1, Mac Roman) and say
which one was assumed. A wrong guess can turn "½" or "µg" into a dose error, so a guess that more than one
encoding reads cleanly, differently, is refused with the line where they part."""

from __future__ import annotations

import codecs
import unicodedata

from handouts.errors import SourceError
from handouts.language import rx

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE begins both
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What Notepad ("ANSI") and Word ("plain text") save on Western computers, then old Macs: tried first, and
# preferred when another encoding reads the text just as cleanly (Latin-1 is Windows-1252 without its
# curly quotes and dashes).
_PREFERRED = ("cp1252", "latin_1", "mac_roman")
_NAMES = {"iso8859-1": "Latin-1", "mac-roman": "Mac Roman", "utf-8": "UTF-8",
          "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32": "UTF-32"}
_SCRIPTS = {"LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "THAI", "GEORGIAN", "HANGUL",
            "HIRAGANA", "KATAKANA", "CJK", "DEVANAGARI"}
_BETWEEN_LETTERS = "’'‘‐‑–—·"  # marks that may stand inside a word ("kratom’s", "self‐care")
_FIX = "Save it as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8), or name its encoding in the front matter"


def decode_text(raw: bytes, path) -> tuple[str, list[str]]:
    """Return the text of a file's bytes and notes on the encoding assumed (none for UTF-8)."""
    declared = _declared_encoding(raw, path)
    if declared:
        return _decode(raw, declared, path), [f"read as {_name(declared)} text, as its front matter says"]
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            note = [] if codec == "utf-8-sig" else [f"read as {_name(codec)} text (its byte-order mark says so)"]
            return _decode(raw, codec, path), note
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    codec = _guess(raw, path)
    return raw.decode(codec), [f"read as {_name(codec)} text: the encoding was guessed. If a letter or sign looks "
                               f"wrong, add 'encoding: ...' to the front matter, or save the file as UTF-8"]


def _name(codec: str) -> str:
    """Return the everyday name of an encoding ('cp1252' -> 'Windows-1252')."""
    canonical = codecs.lookup(codec).name
    return _NAMES.get(canonical) or rx.sub(r"^CP(125\d)$", r"Windows-\1", canonical.upper())


def _declared_encoding(raw: bytes, path) -> str | None:
    """Return the encoding `encoding:` in the front matter names, read before the text is decoded."""
    # Front matter keys are ASCII, which every encoding this finds writes as the same bytes: Latin-1 shows them.
    lines = raw[:4096].decode("latin-1").removeprefix("ï»¿").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=2):
        key, sep, value = line.partition(":")
        if line.strip() == "---":
            return None
        if sep and key.strip().lower() == "encoding":
            value = value.strip().strip("\"'")
            try:
                return codecs.lookup(value).name
            except LookupError:
                raise SourceError(f"'{value}' is not an encoding this program knows. Use one such as utf-8, "
                                  f"utf-16, windows-1252 or latin-1.", path, n) from None
    return None


def _decode(raw: bytes, codec: str, path) -> str:
    """Decode `raw` with `codec`; the line with the first byte it cannot read when it fails."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as e:
        line = raw[: e.start].decode(codec, errors="replace").count("\n") + 1
        raise SourceError(f"this text is not {_name(codec)}: the bytes on this line are not. {_FIX}.",
                          path, line) from None


def _guess(raw: bytes, path) -> str:
    """Return the encoding the text reads cleanly in, preferring the Western ones; refuse a doubtful guess."""
    from charset_normalizer import from_bytes  # here, not at the top: only a text that is not UTF-8 needs it

    matches = [m.encoding for m in from_bytes(raw)]
    if matches and matches[0].startswith(("utf_16", "utf_32")):
        return matches[0]  # UTF-16 without its byte-order mark: its zero bytes leave no doubt
    readings: dict[str, str] = {}  # text -> the first encoding (in order of preference) that gives it
    for codec in (*_PREFERRED, *matches):  # Latin-1 reads any bytes: there is always a reading
        try:
            readings.setdefault(raw.decode(codec), codec)
        except UnicodeDecodeError:
            continue
    # The cleanest reading wins; of equally clean ones, the first in order of preference (sorting is stable).
    ranked = sorted(((_odd_places(text), text, codec) for text, codec in readings.items()), key=lambda r: len(r[0]))
    odd, text, codec = ranked[0]
    if odd:
        line = text.count("\n", 0, odd[0]) + 1
        raise SourceError(f"this text's encoding is unclear: no encoding this program knows reads this line "
                          f"cleanly ('{_around(text, odd[0])}'). {_FIX}, e.g. 'encoding: windows-1252'.", path, line)
    rival = next(((other, name) for odd, other, name in ranked[1:] if not odd), None)
    if rival and codec not in _PREFERRED:
        other, name = rival
        at = next((i for i, (a, b) in enumerate(zip(text, other)) if a != b), min(len(text), len(other)))
        raise SourceError(f"this text's encoding is unclear: it reads as {_name(codec)} ('{_around(text, at)}') or "
                          f"as {_name(name)} ('{_around(other, at)}'). {_FIX}, e.g. 'encoding: {codec}'.",
                          path, text.count("\n", 0, at) + 1)
    return codec


def _odd_places(text: str) -> list[int]:
    """Return where the text reads as a wrong guess would (see `_is_odd`)."""
    return [m.start() for m in rx.finditer(r"[^\x00-\x7f]", text) if _is_odd(text, m.start())]


def _is_odd(text: str, i: int) -> bool:
    """Tell whether the character at i is one a wrong encoding makes: a control code, a capital inside a
    word, letters of two scripts in one word, three accented Latin letters in a row, a sign inside a word."""
    c, before, after = text[i], text[i - 1: i] or " ", text[i + 1: i + 2] or " "
    category, script = unicodedata.category(c), _script(c)
    if category in ("Cc", "Co", "Cn", "Cs"):
        return True
    if category == "Lu" and unicodedata.category(before) == "Ll":
        return True  # "kratomÕs": Mac Roman's apostrophe read as Windows-1252
    if script and any(n.isalpha() and _script(n) not in (script, None) for n in (before, after)):
        return True
    run = text[max(i - 2, 0): i + 1]
    if len(run) == 3 and all(ord(x) > 127 and _script(x) == "LATIN" for x in run):
        return True  # "Ïðèâåò": Russian read as Windows-1252
    if category[0] in "PS" and c not in _BETWEEN_LETTERS and before.isalpha() and after.isalpha():
        return True
    return category == "Sc" and (before.isalpha() or after.isalpha())  # "â€™": UTF-8 read as Windows-1252


def _script(c: str) -> str | None:
    """Return the writing system of a letter ('LATIN', 'CYRILLIC'), or None for a sign such as 'µ'."""
    word = unicodedata.name(c, "").split(" ")[0]
    return word if word in _SCRIPTS else None


def _around(text: str, at: int) -> str:
    """Return the words around position `at`, on one line, to show where a reading goes wrong."""
    return " ".join(text[max(at - 20, 0): at + 20].split())
