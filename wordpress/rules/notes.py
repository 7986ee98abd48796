"""Rules: print-edition note and exclusivity, sentences saying where else the piece ran.

"This article appeared in the <Outlet> print edition as <headline>" gives the print headline;
"... written exclusively for <Outlet>" marks the piece exclusive. Both name the outlet.
"""

import re
from collections.abc import Iterable

from .names import leading_outlet

PRINT_NOTE = re.compile(
    r"""\bthis\s+(?:article|story|piece|column)\s+(?:first\s+)?appeared\s+in\s+
        (?P<outlet>.+?)\s+print\s+edition
        (?:\s+(?:of|on)\s+.+?)?          # "... print edition of 4 March 2020"
        \s+as:?\s+(?P<headline>.+)""",
    re.I | re.X | re.S,
)
_QUOTED = re.compile(r'^(?:"(.+)"|\u201c(.+)\u201d|\u2018(.+)\u2019|\'(.+)\')', re.S)
EXCLUSIVITY = re.compile(r"\bwritten\s+exclusively\s+for\s+(?P<rest>.+)", re.I | re.S)


def parse_print_note(sentence: str) -> tuple[str, str] | None:
    """(outlet as written, print headline) from a print-edition note."""
    match = PRINT_NOTE.search(sentence)
    if not match:
        return None
    headline = match.group("headline").strip()
    quoted = _QUOTED.match(headline)
    if quoted:
        headline = next(group for group in quoted.groups() if group)
    else:
        headline = headline.removesuffix(".")  # the sentence's full stop; keep ? and !
    return match.group("outlet").strip(), headline.strip()


def parse_exclusivity(sentence: str, known_outlets: Iterable[str] = ()) -> str | None:
    """The outlet as written, if the sentence says the piece was written exclusively for it."""
    match = EXCLUSIVITY.search(sentence)
    if not match:
        return None
    return leading_outlet(match.group("rest"), known_outlets) or None
