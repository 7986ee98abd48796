"""
Addresses of pages for things that have no model of ours with `get_absolute_url()`: tags
(taggit's model), dates, and the site's index pages.
"""

from django.urls import reverse


def tag_url(slug):
    return reverse("columns:tag", kwargs={"slug": slug})


def year_url(year):
    return reverse("columns:year", kwargs={"year": year})


def month_url(year, month):
    return reverse("columns:month", kwargs={"year": year, "month": month})


def listing_urls():
    """The site's index pages, each listing one kind of thing."""
    return [
        reverse(name)
        for name in (
            "columns:index",
            "columns:archive",
            "columns:tags",
            "outlets:list",
            "mentions:list",
        )
    ]
