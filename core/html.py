"""
Sanitising stored HTML and deriving excerpts from it.

Everything that ends up in a column's intro or body passes through `clean_html` at save, so
templates can print it as safe. The allowlist is the set of elements the editor and the
WordPress importer produce; anything else (scripts, event handlers, `javascript:` URLs, styles)
is dropped.
"""

import html
import re

import nh3

MORE_MARKER = "<!--more-->"

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "del", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre",
    "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL | re.IGNORECASE)
_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br>)*</p>", re.IGNORECASE)


def _clean(fragment):
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return _EMPTY_PARAGRAPH.sub("", cleaned).strip()


def clean_html(value):
    """Sanitise HTML, keeping a `<!--more-->` marker (the excerpt boundary) where it stands."""
    if not value:
        return ""
    parts = value.split(MORE_MARKER, 1)
    cleaned = [_clean(part) for part in parts]
    return f"\n{MORE_MARKER}\n".join(cleaned) if len(cleaned) == 2 else cleaned[0]


def text_to_html(text):
    """Plain text with blank-line paragraphs, escaped, as HTML paragraphs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def excerpt_html(body_html, manual=""):
    """The manual excerpt, else the body before `<!--more-->`, else its first paragraph."""
    if manual.strip():
        return text_to_html(manual)
    if MORE_MARKER in body_html:
        return body_html.split(MORE_MARKER, 1)[0].strip()
    match = _FIRST_PARAGRAPH.search(body_html)
    return match.group(0) if match else ""


# All the parser below would change in text without them; a title without them is plain text.
_MARKUP = ("<", "&", "\0", "\ufeff")


def strip_tags(value):
    """Plain text of an HTML fragment, for meta descriptions and feeds."""
    value = value or ""
    if not any(marker in value for marker in _MARKUP):
        return " ".join(value.split())  # the common case, 50 times faster
    text = nh3.clean(value, tags=set())
    return " ".join(html.unescape(text).split())
