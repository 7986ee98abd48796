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
    key = _title_key(title)
    return bool(key) and _title_key(text) == key


def is_standfirst(text: str) -> bool:
    """Whether the line can be a standfirst: one or two sentences, at most 300 characters."""
    if not text or len(text) > 300 or text.endswith(":"):
        return False
    if parse_stamps(text) is not None or parse_byline(text) is not None:
        return False
    return 1 <= len(split_sentences(text)) <= 2


_INTRO_OUTLET = re.compile(
    r"""\b(?:
        (?:my|a|an|new|latest|recent|this)\s+(?:[\w-]+\s+){0,2}?     # "my weekly", "a new"
            (?:column|piece|article|op-?ed|essay|commentary|analysis|latest|contribution)
            \s+(?:in|for|at|on)\s+                                  # "my column in"
      | (?:wrote|written)\s+(?:[\w-]+\s+){0,2}?for\s+               # "wrote this for"
    )(?P<rest>.+)""",
    re.I | re.X | re.S,
)


def parse_intro_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    """The outlet the intro's phrasing names ("my latest for X", "wrote this for X"), or ""."""
    for match in _INTRO_OUTLET.finditer(text):
        outlet = leading_outlet(match.group("rest"), known_outlets)
        if outlet:
            return outlet
    return ""
