"""
Atom feeds of columns, each with an RSS 2.0 twin for old readers.

Entries carry the full column (intro note, article, bio lines), every author in byline order,
the tags as categories and a link to the original at the outlet. The generators below add what
Django's stock feeds lack: full content, several authors and the link to the original.
"""

import copy
import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from taggit.models import Tag

from outlets.models import Outlet

from .links import tag_url
from .models import Author, Column, owner

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


class ColumnFeed(Feed):
    """The latest published columns; subclasses narrow it to a tag, outlet or author."""

    feed_type = FullAtomFeed
    title = settings.SITE_NAME
    subtitle = description = settings.SITE_DESCRIPTION

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: keep the request on a per-request copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def link(self):
        return reverse("columns:index")

    def author_name(self):
        site_owner = owner()
        return site_owner.name if site_owner else settings.SITE_NAME

    def columns(self, obj):
        return Column.objects.published()

    def items(self, obj):
        return self.columns(obj).with_listing_data()[:FEED_SIZE]

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


class TagFeed(ColumnFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{tag.name} · {settings.SITE_NAME}"

    def subtitle(self, tag):
        return f"Columns about {tag.name}."

    description = subtitle

    def link(self, tag):
        return tag_url(tag.slug)

    def columns(self, tag):
        return Column.objects.published().filter(tags=tag)


class OutletFeed(ColumnFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Outlet, slug=slug)

    def title(self, outlet):
        return f"Columns in {outlet.name} · {settings.SITE_NAME}"

    def subtitle(self, outlet):
        return f"Columns published in {outlet.name}."

    description = subtitle

    def link(self, outlet):
        return outlet.get_absolute_url()

    def columns(self, outlet):
        return Column.objects.published().filter(outlet=outlet)


class AuthorFeed(ColumnFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{author.name} · {settings.SITE_NAME}"

    def subtitle(self, author):
        return f"Columns by {author.name}."

    description = subtitle

    def link(self, author):
        return author.get_absolute_url()

    def columns(self, author):
        return Column.objects.published().filter(authors=author)
