"""An outlet's feed: the columns it published (found through Outlet's reverse relation,
so this app need not import columns)."""

from django.conf import settings

from core.content import public_by_slug
from core.feeds import ColumnEntriesFeed

from .models import Outlet


class OutletFeed(ColumnEntriesFeed):
    def get_object(self, request, slug):
        return public_by_slug(Outlet.objects.all(), slug)

    def title(self, outlet):
        return f"Columns in {outlet.name} · {settings.SITE_NAME}"

    def subtitle(self, outlet):
        return f"Columns published in {outlet.name}."

    description = subtitle

    def link(self, outlet):
        return outlet.get_absolute_url()

    def columns(self, outlet):
        return outlet.columns.all()
