"""Every plain-language rule in the order it runs: written out, since each rule expects the text the ones before it leave."""

from __future__ import annotations

from handouts.plain.rules import clauses, cleanup, examples, filler, lists, words
from handouts.plain.rules.base import Rule

# Splits come before the lexicon (they match the source's words), list-making after the splits, tidy last.
RULES: list[Rule] = [
    cleanup.strip_citations,
    cleanup.strip_cross_references,
    cleanup.resplit_sentences,
    cleanup.drop_page_furniture,
    cleanup.drop_question_answer_marks,
    clauses.split_semicolons,
    filler.strip_filler_lead_in,
    filler.remove_keyword_stuffing,
    clauses.split_with_being,
    clauses.split_while_contrast,
    clauses.split_leading_reason,
    clauses.split_appositive_participle,
    examples.examples_as_such_as,
    examples.split_such_as,
    examples.split_like_list_subject,
    clauses.split_copula_relative,
    clauses.split_unless_in_which_case,
    clauses.split_which_clause,
    clauses.split_participle_clause,
    clauses.split_coordinate_clauses,
    clauses.split_shared_subject,
    examples.split_trailing_like_list,
    clauses.split_trailing_appositive,
    clauses.split_long_reason,
    clauses.split_reason_first,
    lists.list_to_bullets,
    lists.split_long_list,
    clauses.split_long_by_means,
    clauses.split_depending_on,
    clauses.split_long_purposes,
    filler.drop_boilerplate,
    filler.drop_promotion,
    filler.drop_sales_notes,  # (after drop_promotion: the same rows, as furniture where its check kept them)
    cleanup.symbols_to_words,
    cleanup.use_sentence_case,
    words.use_everyday_words,
    words.use_plain_connectives,
    words.use_you,
    words.say_ranges_with_to,
    cleanup.tidy,
]


def rule_named(name: str) -> Rule:
    """Return the rule with this name."""
    return next(r for r in RULES if r.name == name)
