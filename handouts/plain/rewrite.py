"""The plain-language stage: turn a read Handout into a plain one with the ordered rules, merge repeats,
pick key points and words to know, and record every change for review."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from handouts.errors import SourceError
from handouts.language import rx
from handouts.language.labels import is_english
from handouts.language.lexicon import apply_swaps
from handouts.language.meaning_guard import Protected, Violation, protected
from handouts.language.readability import Readability, measure_handout
from handouts.model import Block, Handout, Section, Sentence, lead_ins, with_lists
from handouts.plain.change import Change
from handouts.plain.merging import check_removed, merge_near_duplicates
from handouts.plain.rules import RULES
from handouts.language.clause_parse import subject_of
from handouts.language.parse import KEPT, parse_all
from handouts.plain.rules.base import BULLET, LONG, SPLIT_FROM, STEP, TEXT, Piece
from handouts.plain.rules.cleanup import claim_text, fix_articles, symbols_to_words, use_sentence_case
from handouts.plain.rules.lists import lists_conditions
from handouts.plain.verify import clause_starts, veto
from handouts.plain.summary import pick_key_points, pick_words_to_know, source_summary
from handouts.read.furniture import is_furniture


@dataclass
class PlainResult:
    """The plain handout with its figures, change log and meaning-guard findings."""

    handout: Handout
    before: Readability
    after: Readability
    changes: list[Change]
    violations: list[Violation]
    headings: list[dict] = field(default_factory=list)  # headings put in plain words: {"source", "became"}
    rewritten: bool = True  # False: not English, so the text is used as written

    def missed_targets(self, config) -> list[str]:
        """Return one line for each readability target the plain handout misses."""
        a, missed = self.after, []
        if not self.rewritten:
            return []  # the grade formulas and targets are for English text
        if a.fk_grade > config.max_grade:
            missed.append(f"Flesch-Kincaid grade {a.fk_grade:.1f} is over the target {config.max_grade:g}")
        if a.smog > config.max_smog:
            missed.append(f"SMOG grade {a.smog:.1f} is over the target {config.max_smog:g}")
        if a.longest_sentence > config.max_sentence_words:
            missed.append(f"{a.long_sentences} sentence(s) over {config.max_sentence_words} words "
                          f"(longest {a.longest_sentence})")
        return missed


_ONLY_FURNITURE = ("no text: every sentence of this file is page furniture or boilerplate (such as \"Share this "
                   "article\" or \"In this article, we explore ...\"), which a handout leaves out. Add the "
                   "handout's own sentences.")


def make_plain(handout: Handout, config=None) -> Handout:
    """Return the plain-language version of a handout."""
    return plain_language(handout, config).handout


def plain_language(handout: Handout, config=None) -> PlainResult:
    """Rewrite a handout in plain language and report what changed and what it measures."""
    before = measure_handout(handout)
    if not is_english(handout.meta.language):
        return _as_written(handout, before)
    changes: list[Change] = []
    elsewhere = said_more_than_once([s.text for s in handout.sentences])
    if len(handout.sentences) <= KEPT:  # one batch is several times faster than one sentence at a time
        parse_all([s.text for s in handout.sentences if len(s.text.split()) >= SPLIT_FROM])
    sections: list[Section] = []
    headings: list[dict] = []  # {"source", "became"} for each heading put in plain words
    for section in handout.sections:
        # (A heading in capitals the reader kept heads text: "ACCESSIBILITY" over its list, no footer's link.)
        furniture = is_furniture(section.heading) and not section.heading.isupper()
        if furniture and sections:
            new = sections[-1]  # "Reading time: 5 minutes" is no heading: its text joins the section before
        else:
            heading = "" if furniture else plain_heading(section.heading)
            if heading != section.heading:
                headings.append({"source": section.heading, "became": heading})
            new = Section(heading=heading, line=section.line, source_heading=section.heading)
            sections.append(new)
        # the sentence before each list: "Call your nurse if you notice any of these:"
        for block, lead_in in zip(section.blocks, lead_ins(section.blocks, section.heading)):
            items = []
            conditions = block.kind != "paragraph" and lists_conditions(section.heading, lead_in)
            if conditions and _COMPLETES_LEAD_IN.search(lead_in):
                # "... without medical advice if you:" / "have a central line, because ...": each item finishes the
                # lead-in's condition, a verb first or not; none is a step that may give its reason apart.
                conditions = "always"
            for item in block.items:
                out = []
                for k, sentence in enumerate(item):
                    after = item[k + 1].text if k + 1 < len(item) else ""
                    pieces, change = rewrite_sentence(sentence, section.heading, lists=block.kind == "paragraph",
                                                      said_elsewhere=elsewhere, conditions=conditions,
                                                      points_back_after=bool(_PRONOUN_FIRST.match(after)))
                    for piece in pieces:
                        piece.origin = len(changes)  # its change's place: the review file's entry for it
                    out += pieces
                    changes.append(change)
                items.append(out)
            new.blocks += with_lists(Block(block.kind, items, block.line, block.level))
    plain = Handout(meta=handout.meta, sections=sections)
    merge_near_duplicates(plain, changes)
    _drop_empty(plain)
    if not plain.sentences:  # all of it page furniture or boilerplate: a handout of it would print nothing
        raise SourceError(_ONLY_FURNITURE, handout.meta.source)
    violations = check_removed(plain, changes)  # a safety net: each step was checked as it was made
    _record_results(plain, changes)
    _flag_long_sentences(plain, changes)
    plain.key_points = source_summary(plain) or pick_key_points(plain)
    plain.words_to_know = pick_words_to_know(plain)
    return PlainResult(plain, before, measure_handout(plain), changes, violations, headings)


def _as_written(handout: Handout, before) -> PlainResult:
    """Keep a non-English handout as written: the rules, lexicon and terms are English (they would turn
    Spanish 'a urgencias' into 'an urgencias'); it is still printed, checked and spoken."""
    changes = [Change(source=s.text, section=sec.heading, became=[s.text])
               for sec in handout.sections for s in sec.sentences]
    for origin, s in enumerate(handout.sentences):
        s.sources, s.origin = s.sources or [s.text], origin
    for sec in handout.sections:
        sec.source_heading = sec.heading
    return PlainResult(handout, before, before, changes, [], [], rewritten=False)


_HEADING_LEAD_IN = re.compile(r"^(?:Understanding|Exploring|Examining|Navigating|Discovering|Unpacking|"
                              r"An Overview of|A Look at|A Guide to)\s+(?=\w)", re.I)


def plain_heading(heading: str) -> str:
    """Put a heading in everyday words, without an 'Understanding'/'Exploring' lead-in; keep it when that would lose a protected word."""
    plain = fix_articles(apply_swaps(use_sentence_case.apply(_HEADING_LEAD_IN.sub("", heading).strip())[0]))  # ("WHEN TO
    # CALL" shouts; "an appropriate knowledge" swapped is "a suitable knowledge")
    plain = (symbols_to_words.apply(plain) or [plain])[0]  # "(day 7 → day 21)": no font prints the arrow, no voice says it
    plain = rx.sub(r"^((?:\d+(?:\.\d+)+[.)]?\s+|\d+[.)]\s+)?)(\w)", lambda m: m.group(1) + m.group(2).upper(), plain)  # "1. What ..." too
    # (and "1.0  Purpose and scope": a section's number)
    if not plain or protected(heading).missing_from(protected(plain)):
        return heading
    return plain


def rewrite_sentence(sentence: Sentence, section: str, lists: bool = False, said_elsewhere=frozenset(),
                     conditions: bool | str = True, points_back_after: bool = False) -> tuple[list[Sentence], Change]:
    """Run every rule over one source sentence (list-making ones only when `lists`), each step only when it passes its check.

    A step that fails (plain/verify.py) is skipped and named in the change ("kept: <rule>: <reason>"):
    the sentence goes on to the next rule as it was. `said_elsewhere`: protected items other source
    sentences also say (filler that names them may go). `points_back_after`: the next sentence opens pointing
    back ("It is thought to affect ...", "They may include:"), at what this sentence is about.
    """
    source = sentence.text
    sources = sentence.sources or [source]
    wanted = protected(claim_text(source))
    pieces: list[tuple[Piece, list[str]]] = [(Piece(TEXT, source), [])]
    change = Change(source=source, section=section)
    if m := _NUMBER_LAST.search(source):
        # "does not work well in children under 2.3": a decimal, or "2" and citation 3? Only a person can tell.
        change.kept.append(f"check the number: '{m.group(0)}' ends the sentence with no full stop; if its last "
                           f"digits are a citation mark, the number is {m.group(1)}")
    for rule in RULES:
        if rule.makes_list and not lists:
            continue
        out = []
        for n, (piece, rules) in enumerate(pieces):
            result = rule.rewrite(piece)
            if result == [piece]:
                out.append((piece, rules))
                continue
            reason = piece.role == TEXT and veto(rule, piece.text, [r.text for r in result],
                                                      not lists and conditions, said_elsewhere, item=not lists)
            pointer = pieces[n + 1][0].text if n + 1 < len(pieces) else "It" if points_back_after else ""
            if not reason and len(result) > 1 and not rule.makes_list and _POINTS_BACK.match(pointer) \
                    and result[-1].text.split()[:3] != piece.text.split()[:3] \
                    and not (n + 1 == len(pieces) and _same_subject(result[-1].text, piece.text)):
                # "Wash the wound ..., then apply an antiseptic. This step alone ...": split, the "This" after it
                # would point at its last part only (the examples said first and the sentence after them are fine,
                # and so is a list, which the "This" takes whole). So would the next sentence's "It" or "They"
                # ("Symptoms begin ..., although shorter incubation periods ... They may include:"), unless the last
                # part goes on about the same thing ("It may act on ...").
                reason = f"'{pointer.split()[0]}' after it would point at its last part only"
            if reason:
                change.kept.append(f"{rule.name}: {reason}")
                out.append((piece, rules))
                continue
            if not result:  # a part a rule takes out whole ("This offers hope ...") is named for the reviewer
                change.dropped.append({"text": piece.text, "rule": rule.name})
            out += [(r, rules + [rule.name]) for r in result]
        pieces = out
        if not pieces:
            change.removed_by = rule.name
            change.rules = [rule.name]
            return [], change
        if rule.removes_filler:
            # What filler words named is said elsewhere too (the check let them go): note it for the reviewer.
            change.filler_lost += [(rule.name, m) for m in wanted.missing_from(protected(_said(pieces)))
                                   if (rule.name, m) not in change.filler_lost]
    if not rx.search(r"[.!?:][\"”’')\]]*$", claim_text(source)) and pieces[-1][0].text.endswith("."):
        # A list item or label without a full stop ("your insurance card") keeps it that way.
        piece, rules = pieces[-1]
        text = piece.text[:-1]
        pieces[-1] = (piece._replace(text=text), rules if text != source else [r for r in rules if r != "tidy"])
    if conditions == "always" and source[:1].islower() and pieces and pieces[0][0].text[:1].isupper() \
            and pieces[0][0].text[1:2].islower():
        # "... without medical advice if you:" / "have a central venous catheter": the item finishes the lead-in's
        # sentence; with a capital it would read as an order ("Have a central venous catheter").
        piece, rules = pieces[0]
        pieces[0] = (piece._replace(text=piece.text[0].lower() + piece.text[1:]), rules)
    change.rules = _unique([r for _, rules in pieces for r in rules] + [d["rule"] for d in change.dropped])
    return [Sentence(p.text, sources=list(sources), rules=r, role=p.role) for p, r in pieces], change


_COMPLETES_LEAD_IN = re.compile(r"\b(?:if|when|unless|who)\b(?: (?:you|your \w+|they|he|she|the person))?:\s*$", re.I)
_NUMBER_LAST = re.compile(r"(?<![\d.,])(\d+)\.\d{1,2}$")  # "... under 2.3" (a decimal ending a sentence has its stop)

# A sentence that opens with a bare pronoun ("It is thought to affect ...", "They may include:", "This is rare"), not
# one that names what it points at ("This natural herb ...", "This imbalance ...").
# "It is estimated that ...", "It is important to ...", "It usually takes 4 to 6 weeks for sertraline to work": an
# "it" that stands for what follows points at nothing.
_PRONOUN_FIRST = re.compile(r"(?!It (?:is|was|has been|may be|can be|might be|seems|appears) (?:(?:\w+ ){0,2}"
                            r"(?:that|whether|how)|(?:very |not |also )?(?:important|best|safe|okay|ok|normal|common|"
                            r"rare|possible|unlikely|likely|hard|easy|helpful|useful|wise|vital|essential|better|"
                            r"unsafe|dangerous|difficult|usual) to)\b|It (?:\w+ )?takes? (?:\S+ ){0,5}for\b)"
                            # ("In adults it is used to treat depression ...": a short opening phrase before the "it")
                            r"(?:(?:In|For|At|During|After|Before|Since|With) [a-z][\w -]{1,25}? (?=it |they ))?"
                            r"(?:(?:[Ii]ts?|[Tt]he(?:y|ir))\b|(?:This|These|That) (?:is|are|was|were|may|might|can|could|will|would|"
                            r"should|has|have|had|does|do|did|means|also|usually|often)\b)")


def _same_subject(part: str, whole: str) -> bool:
    """Tell whether the last part of a split goes on about what the whole sentence was about: its subject ("Eczema
    makes the skin dry" from "Eczema is a common condition that makes ..."), or "It"/"They" for it."""
    if rx.match(r"(?:(?:But|So|And|Also|Yet) )?(?:it|they)\b", part, re.I):
        return True
    said = [subject_of(t, head=True) for t in (part, whole)]
    return bool(said[0]) and said[0] == said[1]


# A sentence that opens pointing back ("This step alone ..."); not "Those without risk factors ..." (who they are follows).
_POINTS_BACK = re.compile(r"(?:This|That|These|Those|It|They|Both|Each)\b(?! (?:who|whose|without|with|that|which|in|of)\b)")


def said_more_than_once(sentences: list[str]) -> frozenset[str]:
    """Return the protected items (as the guard names them) that two or more source sentences say."""
    counts = Counter(item for s in sentences for item in set(protected(claim_text(s)).missing_from(Protected())))
    return frozenset(item for item, n in counts.items() if n > 1)


_MARKS = {BULLET: "\u2022 ", STEP: "\u2023 "}  # a list item in a one-line message reads as the page shows it


def _said(pieces: list[tuple[Piece, list[str]]]) -> str:
    """Return what the pieces say, as one line for the meaning guard and the reviewer (list items after their mark)."""
    return " ".join(_MARKS.get(p.role, "") + p.text for p, _ in pieces)


def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _flag_long_sentences(handout: Handout, changes: list[Change]) -> None:
    """List each sentence still over LONG words for the reviewer, with where its clauses start."""
    by_source = {c.source: c for c in changes}
    for s in handout.sentences:
        words = len(s.text.split())
        # Any role: a bullet cut from a sentence's list is read as a sentence too, and may be as long.
        if words > LONG and s.sources and s.sources[0] in by_source:
            by_source[s.sources[0]].long.append({"sentence": s.text, "words": words, "clauses": clause_starts(s.text)})


def _drop_empty(handout: Handout) -> None:
    for sec in handout.sections:
        for blk in sec.blocks:
            blk.items = [it for it in blk.items if it]
        sec.blocks = [b for b in sec.blocks if b.items]
    handout.sections = [s for s in handout.sections if s.blocks]


def _record_results(handout: Handout, changes: list[Change]) -> None:
    """Fill each change with the final plain sentences its source became."""
    by_source: dict[str, list[Sentence]] = {}  # one pass, not one per change: a long text has thousands
    for s in handout.sentences:
        for src in s.sources:
            by_source.setdefault(src, []).append(s)
    for c in changes:
        c.became = [s.text for s in by_source.get(c.source, [])] if not c.removed_by else []
        for s in {id(s): s for s in by_source.get(c.source, [])}.values():
            c.rules = _unique(c.rules + s.rules)
