"""
Paginated lists whose total count is cached until the content changes.

A list page's COUNT(*) reads every public row: at 50,000 columns it is most of the page's
time, and it grows with the archive (BENCHMARKS.md). The count can only change when the
content version does or a scheduled item goes public (pagecache/versions.py), so it is cached
under that version and the list's address, until then. Public lists get it through
core.lists.PublicListMixin.
"""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import versions


def cached_aggregate(name, compute):
    """compute()'s result, cached under the content version: recomputed once per content
    change (and per COUNT_CACHE_SECONDS, and when a scheduled item goes public), or on every
    call when that is 0 or the cache is down. For whole-archive aggregates (counts, the
    sitemap's months) that pages show."""
    if settings.COUNT_CACHE_SECONDS <= 0:
        return compute()
    key = "count:" + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    current, value = versions.read_current(key)
    if current is None:  # the cache is down
        return compute()
    if value is None:
        value = compute()
        versions.store_current(key, current, value, settings.COUNT_CACHE_SECONDS)
    return value


class VersionedCountPaginator(Paginator):
    def __init__(self, *args, count_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        # Paginator.count is itself a cached_property: .func is its plain computation.
        return cached_aggregate(self.count_key, lambda: Paginator.count.func(self))
