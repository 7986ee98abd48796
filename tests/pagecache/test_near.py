"""The near cache (pagecache/near.py): hits without a round trip to Redis, and never stale."""

import time

import pytest
import redis
from django.core.cache import caches

from pagecache import near
from pagecache.versions import VERSION_KEY
from tests.factories import ColumnFactory

from .conftest import TEST_REDIS_URL

HOME = "/"


@pytest.fixture
def round_trips(monkeypatch):
    """Every call that reaches Redis from the page cache, by what it was."""
    calls = []
    fetch, cache_call = near.Near.fetch, near.cache_call

    def counted_fetch(self, keys):
        calls.append(("fetch", *keys))
        return fetch(self, keys)

    def counted_call(method, *args, **kwargs):
        calls.append((method,))
        return cache_call(method, *args, **kwargs)

    monkeypatch.setattr(near.Near, "fetch", counted_fetch)
    monkeypatch.setattr(near, "cache_call", counted_call)
    return calls


def other_process():
    """A plain Redis client writing as another app process would (no near cache of ours)."""
    return caches["other_process"]


def test_a_hit_asks_redis_nothing_once_the_page_is_kept(db, client, redis_page_cache, round_trips):
    ColumnFactory(title="Kept near")
    assert client.get(HOME)["X-Page-Cache"] == "miss"
    assert client.get(HOME)["X-Page-Cache"] == "hit"  # read from Redis, and kept
    round_trips.clear()
    response = client.get(HOME)
    assert response["X-Page-Cache"] == "hit"
    assert "Kept near" in response.content.decode()
    assert round_trips == []


def test_a_save_in_another_process_is_heard_and_shows(
    db, client, redis_page_cache, django_capture_on_commit_callbacks, monkeypatch
):
    from pagecache import guard

    column = ColumnFactory(title="First title")
    client.get(HOME)
    assert client.get(HOME)["X-Page-Cache"] == "hit"

    # The other process's writes reach Redis only: this process hears of them from Redis.
    monkeypatch.setattr(guard, "cache", other_process())
    monkeypatch.setattr(near, "_written", lambda keys: None)
    with django_capture_on_commit_callbacks(execute=True):
        column.title = "Saved elsewhere"
        column.save()
    monkeypatch.undo()

    assert near.heard_everything()
    response = client.get(HOME)
    assert response["X-Page-Cache"] == "miss"
    assert "Saved elsewhere" in response.content.decode()


def test_a_value_is_not_kept_past_its_lifetime_in_redis(redis_page_cache):
    other_process().set("count:short", (1, 42), 0.2)
    assert near.get_many(["count:short"]) == {"count:short": (1, 42)}
    assert near.get_many(["count:short"]) == {"count:short": (1, 42)}  # kept
    time.sleep(0.25)
    # Expired in Redis (whether or not Redis has said so yet): not served from the copy.
    assert near.get_many(["count:short"]) == {}


def test_a_missing_key_is_kept_as_missing_until_it_is_written(redis_page_cache, round_trips):
    assert near.get_many(["count:later"]) == {}
    round_trips.clear()
    assert near.get_many(["count:later"]) == {}
    assert round_trips == []
    other_process().set("count:later", "now", 60)
    assert near.heard_everything()
    assert near.get_many(["count:later"]) == {"count:later": "now"}


def test_this_process_sees_its_own_writes_at_once(redis_page_cache):
    near.set("count:mine", "before", timeout=60)
    assert near.get_many(["count:mine"]) == {"count:mine": "before"}
    near.set("count:mine", "after", timeout=60)
    assert near.get_many(["count:mine"]) == {"count:mine": "after"}
    near.set_many({"count:mine": "again"}, timeout=60)
    assert near.get_many(["count:mine"]) == {"count:mine": "again"}


def test_keys_outside_the_page_cache_are_not_kept(redis_page_cache, round_trips):
    other_process().set("session-ish", "x", 60)
    near.get_many(["session-ish"])
    other_process().set("session-ish", "y", 60)  # no message comes for this one
    assert near.get_many(["session-ish"]) == {"session-ish": "y"}


def test_when_the_messages_stop_nothing_kept_is_served(redis_page_cache):
    other_process().set(VERSION_KEY, 5, None)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 5}
    # Redis drops the connection its messages come on (a restart, a proxy's timeout)...
    redis.Redis.from_url(TEST_REDIS_URL).client_kill_filter(_id=near.near_cache().client_id)
    # ...and a change made meanwhile is never announced.
    other_process().set(VERSION_KEY, 6, None)
    time.sleep(0.05)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 6}


def test_without_a_near_cache_every_read_goes_to_redis(redis_page_cache, settings, round_trips):
    settings.NEAR_CACHE_ENTRIES = 0
    other_process().set("count:plain", 1, 60)
    assert near.get_many(["count:plain"]) == {"count:plain": 1}
    assert near.get_many(["count:plain"]) == {"count:plain": 1}
    assert round_trips == [("get_many",), ("get_many",)]


def test_the_copy_is_bounded_by_memory_and_by_count(redis_page_cache, settings, round_trips):
    """Pages are few and large (5-50 KB), the stamps a save makes pages read many and tiny:
    the copy keeps at most NEAR_CACHE_MB of values and NEAR_CACHE_ENTRIES entries, the
    oldest going first."""
    settings.NEAR_CACHE_ENTRIES, settings.NEAR_CACHE_MB = 1000, 1
    pages = [f"page:{n}" for n in range(8)]
    other_process().set_many(dict.fromkeys(pages, "x" * 300000), 60)
    for page in pages:  # 2.4 MB of pages, one at a time
        near.get_many([page])
    copy = near.near_cache()
    assert copy.size <= 1024 * 1024 + 300_000 + near.ENTRY_BYTES
    round_trips.clear()
    assert near.get_many([pages[-1]]) == {pages[-1]: "x" * 300_000}
    assert round_trips == []  # the newest page is kept...
    near.get_many([pages[0]])
    assert round_trips == [("fetch", pages[0])]  # ...the oldest went
    stamps = [f"pagecache:stamp:columns.column:{n}" for n in range(1500)]
    other_process().set_many(dict.fromkeys(stamps, 7), None)
    for start in range(0, 1500, 100):
        assert len(near.get_many(stamps[start : start + 100])) == 100
    assert len(copy.values) <= 1000
    round_trips.clear()
    near.get_many(stamps[-100:])
    assert round_trips == []  # the newest are kept


def test_a_connection_that_falls_silent_is_given_up(redis_page_cache, monkeypatch):
    monkeypatch.setattr(near, "HEALTH_SECONDS", 0.05)
    other_process().set(VERSION_KEY, 5, None)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 5}
    time.sleep(0.06)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 5}  # asks for a PONG, and waits not
    # The network between drops everything, without closing anything: no PONG, no message.
    monkeypatch.setattr(near.near_cache().messages, "can_read", lambda timeout=0: False)
    other_process().set(VERSION_KEY, 6, None)
    time.sleep(0.06)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 6}
    assert near.near_cache().messages is None


def test_the_cache_answering_again_after_an_outage_bumps_the_version(
    transactional_db, redis_page_cache
):
    import threading

    from django.db import connections

    from pagecache import guard

    near.set(VERSION_KEY, 5, timeout=None)
    assert near.get_many([VERSION_KEY]) == {VERSION_KEY: 5}
    guard.state.down, guard.state.down_until = True, 0.0  # an outage that has just ended
    answers = []

    # The read finds Redis back, and the guard's callback bumps the version (its write drops
    # keys from this very copy) inside the read: in a thread, so that a deadlock fails.
    def read():
        try:
            answers.append(near.get_many(["count:any"]))
        finally:
            connections.close_all()  # the thread's own, opened by the bump's schedule query

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "the read never returned"
    assert not guard.state.down
    assert near.get_many([VERSION_KEY])[VERSION_KEY] > 5
