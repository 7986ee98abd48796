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
    text = BR.sub(" ", html)
    # No tag ends after the last ">": the pattern tried each "<" after it to the end of the
    # text (a minute for a hostile post of 100,000 "<!--").
    cut = text.rfind(">") + 1
    text = ANY_TAG.sub("", text[:cut]) + text[cut:]
    return " ".join(unescape(text).split())


def split_sentences(html: str) -> list[str]:
    """Split text or inline HTML into sentences that join back into the original."""
    chunks, start = [], 0
    tags = "<" in html
    for match in _SENTENCE_BREAK.finditer(html):
        end = match.start()  # (no copy of all before it: that was quadratic in sentences)
        if tags and html.rfind("<", 0, end) > html.rfind(">", 0, end):
            continue  # inside a tag's attributes
        last_word = plain_text(html[max(end - 200, 0) : end]).rsplit(None, 1)[-1]
        last_word = last_word.lower().rstrip(".")
        following = html[match.end() : match.end() + 1]
        if last_word in _ABBREVIATIONS or _INITIALS.fullmatch(last_word):
            continue  # "Dr.", "U.S.", an initial
        if following.islower():
            continue
        chunks.append(html[start : match.end()])
        start = match.end()
    chunks.append(html[start:])
    return [chunk for chunk in chunks if chunk.strip()]
