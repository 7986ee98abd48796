"""
The content version: the one mechanism that invalidates cached pages.

Every cached page's key holds the content version current when it was stored. Any change to
a watched model bumps the version (after the transaction commits), so every app process's
next request looks under new keys and renders fresh pages; the old entries expire on their
own. Which models to watch is said at start-up by the app that knows the content (watch(),
called from core/apps.py): this app imports none of ours.

A scheduled item going public (a column posted at a future time) is a change that no save
announces. It ends how long things may be kept instead: the time of the next one is stored
beside the version, and nothing read under that version is stored past it. A hit reads the
cache only, never the database, whatever the time; once that time has passed, the next miss,
which renders anyway, asks the database for the following one.
"""

import time
from typing import NamedTuple

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .guard import cache_call

VERSION_KEY = "pagecache:version"
# (the version it was computed for, the Unix time of the next scheduled change or None)
NEXT_CHANGE_KEY = "pagecache:next-change"


class _Schedule:
    # A callable returning when the next scheduled item goes public (an aware datetime or
    # None); set by watch().
    next_change = staticmethod(lambda: None)


schedule = _Schedule()


class Current(NamedTuple):
    """The content version a miss reads and stores under, and when it stops being current
    for what is stored under it: the Unix time of the next scheduled change, or None."""

    version: int
    next_change: float | None

    def lifetime(self, seconds):
        """How long a value computed now may be kept: `seconds`, cut short at the next
        scheduled change (0 or less: not at all)."""
        if self.next_change is None:
            return seconds
        return min(seconds, self.next_change - time.time())


def next_scheduled_change():
    """When the next scheduled item goes public (a Unix time), or None. Queries the database."""
    at = schedule.next_change()
    return at.timestamp() if at is not None else None


def bump_content_version():
    """Invalidate every cached page, in every process. Returns the new Current."""
    try:
        version = cache_call("incr", VERSION_KEY)
    except ValueError:
        version = None
    if version is None:  # no version yet (or the cache is down: then this fails too)
        # Start from the clock, not 1: pages stored under a reset version must not come back.
        version = time.time_ns() // 1000
        cache_call("set", VERSION_KEY, version, timeout=None)
    # Asked after the increment: whatever committed before it is counted, and a concurrent
    # bump that stores its own answer later also stores its own, newer, version beside it.
    return _store_next_change(version)


def _store_next_change(version):
    current = Current(version, next_scheduled_change())
    cache_call("set", NEXT_CHANGE_KEY, (version, current.next_change), timeout=None)
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

    A hit reads nothing more. A miss asks the database when the next scheduled change is if
    the stored answer has passed (or belongs to an older version: a miss that read the
    version just before a bump may store its answer after the bump's), and bumps a missing
    version."""
    found = cache_call("get_many", [VERSION_KEY, NEXT_CHANGE_KEY, key])
    if found is None:
        return None, None
    version, stored = found.get(VERSION_KEY), found.get(key)
    if version is None:
        return bump_content_version(), None
    for_version, next_change = found.get(NEXT_CHANGE_KEY) or (None, None)
    known = for_version == version and (next_change is None or next_change > time.time())
    if stored is not None and stored[0] == version:
        # Nothing read on a hit is stored again; if it were, an unknown schedule keeps it 0 s.
        return Current(version, next_change if known else 0.0), stored[1]
    if not known:
        return _store_next_change(version), None
    return Current(version, next_change), None


def store_current(key, current, value, timeout):
    """Store `value` under `current`'s version, for `timeout` seconds at most and never past
    the next scheduled change."""
    lifetime = current.lifetime(timeout)
    if lifetime > 0:
        cache_call("set", key, (current.version, value), lifetime)


def content_changed(sender, using=None, action="post_", **kwargs):
    """The receiver of every content signal: bump the version once the change is committed."""
    if action.startswith("post_"):  # m2m_changed also sends pre_add, pre_remove...
        transaction.on_commit(bump_content_version, using=using, robust=True)


def watch(models, next_change):
    """Invalidate cached pages when a row of one of `models` changes, and keep nothing past
    `next_change()`, the aware datetime when the next scheduled item goes public (or None)."""
    schedule.next_change = next_change
    for model in models:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        # Through models (tags, bylines) change by bulk adds that send only m2m_changed.
        m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid)
