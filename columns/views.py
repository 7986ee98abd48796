import datetime
from itertools import groupby

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags
from django.utils.http import http_date
from django.utils.text import Truncator
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

from . import structured
from .models import Author, Column, TaggedColumn

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
    # Said, so that the date views do not build the page's query (its subqueries cost
    # more to compile than to run) a second time to learn which model it reads.
    model = Column
    # Related columns are looked for among this many columns on either side (related_columns).
    related_window = 100
    date_field = "day"
    month_format = "%m"
    day_format = "%d"
    allow_future = True
    page_cache_params = ()

    def get_queryset(self):
        columns = Column.objects.without_internals().with_listing_data(portraits=True)
        if not can_preview(self.request.user):
            columns = columns.published()
        # What the page needs around the column, read with it in one query: its neighbours,
        # the dates of its related columns' window (None when the archive is shorter) and
        # whether it has mentions. The plain date bounds let PostgreSQL start from the column
        # in the (status, date) index: with the OR alone it walked half the archive (160 ms
        # at 50,000 columns).
        public = Column.objects.published().order_by()
        at, pk = OuterRef("date"), OuterRef("pk")
        earlier = public.filter(Q(date__lt=at) | Q(date=at, pk__lt=pk), date__lte=at)
        later = public.filter(Q(date__gt=at) | Q(date=at, pk__gt=pk), date__gte=at)
        earlier, later = earlier.order_by("-date", "-pk"), later.order_by("date", "pk")
        window = self.related_window
        return columns.annotate(
            previous_pk=Subquery(earlier.values("pk")[:1]),
            next_pk=Subquery(later.values("pk")[:1]),
            window_start=Subquery(earlier.values("date")[window - 1 : window]),
            window_end=Subquery(later.values("date")[window - 1 : window]),
            has_mentions=Exists(Mention.objects.published().filter(column=pk)),
        )

    def get_context_data(self, **kwargs):
        column = self.object
        previous_column, next_column, related = self.around(column)
        self.show_what_depends(column, previous_column, next_column)
        mentions = []
        if column.has_mentions:
            mentions = Mention.objects.published().filter(column=column).select_related("outlet")
        return super().get_context_data(
            previous_column=previous_column,
            next_column=next_column,
            related_columns=related,
            mentions=mentions,
            json_ld=structured.article(column, self.request),
            title=column.title,
            description=column.dek or Truncator(strip_tags(column.excerpt_html)).words(40),
            og_type="article",
            og_image=self.request.build_absolute_uri(column.image.url) if column.image else "",
            canonical_url=column.original_url
            if column.canonical_is_original and column.live_original_url
            else self.request.build_absolute_uri(column.get_absolute_url()),
            **kwargs,
        )

    def show_what_depends(self, column, previous_column, next_column):
        """Tell the page cache what this page shows besides the rows it loads: the column's
        bylines and mentions, the columns between its neighbours (a new one would be the
        next), and its tags' columns in the window its related columns come from. The
        first and the latest column depend on every column, as does a page with no window."""
        keys = {members_key(Column, column.pk)}
        if previous_column and next_column:
            keys |= period_keys(COLUMNS, previous_column.day, next_column.day)
        else:
            keys.add(COLUMNS)
        for tag in column.tags.all():
            tag_members = members_key(type(tag), tag.pk)
            if column.window_start and column.window_end:
                # A margin of a day: the window's ends are instants, periods local days.
                day = datetime.timedelta(days=1)
                start, end = column.window_start.date() - day, column.window_end.date() + day
                keys |= period_keys(tag_members, start, end)
            else:
                keys.add(tag_members)
        shows(*keys)

    def around(self, column):
        """(previous column, next column, related columns) in one query at most.

        Related columns share most tags with this one, among the `related_window` public
        columns published just before it and as many just after, newest first among equals.
        Ranking every column that shares a tag counted a third of the archive for a popular
        tag (80 ms at 50,000 columns); the window keeps the work the same at any size, and
        columns of the same weeks are the likelier follow-ups anyway. The neighbours are in
        the window: the query returns them first, then the five best others, and the five
        best of all are picked from those."""
        neighbours = [pk for pk in (column.previous_pk, column.next_pk) if pk]
        tag_ids = [tag.pk for tag in column.tags.all()]
        if not neighbours and not tag_ids:
            return None, None, []
        nearby = Column.objects.published().exclude(pk=column.pk)
        if column.window_start:
            nearby = nearby.filter(date__gte=column.window_start)
        if column.window_end:
            nearby = nearby.filter(date__lte=column.window_end)
        wanted = Q(pk__in=neighbours)
        if tag_ids:
            # Counted per column of the window (one index probe each), not by joining the
            # tags: a popular tag's rows would be read whole, however small the window.
            shared = (
                TaggedColumn.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
                .order_by()
                .values("content_object")
                .annotate(n=Count("pk"))
                .values("n")
            )
            nearby = nearby.annotate(shared=Subquery(shared))
            wanted |= Q(shared__gt=0)
        else:
            nearby = nearby.annotate(shared=Value(None, output_field=IntegerField()))
        first = Case(When(pk__in=neighbours, then=0), default=1)
        rows = list(
            nearby.filter(wanted)
            .select_related("outlet")
            .only("title", "slug", "day", "date", "outlet__name")
            .order_by(first, F("shared").desc(nulls_last=True), "-date", "-pk")[
                : len(neighbours) + 5
            ]
        )
        by_pk = {row.pk: row for row in rows}
        related = sorted(
            (row for row in rows if row.shared),
            key=lambda r: (-r.shared, -r.date.timestamp(), -r.pk),
        )[:5]
        return by_pk.get(column.previous_pk), by_pk.get(column.next_pk), related

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
