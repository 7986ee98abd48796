# The outlet pages list columns and mentions, so this view module (only) reaches into both apps.
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from columns.models import Column
from columns.pagination import GetPageMixin
from columns.views import PublicColumnsMixin
from mentions.models import Mention

from .models import Outlet


def _count(queryset):
    """A correlated subquery counting the rows of `queryset` that belong to the outer outlet."""
    counts = queryset.filter(outlet=OuterRef("pk")).order_by().values("outlet")
    return Coalesce(Subquery(counts.annotate(n=Count("pk")).values("n")), 0)


class OutletView(PublicColumnsMixin, ListView):
    """Columns published in an outlet and, as a second section, interviews given to it."""

    template_name = "outlets/outlet_detail.html"

    def get_queryset(self):
        self.outlet = get_object_or_404(Outlet, slug=self.kwargs["slug"])
        return super().get_queryset().filter(outlet=self.outlet)

    def get_context_data(self, **kwargs):
        mentions = (
            Mention.objects.published()
            .filter(outlet=self.outlet)
            .select_related("outlet", "column")
        )
        return super().get_context_data(
            outlet=self.outlet,
            mentions=list(mentions),
            title=self.outlet.name,
            description=self.outlet.description
            or f"Columns published in {self.outlet.name}, and interviews given to it.",
            **kwargs,
        )


class OutletListView(GetPageMixin, ListView):
    template_name = "outlets/outlet_list.html"
    paginate_by = 200

    def get_queryset(self):
        return (
            Outlet.objects.annotate(
                column_count=_count(Column.objects.published()),
                mention_count=_count(Mention.objects.published()),
            )
            .filter(Q(column_count__gt=0) | Q(mention_count__gt=0))
            .order_by("name")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title="Outlets",
            description="The publications that carried these columns and the media interviews.",
            **kwargs,
        )
