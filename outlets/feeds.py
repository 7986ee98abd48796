"""An outlet's feed: the columns it published (found through Outlet's reverse relation,
so this app need not import columns)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.feeds import ColumnEntriesFeed

from .models import Outlet


class OutletFeed(ColumnEntriesFeed):
    def get_object(self, request, slug):
        outlet = get_object_or_404(Outlet, slug=slug)
        if not outlet.has_public_content():
            raise Http404("No outlet with public content here.")
        return outlet

    def title(self, outlet):
        return f"Columns in {outlet.name} · {settings.SITE_NAME}"

    def subtitle(self, outlet):
        return f"Columns published in {outlet.name}."

    description = subtitle

    def link(self, outlet):
        return outlet.get_absolute_url()

    def columns(self, outlet):
        return outlet.columns.all()
