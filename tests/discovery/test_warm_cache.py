"""`manage.py warm_cache`: every public page fetched as a reader would, most read first, so
the first readers after a deploy, an import or a cache outage find them cached."""

import datetime
import socket
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection

from columns.models import Column
from discovery.management.commands.warm_cache import warm_paths
from discovery.sitemaps import ColumnSitemap
from pagecache import guard
from tests.factories import ColumnFactory


@pytest.fixture
def cached_site(live_server, settings, transactional_db):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_WARM_URL = ""  # saves warm nothing: only the command does
    cache.clear()
    guard.reset()
    yield live_server
    guard.reset()


def warm(*args):
    out = StringIO()
    # On SQLite one page at a time: the live server shares the in-memory database's connection
    # between its request threads, which must not use it at once.
    at_once = "1" if connection.vendor == "sqlite" else "4"
    call_command("warm_cache", "--connections", at_once, *args, stdout=out)
    return out.getvalue()


def test_every_public_page_is_cached_after_warming(cached_site, client):
    column = ColumnFactory(title="Warm me", tags=["China"])
    draft = ColumnFactory(title="Not yet", status=Column.Status.DRAFT)
    host = cached_site.url.split("//")[1]  # readers reach the site where the command does
    pages = [
        "/",
        "/feed/",
        column.get_absolute_url(),
        "/tag/china/",
        column.outlet.get_absolute_url(),
    ]
    assert client.get(pages[2], HTTP_HOST=host)["X-Page-Cache"] == "miss"
    cache.clear()

    output = warm("--url", cached_site.url)

    assert "Warmed" in output and "failed" not in output
    for path in pages:
        response = client.get(path, HTTP_HOST=host)
        assert response["X-Page-Cache"] == "hit", path
    assert draft.get_absolute_url() not in set(warm_paths())


def test_the_most_read_pages_come_first_and_limit_stops(cached_site, client, settings):
    newer = ColumnFactory(title="Newer")
    older = ColumnFactory(title="Older", posted_at=newer.posted_at - datetime.timedelta(days=400))
    paths = list(warm_paths())
    assert paths[: len(settings.PAGE_CACHE_WARM_PATHS)] == settings.PAGE_CACHE_WARM_PATHS
    assert paths.index(newer.get_absolute_url()) < paths.index(older.get_absolute_url())
    assert len(paths) == len(set(paths))

    output = warm("--url", cached_site.url, "--limit", "1")

    assert "Warmed 1 pages" in output
    host = cached_site.url.split("//")[1]
    assert client.get("/", HTTP_HOST=host)["X-Page-Cache"] == "hit"
    assert client.get(newer.get_absolute_url(), HTTP_HOST=host)["X-Page-Cache"] == "miss"


def test_a_page_that_fails_is_reported_and_the_rest_warmed(cached_site, settings):
    settings.PAGE_CACHE_WARM_PATHS = ["/", "/no-such-page/"]
    ColumnFactory()
    output = warm("--url", cached_site.url)
    assert "1 failed:" in output
    assert "/no-such-page/: 404" in output


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "Say where the site is"),
        (("--url", "ftp://example.org"), "Not a web address"),
        (("--url", "http://"), "Not a web address"),
        (("--url", "http://127.0.0.1:99999"), "Not a web address"),
        (("--url", "http://127.0.0.1:port"), "Not a web address"),
        (("--url", "http://[::1"), "Not a web address"),
        (("--url", "http://127.0.0.1:1", "--limit", "0"), "--limit must be at least 1"),
        (("--url", "http://127.0.0.1:1", "--connections", "1000"), "--connections must be"),
    ],
)
def test_wrong_arguments_get_a_clear_message(db, settings, args, message):
    settings.PAGE_CACHE_WARM_URL = ""
    with pytest.raises(CommandError, match=message):
        warm(*args)


def test_a_site_that_does_not_answer_gets_a_clear_message(db):
    with pytest.raises(CommandError, match="Could not reach"):
        warm("--url", f"http://127.0.0.1:{closed_port()}")


def test_a_database_it_cannot_read_gets_a_clear_message(cached_site, monkeypatch):
    def unmigrated(self):
        raise DatabaseError("no such table: columns_column")

    monkeypatch.setattr(ColumnSitemap, "items", unmigrated)
    with pytest.raises(CommandError, match="Could not read the pages to warm"):
        warm("--url", cached_site.url)
