"""
The feeds' shared parts: Atom with an RSS 2.0 twin, full content, several authors, permanent
entry ids, and the links a page gives to its feeds.

Entries carry what Django's stock feeds lack: the full content, every author in byline order
and a link to the original at the outlet. `ColumnEntriesFeed` makes one entry per column
and is what every feed of columns (the site's, a tag's, an outlet's, an author's) builds on.
"""

import copy
import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from pagecache.keys import members_key, model_key, shows

FEED_SIZE = 20


# What an empty feed reports as its last update: "now" would change its ETag every second.
NEVER_UPDATED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class StableDateMixin:
    def latest_post_date(self):
        return super().latest_post_date() if self.items else NEVER_UPDATED


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


def day_start(day):
    """A date as an aware datetime at the start of that day, for feeds that need times."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def feed_link(title, viewname, **kwargs):
    """A feed as a page announces it (templates/includes/feed_links.html): Atom and RSS."""
    return {
        "title": title,
        "atom": reverse(viewname, kwargs=kwargs),
        "rss": reverse(f"{viewname}_rss", kwargs=kwargs),
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
        """The site owner, who wrote every column here (their Author has is_owner set)."""
        authors = self.columns(obj).model.authors.field.related_model
        owner = authors.objects.filter(is_owner=True).first()
        return owner.name if owner else settings.SITE_NAME

    def items(self, obj):
        columns = self.columns(obj)
        # A feed of a tag's, an outlet's or an author's columns changes with their members.
        shows(model_key(columns.model) if obj is None else members_key(type(obj), obj.pk))
        return columns.published().with_listing_data()[:FEED_SIZE]

    def item_title(self, column):
        return column.title

    def item_description(self, column):
        return column.excerpt_html

    def item_guid(self, column):
        return tag_uri(self.request, column, "column")

    item_guid_is_permalink = False

    def item_pubdate(self, column):
        return column.date

    def item_updateddate(self, column):
        return max(column.modified_at, column.date)

    def item_categories(self, column):
        return sorted((tag.name for tag in column.tags.all()), key=str.casefold)

    def item_extra_kwargs(self, column):
        absolute = self.request.build_absolute_uri
        outlet = column.outlet
        return {
            "authors": [
                (b.author.name, absolute(b.author.get_absolute_url()))
                for b in column.ordered_bylines
            ],
            "original_url": column.original_url,
            "original_title": f"Originally in {outlet.name}" if outlet else "The original",
            "content": absolute_links(
                render_to_string("feeds/column_content.html", {"column": column}), self.request
            ),
        }
