"""A tag's feed: its latest public columns, as every feed of columns (core/feeds.py)."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from taggit.models import Tag

from columns.feeds import ColumnFeed
from columns.models import Column
from core.content import carried_by_public

from .links import tag_url


class TagFeed(ColumnFeed):
    def get_object(self, request, slug):
        return get_object_or_404(carried_by_public(Tag.objects.all()), slug=slug)

    def title(self, tag):
        return f"{tag.name} · {settings.SITE_NAME}"

    def subtitle(self, tag):
        return f"Columns about {tag.name}."

    description = subtitle

    def link(self, tag):
        return tag_url(tag.slug)

    def columns(self, tag):
        return Column.objects.filter(tags=tag)
