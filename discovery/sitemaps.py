"""
The sitemap sections, served under one sitemap index at /sitemap.xml.

Every section lists only what readers can see: it starts from `published()` querysets.

Each section is paged by PAGE_SIZE addresses (`sitemap-columns.xml?p=2`...), which the index
lists, so one sitemap page costs the same whatever the size of the archive. A section's size
(for its number of pages) is counted once per content change, like the lists' counts
(pagecache/paginator.py), and the index's dates come from one indexed MAX each.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse
from taggit.models import Tag

from columns.links import month_url, year_url
from columns.models import Author, Column
from core.content import carried_by_public
from outlets.models import Outlet
from pagecache.paginator import VersionedCountPaginator, cached_aggregate
from tags.links import tag_url

# Addresses per sitemap page (the protocol allows 50,000): small enough to render quickly.
PAGE_SIZE = 1000


class SectionSitemap(Sitemap):
    """A section paged by PAGE_SIZE, its size counted once per content version."""

    limit = PAGE_SIZE

    @property
    def count_key(self):
        return f"sitemap:{type(self).__name__}"

    @property
    def paginator(self):
        # items() must stay lazy (a queryset) or cached: with the count cached, the index then
        # runs no query for a section, and a section page loads only its own page of rows.
        return VersionedCountPaginator(self._items(), self.limit, count_key=self.count_key)


def latest_column_edit():
    """When a public column was last edited: the index's date for columns and date archives.
    The (modified_at) index answers it by reading from the newest edit backwards."""
    return Column.objects.published().aggregate(latest=Max("modified_at"))["latest"]


class ColumnSitemap(SectionSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Column.objects.published().only("day", "slug", "modified_at").order_by("-date", "-id")
        )

    def lastmod(self, column):
        return column.modified_at

    def get_latest_lastmod(self):
        # For the index: one aggregate rather than Django's default of loading every column.
        return latest_column_edit()


class ListingSitemap(SectionSitemap):
    changefreq = "daily"

    # The site's index pages, each listing one kind of thing.
    pages = ["columns:index", "columns:archive", "tags:list", "outlets:list", "mentions:list"]

    def items(self):
        return [reverse(name) for name in self.pages]

    def location(self, url):
        return url


class DateArchiveSitemap(SectionSitemap):
    """One entry per year (or per month) that has published columns, dated by its newest edit."""

    changefreq = "weekly"

    def __init__(self, by_month=False):
        self.by_month = by_month

    @property
    def count_key(self):
        return f"sitemap:dates:{'month' if self.by_month else 'year'}"

    def items(self):
        # Grouping the whole archive by period cannot be made cheap: the few hundred rows are
        # kept until the content changes, like the lists' counts.
        return cached_aggregate(f"{self.count_key}:rows", self.periods)

    def periods(self):
        fields = {"year": ExtractYear("day")}
        if self.by_month:
            fields["month"] = ExtractMonth("day")
        rows = Column.objects.published().order_by().values(**fields)
        return list(rows.annotate(lastmod=Max("modified_at")).order_by(*fields))

    def get_latest_lastmod(self):
        # The newest edit of any period is the newest edit of any column; Django's default
        # would group the whole archive by period to find it.
        return latest_column_edit()

    def location(self, row):
        if self.by_month:
            return month_url(row["year"], row["month"])
        return year_url(row["year"])

    def lastmod(self, row):
        return row["lastmod"]


# The sections below keep a row that at least one public column or mention carries
# (core.content.carried_by_public, the rule of their pages): one EXISTS per row, answered
# from the foreign key's index at the first public match, so the cost follows the number of
# outlets, authors or tags, not of columns.


class OutletSitemap(SectionSitemap):
    changefreq = "weekly"

    def items(self):
        return carried_by_public(Outlet.objects.all()).order_by("slug")


class AuthorSitemap(SectionSitemap):
    changefreq = "weekly"

    def items(self):
        return carried_by_public(Author.objects.all()).order_by("slug")


class TagSitemap(SectionSitemap):
    changefreq = "weekly"

    def items(self):
        return carried_by_public(Tag.objects.all()).order_by("slug")

    def location(self, tag):
        return tag_url(tag.slug)


SITEMAPS = {
    "pages": ListingSitemap,
    "columns": ColumnSitemap,
    "years": DateArchiveSitemap(),
    "months": DateArchiveSitemap(by_month=True),
    "outlets": OutletSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
