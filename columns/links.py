"""
Addresses of the archive pages that the site's page templates serve.

Some of these pages are built on another branch, so their URL names are not known here: their
paths are spelled out in this one place, to be switched to `reverse()` when the branches meet.
"""

from django.urls import reverse


def tag_url(slug):
    return f"/tag/{slug}/"


def year_url(year):
    return f"/{year:04d}/"


def month_url(year, month):
    return f"/{year:04d}/{month:02d}/"


def listing_urls():
    """The site's index pages, each listing one kind of thing."""
    return [
        reverse("columns:index"),
        "/archive/",
        "/tags/",
        "/outlets/",
        reverse("mentions:list"),
    ]
