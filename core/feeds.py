"""
The feeds' shared parts: Atom with an RSS 2.0 twin, full content, several authors, permanent
entry ids, and the links a page gives to its feeds.

Entries carry what Django's stock feeds lack: the full content, every author in byline order
and a link to the original at the outlet. Every feed also comes as JSON Feed 1.1 (`as_json`).
`ColumnEntriesFeed` makes one entry per column and is what every feed of columns (the site's,
a tag's, an outlet's, an author's) builds on.
"""

import copy
import datetime
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import strip_tags

from pagecache import fragments
from pagecache.keys import members_key, model_key, shows
from pagecache.paginator import kept

from .lists import KeptRows
from .text import xml_safe

FEED_SIZE = 20


# What an empty feed reports as its last update: "now" would change its ETag every second.
NEVER_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def _xml_safe(value):
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


class StableDateMixin:
    """An empty feed's fixed date, and text XML can carry: a row written around save() (a
    bulk import) with a control character in its title would otherwise fail the feed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml_safe, args), **{k: _xml_safe(v) for k, v in kwargs.items()})

    def latest_post_date(self):
        return super().latest_post_date() if self.items else NEVER_UPDATED

    def write(self, outfile, encoding):
        # Written into the response once: written straight into it, each of the 1,100 XML
        # events of a feed of 20 went through the response's encoding, a tenth of its time.
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class FullAtomFeed(StableDateMixin, Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, uri in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", uri)
            handler.endElement("author")
        if item.get("original_url"):
            # Atom allows one rel="alternate" per type, and that is our page: the outlet's
            # copy of the same piece is linked as "related", titled for what it is.
            attrs = {"rel": "related", "type": "text/html", "href": item["original_url"]}
            if item.get("original_title"):
                attrs["title"] = item["original_title"]
            handler.addQuickElement("link", "", attrs)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class FullRssFeed(StableDateMixin, Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's <author> wants an e-mail address; Dublin Core's creator takes a name.
        for name, _uri in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class JsonFeed(StableDateMixin, SyndicationFeed):
    """JSON Feed 1.1 (jsonfeed.org/version/1.1): the Atom feed's entries, with every author,
    the language and the original's address, for readers and tools that prefer JSON."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        feed = self.feed
        data = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": _json_authors([(feed["author_name"], feed["author_link"])]),
            "items": [self._item(item) for item in self.items],
        }
        outfile.write(json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False))

    def _item(self, item):
        entry = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "external_url": item.get("original_url"),
            "title": item["title"],
            "content_html": item.get("content") or item["description"],
            "summary": " ".join(strip_tags(item["description"] or "").split()),
            "date_published": item["pubdate"] and item["pubdate"].isoformat(),
            "date_modified": item["updateddate"] and item["updateddate"].isoformat(),
            "authors": _json_authors(item.get("authors", ())),
            "tags": list(item["categories"] or ()),
            "language": self.feed["language"],
        }
        return {k: v for k, v in entry.items() if v}


def _json_authors(authors):
    return [
        {key: value for key, value in [("name", name), ("url", url)] if value}
        for name, url in authors
        if name
    ]


_ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_links(html, request):
    """Feed readers show content away from our pages: make root-relative links absolute."""
    root = request.build_absolute_uri("/")
    return _ROOT_RELATIVE.sub(lambda m: m.group(1) + root, html)


def tag_uri(request, item, kind):
    """A permanent entry id (RFC 4151): unchanged when a column's date, and so its URL, is fixed."""
    host = urlsplit(f"//{request.get_host()}").hostname
    return f"tag:{host},{item.created_at:%Y-%m-%d}:{kind}/{item.pk}"


def as_rss(feed_class):
    """The RSS 2.0 twin of an Atom feed class."""
    return type(f"{feed_class.__name__}Rss", (feed_class,), {"feed_type": FullRssFeed})


def as_json(feed_class):
    """The JSON Feed twin of an Atom feed class."""
    return type(f"{feed_class.__name__}Json", (feed_class,), {"feed_type": JsonFeed})


def day_start(day):
    """A date as an aware datetime at the start of that day, for feeds that need times."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def feed_link(title, viewname, **kwargs):
    """A feed as a page announces it (templates/includes/feed_links.html): Atom, RSS, JSON."""
    return {
        "title": title,
        "atom": reverse(viewname, kwargs=kwargs),
        "rss": reverse(f"{viewname}_rss", kwargs=kwargs),
        "json": reverse(f"{viewname}_json", kwargs=kwargs),
    }


class FeedLinksMixin:
    """For a view whose page has a feed of its own: `feed_links()` names it, and the page
    announces it beside the site's feed (base.html)."""

    def feed_links(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_feeds=self.feed_links(), **kwargs)


class ContentFeed(Feed):
    """A full-content Atom feed; `as_rss()` makes its RSS twin."""

    page_cache_params = ()  # feeds read no query parameter (pagecache/query.py)

    feed_type = FullAtomFeed

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: keep the request on a per-request copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)


class ColumnEntriesFeed(ContentFeed):
    """The latest public columns of `columns(obj)`, an entry each with the full column."""

    title = settings.SITE_NAME
    subtitle = description = settings.SITE_DESCRIPTION

    def columns(self, obj):
        """The columns this feed draws from (it keeps the public ones)."""
        raise NotImplementedError

    def author_name(self, obj):
        return self.listed(obj)[0]

    def items(self, obj):
        return self.listed(obj)[1]

    def listed(self, obj):
        """(the feed's author, the ids of its columns), kept in one value until its list or
        an author changes (pagecache.paginator.kept); and `self.entries`, what the feed says
        of each column. The author is the site owner, who wrote every column here (their
        Author has is_owner set)."""
        if hasattr(self, "_listed"):
            return self._listed
        columns = self.columns(obj)
        authors = columns.model.authors.field.related_model
        # A feed of a tag's, an outlet's or an author's columns changes with their members.
        key = model_key(columns.model) if obj is None else members_key(type(obj), obj.pk)
        shows(key)
        public = columns.published().without_internals().select_related("outlet")
        loaded = []

        def compute():
            owner = authors.objects.filter(is_owner=True).first()
            loaded[:] = public[:FEED_SIZE]
            return owner.name if owner else settings.SITE_NAME, [c.pk for c in loaded]

        name, ids = kept(f"feed:{key}", compute, {key, model_key(authors)}, rows_shown=False)
        self.entries = self.entries_of(KeptRows(ids, public, loaded), columns.listing_lookups())
        self._listed = name, [pk for pk in ids if pk in self.entries]
        return self._listed

    def entries_of(self, columns, lookups):
        """{pk: what the feed says of each column} of `columns` (KeptRows of public
        columns), from the fragment cache where it is still current
        (pagecache/fragments.py), else computed from the rows of only those columns, with
        their tags and bylines (`lookups`), and kept. An entry is the same in every feed of
        this site and every format (Atom, RSS, JSON); its links are absolute, so it is kept
        per address of the site."""
        root = self.request.build_absolute_uri("/")
        content = get_template("feeds/column_content.html").template.source
        code = fragments.code_version(content, Path(__file__))
        names = {pk: f"feed-entry:{pk}:{code}:{root}" for pk in columns.ids}
        version, entries = fragments.get_many(list(names.values()))
        missing = columns.rows_of([pk for pk in columns.ids if names[pk] not in entries])
        prefetch_related_objects(missing, *lookups)
        computed = {column.pk: self.entry(column) for column in missing}
        fragments.set_many(
            version,
            {
                names[column.pk]: (computed[column.pk], fragments.instance_keys(column))
                for column in missing
            },
        )
        found = {pk: entries[name] for pk, name in names.items() if name in entries}
        return found | computed

    def entry(self, column):
        absolute = self.request.build_absolute_uri
        outlet = column.outlet
        return {
            "title": column.title,
            "link": column.get_absolute_url(),
            "description": column.excerpt_html,
            "guid": tag_uri(self.request, column, "column"),
            "pubdate": column.date,
            "updateddate": max(column.modified_at, column.date),
            "categories": sorted((tag.name for tag in column.tags.all()), key=str.casefold),
            "extra": {
                "authors": [
                    (b.author.name, absolute(b.author.get_absolute_url()))
                    for b in column.ordered_bylines
                ],
                "original_url": column.live_original_url,
                "original_title": f"Originally in {outlet.name}" if outlet else "The original",
                "content": absolute_links(
                    render_to_string("feeds/column_content.html", {"column": column}), self.request
                ),
            },
        }

    def item_title(self, pk):
        return self.entries[pk]["title"]

    def item_link(self, pk):
        return self.entries[pk]["link"]

    def item_description(self, pk):
        return self.entries[pk]["description"]

    def item_guid(self, pk):
        return self.entries[pk]["guid"]

    item_guid_is_permalink = False

    def item_pubdate(self, pk):
        return self.entries[pk]["pubdate"]

    def item_updateddate(self, pk):
        return self.entries[pk]["updateddate"]

    def item_categories(self, pk):
        return self.entries[pk]["categories"]

    def item_extra_kwargs(self, pk):
        return self.entries[pk]["extra"]
