# The outlet pages list columns and mentions, so this view module (only) reaches into both apps.
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from columns.models import Column
from columns.pagination import GetPageMixin
from columns.views import PublicColumnsMixin, count_by
from mentions.models import Mention

from .models import Outlet


class OutletView(PublicColumnsMixin, ListView):
    """Columns published in an outlet and, as a second section, interviews given to it."""

    template_name = "outlets/outlet_detail.html"

    def get_queryset(self):
        self.outlet = get_object_or_404(Outlet, slug=self.kwargs["slug"])
        return super().get_queryset().filter(outlet=self.outlet)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            outlet=self.outlet,
            title=self.outlet.name,
            description=self.outlet.description
            or f"Columns published in {self.outlet.name}, and interviews given to it.",
            **kwargs,
        )
        self.add_latest_mentions(context, Mention.objects.filter(outlet=self.outlet))
        return context


class OutletListView(GetPageMixin, ListView):
    """Every outlet with something public, with its counts: two GROUP BY queries (cached,
    count_by) and the names."""

    template_name = "outlets/outlet_list.html"
    paginate_by = 200

    def get_queryset(self):
        columns = count_by("outlet columns", Column.objects.published(), "outlet")
        mentions = count_by("outlet mentions", Mention.objects.published(), "outlet")
        outlets = list(Outlet.objects.filter(pk__in=columns.keys() | mentions.keys()))
        for outlet in outlets:
            outlet.column_count = columns.get(outlet.pk, 0)
            outlet.mention_count = mentions.get(outlet.pk, 0)
        return outlets

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Outlets",
            description="The publications that carried these columns and the media interviews.",
            **kwargs,
        )
