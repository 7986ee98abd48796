"""
An outlet's page (its columns, then interviews given to it) and the index of outlets.

The columns and mentions are reached through Outlet's reverse relations (`outlet.columns`,
`outlet.mentions`), whose querysets bring their own `published()`: this app imports neither.
"""

from django.http import Http404
from django.views.generic import ListView

from core.content import public_by_slug
from core.feeds import FeedLinksMixin, feed_link
from core.lists import PublicListMixin, count_by, reading_order
from pagecache.keys import members_key, shows

from .models import Outlet


class OutletView(FeedLinksMixin, PublicListMixin, ListView):
    """Columns published in an outlet and, as a second section, interviews given to it."""

    template_name = "outlets/outlet_detail.html"
    paginate_by = 10  # as every list of columns (columns.views.PublicColumnsMixin)
    allow_empty = True

    def get_queryset(self):
        self.outlet = public_by_slug(Outlet.objects.all(), self.kwargs["slug"])
        shows(members_key(Outlet, self.outlet.pk))  # its columns and mentions
        columns = self.outlet.columns.published().for_cards()
        return columns.order_by("-date", "-pk")

    def list_keys(self):
        return {members_key(Outlet, self.outlet.pk)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            outlet=self.outlet,
            title=self.outlet.name,
            description=self.outlet.description
            or f"Columns published in {self.outlet.name}, and interviews given to it.",
            **kwargs,
        )
        self.add_latest_mentions(context, self.outlet.mentions)
        if not context["paginator"].count and not context["mentions"]:
            # Nothing public (no columns, no mentions: unused, or used by drafts only): the
            # outlet has no page, as it is not on /outlets/ (issue 14, item 9).
            raise Http404("No outlet with public content here.")
        return context

    def feed_links(self):
        name = self.outlet.name
        return [feed_link(f"Columns in {name}", "outlets:feed", slug=self.outlet.slug)]


def public_counts():
    """{related name: {outlet id: number of public rows}} for each kind of content that
    points at outlets (columns, mentions), each one cached GROUP BY (core.lists.count_by)."""
    counts = {}
    for rel in Outlet._meta.related_objects:
        published = getattr(rel.related_model.objects, "published", None)
        if rel.one_to_many and published:
            name = rel.get_accessor_name()
            counts[name] = count_by(f"outlet {name}", published(), rel.field.name)
    return counts


class OutletListView(PublicListMixin, ListView):
    """Every outlet with something public, with its counts: two GROUP BY queries (cached,
    count_by) and the names."""

    template_name = "outlets/outlet_list.html"
    paginate_by = 200

    def get_queryset(self):
        counts = public_counts()
        columns, mentions = counts["columns"], counts["mentions"]
        outlets = list(Outlet.objects.filter(pk__in=columns.keys() | mentions.keys()))
        outlets.sort(key=lambda outlet: reading_order(outlet.name))
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
