"""Read a WordPress export (WXR 1.0, 1.1 or 1.2) one element at a time.

`read_wxr(file)` yields, in document order, a `Site` (once, before anything else), then the
`Author`s, `Term`s (categories and tags), `OutletData` (our own exports only) and `Item`s
(posts, pages, attachments, menu items...). Each item is cleared from memory once read, so a
500 MB export is read in bounded memory.

The parser is lxml with entity resolution, network access and huge-tree mode off. WordPress
never writes a DTD, and a DTD is how entity-expansion ("billion laughs") and external-entity
attacks work, so a file with a `<!DOCTYPE` is refused outright. Every problem is a `WxrError`
naming the line where it was found.
"""

import datetime
import functools
import os
import re
from dataclasses import dataclass, field

from lxml import etree

COLUMNIST_NS = "https://columnist.invalid/export/1.0/"
SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")


class WxrError(Exception):
    """The file cannot be imported; the message says why and where."""

    def __init__(self, message, line=None):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    from_columnist: bool = False  # written by our export_wxr: structured fields in post meta

    @property
    def url(self):
        """The blog's address, which with a post id identifies a post across exports."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Author:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    extra: dict = field(default_factory=dict)  # columnist:* fields of our own exports

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return (self.display_name or full or self.login).strip()


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag" (or a custom taxonomy's name)
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class OutletData:
    """An outlet as our export writes it (`<columnist:outlet>`), with every field."""

    fields: dict
    aliases: list[str]


@dataclass
class Item:
    line: int
    post_id: int | None = None
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: datetime.datetime | None = None  # the blog's local time, naive
    post_date_gmt: datetime.datetime | None = None  # UTC, naive; None for unsaved drafts
    post_name: str = ""
    status: str = ""
    password: str = ""  # a password-protected post's password: readers without it see nothing
    post_type: str = "post"
    post_parent: int | None = None
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (taxonomy, slug, name)
    comments: int = 0  # readers' comments (<wp:comment>), which columns do not have
    meta: dict[str, list[str]] = field(default_factory=dict)

    def meta_value(self, key, default=""):
        values = self.meta.get(key)
        return values[-1] if values else default

    def describe(self):
        return f"item {self.post_id or '?'} “{self.title[:60]}” (line {self.line})"


class _CountingFile:
    """A file wrapper that tells how far the parser has read, for the progress bar."""

    def __init__(self, file):
        self.file = file
        self.position = 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.position += len(data)
        return data


class WxrReader:
    def __init__(self, path):
        self.path = path
        self.size = os.path.getsize(path)
        self.site = Site()
        self._file = None

    @property
    def bytes_read(self):
        return self._file.position if self._file else 0

    def __iter__(self):
        if self.size == 0:
            raise WxrError("the file is empty.")
        with open(self.path, "rb") as raw:
            self._file = _CountingFile(raw)
            yield from self._read()

    def _read(self):
        parser = etree.iterparse(
            self._file,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        depth = 0
        site_sent = saw_channel = False
        try:
            for event, element in parser:
                if event == "start":
                    depth += 1
                    if depth == 1:
                        self._check_root(element)
                    continue
                depth -= 1
                if depth == 1 and _name(element.tag) == "channel":
                    saw_channel = True
                if depth != 2:
                    continue
                name = _name(element.tag)
                read = _READERS.get(name)
                if read is None:
                    if name in _HEADER:
                        setattr(self.site, _HEADER[name], (element.text or "").strip())
                elif not site_sent:
                    self._check_wordpress(element)
                    self._check_version(element.sourceline)
                    site_sent = True
                    yield self.site
                if read is not None:
                    yield read(element)
                _forget(element)
        except etree.XMLSyntaxError as error:
            truncated = "Premature end" in str(error) or (error.lineno or 0) >= self._last_line()
            raise WxrError(_syntax_message(error, truncated), error.lineno or None) from None
        if not site_sent and saw_channel:
            self._check_version(None)
            yield self.site
        elif not site_sent:
            raise WxrError("no <channel> found: is this a WordPress export (WXR)?")

    def _last_line(self):
        with open(self.path, "rb") as file:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) + 1

    def _check_root(self, element):
        docinfo = element.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            raise WxrError(
                "the file declares a DTD (<!DOCTYPE ...>). WordPress exports never do, and a "
                "DTD is how entity-expansion and external-entity attacks work, so it is refused.",
                element.sourceline,
            )
        if _name(element.tag) != "rss":
            raise WxrError(
                f"the root element is <{element.tag}>, not <rss>: not a WordPress export (WXR).",
                element.sourceline,
            )
        self.site.from_columnist = COLUMNIST_NS in (element.nsmap or {}).values()

    def _check_wordpress(self, element):
        # An RSS feed is no export: it has no wp: elements, and its items would all be
        # skipped as items of no known type, the import ending as if there were nothing to do.
        namespaces = (element.nsmap or {}).values()
        if self.site.from_columnist or any("wordpress.org/export/" in n for n in namespaces):
            return
        raise WxrError(
            "this is an RSS feed, not a WordPress export (WXR): it has no WordPress (wp:) "
            "elements. Export the site in WordPress's Tools → Export",
            element.sourceline,
        )

    def _check_version(self, line):
        version = self.site.wxr_version
        if version and version not in SUPPORTED_VERSIONS:
            raise WxrError(
                f"WXR version {version} is not supported (only {', '.join(SUPPORTED_VERSIONS)}).",
                line,
            )


def read_wxr(path):
    return WxrReader(path)


# --- Elements ------------------------------------------------------------------------------

_HEADER = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}


def _prefix(namespace):
    if "wordpress.org/export/" in namespace:
        return "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    if namespace == COLUMNIST_NS:
        return "columnist"
    return {
        "http://purl.org/rss/1.0/modules/content/": "content",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://wellformedweb.org/CommentAPI/": "wfw",
    }.get(namespace, namespace)


@functools.cache  # a file has a few dozen names, met hundreds of thousands of times
def _name(tag):
    """ "wp:post_id" for "{http://wordpress.org/export/1.2/}post_id", whatever the version."""
    if not isinstance(tag, str):
        return ""
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return f"{_prefix(namespace)}:{local}"
    return tag


def _forget(element):
    # Free what has been read: the element and the siblings before it.
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _texts(element):
    return {_name(child.tag): (child.text or "") for child in element}


_MOST_ID = 2**63 - 1  # a column's wordpress_id is a (positive) bigint


def post_id(value):
    """A WordPress id (a post's, a parent's, a `_thumbnail_id`...) read from the export, or
    None for anything else: str.isdigit() also passes "²" and "١٢", which int() refuses or
    reads, and a 30-digit id overflowed the database's bigint, a traceback."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if number <= _MOST_ID else None


# WordPress's own way of writing a date: read with fromisoformat, ten times faster than strptime
# (which stays for the rest: "2020-3-3 9:05:00" is read as before).
_WORDPRESS_DATE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", re.ASCII)


def _date(value, line):
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    if _WORDPRESS_DATE.fullmatch(value):
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass  # "2020-02-30 ...": strptime says so below
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise WxrError(f"“{value}” is not a WordPress date (YYYY-MM-DD HH:MM:SS).", line) from None


def _read_author(element):
    texts = _texts(element)
    extra = {
        key.split(":", 1)[1]: value for key, value in texts.items() if key[:10] == "columnist:"
    }
    return Author(
        login=texts.get("wp:author_login", "").strip(),
        display_name=texts.get("wp:author_display_name", "").strip(),
        first_name=texts.get("wp:author_first_name", "").strip(),
        last_name=texts.get("wp:author_last_name", "").strip(),
        email=texts.get("wp:author_email", "").strip(),
        extra=extra,
    )


def _read_category(element):
    texts = _texts(element)
    return Term(
        taxonomy="category",
        slug=texts.get("wp:category_nicename", "").strip(),
        name=texts.get("wp:cat_name", "").strip(),
        parent=texts.get("wp:category_parent", "").strip(),
        description=texts.get("wp:category_description", ""),
    )


def _read_tag(element):
    texts = _texts(element)
    return Term(
        taxonomy="post_tag",
        slug=texts.get("wp:tag_slug", "").strip(),
        name=texts.get("wp:tag_name", "").strip(),
        description=texts.get("wp:tag_description", ""),
    )


def _read_term(element):
    texts = _texts(element)
    return Term(
        taxonomy=texts.get("wp:term_taxonomy", "").strip(),
        slug=texts.get("wp:term_slug", "").strip(),
        name=texts.get("wp:term_name", "").strip(),
        parent=texts.get("wp:term_parent", "").strip(),
        description=texts.get("wp:term_description", ""),
    )


def _read_outlet(element):
    fields, aliases = {}, []
    for child in element:
        key = _name(child.tag).split(":", 1)[-1]
        if key == "alias":
            aliases.append(child.text or "")
        else:
            fields[key] = child.text or ""
    return OutletData(fields, aliases)


def _read_item(element):
    line = element.sourceline
    item = Item(line=line)
    for child in element:
        name, text = _name(child.tag), child.text or ""
        if name == "category":
            # WXR 1.0 wrote tags as domain="tag", and each term once more with no domain.
            taxonomy = child.get("domain", "category")
            taxonomy = "post_tag" if taxonomy == "tag" else taxonomy
            item.terms.append((taxonomy, child.get("nicename", ""), text.strip()))
        elif name == "wp:postmeta":
            meta = _texts(child)
            item.meta.setdefault(meta.get("wp:meta_key", ""), []).append(
                meta.get("wp:meta_value", "")
            )
        elif name == "wp:comment":
            item.comments += 1
        elif name in _ITEM_FIELDS:
            setattr(item, _ITEM_FIELDS[name], text.strip() if name in _STRIPPED else text)
        elif name in ("wp:post_date", "wp:post_date_gmt"):
            setattr(item, name[3:], _date(text, child.sourceline))
        elif name == "wp:post_parent":
            item.post_parent = post_id(text)
        elif name == "wp:post_id":
            item.post_id = post_id(text)
            if item.post_id is None and text.strip():
                raise WxrError(
                    f"“{text.strip()[:40]}” is not a WordPress post id (a whole number, at most "
                    f"{_MOST_ID})",
                    child.sourceline,
                )
    return item


_ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_password": "password",
    "wp:post_type": "post_type",
    "wp:attachment_url": "attachment_url",
}
_STRIPPED = {"link", "guid", "dc:creator", "wp:post_name", "wp:status", "wp:post_type"}
_STRIPPED |= {"wp:attachment_url"}

_READERS = {
    "item": _read_item,
    "wp:author": _read_author,
    "wp:category": _read_category,
    "wp:tag": _read_tag,
    "wp:term": _read_term,
    "columnist:outlet": _read_outlet,
}


def _syntax_message(error, at_the_end):
    message = str(error.msg if hasattr(error, "msg") else error)
    # libxml2 may go on after a newline with a piece of the file ("CData section not
    # finished" and the text after the <![CDATA[): the first line is the message.
    message = message.strip().split("\n", 1)[0].split(", line ", 1)[0].rstrip(".")
    if "encoding" in message.lower():
        return f"{message}. Re-save the file as UTF-8 and import it again"
    if "huge" in message.lower() or "too big" in message.lower():
        return f"{message}: an element over 10 MB is refused, as a safety limit"
    if at_the_end:
        return f"the file ends too early ({message}): it looks truncated. Export it again"
    return f"malformed XML: {message}"
