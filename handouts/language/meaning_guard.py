"""The meaning guard: hedges, negations, numbers and drug names of each source sentence must
survive in the plain sentence(s) made from it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from handouts.language import rx
from handouts.language.lexicon import protected_names

# Hedge words grouped by what they claim; a rewrite may swap words within a group only.
HEDGE_GROUPS = {
    "may": ("may", "might", "could", "possible", "possibly", "potential", "potentially", "perhaps", "maybe"),
    "can": ("can", "cannot", "can't"),
    "some": ("some",),
    "others": ("others", "other"),
    "many": ("many",),
    "few": ("few",),
    "often": ("often",),
    "sometimes": ("sometimes",),
    "usually": ("usually", "typically"),
    "likely": ("likely", "probably"),
    "unlikely": ("unlikely",),
    "suggest": ("suggest", "suggests", "suggested", "indicate", "indicates", "indicated",
                "propose", "proposes", "proposed", "appear", "appears", "seem", "seems"),
    "not proven": ("unproven", "unclear", "uncertain"),
}
_HEDGE_WORD = {w: g for g, words in HEDGE_GROUPS.items() for w in words}
# A hedge may give way to a more cautious one, never to a surer one: "can" (it is possible) is still
# said by "may" (it is possible, and not certain), so a rewrite or a merge may soften it but not firm it up.
MORE_CAUTIOUS = {"can": {"may"}}
_MORE_RESEARCH = re.compile(r"\b(?:further|more|additional)\s+(?:research|studies|study)\b", re.I)

NEGATIONS = ("not", "no", "never", "without", "none", "nor", "neither", "nobody", "nothing", "cannot")
_NEGATION = re.compile(r"\b(?:%s)\b|n['’]t\b" % "|".join(NEGATIONS), re.I)

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_UNITS = r"percent|mg|mcg|µg|g|kg|ml|mL|l|hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|times?"
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*|(?:%s)(?!\w))(?:\s*(?:-|–|—|to)\s*(\d+(?:[.,]\d+)*|(?:%s)(?!\w)))?(?:\s*(%%|(?:%s)\b))?"
    % ("|".join(_NUMBER_WORDS), "|".join(_NUMBER_WORDS), _UNITS), re.I)


_QUOTE = re.compile(r'"([^"]{1,80})"|“([^”]{1,80})”')


@dataclass
class Protected:
    """What in a sentence must not be lost: hedge groups, negations, numbers and names."""

    hedges: set[str] = field(default_factory=set)
    negations: int = 0
    numbers: Counter = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)  # words in quotation marks are someone's words: kept as said

    def missing_from(self, other: "Protected") -> list[str]:
        """Return what this has that `other` lacks, in words a reviewer understands."""
        lost = [f"hedge '{h}'" for h in sorted(self.hedges - other.hedges)
                if not MORE_CAUTIOUS.get(h, set()) & other.hedges]
        if other.negations < self.negations:
            lost.append(f"negation ({self.negations} in the source, {other.negations} after)")
        lost += [f"number '{n}'" for n in sorted(self.numbers - other.numbers)]
        lost += [f"name '{n}'" for n in sorted(self.names - other.names)]
        lost += [f"quoted words '{q}'" for q in sorted(self.quotes - other.quotes)]
        return lost


def _norm_number(m: re.Match) -> str:
    """Normalise a number, range and unit: '2–3 days' and 'two to three day' read the same."""
    low = _NUMBER_WORDS.get(m.group(1).lower(), m.group(1)).replace(",", "")
    high = m.group(2) and _NUMBER_WORDS.get(m.group(2).lower(), m.group(2)).replace(",", "")
    unit = (m.group(3) or "").lower()
    unit = {"%": "percent", "hrs": "hour", "hr": "hour", "mins": "minute", "min": "minute"}.get(unit, unit)
    unit = unit[:-1] if unit.endswith("s") and unit not in ("percent",) else unit
    return " ".join(x for x in (low, "to" if high else "", high or "", unit) if x)


def protected(text: str) -> Protected:
    """Return the protected items of one text."""
    hedges, negations, numbers, names, quotes = _protected_items(text)
    return Protected(set(hedges), negations, Counter(dict(numbers)), set(names), set(quotes))


@lru_cache(maxsize=4096)
def _protected_items(text: str) -> tuple:
    """Find the protected items of a text once (the plain stage asks about the same sentences often)."""
    words = rx.findall(r"[\w'’]+", text.lower())
    hedges = {_HEDGE_WORD[w] for w in words if w in _HEDGE_WORD}
    if _MORE_RESEARCH.search(text):
        hedges.add("more research needed")
    numbers = Counter(_norm_number(m) for m in _NUMBER.finditer(text))
    low = text.lower()
    # A plain substring test first: most names are not in a given sentence, and it is far cheaper.
    names = {name for name in protected_names() if name in low and _name_pattern(name).search(low)}
    quotes = {q.strip(" ,.") for m in _QUOTE.finditer(text) if (q := m.group(1) or m.group(2)).strip(" ,.")}
    return frozenset(hedges), len(_NEGATION.findall(text)), tuple(numbers.items()), frozenset(names), frozenset(quotes)


@lru_cache(maxsize=None)
def _name_pattern(name: str) -> re.Pattern:
    """Return the pattern of a name as a whole word, plural allowed."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?:s|es)?(?![\w-])")


@dataclass
class Violation:
    """A plain rewrite that lost something the source said."""

    source: str
    plain: str
    rule: str
    missing: list[str]

    def __str__(self) -> str:
        return (f"rule '{self.rule}' lost {', '.join(self.missing)}: "
                f"source \"{self.source}\" became \"{self.plain or '(nothing)'}\"")


def check(source: str, plain: list[str], rule: str = "") -> Violation | None:
    """Check that the plain sentences made from `source` keep its protected items."""
    missing = protected(source).missing_from(protected(" ".join(plain)))
    return Violation(source, " ".join(plain), rule, missing) if missing else None
