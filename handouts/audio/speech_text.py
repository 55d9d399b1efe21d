"""Rewrite written text the way a person would say it aloud, before it reaches a voice.

Each rule is a small str -> str function with a docstring saying why it exists; `RULES` runs
them in order (phone numbers before ranges, ranges before units, ...). The captions and the
transcript keep the written text; only the voice hears the spoken form.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from handouts.errors import ConfigError
from handouts.language import rx

LEXICON_NAME = "pronunciations.toml"

DIGITS = "zero one two three four five six seven eight nine".split()
_NUMBER = r"\d+(?:[.,]\d+)?"
_DASH = r"\s*[-‐‑‒–—]\s*"  # hyphen, non-breaking hyphen, figure dash, en dash, em dash


def say_digits(digits: str) -> str:
    """Return digits as words, one by one ("911" -> "nine one one")."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


_PHONE = re.compile(
    r"(?<![\w-])(?:(\+?1)[\s.-])?(\(\d{3}\)\s?|\d{3}[\s.-])(\d{3})[\s.-](\d{4})(?![\w-])")


def phone_numbers(text: str) -> str:
    """Read phone numbers digit by digit in their groups; "1-800-662-4357" is not a sum or a range."""
    def spoken(m: re.Match) -> str:
        groups = [g for g in m.groups() if g]
        return ", ".join(say_digits(g) for g in groups)

    return _PHONE.sub(spoken, text)


_TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)(?:\s*([AaPp])\.?\s?[Mm]\b\.?)?")


def times(text: str) -> str:
    """Say clock times as people do ("9:00 a.m." -> "9 A M", "2:05" -> "2 oh 5"); voices read ":" oddly."""
    def spoken(m: re.Match) -> str:
        hour, minute, half = m.group(1), m.group(2), m.group(3)
        hour = str(int(hour))
        if minute == "00":
            words = hour if half else f"{hour} o'clock"
        elif minute.startswith("0"):
            words = f"{hour} oh {minute[1]}"
        else:
            words = f"{hour} {minute}"
        return f"{words} {half.upper()} M" if half else words

    return _TIME.sub(lambda m: spoken(m) + _kept_full_stop(m), text)


def _kept_full_stop(m: re.Match) -> str:
    """Give back the sentence's full stop when the "a.m." that ended the sentence swallowed it."""
    return "." if m.group(0).endswith(".") and not m.string[m.end():].strip() else ""


_AMPM = re.compile(r"\b(\d{1,2})\s*([ap])\.?m\.?(?!\w)", re.IGNORECASE)


def am_pm(text: str) -> str:
    """Say "9am" / "9 p.m." as letters; voices read "am" as a word and "p.m." as a full stop."""
    return _AMPM.sub(lambda m: f"{m.group(1)} {m.group(2).upper()} M" + _kept_full_stop(m), text)


_RANGE = re.compile(rf"(?<![\w.])({_NUMBER})(%?){_DASH}({_NUMBER})(?![\w.]*\d)")


def ranges(text: str) -> str:
    """Say "2–3" as "2 to 3"; voices read the dash as "minus" or "dash"."""
    text = rx.sub(rf"\b([AP] M){_DASH}(?=\d)", r"\1 to ", text)  # "9 A M–5 P M", after am_pm
    return _RANGE.sub(lambda m: f"{m.group(1)}{m.group(2)} to {m.group(3)}", text)


_PER_TIME = re.compile(r"(?<=[\w%])\s*/\s*(day|week|month|year|hour|night|dose)\b", re.IGNORECASE)


def per_period(text: str) -> str:
    """Say "2 tablets/day" as "2 tablets a day"; the slash is otherwise read aloud."""
    return _PER_TIME.sub(lambda m: f" a {m.group(1).lower()}", text)


_KNOWN_FRACTIONS = {
    "1/2": "one half", "1/3": "one third", "2/3": "two thirds", "1/4": "one quarter",
    "3/4": "three quarters", "1/8": "one eighth", "24/7": "all day, every day",
}
_DENOMINATORS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}
_FRACTION = re.compile(r"(?<![\w/.])(\d+)\s*/\s*(\d+)(?![\w/]|\.\d)")
_UNICODE_FRACTIONS = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅛": "1/8"}


def fractions(text: str) -> str:
    """Say "1/2" as "one half" and "120/80" as "120 over 80"; voices say "slash"."""
    for glyph, ascii_form in _UNICODE_FRACTIONS.items():
        text = rx.sub(rf"(\d)\s*{glyph}", rf"\1 and {ascii_form}", text).replace(glyph, ascii_form)

    def spoken(m: re.Match) -> str:
        top, bottom = int(m.group(1)), int(m.group(2))
        key = f"{top}/{bottom}"
        if key in _KNOWN_FRACTIONS:
            return _KNOWN_FRACTIONS[key]
        if 1 <= top < bottom and bottom in _DENOMINATORS:
            word = _DENOMINATORS[bottom]
            return f"{top} {word}s" if top > 1 else f"one {word}"
        return f"{top} over {bottom}"

    return _FRACTION.sub(spoken, text)


def percentages(text: str) -> str:
    """Say "%" as "percent"; some voices skip the sign or say "percent sign"."""
    return rx.sub(r"(\d)\s*%", r"\1 percent", text)


# Unit symbol -> (singular, plural). Only matched right after a number, so "g" or "L" in words is safe.
UNITS = {
    "mg": ("milligram", "milligrams"), "mcg": ("microgram", "micrograms"),
    "µg": ("microgram", "micrograms"), "μg": ("microgram", "micrograms"),
    "g": ("gram", "grams"), "kg": ("kilogram", "kilograms"),
    "ml": ("milliliter", "milliliters"), "mL": ("milliliter", "milliliters"),
    "l": ("liter", "liters"), "L": ("liter", "liters"),
    "cc": ("cubic centimeter", "cubic centimeters"),
    "mm": ("millimeter", "millimeters"), "cm": ("centimeter", "centimeters"),
    "m": ("meter", "meters"), "km": ("kilometer", "kilometers"),
    "in": ("inch", "inches"), "ft": ("foot", "feet"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "mmHg": ("millimeter of mercury", "millimeters of mercury"),
    "mg/dL": ("milligram per deciliter", "milligrams per deciliter"),
    "mmol/L": ("millimole per liter", "millimoles per liter"),
    "mg/kg": ("milligram per kilogram", "milligrams per kilogram"),
    "IU": ("international unit", "international units"),
    "kcal": ("calorie", "calories"), "cal": ("calorie", "calories"),
    "h": ("hour", "hours"), "hr": ("hour", "hours"), "hrs": ("hours", "hours"),
    "min": ("minute", "minutes"), "mins": ("minutes", "minutes"),
    "sec": ("second", "seconds"), "s": ("second", "seconds"),
    "wk": ("week", "weeks"), "wks": ("weeks", "weeks"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"), "°C": ("degree Celsius", "degrees Celsius"),
    "x": ("time", "times"),
}
_UNIT = re.compile(
    rf"(?<![\w.])({_NUMBER})(?:\s+to\s+({_NUMBER}))?\s?"
    rf"({'|'.join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))})(?![\w/°])")


def units(text: str) -> str:
    """Say unit symbols in full ("5 mg" -> "5 milligrams", "3x" -> "3 times"); voices spell them."""
    def spoken(m: re.Match) -> str:
        first, second, unit = m.group(1), m.group(2), m.group(3)
        one, many = UNITS[unit]
        amount = f"{first} to {second}" if second else first
        return f"{amount} {one if amount == '1' else many}"

    return _UNIT.sub(spoken, text)


# Written abbreviation -> spoken words. Matched case-sensitively as whole tokens.
ABBREVIATIONS = {
    "Dr.": "Doctor", "Drs.": "Doctors", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz",
    "Prof.": "Professor", "e.g.": "for example", "i.e.": "that is", "etc.": "and so on",
    "vs.": "versus", "approx.": "about", "U.S.": "U S", "U.K.": "U K", "a.k.a.": "also known as",
    "No.": "number", "Dept.": "Department", "St.": "Saint", "&": "and", "w/": "with",
}
_ABBREVIATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?=\W|$)")


def abbreviations(text: str) -> str:
    """Expand Dr., e.g., etc., U.S. ...; voices stop at the dot as if the sentence ended."""
    def spoken(m: re.Match) -> str:
        written = m.group(1)
        if written == "No." and not rx.match(r"\s*\d", text[m.end():]):
            return written  # "No." only means "number" before a number
        words = ABBREVIATIONS[written]
        # A sentence that ended on the abbreviation keeps its full stop.
        at_end = written.endswith(".") and text[m.end():].strip() == ""
        return words + ("." if at_end else "")

    return _ABBREVIATION.sub(spoken, text)


def symbols(text: str) -> str:
    """Say comparison signs and "~" in words; voices skip them or say "tilde"."""
    text = rx.sub(r"(?:≥|>=)\s*(?=\d)", "at least ", text)
    text = rx.sub(r"(?:≤|<=)\s*(?=\d)", "at most ", text)
    text = rx.sub(r"<\s*(?=\d)", "less than ", text)
    text = rx.sub(r">\s*(?=\d)", "more than ", text)
    text = rx.sub(r"~\s*(?=\d)", "about ", text)
    text = rx.sub(r"(\d)\+(?=\s|$|[,.;])", r"\1 or more", text)
    return text


def form_boxes(text: str) -> str:
    """Say a form's boxes as a pause ("[ ] Right eye [ ] Left eye" -> "Right eye, Left eye"), a ticked one as "ticked",
    a blank to fill in as "blank"; a voice would read "left bracket, right bracket", and nothing for the blank."""
    text = rx.sub(r"_{2,}[_/]*", "blank", text)  # "Weight today: ________ kg": a voice says nothing for a line
    text = rx.sub(r"\[[xX✓]\]\s*", "ticked: ", text)
    text = rx.sub(r"(?:^|\s*)\[ \]\s*", ", ", text)
    return rx.sub(r"^,\s*|:\s*,\s*", lambda m: "" if m.group(0).startswith(",") else ": ", text)


def spaces(text: str) -> str:
    """Collapse runs of spaces the other rules may leave behind."""
    return rx.sub(r"\s+", " ", text).strip()


RULES = (phone_numbers, times, am_pm, ranges, per_period, fractions, percentages, units,
         abbreviations, symbols, form_boxes, spaces)


@dataclass
class Lexicon:
    """Per-project pronunciations: a written word -> what the voice should read instead."""

    words: dict[str, str] = field(default_factory=dict)
    version: str = ""  # changes whenever an entry changes, so the speech cache notices

    def apply(self, text: str) -> str:
        """Replace each listed word (whole word, any case) by its pronunciation."""
        if not self.words:
            return text
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
            + r")(?![\w-])", re.IGNORECASE)
        # Respellings are lower-cased: espeak (inside piper) spells capitals out letter by letter,
        # so "SAM-sah" would be read "S A M sah". Piper phonemes in [[ ]] are kept as written.
        lower = {w.lower(): say if "[[" in say else say.lower() for w, say in self.words.items()}
        return pattern.sub(lambda m: lower[m.group(1).lower()], text)


def load_lexicon(root: Path) -> Lexicon:
    """Read `pronunciations.toml` from the project folder; an empty lexicon when it is absent."""
    path = Path(root) / LEXICON_NAME
    if not path.exists():
        return Lexicon()
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"this is not valid TOML ({e}). Write each entry as word = \"how to say it\".",
                          path) from None
    words = data.get("words", {})
    for word, say in words.items():
        if not isinstance(say, str) or not say.strip():
            line = next((n for n, l in enumerate(text.splitlines(), 1) if l.strip().startswith(word)), None)
            raise ConfigError(f"the pronunciation of '{word}' should be text in quotes, "
                              f"for example {word} = \"how to say it\".", path, line)
    unknown = set(data) - {"words"}
    if unknown:
        raise ConfigError(f"unknown table [{sorted(unknown)[0]}]. Put every entry under [words].", path)
    return Lexicon(dict(words), "\n".join(f"{w}={s}" for w, s in sorted(words.items())))


def spoken_form(text: str, lexicon: Lexicon | None = None) -> str:
    """Return `text` as the voice should read it: the project's lexicon first, then every rule."""
    if lexicon is not None:
        text = lexicon.apply(text)
    for rule in RULES:
        text = rule(text)
    return text
