import pytest
import redis
from django.core.cache import caches

from pagecache import guard


def test_the_redis_client_is_built_once_per_pool(redis_page_cache):
    client = caches["default"].client
    assert client.get_client() is client.get_client()
    assert caches["default"].get_or_set("answer", 42) == 42
    assert caches["other_process"].get("answer") == 42


def test_what_the_page_cache_asks_of_redis(redis_page_cache):
    cache = caches["default"]
    with pytest.raises(ValueError):  # versions.bump_content_version() starts a missing version
        cache.incr("version")
    cache.set("version", 7, timeout=None)
    assert cache.incr("version") == 8
    cache.set("page", (8, b"<html>"), 0.25)  # lifetimes end at a go-live: fractions of seconds
    assert 0 < cache.pttl("page") <= 250
    assert cache.get_many(["version", "page", "missing"]) == {"version": 8, "page": (8, b"<html>")}


def test_a_dead_redis_raises_for_the_guard_to_catch(redis_down):
    with pytest.raises(redis.ConnectionError):
        caches["default"].get_many(["version"])
    assert guard.cache_call("get_many", ["version"]) is None
