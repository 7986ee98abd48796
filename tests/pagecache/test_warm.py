"""After a save, the hot pages it invalidated are rendered again before a reader asks."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from pagecache import guard
from pagecache.warm import warmer
from tests.factories import ColumnFactory


@pytest.fixture
def warming(live_server, settings, transactional_db):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_WARM_URL = live_server.url
    cache.clear()
    guard.reset()
    yield
    warmer.wait()


def test_the_pages_a_save_invalidated_are_cached_again_before_readers_come(
    warming, client, live_server
):
    host = live_server.url.split("//")[1]  # readers reach the site where the warmer does
    column = ColumnFactory(title="Warm me", tags=["China"])
    hot = [
        "/",
        "/feed/",
        column.get_absolute_url(),
        reverse("tags:detail", args=["china"]),
        column.outlet.get_absolute_url(),
    ]
    warmer.wait()
    for url in hot:
        client.get(url, HTTP_HOST=host)
    column.title = "Warmed again"
    column.save()  # committed at once: the invalidation and the warming follow
    warmer.wait()
    for url in hot:
        response = client.get(url, HTTP_HOST=host)
        assert response["X-Page-Cache"] == "hit", url
        assert "Warmed again" in response.content.decode(), url


def test_nothing_is_warmed_without_an_address(settings, page_cache, client, db):
    settings.PAGE_CACHE_WARM_URL = ""
    ColumnFactory()
    warmer.wait()
    assert client.get("/").get("X-Page-Cache") == "miss"


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:99999", "http://127.0.0.1:port", "http://[::1"]
)
def test_a_wrong_address_to_warm_from_is_logged_and_the_warming_goes_on(address, caplog):
    from pagecache.warm import Warmer

    warmer = Warmer()
    with caplog.at_level("INFO", logger="pagecache"):
        warmer.fetch(address, "/")  # no exception: warming is a favour
    assert "Warming / failed" in caplog.text
