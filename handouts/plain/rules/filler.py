"""The filler rules: lead-ins that delay the point, pasted search keywords, lines about the article, sales lines."""

from __future__ import annotations

import re

from handouts.language import rx
from handouts.language.grammar import verb_forms
from handouts.language.phrases import phrases
from handouts.plain.rules.base import cap, end, rule


@rule("Lead-ins such as 'By understanding X, we can appreciate how' or 'It is important to note that' delay the point.",
      cases=[("By understanding the science, we can appreciate how kratom may help.", ["Kratom may help."]),
             ("It is important to note that kratom is not approved.", ["Kratom is not approved."]),
             ("By 2024 we can see how it works.", ["By 2024 we can see how it works."]),
             ("In conclusion, fasting may help some people.", ["Fasting may help some people."])],
      removes_filler=True)
def strip_filler_lead_in(sentence: str) -> str:
    """Remove filler lead-ins, keeping the claim."""
    for lead_in in phrases("filler_lead_ins.tsv", re.I, groups=1):  # the claim is in the one group, (.+)
        m = lead_in.pattern.match(sentence)
        if m:
            return cap(m.group(1))
    return sentence


@rule("Search keywords pasted into a sentence ('including the potential for does kratom increase dopamine') are not English.",
      cases=[("Some seek the drug to feel well, including the potential for does kratom increase dopamine.",
              ["Some seek the drug to feel well."]),
             ("Ask what does help you.", ["Ask what does help you."]),
             ("Does kratom help?", ["Does kratom help?"]),
             ("It is sensitive to ciprofloxacin, so the tablets you are going home with should work against it.",
              ["It is sensitive to ciprofloxacin, so the tablets you are going home with should work against it."]),
             ("Caregivers are welcome, even if the person they care for is unable to attend.",
              ["Caregivers are welcome, even if the person they care for is unable to attend."])],
      removes_filler=True)
def remove_keyword_stuffing(sentence: str) -> str:
    """Remove a clause where a preposition runs straight into a question ('for does kratom')."""
    # (not "is"/"are": "the person they care for is unable to attend" strands its preposition, as English does)
    m = rx.search(r"\b(?:for|of|about|on|with|the)\s+(?:does|do|did|can|should|will)\s+([a-z]+)\s+[a-z]+", sentence)
    if not m or m.group(1) in verb_forms()[1]:
        # ("the tablets you are going home with should work against it": a verb straight after the helper, no question's
        # subject; the clause is English, and it said what the result means)
        return sentence
    comma = sentence.rfind(",", 0, m.start())
    cut = comma if comma > 0 else m.start()
    return end(sentence[:cut])


@rule("Lines about the article itself ('In this article, we explore ...', 'Understanding X is crucial') say nothing about health.",
      cases=[("In this article, we explore the science behind kratom.", []),
             ("Understanding how kratom works is vital to judging it.", []),
             ("Understanding how kratom might help can provide valuable insights for readers.", []),
             ("In this complete guide to ashwagandha and cortisol, we break down what the science says.", []),
             ("Kratom is a plant.", ["Kratom is a plant."]),
             ("Understanding your rights helps you ask for care.", ["Understanding your rights helps you ask for care."])],
      removes_filler=True)
def drop_boilerplate(sentence: str) -> list[str]:
    """Drop sentences about the article rather than the health topic."""
    return [] if any(p.pattern.match(sentence) for p in phrases("boilerplate.tsv", re.I)) else [sentence]


@rule("Sales lines ('This offers hope ...', 'X is a key consideration') make no health claim; what they name is said elsewhere.",
      cases=[("This offers a promising avenue for those seeking to break free from addiction.", []),
             ("This could provide individuals with effective tools to regain control over their lives.", []),
             ("Kratom's effect on dopamine is a key consideration.", []),
             ("Call our admissions team today!", []), ("Most insurance accepted.", []),
             ("Ashwagandha may be the natural answer that millions of people are searching for.", []),
             ("This offers relief from pain for a few hours.", ["This offers relief from pain for a few hours."]),
             ("Sleep is a key factor in recovery.", ["Sleep is a key factor in recovery."]),
             ("Naloxone gives people a second chance to get help.", ["Naloxone gives people a second chance to get help."])],
      removes_filler=True)
def drop_promotion(sentence: str) -> list[str]:
    """Drop a sentence that only promotes or says something matters, with no claim of its own."""
    return [] if any(p.pattern.match(sentence) for p in phrases("promotion.tsv")) else [sentence]


@rule("A site's note on its own sales ('This post contains affiliate links', 'It never affects our honest reviews') is "
      "about the site, not health: it goes, its 'never' with it.",
      cases=[("It never affects our honest reviews!]", []), ("But this does not affect our editorial recommendations.", []),
             ("It never affects how the medicine works.", ["It never affects how the medicine works."])],
      removes_furniture=True)
def drop_sales_notes(sentence: str) -> list[str]:
    """Drop a site's note on its sales links or picks (the 'sales note' rows of promotion.tsv)."""
    return [] if any(p.columns.get("kind") == "sales note" and p.pattern.match(sentence)
                     for p in phrases("promotion.tsv")) else [sentence]
