"""
The sitemap sections, served under one sitemap index at /sitemap.xml.

Every section lists only what readers can see: it starts from `published()` querysets.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import ExtractMonth, ExtractYear
from taggit.models import Tag

from columns.links import listing_urls, month_url, tag_url, year_url
from columns.models import Author, Byline, Column, TaggedColumn
from mentions.models import Mention, TaggedMention
from outlets.models import Outlet


class ColumnSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Column.objects.published().only("day", "slug", "modified_at").order_by("-date", "-id")
        )

    def lastmod(self, column):
        return column.modified_at

    def get_latest_lastmod(self):
        # For the index: one aggregate rather than Django's default of loading every column.
        return Column.objects.published().aggregate(latest=Max("modified_at"))["latest"]


class ListingSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return listing_urls()

    def location(self, url):
        return url


class DateArchiveSitemap(Sitemap):
    """One entry per year (or per month) that has published columns, dated by its newest edit."""

    changefreq = "weekly"

    def __init__(self, by_month=False):
        self.by_month = by_month

    def items(self):
        fields = {"year": ExtractYear("day")}
        if self.by_month:
            fields["month"] = ExtractMonth("day")
        rows = Column.objects.published().order_by().values(**fields)
        return list(rows.annotate(lastmod=Max("modified_at")).order_by(*fields))

    def location(self, row):
        if self.by_month:
            return month_url(row["year"], row["month"])
        return year_url(row["year"])

    def lastmod(self, row):
        return row["lastmod"]


class OutletSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Outlet.objects.filter(
            Q(pk__in=Column.objects.published().values("outlet"))
            | Q(pk__in=Mention.objects.published().values("outlet"))
        ).order_by("slug")


class AuthorSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        bylines = Byline.objects.filter(column__in=Column.objects.published())
        return Author.objects.filter(pk__in=bylines.values("author")).order_by("slug")


class TagSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        columns = TaggedColumn.objects.filter(content_object__in=Column.objects.published())
        mentions = TaggedMention.objects.filter(content_object__in=Mention.objects.published())
        return Tag.objects.filter(
            Q(pk__in=columns.values("tag")) | Q(pk__in=mentions.values("tag"))
        ).order_by("slug")

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
