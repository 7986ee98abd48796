"""
Rendered fragments of public pages (a column's card), kept per version of what they show, so
that an uncached page renders its frame and only the fragments it has not got.

A fragment is stored with the content version current when it was rendered and the keys of
the rows it shows (`instance_keys()`: the row, the rows loaded with it, and its members, so a
new byline counts), and is served while none of those keys was stamped with a later version,
by the same check as a page stored with its keys (`versions.still_current()`). A page asks
for all its fragments in one round trip, plus one for the stamps when the version moved since
they were stored, and stores those it rendered in one more. The keys of every fragment a page shows
are added to the page's own recording, so the page cache knows what a page showed even when
its fragments came from the cache.

Only what every reader may see goes in here: the callers pass public rows, rendered the same
for everyone (a staff preview, a draft, anything per reader never reaches this module).
"""

import functools
import hashlib

from django.conf import settings

from . import keys as page_keys
from . import memo, versions
from .guard import cache_call
from .versions import ALL_KEY, VERSION_KEY

PREFIX = "fragment:"


def enabled():
    return settings.FRAGMENT_CACHE_SECONDS > 0


@functools.cache
def code_version(*sources):
    """A short digest of what renders a kind of fragment (its template's source, its code's
    files): part of the fragments' names, so that a deploy that changes how they render
    serves none of the old ones for the day they may be kept."""
    digest = hashlib.md5(usedforsecurity=False)
    for source in sources:
        digest.update(source.read_bytes() if hasattr(source, "read_bytes") else source.encode())
    return digest.hexdigest()[:8]


def get_many(names):
    """(the content version to store new fragments under, {name: html} of the fragments
    still current); (None, {}) when the cache is off or down."""
    if not enabled() or not names:
        return None, {}
    current, version = {}, versions.request_version()
    for name in names:  # those this process found current under this version already
        found, fragment = memo.get(PREFIX + name, version)
        if found:
            current[name] = fragment[0]
            page_keys.record(fragment[1])
    names = [name for name in names if name not in current]
    if not names:
        return version, current
    found = cache_call("get_many", [VERSION_KEY, ALL_KEY, *(PREFIX + name for name in names)])
    if found is None:  # the cache is down
        return None, {}
    if found.get(VERSION_KEY) is None:  # a new cache: nothing in it counts
        return versions.bump_content_version().version, {}
    version = found[VERSION_KEY]
    stored = {name: found[PREFIX + name] for name in names if PREFIX + name in found}
    names_current = versions.still_current(stored, version, found.get(ALL_KEY) or 0)
    if names_current is None:  # the cache is down
        return None, {}
    for name in names_current:
        _, html, keys = stored[name]
        current[name] = html
        page_keys.record(keys)
        memo.put(PREFIX + name, version, (html, keys))
    return version, current


def set_many(version, fragments):
    """Store {name: (html, keys)} rendered under `version` (from get_many()). The page being
    rendered shows them: their keys are its own, members included (a new byline would not
    be among the rows it loaded), whether they can be stored or not."""
    for _html, keys in fragments.values():
        page_keys.record(keys)
    if version is None or not fragments:
        return
    stored = {PREFIX + name: (version, html, keys) for name, (html, keys) in fragments.items()}
    cache_call("set_many", stored, timeout=settings.FRAGMENT_CACHE_SECONDS)


def instance_keys(instance):
    """The keys of what a fragment rendered from `instance` shows: its row and its members,
    and the rows loaded with it (select_related, prefetch_related), recursively."""
    found, todo, seen = set(), [instance], set()
    while todo:
        row = todo.pop()
        if id(row) in seen:
            continue
        seen.add(id(row))
        if type(row) in page_keys.tracked():
            found.add(page_keys.object_key(row))
        todo.extend(related for related in row._state.fields_cache.values() if related)
        for prefetched in getattr(row, "_prefetched_objects_cache", {}).values():
            todo.extend(prefetched)
    found.add(page_keys.members_key(type(instance), instance.pk))
    return frozenset(found)
