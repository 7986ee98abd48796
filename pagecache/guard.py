"""
Calls to the cache that never fail a request.

When the cache (Redis) is down, every call returns its default, the site serves pages
uncached, and one warning is logged per outage and process. The cache is not tried again for
RETRY_SECONDS, so a dead Redis costs one failed connection per process every few seconds,
not one per request. When it answers again, the callbacks registered with on_recovery() run:
the page cache bumps its content version there (pagecache/apps.py), since a save made during
the outage could not invalidate the pages cached before it.
"""

import logging
import time

from django.core.cache import cache

log = logging.getLogger("pagecache")

RETRY_SECONDS = 5.0


class _State:
    down_until = 0.0  # monotonic time before which the cache is not tried
    down = False


state = _State()
_recovery_callbacks = []


def on_recovery(callback):
    """Call `callback()` each time the cache answers again after an outage."""
    if callback not in _recovery_callbacks:
        _recovery_callbacks.append(callback)


def reset():
    state.down_until = 0.0
    state.down = False


def cache_call(method, *args, default=None, **kwargs):
    """cache.<method>(*args, **kwargs), or `default` if the cache does not answer."""
    return guarded(lambda: getattr(cache, method)(*args, **kwargs), default=default)


def guarded(call, *args, default=None):
    """call(*args), a call to the cache, or `default` if the cache does not answer."""
    if state.down and time.monotonic() < state.down_until:
        return default
    try:
        result = call(*args)
    except ValueError:  # incr() of a missing key: the cache answered
        raise
    except Exception as error:  # redis raises its own ConnectionError, TimeoutError...
        if not state.down:
            log.warning("The cache is not answering (%s); serving pages uncached.", error)
        state.down = True
        state.down_until = time.monotonic() + RETRY_SECONDS
        return default
    if state.down:
        state.down = False
        log.warning("The cache answers again; page caching resumes.")
        for callback in _recovery_callbacks:
            callback()
    return result
