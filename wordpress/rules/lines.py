"""The line model: a post's HTML as blocks and lines that rules read, use up and edit.

A block is a top-level element (a paragraph, a heading, a list, a figure...), a comment, or the
loose inline text between blocks, as `core.html_tokens` reads them: a script or style element is
one block whatever its text holds. The lines of a paragraph or heading are its parts between
<br>s; any other block is one line that no rule reads. A rule marks the lines it used, or edits
one (`remove_sentences`), and `render()` writes back what is left: a block nothing touched
exactly as it came.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from core import html_tokens

from ..content import balance_tags
from .text import ANY_TAG, BR, plain_text, split_sentences

_BLOCK_LEVEL = {
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "script", "style",
}  # fmt: skip
# Blocks whose lines rules may read: paragraphs, headings and loose inline text ("").
_READABLE = {"", "p", "h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(eq=False)
class Block:
    html: str
    tag: str
    opening: str = ""
    closing: str = ""
    lines: list["Line"] = field(default_factory=list)


@dataclass(eq=False)
class Line:
    html: str
    block: Block
    used: bool = False
    edited: bool = False
    _text: str = ""
    _text_of: str | None = None

    @property
    def readable(self) -> bool:
        return self.block.tag in _READABLE and not self.used

    @property
    def text(self) -> str:
        # The rules read every line several times; work it out again only after an edit.
        if self._text_of is not self.html:
            self._text, self._text_of = plain_text(self.html), self.html
        return self._text


def _top_level_pieces(html: str) -> list[tuple[str, str]]:
    # (tag, html) of each top-level element, comment ("!") or text ("#text").
    pieces: list[tuple[str, str]] = []
    depth, start, tag = 0, 0, ""
    for token in html_tokens.tokens(html):
        if token.kind in (html_tokens.TEXT, html_tokens.COMMENT):
            if depth == 0:
                pieces.append(("#text" if token.kind == html_tokens.TEXT else "!", token.text))
        elif token.kind == html_tokens.RAW:  # a whole script or style element
            if depth == 0:
                pieces.append((token.name, token.text))
        elif token.closing:
            if depth == 0:
                pieces.append(("", token.text))  # a stray end tag stays where it was, inline
                continue
            depth -= 1
            if depth == 0:
                pieces.append((tag, html[start : token.end]))
        elif token.name in html_tokens.VOID_ELEMENTS or token.self_closing:
            if depth == 0:
                pieces.append((token.name, token.text))
        else:
            if depth == 0:
                start, tag = token.start, token.name
            depth += 1
    if depth:
        pieces.append((tag, html[start:]))
    return pieces


def split_blocks(html: str) -> list[Block]:
    blocks: list[Block] = []
    loose: list[str] = []  # inline pieces between blocks make one loose block

    def flush_loose() -> None:
        text = "".join(loose).strip()
        loose.clear()
        if text:
            blocks.append(Block(text, ""))

    for tag, piece in _top_level_pieces(html):
        if tag in _BLOCK_LEVEL or tag == "!":
            flush_loose()
            blocks.append(Block(piece, tag))
        else:
            loose.append(piece)
    flush_loose()
    for block in blocks:
        _split_lines(block)
    return blocks


_WRAPPED = re.compile(r"(<[^>]*>)(.*)(</[^>]*>)", re.S)


def _split_lines(block: Block) -> None:
    if block.tag not in _READABLE:
        block.lines = [Line(block.html, block)]
        return
    inner = block.html
    match = _WRAPPED.fullmatch(block.html) if block.tag else None
    if match:
        block.opening, inner, block.closing = match.groups()
    parts = [part.strip() for part in BR.split(inner)]
    # A <br> inside an inline element (<em>a<br>b</em>) does not split the line.
    if len(parts) > 1 and any("<" in part and balance_tags(part) != part for part in parts):
        parts = [inner.strip()]
    block.lines = [Line(part, block) for part in parts if part]


def render(lines: list[Line]) -> str:
    out = []
    for block, group in groupby(lines, key=lambda line: line.block):
        group = list(group)
        kept = [line for line in group if not line.used]
        untouched = len(kept) == len(block.lines) and not any(line.edited for line in kept)
        if untouched:
            out.append(block.html)  # exactly as it came
        elif kept:
            out.append(block.opening + "<br>\n".join(line.html for line in kept) + block.closing)
    return "\n".join(out)


_EMPTY_INLINE = re.compile(
    r"<(a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>\s*</\1>"
)


def remove_sentences(line: Line, used: Callable[[str], object]) -> list[str]:
    """Remove the sentences of `line` for which `used(text)` is true; return their texts."""
    removed, kept = [], []
    for chunk in split_sentences(line.html):
        text = plain_text(chunk)
        if used(text):
            removed.append(text)
            # Its tags stay, so an element opened in one sentence and closed in another still is.
            kept.append("".join(ANY_TAG.findall(chunk)))
        else:
            kept.append(chunk)
    if removed:
        html = "".join(kept)
        while True:  # <em></em> left by a removed sentence
            html, emptied = _EMPTY_INLINE.subn("", html)
            if not emptied:
                break
        line.html = balance_tags(html.strip())
        line.edited = True
        line.used = not plain_text(line.html)
    return removed
