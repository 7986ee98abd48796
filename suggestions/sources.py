"""
Article addresses listed by a source: a feed's entries, a sitemap's URLs (newest first when
it dates them), or the article links of an author page on the outlet's own site.

    article_links(kind, body, base_url) -> [absolute URLs], at most MAX_LINKS
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree

MAX_LINKS = 50
# A hostile or broken document gives no links, never an entity expansion or a network read.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)


def _xml(body):
    try:
        return etree.fromstring(body, SAFE_XML)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def feed_links(body):
    root = _xml(body)
    if root is None:
        return []
    links = []
    for element in root.iter():
        name = _local(element)
        if name == "item":  # RSS
            link = next((c.text for c in element if _local(c) == "link" and c.text), None)
            links.append(link)
        elif name == "entry":  # Atom
            alternates = [
                c.get("href")
                for c in element
                if _local(c) == "link" and c.get("rel", "alternate") == "alternate"
            ]
            links.append(alternates[0] if alternates else None)
    return [link.strip() for link in links if link]


def sitemap_links(body):
    root = _xml(body)
    if root is None:
        return []
    entries = []
    for url in (e for e in root.iter() if _local(e) == "url"):
        loc = next((c.text for c in url if _local(c) == "loc" and c.text), None)
        lastmod = next((c.text or "" for c in url if _local(c) == "lastmod"), "")
        if loc:
            entries.append((lastmod.strip(), loc.strip()))
    entries.sort(key=lambda entry: entry[0], reverse=True)  # ISO dates sort as text
    return [loc for _, loc in entries]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def looks_like_article(path):
    """An article's address has a long slug or a date in it, not a section's ("/world/")."""
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    last = segments[-1].rsplit(".", 1)[0]
    return last.count("-") >= 3 or (len(segments) >= 3 and any(s.isdigit() for s in segments))


def page_links(body, base_url):
    parser = _Links()
    parser.feed(body)
    host = urlsplit(base_url).netloc
    links = []
    for href in parser.hrefs:
        url = urldefrag(urljoin(base_url, href))[0]
        parts = urlsplit(url)
        if parts.netloc == host and url != base_url and looks_like_article(parts.path):
            links.append(url)
    return links


def article_links(kind, body, base_url):
    if kind == "feed":
        found = feed_links(body.encode() if isinstance(body, str) else body)
    elif kind == "sitemap":
        found = sitemap_links(body.encode() if isinstance(body, str) else body)
    else:
        found = page_links(body, base_url)
    unique = []
    for url in found:
        url = urljoin(base_url, url)
        if url.startswith(("http://", "https://")) and url not in unique:
            unique.append(url)
    return unique[:MAX_LINKS]
