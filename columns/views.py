import datetime
from itertools import groupby

from django.db.models import (
    Count,
    Max,
    Min,
)
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.dateformat import format as format_date
from django.utils.http import http_date
from django.views.generic import (
    DateDetailView,
    DayArchiveView,
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)

from core.content import public_by_slug
from core.feeds import FeedLinksMixin, feed_link
from core.lists import PublicListMixin
from mentions.models import Mention
from outlets.models import Outlet
from pagecache.keys import members_key, model_key, period_keys, record, shows
from pagecache.paginator import cached_aggregate, kept

from . import column_page, structured
from .models import Author, Column

COLUMNS = model_key(Column)


def can_preview(user):
    """Staff see drafts and scheduled columns, marked as such, on the public pages."""
    return user.is_active and user.is_staff


class PublicColumnsMixin(PublicListMixin):
    """What every list of columns shares: public columns only, dated by day, ten a page."""

    date_field = "day"
    month_format = "%m"
    day_format = "%d"
    paginate_by = 10
    ordering = ["-date", "-pk"]
    allow_empty = True
    # Visibility is published(); a column may carry an outlet's date a few hours "ahead".
    allow_future = True

    def get_queryset(self):
        return Column.objects.published().for_cards()


class ColumnListView(PublicColumnsMixin, ListView):
    """The home page: the latest columns, a strip of mentions and one of outlets."""

    template_name = "columns/column_list.html"

    def list_keys(self):
        return {COLUMNS}

    def get_context_data(self, **kwargs):
        shows(COLUMNS, model_key(Mention))
        return super().get_context_data(
            latest_mentions=kept("home mentions", self.latest_mentions, {model_key(Mention)}),
            outlets=kept("home outlets", self.outlets, {COLUMNS}),
            **kwargs,
        )

    @staticmethod
    def latest_mentions():
        return list(Mention.objects.published().select_related("outlet", "column")[:5])

    @staticmethod
    def outlets():
        """The outlets of public columns (their names and logos are the rows' own keys)."""
        public = Column.objects.published().values("outlet")
        return list(Outlet.objects.filter(pk__in=public).order_by("name"))


class ColumnDetailView(DateDetailView):
    """A column's page: its row read here, the rest from parts kept rendered (column_page)."""

    # Said, so that the date views do not build the page's query a second time to learn
    # which model it reads.
    model = Column
    # Related columns are looked for among this many columns on either side (column_page).
    related_window = 100
    date_field = "day"
    month_format = "%m"
    day_format = "%d"
    allow_future = True
    page_cache_params = ()

    def get_queryset(self):
        # The row, its outlet and whether it has press mentions; no subquery depends on the
        # row (the five that found its neighbours cost 1.7 ms of planning in PostgreSQL and
        # 1 ms of compiling here, on every uncached page, whose parts are now mostly kept).
        columns = Column.objects.without_internals().select_related("outlet")
        if not can_preview(self.request.user):
            columns = columns.published()
        return columns.annotate(has_mentions=column_page.has_mentions())

    def get_context_data(self, **kwargs):
        column = self.object
        parts = column_page.parts(column, self.request, self.related_window)
        # Its lists: the parts' keys (fragments) say which; fine-grained, not every change.
        shows()
        return super().get_context_data(
            column_head=parts.head,
            column_article=parts.article,
            column_around=parts.around,
            title=column.title,
            description=parts.description,
            og_type="article",
            og_image=self.request.build_absolute_uri(column.image.url) if column.image else "",
            canonical_url=column.original_url
            if column.canonical_is_original and column.live_original_url
            else self.request.build_absolute_uri(column.get_absolute_url()),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.is_public:
            response["Last-Modified"] = http_date(self.object.modified_at.timestamp())
        else:
            add_never_cache_headers(response)
        return response


class AuthorView(FeedLinksMixin, PublicColumnsMixin, ListView):
    template_name = "columns/author_detail.html"

    def get_queryset(self):
        self.author = public_by_slug(Author.objects.select_related("photo"), self.kwargs["slug"])
        shows(members_key(Author, self.author.pk))
        return super().get_queryset().filter(authors=self.author)

    def list_keys(self):
        return {members_key(Author, self.author.pk)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return context | {
            "author": self.author,
            "json_ld": structured.profile_page(self.author, self.request),
            "title": f"Columns {'by' if self.author.is_owner else 'with'} {self.author.name}",
            "description": self.author.bio or f"Columns written with {self.author.name}.",
        }

    def feed_links(self):
        name = self.author.name
        return [feed_link(f"Columns by {name}", "columns:author_feed", slug=self.author.slug)]


class ArchiveIndexView(TemplateView):
    """Years and months with their counts, linking to the date archives."""

    template_name = "columns/archive.html"

    def get_context_data(self, **kwargs):
        months = cached_aggregate(
            "archive months",
            lambda: list(
                Column.objects.published()
                .annotate(month=TruncMonth("day"))
                .values("month")
                .annotate(count=Count("pk"))
                .order_by("-month")
            ),
        )
        years = []
        for year, group in groupby(months, key=lambda m: m["month"].year):
            items = list(group)
            years.append({"year": year, "months": items, "count": sum(m["count"] for m in items)})
        return super().get_context_data(
            years=years,
            total=sum(y["count"] for y in years),
            title="Archive",
            description="Every column by year and month.",
            **kwargs,
        )


def nearest(start, end):
    """The last day with columns before `start` and the first from `end` on (or None), kept
    (pagecache.paginator.kept) until a change within the periods up to them, those the date
    archives show."""
    public = Column.objects.published().order_by()
    before = public.filter(day__lt=start).aggregate(day=Max("day"))["day"]
    after = public.filter(day__gte=end).aggregate(day=Min("day"))["day"]
    record(period_keys(COLUMNS, before, after) if before and after else {COLUMNS})
    return before, after


class DateArchiveMixin(PublicColumnsMixin):
    """Titles the date archives ("Columns from June 2018") and links the nearest periods
    that have columns: adjacent empty periods would make an endless trail for crawlers."""

    period = "year"
    period_format = "Y"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except OverflowError:
            # The calendar's last day (9999-12-31) has no next day to end its archive with.
            raise Http404("No archive for this date.") from None

    def get_dated_queryset(self, **lookup):
        # The period's first and last days: what the list lists (list_keys()).
        if self.date_field in lookup:
            self.period_days = (lookup[self.date_field],) * 2
        else:
            last = lookup[f"{self.date_field}__lt"] - datetime.timedelta(days=1)
            self.period_days = (lookup[f"{self.date_field}__gte"], last)
        return super().get_dated_queryset(**lookup)

    def list_keys(self):
        return period_keys(COLUMNS, *self.period_days)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """The days (months) of the period that have columns, kept as its list is."""
        dates = super().get_date_list
        return kept(
            f"date list:{self.request.path}:{date_type}:{ordering}",
            lambda: list(dates(queryset, date_type, ordering)),
            self.list_keys(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = context[self.period]
        # With empty periods allowed, Django gives the adjacent period without a query.
        end = context[f"next_{self.period}"]
        context["period"] = format_date(start, self.period_format)
        context["title"] = f"Columns from {context['period']}"
        context["description"] = f"Every column published in {context['period']}."
        before, after = kept(f"nearest periods:{start}:{end}", lambda: nearest(start, end), ())
        # What the page shows: its period's columns, and the periods up to the nearest ones
        # with columns (its links name them); every column when there is none on a side.
        shows(*(period_keys(COLUMNS, before, after) if before and after else {COLUMNS}))
        context["previous_period"] = self.period_link(before)
        context["next_period"] = self.period_link(after)
        return context

    def period_link(self, date):
        """The address and name of the period (of this archive's kind) holding `date`."""
        if not date:
            return None
        args = {"year": [date.year], "month": [date.year, date.month]}.get(
            self.period, [date.year, date.month, date.day]
        )
        return {
            "url": reverse(f"columns:{self.period}", args=args),
            "label": format_date(date, self.period_format),
        }


class ColumnYearArchiveView(DateArchiveMixin, YearArchiveView):
    make_object_list = True


class ColumnMonthArchiveView(DateArchiveMixin, MonthArchiveView):
    period = "month"
    period_format = "F Y"


class ColumnDayArchiveView(DateArchiveMixin, DayArchiveView):
    period = "day"
    period_format = "j F Y"
