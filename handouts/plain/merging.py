"""Merging repeats: drop what another sentence says, soften the kept hedge, name what 'They' lost, check what went."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache, lru_cache

from handouts.language import rx
from handouts.language.grammar import AUXILIARIES, has_verb, tells_what_to_do, verb_forms, words
from handouts.language.lexicon import data_rows, names_and_terms, protected_names
from handouts.language.meaning_guard import HEDGE_GROUPS, Violation, protected
from handouts.model import Handout, Sentence
from handouts.plain.change import Change
from handouts.plain.rules import rule_named
from handouts.plain.rules.cleanup import claim_text
from handouts.plain.rules.lists import LIST_RULE
from handouts.plain.verify import sales_offer, sales_year
from handouts.read.sources import SUMMARY_BOX

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

# Function words: ignored when comparing what two sentences claim.
STOP_WORDS = set("""a an the and or but so yet if then than that this these those it its they them their
there here of to in on at by for from with without as into onto about over under through is are was were
be been being am do does did has have had can could may might must shall should will would not no nor
never some any all each both many much more most other others such very also just only still even
when while where which who whom whose what why how we you your our he she his her i me my one
key main major important significant big certain exact different various common become becomes became
link linked links tied tie related associated play plays played role part""".split())
HEDGE_WORDS = {w for group in HEDGE_GROUPS.values() for w in group}
DEFINITION = re.compile(r"^([A-Z][\w-]*(?: [\w-]+)?) (?:is|are) (?:an?|the) ")
# Sentences further apart than this are not compared: a long text says a thing again on purpose, and comparing
# every pair would make the cost grow with the square of the length. A handout within the default max_words
# (8,000 words, some 500 sentences) has every pair compared.
MERGE_WINDOW = 1000


@cache
def _stemmer():
    """Return the English Snowball stemmer (imported here: a build that rewrites nothing never needs it)."""
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
        if w in STOP_WORDS or w in HEDGE_WORDS or len(w) < 3:  # hedges are compared as protected items
            continue
        out.add(_lemma(w))
    return frozenset(out)


@cache
def _term_lemmas() -> frozenset:
    """Return the comparison forms of every defined term and protected name."""
    return frozenset(_lemma(w) for name in names_and_terms() for w in words(name) if w not in STOP_WORDS)


@cache
def _directions() -> frozenset:
    """Return the synonym groups that state a direction (marked '!' in data/synonyms.tsv)."""
    return frozenset(g for g in _synonyms().values() if g.startswith("!"))


_CONDITIONAL = re.compile(r"\b(?:if|unless|when|whenever|until|only)\b", re.I)


_TABLE_LEAD_IN = re.compile(r"Each line (?:gives|compares)\b")


_HOW_OFTEN = {"common", "commonly", "uncommon", "rare", "rarely", "usually", "often", "sometimes", "always", "never",
              "frequent", "frequently", "occasionally", "seldom"}


def repeats(dropped: str, kept: str) -> bool:
    """Tell whether `dropped` says nothing `kept` does not: its claim words and protected items are in `kept`."""
    a, b = content_words(dropped), content_words(kept)
    if len(a) < 2 or not a & b:
        return False
    if len(a) == 2 and _claim_words(dropped) not in _claim_words(kept):
        # "Colonoscopy is a procedure." names two things "Colonoscopy is safe, but like any procedure ..." names
        # too, but says another thing of them; a claim this short is a repeat only when said word for word.
        return False
    if (defined := DEFINITION.match(dropped)) and not rx.search(
            rf"\b{re.escape(defined.group(1))}\b[^.]*?\b(?:is|are) (?:an?|the)\b", kept, re.I):
        # "Hepatitis C is a liver infection." says what it is; "... their liver has been damaged" only names its
        # parts. "CBD, short for cannabidiol, is a compound found in ..." says what CBD is too.
        return False
    if not _numbers_said(dropped) <= _numbers_said(kept):
        return False  # "more than 80%" is not said by "between 50% and 80%": the same number, another claim
    if {w.lower() for w in words(dropped)} & _HOW_OFTEN - {w.lower() for w in words(kept)}:
        # "a raised result is common in people who do not have a clot" is not said by "a raised result simply means a
        # clot has not been excluded": how often is a claim of its own
        return False
    if _CONDITIONAL.search(dropped) and not _CONDITIONAL.search(kept):
        return False  # "If you use more NicoStep than you should" is not said by "Do not use NicoStep:"
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
    if len(b) > 2 * len(a) and _span(a & b, kept) > 2 * len(words(dropped)) + 4:
        # "Even small amounts may cause damage without symptoms" is not said by a long sentence that has "small
        # intestine" at its start and "symptoms may be mild" at its end: a claim is said in one place.
        return False
    return not protected(dropped).missing_from(protected(kept))


def _span(wanted: frozenset[str], text: str) -> int:
    """Return how many words the shortest stretch of `text` that says every word of `wanted` takes."""
    stems = [(content_words(w) or {""}) for w in words(text)]
    best, count, start = len(stems) + 1, {}, 0
    for end, here in enumerate(stems):
        for w in here & wanted:
            count[w] = count.get(w, 0) + 1
        while len(count) == len(wanted):
            best = min(best, end - start + 1)
            for w in stems[start] & wanted:
                count[w] -= 1
                if not count[w]:
                    del count[w]
            start += 1
    return best


def _claim_words(text: str) -> str:
    """Return a sentence's words without function words, in order ("But more research is needed" -> " research needed ")."""
    return " " + " ".join(w for w in words(text) if w not in STOP_WORDS) + " "


_COMPARING = re.compile(r"\b(?:more|less|fewer|higher|lower|greater|over|under|above|below|least|most|up to|"
                        r"between|within|every|after|before|until|than)\b", re.I)


@lru_cache(maxsize=4096)
def _numbers_said(text: str) -> frozenset[tuple[str, str]]:
    """Return each number of a sentence with the comparing word before it ('more than' 80, 'between' 50)."""
    out = set()
    for m in rx.finditer(r"\d+(?:[.,]\d+)*", text):
        before = text[max(0, m.start() - 16):m.start()]
        said = _COMPARING.findall(before)
        out.add((said[-1].lower() if said else "", m.group()))
    return frozenset(out)


def never_merged(s: Sentence, block) -> bool:
    """Tell whether a sentence must stay where the source put it, even when another sentence says the same.

    A step or bullet of the source's own list, an instruction ("Keep giving the controller medicine" in
    both the green and the yellow zone of an asthma plan), a question (a title such as "Why get
    vaccinated?"), a lead-in ("Each line gives the day, ... and total daily dose:"), a line with no verb (a title) and a line with a blank to fill in are parts of the
    handout's structure, not repeats; so is a statement a form asks to tick ("[ ] I consent to ..."), which the
    patient's mark makes their own.
    """
    # (a part of such a statement too: "[ ] INCOMPLETE TREATMENT - ... come back, and a further treatment may be
    # needed." split; its "A further treatment may be needed." had gone as a repeat of the bleeding item's words)
    # (a condition with no main clause, a heading read as text: "If you give more cetirizine than you should", which
    # had gone as a repeat of "Do not give cetirizine if your child:")
    return (block.is_list or tells_what_to_do(s.text) or s.text.rstrip().endswith(("?", ":"))
            or rx.match(r"(?:If|When|Unless|In case)\b[^,;]*$", s.text) is not None
            or "___" in s.text or not has_verb(s.text)
            or any(rx.match(r"\s*(?:\[[ xX]?\]|[☐☑☒])", t) is not None for t in [s.text, *s.sources])
            # ("I agree that tissue samples may be used ... [ ] Yes [ ] No": its boxes after it, or none)
            or any(rx.search(r"\[[ xX]?\]\s*(?:yes|no)\b", t, re.I) is not None for t in s.sources)
            or rx.match(r"I (?:agree|consent|understand|confirm|give|do not agree|have (?:read|been|had))\b", s.text) is not None
            # ("These may be signs that the infection has spread behind the eye." under a box's warning signs: what
            # the list above means, said of it alone; "the infection may spread behind the septum" elsewhere is not it)
            or rx.match(r"(?:These|Any of these|All of these|Such) (?:\w+ ){0,3}(?:signs?|symptoms?|problems?|changes?|"
                        r"effects?|may|can|could|might|are|mean)\b", s.text) is not None)


_GENERIC = frozenset({"people", "way", "thing", "time", "process", "level", "amount"})  # say who or how much, no claim


def _same_definition(a: str, b: str) -> bool:
    """Tell whether both sentences define the same medical term or name ('Dopamine is a ...')."""
    ma, mb = DEFINITION.match(a), DEFINITION.match(b)
    return bool(ma and mb and ma.group(1).lower() == mb.group(1).lower()
                and ma.group(1).lower() in names_and_terms())


class WordIndex:
    """Where each claim word is said: the positions (in reading order) of the texts whose content words hold it."""

    def __init__(self):
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, position: int, text: str) -> None:
        """Index a text at `position` (positions must come in increasing order; a changed text may be added again)."""
        for word in content_words(text):
            found = self.postings[word]
            if not found or found[-1] < position:
                found.append(position)
            elif position not in found:
                found.insert(bisect_left(found, position), position)

    def near(self, words, position: int, window: int = MERGE_WINDOW) -> list[int]:
        """Return the positions within `window` of `position` that say any of `words`, in reading order."""
        out: set[int] = set()
        for word in words:
            found = self.postings.get(word, [])
            out.update(found[bisect_left(found, position - window):bisect_right(found, position + window)])
        return sorted(out)

    def rarest(self, words, count: int) -> list[str]:
        """Return the `count` words said in the fewest texts."""
        return sorted(words, key=lambda w: (len(self.postings.get(w, ())), w))[:count]


def could_repeat(index: WordIndex, text: str, position: int) -> list[int]:
    """Return the positions of every text `repeats(text, ...)` may be true of (and more), in reading order.

    A repeat lacks at most max(1, n // 4) of the n content words of `text` (see repeats), so it says at least one of
    any max(1, n // 4) + 1 of them: of its rarest ones, which are in the fewest texts.
    """
    a = content_words(text)
    if len(a) < 2:
        return []
    return index.near(index.rarest(a, max(1, len(a) // 4) + 1), position)


def merge_near_duplicates(handout: Handout, changes: list[Change]) -> None:
    """Remove sentences that repeat another sentence of the handout, keeping the fuller wording once."""
    everything = handout.sentences
    follower = _followers(handout)
    meant = _resolve_anaphors(handout)
    gone: dict[int, list[Sentence]] = {}  # id of a removed sentence -> the sentence(s) that say it
    softened: dict[int, str] = {}  # id of a kept sentence -> its wording with 'may' for 'can'

    # A source's "Key takeaways" list becomes the Key points box, out of the body: nothing may be merged
    # into it, or the body would lose what it says ("If you miss a dose, you do not need to start over").
    boxed = {id(s) for sec in handout.sections if SUMMARY_BOX.match(sec.heading) for s in sec.sentences}

    place = {id(s): i for i, s in enumerate(everything)}
    index = WordIndex()  # the candidates for a keeper: comparing every pair grows with the square of the length
    for i, s in enumerate(everything):
        index.add(i, s.text)
        if soft := soften(s.text):  # a keeper may be compared in its 'may' wording
            index.add(i, soft)

    def keeper_for(x: Sentence, exclude: list[Sentence]) -> Sentence | None:
        said = meant.get(id(x), x.text)
        for k in (everything[i] for i in could_repeat(index, said, place[id(x)])):
            if k is x or id(k) in gone or id(k) in boxed or any(k is e for e in exclude) or _TABLE_LEAD_IN.match(k.text):
                continue  # ("Each line gives the situation and preferred method:" names a table's columns: it claims nothing)
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
              for a, b in zip(item, item[1:]) if a.sources == b.sources and rx.match(r"(?:But|Yet)\b", b.text)}
    limiting = {id(b) for b in limits.values()}
    for x in everything:
        if id(x) in gone or LIST_RULE in x.rules or id(x) in fixed or id(x) in limiting:
            continue  # a list and its lead-in stay whole
        # "This leads to ..." after x points back to x: x may go only if that sentence can go too.
        chain = [x]
        while id(chain[-1]) in follower:
            chain.append(follower[id(chain[-1])])
        if len(chain) > 1 and rx.match(r"(?:So|Therefore|Thus|Hence|As a result|This means)\b", chain[1].text):
            continue  # "Colostrum comes from cow's milk." / "So it is not suitable if ...": the reason stays with what follows
        keepers = [keeper_for(y, chain) for y in chain]
        if keepers[0] and None in keepers and (named := _named_subject(x.text, chain[1].text)):
            # The next sentence says something new about x's subject: name it, and let x go alone.
            chain[1].text = named
            chain[1].rules.append(NAME_RULE)
            index.add(place[id(chain[1])], named)
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
    statements = _Statements(handout, gone, place)
    for x in everything:
        if id(x) in gone or LIST_RULE in x.rules or id(x) in fixed or id(x) in limiting:
            continue
        after = follower.get(id(x))
        # "They are signs of ..." after x may stay when it can name x's subject instead ("These symptoms").
        named = _named_subject(x.text, after.text) if after else None
        if after and not named:
            continue
        covering = statements.said_together(x)
        if covering:
            gone[id(x)] = [k for k, _ in covering]
            said_as[id(x)] = [text.rstrip(",") for _, text in covering]
            if after:
                after.text = named
                after.rules.append(NAME_RULE)
            statements.removed(x, changed=bool(after))
    for k in everything:
        if id(k) in softened and id(k) not in gone and any(k is g for v in gone.values() for g in v):
            k.text = softened[id(k)]
            k.rules.append(SOFTEN_RULE)
    by_source: dict[str, list[int]] = defaultdict(list)  # a source sentence -> its changes' places (several may say it)
    for n, c in enumerate(changes):
        by_source[c.source].append(n)
    for y in everything:
        if id(y) not in gone:
            continue
        keepers = gone[id(y)]
        saying = said_as.get(id(y), [k.text for k in keepers])
        said = " ".join(saying)
        note = {"sentence": y.text, "said_by": " / ".join(saying),
                "words_not_carried": sorted({w for w in words(y.text) if content_words(w)
                                             and not content_words(w) <= content_words(said)})}
        for n in sorted({n for src in y.sources for n in by_source.get(src, ())}):
            changes[n].merges.append(note)
        for k in keepers:
            k.sources += [src for src in y.sources if src not in k.sources]
            if MERGE_RULE not in k.rules:
                k.rules.append(MERGE_RULE)
    _drop_orphaned_but(handout, gone, changes)
    for sec in handout.sections:
        for blk in sec.blocks:
            blk.items = [[s for s in item if id(s) not in gone] for item in blk.items]
    first_merged: dict[str, str] = {}  # a source sentence -> the first sentence that says it with a merge
    for s in handout.sentences:
        if MERGE_RULE in s.rules:
            for src in s.sources:
                first_merged.setdefault(src, s.text)
    for c in changes:
        if c.source in first_merged and not c.removed_by:
            c.merged_into = first_merged[c.source]


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


class _Statements:
    """What the handout says besides a sentence (as _statements), indexed by claim word, kept up to date as
    sentences go; statements more than MERGE_WINDOW sentences away are not looked at."""

    def __init__(self, handout: Handout, gone: dict, place: dict[int, int]):
        self.handout, self.gone, self.place = handout, gone, place
        self._build()

    def _build(self) -> None:
        """List and index the statements of the sentences not gone."""
        self.all = _statements(self.handout, None, self.gone)
        self.bulleted = {id(s) for sec in self.handout.sections for blk in sec.blocks if blk.kind == "bullets"
                         for s in blk.sentences}
        self.index, self.at = WordIndex(), {}  # position of a statement's sentence -> its place in self.all
        for n, (s, text) in enumerate(self.all):
            self.at[self.place[id(s)]] = n
            self.index.add(self.place[id(s)], text)

    def _joins_next(self, x: Sentence) -> bool:
        """Tell whether, without x, the statement after it would join the one before (a list item after x)."""
        n = self.at.get(self.place[id(x)])
        if n is None or n + 1 >= len(self.all):
            return False
        following = self.all[n + 1][0]
        return LIST_RULE in following.rules and id(following) in self.bulleted

    def said_together(self, x: Sentence) -> list[tuple[Sentence, str]]:
        """Return what _said_together finds for x among the statements near it."""
        if not _may_be_said_together(x):
            return []
        if self._joins_next(x):  # the statements without x differ in more than x: list them afresh
            return _said_together(x, _statements(self.handout, x, self.gone))
        wanted = content_words(x.text)
        near = [self.all[self.at[p]] for p in self.index.near(wanted, self.place[id(x)]) if p in self.at]
        return _said_together(x, [(s, text) for s, text in near if s is not x and id(s) not in self.gone])

    def removed(self, x: Sentence, changed: bool) -> None:
        """Note that x went (and, when `changed`, that a sentence's wording changed): list afresh when it matters."""
        if changed or self._joins_next(x):
            self._build()


def _may_be_said_together(x: Sentence) -> bool:
    """Tell whether a sentence is one that several others may say together (see _said_together)."""
    wanted, guarded = content_words(x.text), protected(x.text)
    if not rx.search(r",| and | or ", x.text) or _QUANTIFIERS.search(x.text):
        # Not a listing sentence: "Most states have Good Samaritan laws." is not said by "Good Samaritan laws
        # protect ..." and "Check the law in your state." together ("most states" is a claim of its own).
        return False
    if rx.search(r"\b(?:if|when|unless|until|once|before|after)\b", x.text, re.I):
        # "If you remember on the same day, take it.": what to do under that condition, said by no two sentences
        # (not by "If you do not remember until the next day, ..." and a row saying "take the same dose")
        return False
    return not (len(wanted) < 4 or guarded.hedges or guarded.negations or guarded.numbers or wanted & _directions())


_QUANTIFIERS = re.compile(r"\b(?:most|many|some|few|all|several|every|each|no|none|only|half|majority|minority)\b", re.I)


def _said_together(x: Sentence, others: list[tuple[Sentence, str]], most: int = 3) -> list[tuple[Sentence, str]]:
    """Return up to `most` sentences that between them say all of a plain listing sentence, else []."""
    # Only a sentence that states no hedge, negation, number or direction ("Symptoms include A, B
    # and C" after sentences that list A and B, then C) can be said by several others together;
    # each of them must share two claim words with it, so a passing mention does not count.
    wanted, guarded = content_words(x.text), protected(x.text)
    if not _may_be_said_together(x):
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
    m = rx.match(r"^(They|It|This)\b(.*)$", after)
    ws = sentence.split()
    finite = verb_forms()[0] | verb_forms()[1] | AUXILIARIES  # "Symptoms include": a plural takes the base form
    verb_at = next((i for i, w in enumerate(ws[:4]) if w.lower() in finite), None)
    if not m or not verb_at:
        return None
    subject = [w.lower() for w in ws[:verb_at] if w.lower() not in ("the", "common", "main", "most")]
    if len(subject) != 1 or subject[0] in STOP_WORDS or not subject[0].isalpha():
        return None
    plural = subject[0].endswith("s") and not subject[0].endswith("ss")
    if (m.group(1) == "They") != plural:
        return None
    if m.group(1) == "This" and subject[0] not in protected_names():
        return None  # "This" points at the whole claim; only a named subject ("Kratom") can stand for it
    return " ".join(ws[:verb_at]) + m.group(2)


def soften(text: str) -> str | None:
    """Return the sentence with its one 'can' said as 'may' (more cautious), or None when it has not exactly one."""
    found = rx.findall(r"\bcan\b(?!['’]t)", text)
    return rx.sub(r"\bcan\b(?!['’]t)", "may", text) if len(found) == 1 else None


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
    notes: dict[str, list[dict]] = defaultdict(list)  # a merged-away sentence -> the review notes about it
    for c in changes:
        for note in c.merges:
            notes[note["sentence"]].append(note)
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    m = rx.match(r"^(?:But|Yet),? (\w)", b.text)
                    if id(a) in gone and id(b) not in gone and a.sources == b.sources and m:
                        old, b.text = b.text, m.group(1).upper() + b.text[m.end(1):]
                        # "Kava may help. But it is not safe for everyone." with the first merged away:
                        # "It is not safe ..." would point at whatever now comes before; say "Kava".
                        b.text = _named_subject(a.text, b.text) or b.text
                        for note in notes[a.text]:
                            note["opening_dropped"] = f"'{old.split()[0]}' of \"{old}\": it answered this sentence"


# "X is a procedure. In this procedure, ...": a sentence that opens on "this" thing points back to the one before.
IN_THIS = re.compile(r"(?:In|With|For|During|After|At|From) (?:this|these) \w+,")


def _followers(handout: Handout) -> dict[int, Sentence]:
    """Map each sentence to the next one in its paragraph when that one points back to it ("This leads", "They")."""
    out = {}
    for sec in handout.sections:
        for blk in sec.blocks:
            for item in blk.items:
                for a, b in zip(item, item[1:]):
                    # "Keep giving the medicine; do not stop it.": an instruction split from the same
                    # sentence that says "it" points back too.
                    # ("In this procedure, ..." cut from "X is a procedure in which ...": it points back as well.)
                    # ("Children with kidney problems may need a lower dose; follow your doctor's instructions.": the
                    # instruction split off holds for them only, with or without an "it")
                    # ("Colostrum comes from cow's milk." / "So it is not suitable if you have a cow's milk allergy": a
                    # "So" and its "it" point back too)
                    if IN_THIS.match(b.text) or rx.match(r"^(?:(?:So|Because of this),? )?(?:[Tt]his|[Tt]hese|[Ii]t|[Ii]ts|[Tt]hey|[Tt]heir)\b",
                                                          b.text) or (
                            a.sources == b.sources and tells_what_to_do(b.text)):
                        out[id(a)] = b
    return out


def _clearer(a: Sentence, b: Sentence) -> bool:
    """Between two sentences that repeat each other, tell whether `a` is the one to keep."""
    ka = (len(content_words(a.text)), -len(a.text.split()))
    kb = (len(content_words(b.text)), -len(b.text.split()))
    return ka >= kb


def check_removed(handout: Handout, changes: list[Change]) -> list[Violation]:
    """Check that a removed sentence's hedges, negations, numbers and names are said elsewhere."""
    body = " ".join(s.text for s in handout.sentences)
    have = protected(body)
    out = []
    for c in changes:
        if c.removed_by and not rule_named(c.removed_by).removes_furniture:
            missing = [m for m in protected(claim_text(c.source)).missing_from(have) if not sales_year(c.removed_by, m)
                       and not sales_offer(c.removed_by, m, c.source)]
            if missing:
                out.append(Violation(c.source, "", c.removed_by, missing))
        for rule, item in c.filler_lost:
            if item in protected(claim_text(c.source)).missing_from(have):
                out.append(Violation(c.source, " ".join(c.became), rule, [item]))
    return out
