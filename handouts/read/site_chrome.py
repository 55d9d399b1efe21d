"""A web page's chrome pasted as text: its cookie banner, sidebar, footer, adverts, sign-up boxes and bylines.

Each is a region of lines, not one line: read line by line, its pieces became a heading over the article ("Home |
Conditions A-Z | ..."), a bullet ("Markovic, GP | Updated 11 January 2024") or a Key point ("Get expert health tips
every Friday."). The lines of a region are blanked (their line numbers stay, for the reader's messages).
"""

from __future__ import annotations

import re

from handouts.language import rx

# A label that names a part of the page, on a line of its own: all the lines it heads are the site's.
_REGION = re.compile(r"(?i)^\s*(?:sidebar|footer|advertisement|advert|ad|sponsored(?: content| links?)?|newsletter|"
                     r"most (?:read|popular|shared|viewed)(?: this (?:week|month)| today| now)?|popular(?: (?:now|articles|posts|"
                     r"stories))?|trending(?: now)?|related (?:articles|posts|stories|content|reading)|you (?:may|might) also like|"
                     r"more from (?:us|\w+(?: \w+)?)|recommended for you|latest (?:articles|posts|news))\s*:?\s*$")
# The regions that run to the next rule or the end: a page's sidebar and footer hold paragraphs of their own.
_LONG_REGION = re.compile(r"(?i)^\s*(?:sidebar|footer)\s*:?\s*$")
_ADVERT = re.compile(r"(?i)^\s*(?:advertisement|advert|ad|sponsored(?: content| links?)?)\s*:?\s*$")
_RULE = re.compile(r"^\s*(?:[-=_*~]\s*){10,}$")
# A cookie banner's buttons ("[ Accept all ]   [ Reject non-essential ]", "Accept All Cookies   Manage Settings").
_COOKIE_BUTTONS = re.compile(r"(?i)^\s*(?:\[\s*)?(?:accept|allow|agree|reject|decline|manage|customi[sz]e)\b[^\n]{0,80}$")
# A sign-up box: a field to type in and its button ("Email: [__________]  [ SUBSCRIBE ]", "[Your email___] [Sign up]").
_SIGN_UP = re.compile(r"(?i)\[[^\]]*_{3,}[^\]]*\]\s*\[\s*(?:subscribe|sign ?up|join|send|submit|get (?:it|access|the \w+)|"
                      r"download|go)\s*!?\s*\]")
_OFFER = re.compile(r"(?i)\b(?:free|newsletter|tips|sign up|subscribe|join|inbox|weekly|every (?:week|friday|monday))\b")
# "Was this page helpful?  [ Yes ]  [ No ]", "Share:  f  X  in  (email)  (print)": the page's buttons.
_BUTTONS_LINE = re.compile(r"(?i)^\s*(?:was this (?:page |article |post |information )?(?:helpful|useful)\??|"
                           r"did you find this (?:page |article )?(?:helpful|useful)\??|share(?: this(?: page| article| post)?)?\s*:)")
# "Search conditions... [Go]", "Search...  [ Search ]": a site's search box at the end of its top bar.
_SEARCH_BAR = re.compile(r"(?i)\bsearch\b[^\n]{0,40}?(?:\.\.\.|…)\s*\[\s*(?:go|search|>)\s*\]\s*$")
# "(c) 2024 GutGlow Living Media LLC, ...", "© 2024 ...", "Copyright ...": the owner's line.
_COPYRIGHT = re.compile(r"(?i)^\s*(?:(?:\(c\)|©)\s*\d{4}\b|copyright\b)")  # (not a list's "(c) Splinting ...")
# "By the HealthWise Daily editorial team | Medically reviewed by Dr Lena" / "Markovic, GP | Updated 11 January 2024 |
# 6 min read": a byline wrapped over lines.
_BYLINE = re.compile(r"(?i)^\s*(?:by|written by|words by)\s+[^|]{2,60}\|.*\b(?:reviewed|updated|published|min(?:ute)? read)\b")
_BYLINE_TAIL = re.compile(r"(?i)\|\s*(?:\d{1,2}\s*min(?:ute)?s? read|updated\b[^|]*|published\b[^|]*)\s*$")


def without_site_chrome(lines: list[str]) -> list[str]:
    """Blank the lines of a pasted web page's chrome: the regions under a part's label (SIDEBAR, FOOTER,
    ADVERTISEMENT, NEWSLETTER, MOST READ ...), a cookie banner over its buttons, a sign-up box with its offer, the
    feedback and share buttons, an owner's line wrapped with its links and a byline wrapped inside a name."""
    out = list(lines)
    k = 0
    while k < len(lines):
        line = lines[k]
        # (in capitals, as a page's parts are labelled; "Advertisement" in any case: "Newsletter" may head a flyer's own
        # section)
        if _REGION.match(line) and (line.strip().isupper() or rx.match(r"(?i)\s*(?:advert|advertisement|sponsored)\b", line)):
            end = _region_end(lines, k)
            out[k:end] = [""] * (end - k)
            k = end
            continue
        if _SIGN_UP.search(line):
            out[k] = ""
            if k and lines[k - 1].strip() and _OFFER.search(lines[k - 1]) and len(lines[k - 1].split()) <= 14:
                out[k - 1] = ""  # "Get our FREE 7-Day Gut Reset Meal Plan!" over its box: an offer to sign up
        elif _BUTTONS_LINE.match(line) and len(line.split()) <= 16 or _SEARCH_BAR.search(line) and len(line.split()) <= 10:
            out[k] = ""  # ("HealthWise Daily      Search conditions... [Go]": the site's bar, its name no title of the page)
        elif _COPYRIGHT.match(line) and line.rstrip().endswith(",") and k + 1 < len(lines) and "|" in lines[k + 1]:
            # "(c) 2024 GutGlow Living Media LLC, ..., Brookfield," / "OR 97099 | Contact: (555) 555-0142 | Privacy |
            # Terms | Affiliate" / "Disclosure | Do Not Sell My Info": the owner's line wrapped with its links (read
            # line by line, its pieces were "Contact: ...; Affiliate" and "Disclosure | Do Not Sell My Info")
            n = k
            while n < len(lines) and lines[n].strip() and (n == k or "|" in lines[n]):
                out[n] = ""
                n += 1
        elif _BYLINE.match(line) and k + 1 < len(lines) and rx.search(r"\bby (?:Dr\.? )?[A-Z][a-z]+$", line.rstrip()) \
                and rx.match(r"\s*[A-Z][a-z'’-]+, [A-Z]", lines[k + 1]) and _BYLINE_TAIL.search(lines[k + 1]):
            # "By the HealthWise Daily editorial team | Medically reviewed by Dr Lena" / "Markovic, GP | Updated 11
            # January 2024 | 6 min read": a byline wrapped inside a name (read apart, a heading and a bullet)
            out[k] = out[k + 1] = ""
        k += 1
    return _cookie_banner_off(out)


def _region_end(lines: list[str], k: int) -> int:
    """Return where the region a label heads ends: a sidebar or footer at the next rule (or the file's end); other
    regions at the first blank line after their text (an advert: its lines set in under the label)."""
    n = k + 1
    if _LONG_REGION.match(lines[k]):
        while n < len(lines) and not _RULE.match(lines[n]):
            n += 1
        return n
    if _ADVERT.match(lines[k]):
        # "ADVERTISEMENT" / "   FRESHSTEP(R) Odour-Control Insoles ...": the advert set in under its label; a label alone
        # over the article's next heading ("Advertisement" / "How is it diagnosed?") marks where an advert stood
        indent = len(lines[k]) - len(lines[k].lstrip())
        while n < len(lines) and lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) > indent:
            n += 1
        return n
    while n < len(lines) and lines[n].strip() and not _RULE.match(lines[n]):
        n += 1
    return n


def _cookie_banner_off(lines: list[str]) -> list[str]:
    """Blank a cookie banner near the page's top: the paragraph that speaks of cookies down to its buttons, and a
    title line right over it ("We value your privacy")."""
    out = list(lines)
    for k, line in enumerate(lines[:40]):
        if not _COOKIE_BUTTONS.match(line) or not rx.search(r"(?i)\b(?:accept|reject|manage|preferences|settings)\b", line):
            continue
        start = k
        while start and lines[start - 1].strip() and not _RULE.match(lines[start - 1]):
            start -= 1
        said = " ".join(lines[start:k])
        if rx.search(r"(?i)\bcookies?\b", said) and len(said.split()) <= 120:
            out[start:k + 1] = [""] * (k + 1 - start)
    return out
