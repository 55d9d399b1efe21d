"""Each plain-language rule does what its own cases say, and no rule makes a fragment."""

import importlib
import pkgutil

import pytest

import handouts.plain.rules as rules_package
from handouts.language.grammar import has_verb, third_person
from handouts.plain.rules import RULES
from handouts.plain.rules.base import BULLET, STEP, Piece, Rule

CASES = [(r.name, inp, exp) for r in RULES for inp, exp in r.cases]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_case(name, text, expected):
    rule = next(r for r in RULES if r.name == name)
    assert rule.apply(text) == expected


def test_every_rule_has_a_reason_and_cases_that_change_something():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.reason and "\n" not in r.reason, r.name
        assert r.cases, f"{r.name} has no test cases"
        assert any(r.apply(i) != [i] for i, _ in r.cases), f"{r.name}: no case shows it changing text"


def test_splitting_rules_come_before_the_lexicon_and_tidy_is_last():
    names = [r.name for r in RULES]
    assert names.index("split_which_clause") < names.index("use_everyday_words")
    assert names[-1] == "tidy"


def test_the_list_names_every_rule_the_rule_modules_make():
    made = [v.name for info in pkgutil.iter_modules(rules_package.__path__)
            for v in vars(importlib.import_module(f"{rules_package.__name__}.{info.name}")).values() if isinstance(v, Rule)]
    assert sorted(made) == sorted(r.name for r in RULES)


def test_list_items_carry_their_role_and_only_word_rules_rewrite_them():
    tidy = next(r for r in RULES if r.name == "tidy")
    assert tidy.rewrite(Piece(BULLET, "a upset stomach")) == [Piece(BULLET, "an upset stomach")]
    assert tidy.rewrite(Piece(STEP, "wash your hands")) == [Piece(STEP, "Wash your hands.")]
    use_you = next(r for r in RULES if r.name == "use_you")
    assert use_you.rewrite(Piece(BULLET, "patients should rest")) == [Piece(BULLET, "patients should rest")]


@pytest.mark.parametrize("sentence,expected", [
    ("Kratom is a plant.", True), ("Opioids act on receptors.", True), ("This results in less dopamine.", True),
    ("Symptoms like nausea and cravings.", False), ("Leading to enhanced feelings of well-being.", False),
    ("The brain's reward system.", False), ("You should rest.", True), ("Wash the cut with water.", True),
    ("Please bring these things:", True),
])
def test_has_verb(sentence, expected):
    assert has_verb(sentence) is expected


@pytest.mark.parametrize("ing,expected", [
    ("creating", ("create", "creates")), ("leading", ("lead", "leads")), ("resulting", ("result", "results")),
    ("running", ("run", "runs")), ("easing", ("ease", "eases")), ("reducing", ("reduce", "reduces")),
    ("offering", ("offer", "offers")),
])
def test_third_person(ing, expected):
    assert third_person(ing) == expected


def test_a_split_that_would_leave_a_fragment_is_refused():
    rule = next(r for r in RULES if r.name == "split_coordinate_clauses")
    # "but not milk" has no verb: splitting would make a fragment, so the sentence stays whole.
    assert rule.apply("Take it with food, but not with milk.") == ["Take it with food, but not with milk."]
