"""
Remembered addresses of pages addressed by a slug alone (tags, outlets, authors): the same ones
are linked from every card of every list; and of columns, addressed by their day and slug.
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


@lru_cache(maxsize=8192)
def _remembered_dated(script_prefix, viewname, day, slug):
    kwargs = {"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}"}
    return reverse(viewname, kwargs={**kwargs, "slug": slug})


def dated_url(viewname, day, slug):
    """reverse() of a page addressed by a day and a slug (a column's), remembered likewise: a
    column's page names its own address five times, its neighbours' and related columns'
    once each, and a list its cards'."""
    return _remembered_dated(get_script_prefix(), viewname, day, slug)
