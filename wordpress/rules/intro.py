"""Rules for the top of a post: the title line, the standfirst after it, the outlet in the intro.

The line repeating the post's title ends the analyst's intro note; the short paragraph right after
it is the column's standfirst; the note's phrasing ("my column in X") may name the outlet.
"""

import re
from collections.abc import Iterable
from html import unescape

from .bylines import parse_byline
from .names import leading_outlet
from .stamps import parse_stamps
from .text import split_sentences

_WORD = re.compile(r"[^\W_]+")


def _title_key(text: str) -> str:
    # Words only: case, spacing, punctuation and quote styles do not count.
    return " ".join(_WORD.findall(unescape(text).casefold()))


def is_title_line(text: str, title: str) -> bool:
    """Whether the line says the title again, whatever its case, spacing and punctuation."""
    return title_line_test(title)(text)


def title_line_test(title: str):
    """`is_title_line(text, title)` as a test of `text` alone: the title's words are found
    once per post, and a line's words only until one differs (most lines differ at the first;
    finding them all was a fifth of the rules' time on 900-word posts)."""
    words = _WORD.findall(unescape(title).casefold())

    def test(text: str) -> bool:
        if not words:
            return False
        found = _WORD.finditer(unescape(text).casefold())
        for word in words:
            match = next(found, None)
            if match is None or match.group() != word:
                return False
        return next(found, None) is None

    return test


def is_standfirst(text: str) -> bool:
    """Whether the line can be a standfirst: one or two sentences, at most 300 characters.

    Matches: "Why the loans are drying up." Must not: "PUBLISHED : 3 March 2020", "IMG_4471".
    """
    if not text or len(text) > 300 or text.endswith(":"):
        return False
    if parse_stamps(text) is not None or parse_byline(text) is not None or is_leftover(text):
        return False
    return 1 <= len(split_sentences(text)) <= 2


# What an old theme leaves between the title and the standfirst: the image's file name
# ("arctic-route_AP2291833", "IMG_4471", "DSC01234.jpg") or its caption ("Photo: AP").
_FILE_NAME = re.compile(r"^(?=[^\s]*(?:[\d_]|\.(?:jpe?g|png|gif|webp|tiff?|heic)$))[\w.-]+$", re.I)
_CAPTION = re.compile(
    r"""^\(?\s*(?:photo(?:graph)?s?|images?|pictures?|pic|credit|illustration|file\s+photo
        |caption|source|main\s+image|top\s+image)\b\s*(?:credit)?\s*[:/(\u2013\u2014-]
      | \((?:\w+\s+)?photo\b[^)]*\)\s*$
      | /\s*(?:Getty\s+Images|AFP|Reuters|AP|EPA|Shutterstock|Bloomberg|Xinhua|Alamy)\)?\s*$""",
    re.I | re.X,
)
_LONGEST_LEFTOVER = 200


def is_leftover(text: str) -> bool:
    """Whether a line is an image file name or a caption the old theme left behind.

    Matches: "arctic-route_AP2291833", "IMG_4471", "Photo: AFP/Getty Images".
    Must not: "Water, borders and remittances are back on the agenda" (a standfirst).
    """
    text = text.strip()
    if not text or len(text) > _LONGEST_LEFTOVER:
        return False
    return bool(_FILE_NAME.match(text) or _CAPTION.search(text))


_INTRO_OUTLET = re.compile(
    r"""\b(?:
        (?:my|a|an|new|latest|recent|this|first)\s+(?:[\w-]+\s+){0,2}?    # "my weekly", "a new"
            (?:column|piece|article|op-?ed|essay|commentary|analysis|latest|contribution
            |review|explainer|post)
            \s+(?:(?:up|out)(?:\s+(?:today|now))?\s+)?(?:in|for|at|on)\s+   # "a piece out in"
      | (?:wrote|written)\s+(?:[\w-]+\s+){0,2}?for\s+               # "wrote this for"
      | (?:something|a\s+few\s+words|some\s+thoughts|a\s+note)\s+(?:in|for)\s+
      | ^(?:(?:this|it|the\s+piece|the\s+column|my\s+column|this\s+piece)\s+)?  # "This ran in"
        (?:ran|appeared|(?:was\s+|first\s+)?published|is\s+out|(?:out|up)(?:\s+(?:today|now))?)
        \s+(?:in|at|on)\s+
    )(?P<rest>.+)""",
    re.I | re.X | re.S,
)
# Words describing a new outlet before its name: "a regional newsletter called the", "a new
# outlet, the Tbilisi-based".
_DESCRIBED = re.compile(
    r"""(?:an?|the|one)\s+(?:[\w-]+\s+){0,3}?
        (?:newsletter|outlet|magazine|site|website|journal|publication|blog|newspaper|paper
        |platform|think[\s-]tank|review|quarterly|monthly|weekly|daily|substack)
        (?:\s+(?:called|named|titled)\s+|\s*,\s*)
        (?:the\s+)?(?:[\w-]+-based\s+)?""",
    re.I | re.X,
)
# "the Lowy Institute's Interpreter": the publication, not the institution that runs it.
_PUBLISHER = re.compile(r"^(?:the\s+)?.+?['\u2019]s\s+(?=[A-Z])")


# "The Guardian ran my piece on ...": the outlet first.
_OUTLET_RAN = re.compile(
    r"\s+(?:ran|published|carried|commissioned)\s+(?:my|this|the)\s+(?:[\w-]+\s+)?"
    r"(?:piece|column|op-?ed|essay|article|review)\b",
    re.I,
)


def parse_intro_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    """The outlet the intro's phrasing names, or "".

    Matches: "my latest for X", "a newsletter called the X", "my first piece for a new outlet,
    the Tbilisi-based X", "something for the Lowy Institute's Interpreter" (gives "Interpreter").
    Must not: "A piece of good news: the ceasefire held." (no outlet after "piece of").
    """
    for match in _INTRO_OUTLET.finditer(text):
        rest = match.group("rest")
        described = _DESCRIBED.match(rest)
        if described:
            rest = rest[described.end() :]
        outlet = leading_outlet(rest, known_outlets)
        if outlet:
            return _PUBLISHER.sub("", outlet)
    outlet = leading_outlet(text, known_outlets)
    if outlet and _OUTLET_RAN.match(text, len(text) - len(text.lstrip()) + len(outlet)):
        return outlet
    return ""
