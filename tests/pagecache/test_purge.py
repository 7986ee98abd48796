"""Purges sent to HTTP caches by key: what is sent, and that a failing cache fails no save."""

import http.server
import logging
import threading

import pytest

from pagecache import purge
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cdn_api():
    """A local stand-in for a CDN's purge API, recording what it is sent."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            received.append((self.path, dict(self.headers)))
            self.send_response(200 if self.headers.get("Fastly-Key") == "secret" else 401)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def test_a_save_purges_its_keys_at_the_cdn(
    settings, page_cache, cdn_api, django_capture_on_commit_callbacks
):
    url, received = cdn_api
    settings.PAGE_CACHE_PURGERS = ["pagecache.purge.FastlyPurger"]
    settings.FASTLY_API_URL, settings.FASTLY_SERVICE_ID = url, "svc1"
    settings.FASTLY_API_TOKEN = "secret"
    column = ColumnFactory(tags=["China"])
    with django_capture_on_commit_callbacks(execute=True):
        column.save()
    assert {path for path, _ in received} == {"/service/svc1/purge"}
    keys = set(" ".join(h["Surrogate-Key"] for _, h in received).split())
    tag = column.tags.get()
    assert {
        f"columns.column:{column.pk}",
        f"outlets.outlet:{column.outlet_id}:members",
        f"taggit.tag:{tag.pk}:members@{column.day:%Y-%m}",
        purge.ANY_CHANGE,
    } <= keys


def test_a_failing_cache_is_logged_and_the_save_stands(
    settings, page_cache, cdn_api, caplog, django_capture_on_commit_callbacks
):
    url, _ = cdn_api
    settings.PAGE_CACHE_PURGERS = ["pagecache.purge.FastlyPurger", "pagecache.purge.VarnishPurger"]
    settings.FASTLY_API_URL, settings.FASTLY_SERVICE_ID = url, "svc1"
    settings.FASTLY_API_TOKEN = "wrong"
    settings.VARNISH_PURGE_URLS = ["http://127.0.0.1:1/"]  # nothing listens there
    with (
        caplog.at_level(logging.WARNING, logger="pagecache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        column = ColumnFactory(title="Saved anyway")
    assert column.pk
    messages = [r.getMessage() for r in caplog.records if r.name == "pagecache"]
    assert any("Fastly service svc1" in m and "401" in m for m in messages)
    assert any("Varnish at http://127.0.0.1:1/" in m for m in messages)


def test_page_headers_name_what_the_page_shows(client, settings, page_cache):
    settings.HTTP_CACHE_SECONDS = 300
    column = ColumnFactory()
    response = client.get(column.get_absolute_url())
    keys = response["xkey"].split()
    assert response["Surrogate-Key"] == response["xkey"]
    assert {purge.ALL_PAGES, f"columns.column:{column.pk}"} <= set(keys)
    assert purge.ANY_CHANGE not in keys
    assert "s-maxage=300" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    hit = client.get(column.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit" and "s-maxage=" in hit["Cache-Control"]
    # A page that does not say what it shows is tagged to go with any change.
    assert purge.ANY_CHANGE in client.get("/search/?q=x")["xkey"].split()


def test_without_an_http_cache_pages_say_nothing_to_one(client, page_cache):
    column = ColumnFactory()
    response = client.get(column.get_absolute_url())
    assert "xkey" not in response and "s-maxage" not in response.get("Cache-Control", "")
