"""An outlet's feed: the columns it published (found through Outlet's reverse relation,
so this app need not import columns)."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from core.content import carried_by_public
from core.feeds import ColumnEntriesFeed

from .models import Outlet


class OutletFeed(ColumnEntriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(carried_by_public(Outlet.objects.all()), slug=slug)

    def title(self, outlet):
        return f"Columns in {outlet.name} · {settings.SITE_NAME}"

    def subtitle(self, outlet):
        return f"Columns published in {outlet.name}."

    description = subtitle

    def link(self, outlet):
        return outlet.get_absolute_url()

    def columns(self, outlet):
        return outlet.columns.all()
