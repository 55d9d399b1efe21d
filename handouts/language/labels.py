"""The handouts' own fixed words in each language (data/labels.tsv: draft notice, "Key points",
the spoken welcome ...), and reading language tags ("en-US" is English)."""

from __future__ import annotations

from functools import cache

from handouts.language.lexicon import data_rows


@cache
def _table() -> tuple[tuple[str, ...], dict[str, dict[str, str]]]:
    """Read data/labels.tsv: (language codes, {label: {language: words}})."""
    rows = [fields for _, fields in data_rows("labels.tsv")]
    languages = tuple(rows[0][1:])
    return languages, {r[0]: {lang: text for lang, text in zip(languages, r[1:]) if text} for r in rows[1:]}


def base_language(language: str) -> str:
    """Return the main part of a language tag ("en-US" -> "en")."""
    return language.replace("_", "-").split("-")[0].lower()


def is_english(language: str) -> bool:
    """Tell whether a handout's language tag ('en', 'en-US') is English, the language the rules are for."""
    return base_language(language) in ("en", "")


def has_labels(language: str) -> bool:
    """Tell whether the handouts' own words (Key points, Questions? ...) exist in this language."""
    return base_language(language) in _table()[0]


def words_for(language: str) -> dict[str, str]:
    """Return every label in a handout's language, English where that language has none."""
    code = base_language(language)
    return {key: texts.get(code) or texts["en"] for key, texts in _table()[1].items()}


DRAFT_NOTICE = words_for("en")["draft"]
KEY_POINTS = words_for("en")["key_points"]
WORDS_TO_KNOW = words_for("en")["words_to_know"]
CALL_TO_ACTION = words_for("en")["call_to_action"]
SCAN_TO_LISTEN = words_for("en")["scan_to_listen"]
