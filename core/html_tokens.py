"""Reading HTML as a row of tokens: text, comments and tags, each where it stands in the string.

The WordPress importer's rendering and text rules and the image markup of column bodies all read
HTML this way, so the grammar of a tag is written once, here. It is a tokenizer, not a parser:
no tree, no entities decoded in text, nothing repaired. Every token keeps its text as written
and its place, so the tokens of a string join back into it, and a caller can copy byte for byte
whatever it leaves alone.

A tag is `<`, maybe `/`, a name, attributes (a name, then maybe `=` and a value in double, single
or no quotes), maybe `/`, then `>`; a `>` inside a quoted value does not end it. Anything else
that starts with `<` ("a < b", "<3", an unclosed comment) is text. A script or style element
comes whole, as one token, since its text is not HTML.
"""

import functools
import re
from collections.abc import Collection, Iterator
from html import escape, unescape
from typing import NamedTuple

TEXT, COMMENT, TAG, RAW = "text", "comment", "tag", "raw"

# Elements with no end tag.
VOID_ELEMENTS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    }
)  # fmt: skip
# Elements whose text is not HTML: in `<script>if (a <b) ...</script>` there is no <b> tag.
RAW_TEXT = frozenset({"script", "style"})

_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
_TAG = re.compile(
    rf"<(?P<closing>/)?(?P<name>[a-zA-Z][\w:-]*)(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>"
)
_ATTRIBUTE_PARTS = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class Token(NamedTuple):
    kind: str  # TEXT, COMMENT, TAG, or RAW: a whole script or style element
    text: str  # as written
    start: int  # where the token stands in the string read: html[start:end] == text
    end: int
    name: str = ""  # of a tag or raw element, in lower case: "p" for <P> and </p>
    closing: bool = False  # an end tag, </p>
    attributes_text: str = ""

    @property
    def self_closing(self) -> bool:
        return self.text.endswith("/>")

    def attributes(self) -> dict[str, str]:
        """A tag's attributes by lower-case name, values unquoted and unescaped ("" if none).

        As in a browser, the first of two attributes with the same name counts.
        """
        found: dict[str, str] = {}
        for name, double, single, bare in _ATTRIBUTE_PARTS.findall(self.attributes_text):
            found.setdefault(name.lower(), unescape(double or single or bare))
        return found


def tokens(html: str, raw_text: Collection[str] = RAW_TEXT) -> Iterator[Token]:
    """The tokens of `html`, in order; text between tags comes as one token.

    An element named in `raw_text` whose end tag follows comes whole, as one RAW token, its
    text unread; without its end tag, its start tag is an ordinary tag.
    """
    # Tokens are built as plain tuples of all their fields (`new(Token, ...)`), not through
    # Token(...) and its defaults: the WordPress importer reads 400,000 of them in 5,000 posts.
    #
    # Nothing is looked for twice. A regex of comments and tags together (`<!--.*?-->|<tag>`)
    # tried each unclosed "<!--" to the end of the text: 100,000 of them in a hostile export's
    # post took minutes. Here the next comment and the next tag are each found once: the
    # earlier wins, the other is kept while it lies ahead. A comment whose "-->" does not
    # follow is text, and so is every later "<!--"; an element of `raw_text` with no end tag
    # after it has none after any later start tag either.
    new, search, find = tuple.__new__, _TAG.search, html.find
    never = len(html) + 1  # where the next comment or tag starts when there is none
    last_comment_end = html.rfind("-->")
    comment = tag_start = -1
    unclosed = set()
    position = 0
    while True:
        if comment < position:
            comment = find("<!--", position)
            if comment < 0 or comment + 4 > last_comment_end:
                comment = never
        if tag_start < position:
            tag = search(html, position)
            tag_start = tag.start() if tag else never
        if comment < tag_start:
            start, end = comment, find("-->", comment + 4) + 3
            if start > position:
                yield new(Token, (TEXT, html[position:start], position, start, "", False, ""))
            position = end
            yield new(Token, (COMMENT, html[start:end], start, end, "", False, ""))
            continue
        if tag_start == never:
            break
        start, end = tag.span()
        if start > position:
            yield new(Token, (TEXT, html[position:start], position, start, "", False, ""))
        closing, name, attributes = tag.groups()
        position = end
        name = name.lower()
        if closing:
            yield new(Token, (TAG, tag.group(), start, end, name, True, ""))
        elif (
            name in raw_text
            and name not in unclosed
            and (element_end := _end_tag(name).search(html, end))
        ):
            position = element_end.end()
            yield new(Token, (RAW, html[start:position], start, position, name, False, ""))
        else:
            if name in raw_text:
                unclosed.add(name)
            yield new(Token, (TAG, tag.group(), start, end, name, False, attributes))
    if position < len(html):
        yield Token(TEXT, html[position:], position, len(html))


def start_tag(name: str, attributes: dict[str, str]) -> str:
    """A start tag written back: `<img src="/a.jpg" alt="A &amp; B">`, every value escaped."""
    written = [f'{key}="{escape(value)}"' for key, value in attributes.items()]
    return "<" + " ".join([name, *written]) + ">"


@functools.cache
def _end_tag(name: str) -> re.Pattern:
    return re.compile(rf"</{re.escape(name)}\s*>", re.I)
