"""
The page cache's values, kept in each process too, so that a hit needs no round trip to Redis.

Everything the page cache reads (the content version, the schedule, stamps, pages, counts,
fragments: the keys under `TRACKED`) is read through `get_many()`. With Redis, a process
keeps what it read, and Redis tells it whenever one of those keys changes, in any process:
Redis's client-side caching (CLIENT TRACKING in broadcast mode, for the tracked prefixes),
its messages arriving on one connection per process that does nothing else. Each read
first takes in the messages that have arrived (a poll of that connection, no round trip),
drops what they name, and then serves what it keeps; it asks Redis, in one round trip, only
for the rest. A value is kept no longer than Redis keeps it (its TTL, read with it), and
values this process writes (`set()`, `set_many()`, `incr()`) are dropped from its own copy
at once. If the connection for the messages fails, the copy is dropped and every read goes
to Redis until it is back (tried again every RETRY_SECONDS).

How current a kept value is: as current as a read from Redis made when the last message
arrived. A change made by another process is seen once Redis's message about it has arrived,
microseconds after the change; a reader asking in those microseconds gets what a reader
asking just before the change would have got. A change made by this process is seen at once.

Without Redis (the quick start's memory cache), or with NEAR_CACHE_ENTRIES = 0, these
functions are the cache's own (through pagecache/guard.py), and nothing is kept.
"""

import contextlib
import itertools
import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from redis.exceptions import ResponseError

from .guard import cache_call, guarded

log = logging.getLogger("pagecache")

# The keys kept: everything this app stores (versions.py, paginator.py, fragments.py,
# middleware.py) but large aggregates (paginator.py: "large:", a search's matches).
TRACKED = ("pagecache:", "page:", "count:", "kept:", "fragment:")
RETRY_SECONDS = 5.0
HEALTH_SECONDS = 5.0
_ABSENT = object()  # a key Redis does not hold, kept as such
# What an entry costs besides its value's bytes (its name, the tuple, the dict's slot), about.
ENTRY_BYTES = 200


class Near:
    """One cache backend's copy (Django keeps one backend per thread)."""

    def __init__(self, backend):
        self.backend = backend
        self.values = {}  # Redis key: (its bytes or _ABSENT, monotonic time it must be dropped)
        self.size = 0  # the bytes of the values kept, with ENTRY_BYTES for each entry
        self.names = {}  # our key: Redis key
        self.messages = None  # the connection Redis sends its messages on
        self.retry_at = 0.0
        self.client_id = None  # of that connection, in Redis
        self.pinged, self.ping_at = False, 0.0  # a PING unanswered; when to send the next
        # Reentrant: a read that finds the cache back after an outage bumps the version
        # (pagecache/apps.py), whose write drops keys from this copy, in the same thread.
        self.lock = threading.RLock()
        self.tracked = tuple(str(backend.make_key(prefix)) for prefix in TRACKED)

    def redis_key(self, key):
        name = self.names.get(key)
        if name is None:
            if len(self.names) >= settings.NEAR_CACHE_ENTRIES * 4:
                self.names.clear()
            name = self.names[key] = str(self.backend.make_key(key))
        return name

    def listening(self):
        """Whether Redis's messages are coming in: connect if need be, and take in those that
        arrived, dropping what they name. False, with nothing kept, if they cannot be had."""
        if self.messages is None and (time.monotonic() < self.retry_at or not self.connect()):
            return False
        try:
            while self.messages.can_read(timeout=0):
                kind, *rest = self.messages.read_response()
                if kind == b"pong":
                    self.pinged = False
                elif kind == b"message":
                    names = rest[1]
                    if names is None:  # the whole database was flushed
                        self.clear()
                    for name in names or ():
                        self.drop(name.decode("utf-8", "surrogateescape"))
            # A connection can die without a word (a proxy, a network between): it is asked
            # to answer every HEALTH_SECONDS, without waiting, and given up when it has not.
            now = time.monotonic()
            if now >= self.ping_at:
                if self.pinged:
                    raise ConnectionError("no answer to PING")
                self.messages.send_command("PING")
                self.pinged, self.ping_at = True, now + HEALTH_SECONDS
        except Exception as error:  # the connection failed: nothing kept can be trusted
            log.info("The near cache lost Redis's messages (%s); reading Redis.", error)
            self.disconnect()
            return False
        return True

    def connect(self):
        connection = guarded(self.open)  # None when Redis does not answer (the guard says so)
        if not connection:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            return False
        self.clear()  # anything kept before is from before these messages
        self.messages = connection
        self.pinged, self.ping_at = False, time.monotonic() + HEALTH_SECONDS
        return True

    def open(self):
        """A connection of its own, on which Redis sends the names of the tracked keys that
        change (redirected to itself, as a subscriber: RESP2, whatever the pool speaks); False
        if this Redis cannot (before 6.0)."""
        pool = self.backend.client.get_client(write=False).connection_pool
        # The pool's address, credentials and timeouts; RESP2, its own parser, no extras.
        kwargs = {
            name: value
            for name, value in pool.connection_kwargs.items()
            if name != "parser_class" and not name.startswith("maint_notifications")
        }
        connection = pool.connection_class(**{**kwargs, "protocol": 2})
        prefixes = [arg for prefix in self.tracked for arg in ("PREFIX", prefix)]
        try:
            connection.connect()
            connection.send_command("CLIENT", "ID")
            self.client_id = connection.read_response()
            connection.send_command(
                "CLIENT", "TRACKING", "ON", "REDIRECT", self.client_id, "BCAST", *prefixes
            )
            connection.read_response()
            connection.send_command("SUBSCRIBE", "__redis__:invalidate")
            connection.read_response()
        except ResponseError as error:
            log.warning("Redis cannot tell of changes (%s): no near cache.", error)
            connection.disconnect()
            return False
        except Exception:
            connection.disconnect()
            raise
        return connection

    def disconnect(self):
        self.clear()
        if self.messages is not None:
            with contextlib.suppress(Exception):
                self.messages.disconnect()
        self.messages = None
        self.retry_at = time.monotonic() + RETRY_SECONDS

    def get_many(self, keys):
        with self.lock:
            if not self.listening():
                return cache_call("get_many", keys)
            now = time.monotonic()
            found, wanted = {}, []
            for key in keys:
                kept = self.values.get(self.redis_key(key))
                if kept is None or kept[1] <= now:
                    wanted.append(key)
                elif kept[0] is not _ABSENT:
                    # Decoded on each read, as from Redis: no caller shares an object.
                    found[key] = self.backend.client.decode(kept[0])
            if wanted:
                fetched = guarded(self.fetch, wanted)
                if fetched is None:  # the cache is down
                    return None
                found.update(fetched)
            return found

    def fetch(self, keys):
        """{key: value} of those Redis holds, each kept with its TTL; one round trip."""
        names = [self.redis_key(key) for key in keys]
        pipe = self.backend.client.get_client(write=False).pipeline(transaction=False)
        pipe.mget(names)
        for name in names:
            pipe.pttl(name)
        asked = time.monotonic()  # lifetimes count from before Redis answered: never longer
        raw_values, *ttls = pipe.execute()
        now = asked
        self.make_room(len(names))
        found = {}
        for key, name, raw, ttl in zip(keys, names, raw_values, ttls, strict=True):
            if raw is not None:
                found[key] = self.backend.client.decode(raw)
            # Kept only if Redis tells of its changes, and if the two answers agree (a change
            # in between: its message follows). Kept as Redis holds it (bytes).
            if name.startswith(self.tracked) and (raw is None) == (ttl == -2):
                kept = _ABSENT if raw is None else raw
                self.keep(name, kept, now + ttl / 1000 if ttl >= 0 else float("inf"))
        return found

    def forget(self, keys):
        with self.lock:
            for key in keys:
                self.drop(self.redis_key(key))

    def keep(self, name, kept, until):
        self.drop(name)
        self.values[name] = (kept, until)
        self.size += _size(kept)

    def drop(self, name):
        entry = self.values.pop(name, None)
        if entry is not None:
            self.size -= _size(entry[0])

    def clear(self):
        self.values.clear()
        self.size = 0

    def make_room(self, count):
        """Before `count` values are kept: the oldest go (a dict keeps the order things were
        put in), a tenth at a time, while there are too many or they take too much memory.
        Pages are large and few, stamps tiny and many: both bounds are needed."""
        budget = settings.NEAR_CACHE_MB * 1024 * 1024
        while self.values and (
            len(self.values) + count > settings.NEAR_CACHE_ENTRIES or self.size > budget
        ):
            for name in list(itertools.islice(self.values, len(self.values) // 10 + count)):
                self.drop(name)


def _size(kept):
    return ENTRY_BYTES + (0 if kept is _ABSENT else len(kept))


def near_cache():
    """This thread's Near for the default cache, or None when there is nothing to keep. It
    lives on the cache backend (one per thread), and goes with it."""
    backend = caches["default"]
    near = backend.__dict__.get("_pagecache_near")
    if near is None:
        if settings.NEAR_CACHE_ENTRIES <= 0 or not hasattr(backend, "client"):
            return None  # not django-redis: the memory cache needs no copy
        near = backend._pagecache_near = Near(backend)
    return near


def get_many(keys):
    """cache.get_many(keys), from this process's copy where it can; None if the cache is down."""
    near = near_cache()
    return cache_call("get_many", keys) if near is None else near.get_many(keys)


def _written(keys):
    near = near_cache()
    if near is not None:
        near.forget(keys)


def set(key, value, timeout):
    result = cache_call("set", key, value, timeout=timeout)
    _written([key])
    return result


def set_many(values, timeout):
    result = cache_call("set_many", values, timeout=timeout)
    _written(values)
    return result


def incr(key):
    """cache.incr(key): raises ValueError if there is no such key, like the cache."""
    try:
        return cache_call("incr", key)
    finally:
        _written([key])


def heard_everything(timeout=1.0):
    """Wait until this process has heard of every change made to Redis before the call (a
    change of its own, sent through Redis, is heard after all the earlier ones): for tests
    that change the cache as another process would. False if it cannot listen."""
    near = near_cache()
    if near is None:
        return True
    marker = "pagecache:near-marker"
    with near.lock:
        if not near.listening():
            return False
        name = near.redis_key(marker)
        near.keep(name, _ABSENT, float("inf"))
    cache_call("set", marker, 1, timeout=10)  # not through set(): its message is the signal
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with near.lock:
            if not near.listening():
                return False
            if name not in near.values:
                return True
        time.sleep(0.001)
    return False
