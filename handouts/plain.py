"""The plain-language stage: turn a read Handout into a plain one with the ordered rules,
merge repeats, pick key points and words to know, and record every change for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexicon import data_rows, find_terms
from .meaning_guard import HEDGE_GROUPS, Protected, Violation, protected
from .model import Block, Handout, Section, Sentence, Term
from .readability import Readability, measure, measure_handout
from .rules import RULES, Rule, is_furniture, strip_citations, strip_cross_references, words

MERGE_RULE = "merge_near_duplicates"
MERGE_REASON = "The source says most things more than once; keep the clearest wording of each claim once."
KEY_POINTS = (3, 5)
KEY_POINTS_FROM = 10  # a handout shorter than this many sentences is its own summary
KEY_POINT_MAX_WORDS = 15

# Function words: ignored when comparing what two sentences claim.
_STOP = set("""a an the and or but so yet if then than that this these those it its they them their
there here of to in on at by for from with without as into onto about over under through is are was were
be been being am do does did has have had can could may might must shall should will would not no nor
never some any all each both many much more most other others such very also just only still even
when while where which who whom whose what why how we you your our he she his her i me my one
key main major important significant big certain exact different various common become becomes became""".split())
_HEDGES = {w for group in HEDGE_GROUPS.values() for w in group}
_DEFINITION = re.compile(r"^([A-Z][\w-]*(?: [\w-]+)?) (?:is|are) (?:an?|the) ")


@dataclass
class Change:
    """What became of one source sentence, for the reviewer."""

    source: str
    section: str
    became: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    merged_into: str | None = None
    removed_by: str | None = None
    filler_lost: list = field(default_factory=list)  # (rule, item) taken out with filler words
    merges: list = field(default_factory=list)  # {"sentence", "said_by", "words_not_carried"} per merge
    dropped: list = field(default_factory=list)  # {"text", "rule"}: a part of it a rule took out whole

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class PlainResult:
    """The plain handout with its figures, change log and meaning-guard findings."""

    handout: Handout
    before: Readability
    after: Readability
    changes: list[Change]
    violations: list[Violation]

    def missed_targets(self, config) -> list[str]:
        """Return one line for each readability target the plain handout misses."""
        a, missed = self.after, []
        if a.fk_grade > config.max_grade:
            missed.append(f"Flesch-Kincaid grade {a.fk_grade:.1f} is over the target {config.max_grade:g}")
        if a.smog > config.max_smog:
            missed.append(f"SMOG grade {a.smog:.1f} is over the target {config.max_smog:g}")
        if a.longest_sentence > config.max_sentence_words:
            missed.append(f"{a.long_sentences} sentence(s) over {config.max_sentence_words} words "
                          f"(longest {a.longest_sentence})")
        return missed


def make_plain(handout: Handout, config=None) -> Handout:
    """Return the plain-language version of a handout."""
    return plain_language(handout, config).handout


def plain_language(handout: Handout, config=None) -> PlainResult:
    """Rewrite a handout in plain language and report what changed and what it measures."""
    before = measure_handout(handout)
    changes: list[Change] = []
    violations: list[Violation] = []
    sections: list[Section] = []
    for section in handout.sections:
        if is_furniture(section.heading) and sections:
            new = sections[-1]  # "Reading time: 5 minutes" is no heading: its text joins the section before
        else:
            new = Section(heading="" if is_furniture(section.heading) else section.heading, line=section.line)
            sections.append(new)
        for block in section.blocks:
            items = []
            for item in block.items:
                out = []
                for sentence in item:
                    pieces, change, found = rewrite_sentence(sentence, section.heading)
                    out += pieces
                    changes.append(change)
                    violations += found
                items.append(out)
            new.blocks.append(Block(block.kind, items, block.line))
    plain = Handout(meta=handout.meta, sections=sections)
    merge_near_duplicates(plain, changes)
    _drop_empty(plain)
    violations += check_removed(plain, changes)
    _record_results(plain, changes)
    plain.key_points = pick_key_points(plain)
    plain.words_to_know = pick_words_to_know(plain)
    return PlainResult(plain, before, measure_handout(plain), changes, violations)


def rewrite_sentence(sentence: Sentence, section: str) -> tuple[list[Sentence], Change, list[Violation]]:
    """Run every rule over one source sentence; guard its meaning after each rule."""
    source = sentence.text
    sources = sentence.sources or [source]
    wanted = protected(claim_text(source))
    pieces: list[tuple[str, list[str]]] = [(source, [])]
    change = Change(source=source, section=section)
    violations, lost = [], set()
    for rule in RULES:
        # A part a rule takes out whole ("This offers hope ...") is named for the reviewer.
        change.dropped += [{"text": t, "rule": rule.name} for t, _ in pieces if not rule.apply(t)]
        pieces = _apply(rule, pieces)
        if not pieces:
            change.removed_by = rule.name
            change.rules = [rule.name]
            return [], change, violations
        missing = [m for m in wanted.missing_from(protected(" ".join(t for t, _ in pieces))) if m not in lost]
        if missing and rule.removes_filler:
            # Filler words went; what they named must still be said somewhere (checked at the end).
            change.filler_lost += [(rule.name, m) for m in missing]
            lost.update(missing)
        elif missing:
            lost.update(missing)
            violations.append(Violation(source, " ".join(t for t, _ in pieces), rule.name, missing))
    if not re.search(r"[.!?:][\"”’')\]]*$", claim_text(source)) and pieces[-1][0].endswith("."):
        # A list item or label without a full stop ("your insurance card") keeps it that way.
        text, rules = pieces[-1]
        pieces[-1] = (text[:-1], rules if text[:-1] != source else [r for r in rules if r != "tidy"])
    change.rules = _unique([r for _, rules in pieces for r in rules] + [d["rule"] for d in change.dropped])
    return [Sentence(t, sources=list(sources), rules=r) for t, r in pieces], change, violations


def claim_text(source: str) -> str:
    """Return a source sentence without citation markers and cross references: those are not claims."""
    return " ".join(strip_cross_references(strip_citations(source)))


def _apply(rule: Rule, pieces):
    """Apply one rule to each piece, noting the rule on the pieces it changed."""
    out = []
    for text, rules in pieces:
        result = rule.apply(text)
        if result == [text]:
            out.append((text, rules))
        else:
            out += [(r, rules + [rule.name]) for r in result]
    return out


def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# --- merging repeats --------------------------------------------------------------------

@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cache
def _synonyms() -> dict[str, str]:
    """Map the stem of each word of a synonym group (data/synonyms.tsv) to the group's first word."""
    out = {}
    for _, fields in data_rows("synonyms.tsv"):
        group = [w for w in fields if w]
        for w in group:
            out[_stemmer().stemWord(w.lstrip("!"))] = group[0]  # "!increase" marks a direction
    return out


def _lemma(word: str) -> str:
    """Return the synonym group of a word, else its stem (Snowball: increases -> increas)."""
    stem = _stemmer().stemWord(word)
    return _synonyms().get(stem, stem)


def content_words(text: str) -> set[str]:
    """Return the content words of a sentence, stemmed and with synonyms joined, for comparing claims."""
    out = set()
    for w in words(text):
        w = w.replace("’", "'").removesuffix("'s")
        if w in _STOP or w in _HEDGES or len(w) < 3:  # hedges are compared as protected items
            continue
        out.add(_lemma(w))
    return out


@cache
def _term_lemmas() -> frozenset:
    """Return the comparison forms of every defined term and protected name."""
    from .rules import _names_and_terms

    return frozenset(_lemma(w) for name in _names_and_terms() for w in words(name) if w not in _STOP)


@cache
def _directions() -> frozenset:
    """Return the synonym groups that state a direction (marked '!' in data/synonyms.tsv)."""
    return frozenset(g for g in _synonyms().values() if g.startswith("!"))


def repeats(dropped: str, kept: str) -> bool:
    """Tell whether `dropped` says nothing `kept` does not: its claim words and protected items are in `kept`."""
    a, b = content_words(dropped), content_words(kept)
    if len(a) < 2 or not a & b:
        return False
    extra = a - b
    if extra & _directions():
        return False  # "kratom lowers dopamine" never repeats "kratom raises dopamine"
    if _same_definition(dropped, kept) and len(extra) <= 1 and len(a & b) >= 3:
        # A term defined twice ("Dopamine is a brain chemical ..."): one definition is enough.
        return not protected(dropped).missing_from(protected(kept))
    if extra & _term_lemmas():
        return False  # a medical term or drug name the other sentence lacks is a claim of its own
    # Allow a differing word or two (an adjective, a word the synonym list lacks), never more.
    if len(extra) > max(1, len(a) // 4) or len(a & b) < 0.7 * len(a):
        return False
    return not protected(dropped).missing_from(protected(kept))


def _same_definition(a: str, b: str) -> bool:
    """Tell whether both sentences define the same medical term or name ('Dopamine is a ...')."""
    from .rules import _names_and_terms

    ma, mb = _DEFINITION.match(a), _DEFINITION.match(b)
    return bool(ma and mb and ma.group(1).lower() == mb.group(1).lower()
                and ma.group(1).lower() in _names_and_terms())


def merge_near_duplicates(handout: Handout, changes: list[Change]) -> None:
    """Remove sentences that repeat another sentence of the handout, keeping the fuller wording once."""
    everything = handout.sentences
    follower = _followers(handout)
    gone: dict[int, Sentence] = {}  # id of a removed sentence -> the sentence that says it

    def keeper_for(x: Sentence, exclude: list[Sentence]) -> Sentence | None:
        for k in everything:
            if k is x or id(k) in gone or any(k is e for e in exclude):
                continue
            if repeats(x.text, k.text) and (not repeats(k.text, x.text) or _clearer(k, x)):
                return k
        return None

    for x in everything:
        if id(x) in gone:
            continue
        # "This leads to ..." after x points back to x: x may go only if that sentence can go too.
        chain = [x]
        while id(chain[-1]) in follower:
            chain.append(follower[id(chain[-1])])
        keepers = [keeper_for(y, chain) for y in chain]
        if any(k is None for k in keepers):
            continue
        for y, k in zip(chain, keepers):
            gone[id(y)] = k
            note = {"sentence": y.text, "said_by": k.text,
                    "words_not_carried": sorted({w for w in words(y.text) if content_words(w)
                                                 and not content_words(w) <= content_words(k.text)})}
            for c in changes:
                if c.source in y.sources:
                    c.merges.append(note)
            k.sources += [src for src in y.sources if src not in k.sources]
            if MERGE_RULE not in k.rules:
                k.rules.append(MERGE_RULE)
    _drop_orphaned_but(handout, gone, changes)
    for sec in handout.sections:
        for blk in sec.blocks:
            blk.items = [[s for s in item if id(s) not in gone] for item in blk.items]
    for c in changes:
        finals = [s for s in handout.sentences if c.source in s.sources and MERGE_RULE in s.rules]
        if finals and not c.removed_by:
            c.merged_into = finals[0].text


def _drop_orphaned_but(handout: Handout, gone: dict, changes: list[Change]) -> None:
    """Drop the opening 'But' of a sentence whose contrast, the sentence before it, was merged away."""
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    m = re.match(r"^(?:But|Yet),? (\w)", b.text)
                    if id(a) in gone and id(b) not in gone and a.sources == b.sources and m:
                        old, b.text = b.text, m.group(1).upper() + b.text[m.end(1):]
                        for c in changes:
                            for note in c.merges:
                                if note["sentence"] == a.text:
                                    note["opening_dropped"] = f"'{old.split()[0]}' of \"{old}\": it answered this sentence"


def _followers(handout: Handout) -> dict[int, Sentence]:
    """Map each sentence to the next one of the same source when that one points back ("This leads", "But")."""
    out = {}
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    if a.sources == b.sources and re.match(r"^(?:This|These|It|Its|They|Their)\b", b.text):
                        out[id(a)] = b
    return out


def _clearer(a: Sentence, b: Sentence) -> bool:
    """Between two sentences that repeat each other, tell whether `a` is the one to keep."""
    ka = (len(content_words(a.text)), -len(a.text.split()))
    kb = (len(content_words(b.text)), -len(b.text.split()))
    return ka >= kb


def _drop_empty(handout: Handout) -> None:
    for sec in handout.sections:
        for blk in sec.blocks:
            blk.items = [it for it in blk.items if it]
        sec.blocks = [b for b in sec.blocks if b.items]
    handout.sections = [s for s in handout.sections if s.blocks]


def check_removed(handout: Handout, changes: list[Change]) -> list[Violation]:
    """Check that a removed sentence's hedges, negations, numbers and names are said elsewhere."""
    from .rules import rule_named

    body = " ".join(s.text for s in handout.sentences)
    have = protected(body)
    out = []
    for c in changes:
        if c.removed_by and not rule_named(c.removed_by).removes_furniture:
            missing = protected(claim_text(c.source)).missing_from(have)
            if missing:
                out.append(Violation(c.source, "", c.removed_by, missing))
        for rule, item in c.filler_lost:
            if item in protected(claim_text(c.source)).missing_from(have):
                out.append(Violation(c.source, " ".join(c.became), rule, [item]))
    return out


def _record_results(handout: Handout, changes: list[Change]) -> None:
    """Fill each change with the final plain sentences its source became."""
    by_source: dict[str, list[str]] = {}
    for s in handout.sentences:
        for src in s.sources:
            by_source.setdefault(src, []).append(s.text)
    for c in changes:
        c.became = by_source.get(c.source, []) if not c.removed_by else []
        for s in handout.sentences:
            if c.source in s.sources:
                c.rules = _unique(c.rules + s.rules)


# --- key points and words to know -------------------------------------------------------

def pick_key_points(handout: Handout) -> list[Sentence]:
    """Pick 3 to 5 short plain sentences that sum up the handout: the claims the source repeated most."""
    if len(handout.sentences) < KEY_POINTS_FROM:
        return []
    candidates = []
    for pos, s in enumerate(handout.sentences):
        n = len(s.text.split())
        # A key point stands alone: no opening "But"/"This", no "this effect" pointing back.
        if n > KEY_POINT_MAX_WORDS or re.match(r"^(?:But|And|So|Also|This|These|That|It|They|Its|Their)\b", s.text) \
                or re.search(r"\b(?:this|these|those)\s+(?!works?\b)[a-z]+", s.text, re.I):
            continue
        candidates.append((-len(s.sources), pos, s))
    ranked = sorted(candidates, key=lambda c: (c[0], c[1]))
    chosen = ranked[: KEY_POINTS[1]]
    # Say what is not known too (CDC Clear Communication Index): keep a "more research" point.
    unknown = [c for c in ranked if "more research needed" in protected(c[2].text).hedges]
    if unknown and len(chosen) == KEY_POINTS[1] and not any(c in chosen for c in unknown):
        chosen[-1] = unknown[0]
    if len(chosen) < KEY_POINTS[0]:
        return []
    return [Sentence(s.text, list(s.sources), list(s.rules) + ["key_point"])
            for _, _, s in sorted(chosen, key=lambda c: c[1])]


def pick_words_to_know(handout: Handout) -> list[Term]:
    """List the defined medical terms the plain handout uses, each once, from the lexicon data."""
    text = " ".join(s.text for s in handout.sentences)
    return [Term(d.word, d.definition) for d in find_terms(text)]
