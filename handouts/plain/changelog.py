"""Write what the plain-language stage did, for reviewers: the change log as JSON and as an
HTML review page, and the readability figures before and after."""

from __future__ import annotations

import json

from handouts.plain.merging import HANDOUT_RULES
from handouts.plain.rules import RULES
from handouts.templates import render


def plain_record(plain, config) -> dict:
    """Return the change log of one handout as plain data."""
    h = plain.handout
    return {
        "title": h.meta.title,
        "slug": h.meta.slug,
        "rules": [{"name": name, "reason": reason} for name, reason in _all_rules()],
        "key_points": [s.text for s in h.key_points],
        "words_to_know": [{"word": t.word, "definition": t.definition} for t in h.words_to_know],
        "sections": [{"heading": sec.heading,
                      "sentences": [{"text": s.text, "sources": s.sources, "rules": s.rules}
                                    for s in sec.sentences]} for sec in h.sections],
        "headings": plain.headings,
        "changes": [c.as_dict() for c in plain.changes],
        "violations": [{"source": v.source, "plain": v.plain, "rule": v.rule, "missing": v.missing}
                       for v in plain.violations],
        "readability": readability_record(plain, config),
    }


def _all_rules() -> list[tuple[str, str]]:
    """Return (name, reason) of every sentence rule, then of the rules that work across the handout."""
    return [(r.name, r.reason) for r in RULES] + HANDOUT_RULES


def readability_record(plain, config) -> dict:
    """Return the readability figures before and after, with the targets and what missed them."""
    return {
        "before": plain.before.as_dict(),
        "after": plain.after.as_dict(),
        "targets": {"max_grade": config.max_grade, "max_smog": config.max_smog,
                    "max_sentence_words": config.max_sentence_words},
        "missed": plain.missed_targets(config),
        "source_words": plain.before.body_words,
        "plain_words": plain.after.body_words,
    }


def _json(data) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def change_log_json(plain, config) -> bytes:
    """Render the change log as JSON (SLUG.plain.json)."""
    return _json(plain_record(plain, config))


def readability_json(plain, config) -> bytes:
    """Render the readability figures before and after as JSON (SLUG.readability.json)."""
    return _json(readability_record(plain, config))


def review_html(plain, config) -> bytes:
    """Render the reviewer's page (SLUG.review.html): each source sentence, what it became, and why."""
    record = plain_record(plain, config)
    return render("review.html.j2", record=record,
                  rule_reasons=dict(_all_rules())).encode("utf-8")
