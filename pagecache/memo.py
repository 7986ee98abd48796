"""
What this process already read from the cache, served again without a round trip while the
content version has not moved: kept lookups (pagecache/paginator.py) and fragments
(pagecache/fragments.py).

An uncached list page asks the cache for five things (its ids, its lookups, its strips, the
site owner, its cards), one round trip each, and on a busy machine each round trip waits for
the scheduler, so that they cost more than the page's own Python. Here a request reads the
content version once (`snapshot()`, with the schedule); whatever this process found current
under that same version (checked against the keys' stamps, as the cache itself does) is
current still, since any change advances the version (in every process: it is read from
the cache at each request), until the first go-live that touches it (`expires`, from the
schedule, as the cache's own lifetime). Outside a request (a command, the warmer) nothing
is served from here. A value kept here is bounded by MAX_ENTRIES: past it, all are dropped.
"""

import threading
import time

from django.core.signals import request_finished, request_started

MAX_ENTRIES = 4096

_entries = {}  # name: (the version it is current under, value, until when or None)
_request = threading.local()


_UNREAD = object()


def _begin(**kwargs):
    _request.active = True
    _request.snapshot = _UNREAD


def _end(**kwargs):
    _request.active = False
    _request.snapshot = _UNREAD


request_started.connect(_begin, dispatch_uid="pagecache.memo.begin")
request_finished.connect(_end, dispatch_uid="pagecache.memo.end")


def snapshot(read):
    """The version this request reads under (`read()`'s answer, asked once per request), or
    None outside a request or when the cache does not say (down, no version yet)."""
    if not getattr(_request, "active", False):
        return None
    if _request.snapshot is _UNREAD or _request.snapshot is None:  # None: not there yet
        _request.snapshot = read()
    return _request.snapshot


def forget_snapshot():
    """This process moved the version: what the request read before is not current."""
    _request.snapshot = _UNREAD


def get(name, version):
    """(True, value) if `name` was found current under `version` and has not expired."""
    entry = _entries.get(name)
    if entry is None or entry[0] != version or (entry[2] is not None and entry[2] <= time.time()):
        return False, None
    return True, entry[1]


def put(name, version, value, until=None):
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[name] = (version, value, until)


def clear():
    _entries.clear()
    _request.snapshot = _UNREAD
