from django.core.cache import caches


def test_the_redis_client_is_built_once_per_pool(redis_page_cache):
    client = caches["default"]._cache
    assert client.get_client() is client.get_client()
    assert caches["default"].get_or_set("answer", 42) == 42
    assert caches["other_process"].get("answer") == 42
