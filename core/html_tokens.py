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
_TOKEN = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<closing>/)?(?P<name>[a-zA-Z][\w:-]*)(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>",
    re.S,
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
    new, search = tuple.__new__, _TOKEN.search
    position = 0
    while match := search(html, position):
        start, end = match.span()
        if start > position:
            yield new(Token, (TEXT, html[position:start], position, start, "", False, ""))
        closing, name, attributes = match.groups()
        position = end
        if name is None:
            yield new(Token, (COMMENT, match.group(), start, end, "", False, ""))
            continue
        name = name.lower()
        if closing:
            yield new(Token, (TAG, match.group(), start, end, name, True, ""))
        elif name in raw_text and (element_end := _end_tag(name).search(html, end)):
            position = element_end.end()
            yield new(Token, (RAW, html[start:position], start, position, name, False, ""))
        else:
            yield new(Token, (TAG, match.group(), start, end, name, False, attributes))
    if position < len(html):
        yield Token(TEXT, html[position:], position, len(html))


def start_tag(name: str, attributes: dict[str, str]) -> str:
    """A start tag written back: `<img src="/a.jpg" alt="A &amp; B">`, every value escaped."""
    written = [f'{key}="{escape(value)}"' for key, value in attributes.items()]
    return "<" + " ".join([name, *written]) + ">"


@functools.cache
def _end_tag(name: str) -> re.Pattern:
    return re.compile(rf"</{re.escape(name)}\s*>", re.I)
