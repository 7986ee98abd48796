"""Names in the rules' text: people's names, outlets' names, and lists of either.

A person's name is 2-4 capitalised words, with particles ("van", "de") allowed between. An
outlet the caller knows is recognised whatever its case and with or without "the"; an unknown
one must be a run of capitalised words.
"""

import functools
import itertools
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
_THE = re.compile(r"the\s+", re.I)


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


_TOKEN = re.compile(r"\S+")
_TRAILING = re.compile(r"(?:['\u2019]s)?[.,;:!?)\]\"'\u201d\u2019]*$")


class KnownOutlets:
    """The names the caller knows, looked up by their words: whatever their case, with or
    without "the", ending at a word's end ("the BBC's" holds "the BBC"). A dictionary, not one
    regular expression of a thousand alternatives, which took 0.7 s to compile and was slow to
    search (measured with the 1,200 spellings of a catalogue)."""

    def __init__(self, names: Iterable[str]):
        self.keys = {_outlet_key(name) for name in names} - {""}
        self.longest = max((key.count(" ") + 1 for key in self.keys), default=0)
        # Most words start no name: one look-up rules them out.
        self.first_words = {key.split()[0] for key in self.keys}
        self.first_words |= {word[: _TRAILING.search(word).start()] for word in self.first_words}

    def __bool__(self) -> bool:
        return bool(self.keys)

    def match(self, text: str, start: int = 0) -> str:
        """The known name written at `start` of `text` (with its "the"), or ""."""
        end = self._end_at(text, start)
        return text[start:end] if end else ""

    def fullmatch(self, name: str) -> bool:
        return _outlet_key(name) in self.keys

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each known name in `text`, left to right, the longest first."""
        found, at = [], 0
        for token in _TOKEN.finditer(text) if self.keys else ():
            if token.start() < at or not self._may_start(token.group(0)):
                continue
            end = self._end_at(text, token.start(), allow_the=False)
            if end:
                found.append((token.start(), end))
                at = end
        return found

    def _may_start(self, token: str) -> bool:
        word = token.casefold()
        return word in self.first_words or word[: _TRAILING.search(word).start()] in (
            self.first_words
        )

    def _end_at(self, text: str, start: int, allow_the: bool = True) -> int:
        if not self.keys:
            return 0
        starts = [start]
        the = _THE.match(text, start) if allow_the else None
        if the:
            starts.insert(0, the.end())
        for first in starts:
            head = _TOKEN.match(text, first)
            if not head or not self._may_start(head.group(0)):
                continue
            tokens = list(itertools.islice(_TOKEN.finditer(text, first), self.longest))
            for last in reversed(tokens):
                span = text[first : last.end()]
                for cut in (span, span[: _TRAILING.search(span).start()]):
                    if cut and _outlet_key(cut) in self.keys:
                        return first + len(cut)
        return 0


def _outlet_key(name: str) -> str:
    return " ".join(without_the(name.strip()).casefold().split())


def known_index(known_outlets: "Iterable[str] | KnownOutlets") -> KnownOutlets:
    """The index of names the caller knows; `extract()` makes it once and passes it on."""
    if isinstance(known_outlets, KnownOutlets):
        return known_outlets
    return _known_index(tuple(known_outlets))


@functools.lru_cache(maxsize=8)
def _known_index(known_outlets: tuple[str, ...]) -> KnownOutlets:
    return KnownOutlets(known_outlets)


def leading_outlet(text: str, known_outlets: Iterable[str] = ()) -> str:
    """The outlet name at the start of `text`, as written there, or ""."""
    text = text.lstrip()
    known = known_index(known_outlets).match(text)
    match = OUTLET_NAME.match(text)
    return known or (match.group(0) if match else "")


def without_the(name: str) -> str:
    the = _THE.match(name)
    return name[the.end() :] if the else name
