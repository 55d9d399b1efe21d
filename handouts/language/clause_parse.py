"""Find where a sentence's main clauses meet, on the dependency parse: 'A, and B', 'A, but B', 'A, so B',
'A, although B', and two instructions ('Do A, and do B'). Only a join the parse shows plainly counts."""

from __future__ import annotations

from handouts.language.grammar import DEGREE_WORDS
from handouts.language.parse import parse

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
JOINERS = {"and": "", "but": "But", "yet": "But", "so": "So", "although": "But", "though": "But", "whereas": "But"}
# A clause that ends just before the join may be what the join continues ("... if there is no cough, and the
# peak flow is ..."; "people who sleep well, and those ..."): a join after one of these is not plainly main.
_SUBORDINATE = {"advcl", "relcl", "ccomp", "csubj", "pcomp", "xcomp"}
_CONDITIONS = {"if", "unless", "when", "whenever", "until", "once", "while"}


def main_clauses(text: str) -> list[tuple[str, str]] | None:
    """Return the sentence as [(joiner, clause)] when it joins two main clauses plainly, else None.

    The first joiner is ''; the second is '' for 'and', 'But' for 'but'/'yet'/'although', 'So' for 'so'.
    """
    doc = parse(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    root = roots[0]
    first = next((t for t in doc if not t.is_punct), None)
    if first is None or first.lower_ in _CONDITIONS | {"not", "either", "neither", "both"}:
        return None  # "If A, B, and C": the "if" holds for both; "Not only A, but B" is one thought
    if _fronted_scope(root):
        return None  # "In people with kidney disease, the dose is lower, and the drug can build up": it holds for both
    joins = sorted(_joins(root), key=lambda j: j[1].i)
    if not joins or len(joins) > 1 and not all(j[1].lower_ in ("and", "but", "so", "yet") for j in joins):
        return None
    starts = [j[1].i for j in joins]
    pieces = [("", doc[:starts[0] - 1].text)]
    leading = _leading_clauses(root)
    if leading:
        # "Your heart may beat faster, your breathing may get shallow, and ...": each clause of the list says its
        # own thing about its own subject; the list is cut at its commas.
        begin, pieces = 0, []
        for clause in leading:
            pieces.append(("", doc[begin:clause.right_edge.i + 1].text))
            begin = clause.right_edge.i + 2
        pieces.append(("", doc[begin:starts[0] - 1].text))
    for k, (tokens, joiner) in enumerate(joins):
        start, stop = joiner.i, starts[k + 1] - 1 if k + 1 < len(joins) else len(doc)
        if start < 2 or doc[start - 1].text not in (",", ";"):
            return None  # "A and B" without a comma often shares more than it seems
        later = set().union(*(t for t, _ in joins[k + 1:]))
        if any((t.i not in tokens or t.i in later) and not t.is_punct for t in doc[start + 1:stop]):
            return None  # each clause runs to the next join (the last to the end) on its own
        text = doc[start + 1:stop].text
        pronoun = any(t.dep_ in SUBJECTS and t.tag_ == "PRP" for t in doc[start + 1:stop])
        # "the most effective way to prevent hepatitis A, and the vaccines give ...": a clause with its own subject
        # and a finite verb, which the parser joins to the main verb, does not carry on a "to ..." or "who ..."
        # (but "people who sleep well, and those who took part ..." may list people: a "those who" subject stays).
        own = [t for t in doc[start + 1:stop] if t.dep_ in SUBJECTS and t.head.i in tokens and t.head.dep_ == "conj"
               and t.lower_ not in ("those", "these", "others", "some", "many", "both", "all")
               and not any(c.dep_ == "relcl" for c in t.children)]
        listing = doc[start - 2].pos_ in ("NOUN", "PROPN") and doc[start - 2].dep_ in ("conj", "appos")
        # ("stronger glasses, brighter lighting, and magnifiers might help": a list of things before the "and").
        own_clause = bool(own) and not listing and any(_finite(t.head) for t in own)
        # "... should not be used if your eGFR is below 30, and your dose may need to be lowered if it falls ...":
        # a clause with its own subject and its own condition is no more of the condition before it.
        # (Not with an "it" or "they" in it: a full stop before it could give it the wrong thing to point at.)
        own_condition = own_clause and any(t.dep_ == "mark" and t.lower_ in _CONDITIONS and t.head.dep_ == "advcl"
                                           and t.head.head.i in tokens for t in doc[start + 1:stop]) \
            and not points_elsewhere(doc[start + 1:stop])
        if not own_condition and _inside_subordinate(doc[start - 2], root, contrast=joiner.lower_ != "and",
                                                     pronoun=pronoun or own_clause, own_clause=own_clause):
            # The join may continue the clause before it ("whether A, and B"): it stays with that clause.
            joined, said = pieces[-1]
            pieces[-1] = (joined, f"{said}{doc[start - 1].text} {joiner.text} {text}")
            continue
        pieces.append((JOINERS[joiner.lower_], text))
    if any(t.i in tokens and not t.is_punct for tokens, _ in joins for t in doc[:starts[0]]):
        return None  # the first clause keeps all of its words
    return pieces if len(pieces) > 1 else None


def _joins(root) -> list[tuple[set[int], object]]:
    """Return each place a second main clause joins the sentence: (the second clause's token indexes, its joining word)."""
    doc, joins = root.doc, []
    conjs = [c for c in root.conjuncts if c.pos_ in ("VERB", "AUX")]
    if len(conjs) > 1:  # "..., but these signs aren't specific and usually don't occur ...": one more clause, two verbs
        conjs = [c for c in conjs if any(s.dep_ in SUBJECTS for s in c.children)] or conjs
    for verb in conjs:
        joiner = _joiner_before(verb)
        if joiner is None or not _may_stand_alone(root, verb, joiner):
            return []
        joins.append(({t.i for t in verb.subtree}, joiner))
    reported = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.i > root.i]
    # "Some evidence suggests that A, but it is not clear whether B": the parser hangs the "but" clause on the
    # reported one; a contrast answers the whole sentence, so it may stand alone ("and" would lose who says it).
    for verb in (v for r in reported for v in r.conjuncts if v.pos_ in ("VERB", "AUX")):
        joiner = _joiner_before(verb)
        if joiner is not None and joiner.lower_ in ("but", "yet") and any(c.dep_ in SUBJECTS for c in verb.children):
            joins.append(({t.i for t in verb.subtree}, joiner))
    # "A, although B" (also when the parser hangs it on a reported clause: "Studies suggest A, although B")
    heads = {root.i} | {c.i for c in reported}
    for verb in doc:
        mark = next((m for m in verb.children if m.dep_ == "mark" and m.lower_ in ("although", "though", "whereas")), None)
        if verb.dep_ == "advcl" and verb.head.i in heads and verb.i > verb.head.i and mark is not None:
            joins.append(({t.i for t in verb.subtree}, mark) if mark.i == verb.left_edge.i else (set(), mark))
    # "Flu shots are made without live virus, so they cannot cause flu": the parser makes the first clause a
    # reported one (ccomp) before the main verb, and hangs "so" on the main verb.
    for part in (c for c in root.children if c.dep_ == "ccomp" and c.i < root.i):
        after = part.right_edge.i + 1
        if after + 1 < root.i and doc[after].text == "," and doc[after + 1].lower_ in ("so", "but") \
                and doc[after + 1].head.i == root.i and any(s.dep_ in SUBJECTS for s in part.children):
            joins.append(({t.i for t in root.subtree} - {t.i for t in part.subtree}, doc[after + 1]))
    return joins


def _joiner_before(verb):
    """Return the 'and'/'but'/'so' that starts a conjoined clause, or None."""
    doc, edge = verb.doc, verb.left_edge
    if edge.lower_ == "so" and edge.dep_ == "advmod":
        return edge  # "..., so drink plenty of fluids"
    if edge.i and doc[edge.i - 1].lower_ in JOINERS and doc[edge.i - 1].dep_ == "cc":
        return doc[edge.i - 1]  # "..., and it may be covered" (the parser may hang the "and" on any word)
    return None


def _may_stand_alone(root, verb, joiner) -> bool:
    """Tell whether a conjoined clause says a whole thing by itself: its own subject, or both halves instructions."""
    doc = root.doc
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < root.i and c.right_edge.i + 1 < root.i
           and doc[c.right_edge.i + 1].text == "," and any(s.dep_ in SUBJECTS for s in c.children) for c in root.children) \
            and not _leading_clauses(root):
        return False  # a list of clauses the parser hangs on a verb that reports them ("..., experts say, and ...")
    if any(c.dep_ in SUBJECTS and c.lower_ in ("which", "who", "that", "whom") for c in verb.children):
        return False  # "..., and which may look like ...": a second aside on a noun, not a clause of its own
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return True
    if joiner.lower_ == "so" and _instruction(verb) and any(c.dep_ in SUBJECTS for c in root.children) \
            and not _pronoun_may_stray(root, verb, joiner):
        return True  # "The drug can make you drowsy, so do not drive": a fact, then what to do about it
    if not (_instruction(root) and _instruction(verb)):
        return False  # "It is rare and can be treated": one subject, said once (the shared-subject rule's job)
    # "Remove rugs, install bars, and keep a light on": one list; "Stop it, and call if ...": the "if" may hold for both
    return "," not in doc[:joiner.i - 1].text and not any(t.lower_ in _CONDITIONS for t in verb.subtree)


def _pronoun_may_stray(root, verb, joiner) -> bool:
    """Tell whether an "it"/"them" in the second clause could mean more than the first clause's subject once the two
    are apart ("Prednisone may raise blood sugar. So check it ...": the sugar, or the prednisone?)."""
    doc = root.doc
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    own = {t.i for t in subject.subtree} if subject is not None else set()
    nouns = [t for t in doc[:joiner.i] if t.pos_ in ("NOUN", "PROPN") and t.i not in own]
    for t in verb.subtree:
        if t.lower_ in ("it", "its") and any(n.tag_ in ("NN", "NNP") for n in nouns):
            return True
        if t.lower_ in ("they", "them", "their") and any(n.tag_ in ("NNS", "NNPS") for n in nouns):
            return True
    return False


_REPORTING = {"say", "think", "believe", "report", "suggest", "note", "add", "explain", "warn", "agree", "find", "show",
              "know", "feel", "hope", "mean", "seem", "guess", "tell", "write", "claim", "argue", "state", "recommend"}


def _leading_clauses(root) -> list:
    """Return the clauses listed before the main one, each with its own subject and a comma after it ("Your heart
    may beat faster, your breathing may get shallow, and you might ..."), or [] when the list is not that plain."""
    doc = root.doc
    before = [c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.i < root.i]
    if not before or root.lemma_ in _REPORTING or not any(c.dep_ in SUBJECTS for c in root.children):
        return []  # "It is not a cure, experts say": the clause is what they say, not a claim beside it
    begin = 0
    for clause in sorted(before, key=lambda c: c.i):
        end = clause.right_edge.i + 1
        if clause.left_edge.i != begin or end >= root.i or doc[end].text != "," \
                or not any(c.dep_ in SUBJECTS for c in clause.children) or clause.pos_ not in ("VERB", "AUX") \
                or any(t.lower_ in _CONDITIONS | {"because", "since", "as", "although", "though"} for t in clause.subtree):
            return []
        begin = end + 1
    subject = next(c for c in root.children if c.dep_ in SUBJECTS)
    return sorted(before, key=lambda c: c.i) if subject.left_edge.i == begin else []


# One-word openers that link to the sentence before and limit nothing.
_LINKS = {"however", "also", "still", "therefore", "so", "then", "now", "but", "and", "first", "next", "finally", "overall"}


def _fronted_scope(root) -> bool:
    """Tell whether a phrase before the subject, set off by a comma, may limit every clause that follows
    ("In children, ...", "After surgery, ...", "Since 2023, ..."): a split would say it with the first clause only."""
    doc = root.doc
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), root)
    for child in root.children:
        if child.i >= subject.i or child.dep_ in SUBJECTS | {"aux", "auxpass", "neg", "punct", "cc", "mark"}:
            continue
        if child.dep_ in ("ccomp", "parataxis") and any(c.dep_ in SUBJECTS for c in child.children):
            continue  # a clause of its own the parser hung before the main verb ("A, so B"): a join, not a scope
        if child.right_edge.i + 1 < len(doc) and doc[child.right_edge.i + 1].text == "," and not (
                child.left_edge.i == child.right_edge.i and child.lower_ in _LINKS):
            return True
    return False


def _finite(verb) -> bool:
    """Tell whether a verb is finite: a tense of its own ("give", "gives", "gave") or a helping verb before it."""
    return verb.tag_ in ("VBZ", "VBP", "VBD") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBZ", "VBP", "VBD")
                                                    for c in verb.children)


def _instruction(verb) -> bool:
    """Tell whether a verb is an instruction's: its base form, with no subject and no modal."""
    return verb.tag_ == "VB" and not any(c.dep_ in SUBJECTS or c.tag_ == "MD" for c in verb.children)


def _last_word(doc):
    """Return the sentence's last token that is not punctuation."""
    return next(t for t in reversed(doc) if not t.is_punct)


def _inside_subordinate(token, root, contrast: bool = False, pronoun: bool = False, own_clause: bool = False) -> bool:
    """Tell whether a token belongs to a clause under the main one (a condition, a 'who ...', a 'that ...').

    After a contrast ("Research suggests it may help, but ...") a reported clause ('that ...') may end the first part:
    the "but" answers the whole of it. After "and" it may not: "Studies show A, and B" would lose who says B.
    A "who ..." may end the first part when the second starts with its own pronoun subject ("someone who is
    not having an overdose, and it does not work ..."), not with a noun that could carry the "who" on.
    """
    while token.i != root.i and token.head.i != token.i:
        allowed = contrast and token.dep_ in ("ccomp", "xcomp") or pronoun and token.dep_ == "relcl" \
            or own_clause and token.dep_ in ("xcomp", "acl")
        if token.dep_ in _SUBORDINATE and token.pos_ in ("VERB", "AUX") and not allowed:
            return True
        token = token.head
    return False


# A reason or a concession said first: "Because A, B" is "A. So B."; "Although A, B" is "A. But B.".
LEADING_MARKS = {"because": "So", "although": "But", "though": "But", "even though": "But"}
# Words that point at something said elsewhere: said in another order, or after a full stop, they may point elsewhere.
POINTING = frozenset({"it", "its", "they", "them", "their", "he", "she", "his", "her", "him", "this", "that", "these",
                      "those"})


def points_elsewhere(tokens) -> bool:
    """Tell whether parsed words hold a pronoun or a "this"/"that" pointing at something (not a "that" opening a
    clause: "studies show that ...", "static that makes ...")."""
    return any(t.lower_ in POINTING and t.tag_ != "WDT" and t.dep_ != "mark" for t in tokens)


def leading_reason(text: str) -> tuple[str, str, str] | None:
    """Return (clause, joiner, main clause) when the sentence opens with a whole 'Because/Although A,' clause
    that the parse hangs on the main verb, else None."""
    doc = parse(text)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    root, opening = roots[0], " ".join(t.lower_ for t in doc[:2])
    mark = doc[1] if opening == "even though" else doc[0]
    joiner = LEADING_MARKS.get(opening if mark.i == 1 else mark.lower_)
    verb = mark.head
    if joiner is None or mark.dep_ != "mark" or verb.dep_ != "advcl" or verb.head.i != root.i:
        return None
    end = verb.right_edge.i + 1  # the comma after the clause
    if verb.left_edge.i != 0 or end >= len(doc) or doc[end].text != "," or root.i < end:
        return None
    if not any(c.dep_ in SUBJECTS for c in verb.children) or not _finite(verb):
        return None  # "Although rare, ...": no clause of its own
    clause = doc[mark.i + 1:end]
    if any(t.lower_ in _CONDITIONS | set(LEADING_MARKS) and t.dep_ == "mark" and t.head.i == verb.i for t in clause):
        return None  # "Because A, and because B, ...": two reasons, one main clause
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    main = doc[end + 1:]
    if subject is None and not _instruction(root) or points_elsewhere(clause) and (
            subject is None or subject.lower_ not in POINTING | {"you", "we", "i"}):
        # "Although it is rare, the rash can be serious": the "it" points ahead to the rash, which a full stop
        # after "rare" would turn back to the sentence before.
        return None
    if main[0].pos_ in ("CCONJ", "PUNCT") or main[0].tag_ == "VBG" or main[0].pos_ == "ADV" and len(main) > 1 \
            and main[1].text == ",":
        return None  # "Because A, however, it is not clear ...": a "So" would clash with the word that links it
    if joiner == "So" and main[0].lower_ in DEGREE_WORDS:
        joiner = "As a result,"  # "So many people do not know" would read as "so many"
    return clause.text, joiner, main.text


def subject_of(text: str, head: bool = False) -> str:
    """Return the words of a sentence's subject (before its main verb), by the parse; `head`: only its main word,
    lower-cased ("naloxone" for "Naloxone, sold as Narcan,")."""
    doc = parse(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None) if root else None
    if subject is None:
        return ""
    if head:
        return subject.lemma_.lower() if subject.dep_ != "expl" else ""
    if subject.dep_ == "expl":  # "There is no cure for RSV": what the sentence is about follows the verb
        return doc[root.i:].text
    return doc[subject.left_edge.i:subject.right_edge.i + 1].text
