"""A tag's feed: its latest public columns, as every feed of columns (core/feeds.py)."""

from django.conf import settings

from columns.feeds import ColumnFeed
from columns.models import Column

from .links import tag_url
from .views import public_tag


class TagFeed(ColumnFeed):
    def get_object(self, request, slug):
        return public_tag(slug)

    def title(self, tag):
        return f"{tag.name} · {settings.SITE_NAME}"

    def subtitle(self, tag):
        return f"Columns about {tag.name}."

    description = subtitle

    def link(self, tag):
        return tag_url(tag.slug)

    def columns(self, tag):
        return Column.objects.filter(tags=tag)
