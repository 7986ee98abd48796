"""Which files of the old WordPress site a column uses, and rewriting it to their new addresses.

A column uses the old site's files through its featured image (`image_url`), `<img src>` in its
body, and links (`<a href>`) to images and documents, usually under `/wp-content/uploads/`. A
file is the old site's when its host is the site's (or it is an attachment the export lists).
"""

import os
from urllib.parse import unquote, urlsplit

from core import html_tokens
from images.html import add_srcset

from .addresses import web_address

IMAGE, DOCUMENT = "image", "document"
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# Documents and the first bytes each must start with (a file that does not is refused).
DOCUMENT_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
    ".epub": (b"PK\x03\x04",),
    ".zip": (b"PK\x03\x04",),
}


def extension(url):
    return os.path.splitext(unquote(urlsplit(url).path))[1].lower()


def kind_of(url, default=None):
    ext = extension(url)
    if ext in IMAGE_EXTENSIONS:
        return IMAGE
    if ext in DOCUMENT_MAGIC:
        return DOCUMENT
    return default


class OldSite:
    """The hosts of the old site(s); "www.example.org" and "example.org" are one."""

    def __init__(self, addresses, attachments=()):
        self.hosts = {_host(address) for address in addresses if _host(address)}
        self.attachments = set(attachments)

    def holds(self, url):
        return url in self.attachments or _host(url) in self.hosts


def _host(url):
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def references(column, site):
    """{url: kind} of the old site's files that `column` uses."""
    found = {}
    for token in html_tokens.tokens(column.body or ""):
        if token.kind != html_tokens.TAG or token.closing or token.name not in ("img", "a"):
            continue
        attrs = token.attributes()
        if token.name == "img":
            url, kind = attrs.get("src", ""), kind_of(attrs.get("src", ""), IMAGE)
        else:
            url, kind = attrs.get("href", ""), kind_of(attrs.get("href", ""))
        if kind and web_address(url) and site.holds(url):
            found[url] = kind
    url = column.image_url
    if url and not column.image and site.holds(url) and web_address(url):
        found[url] = IMAGE
    return found


def rewrite(column, home):
    """Point `column` at the files brought home, {old url: MediaFile}; True if it changed."""
    body = column.body or ""
    tokens = list(html_tokens.tokens(body))
    parts, changed = [], False
    for token in tokens:
        text = token.text
        if token.kind == html_tokens.TAG and not token.closing and token.name in ("img", "a"):
            attrs = token.attributes()
            name = "src" if token.name == "img" else "href"
            media = home.get(attrs.get(name, ""))
            if media is not None and (token.name == "a" or media.image_id):
                attrs[name] = media.url
                if token.name == "img":
                    attrs.pop("srcset", None)  # the old site's sizes; ours come next
                text, changed = html_tokens.start_tag(token.name, attrs), True
        parts.append(text)
    if changed:
        known = {media.url: media.image for media in home.values() if media.image_id}
        column.body = add_srcset("".join(parts), known)
    media = home.get(column.image_url) if column.image_url and not column.image else None
    if media is not None and media.image_id:
        column.image = media.image.file.name
        column.image_alt = column.image_alt or media.image.alt
        column.image_url = ""
        changed = True
    return changed
