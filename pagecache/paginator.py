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

from . import keys as page_keys
from . import versions


def cached_aggregate(name, compute, in_memory=True):
    """compute()'s result, cached under the content version: recomputed once per content
    change (and per COUNT_CACHE_SECONDS, and when a scheduled item goes public), or on every
    call when that is 0 or the cache is down. For whole-archive aggregates (counts, the
    sitemap's months) that pages show. Kept in each process too (pagecache/near.py) unless
    not `in_memory` (a search's matches: many, and large): those are named outside the
    prefixes the near cache keeps."""
    if settings.COUNT_CACHE_SECONDS <= 0:
        return compute()
    prefix = "count:" if in_memory else "large:"
    key = prefix + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    current, value = versions.read_current(key)
    if current is None:  # the cache is down
        return compute()
    if value is None:
        value = compute()
        versions.store_current(key, current, value, settings.COUNT_CACHE_SECONDS)
    return value


def kept(name, compute, keys, rows_shown=True, worth_keeping=None):
    """compute()'s result, kept while none of `keys`, nor of the watched rows compute()
    loads, is touched by a change (pagecache/versions.py, as a page stored with its keys):
    what an uncached page looks up besides its fragments (a tag by its slug, the ids of a
    list's page, a strip of latest mentions), read in one round trip however many changes
    touched other things. `keys` name what the value lists (a tag's members, every column);
    rows are recorded as loaded, since rows read back from the cache are not: the page being
    rendered depends on them all the same. Recomputed on every call where the count cache
    is off or the cache is down. The value must be picklable (model instances are).

    Without `rows_shown`, the rows compute() loads are the page's but not the value's (a
    list's ids do not change with its rows' titles). A value that `worth_keeping(value)`
    says is not is returned and not stored (a page number that is not one)."""
    if settings.COUNT_CACHE_SECONDS <= 0:
        return compute()
    key = "kept:" + hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    current, value = versions.read_current(key)
    if current is None:  # the cache is down
        return compute()
    if value is not None:
        value, shown = value
        page_keys.record(shown)
        return value
    recording, token = page_keys.start_recording()
    try:
        value = compute()
    finally:
        page_keys.stop_recording(token)
    page_keys.record(recording.keys)
    shown = frozenset(keys) | (recording.keys if rows_shown else set())
    page_keys.record(shown)
    if worth_keeping is not None and not worth_keeping(value):
        return value
    versions.store_current(key, current, (value, shown), settings.COUNT_CACHE_SECONDS, keys=shown)
    return value


class VersionedCountPaginator(Paginator):
    def __init__(self, *args, count_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        # Paginator.count is itself a cached_property: .func is its plain computation.
        return cached_aggregate(self.count_key, lambda: Paginator.count.func(self))
