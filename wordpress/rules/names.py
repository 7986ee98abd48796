"""Names in the rules' text: people's names, outlets' names, and lists of either.

A person's name is 2-4 capitalised words, with particles ("van", "de") allowed between. An
outlet the caller knows is recognised whatever its case and with or without "the"; an unknown
one must be a run of capitalised words.
"""

import functools
import re
from collections.abc import Iterable

_NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "do", "dos", "das",
    "la", "le", "al", "el", "bin", "ibn", "ter", "ten", "y", "zu",
}  # fmt: skip
# Capitalised words that start sentences or organisations, never a person's name.
_NOT_FIRST_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "our", "my", "his", "her", "its",
    "their", "it", "he", "she", "we", "they", "you", "in", "on", "at", "for", "and", "but", "if",
}  # fmt: skip
_NAME_PREFIX = re.compile(r"^(?:al|el|bin|ibn|d|o)['\u2019-](?=\w)", re.I)
_NAME_PUNCTUATION = re.compile(r"['\u2019.-]")

# One capitalised word of an outlet's name; a full stop only inside initials (U.S).
_OUTLET_WORD = r"[A-Z\u00c0-\u00de](?:[\w&\u2019'-]|\.(?=\w)|/(?=[A-Z]))*"
_NUMBER = r"\d+(?:['\u2019]s)?"  # "France 24", "BBC Radio 4's Today"
# "The Example Review", "France 24", "Council of Foreign Relations"; not "BBC and Sky News".
OUTLET_NAME = re.compile(
    rf"""(?:[Tt]he\s+)?
        {_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|{_NUMBER}))*
        (?:\s+(?:of|for|de|du|des|la|le|di|del|&)\s+{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|{_NUMBER}))*)*
    """,
    re.X,
)
LIST_SEPARATOR = re.compile(r",?\s+and\s+|,\s*|\s*&\s*")
_THE = re.compile(r"^the\s+", re.I)


def _is_name_word(word: str) -> bool:
    word = _NAME_PREFIX.sub("", word)
    letters = _NAME_PUNCTUATION.sub("", word)
    return bool(letters) and letters.isalpha() and word[0].isupper()


def is_person_name(text: str) -> bool:
    """Whether `text` reads as a person's name: "Jane Roe", "Anna van der Berg", not "The Times"."""
    words = text.split()
    if not words or words[0].lower() in _NOT_FIRST_NAMES:
        return False
    capitalised = 0
    for position, word in enumerate(words):
        if word.lower() in _NAME_PARTICLES and 0 < position < len(words) - 1:
            continue
        if not _is_name_word(word):
            return False
        capitalised += 1
    return 2 <= capitalised <= 4


def split_names(text: str) -> list[str]:
    return [name.strip() for name in LIST_SEPARATOR.split(text.strip()) if name.strip()]


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=8)
def known_outlet_pattern(known_outlets: tuple[str, ...]) -> re.Pattern | None:
    # One pattern for all the names, longest first: the first alternative that matches wins.
    names = {without_the(name.strip()) for name in known_outlets}
    names = sorted(filter(None, names), key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?:the\s+)?(?:{'|'.join(map(re.escape, names))})(?!\w)", re.I)


def leading_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    """The outlet name at the start of `text`, as written there, or ""."""
    text = text.lstrip()
    known = known_outlet_pattern(tuple(known_outlets))
    match = (known and known.match(text)) or OUTLET_NAME.match(text)
    return match.group(0) if match else ""


def without_the(name: str) -> str:
    return _THE.sub("", name)
