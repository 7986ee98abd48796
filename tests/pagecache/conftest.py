import os
import uuid

import pytest
import redis
from django.core.cache import cache

from pagecache import guard

# Redis database 6 is this test suite's; each test gets its own key prefix.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


@pytest.fixture
def page_cache(settings):
    """The page cache turned on, with the local-memory cache of the quick start."""
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()
    yield
    guard.reset()


def redis_cache(location, prefix):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }


@pytest.fixture
def redis_page_cache(settings, page_cache):
    """The page cache on a real Redis, seen by two cache clients like two app processes."""
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not answering at {TEST_REDIS_URL}")
        pytest.skip(f"Redis is not answering at {TEST_REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": redis_cache(TEST_REDIS_URL, prefix),
        "other_process": redis_cache(TEST_REDIS_URL, prefix),
    }
    yield
    redis.Redis.from_url(TEST_REDIS_URL).delete(
        *redis.Redis.from_url(TEST_REDIS_URL).keys(f"{prefix}:*") or ["-"]
    )


@pytest.fixture
def redis_down(settings, page_cache):
    """A cache server that does not answer: nothing listens on port 1."""
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:1/0", "down")}
