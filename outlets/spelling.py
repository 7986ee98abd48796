"""
How outlet names and homepages are compared: one key per spelling, whatever its case, accents,
punctuation or leading "the" ("The Süddeutsche" is "suddeutsche"), and one per homepage domain
("https://www.Reuters.com/world" is "reuters.com"). The unique keys (OutletKey) and every
matcher (the press form, the importer, add-from-URL, the catalogue) use these two functions.
"""

import contextlib
import re
import unicodedata
from urllib.parse import urlsplit


def normalise_name(name):
    """Case-, accent- and punctuation-insensitive form of a name, without a leading "the"
    ("The Süddeutsche" is "suddeutsche", "A.F.P." is "afp")."""
    name = unicodedata.normalize("NFKD", (name or "").casefold())
    name = "".join(char for char in name if not unicodedata.combining(char))
    name = re.sub(r"[.'’]", "", name)  # "A.F.P." is "AFP", "Harper’s" is "Harpers"
    name = re.sub(r"[^\w\s]", " ", name)
    name = re.sub(r"^\s*the\s+", "", name)
    return " ".join(name.split())


def homepage_domain(url):
    """The host of a homepage, lower-case, without "www." or a trailing dot; "" when none."""
    try:
        host = urlsplit((url or "").strip()).hostname or ""
    except ValueError:  # e.g. an unbalanced "[" in the host
        return ""
    host = host.rstrip(".").removeprefix("www.")
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    return host.lower()


def domains_overlap(first, second):
    """Whether two homepage domains are one site, or one is inside the other."""
    return bool(first and second) and (
        first == second or first.endswith("." + second) or second.endswith("." + first)
    )
