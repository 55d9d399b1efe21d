"""The summary a plain handout opens with: 3 to 5 key points (the source's own or its most repeated claims), words to know."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.grammar import has_verb, tells_what_to_do, verb_forms, words
from handouts.language.lexicon import find_terms, protected_names, uncap
from handouts.language.meaning_guard import protected
from handouts.language.clause_parse import subject_of
from handouts.language.parse import KEPT, parse, parse_all
from handouts.model import Handout, Sentence, Term, lead_ins
from handouts.plain.merging import DEFINITION, HEDGE_WORDS, IN_THIS, STOP_WORDS, content_words
from handouts.plain.rules.lists import LIST_RULE, lists_conditions
from handouts.plain.rules.base import cap
from handouts.plain.verify import instruction, whole
from handouts.read.sources import SUMMARY_BOX

KEY_POINTS = (2, 5)  # fewer than 2 points that stand alone: no box (a box of fragments is worse)
_DESCRIPTIONS_UP_TO = 3  # descriptions join the box only while it holds fewer points than this
KEY_POINTS_FROM = 10  # a handout shorter than this many sentences is its own summary
KEY_POINT_MAX_WORDS = 15  # an instruction may take 5 more: "Do not stop ... without ..." must stay whole
URGENT_MAX_WORDS = 40  # a handout's only safety instruction goes in the box whole, however long (up to this)


def pick_key_points(handout: Handout) -> list[Sentence]:
    """Pick 3 to 5 short plain sentences that sum up the handout: the claims the source repeated most."""
    if len(handout.sentences) < KEY_POINTS_FROM:
        return []
    if len(handout.sentences) <= KEPT:  # each is asked whether it is whole and says what to do: one batch parse
        parse_all([s.text for s in handout.sentences])
    # "The usual dose is 50 mg. But your doctor may start you on 25 mg.": the first is half a point.
    # A step or a bullet out of its list is no point of its own.
    listed = {id(x) for sec in handout.sections for blk in sec.blocks if blk.is_list for x in blk.sentences}
    # "You have been prescribed oxycodone 5 mg. But you should not take more than 6 tablets in 24 hours.":
    # a "But" cut from the same source sentence always limits the piece before it.
    qualified = set()
    with_call: dict[int, Sentence] = {}  # a piece, said with the call to act cut from the same source sentence
    for sec in handout.sections:
        for blk in sec.blocks:
            ss = blk.sentences
            pieces: dict[str, list[int]] = {}  # a source sentence -> where its pieces are in the block
            for j, b in enumerate(ss):
                for src in b.sources:
                    pieces.setdefault(src, []).append(j)
            for i, a in enumerate(ss):
                # Only the later pieces of its own source sentences: a long paragraph is not compared pair by pair.
                later = sorted({j for src in a.sources for j in pieces[src] if j > i})
                # ("Although A, B" said "A. But B.": A is the concession, the point is B. "It may turn your urine
                # brown; this is harmless": the second half says what the first means to the reader.)
                if i + 1 < len(ss) and ss[i + 1].sources == a.sources and (
                        _COMMENT.match(ss[i + 1].text) and len(ss[i + 1].text.split()) <= 10 or IN_THIS.match(ss[i + 1].text)):
                    qualified.add(id(a))
                call = next((ss[j] for j in later if _EMERGENCY.search(ss[j].text) and tells_what_to_do(ss[j].text)), None)
                if call is not None:
                    # "Do not wait for a callback if you have vomiting ...; call 911 or go to the nearest emergency
                    # department": the piece before the call to act is half the point; with the call it is whole.
                    qualified.add(id(a))
                    if tells_what_to_do(a.text) and len(f"{a.text} {call.text}".split()) <= URGENT_MAX_WORDS:
                        with_call[id(a)] = Sentence(f"{a.text} {call.text}", list(a.sources), list(a.rules), origin=a.origin)
                if i + 1 < len(ss) and _qualifies(ss[i + 1].text, a.text) or any(
                        _limits(ss[j].text, a.text) for j in later) or "split_leading_reason" in a.rules and any(
                        ss[j].text.startswith("But ") for j in later):
                    qualified.add(id(a))
    # "Your body loses water through sweat. In hot weather it may lose 1.5 liters an hour.": a piece that says
    # "it" after a piece of the same source sentence points back to it.
    # "It should not be forced. You should not blow hard.": when a sentence's first piece says "It", its
    # other pieces are about that unnamed thing too, unless they name what they are about ("... naloxone").
    # "Can't come in person? Join by video link.": the answer to a question holds under it (alone: "Join by video")
    pointing = {id(b) for sec in handout.sections for blk in sec.blocks for a, b in zip(blk.sentences, blk.sentences[1:])
                if a.text.endswith("?")} | {
                id(b) for sec in handout.sections for blk in sec.blocks for a, b in zip(blk.sentences, blk.sentences[1:])
                if a.sources == b.sources and (rx.search(r"\b(?:it|its|they|them|their)\b", b.text, re.I)
                                               or rx.match(r"(?:It|This|They|These)\b", a.text)
                                               and not (protected(b.text).names or protected(b.text).numbers))}
    # "If you have been told your potassium is 6.5 mmol/L or higher, ..., do not wait ..." / "Call 999 ... now.": the
    # "now" (or "then") is when the sentence before's condition holds; alone, it told every reader to call 999
    pointing |= {id(b) for sec in handout.sections for blk in sec.blocks for a, b in zip(blk.sentences, blk.sentences[1:])
                 if rx.match(r"(?:[A-Z][A-Za-z ]{1,20}:\s+)?(?:If|When|Unless)\b", a.text)
                 and not rx.search(r"\b(?:if|when|unless)\b", b.text, re.I)
                 and (rx.search(r"\b(?:now|then|right away|immediately|straight away|at once)\b", b.text, re.I)
                      # ("IMPORTANT: If your breathing gets worse, ..., your asthma may not be well controlled." / "See
                      # your doctor or nurse soon.": a short step after a condition is what to do then)
                      or len(b.text.split()) <= 8 and tells_what_to_do(b.text) and not protected(b.text).names
                      and not rx.search(r"\b(?:during|within|until|before|after|while)\b", b.text))}
    # "If you are pregnant, don't stop lithium; talk to your doctor": the "if" holds for every piece.
    first_piece: dict[tuple, Sentence] = {}
    for x in handout.sentences:
        first_piece.setdefault(tuple(x.sources), x)
    # (and "Do not wait for a callback if you have vomiting ...; call 911": the call holds under that "if" too)
    # ("Give albuterol 6 to 8 puffs now ...; if your child is getting worse, call 911" under "Red zone": the second
    # piece holds after the first, in that zone; alone, it would say to call 911 for any worsening)
    zoned = {id(x) for sec in handout.sections if rx.search(r"\bzone\b", sec.heading, re.I) for x in sec.sentences}
    conditional = {id(x) for x in handout.sentences if first_piece[tuple(x.sources)] is not x and id(x) in zoned} | {
        id(x) for x in handout.sentences if first_piece[tuple(x.sources)] is not x
                   and (rx.match(r"(?:If|When|Unless|While|Before|After)\b", first_piece[tuple(x.sources)].text)
                        or rx.search(r"\b(?:if|unless)\b", first_piece[tuple(x.sources)].text)
                        and not rx.search(r"\b(?:if|when|unless)\b", x.text, re.I))}
    # "Do not give more than 4 doses in 24 hours." under "Ibuprofen": a limit that names no medicine is
    # ambiguous in a handout about several.
    # (A leaflet whose title names its one medicine, "Amoxicillin 125 mg/5 ml ...", means that one by "this medicine".)
    one_medicine = len(protected(handout.meta.title).names) == 1
    several = len({n for x in handout.sentences for n in protected(x.text).names}) > 1 and not one_medicine
    # "Self-care at home only if ...", "Red zone": a step under a heading that sets a condition holds only there.
    # ("Do not go into a waiting room if you think you may have measles" says its own condition: it may go; "...
    # do not take aspirin unless the dispatcher tells you to" says only when not to take aspirin.)
    # ("Do not take a double dose to make up for a forgotten dose." under "If you forget to take ...", "Do not stop
    # without talking to your doctor" under "If you stop taking ...": a step that says the heading's condition again)
    under_condition = {id(x) for sec in handout.sections if _CONDITIONAL_HEADING.search(sec.heading)
                       for x in sec.sentences if not rx.search(r"^(?:If|When)\b|\b(?<!even )(?:if|when) you\b", x.text)
                       and not _echoes_condition(sec.heading, x.text)}
    # "If you use more than you should" on a line of its own over "Contact your doctor ... right away, even if you feel
    # well.": a bare condition heads the text after it, as a heading would
    for sec in handout.sections:
        bare = False
        for blk in sec.blocks:
            if bare:
                under_condition |= {id(x) for x in blk.sentences if not rx.match(r"(?:If|When)\b", x.text)}
            if len(blk.sentences) == 1 and rx.match(r"(?:If|When|Unless)\b[^,.;:!?]*$", blk.sentences[0].text):
                bare = True
        # ("Fever after immunisation (babies 2 to 3 months old):" over "... Do not give more than 2 doses in 24 hours.":
        # a label naming a case or a group heads the paragraph under it; alone, the limit was for all)
        for blk, after in zip(sec.blocks, sec.blocks[1:]):
            if len(blk.sentences) == 1 and not blk.is_list and not after.is_list and blk.sentences[0].text.endswith(":") \
                    and rx.match(r"[A-Z][\w'-]*(?: [\w'-]+){0,2}(?: \(|$)", blk.sentences[0].text[:-1]) \
                    and not has_verb(blk.sentences[0].text[:-1]) and _CASE_LABEL.search(blk.sentences[0].text):
                under_condition |= {id(x) for x in after.sentences}
    # "FIRST AID IF IT HAPPENS AGAIN: cool the burn ... Never use ice, butter, toothpaste or creams.": a paragraph led by
    # a label that sets a condition holds only then (alone, "never use creams" forbade the healed skin's moisturiser)
    under_condition |= {id(x) for sec in handout.sections for blk in sec.blocks if blk.sentences
                        and rx.match(r"(?!(?:GET|CALL|SEEK|GO|STOP|DO|TELL|CONTACT|SEE|RETURN|PHONE|RING|TAKE|USE|AVOID)\b)"
                                     r"[A-Z][A-Z ,'’-]{2,60}\b(?:IF|WHEN|UNLESS|IN CASE)\b[A-Z ,'’-]*:\s",
                                     (blk.sentences[0].sources or [blk.sentences[0].text])[0])
                        for x in blk.sentences}
    # "Do not raise the elbow ... above shoulder height." under "Arm movement - first 4 to 6 weeks": a rule for a time
    # the heading sets; alone in the box it would read as a rule for life (not one that says its own time).
    under_condition |= {id(x) for sec in handout.sections if _TIME_LIMITED.search(sec.heading)
                        for x in sec.sentences if not _TIME_SPAN.search(x.text)}
    # "If none of the above applies, and breathing is only mildly affected, ...": the section's first sentence sets
    # when all of it holds, and the sections after it (its subsections, "Using an inhaler"; a triage sheet goes from
    # the most urgent to the least); away from it, even "call back if it gets worse" would read as the rule for all.
    scoped = next((n for n, sec in enumerate(handout.sections) if sec.sentences and _SCOPE.match(sec.sentences[0].text)),
                  len(handout.sections))
    under_condition |= {id(x) for sec in handout.sections[scoped:] for x in sec.sentences}
    # "Home care may be appropriate when the reaction is limited to the skin ...": the section holds only then.
    under_condition |= {id(x) for sec in handout.sections if sec.sentences and _SECTION_SCOPE.search(sec.sentences[0].text)
                        for x in sec.sentences}
    # "Wash your hands ... entering and leaving the room" under "Advice for visitors"; "wear disposable gloves ..."
    # under "Staff should:": said to someone else; in the box, the reader would take it as said to them.
    under_condition |= {id(x) for sec in handout.sections if _FOR_OTHERS.search(sec.heading) for x in sec.sentences}
    under_condition |= {id(x) for sec in handout.sections for blk, lead_in in zip(sec.blocks, lead_ins(sec.blocks, sec.heading))
                        if blk.is_list and _FOR_OTHERS.search(lead_in) for x in blk.sentences}
    topic = topic_words(handout.meta.title)
    # "Do not use Salventra" over "- if you are allergic to ...": a lead-in, no point of its own
    leaning_in = {id(before.sentences[-1]) for sec in handout.sections for before, blk in zip(sec.blocks, sec.blocks[1:])
                  if before.sentences and _leads_into_conditions(before.sentences[-1], blk)}
    leaning = leaning_back(handout, topic) | leaning_in
    # "Some studies suggest that IF may help ...": an abbreviation the body spells out elsewhere ("(IF)").
    spelled = {m.group(1) for s in handout.sentences for m in rx.finditer(r"\(([A-Z]{2,6})\)", s.text)} \
        - set(rx.findall(r"\b[A-Z]{2,6}\b", handout.meta.title))  # "RSV" in a handout titled "... (RSV) ..." is known
    leaning |= {id(s) for s in handout.sentences
                if any(rx.search(rf"\b{a}\b", s.text) and f"({a})" not in s.text for a in spelled)}
    # "Have diabetes with complications" under "You are at higher risk if you:": a condition, not a step.
    condition_items = set()
    for sec in handout.sections:
        for blk, lead_in in zip(sec.blocks, lead_ins(sec.blocks, sec.heading)):
            # A step of a numbered list is a step of its procedure ("Remove the cap and shake the inhaler well" is
            # for the spacer, not for every inhaler; "Pull upward with steady pressure" pulls the tick of step 1).
            # ("Do not:" / "Drive ... for 24 hours": an item under a lead-in that says "not" means its opposite alone)
            if blk.is_list and (lists_conditions(sec.heading, lead_in) or _TIMED.search(lead_in)
                                or lead_in.startswith("Each line gives") or _NEGATING.search(lead_in)
                                # ("It may be used to:" / "Treat high blood pressure ...": the item finishes the
                                # lead-in's sentence; alone it reads as an order)
                                or rx.search(r"\bto:\s*$", lead_in)
                                # ("A GP may:" / "Refer you to a dermatologist ...": the item finishes the lead-in's "may")
                                or rx.search(r"\b(?:may|might|can|could|will|would|should|must)(?: also)?:\s*$", lead_in, re.I)) \
                    or blk.kind == "numbered" \
                    or blk.is_list and _HOW_TO.match(sec.heading):  # (a table's row, "Tea or coffee: effect ...; wait 1 to 2 hours", is no point)
                # ("How should I collect the sample?" over "Wash your hands ...; do not use lubricants ...": the steps
                # of that one job; in the box, "Do not use lubricants" would be said of everything)
                condition_items |= {id(x) for x in blk.sentences}
    # An item of a list set in under another item ("Avoid tampons for 48 hours" under "Small biopsies might be
    # taken") holds only for that item; "The virus is found in saliva": which of the viruses the text names?
    condition_items |= {id(x) for sec in handout.sections for blk in sec.blocks if blk.level for x in blk.sentences}
    # "Constipation, nausea and dark stools are common but not usually dangerous." under "What side effects should I
    # expect?": an answer that names nothing its question asks about says it only under the question.
    # ("Q4. Which drops have I been given?" / "Check your prescription label.", "How much chia should you eat?" / "Start
    # low and go slow.": a short answer that says what to do leans on its question as much)
    leaning |= {id(x) for sec in handout.sections
                if rx.match(r"(?:Q?\d{1,2}[.:)]?\s+)?(?:What|Which|How (?:much|many|long|often|soon)) .*\?$", sec.heading, re.I)
                for x in sec.sentences if (not _says_what_to_do(x.text) or len(x.text.split()) <= 6
                                           and _urgency(x.text) != _EMERGENCY_CALL)
                and not content_words(x.text) & (content_words(sec.heading) | topic)}
    headed = topic.union(*(content_words(sec.heading) for sec in handout.sections))
    leaning |= {id(s) for s in handout.sentences if (m := _GENERIC_SUBJECT.match(s.text))
                and not content_words(m.group(1)) & headed}  # "The vaccine ..." under "Flu vaccine consent": that one
    # A note said with the item it was set in under ("Small biopsies might be taken. ... Avoid tampons for 48 hours."):
    # it holds for that item.
    leaning |= {id(x) for sec in handout.sections for blk in sec.blocks if blk.is_list for item in blk.items
                for x in item[1:] if x.sources != item[0].sources}
    # A part of a form's ticked statement ("[ ] INCOMPLETE TREATMENT - ... come back, and a further treatment may be
    # needed."): "A further treatment may be needed." says of what only with its statement
    leaning |= {id(x) for x in handout.sentences if any(rx.match(r"\s*\[[ xX]?\]", t) for t in x.sources)}
    # ... and every sentence after it in its item or paragraph ("[ ] You have been prescribed: ____. ... Finish the
    # course unless ..."): it holds only if that box is ticked
    leaning |= {id(x) for sec in handout.sections for blk in sec.blocks for item in blk.items
                if item and any(rx.match(r"\s*\[[ xX]?\]", t) for t in item[0].sources) for x in item}
    # "3.2 If you are not sure whether you have had chickenpox, ..." / "3.3 A blood test ... will be arranged.": a
    # section's numbered points follow on, and the one after a condition holds under it
    for sec in handout.sections:
        point: list[Sentence] = []  # the sentences of the numbered point before, from its number on
        for b in sec.sentences:
            if _SUBSECTION.match(b.text):
                if point and any(rx.search(r"\b(?:if|unless|only|when)\b", a.text, re.I) for a in point):
                    leaning.add(id(b))
                point = [b]
            elif point:
                point.append(b)
    # "Take the whole course, even if you feel well." (of what?): the medicine is named neither there nor in the title
    title_names = set(protected(handout.meta.title).names)
    leaning |= {id(s) for s in handout.sentences if _WHOLE_COURSE.search(s.text) and not protected(s.text).names
                and not title_names and not rx.search(r"\b(?:antibiotics?|medicines?|tablets|capsules)\b", handout.meta.title, re.I)}
    candidates, from_lists, long_urgent = [], [], []
    # "Antibiotics, which can shorten illness ..., are usually reserved for ...": the aside split off after its main
    # sentence is background; in the box, alone, it would say the opposite of the point (take them).
    asides = {id(x) for x in handout.sentences if "split_which_clause" in x.rules and first_piece[tuple(x.sources)] is not x
              and rx.search(r"\b(?:only|reserved|not|never|unless|except|rarely|usually)\b", first_piece[tuple(x.sources)].text)}
    # (only where the main sentence limits it: "Fentanyl, which is up to 50 times stronger than heroin, ..." may)
    for pos, s in enumerate(handout.sentences):
        if id(s) in asides:
            continue
        if id(s) in with_call and id(s) not in listed and id(s) not in under_condition and id(s) not in conditional \
                and id(s) not in pointing and _names_its_topic(with_call[id(s)].text, topic, True):
            long_urgent.append((False, _urgency(with_call[id(s)].text), -len(s.sources), pos, with_call[id(s)]))
        if id(s) in qualified or id(s) in pointing or id(s) in conditional or id(s) in under_condition \
                or id(s) in leaning or not _names_its_topic(s.text, topic, first_piece[tuple(s.sources)] is not s):
            continue
        if several and (_DOSE.search(s.text) or _MEDICINE.search(s.text)) and not protected(s.text).names:
            continue  # "Do not double the dose ...", "Return unused tablets ...": which medicine's?
        if rx.match(r"^(?:[A-Z][\w-]*)(?: [\w-]+){0,2} (?:also )?includes? ", s.text) and len(s.rules) > 0 \
                or "split_such_as" in s.rules and rx.search(r"\binclude", s.text):
            continue  # "Sleeping pills include zolpidem and diphenhydramine.": examples split off are detail
        if not _stands_alone(s, medicine_named=one_medicine):
            if _says_what_to_do(s.text) and _urgent(s.text) and _stands_alone(s, URGENT_MAX_WORDS, one_medicine):
                # "Call 911 or go to the nearest emergency department if you ... or ...": long, but the one
                # thing a reader must not miss; said whole, never cut.
                long_urgent.append((False, _urgency(s.text), -len(s.sources), pos, s))
            continue
        # What to do comes first (the issue of actions over descriptions; CDC Clear Communication Index),
        # and among things to do, what keeps the reader safe ("Call 911 ...", "Never ...", "Do not ...");
        # then what the source repeated most.
        rank = (not _says_what_to_do(s.text), _urgency(s.text), -len(s.sources), pos, s)
        if id(s) not in listed:
            candidates.append(rank)
        elif instruction(s.text) and id(s) not in condition_items:
            from_lists.append(rank)  # a step that is a whole instruction, for a handout made only of lists
    long_urgent += [(False, _urgency(x.text), 0, pos, x) for pos, x in _warnings_led_in(handout, under_condition, one_medicine)]
    if len(candidates) < KEY_POINTS[0]:
        # A handout made only of lists: its whole steps, its calls to act said with their signs ("Call the clinic if
        # bleeding does not stop ..."), its steps said with their times ("For the first 24 hours, do not rinse ...").
        # (and the long safety instructions said in a sentence: "If you suddenly become short of breath, ..., call 911.")
        candidates += from_lists + long_urgent + _steps_with_their_time(handout, under_condition | leaning | pointing)
    elif sum(not c[0] for c in candidates) < _DESCRIPTIONS_UP_TO:
        # ("Do not take Clarithromycin Tablets if you are allergic to ...", said from its lead-in and first item: with
        # few things to do said in a sentence, the safety instructions said whole join them before any description)
        candidates += [c for c in long_urgent if c[1] < _NOT_URGENT]
    ranked = sorted(candidates, key=lambda c: c[:4])
    # Actions fill the box; a description only makes up the fewest a box should hold ("The active substance is
    # mesalazine." beside three things to do is no key point: the issue's action first, and CDC's Clear Communication
    # Index).
    # (A text that says nothing to do, an article that only explains, is summed up by what it says.)
    actions = [c for c in ranked if not c[0]][: KEY_POINTS[1]]
    room = (_DESCRIPTIONS_UP_TO if actions else KEY_POINTS[1]) - len(actions)
    chosen = actions + [c for c in ranked if c[0]][: max(0, room)]
    # A handout with a safety instruction puts one in the box (a step of a list, if none is said elsewhere); a call
    # for help in an emergency before a "do not" ("Call 911 right away if your child has stridor ..." over "Do not give
    # ibuprofen to babies under 6 months"), however long.
    urgent = [c for c in ranked if c[1] < _NOT_URGENT] or sorted((c for c in from_lists if c[1] < _NOT_URGENT),
                                                                 key=lambda c: c[:4])[:1]
    emergency = sorted((c for c in long_urgent if c[1] == _EMERGENCY_CALL), key=lambda c: c[:4])
    if emergency and (not urgent or urgent[0][1] > _EMERGENCY_CALL):
        urgent = emergency[:1]
    urgent = urgent or sorted(long_urgent, key=lambda c: c[:4])[:1]
    if urgent and (min((c[1] for c in chosen), default=_NOT_URGENT) > urgent[0][1] or not any(c in chosen for c in urgent)):
        if len(chosen) < KEY_POINTS[1]:
            chosen.append(urgent[0])  # where the box has room, the safety instruction joins the points
        else:
            chosen[-1] = urgent[0]
    # Say what is not known too (CDC Clear Communication Index): keep a "more research" point.
    unknown = [c for c in ranked if "more research needed" in protected(c[-1].text).hedges]
    if unknown and len(chosen) == KEY_POINTS[1] and not any(c in chosen for c in unknown):
        chosen[-2 if urgent and chosen[-1] is urgent[0] else -1] = unknown[0]
    if len(chosen) < KEY_POINTS[0] and not (urgent and urgent[0] in chosen):
        return []  # one safety instruction is a box of its own; one description is not
    # ("Step 5 - Attend your follow-up appointments.": a step's number means nothing out of its steps)
    # ("Wear loose, cotton clothing": a list's item, said in the box as a sentence, with its full stop)
    return [Sentence(rx.sub(r"(?<=[\w)])$", ".", _STEP_MARK.sub("", s.text)), list(s.sources), list(s.rules) + ["key_point"],
                     origin=s.origin) for *_, s in sorted(chosen, key=lambda c: c[3])]


def _named_sign(item: str) -> str:
    """Return a warning sign by its name where the item names it before its colon ("An allergic reaction: swelling of
    the face, ..." -> "An allergic reaction"), else the item."""
    m = rx.match(r"((?:An?|The) [\w -]{2,40}?):\s+\S", item)
    return m.group(1) if m and len(m.group(1).split()) <= 5 else item


def _leads_into_conditions(lead: Sentence, blk) -> bool:
    """Tell whether a sentence with no colon leads into a list of conditions ("Do not use Salventra" / "- if you are
    allergic to salbutamol ..."): alone, it said the opposite of the leaflet (never use it)."""
    return blk.is_list and not lead.text.endswith(":") and bool(blk.items) and all(
        item and rx.match(r"(?i)(?:if|unless|when|while)\b", item[0].text) for item in blk.items)


def _warnings_led_in(handout: Handout, under_condition: set[int], medicine_named: bool = False) -> list[tuple[int, Sentence]]:
    """Return, for each list of warning signs led in by a call to act ("Return to the Children's Emergency Department,
    or call 111, if:" / "your child has a temperature of 38C or above;" / ...), that call said with its first sign, and
    where it stands: any one sign is enough to act on, so the call holds for the first (for a sheet whose only safety
    instruction is such a list: in the box, the lead-in alone would lead into nothing)."""
    out = []
    for sec in handout.sections:
        for before, blk in zip(sec.blocks, sec.blocks[1:]):
            if not blk.is_list or blk.level or not before.sentences or not blk.items or not blk.items[0]:
                continue
            lead, sign = before.sentences[-1], blk.items[0][0]
            # ("Warning signs - call 999 or return to ... if:": the box's label goes, the call is the sentence)
            called = cap(rx.sub(r"^[A-Z][\w ]{2,30}?\s+[-–—:]\s+(?=[a-z])", "", lead.text))
            bare_if = _leads_into_conditions(lead, blk)
            if bare_if:
                called = rx.sub(r"[.:]?$", " if:", called)  # "Do not use Salventra" / "- if you are allergic to ...": the same
            if not rx.search(r"\bif(?: you(?: have| notice| develop| get)?| your (?:child|baby)(?: has| is| develops)?)?:$",
                             called) or id(lead) in under_condition or not (_urgent(called) or _CALL.match(called)) \
                    or not _says_what_to_do(called) or len(blk.items[0]) > 1:
                continue
            # ("An allergic reaction: swelling of the face, lips or throat, ...": the sign's name says it)
            signs = [uncap(rx.sub(r"(?:[;,.]|,? (?:or|and))$", "", rx.sub(r"^(?i:if)\s+" if bare_if else "^$", "",
                                                                         _named_sign(i[0].text.strip()))))
                     for i in blk.items if len(i) == 1]
            # (all the signs of a short list where they fit: "Do not use wart treatments ... if you have diabetes or poor
            # circulation" had left out "or your feet have reduced feeling"; else the first, enough to act on)
            last = ", or " if any(" or " in x for x in signs) else " or "  # ("... or poor circulation, or your feet ...")
            for said in ([", ".join(signs[:-1]) + f"{last}{signs[-1]}"] if 2 <= len(signs) == len(blk.items) <= 3 else []) + signs[:1]:
                # ("if you have:" / "A sudden, severe headache ...": "if you have a sudden ...")
                signed = [i[0] for i in blk.items[:len(signs)]] if said != signs[0] else [sign]
                point = Sentence(f"{called[:-1].rstrip()} {said}.", [*lead.sources, *(x for i in signed for x in i.sources)],
                                 [r for r in (*lead.rules, *(x for i in signed for x in i.rules)) if r != LIST_RULE],
                                 origin=lead.origin)
                # ("reaches its worst ...": whose, alone? "any BE FAST sign appears, even if it goes away": the sign's)
                # ("Contact us straight away ... if:" / "abdominal pain that is getting worse": after a bare "if" the sign
                # must be a clause, "if abdominal pain that ..." is none)
                # (a relative clause's verb is not the sign's: the tagger takes "turn" in "lips turn blue" for a noun)
                bare = rx.search(r"\bif:$", called) and not has_verb(rx.sub(r"\s(?:that|which|who)\s.*$", "", said))
                if ":" not in said and not bare and _stands_alone(point, URGENT_MAX_WORDS, medicine_named) \
                        and not _unnamed_pronoun(said):
                    out.append((handout.sentences.index(lead) if lead in handout.sentences else 0, point))
                    break
    return out


def _steps_with_their_time(handout: Handout, leaning: set[int]) -> list[tuple]:
    """Return the steps of lists led in by a time or stage alone ("For the first 24 hours:" / "Do not rinse your mouth
    ..."), each said with it ("For the first 24 hours, do not rinse your mouth ..."), and where each stands; a step
    that says its own time ("Do not smoke for at least 48 hours.") is said as it is; ranked as Key points are. For a
    handout made only of lists, whose steps are otherwise held to their lead-ins ("do not rinse" is no rule for ever)."""
    out = []
    for sec in handout.sections:
        for blk, lead_in in zip(sec.blocks, lead_ins(sec.blocks, sec.heading)):
            when = rx.match(_TIME_LEAD_IN, lead_in.strip())
            if not blk.is_list or blk.level or not when or has_verb(when.group(1)):
                continue
            for item in blk.items:
                if len(item) != 1 or id(item[0]) in leaning or not instruction(item[0].text):
                    continue
                step = item[0]
                said = step.text if _TIME_SPAN.search(step.text) else f"{when.group(1)}, {uncap(step.text)}"
                point = Sentence(said, list(step.sources), [r for r in step.rules if r != LIST_RULE], origin=step.origin)
                # (the step is asked whether it stands alone: the parse takes "From the second day, rinse ..." for a
                # noun phrase; the time in front adds no word it could lean on)
                alone = Sentence(step.text, [], [])
                if _stands_alone(alone) and _names_its_topic(step.text, frozenset()) \
                        and len(said.split()) <= KEY_POINT_MAX_WORDS + 5:
                    pos = handout.sentences.index(step) if step in handout.sentences else 0
                    out.append((not _says_what_to_do(step.text), _urgency(step.text), -len(step.sources), pos, point))
    return out


# "For the first 24 hours:", "From the second day:", "After 1 week:": a time or stage, no verb, over its steps.
_TIME_LEAD_IN = re.compile(r"((?:For|During|From|After|Before|Until|Within|Over|On|In) (?:the |your |each |every )?"
                           r"(?:first|next|second|third|\d{1,3}|day|night|morning|evening|week|weeks|days|hours?)\b[^:.;!?]{0,30}):$")


# "Call the dental clinic or NHS 111 if:", "Contact your GP if:": over warning signs, a call to act for safety.
_CALL = re.compile(r"(?:Call|Phone|Ring|Contact|Tell|See|Return to|Go to|Get|Seek)\b")
_STEP_MARK = re.compile(r"^(?:(?:step|stage)\s+\d{1,2}\s*(?:[-–—:.)]|→|->)|\d{1,2}\.\d{1,2}\.?)\s*(?=[A-Z])", re.I)


def source_summary(handout: Handout) -> list[Sentence]:
    """Take a source's own 'Key takeaways' list (3 to 5 bullets) out of the body as the Key points."""
    for sec in handout.sections:
        if SUMMARY_BOX.match(sec.heading) and sec.blocks and all(b.is_list for b in sec.blocks) \
                and KEY_POINTS[0] <= len(sec.sentences) <= KEY_POINTS[1] \
                and any(other.sentences for other in handout.sections if other is not sec):  # a box is no whole handout
            handout.sections.remove(sec)  # the box prints at the top already: not twice
            return [Sentence(s.text, list(s.sources), list(s.rules) + ["key_point"], origin=s.origin)
                    for s in sec.sentences]
    return []


# "Call our nurse line at 555-0199.": a contact line (the Questions box prints the clinic's), no point to act on.
_CONTACT_LINE = re.compile(r"^(?:Call|Phone|Text|Contact|Ring)\b(?!.*\b(?:if|when|911|right away|now|immediately)\b)"
                           r".*\d{3}\)?[-.\s]\d{3,4}(?:[-.\s]\d{4})?\b", re.I)  # "..., Monday to Friday, to confirm your time"
_SCOPE = re.compile(r"^If (?:none|neither|any|all) of (?:the|these) (?:above|sections|signs|symptoms|problems)\b", re.I)
# "It may turn your urine brown. This is harmless.": what the first means to the reader is in the second.
_COMMENT = re.compile(r"(?:This|That|It) (?:is|is usually|is often) (?:harmless|normal|expected|temporary|not (?:harmful|"
                      r"dangerous|serious|a (?:sign|cause) of))\b")
_SECTION_SCOPE = re.compile(r"\b(?:may be|is|are|can be)\s+(?:only\s+)?(?:appropriate|suitable|enough|reasonable)"
                            r"\s+(?:only\s+)?(?:when|if)\b", re.I)
_TIME_SPAN = re.compile(r"\b\d+(?:\s*(?:to|-|–)\s*\d+)?\s*(?:hours?|days?|weeks?|months?)\b|\b(?:hours?|days?|weeks?|months?) \d", re.I)
_TIME_LIMITED = re.compile(rf"\b(?:first|next|for|until|after|within|during)\b.*(?:{_TIME_SPAN.pattern})", re.I)
# A label that names a case or a group of people: "Fever after immunisation (babies 2 to 3 months old):".
_CASE_LABEL = re.compile(r"\b(?:if|when|unless|only|after|during|before|while|aged?|old|babies|infants|children|adults|"
                         r"pregnan\w*|breastfeeding|over \d+|under \d+)\b", re.I)
_CONDITIONAL_HEADING = re.compile(r"\b(?:if|unless|only|zone)\b|\bwhen\b(?! to\b)", re.I)  # not "When to call"
_DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|mL|g|doses?|tablets?|pills?|puffs?|capsules?|times)\b")

# A sentence that leans on its neighbours is no Key point: "the same receptors" (as what?), "For other
# signs ..." (other than which?), "Cost is another barrier", "the following targets", "the most common."
# (what?), "find yours", "The doctors will need to know this."; quoted words are someone else's ("words
# like 'addict'"); a blank is a form; a greeting ("Welcome to ...") says nothing.
_POINTS_ELSEWHERE = (
    r"^Welcome\b", r"\banother\b", r"^\(", r"\b[Oo]ther brand names?\b",  # "(tamoxifen citrate) Other brand names ..."
    r"\b(?:this|that|these|those)\.$", r"\b(?:yours|theirs|ones)\b",
    r"\bthe (?:most|least) \w+\.$", r"\bthe (?:following|above)\b", r"^(?:For )?(?:[Oo]ther|[Aa]nother)\b",
    r"\bthe same (?!(?:time|day|night)\b)\w+(?! as\b)(?!\s\w+ as\b)", r"[\"“”]", r"___",
    r"\b(?:the|these|those) (?:first|last|other|\w+ )?(?:\w+ )?(?:items?|points?|boxes|statements|steps|rows?|columns?)\b",
    # "unless the first three items are true for you" (which items?), "use the LOWER row" (of which table?)
    r"\bitems? \(?[a-z0-9]\)", r"^If (?:affected|so|not)\b",  # "items (a) to (d) do not apply", "If affected, do not
    # drive" (by what? the sentence before said)
    r"\binstead\b(?! of\b)", r"\balso\b", r"\b(?:on the other hand|in contrast|by contrast|however|likewise|similarly)\b",  # "Call the clinic instead." (of what?), "Strips may also miss ..." (as what?)
    r"^(?:Do not|Don't) wait\b(?![^.]*\b(?:if|when|unless)\b)",  # "Do not wait for a call back ..." (when? the sentence before said)
    r"\bthe dose\b", r"\b(?:days|weeks|hours) before[,;.]",  # "the dose may need to be adjusted" (which?), "7 days before," (what?)
    r"\bagain\b", r"\brepeat\b",  # "Wait 30 seconds, shake again, and repeat": the steps before say what
    r"\b(?:happen|happens|occur|occurs|develop|appear|follow)\.$",  # "Fever, chills and aches may happen." (with what?)
    r"\b(?:before|after|earlier|later|beforehand|afterwards?)\.?$",  # ("Avoid cycling for 48 hours beforehand", an item)
    # ("the time shown above", "... any further than stated above")
    r"\b(?:shown|listed|given|written|noted|ticked|circled|marked|stated|mentioned|described) (?:above|below|overleaf)\b",
    r"\bthan (?:shown|stated|listed|described)\b",  # "Do not give more often than shown." (where? in the table)
    r"\bthe (?:[\w-]+ ){1,3}(?:above|below)(?=[.,;)]|$| and\b| or\b)",  # "... after 2 to 3 months of the measures above"
    r"\bno (?:agreed|set|standard|fixed|recommended) dose\b",  # ("There is no agreed dose for gout": of what?)
    r"^Here\b",  # "Here is where many fans ... get caught out." (where?)
    r"\b(?:one of the most|the most) popular\b",  # "Magnesium is one of the most popular home remedies.": a set-up, no point
    # "Check your levels more often if you start." (start what?), "reduce by 1 sachet a day, but do not stop." (what?)
    r"\b(?:if|when|once|before|after|until) you (?:start|stop|begin|finish|change|switch)\.$",
    r"\bif (?:you are |you're )?(?:not sure|unsure|in doubt)\.$",  # "Check with your pharmacist if you are not sure." (of what?)
    r"^If (?:you are |you're )?(?:not sure|unsure|in doubt),",  # "If you are not sure, check your vaccination record" (of what?)
    # "Do tell your midwife or doctor." (tell them what?)
    r"^(?:(?:Do|Please|Always) )?(?:[Tt]ell|[Ii]nform) (?:your|the|a)\b(?![^.]*\b(?:if|about|that|when|whether|before|after|you|"
    r"know|any|straight away|right away|immediately)\b)[^.]*\.$",
    r"^(?:Always )?(?:[Tt]alk|[Ss]peak|[Cc]heck) (?:with|to) (?:your|a|the)\b(?![^.]*\b(?:if|about|before|when|whether)\b)[^.]*\.$",
    r"\bthe caller\b",  # "Use the highest level of care if the caller is unsure": the protocol's advice to its nurse
    r"\b(?:do not|don't|never) (?:stop|start|change)\.$",
    r"(?:^|:\s)(?:[Rr]educe|[Ii]ncrease|[Ll]ower|[Rr]aise|[Cc]ut) by\b",
    r"^(?:Restart|Resume|Start again|Carry on) (?:once|when|if|after|as soon as)\b",  # "Restart once you are eating ..." (what?)
    r"\b(?:safer|better|worse|easier) (?:choice|option)\b(?![^.]*\bthan\b)",  # "... is usually a safer choice" (than what?)
    r"\b(?:longer|shorter|sooner|more|less)\.$",  # "Ask the ward for a fit note if you need longer." (than what?)
    r"^Allow (?:about |at least |up to )?\d",  # "Allow 15 to 30 minutes for short hair" (to do what?)
    r"^(?:Any|All) (?:yes|no)\b",  # "Any yes: go to Tier 1 right away." (yes to what?)
    r"\b(?:any|all|every) (?:answer|box|question)s?\b",  # "If any answer is YES, then call 999." (to which questions?)
    r"^(?:Ask|Check with|Talk (?:to|with)|Speak (?:to|with)|Consult|Tell)\b[^.]{0,40}\bfirst\.$",  # ("Ask your doctor first." before what?)
    r"^(?:Check|Read) (?:the )?(?:food )?labels\b(?![^.]*\bfor\b)",  # "Check labels on canned soups" (for what?)
    r"\b(?:swallows?|takes?|eats?|uses?) (?:any|some|one|them)\b[,.]")  # "If a child swallows any, ..." (any what?)  # "Stop SGLT2 inhibitors 3 days before." (before what?)
_POINTS_ELSEWHERE = tuple(re.compile(p) for p in _POINTS_ELSEWHERE)  # compiled once: asked of every candidate


# "Return unused tablets ...", "Do not double the dose": in a handout about several medicines, which one?
_MEDICINE = re.compile(r"\b(?:the dose|doses|(?:every|each|a|your|any) dose|tablets|pills|capsules|the medicine|this medicine)\b", re.I)
# "Estimates vary widely", "Some studies suggest reductions of 15% to 40%", "Check expiration dates twice a year": of
# what? The sentence before said.
_UNSAID_MEASURE = re.compile(r"\b(?:estimates?|reductions?|increases?|decreases?|rates|results|figures|numbers|"
                             r"(?:expiration|expiry|use-by) dates?|(?<=\ba )(?:pressure|level|reading|value|score|count))\b"
                             # "Check expiration dates ..." (of what?), "Most people have a pressure between ..." (which?)
                             r"(?! (?:of|in|on|for) (?!(?:about |roughly |around |up to |only )?\d))", re.I)
# "Please read each statement and initial the box": the form's parts are where the form is, not in a box of points.
_FORM_PARTS = re.compile(r"\b(?:the|each|this|both|all|no|any) (?:box|boxes|line|space|form|statement|statements|section|pages?|table|chart)\b"
                         r"|\[[ x]\]|\b(?:sign|initial|print|date) (?:below|here|above)\b", re.I)
# Things every reader knows without being told which: "the doctor", "the hospital", not "the law" or "the dose".
_KNOWN = {"doctor", "nurs", "hospit", "pharmaci", "emerg", "room", "bodi", "skin", "brain", "heart", "babi",
          "child", "day", "week", "night", "morn", "time", "first", "same", "label", "packag", "box",
          # the reader's own body: "severe pain in the upper right abdomen" is theirs, whatever was said before
          "abdomen", "chest", "stomach", "belli", "head", "neck", "eye", "face", "arm", "leg", "back", "mouth", "throat",
          "lung", "liver", "kidney"}


# "your medicine", "your pen", "your dose": the reader's own, whichever the handout is about.
# Only a bare "your schedule": "your taper schedule" names which one.
_YOUR_THING = re.compile(r"\byour (?!own\b)([a-z][\w-]*)(?=[.,;:]| (?:without|on|in|for|to|and|or|with|at|if|unless|until|before|"
                         r"after|as|so|because|is|are|may|can|will|should)\b)", re.I)
_YOURS = {"medicin", "pen", "dose", "tablet", "pill", "capsul", "inhal", "spacer", "prescript", "appoint"}


def leaning_back(handout: Handout, topic: frozenset[str] = frozenset()) -> set[int]:
    """Return the sentences whose 'the X' or 'your X' is something the sentences just before named ("the dose", "the law"):
    away from them, in the Key points box, the reader cannot tell which."""
    out = set()
    for sec in handout.sections:
        before: list[frozenset] = []
        for s in sec.sentences:
            named = {w for seen in before[-3:] for w in seen}
            # ("the upper right abdomen" is no "upper limit" said before: the thing is the noun after such words)
            own = [content_words(m.group(1)) for m in rx.finditer(rf"\bthe (?:{_PLACE_WORDS} )*([a-z][\w-]*)", s.text, re.I)]
            # "Do not change your schedule" after "Keep to your medicine schedule": which schedule the sentence before said.
            own += [stems for m in rx.finditer(_YOUR_THING, s.text)
                    if not (stems := content_words(m.group(1))) & (_YOURS | topic)]
            if any(stems & named and not stems & _KNOWN for stems in own):
                out.add(id(s))
            before.append(content_words(s.text))
    return out


_PLACE_WORDS = r"(?:upper|lower|left|right|top|bottom|front|back|inner|outer|middle|same|whole|entire)"
_GENERIC_SUBJECT = re.compile(r"^The (virus|viruses|bacteria|bacterium|germ|germs|parasite|infection|illness|"
                              r"disease|condition|drug|medicine|medication|vaccine|test|procedure)\b(?! (?:of|that|which|called)\b)")

# "3 days before:", "On the morning of the test:": the list's steps hold only then.
_TIMED = re.compile(r"\b(?:before|after|during|until|day|days|morning|evening|night|week|weeks|hours?)\b[^.]*:\s*$", re.I)


# Words of a title that name no topic ("Discharge instructions for your child", "Y10 fact sheet").
_GENERIC_TITLE = {"inform", "patient", "leaflet", "handout", "instruct", "discharg", "fact", "sheet", "factsheet", "guid",
                  "question", "answer", "what", "know", "should", "your", "about", "care", "home", "help", "get", "when",
                  "web", "page", "consent", "form", "clinic", "child", "children", "adult", "older", "parent", "famili",
                  "peopl", "support", "group", "new", "updat", "2025", "2024", "2023", "realli", "work", "doe"}
# "MYTH: The vaccine causes infertility", "Fact: Modern vaccines are given in the arm": half of a pair;
# "T - Time: call for help right away": a letter of a memory aid, which needs the rest of it.
_LABEL = re.compile(r"^(?:[A-Z]{2,}(?: [A-Z]{2,})*:|(?:Myths?|Facts?|Q|A|Question|Answer|True|False|Tip|Note)\s*:|[A-Z]\s*[-–]\s)")


def topic_words(title: str) -> frozenset[str]:
    """Return the content words of a handout's title that name its topic ("warfarin", "eczema", "chest", "pain")."""
    return frozenset(w for w in content_words(title) if w not in _GENERIC_TITLE and not rx.match(r"^[a-z]?\d+$", w))


def _names_its_topic(text: str, topic: frozenset[str], later_piece: bool = False) -> bool:
    """Tell whether a sentence says what it is about, away from its neighbours and its heading (`later_piece`: it
    is not the first sentence its source sentence became).

    "Loose stools are common." (from what?), "Care is mainly supportive." (of what?), "Values are approximate.",
    "Do not drive yourself." (when?): each needs the sentence or heading it came from. A point names a medicine or a
    defined term, a word of the handout's title, or it is an instruction that says when (its own "if ...").
    """
    if _LABEL.match(text) or _THAT_POINTS_BACK.search(text) or rx.search(r"\bif any\b", text, re.I) or _BARE_ASK.match(text):
        return False
    step = instruction(text)
    if len(text.split()) < 5 and not step:
        return False  # "Care is mainly supportive." (of what?); a short step may say all it needs ("Wash your hands often.")
    if rx.search(r"\b(?:it|its|they|them|their|those)\b", text, re.I) and not rx.match(r"(?:It|They) (?:is|are|can|may)\b", text):
        return False  # "Show a family member where it is kept": which thing?
    if step:
        said = content_words(text)
        if protected(text).names or find_terms(text) or said & topic:
            return True
        if later_piece and not _urgent(text):
            return False  # "...; if unusual behavior occurs, contact a clinician": which behavior the piece before said
        # "Do not refrigerate." (what?): a short step names its thing; "the X" must be one the reader knows.
        return len(text.split()) >= 4 and (not rx.search(r"\bthe (?!same\b)[a-z]", text)
                                           or bool(rx.search(r"\b(?:if|when|unless)\b", text)))
    # A claim names its topic; a later piece of a split sentence names it in its subject: "No extra observation
    # time ... is needed for any vaccine" (cut from "People with an egg allergy can get any flu vaccine, and no
    # extra ...") is about observation time, for whom the piece before said.
    subject = subject_of(text) if later_piece else text
    return bool(protected(subject).names or find_terms(subject) or content_words(subject) & topic)


# "Do not drive yourself." (when?), "Ask your child's doctor." (about what?): a step that needs its neighbours.
_BARE_ASK = re.compile(r"^(?:(?:Do not|Don't|Never|Always|Please) )?\w+(?: (?:to|with))? (?:yourself|(?:your|a|the) "
                       r"(?:child's |baby's )?(?:doctor|nurse|pharmacist|provider|GP|prescriber|care team|clinic))"
                       # ("Do not drive yourself to hospital." (when?): the 999 box's, said while waiting for the ambulance)
                       r"(?: to (?:the )?(?:hospital|emergency department|A&E|ED))?\.?$", re.I)
_THAT_POINTS_BACK = re.compile(r"\b(?:above|below|than|over|under|beyond|like|of|after|before|with) that\b(?! \w+ (?:is|are|was|were)\b)"
                               r"|\bthat\.?$|\bmany more\b", re.I)


def _stands_alone(s: Sentence, limit: int | None = None, medicine_named: bool = False) -> bool:
    """Tell whether a sentence makes sense in the Key points box, away from its neighbours (at most `limit` words;
    `medicine_named`: the title names the one medicine that "this medicine" means)."""
    limit = limit or KEY_POINT_MAX_WORDS + 5 * _says_what_to_do(s.text)
    if len(s.text.split()) > limit or LIST_RULE in s.rules or not has_verb(s.text) or not whole(s.text):
        return False
    # No opening "But"/"This", no "this effect" or "them" pointing back.
    if rx.match(r"^(?:But|And|So|As a result|Also|This|These|That|It|They|Its|Their|In fact|Instead|Even so|(?:Only |Even )?[Tt]hen|"
                r"Equally|Similarly|Likewise|Conversely|In contrast|On the other hand|Again|In the same way)\b",
                s.text) \
            or rx.search(r"\b(?:this|these|those)\s+(?!works?\b)(?!medicine\b)[a-z]+" if medicine_named else
                         r"\b(?:this|these|those)\s+(?!works?\b)[a-z]+", s.text, re.I) or _unnamed_pronoun(s.text):
        return False
    if s.text.endswith(":") or any(p.search(s.text) for p in _POINTS_ELSEWHERE) or _CONTACT_LINE.match(s.text):
        return False
    if _ANOTHER_WAY.match(s.text):
        return False  # "Out of hours, call NHS 111." (for what?): another way to do what the sentence before said
    if rx.search(r"\b(?:therefore|thus|hence|consequently|for this reason|for that reason|because of this)\b", s.text, re.I) \
            or rx.search(r"\bboth\b(?! (?:hands|eyes|ears|sides|arms|legs|feet|knees|nostrils|lungs|kidneys|parents)\b)", s.text, re.I) \
            and not rx.search(r"\band\b", s.text):
        return False  # "Hydroxyzine is therefore not ...": for the reason before it; "Do not give both ...": which two?
    if _UNSAID_MEASURE.search(s.text) or _FORM_PARTS.search(s.text):
        return False
    if rx.search(r"\(TM\)|™|®|^Our [A-Z]", s.text):
        return False  # "Our ZincShield(TM) Lozenges deliver 13.3 mg ...": a seller's claim for its product, no point
    if rx.match(r"[A-Z][a-z]+, [a-z]+(?:,| and) ", s.text) and not s.text.endswith("."):
        return False  # "Work, study, benefits and talking to your employer": a list of topics, no instruction
    if rx.match(r"(?:Does|Is|Are|Was|Were|Has|Can|Could|May|Might|Will|Would|Should|Must)\s", s.text):
        return False  # "Does not replace clinical judgment.", "May cause drowsiness.": no subject, the heading's or a label's
    if rx.search(r"\b(?:I|my|me|I'm|I've)\b", s.text):
        return False  # "I understand the risks": a statement a patient signs on a form, not a point for the reader
    if _object_left_out(s.text) or _elliptic_condition(s.text) or _person_unnamed(s.text):
        return False
    if rx.match(r"(?:box|table|figure|part|section|step|tier)\s+[A-Z0-9]{1,3}\b|(?:run|hosted|organi[sz]ed|sponsored|supported|"
                r"funded|led|facilitated)\s+(?:jointly\s+)?by\b", s.text, re.I):
        return False  # "BOX A: tetanus - ...": a part of the sheet, named; "Run jointly by ...": who runs it, a banner's line
    if rx.match(r"(?:The |Most |Common |Possible |Other )?(?:side effects|effects|risks|complications|symptoms)\b(?! of\b| from\b)",
                s.text, re.I) and not set(w.lower() for w in words(s.text)) & set(protected_names()):
        return False  # "Side effects such as nausea ... may happen": of what? (the medicine is named in the sentence before)
    if rx.search(r"\b(?:if|and|or|when|unless|because|that|the|a|an|of|to|with)$", s.text):
        return False  # "Return to the emergency department if": a lead-in whose items said when, no sentence
    if rx.search(r"\s=\s", s.text):
        return False  # "Sports drink = 500 ml bottle.": a table's key, what a word in it stands for, no sentence
    if ": " in s.text and not whole(s.text.split(": ", 1)[1]):
        return False  # "Eye to be operated on: Right eye Left eye": a form's field, not a sentence
    # An aside in brackets is detail (a brand name, an abbreviation or "(or your local emergency number)" is not);
    # a question is no point.
    # ("(call 911)" says how: no detail)
    asides = [a for a in rx.findall(r"\(([^()]*)\)", s.text) if not rx.fullmatch(r"(?i)(?:call|dial|phone|text) (?:\d{3}|999|112)", a)]
    return all(len(a.split()) <= 5 and not has_verb(a) and not rx.search(r"\d|\b(?:for example|e\.g|such as|including)\b", a)
               for a in asides) and not s.text.endswith("?") \
        and s.text.count("(") == s.text.count(")")  # "For emergencies, call 911 or 988.)": half of a note in brackets


_WHOLE_COURSE = re.compile(r"\b(?:the|your) (?:whole|full|complete|entire) course\b(?! of)", re.I)
_SUBSECTION = re.compile(r"\d{1,2}\.\d{1,2}\.?\s+[A-Z]")  # "3.3 A blood test ...": a section's numbered point

# "How should I collect the sample?", "How to use the spray": a section of the steps of one job
_HOW_TO = re.compile(r"(?:Q\d{1,2}[.:)]?\s+)?How (?:to|do I|should I|do you|can I|should you)\b", re.I)

# "Out of hours, call NHS 111", "If you cannot reach us, ...", "Otherwise, ...": the other way to do what was said before
_ANOTHER_WAY = re.compile(r"(?:Out of (?:office |working )?hours|Outside (?:these|those|office|opening|working|clinic) hours|"
                          r"After hours|(?:At|On) (?:night|nights|weekends)(?: (?:and|or) (?:weekends|bank holidays))?|"
                          r"Otherwise|If (?:you|they) (?:cannot|can't|are unable to) (?:reach|get through|contact|get hold of)|"
                          r"If (?:we|they|the \w+) (?:are|is) closed)\b", re.I)


_NEEDS_OBJECT = {"continue", "give", "take", "use", "apply", "repeat", "store", "keep", "swallow", "mix", "shake", "inject", "insert",
                 "crush", "chew", "dissolve", "refrigerate", "spray", "rub", "put", "place", "remove", "finish", "change",
                 "clean", "wash", "cover", "soak", "stir", "blend", "add", "stop"}


def _echoes_condition(heading: str, text: str) -> bool:
    """Tell whether a sentence says again the verb of its heading's condition ("If you forget to take ..." /
    "... to make up for a forgotten dose"); a verb any step might say ("take", "use", "have") is no echo."""
    m = rx.match(r"(?:\d{1,2}[.)]?\s+)?(?:If|When) (?:you|your \w+|they|he|she) (?:\w+ )?(forget|forgot|miss|missed|stop|"
                 r"vomit|swallow|spill|lose|run out)\b", heading, re.I)
    if not m:
        return False
    from lemminflect import getAllInflections, getAllLemmas  # here: importing lemminflect imports spaCy
    verb = m.group(1).lower().split()[0]
    base = next(iter(getAllLemmas(verb, "VERB").get("VERB", (verb,))))
    forms = {base} | {f for fs in getAllInflections(base, "VERB").values() for f in fs}
    return bool(set(words(text)) & forms)


def _elliptic_condition(text: str) -> bool:
    """Tell whether a condition leaves out who or what it is about ("Seek advice if under 3 months." after a sentence
    about a baby's fever; "Change daily or if wet/dirty."): it holds for the thing the sentence before named."""
    for m in rx.finditer(r"\b(?:if|unless|when)\s+([^,.;:!?()]+)", text, re.I):
        clause = m.group(1).strip()
        if rx.match(r"(?:you|your|they|their|he|she|his|her|it|its|the|a|an|this|that|these|those|there|any|anyone|someone|"
                    r"we|I|my|one|both|each|all|no|not|so|needed|necessary|possible|required|prescribed|advised|directed|"
                    r"in doubt|unsure|not sure|appropriate|available|in use)\b", clause, re.I) or _READERS_STATE.fullmatch(clause):
            continue  # ("if needed", "if your child ...", "if possible", "call 999 if very unwell": said whole)
        if rx.match(r"\w+ing\b", clause):
            continue  # "... has stridor when resting or sitting quietly": the sentence's subject does it
        if not has_verb(clause):
            return True
    return False


# How the reader may be, said after "if" with no "you are": "call 999 if very unwell".
_READERS_STATE = re.compile(r"(?i)(?:(?:very|more|too|at all|still|really|extremely) )?(?:unwell|ill|sick|pregnant|breast-?feeding|"
                            r"worried|concerned|anxious|in pain|distressed|drowsy|dizzy|short of breath|unable to \w+|"
                            r"awake|well|thirsty|tired|confused)(?: or (?:[\w-]+ ){0,2}[\w-]+)?")


def _person_unnamed(text: str) -> bool:
    """Tell whether a 'him'/'her' stands for a person the sentence never names ("Keep a bottle with him at school.")."""
    m = rx.search(r"\b(?:he|him|his|she|her|hers)\b", text, re.I)
    return bool(m) and not rx.search(r"\b(?:child|son|daughter|baby|partner|husband|wife|man|woman|boy|girl|person|relative|"
                                     r"patient|carer|friend|brother|sister|father|mother|dad|mum|mom)\b|(?<!^)\b[A-Z][a-z]{2,}\b",
                                     text[:m.start()])


def _object_left_out(text: str) -> bool:
    """Tell whether an instruction leaves out what to act on, which the text before it named ("Give every 4 to 6
    hours as needed." after an acetaminophen table; "Take with food."; "Do not use if stools are bloody ..."): in
    the box, the reader cannot tell what. Read from the words after the verb: a condition, a time or a place where
    the thing should be (the tagger takes a drug's name it does not know for an adverb: "use loperamide")."""
    said = words(text)
    if rx.search(r"\blet\b(?:(?!\b(?:if|when|about|that|whether)\b)[\w'’ ]){1,40}\bknow\s*[.!]?$", text.strip(), re.I):
        return True  # "Let your child's coach or PE teacher know.": know what, the text before said
    if rx.search(r"(?:^|, )ask (?:(?!(?:about|for|if|whether|to|how|what|when|which|before|after)\b)[\w'’ ]){1,40}[.!]?$", text.strip(), re.I) \
            and not rx.search(r"\b(?:questions?|unsure|not sure|worried|concerns?|doubt)\b", text, re.I) \
            or rx.search(r"\bstay away\b(?! from\b)", text, re.I):
        return True  # "For children under 6 months, ask your pharmacist or GP." (ask what?), "Stay away for 48 hours" (from?)
    lead = 2 if said[:2] == ["do", "not"] else 1 if said[:1] in (["never"], ["don't"]) else 0
    first = said[lead:lead + 1]
    if not first or first[0] not in _NEEDS_OBJECT or said[lead:lead + 2] == ["continue", "to"]:
        return False  # ("Continue to take the anticoagulant ...": the verb after it has its object)
    # The word after the verbs that share an object ("Do not stop, change or swap ADHD medicine ..."): a number or a
    # time there leaves the object out ("Mix, refrigerate 4 hours or overnight.": what to mix the recipe above said)
    tokens = rx.findall(r"[a-z][a-z'’-]*|\d+|[,;:.]", text.lower())
    k = tokens.index(first[0]) + 1
    bases = verb_forms()[1]
    while k + 1 < len(tokens) and tokens[k] in (",", "or", "and") and (
            tokens[k + 1] in bases or tokens[k + 1] in _NEEDS_OBJECT
            or tokens[k] != "," and tokens[k + 1] not in STOP_WORDS and not tokens[k + 1][0].isdigit()
            and tokens[k + 2:k + 3] != [","]):  # ("... or swap ADHD medicine")
        k += 2
    after = tokens[k:k + 1]
    if tokens[k:k + 3] == ["all", "at", "once"]:
        return True  # "Do not stop all at once." (stop what?)
    if after and after[0][0].isdigit():  # "refrigerate 4 hours" (a time), not "take 1 to 2 tablets"
        while k + 2 < len(tokens) and tokens[k + 1] in ("to", "or", "and") and tokens[k + 2][0].isdigit():
            k += 2
        return tokens[k + 1:k + 2] in (["hours"], ["hour"], ["minutes"], ["days"], ["weeks"], ["months"], ["times"])
    return not after or after[0] in _CLAUSE_STARTS or after[0] in _PLACE_WORDS_AFTER or after[0] in (",", ";", ":", ".")


_CLAUSE_STARTS = {"if", "when", "unless", "until", "while", "after", "before", "with", "without", "for", "at", "in", "on",
                  "during", "every", "each", "as", "or", "and", "twice", "once", "daily", "suddenly", "abruptly"}
_PLACE_WORDS_AFTER = {"below", "above", "under", "over", "out", "away", "up", "off", "between", "from", "into", "by",
                      "within", "near", "inside", "to", "about", "around"}


_OTHERS = (r"(?:visitors?|staff|schools?|teachers?|childcare|child care|day ?care|employers?|clinicians?|doctors and nurses|"
           r"health ?care (?:workers?|professionals?|providers?|staff)|professionals?|facilitators?|coaches)")
_FOR_OTHERS = re.compile(rf"(?:^|: )(?:(?:advice|information|guidance|notes?|tips?|rules?) )?(?:for|to) (?:(?:all|our|the) )?{_OTHERS}\b"
                         rf"|(?:^|: ){_OTHERS}\b", re.I)  # "Advice for visitors", "Staff should:", "Schools and childcare centers"


def _qualifies(after: str, sentence: str) -> bool:
    """Tell whether `after` limits `sentence`: a 'But ...' about the same thing, or pointing back to it."""
    m = rx.match(r"^(?:But|However|Yet|Still),? (.*)$", after)
    if not m:
        return False  # "But more people are turning to kratom" after "Withdrawal can be hard" moves on
    return bool(rx.match(r"(?:this|these|that|those|it|they)\b", m.group(1), re.I)
                or content_words(m.group(1)) & content_words(sentence))


def _limits(later: str, sentence: str) -> bool:
    """Tell whether a later 'But/So ...' cut from the same source sentence limits `sentence` (not moves on)."""
    m = rx.match(r"^(?:But|Yet|Unless|So),? (.*)$", later)
    if not m:
        return False
    guarded = protected(m.group(1))
    # "But you should not take more than 6 tablets": a limit. "But others propose it might ...": the other
    # side. "But more people are turning to kratom" after "Withdrawal can be hard": the text moves on.
    # ("But there is little published evidence of benefit ..." after "Clinics may charge $300 per infusion": what the
    # evidence says of it is the point)
    # ("Rubella is usually a mild illness" / "But infection early in pregnancy can cause miscarriage ...": what holds
    # usually is the concession, the exception the point)
    return bool(guarded.negations or guarded.numbers or rx.search(r"\b(?:it|they|this|these|others)\b", m.group(1), re.I)
                or rx.search(r"\b(?:usually|often|generally|mostly|normally|mild|rarely|in most cases)\b", sentence, re.I)
                or rx.search(r"\b(?:little|few|limited|unclear|unknown|uncertain|evidence|studies|research)\b", m.group(1), re.I)
                or content_words(m.group(1)) & content_words(sentence))


def _says_what_to_do(sentence: str) -> bool:
    """Tell whether a sentence tells the reader what to do, its condition first too ("If you suddenly become short of
    breath, ..., call 911."): the parse's main verb is an instruction's."""
    if tells_what_to_do(sentence):
        return True
    if not rx.match(r"(?:If|When|Unless|Before|After|While|Once|As soon as)\b", sentence):
        return False
    if _CONDITION_THEN_ASK.match(sentence):
        return True  # (the parse may take the condition's verb for the sentence's: "If your chest pain is not better,
        # or is worse, 5 minutes after the first spray, call 911 ...")
    root = next((t for t in parse(sentence) if t.dep_ == "ROOT"), None)
    # (the tagger may call the verb after the condition "VBP": "If your chest pain is not better ..., call 911")
    if root is None or root.tag_ not in ("VB", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return False
    helpers = [c.lower_ for c in root.children if c.dep_ == "aux"]
    return not helpers or helpers == ["do"] and any(c.dep_ == "neg" for c in root.children)  # "call 911", "do not wait"


_CONDITION_THEN_ASK = re.compile(r"(?:If|When|Unless|As soon as)\b[^.;]*?,\s+(?:then\s+)?(?:call|dial|phone|ring|go|get|seek|"
                                 r"contact|tell|see|stop|take|use|give|lie|sit|do not|don't|never)\b(?! (?:is|are|was|were)\b)", re.I)
_NEGATING = re.compile(r"\b(?:not|never|avoid|don't|no|stop|without)\b", re.I)
_EMERGENCY = re.compile(r"\b(?:911|999|112|emergency department|emergency room|ER|A&E|ambulance)\b")


_EMERGENCY_CALL, _SAFETY_RULE, _NOT_URGENT = 0, 1, 2  # how urgent a thing to do is, most first


def _urgency(sentence: str) -> int:
    """Say how urgent an instruction is: a call for help now (911, 'right away'), a safety rule ('never', 'do not'),
    or neither."""
    # ("Do not take two doses at once" is no call for help: "at once" is no time there)
    if rx.search(r"\b(?:911|988|999|112|emergency|right away|immediately|straight away|urgent|urgently|ambulance|A&E|"
                 r"poison)\b", sentence, re.I):
        return _EMERGENCY_CALL
    return _SAFETY_RULE if _urgent(sentence) else _NOT_URGENT


def _urgent(sentence: str) -> bool:
    """Tell whether an instruction is about safety: an emergency number, 'right away', an overdose, or a 'never'/'do not'."""
    return bool(rx.search(r"\b(?:911|988|999|112|emergency|right away|immediately|poison|overdose|never|do not|don't|must not)\b",
                          sentence, re.I))


def _unnamed_pronoun(sentence: str) -> bool:
    """Tell whether a 'them'/'it' comes before anything in the sentence it could stand for ('Many of them ...')."""
    finite, bases = verb_forms()
    for w in words(sentence):
        if w in ("it", "its", "they", "them", "their"):
            return True
        if w in ("anything", "something", "everything", "nothing", "anyone", "someone", "everyone",
                 "until", "unless", "before", "after", "when", "while", "because", "please", "people", "person",
                 "adults", "children", "patients", "women", "men", "need", "needs"):
            continue  # "Do not eat anything until it has dissolved", "Most people need it for 3 days": no "it" there
        if w not in STOP_WORDS and w not in finite and w not in bases and w not in HEDGE_WORDS and not w.endswith("ing"):
            return False  # a noun comes first: the pronoun can name it
    return False


def pick_words_to_know(handout: Handout) -> list[Term]:
    """List the defined medical terms the plain handout uses, each once, from the lexicon data."""
    # 'Please avoid words like "relapse"' mentions a word the handout asks readers not to use: no definition.
    text = rx.sub(r'"[^"]*"|“[^”]*”', " ", " ".join(s.text for s in handout.sentences))
    # "Dopamine is a brain chemical ..." in the body already says what the word means: once is enough.
    defined = {m.group(1).lower() for s in handout.sentences if (m := DEFINITION.match(s.text))}
    return [Term(d.word, d.definition) for d in find_terms(text) if not defined & {f.lower() for f in d.forms}
            and not _own_threshold(d, text)]


def _own_threshold(d, text: str) -> bool:
    """Tell whether a definition that gives a number ("fever: ... 100.4 °F (38 °C) or more") meets a text that sets the
    term's number itself ("fever above 101 °F (38.3 °C)"): two thresholds side by side, the handout's own must rule."""
    unit = r"\s*(°\s?[FC]|%|mg/dL|mmol/L|mmHg)"
    units = {u.replace(" ", "") for u in rx.findall(rf"\d{unit}", d.definition)}
    if not units:
        return False  # ("HbA1c: ... over the past 2 to 3 months": a number, no threshold)
    forms = "|".join(re.escape(f) for f in d.forms)
    said = rx.findall(rf"(?<![\w-])(?:{forms})(?![\w-])\W+(?:[a-z]+\W+){{0,3}}\d[\d.,]*{unit}", text, re.I)
    return bool(units & {u.replace(" ", "") for u in said})
