"""
Addresses of pages for things that have no model of ours with `get_absolute_url()`: tags
(taggit's model), dates, and the site's index pages.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse


@lru_cache(maxsize=4096)
def _remembered_reverse(script_prefix, viewname, slug):
    return reverse(viewname, kwargs={"slug": slug})


def slug_url(viewname, slug):
    """reverse() of a page addressed by a slug alone, remembered: the same tags, outlets and
    authors are linked from every card of every list, and each reverse() walks the URL
    patterns (about a tenth of a list page's rendering time went there). A slug's address
    only changes with the code, or with the script prefix, which is part of the key."""
    return _remembered_reverse(get_script_prefix(), viewname, slug)


def tag_url(slug):
    return slug_url("columns:tag", slug)


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
