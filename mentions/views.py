import datetime
from itertools import groupby

from django.conf import settings
from django.views.generic import ListView
from taggit.models import Tag

from core.content import carried_by_public
from core.feeds import FeedLinksMixin, feed_link
from core.lists import PublicListMixin
from core.params import clean_param
from outlets.models import Outlet

from .models import Mention


class MentionListView(FeedLinksMixin, PublicListMixin, ListView):
    """All mentions, newest first, grouped by month; `?outlet=<slug>`, `?year=<yyyy>` and
    `?tag=<slug>` filter (a tag's page lists its latest mentions and links here for the rest)."""

    template_name = "mentions/mention_list.html"
    paginate_by = 50
    page_cache_params = ("page", "outlet", "year", "tag")

    def get_queryset(self):
        mentions = Mention.objects.published().with_listing_data()
        self.outlet_slug = clean_param(self.request.GET.get("outlet", ""))
        if self.outlet_slug:
            mentions = mentions.filter(outlet__slug=self.outlet_slug)
        self.year = self._year(self.request.GET.get("year", ""))
        if self.year:
            mentions = mentions.filter(date__year=self.year)
        self.tag_slug = clean_param(self.request.GET.get("tag", ""))
        self.tag = None
        if self.tag_slug:
            # A tag only drafts carry is no filter readers may name (one rule, core/content.py).
            self.tag = carried_by_public(Tag.objects.all()).filter(slug=self.tag_slug).first()
            mentions = mentions.filter(tags=self.tag) if self.tag else mentions.none()
        return mentions

    @staticmethod
    def _year(value):
        """A plausible year, or None: a bad value is ignored, never an error."""
        value = value.strip()
        if len(value) == 4 and value.isdigit() and int(value) >= datetime.MINYEAR:
            return int(value)
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        public = Mention.objects.published()
        context["months"] = [
            (month, list(items))
            for month, items in groupby(context["object_list"], key=lambda m: m.date.replace(day=1))
        ]
        context["outlet_choices"] = Outlet.objects.filter(pk__in=public.values("outlet")).order_by(
            "name"
        )
        context["year_choices"] = [d.year for d in public.dates("date", "year", order="DESC")]
        context["selected_outlet"] = self.outlet_slug
        context["selected_year"] = self.year
        context["selected_tag"] = self.tag
        context["filtered"] = bool(self.outlet_slug or self.year or self.tag_slug)
        context["title"] = f"In the media on ‘{self.tag.name}’" if self.tag else "In the media"
        context["description"] = "Interviews, quotes and broadcasts, newest first."
        return context

    def feed_links(self):
        return [feed_link(f"{settings.SITE_NAME}: in the media", "mentions:feed")]
