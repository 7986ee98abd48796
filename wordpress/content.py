"""Turn the raw content of a WordPress post into the HTML WordPress itself would show.

WordPress stores classic posts as text where blank lines mean paragraphs, and renders them on
every request through its `the_content` filters. `render_wordpress()` reproduces the parts of that
chain an ordinary post depends on, in this order:

1. `<pre>` blocks are set aside, so nothing below touches their text or newlines.
2. The first more tag becomes exactly `<!--more-->` (WordPress ignores any later one, so we drop
   them); `<!--nextpage-->` and `<!--noteaser-->` go.
3. Shortcodes: `[caption]` becomes a `<figure>` with a `<figcaption>`; `[embed]URL[/embed]` and a
   URL alone on a line become a paragraph linking to it; `[gallery]` becomes a paragraph of its
   own, `[gallery ids=1,2]`, that the importer fills with the attachments' images once it has
   read them all (GALLERY); audio, video and playlist are dropped; any other shortcode loses
   its tags and keeps the text it encloses. A bracketed word counts as a shortcode only if it
   has a closing tag, a `/]` or `key=value` attributes, so "[sic]" and "[1]" stay as written.
4. Block-editor posts (`<!-- wp:... -->` comments) are HTML already: WordPress does not run
   wpautop on them, and neither do we. The comments go; loose text between blocks (a classic
   block) is paragraphed.
5. Classic posts go through `wpautop()`.
6. Tidying: empty paragraphs go, the more tag is lifted out of any paragraph, unclosed or stray
   tags are balanced so the result is well-formed.

Nothing is sanitised here; that is the next step's job.
"""

import re
from collections import Counter, deque

from core import html_tokens

# Block-level elements, as wpautop lists them: these are never wrapped in <p>.
_BLOCK_NAMES = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map"
    "|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside"
    "|hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
# A whole opening or closing block tag; the name must end there (<p> but not <param>).
_BLOCK_TAG = rf"</?(?:{_BLOCK_NAMES})(?=[\s/>])[^>]*>"

# Placeholders in the Unicode private-use area, which real posts do not contain.
_NEWLINE_IN_TAG = "\ue000"
_KEPT_NEWLINE = "\ue001"
_REMOVED = "\ue002"
_GALLERY_MARK = "\ue003"

_MORE = re.compile(r"[ \t]*<!--more(.*?)-->[ \t]*", re.S)
_NEXTPAGE_OR_NOTEASER = re.compile(r"<!--(?:nextpage|noteaser)-->")

# <!-- wp:name {"json": "attributes"} -->, <!-- /wp:name -->, <!-- wp:name /-->
_BLOCK_COMMENT = re.compile(
    r"""<!--\s+
        (?P<closing>/)?wp:[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?   # name, maybe namespaced
        \s+(?:\{.*?\}\s+)?                                          # JSON attributes
        (?P<self_closing>/)?-->""",
    re.S | re.X,
)

_PRE = re.compile(r"<pre(?=[\s>]).*?</pre>", re.S | re.I)
_PRE_END = re.compile(r"</pre>", re.I)
# Elements whose newlines are not line breaks (wpautop).
_CODE_LIKE = re.compile(r"<(script|style|svg|math)\b.*?</\1>", re.S | re.ASCII)
_CODE_LIKE_END = re.compile(r"</(?:script|style|svg|math)>")

_SHORTCODE_NAME = r"[a-zA-Z][\w-]*"
# [name attrs]content[/name]
_ENCLOSING_SHORTCODE = re.compile(
    rf"\[(?P<name>{_SHORTCODE_NAME})(?P<attrs>\s[^\]]*)?\](?P<content>.*?)\[/(?P=name)\]", re.S
)
# [name attrs /]
_SHORTCODE_END = re.compile(rf"\[/{_SHORTCODE_NAME}\]")
_SELF_CLOSING_SHORTCODE = re.compile(rf"\[(?P<name>{_SHORTCODE_NAME})(?P<attrs>\s[^\]]*?)?\s*/\]")
# [name attrs] with no closing tag
_OPEN_SHORTCODE = re.compile(rf"\[(?P<name>{_SHORTCODE_NAME})(?P<attrs>\s[^\]]*)?\]")
_SHORTCODE_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_MEDIA_SHORTCODES = {"gallery", "audio", "video", "playlist"}
# What a [gallery] leaves for the importer: its attachment ids, or none (the post's own images).
GALLERY = re.compile(r"<p>\[gallery(?: ids=(?P<ids>[\d,]+))?\]</p>")
# [caption] without a caption="" attribute: the image (maybe linked), then the caption text.
_CAPTIONED_IMAGE = re.compile(r"^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", re.S)

_URL = r"""https?://[^\s<>"']+"""
_URL_ALONE_ON_A_LINE = re.compile(rf"^[ \t]*({_URL})[ \t]*$", re.M)
_URL_ALONE_IN_A_PARAGRAPH = re.compile(rf"<p>\s*({_URL})\s*</p>")

_EMPTY_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(?:\s|&nbsp;|&#160;|&#xa0;|<br\s*/?>)*</p>", re.I)

# Opening one of these ends an open paragraph, as in an HTML parser.
_CLOSES_P = set(_BLOCK_NAMES.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|")) - {"area", "map"}


def render_wordpress(raw: str) -> str:
    """The HTML WordPress would show for a post's raw content (see the module docstring)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text, pre_blocks = _set_aside_pre(text, "columnist")
    text = _normalise_more_tag(text)
    text = _render_shortcodes(text)
    text = _link_lone_urls(text)
    text = _render_blocks(text) if _BLOCK_COMMENT.search(text) else wpautop(text)
    text = _URL_ALONE_IN_A_PARAGRAPH.sub(lambda m: f"<p>{_link(m.group(1))}</p>", text)
    text = _EMPTY_PARAGRAPH.sub("", text)
    text = _lift_more_tag(text)
    text = re.sub(r"\n\s*\n", "\n", text).strip()
    text = _restore_pre(text, pre_blocks)
    return balance_tags(text)


def wpautop(text: str) -> str:
    """Paragraphs from blank lines and <br> from single newlines, as WordPress's wpautop().

    The steps and their order follow WordPress's own function (wp-includes/formatting.php), so
    posts read as their author saw them; the regexes are ours.
    """
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
    text, pre_blocks = _set_aside_pre(text, "wpautop")

    # Two <br>s in a row were a paragraph break typed in the visual editor.
    text = _sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    # Block tags stand in paragraphs of their own.
    text = _sub(rf"(<(?:{_BLOCK_NAMES})[\s/>])", r"\n\n\1", text)
    text = _sub(rf"(</(?:{_BLOCK_NAMES})>)", r"\1\n\n", text)
    text = _sub(r"(<hr\s*/?>)", r"\1\n\n", text)
    text = _hide_newlines_in_tags(text)
    # A caption hugs its image: no paragraph or line break around <figcaption>.
    if "<figcaption" in text:
        text = _sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = _sub(r"</figcaption>\s*", "</figcaption>", text)

    text = _sub(r"\n\n+", "\n\n", text)
    paragraphs = [part for part in re.split(r"\n\s*\n", text, flags=re.ASCII) if part]
    text = "".join(f"<p>{part.strip(chr(10))}</p>\n" for part in paragraphs)

    # Undo the paragraphs that wrapped block tags instead of text.
    text = _sub(r"<p>\s*</p>", "", text)
    if any(f"</{name}>" in text for name in ("div", "address", "form")):  # slow on long text
        text = _sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = _sub(rf"<p>\s*({_BLOCK_TAG})\s*</p>", r"\1", text)
    text = _sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = _sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _sub(rf"<p>\s*({_BLOCK_TAG})", r"\1", text)
    text = _sub(rf"({_BLOCK_TAG})\s*</p>", r"\1", text)

    # Remaining newlines are line breaks, except in code-like elements.
    text = _sub_up_to_last(
        _CODE_LIKE, _CODE_LIKE_END, lambda m: m.group(0).replace("\n", _KEPT_NEWLINE), text
    )
    text = _sub(r"<br\s*/?>", "<br>", text)
    text = _sub(r"(?<!<br>)\s*\n", "<br>\n", text)
    text = text.replace(_KEPT_NEWLINE, "\n")
    text = _sub(rf"({_BLOCK_TAG})\s*<br>", r"\1", text)
    text = _sub(r"<br>(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)(?=[\s/>])[^>]*>)", r"\1", text)
    text = _sub(r"\n</p>$", "</p>", text)

    text = _restore_pre(text, pre_blocks)
    return text.replace(_NEWLINE_IN_TAG, "\n")


# Elements nested deeper are dropped, as browsers' parsers do (Chrome's past 512): the
# sanitiser's HTML parser takes time in the square of the depth, 70 s for a hostile post of
# 100,000 nested <div>s. Real posts nest a dozen deep.
MOST_NESTED = 200


def balance_tags(html: str) -> str:
    """Close unclosed elements and drop stray closing tags, leaving text as it is; start
    tags nested deeper than MOST_NESTED are dropped.

    Paragraphing can cut an inline element in two (`<em>a` blank line `b</em>`), and hand-written
    posts have their own mistakes; a browser would repair them silently, we repair them visibly.
    """
    out: list[str] = []
    open_elements: list[str] = []
    # How many of each name are open: asking the list was a scan of it per tag, 7 s for a
    # post of 30,000 nested <div>s (a hostile export's "absurd nesting").
    open_count: Counter[str] = Counter()

    def close_innermost():
        name = open_elements.pop()
        open_count[name] -= 1
        return name

    for token in html_tokens.tokens(html):
        if token.kind != html_tokens.TAG:  # text, comments, whole script and style elements
            out.append(token.text)
            continue
        name = token.name
        if token.closing:
            if open_count[name]:
                while open_elements[-1] != name:
                    out.append(f"</{close_innermost()}>")
                close_innermost()
                out.append(token.text)
            continue
        if name in html_tokens.VOID_ELEMENTS or token.self_closing:
            out.append(token.text)
            continue
        if name in _CLOSES_P and open_count["p"]:
            while open_elements:
                closed = close_innermost()
                out.append(f"</{closed}>")
                if closed == "p":
                    break
        elif name == "li" and open_elements and open_elements[-1] == "li":
            out.append(f"</{close_innermost()}>")
        if len(open_elements) >= MOST_NESTED:
            continue  # (its end tag is then stray, or closes an element of its name)
        open_elements.append(name)
        open_count[name] += 1
        out.append(token.text)
    out.extend(f"</{name}>" for name in reversed(open_elements))
    return "".join(out)


def _sub_up_to_last(pattern: re.Pattern, end: re.Pattern, replacement, text: str) -> str:
    """`pattern.sub(replacement, text)`, for a pattern of an element and its end (`<pre>...
    </pre>`), read only up to the last end tag `end` finds: no element starting after it can
    end. The whole text gives the same matches, but there the lazy `.*?` of each start tag
    with no end tag after it runs to the end of the text: 100,000 unclosed `<pre>` or
    `[caption]` in a hostile post took minutes."""
    last = deque(end.finditer(text), maxlen=1)
    if not last:
        return text
    cut = last[0].end()
    return pattern.sub(replacement, text[:cut]) + text[cut:]


def _sub(pattern: str, replacement, text: str, flags: int = 0) -> str:
    # WordPress's regexes see only ASCII whitespace: a non-breaking space is text to keep.
    return re.sub(pattern, replacement, text, flags=flags | re.ASCII)


def _set_aside_pre(text: str, key: str) -> tuple[str, dict[str, str]]:
    blocks: dict[str, str] = {}

    def placeholder(match: re.Match) -> str:
        name = f'<pre data-{key}="{len(blocks)}"></pre>'
        blocks[name] = match.group(0)
        return name

    return _sub_up_to_last(_PRE, _PRE_END, placeholder, text), blocks


def _restore_pre(text: str, blocks: dict[str, str]) -> str:
    for name, block in blocks.items():
        text = text.replace(name, block)
    return text


def _hide_newlines_in_tags(text: str) -> str:
    # A newline inside a tag or comment is not a line break. Script text is read for tags too,
    # as WordPress's own split does, so a comment in a script keeps its blank lines.
    return "".join(
        token.text if token.kind == html_tokens.TEXT else token.text.replace("\n", _NEWLINE_IN_TAG)
        for token in html_tokens.tokens(text, raw_text=())
    )


def _normalise_more_tag(text: str) -> str:
    # The first more tag marks the excerpt; the paragraph breaks put it between paragraphs.
    # Most posts have none of these comments: a substring test first, since the patterns
    # (the first starts with spaces, so it is tried at every character) took 0.1 ms a post.
    if "<!--more" in text:
        text = _MORE.sub(_first_more_tag(), text)
    if "<!--n" in text:
        text = _NEXTPAGE_OR_NOTEASER.sub("\n\n", text)
    return text


def _first_more_tag():
    seen = False

    def replace(match: re.Match) -> str:
        nonlocal seen
        if seen:
            return ""
        seen = True
        return "\n\n<!--more-->\n\n"

    return replace


def _lift_more_tag(text: str) -> str:
    if "<!--more-->" not in text:  # the usual case; the patterns below are slow on long posts
        return _EMPTY_PARAGRAPH.sub("", text)
    # In block-editor HTML the more tag can sit inside a paragraph; split it around the tag.
    text = re.sub(
        r"<p((?:\s[^>]*)?)>((?:(?!</?p[\s>]).)*?)\s*<!--more-->\s*((?:(?!</?p[\s>]).)*?)</p>",
        r"<p\1>\2</p>\n<!--more-->\n<p\1>\3</p>",
        text,
        flags=re.S,
    )
    text = re.sub(r"<p>\s*<!--more-->\s*</p>", "<!--more-->", text)
    return _EMPTY_PARAGRAPH.sub("", text)


def _render_shortcodes(text: str) -> str:
    # Innermost shortcodes are reached on later passes; the cap stops pathological input.
    for _ in range(10):
        rendered = _sub_up_to_last(
            _ENCLOSING_SHORTCODE, _SHORTCODE_END, _render_enclosing_shortcode, text
        )
        if rendered == text:
            break
        text = rendered
    text = _SELF_CLOSING_SHORTCODE.sub(
        lambda m: _gallery(m) if m.group("name").lower() == "gallery" else _REMOVED, text
    )
    text = _OPEN_SHORTCODE.sub(_render_open_shortcode, text)
    # Galleries are written out last, so that no shortcode pattern reads them again.
    if _GALLERY_MARK in text:
        text = re.sub(rf"{_GALLERY_MARK}([\d,]*){_GALLERY_MARK}", _gallery_paragraph, text)
    # A line that held nothing but a dropped shortcode goes, so it does not split a paragraph.
    if _REMOVED not in text:
        return text
    text = re.sub(rf"^[ \t]*(?:{_REMOVED}[ \t]*)+(?:\n|$)", "", text, flags=re.M)
    return text.replace(_REMOVED, "")


def _render_enclosing_shortcode(match: re.Match) -> str:
    name = match.group("name").lower()
    content = match.group("content")
    if name in ("caption", "wp_caption"):
        return _render_caption(_shortcode_attrs(match.group("attrs")), content)
    if name == "embed":
        return f"\n\n<p>{_link(content.strip())}</p>\n\n"
    if name == "gallery":
        return _gallery(match)
    if name in _MEDIA_SHORTCODES:
        return _REMOVED
    return content


def _render_open_shortcode(match: re.Match) -> str:
    # A lone [word] is more likely prose ("[sic]") than a shortcode we cannot render anyway.
    attrs = match.group("attrs") or ""
    if match.group("name").lower() == "gallery":
        return _gallery(match)
    if match.group("name").lower() in _MEDIA_SHORTCODES or _SHORTCODE_ATTR.search(attrs):
        return _REMOVED
    return match.group(0)


def _gallery(match: re.Match) -> str:
    ids = ",".join(re.findall(r"\d+", _shortcode_attrs(match.group("attrs")).get("ids", "")))
    return f"{_GALLERY_MARK}{ids}{_GALLERY_MARK}"


def _gallery_paragraph(match: re.Match) -> str:
    ids = match.group(1)
    return f"\n\n<p>[gallery{' ids=' + ids if ids else ''}]</p>\n\n"


def _shortcode_attrs(text: str | None) -> dict[str, str]:
    # findall gives one group per quoting style; exactly one of them holds the value.
    return {
        name.lower(): double or single or bare
        for name, double, single, bare in _SHORTCODE_ATTR.findall(text or "")
    }


def _render_caption(attrs: dict[str, str], content: str) -> str:
    image, caption = content.strip(), attrs.get("caption", "").strip()
    if not caption:
        match = _CAPTIONED_IMAGE.match(content)
        if match:
            image, caption = match.group(1), match.group(2).strip()
    if not caption:
        return image
    return f"\n\n<figure>{image}<figcaption>{caption}</figcaption></figure>\n\n"


def _link_lone_urls(text: str) -> str:
    if "http" not in text:  # the pattern is tried at every character
        return text
    return _URL_ALONE_ON_A_LINE.sub(lambda m: f"\n<p>{_link(m.group(1))}</p>\n", text)


def _link(url: str) -> str:
    # Raw content holds bare ampersands in URLs; keep existing entities as they are.
    href = re.sub(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)", "&amp;", url)
    return f'<a href="{href}">{href}</a>'


def _render_blocks(text: str) -> str:
    out = []
    depth = 0
    position = 0
    for match in _BLOCK_COMMENT.finditer(text):
        out.append(_render_between_blocks(text[position : match.start()], depth))
        if match.group("closing"):
            depth = max(depth - 1, 0)
        elif not match.group("self_closing"):
            depth += 1
        position = match.end()
    out.append(_render_between_blocks(text[position:], depth))
    return "\n".join(out)


def _render_between_blocks(text: str, depth: int) -> str:
    # Text outside any block is a classic block: the one place a block post needs paragraphs.
    if depth == 0 and text.strip():
        return wpautop(text)
    return text
