"""
What an article page says about itself: title, standfirst, stamps, authors, site name, read
from OpenGraph and other meta tags and JSON-LD (schema.org NewsArticle and kin).
"""

import contextlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

ARTICLE_TYPES = {
    "article", "newsarticle", "opinionnewsarticle", "reportagenewsarticle",
    "analysisnewsarticle", "blogposting", "backgroundnewsarticle", "reviewnewsarticle",
}  # fmt: skip


@dataclass
class PageMetadata:
    title: str = ""
    dek: str = ""
    published_at: datetime | None = None
    updated_at: datetime | None = None
    authors: list = field(default_factory=list)
    site_name: str = ""
    canonical_url: str = ""


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}  # first value for each lower-cased property/name
        self.meta_all = {}  # every value, for repeated tags (several authors)
        self.json_ld = []
        self.title = ""
        self.canonical = ""
        self._in = None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            key, content = key.strip().lower(), attrs.get("content", "").strip()
            if key and content:
                self.meta.setdefault(key, content)
                self.meta_all.setdefault(key, []).append(content)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs.get("href", "")
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self._in, self._buffer = "json-ld", []

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
            self._in = None
        elif self._in == "json-ld" and tag == "script":
            with contextlib.suppress(ValueError):  # a broken block is skipped
                self.json_ld.append(json.loads("".join(self._buffer)))
            self._in = None


def _walk_json_ld(data):
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item)
    elif isinstance(data, dict):
        yield data
        yield from _walk_json_ld(data.get("@graph", []))


def _types(item):
    kinds = item.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {str(kind).lower() for kind in kinds}


def _names(value):
    """Person names from a JSON-LD author value: a string, a Person, or a list of them."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name", "") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "://" not in name:
            names.append(" ".join(name.split()))
    return names


def _split_authors(text):
    """ "Jane Roe and John Doe", "Jane Roe, John Doe" → two names."""
    text = text.replace(" and ", ",").replace(" & ", ",")
    return [" ".join(name.split()) for name in text.split(",") if name.strip()]


def parse_stamp(value, zone=None):
    """An ISO date or datetime from a page; a stamp without offset is read in `zone`."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parsed = parse_datetime(value.replace(" ", "T", 1) if "T" not in value else value)
        if parsed is None:
            day = parse_date(value[:10])
            parsed = datetime(day.year, day.month, day.day) if day else None
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, zone or timezone.get_current_timezone())
    return parsed


def extract_metadata(html, zone=None):
    parser = _MetaParser()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # very broken markup: keep what was read
        pass
    meta = parser.meta
    article = next(
        (item for item in _walk_json_ld(parser.json_ld) if _types(item) & ARTICLE_TYPES), {}
    )
    publisher = article.get("publisher") if isinstance(article.get("publisher"), dict) else {}

    def first(*values):
        return next((v.strip() for v in values if isinstance(v, str) and v.strip()), "")

    authors = _names(article.get("author", []))
    if not authors:
        for key in ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"]:
            for value in parser.meta_all.get(key, []):
                if "://" not in value:
                    authors += _split_authors(value)
    seen, unique_authors = set(), []
    for name in authors:
        if name.lower() not in seen:
            seen.add(name.lower())
            unique_authors.append(name)

    return PageMetadata(
        title=first(
            meta.get("og:title"), meta.get("twitter:title"), article.get("headline"), parser.title
        ),
        dek=first(
            meta.get("og:description"),
            meta.get("description"),
            meta.get("twitter:description"),
            article.get("description"),
        ),
        published_at=parse_stamp(
            first(
                meta.get("article:published_time"),
                article.get("datePublished"),
                meta.get("parsely-pub-date"),
                meta.get("date"),
                meta.get("pubdate"),
                meta.get("publish-date"),
                meta.get("dc.date"),
            ),
            zone,
        ),
        updated_at=parse_stamp(
            first(
                meta.get("article:modified_time"),
                article.get("dateModified"),
                meta.get("og:updated_time"),
            ),
            zone,
        ),
        authors=unique_authors[:10],
        site_name=first(meta.get("og:site_name"), publisher.get("name")),
        canonical_url=first(meta.get("og:url"), parser.canonical),
    )
