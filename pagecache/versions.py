"""
The content version, a clock of changes, and the keys it stamps: what invalidates cached pages.

Every cached value is stored with the content version current when its computation began.
Any change to a watched model advances the version (after the transaction commits) and
stamps the keys the change touches with it (pagecache/keys.py). A value stored without keys
(a count, a page whose view said nothing of what it shows) counts only under the version it
was stored with, so any change invalidates it. A page stored with its keys stays current
while none of them is stamped with a later version than its own, so a save invalidates only
the pages that show what changed; a hit reads the stamps only when the version moved since
the page was stored. `bump_content_version()` invalidates everything (an import, a cache
outage). Which models to watch is said at start-up by the app that knows the content
(watch(), called from core/apps.py): this app imports none of ours.

A scheduled item going public (a column posted at a future time) is a change that no save
announces, but one known ahead, with the keys it will touch. The next scheduled items are
stored beside the version with those keys (`Schedule`), and a page is stored no longer than
until the first of them that touches one of its keys: at a go-live, the pages that show the
item (its tags', outlet's, author's, month's lists, the home page, the feeds, its
neighbours) expire, in Redis and in the HTTP caches in front (`s-maxage` is cut the same
way), and every other page stays. A page stored without keys, and a cached count, end at the
first go-live. A hit reads the cache only, never the database, whatever the time; once a
go-live has passed, the next miss, which renders anyway, asks the database for the next
items, and has the pages of those that went public warmed (pagecache/warm.py).
"""

import time
from typing import NamedTuple

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import keys as page_keys
from . import memo, purge
from .guard import cache_call
from .warm import urls_for, warmer

VERSION_KEY = "pagecache:version"
# The version of the last change that invalidated everything.
ALL_KEY = "pagecache:all"
# Stamps, one per key: the version of the last change that touched it. Neither they nor the
# two above expire: a bounded Redis must evict only what has a lifetime (README, "Production").
STAMP_PREFIX = "pagecache:stamp:"
# (the version it was read for, the Schedule then)
SCHEDULE_KEY = "pagecache:schedule"
# How many of the next scheduled items are known ahead; past the last of them, nothing is
# kept (an analyst schedules a few columns, not dozens).
SCHEDULE_SIZE = 50


class _Upcoming:
    # A callable returning the next scheduled items, [(aware datetime, row)] in time order,
    # at most as many as asked for; set by watch().
    items = staticmethod(lambda limit: [])


upcoming = _Upcoming()


class Schedule(NamedTuple):
    """What goes public next: for each of the next scheduled items, in time order, (the Unix
    time it goes public, the keys its going public touches, the paths to warm then); and
    until when that list is complete (None: it holds every scheduled item)."""

    items: tuple = ()
    complete_until: float | None = None

    def first_change(self):
        """When the first of these goes public, or the list stops being complete; or None."""
        times = [self.items[0][0]] if self.items else []
        if self.complete_until is not None:
            times.append(self.complete_until)
        return min(times, default=None)

    def ends(self, keys):
        """When a page showing `keys` stops being current (None: not before a change); with
        no keys, a page that depends on everything, at the first go-live."""
        if keys is None:
            return self.first_change()
        for at, touched, _ in self.items:  # in time order: the first that touches it
            if not touched.isdisjoint(keys):
                return at if self.complete_until is None else min(at, self.complete_until)
        return self.complete_until


class Current(NamedTuple):
    """The content version a miss reads and stores under, and the schedule it holds under
    (None: unknown, so nothing read under it is kept)."""

    version: int
    schedule: Schedule | None

    def lifetime(self, seconds, keys=None):
        """How long a value computed now, showing `keys` (None: everything), may be kept:
        `seconds`, cut short at the first go-live that touches it (0 or less: not at all)."""
        if self.schedule is None:
            return 0
        end = self.schedule.ends(keys)
        return seconds if end is None else min(seconds, end - time.time())


def read_schedule():
    """The next scheduled items and what they touch. Queries the database (a few queries,
    however many items), recording nothing for the page being rendered."""
    with page_keys.not_recording():
        rows = upcoming.items(SCHEDULE_SIZE + 1)
        items = tuple(
            (at.timestamp(), frozenset(page_keys.go_live_keys(row)), tuple(urls_for(row)))
            for at, row in rows
        )
    if len(items) > SCHEDULE_SIZE:
        return Schedule(items[:SCHEDULE_SIZE], complete_until=items[SCHEDULE_SIZE][0])
    return Schedule(items)


def request_version():
    """The content version the current request reads under: read once per request (None
    outside one, or when the cache is down or has none), for pagecache/memo.py."""

    def read():
        found = cache_call("get_many", [VERSION_KEY])
        return found.get(VERSION_KEY) if found else None

    return memo.snapshot(read)


def remember(name, current, value, keys=None):
    """Keep in this process `value`, found current under `current` (pagecache/memo.py),
    until the first go-live that touches `keys` (None: any); not when the schedule is not
    known."""
    if current.schedule is not None:
        memo.put(name, current.version, value, current.schedule.ends(keys))


def _advance():
    memo.forget_snapshot()
    try:
        version = cache_call("incr", VERSION_KEY)
    except ValueError:
        version = None
    if version is None:  # no version yet (or the cache is down: then this fails too)
        # Start from the clock, not 1: pages stored under a reset version must not come back.
        version = time.time_ns() // 1000
        cache_call("set", VERSION_KEY, version, timeout=None)
    return version


def bump_content_version():
    """Invalidate every cached page, in every process. Returns the new Current."""
    version = _advance()
    cache_call("set", ALL_KEY, version, timeout=None)
    purge.purge((), everything=True)
    # Asked after the increment: whatever committed before it is counted, and a concurrent
    # bump that stores its own answer later also stores its own, newer, version beside it.
    return _store_schedule(version)


def invalidate(keys):
    """Invalidate the pages that show what `keys` name (and every page stored without keys),
    in every process. Returns the new Current."""
    version = _advance()
    cache_call("set_many", {STAMP_PREFIX + key: version for key in keys}, timeout=None)
    purge.purge(keys)
    return _store_schedule(version)


def _store_schedule(version):
    current = Current(version, read_schedule())
    cache_call("set", SCHEDULE_KEY, (version, current.schedule), timeout=None)
    return current


def current_version():
    """The content version (set now if there is none yet), or None when the cache is down."""
    found = cache_call("get_many", [VERSION_KEY])
    if found is None:
        return None
    return found.get(VERSION_KEY) or bump_content_version().version


def read_current(key):
    """(Current, what `key` holds if it was stored under the current version, else None), in
    one round trip; (None, None) when the cache is down. With store_current(), what the page
    cache and the cached counts use: a value from before a change is never returned, and a
    new version needs no cleaning up.

    A hit reads nothing more. A miss asks the database for the schedule if the stored one
    has a go-live that has passed (then the pages of what went public are warmed) or
    belongs to an older version (a miss that read the version just before a bump may store
    its schedule after the bump's), and bumps a missing version."""
    found = cache_call("get_many", [VERSION_KEY, SCHEDULE_KEY, ALL_KEY, key])
    if found is None:
        return None, None
    version, stored = found.get(VERSION_KEY), found.get(key)
    if version is None:
        return bump_content_version(), None
    for_version, schedule = found.get(SCHEDULE_KEY) or (None, Schedule())
    now = time.time()
    first = schedule.first_change()
    known = for_version == version and (first is None or first > now)
    if stored is not None and still_current({key: stored}, version, found.get(ALL_KEY) or 0):
        # Nothing read on a hit is stored again; if it were, an unknown schedule keeps it 0 s.
        return Current(version, schedule if known else None), stored[1]
    if not known:
        gone_public = [path for at, _, paths in schedule.items if at <= now for path in paths]
        if gone_public:
            warmer.warm(gone_public)
        return _store_schedule(version), None
    return Current(version, schedule), None


def still_current(stored, version, everything_since):
    """Which of `stored`, {name: (version stored under, value[, keys])}, may be served under
    `version`: those stored under it, and those stored with keys, after the last change to
    everything, none of whose keys was stamped after them (their stamps read in one round
    trip). None when the cache is down. What pages (read_current) and fragments
    (pagecache/fragments.py) are checked by."""
    candidates = {
        name: entry
        for name, entry in stored.items()
        if entry[0] == version
        or (len(entry) > 2 and entry[2] is not None and entry[0] >= everything_since)
    }
    moved = {key for entry in candidates.values() if entry[0] != version for key in entry[2]}
    stamps = {}
    if moved:
        stamps = cache_call("get_many", [STAMP_PREFIX + key for key in moved])
        if stamps is None:
            return None
    return {
        name
        for name, entry in candidates.items()
        if entry[0] == version
        or all(stamps.get(STAMP_PREFIX + key, 0) <= entry[0] for key in entry[2])
    }


def store_current(key, current, value, timeout, keys=None):
    """Store `value` under `current`'s version, for `timeout` seconds at most and never past a
    go-live that touches it; with `keys`, it stays current until a change touches one."""
    lifetime = current.lifetime(timeout, keys)
    if lifetime > 0:
        stored = (current.version, value) if keys is None else (current.version, value, keys)
        cache_call("set", key, stored, lifetime)


def _invalidate_on_commit(keys, using, instance=None):
    def run():
        touched = set(keys)
        if instance is not None:  # its links as they are once everything is saved
            touched |= page_keys.many_to_many_keys(instance)
        invalidate(touched)
        warmer.warm(urls_for(instance) if instance is not None else [])

    transaction.on_commit(run, using=using, robust=True)


def row_saving(sender, instance, raw=False, using=None, **kwargs):
    """Before a save: what the row touched as it was stored (an outlet it leaves, a month)."""
    if not raw and not instance._state.adding and instance.pk is not None:
        before = sender._base_manager.using(using).filter(pk=instance.pk).first()
        instance._pagecache_before = page_keys.row_keys(before) if before else set()


def row_saved(sender, instance, raw=False, using=None, **kwargs):
    before = instance.__dict__.pop("_pagecache_before", set())
    _invalidate_on_commit(before | page_keys.row_keys(instance), using, instance)


def row_deleting(sender, instance, using=None, **kwargs):
    instance._pagecache_before = page_keys.row_keys(instance) | page_keys.many_to_many_keys(
        instance
    )


def row_deleted(sender, instance, using=None, **kwargs):
    before = instance.__dict__.pop("_pagecache_before", set())
    _invalidate_on_commit(before | page_keys.row_keys(instance), using)


def links_changed(sender, instance, action, reverse, model, pk_set, using=None, **kwargs):
    """m2m_changed: a row's links (tags, authors) were added, removed or cleared."""
    if action == "pre_clear":  # the links about to go, which post_clear does not name
        pks = ()
        if not reverse:
            for field in type(instance)._meta.many_to_many:
                if field.remote_field.through is sender:
                    pks = set(getattr(instance, field.name).values_list("pk", flat=True))
        instance._pagecache_clearing = page_keys.link_keys(instance, model, pks, reverse)
    elif action == "post_clear":
        keys = instance.__dict__.pop("_pagecache_clearing", None)
        _invalidate_on_commit(keys or {page_keys.object_key(instance)}, using)
    elif action in ("post_add", "post_remove"):
        _invalidate_on_commit(page_keys.link_keys(instance, model, pk_set, reverse), using)


class _BumpOnCommit:
    """bump_content_version(), once the transaction commits; `ran` once it has."""

    ran = False

    def __call__(self):
        self.ran = True
        bump_content_version()


def content_changed(sender, using=None, **kwargs):
    """Rows written in bulk (the importer): invalidate everything once it is committed, once
    however many batches say so (each bump also purges every HTTP cache in front)."""
    waiting = transaction.get_connection(using).run_on_commit
    if not any(isinstance(call, _BumpOnCommit) and not call.ran for _, call, _ in waiting):
        transaction.on_commit(_BumpOnCommit(), using=using, robust=True)


def watch(models, scheduled):
    """Invalidate cached pages when a row of one of `models` changes, and keep nothing past
    the go-live of a row of `scheduled(limit)` that it shows: the next `limit` scheduled rows
    at most, [(the aware datetime it goes public, row)], in time order."""
    upcoming.items = scheduled
    page_keys.track(models)
    for model in models:
        uid = f"pagecache:{model._meta.label}"
        pre_save.connect(row_saving, sender=model, dispatch_uid=uid)
        post_save.connect(row_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(row_deleting, sender=model, dispatch_uid=uid)
        post_delete.connect(row_deleted, sender=model, dispatch_uid=uid)
        # Through models (tags, bylines) change by bulk adds that send only m2m_changed.
        m2m_changed.connect(links_changed, sender=model, dispatch_uid=uid)
