"""
The content version: the one mechanism that invalidates cached pages.

Every cached page's key holds the content version current when it was stored. Any change to
any content model bumps the version (after the transaction commits), so every app process's
next request looks under new keys and renders fresh pages; the old entries expire on their
own. A scheduled column or mention going public is a change too: the time of the next one is
stored beside the version, and the first request after it bumps the version.
"""

import datetime
import time

from django.apps import apps
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from core.signals import bulk_saved

from .guard import cache_call

VERSION_KEY = "pagecache:version"
NEXT_CHANGE_KEY = "pagecache:next-change"

# Every model whose rows show on public pages. A new content model (redirects...) goes here.
CONTENT_MODELS = [
    "columns.Column",
    "columns.Byline",
    "columns.Author",
    "columns.TaggedColumn",
    "outlets.Outlet",
    "outlets.OutletAlias",
    "mentions.Mention",
    "mentions.TaggedMention",
    "taggit.Tag",
    "redirects.Redirect",
]


def bump_content_version():
    """Invalidate every cached page, in every process. Returns the new version."""
    next_change = next_scheduled_change()
    try:
        version = cache_call("incr", VERSION_KEY)
    except ValueError:
        version = None
    if version is None:  # no version yet (or the cache is down: then this fails too)
        # Start from the clock, not 1: pages stored under a reset version must not come back.
        version = time.time_ns() // 1000
        cache_call("set", VERSION_KEY, version, timeout=None)
    cache_call("set", NEXT_CHANGE_KEY, next_change, timeout=None)
    return version


def current_version():
    """The content version, or None when the cache is down."""
    values = cache_call("get_many", [VERSION_KEY, NEXT_CHANGE_KEY])
    if values is None:
        return None
    return version_from(values)


def read_current(key):
    """(the content version, what `key` holds if it was stored under that version, else
    None), in one round trip; (None, None) when the cache is down. With store_current(),
    what the page cache and the cached counts use: a value from before a change is never
    returned, and a new version needs no cleaning up."""
    found = cache_call("get_many", [VERSION_KEY, NEXT_CHANGE_KEY, key])
    if found is None:
        return None, None
    version = version_from(found)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return version, stored[1]
    return version, None


def store_current(key, version, value, timeout):
    cache_call("set", key, (version, value), timeout)


def version_from(values):
    """The content version from what the cache holds under VERSION_KEY and NEXT_CHANGE_KEY
    (read together with other keys by the caller); bumped first if a scheduled item is due."""
    version, next_change = values.get(VERSION_KEY), values.get(NEXT_CHANGE_KEY)
    if version is None or (next_change is not None and next_change <= time.time()):
        return bump_content_version()
    return version


def next_scheduled_change():
    """When the next scheduled column or mention goes public (a Unix time), or None."""
    Column = apps.get_model("columns", "Column")
    Mention = apps.get_model("mentions", "Mention")
    now = timezone.now()
    # The inverse of Column.objects.published(): published, but posted in the future.
    column_at = Column.objects.filter(status=Column.Status.PUBLISHED, posted_at__gt=now).aggregate(
        at=Min("posted_at")
    )["at"]
    mention_day = Mention.objects.filter(
        status=Mention.Status.PUBLISHED, date__gt=timezone.localdate(now)
    ).aggregate(day=Min("date"))["day"]
    times = []
    if column_at:
        times.append(column_at.timestamp())
    if mention_day:
        midnight = datetime.datetime.combine(mention_day, datetime.time.min)
        times.append(timezone.make_aware(midnight).timestamp())
    return min(times, default=None)


def content_changed(sender, using=None, action="post_", **kwargs):
    if action.startswith("post_"):  # m2m_changed also sends pre_add, pre_remove...
        transaction.on_commit(bump_content_version, using=using, robust=True)


def connect_signals():
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        uid = f"pagecache:{label}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        # Through models (tags, bylines) change by bulk adds that send only m2m_changed.
        m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid)
    # Bulk writes (the WordPress importer) announce themselves once (columns/signals.py).
    bulk_saved.connect(content_changed, dispatch_uid="pagecache:bulk_saved")
