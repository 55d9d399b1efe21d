"""The plain-language stage: turn a read Handout into a plain one with the ordered rules,
merge repeats, pick key points and words to know, and record every change for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from handouts.language.labels import is_english
from handouts.language.lexicon import data_rows, find_terms
from handouts.language.meaning_guard import HEDGE_GROUPS, Protected, Violation, protected
from handouts.model import Block, Handout, Section, Sentence, Term
from handouts.language.readability import Readability, measure, measure_handout
from handouts.plain.rules import (LIST_ITEM, LIST_RULE, RULES, Rule, has_verb, is_furniture, is_list_item, is_step,
                    strip_citations, strip_cross_references, words)

MERGE_RULE = "merge_near_duplicates"
MERGE_REASON = "The source says most things more than once; keep the clearest wording of each claim once."
SOFTEN_RULE = "soften_to_the_repeat's_hedge"
SOFTEN_REASON = ("When the source says a claim twice, once with 'can' and once with 'may', the one kept says "
                 "'may': the handout never sounds surer than the source.")
NAME_RULE = "name_what_it_points_to"
NAME_REASON = ("When a sentence is merged away, the next one's 'They' or 'It' loses what it pointed to; "
               "name it ('These symptoms').")
HANDOUT_RULES = [(MERGE_RULE, MERGE_REASON), (SOFTEN_RULE, SOFTEN_REASON), (NAME_RULE, NAME_REASON)]
# "This herb has ..." after a sentence about kratom says something about kratom: for comparing
# claims only, such a phrase stands for the name said last before it.
_ANAPHOR = re.compile(r"\b(?:this|that|the) (?:herb|plant|drug|medicine|medication|substance|remedy|supplement)\b", re.I)
KEY_POINTS = (3, 5)
KEY_POINTS_FROM = 10  # a handout shorter than this many sentences is its own summary
KEY_POINT_MAX_WORDS = 15  # an instruction may take 5 more: "Do not stop ... without ..." must stay whole

# Function words: ignored when comparing what two sentences claim.
_STOP = set("""a an the and or but so yet if then than that this these those it its they them their
there here of to in on at by for from with without as into onto about over under through is are was were
be been being am do does did has have had can could may might must shall should will would not no nor
never some any all each both many much more most other others such very also just only still even
when while where which who whom whose what why how we you your our he she his her i me my one
key main major important significant big certain exact different various common become becomes became
link linked links tied tie related associated play plays played role part""".split())
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


def make_plain(handout: Handout, config=None) -> Handout:
    """Return the plain-language version of a handout."""
    return plain_language(handout, config).handout


def plain_language(handout: Handout, config=None) -> PlainResult:
    """Rewrite a handout in plain language and report what changed and what it measures."""
    before = measure_handout(handout)
    if not is_english(handout.meta.language):
        return _as_written(handout, before)
    changes: list[Change] = []
    violations: list[Violation] = []
    sections: list[Section] = []
    headings: list[dict] = []  # {"source", "became"} for each heading put in plain words
    for section in handout.sections:
        if is_furniture(section.heading) and sections:
            new = sections[-1]  # "Reading time: 5 minutes" is no heading: its text joins the section before
        else:
            heading = "" if is_furniture(section.heading) else plain_heading(section.heading)
            if heading != section.heading:
                headings.append({"source": section.heading, "became": heading})
            new = Section(heading=heading, line=section.line)
            sections.append(new)
        for block in section.blocks:
            items = []
            for item in block.items:
                out = []
                for sentence in item:
                    pieces, change, found = rewrite_sentence(sentence, section.heading,
                                                             lists=block.kind == "paragraph")
                    out += pieces
                    changes.append(change)
                    violations += found
                items.append(out)
            new.blocks += _with_lists(Block(block.kind, items, block.line))
    plain = Handout(meta=handout.meta, sections=sections)
    merge_near_duplicates(plain, changes)
    _drop_empty(plain)
    violations += check_removed(plain, changes)
    _record_results(plain, changes)
    plain.key_points = _source_summary(plain) or pick_key_points(plain)
    plain.words_to_know = pick_words_to_know(plain)
    return PlainResult(plain, before, measure_handout(plain), changes, violations, headings)


def _as_written(handout: Handout, before) -> PlainResult:
    """Keep a non-English handout as written: the rules, lexicon and terms are English (they would turn
    Spanish 'a urgencias' into 'an urgencias'); it is still printed, checked and spoken."""
    changes = [Change(source=s.text, section=sec.heading, became=[s.text])
               for sec in handout.sections for s in sec.sentences]
    for s in handout.sentences:
        s.sources = s.sources or [s.text]
    return PlainResult(handout, before, before, changes, [], [], rewritten=False)


_HEADING_LEAD_IN = re.compile(r"^(?:Understanding|Exploring|Examining|Navigating|Discovering|Unpacking|"
                              r"An Overview of|A Look at|A Guide to)\s+(?=\w)", re.I)


def plain_heading(heading: str) -> str:
    """Put a heading in everyday words, without an 'Understanding'/'Exploring' lead-in; keep it when that would lose a protected word."""
    from handouts.language.lexicon import apply_swaps

    from handouts.plain.rules import use_sentence_case

    plain = apply_swaps(use_sentence_case(_HEADING_LEAD_IN.sub("", heading).strip()))  # "WHEN TO CALL" shouts
    plain = plain[:1].upper() + plain[1:]
    if not plain or protected(heading).missing_from(protected(plain)):
        return heading
    return plain


def _with_lists(block: Block) -> list[Block]:
    """Split a paragraph at the bullets a rule made: the text up to the lead-in, the list, the rest."""
    if not any(is_list_item(s.text) for item in block.items for s in item):
        return [block]
    out: list[Block] = []
    for item in block.items:
        for s in item:
            kind = ("numbered" if is_step(s.text) else "bullets") if is_list_item(s.text) else "paragraph"
            if kind != "paragraph":
                s.text = s.text[len(LIST_ITEM):]  # the step mark is as long as the bullet mark
            if not out or out[-1].kind != kind:
                out.append(Block(kind, [] if kind != "paragraph" else [[]], block.line))
            if kind != "paragraph":
                out[-1].items.append([s])
            else:
                out[-1].items[-1].append(s)
    return out


def rewrite_sentence(sentence: Sentence, section: str, lists: bool = False) -> tuple[list[Sentence], Change, list[Violation]]:
    """Run every rule over one source sentence (list-making ones only when `lists`); guard its meaning after each rule."""
    source = sentence.text
    sources = sentence.sources or [source]
    wanted = protected(claim_text(source))
    pieces: list[tuple[str, list[str]]] = [(source, [])]
    change = Change(source=source, section=section)
    violations, lost = [], set()
    for rule in RULES:
        if rule.makes_list and not lists:
            continue
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
    """Return a source sentence without citation markers, cross references and step labels: those are not claims."""
    text = " ".join(strip_cross_references(strip_citations(source)))
    return re.sub(r"(?:(?<=:)|(?<=,)|(?<=\band)|(?<=\bthen))\s+\d{1,2}\)\s", " ", text)  # "steps: 1) wash, 2) dry"


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


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Return the content words of a sentence, stemmed and with synonyms joined, for comparing claims."""
    out = set()
    for w in words(text):
        w = w.replace("’", "'").removesuffix("'s")
        if w in _STOP or w in _HEDGES or len(w) < 3:  # hedges are compared as protected items
            continue
        out.add(_lemma(w))
    return frozenset(out)


@cache
def _term_lemmas() -> frozenset:
    """Return the comparison forms of every defined term and protected name."""
    from handouts.plain.rules import _names_and_terms

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
    if not _numbers_said(dropped) <= _numbers_said(kept):
        return False  # "more than 80%" is not said by "between 50% and 80%": the same number, another claim
    extra = a - b
    if extra & _directions():
        return False  # "kratom lowers dopamine" never repeats "kratom raises dopamine"
    if _same_definition(dropped, kept) and len(extra) <= 1 and len(a & b) >= 3:
        # A term defined twice ("Dopamine is a brain chemical ..."): one definition is enough.
        return not protected(dropped).missing_from(protected(kept))
    if extra & _term_lemmas():
        return False  # a medical term or drug name the other sentence lacks is a claim of its own
    # Allow a differing word or two (an adjective, a word the synonym list lacks), never more. In a short
    # claim one word may differ only when it is swapped for one other ("dopamine release" / "dopamine
    # levels"): "may help with stress" is not "may help lower cortisol", which differs in two.
    if len(a) < 6 and len(b - a) > 1 and extra - _GENERIC - set(_synonyms().values()):
        return False
    if len(extra) > max(1, len(a) // 4) or len(a & b) < 0.7 * len(a):
        return False
    return not protected(dropped).missing_from(protected(kept))


_COMPARING = re.compile(r"\b(?:more|less|fewer|higher|lower|greater|over|under|above|below|least|most|up to|"
                        r"between|within|every|after|before|until|than)\b", re.I)


def _numbers_said(text: str) -> set[tuple[str, str]]:
    """Return each number of a sentence with the comparing word before it ('more than' 80, 'between' 50)."""
    out = set()
    for m in re.finditer(r"\d+(?:[.,]\d+)*", text):
        before = text[max(0, m.start() - 16):m.start()]
        said = _COMPARING.findall(before)
        out.add((said[-1].lower() if said else "", m.group()))
    return out


def never_merged(s: Sentence, block) -> bool:
    """Tell whether a sentence must stay where the source put it, even when another sentence says the same.

    A step or bullet of the source's own list, an instruction ("Keep giving the controller medicine" in
    both the green and the yellow zone of an asthma plan), a question (a title such as "Why get
    vaccinated?"), a line with no verb (a title) and a line with a blank to fill in are parts of the
    handout's structure, not repeats.
    """
    return (block.is_list or _tells_what_to_do(s.text) or s.text.rstrip().endswith("?")
            or "___" in s.text or not has_verb(s.text))


_GENERIC = frozenset({"people", "way", "thing", "time", "process", "level", "amount"})  # say who or how much, no claim


def _same_definition(a: str, b: str) -> bool:
    """Tell whether both sentences define the same medical term or name ('Dopamine is a ...')."""
    from handouts.plain.rules import _names_and_terms

    ma, mb = _DEFINITION.match(a), _DEFINITION.match(b)
    return bool(ma and mb and ma.group(1).lower() == mb.group(1).lower()
                and ma.group(1).lower() in _names_and_terms())


def merge_near_duplicates(handout: Handout, changes: list[Change]) -> None:
    """Remove sentences that repeat another sentence of the handout, keeping the fuller wording once."""
    everything = handout.sentences
    follower = _followers(handout)
    meant = _resolve_anaphors(handout)
    gone: dict[int, list[Sentence]] = {}  # id of a removed sentence -> the sentence(s) that say it
    softened: dict[int, str] = {}  # id of a kept sentence -> its wording with 'may' for 'can'

    from handouts.read.sources import SUMMARY_BOX

    # A source's "Key takeaways" list becomes the Key points box, out of the body: nothing may be merged
    # into it, or the body would lose what it says ("If you miss a dose, you do not need to start over").
    boxed = {id(s) for sec in handout.sections if SUMMARY_BOX.match(sec.heading) for s in sec.sentences}

    def keeper_for(x: Sentence, exclude: list[Sentence]) -> Sentence | None:
        said = meant.get(id(x), x.text)
        for k in everything:
            if k is x or id(k) in gone or id(k) in boxed or any(k is e for e in exclude):
                continue
            if repeats(said, k.text) and (not repeats(k.text, x.text) or _clearer(k, x)):
                return k
            soft = soften(softened.get(id(k), k.text))
            if soft and repeats(said, soft) and not repeats(k.text, x.text):
                softened[id(k)] = soft
                return k
        return None

    fixed = {id(s) for sec in handout.sections for blk in sec.blocks for s in blk.sentences if never_merged(s, blk)}
    # "... could lower doses. But the evidence is limited.": the "But" never goes while the claim it limits
    # stays. It may go with the claim, when both are said elsewhere; when only the claim is, the claim
    # goes and the "But" says its part where it stood (next to what says the claim).
    limits = {id(a): b for sec in handout.sections for blk in sec.blocks for item in blk.items
              for a, b in zip(item, item[1:]) if a.sources == b.sources and re.match(r"(?:But|Yet)\b", b.text)}
    limiting = {id(b) for b in limits.values()}
    for x in everything:
        if id(x) in gone or LIST_RULE in x.rules or id(x) in fixed or id(x) in limiting:
            continue  # a list and its lead-in stay whole
        # "This leads to ..." after x points back to x: x may go only if that sentence can go too.
        chain = [x]
        while id(chain[-1]) in follower:
            chain.append(follower[id(chain[-1])])
        keepers = [keeper_for(y, chain) for y in chain]
        if keepers[0] and None in keepers and (named := _named_subject(x.text, chain[1].text)):
            # The next sentence says something new about x's subject: name it, and let x go alone.
            chain[1].text = named
            chain[1].rules.append(NAME_RULE)
            del follower[id(x)]
            chain, keepers = chain[:1], keepers[:1]
        if any(k is None for k in keepers) or any(id(y) in fixed for y in chain[1:]):
            continue
        but = limits.get(id(chain[-1]))
        if but is not None and id(but) not in gone and (k := keeper_for(but, chain + [but])):
            chain, keepers = chain + [but], keepers + [k]  # the claim and its "But" are both said elsewhere
        for y, k in zip(chain, keepers):
            gone[id(y)] = [k]
    said_as: dict[int, list[str]] = {}  # a sentence said by several: what each of them says (a list whole)
    for x in everything:
        if id(x) in gone or LIST_RULE in x.rules or id(x) in fixed or id(x) in limiting:
            continue
        after = follower.get(id(x))
        # "They are signs of ..." after x may stay when it can name x's subject instead ("These symptoms").
        named = _named_subject(x.text, after.text) if after else None
        if after and not named:
            continue
        covering = _said_together(x, _statements(handout, x, gone))
        if covering:
            gone[id(x)] = [k for k, _ in covering]
            said_as[id(x)] = [text.rstrip(",") for _, text in covering]
            if after:
                after.text = named
                after.rules.append(NAME_RULE)
    for k in everything:
        if id(k) in softened and id(k) not in gone and any(k is g for v in gone.values() for g in v):
            k.text = softened[id(k)]
            k.rules.append(SOFTEN_RULE)
    for y in everything:
        if id(y) not in gone:
            continue
        keepers = gone[id(y)]
        saying = said_as.get(id(y), [k.text for k in keepers])
        said = " ".join(saying)
        note = {"sentence": y.text, "said_by": " / ".join(saying),
                "words_not_carried": sorted({w for w in words(y.text) if content_words(w)
                                             and not content_words(w) <= content_words(said)})}
        for c in changes:
            if c.source in y.sources:
                c.merges.append(note)
        for k in keepers:
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


def _statements(handout: Handout, x: Sentence, gone: dict) -> list[tuple[Sentence, str]]:
    """Return what the handout says besides x, as (sentence, text): a list with its lead-in is one statement."""
    out: list[tuple[Sentence, str]] = []
    for sec in handout.sections:
        for block in sec.blocks:
            for s in block.sentences:
                if s is x or id(s) in gone:
                    continue
                if block.kind == "bullets" and LIST_RULE in s.rules and out and LIST_RULE in out[-1][0].rules:
                    out[-1] = (out[-1][0], out[-1][1] + " " + s.text + ",")  # lead-in "include: a, b, c,"
                else:
                    out.append((s, s.text))
    return out


def _said_together(x: Sentence, others: list[tuple[Sentence, str]], most: int = 3) -> list[tuple[Sentence, str]]:
    """Return up to `most` sentences that between them say all of a plain listing sentence, else []."""
    # Only a sentence that states no hedge, negation, number or direction ("Symptoms include A, B
    # and C" after sentences that list A and B, then C) can be said by several others together;
    # each of them must share two claim words with it, so a passing mention does not count.
    wanted, guarded = content_words(x.text), protected(x.text)
    if len(wanted) < 4 or guarded.hedges or guarded.negations or guarded.numbers or wanted & _directions():
        return []
    chosen, left = [], set(wanted)
    while left and len(chosen) < most:
        best = max(others, key=lambda k: len(left & content_words(k[1])), default=None)
        if best is None or len(left & content_words(best[1])) < min(2, len(left)):
            return []
        chosen.append(best)
        left -= content_words(best[1])
    if left or guarded.missing_from(protected(" ".join(text for _, text in chosen))):
        return []
    return chosen


def _named_subject(sentence: str, after: str) -> str | None:
    """Return `after` with its opening 'They'/'It' replaced by the subject of `sentence`, or None."""
    from handouts.language.lexicon import protected_names
    from handouts.plain.rules import AUXILIARIES, _verb_forms

    m = re.match(r"^(They|It|This)\b(.*)$", after)
    ws = sentence.split()
    finite = _verb_forms()[0] | _verb_forms()[1] | AUXILIARIES  # "Symptoms include": a plural takes the base form
    verb_at = next((i for i, w in enumerate(ws[:4]) if w.lower() in finite), None)
    if not m or not verb_at:
        return None
    subject = [w.lower() for w in ws[:verb_at] if w.lower() not in ("the", "common", "main", "most")]
    if len(subject) != 1 or subject[0] in _STOP or not subject[0].isalpha():
        return None
    plural = subject[0].endswith("s") and not subject[0].endswith("ss")
    if (m.group(1) == "They") != plural:
        return None
    if m.group(1) == "This" and subject[0] not in protected_names():
        return None  # "This" points at the whole claim; only a named subject ("Kratom") can stand for it
    return " ".join(ws[:verb_at]) + m.group(2)


def soften(text: str) -> str | None:
    """Return the sentence with its one 'can' said as 'may' (more cautious), or None when it has not exactly one."""
    found = re.findall(r"\bcan\b(?!['’]t)", text)
    return re.sub(r"\bcan\b(?!['’]t)", "may", text) if len(found) == 1 else None


def _resolve_anaphors(handout: Handout) -> dict[int, str]:
    """Map each sentence that says 'this herb' (and the like) to its text with the name said last before it."""
    out = {}
    for sec in handout.sections:
        last = None
        for s in sec.sentences:
            m = _ANAPHOR.search(s.text)
            if m and last:
                out[id(s)] = s.text[:m.start()] + last + s.text[m.end():]
            low = s.text.lower()
            found = [(low.rfind(n), n) for n in protected(s.text).names]  # the guard already found its names
            if found:
                last = max(found)[1]
    return out


def _drop_orphaned_but(handout: Handout, gone: dict, changes: list[Change]) -> None:
    """Drop the opening 'But' of a sentence whose contrast, the sentence before it, was merged away."""
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    m = re.match(r"^(?:But|Yet),? (\w)", b.text)
                    if id(a) in gone and id(b) not in gone and a.sources == b.sources and m:
                        old, b.text = b.text, m.group(1).upper() + b.text[m.end(1):]
                        # "Kava may help. But it is not safe for everyone." with the first merged away:
                        # "It is not safe ..." would point at whatever now comes before; say "Kava".
                        b.text = _named_subject(a.text, b.text) or b.text
                        for c in changes:
                            for note in c.merges:
                                if note["sentence"] == a.text:
                                    note["opening_dropped"] = f"'{old.split()[0]}' of \"{old}\": it answered this sentence"


def _followers(handout: Handout) -> dict[int, Sentence]:
    """Map each sentence to the next one in its paragraph when that one points back to it ("This leads", "They")."""
    out = {}
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    # "Keep giving the medicine; do not stop it.": an instruction split from the same
                    # sentence that says "it" points back too.
                    if re.match(r"^(?:This|These|It|Its|They|Their)\b", b.text) or (
                            a.sources == b.sources and _tells_what_to_do(b.text)
                            and re.search(r"\b(?:it|them)\b", b.text, re.I)):
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
    from handouts.plain.rules import rule_named

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
    # "The usual dose is 50 mg. But your doctor may start you on 25 mg.": the first is half a point.
    # A step or a bullet out of its list is no point of its own.
    listed = {id(x) for sec in handout.sections for blk in sec.blocks if blk.is_list for x in blk.sentences}
    # "You have been prescribed oxycodone 5 mg. But you should not take more than 6 tablets in 24 hours.":
    # a "But" cut from the same source sentence always limits the piece before it.
    qualified = set()
    for sec in handout.sections:
        for blk in sec.blocks:
            ss = blk.sentences
            for i, a in enumerate(ss):
                if i + 1 < len(ss) and _qualifies(ss[i + 1].text, a.text) or any(
                        set(a.sources) & set(b.sources) and _limits(b.text, a.text) for b in ss[i + 1:]):
                    qualified.add(id(a))
    # "Your body loses water through sweat. In hot weather it may lose 1.5 liters an hour.": a piece that says
    # "it" after a piece of the same source sentence points back to it.
    # "It should not be forced. You should not blow hard.": when a sentence's first piece says "It", its
    # other pieces are about that unnamed thing too, unless they name what they are about ("... naloxone").
    pointing = {id(b) for sec in handout.sections for blk in sec.blocks for a, b in zip(blk.sentences, blk.sentences[1:])
                if a.sources == b.sources and (re.search(r"\b(?:it|its|they|them|their)\b", b.text, re.I)
                                               or re.match(r"(?:It|This|They|These)\b", a.text)
                                               and not (protected(b.text).names or protected(b.text).numbers))}
    # "If you are pregnant, don't stop lithium; talk to your doctor": the "if" holds for every piece.
    first_piece: dict[tuple, Sentence] = {}
    for x in handout.sentences:
        first_piece.setdefault(tuple(x.sources), x)
    conditional = {id(x) for x in handout.sentences if first_piece[tuple(x.sources)] is not x
                   and re.match(r"(?:If|When|Unless|While|Before|After)\b", first_piece[tuple(x.sources)].text)}
    # "Do not give more than 4 doses in 24 hours." under "Ibuprofen": a limit that names no medicine is
    # ambiguous in a handout about several.
    several = len({n for x in handout.sentences for n in protected(x.text).names}) > 1
    candidates = []
    for pos, s in enumerate(handout.sentences):
        if id(s) in qualified or id(s) in listed or id(s) in pointing or id(s) in conditional or not _stands_alone(s):
            continue
        if several and _DOSE.search(s.text) and not protected(s.text).names:
            continue
        if re.match(r"^(?:[A-Z][\w-]*)(?: [\w-]+){0,2} (?:also )?includes? ", s.text) and len(s.rules) > 0:
            continue  # "Sleeping pills include zolpidem and diphenhydramine.": examples split off are detail
        # What to do comes first after what the source repeated (CDC Clear Communication Index), and
        # among things to do, what keeps the reader safe ("Call 911 ...", "Never ...", "Do not ...").
        candidates.append((-len(s.sources), not _tells_what_to_do(s.text), not _urgent(s.text), pos, s))
    ranked = sorted(candidates, key=lambda c: c[:4])
    chosen = ranked[: KEY_POINTS[1]]
    # Say what is not known too (CDC Clear Communication Index): keep a "more research" point.
    unknown = [c for c in ranked if "more research needed" in protected(c[-1].text).hedges]
    if unknown and len(chosen) == KEY_POINTS[1] and not any(c in chosen for c in unknown):
        chosen[-1] = unknown[0]
    if len(chosen) < KEY_POINTS[0]:
        return []
    return [Sentence(s.text, list(s.sources), list(s.rules) + ["key_point"])
            for *_, s in sorted(chosen, key=lambda c: c[3])]


def _source_summary(handout: Handout) -> list[Sentence]:
    """Take a source's own 'Key takeaways' list (3 to 5 bullets) out of the body as the Key points."""
    from handouts.read.sources import SUMMARY_BOX

    for sec in handout.sections:
        if SUMMARY_BOX.match(sec.heading) and sec.blocks and all(b.is_list for b in sec.blocks) \
                and KEY_POINTS[0] <= len(sec.sentences) <= KEY_POINTS[1]:
            handout.sections.remove(sec)  # the box prints at the top already: not twice
            return [Sentence(s.text, list(s.sources), list(s.rules) + ["key_point"]) for s in sec.sentences]
    return []


_DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|mL|g|doses?|tablets?|pills?|puffs?|capsules?|times)\b")

# A sentence that leans on its neighbours is no Key point: "the same receptors" (as what?), "For other
# signs ..." (other than which?), "Cost is another barrier", "the following targets", "the most common."
# (what?), "find yours", "The doctors will need to know this."; quoted words are someone else's ("words
# like 'addict'"); a blank is a form; a greeting ("Welcome to ...") says nothing.
_POINTS_ELSEWHERE = (
    r"^Welcome\b", r"\banother\b", r"\b(?:this|that|these|those)\.$", r"\b(?:yours|theirs|ones)\b",
    r"\bthe (?:most|least) \w+\.$", r"\bthe (?:following|above)\b", r"^(?:For )?(?:[Oo]ther|[Aa]nother)\b",
    r"\bthe same (?!time\b)\w+(?! as\b)(?!\s\w+ as\b)", r"[\"“”]", r"___")


def _stands_alone(s: Sentence) -> bool:
    """Tell whether a sentence makes sense in the Key points box, away from its neighbours."""
    limit = KEY_POINT_MAX_WORDS + 5 * _tells_what_to_do(s.text)
    if len(s.text.split()) > limit or LIST_RULE in s.rules or not has_verb(s.text):
        return False
    # No opening "But"/"This", no "this effect" or "them" pointing back.
    if re.match(r"^(?:But|And|So|Also|This|These|That|It|They|Its|Their|In fact|Instead|Even so|Then)\b", s.text) \
            or re.search(r"\b(?:this|these|those)\s+(?!works?\b)[a-z]+", s.text, re.I) or _unnamed_pronoun(s.text):
        return False
    if s.text.endswith(":") or any(re.search(p, s.text) for p in _POINTS_ELSEWHERE):
        return False
    return "(" not in s.text and not s.text.endswith("?")  # an aside in brackets is detail; a question no point


def _qualifies(after: str, sentence: str) -> bool:
    """Tell whether `after` limits `sentence`: a 'But ...' about the same thing, or pointing back to it."""
    m = re.match(r"^(?:But|However|Yet|Still),? (.*)$", after)
    if not m:
        return False  # "But more people are turning to kratom" after "Withdrawal can be hard" moves on
    return bool(re.match(r"(?:this|these|that|those|it|they)\b", m.group(1), re.I)
                or content_words(m.group(1)) & content_words(sentence))


def _limits(later: str, sentence: str) -> bool:
    """Tell whether a later 'But/So ...' cut from the same source sentence limits `sentence` (not moves on)."""
    m = re.match(r"^(?:But|Yet|Unless|So),? (.*)$", later)
    if not m:
        return False
    guarded = protected(m.group(1))
    # "But you should not take more than 6 tablets": a limit. "But others propose it might ...": the other
    # side. "But more people are turning to kratom" after "Withdrawal can be hard": the text moves on.
    return bool(guarded.negations or guarded.numbers or re.search(r"\b(?:it|they|this|these|others)\b", m.group(1), re.I)
                or content_words(m.group(1)) & content_words(sentence))


def _urgent(sentence: str) -> bool:
    """Tell whether an instruction is about safety: an emergency number, 'right away', or a 'never'/'do not'."""
    return bool(re.search(r"\b(?:911|988|999|112|emergency|right away|immediately|poison|never|do not|don't|must not)\b",
                          sentence, re.I))


def _tells_what_to_do(sentence: str) -> bool:
    """Tell whether a sentence is an instruction to the reader ('Call 911 ...', 'Do not stop ...')."""
    from handouts.plain.rules import _verb_forms

    ws = words(sentence)
    while ws and ws[0] in ("always", "please", "also", "first", "then"):
        ws = ws[1:]  # "Always call 911 ..." is an instruction too
    return bool(ws) and (ws[0] in _verb_forms()[1] or ws[0] in ("don't", "never")
                         or ws[:2] == ["do", "not"] or ws[:2] == ["you", "should"])


def _unnamed_pronoun(sentence: str) -> bool:
    """Tell whether a 'them'/'it' comes before anything in the sentence it could stand for ('Many of them ...')."""
    from handouts.plain.rules import _verb_forms

    finite, bases = _verb_forms()
    for w in words(sentence):
        if w in ("it", "its", "they", "them", "their"):
            return True
        if w in ("anything", "something", "everything", "nothing", "anyone", "someone", "everyone",
                 "until", "unless", "before", "after", "when", "while", "because", "please"):
            continue  # "Do not eat anything until it has dissolved": these name nothing "it" could be
        if w not in _STOP and w not in finite and w not in bases and w not in _HEDGES and not w.endswith("ing"):
            return False  # a noun comes first: the pronoun can name it
    return False


def pick_words_to_know(handout: Handout) -> list[Term]:
    """List the defined medical terms the plain handout uses, each once, from the lexicon data."""
    # 'Please avoid words like "relapse"' mentions a word the handout asks readers not to use: no definition.
    text = re.sub(r'"[^"]*"|“[^”]*”', " ", " ".join(s.text for s in handout.sentences))
    # "Dopamine is a brain chemical ..." in the body already says what the word means: once is enough.
    defined = {m.group(1).lower() for s in handout.sentences if (m := _DEFINITION.match(s.text))}
    return [Term(d.word, d.definition) for d in find_terms(text) if not defined & {f.lower() for f in d.forms}]
