"""Plain text and sentences of a line of HTML, as the rules read them."""

import re
from html import unescape

_QUOTES = "\"'\u2018\u2019\u201c\u201d"
# Sentence ends: . ! or ? then maybe quotes or closing tags, then a space.
_SENTENCE_BREAK = re.compile(rf"(?<=[.!?])(?:[{_QUOTES})\]]|</[a-zA-Z]+>)*\s+")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "gen", "col", "lt",
    "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "inc", "co", "corp", "ltd", "jr", "sr",
}  # fmt: skip
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

BR = re.compile(r"<br\s*/?>", re.I)
# Any tag, read loosely: a line's markup, once the line model has found the line (lines.py).
ANY_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    if "<" not in html and "&" not in html:
        return " ".join(html.split())  # most lines: plain text already
    # Inline tags join letters ("Wash<em>ing</em>ton"); only a line break separates words.
    text = ANY_TAG.sub("", BR.sub(" ", html))
    return " ".join(unescape(text).split())


def split_sentences(html: str) -> list[str]:
    """Split text or inline HTML into sentences that join back into the original."""
    chunks, start = [], 0
    for match in _SENTENCE_BREAK.finditer(html):
        before = html[: match.start()]
        if before.rfind("<") > before.rfind(">"):
            continue  # inside a tag's attributes
        last_word = plain_text(before[-200:]).rsplit(None, 1)[-1].lower().rstrip(".")
        following = html[match.end() : match.end() + 1]
        if last_word in _ABBREVIATIONS or _INITIALS.fullmatch(last_word):
            continue  # "Dr.", "U.S.", an initial
        if following.islower():
            continue
        chunks.append(html[start : match.end()])
        start = match.end()
    chunks.append(html[start:])
    return [chunk for chunk in chunks if chunk.strip()]
