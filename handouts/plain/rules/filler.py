"""The filler rules: lead-ins that delay the point, pasted search keywords, lines about the article, sales lines."""

from __future__ import annotations

import re

from handouts.plain.rules.base import cap, end, rule


@rule("Lead-ins such as 'By understanding X, we can appreciate how' or 'It is important to note that' delay the point.",
      cases=[("By understanding the science, we can appreciate how kratom may help.", ["Kratom may help."]),
             ("It is important to note that kratom is not approved.", ["Kratom is not approved."]),
             ("By 2024 we can see how it works.", ["By 2024 we can see how it works."]),
             ("In conclusion, fasting may help some people.", ["Fasting may help some people."])],
      removes_filler=True)
def strip_filler_lead_in(sentence: str) -> str:
    """Remove filler lead-ins, keeping the claim."""
    for p in (r"^By understanding [^,]+, we can (?:appreciate|see|understand|learn) (?:how|that|why) (.+)$",
              r"^It is (?:important|worth|crucial|useful) (?:to note|noting|to remember|to know) that (.+)$",
              r"^(?:In conclusion|In summary|To sum up|To conclude|All in all|In short),\s+(.+)$"):
        m = re.match(p, sentence, re.I)
        if m:
            return cap(m.group(1))
    return sentence


@rule("Search keywords pasted into a sentence ('including the potential for does kratom increase dopamine') are not English.",
      cases=[("Some seek the drug to feel well, including the potential for does kratom increase dopamine.",
              ["Some seek the drug to feel well."]),
             ("Ask what does help you.", ["Ask what does help you."]),
             ("Does kratom help?", ["Does kratom help?"])],
      removes_filler=True)
def remove_keyword_stuffing(sentence: str) -> str:
    """Remove a clause where a preposition runs straight into a question ('for does kratom')."""
    m = re.search(r"\b(?:for|of|about|on|with|the)\s+(?:does|do|did|is|are|can|should|will)\s+[a-z]+\s+[a-z]+", sentence)
    if not m:
        return sentence
    comma = sentence.rfind(",", 0, m.start())
    cut = comma if comma > 0 else m.start()
    return end(sentence[:cut])


_BOILERPLATE = [
    r"^In this (?:(?:complete|ultimate|short|quick|full) )?(?:article|post|guide|blog|piece|page|leaflet|section)"
    r"(?: (?:to|on|about) [^,]{1,60})?,? (?:we|you will|you'll|i)\b",
    r"^(?:This|The following) (?:article|post|guide|blog) (?:will )?(?:explores?|discuss(?:es)?|covers?|looks? at)\b",
    r"^Understanding\b[^.]*?\b(?:is|are) (?:crucial|vital|key|important|essential|critical)\b",
    r"^Understanding\b[^.]*\b(?:can|will) (?:provide|offer|give)\b[^.]*\binsights?\b",
    r"^(?:Read on|Keep reading|Let'?s (?:explore|dive|take a (?:closer )?look))\b",
]


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
    return [] if any(re.match(p, sentence, re.I) for p in _BOILERPLATE) else [sentence]


_PROMOTION = [
    # "This offers a promising avenue / new hope for ...": a sales line, not a health claim.
    r"^(?:This|That|It|These|They)\b(?: \w+)? (?:offers?|brings?|gives?|provides?|holds?|opens?)\b[^.]*?"
    r"\b(?:hope|promise|promising (?:avenue|path|option)s?|brighter future|fresh start|new paths?)\b",
    r"^(?:This|That|It|These|They)\b[^.]*\b(?:regain|take back|get back) control (?:over|of) (?:their|your|his|her) lives\b",
    # "X may be the natural answer that millions of people are searching for.": a sales line.
    r"^[^.]*\bthe (?:\w+ )?answer (?:that )?(?:millions of |so many |many )?(?:people|you) (?:are|have been) (?:searching|looking) for\b",
    # "Its effect on dopamine is a key consideration.": says a thing matters, not what it does.
    r"^[^,;]{1,60}\b(?:is|are|remains?) (?:an? |the )?(?:key|important|central|crucial|vital|major|main) "
    r"(?:consideration|point|factor|question|issue|topic|aspect)s?\.?$",
    # "Call our admissions team today!", "Most insurance accepted.": a business's advert, not health advice.
    r"(?i)^(?:call|contact|speak to|talk to) our (?:admissions|enrollment|intake|sales) (?:team|staff|counselors?)\b.*$",
    r"(?i)^(?:most|all|many) (?:major )?insurance(?: plans)? (?:are )?accepted\.?$",
]


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
    return [] if any(re.match(p, sentence) for p in _PROMOTION) else [sentence]
