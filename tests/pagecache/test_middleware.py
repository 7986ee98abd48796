import datetime
import logging

import pytest
import time_machine
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from columns.models import Column
from pagecache import guard
from pagecache.middleware import PageCacheMiddleware
from tests.factories import ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db
HOME = "/"


def test_a_readers_second_visit_is_served_from_the_cache(
    client, page_cache, django_assert_num_queries
):
    ColumnFactory(title="Why the SCO matters")
    first = client.get(HOME)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(HOME)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Why the SCO matters" in second.content.decode()


def test_a_hit_is_one_round_trip_to_the_cache(client, page_cache, monkeypatch):
    ColumnFactory()
    client.get(HOME)
    calls = []

    def counted(method, *args, **kwargs):
        calls.append(method)
        return guard.cache_call(method, *args, **kwargs)

    monkeypatch.setattr("pagecache.near.cache_call", counted)
    assert client.get(HOME)["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]


def test_a_cached_page_answers_conditional_requests(client, page_cache):
    ColumnFactory()
    miss = client.get(HOME)
    hit = client.get(HOME)
    assert hit["ETag"] == miss["ETag"]
    assert client.get(HOME, headers={"if-none-match": hit["ETag"]}).status_code == 304


def test_a_cached_page_keeps_the_security_headers(client, page_cache):
    ColumnFactory()
    client.get(HOME)
    hit = client.get(HOME)
    assert hit["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in hit["Permissions-Policy"]
    assert not hit.cookies


@pytest.mark.parametrize(
    ("change", "showing"),
    [
        (lambda column: setattr(column, "title", "A better title") or column.save(), "all"),
        (lambda column: column.tags.add("A better title"), "all"),
        (
            lambda column: setattr(column.outlet, "name", "A better title") or column.outlet.save(),
            "all",
        ),
        # The mention does not name the column: its page, which lists the column's own
        # mentions, stays cached.
        (
            lambda column: MentionFactory(topic="a better title", outlet=column.outlet),
            "lists",
        ),
    ],
    ids=["column saved", "tag added", "outlet renamed", "mention added"],
)
def test_a_content_change_shows_at_once_on_the_pages_that_show_it(
    client, page_cache, change, showing, django_capture_on_commit_callbacks
):
    column = ColumnFactory(title="First title", tags=["China"])
    for url in (HOME, column.get_absolute_url(), reverse("mentions:list")):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        change(column)
    pages = {url: client.get(url) for url in (HOME, reverse("mentions:list"))}
    page = client.get(column.get_absolute_url())
    if showing == "all":
        pages["column"] = page
    else:
        assert page["X-Page-Cache"] == "hit"
    assert all(page["X-Page-Cache"] == "miss" for page in pages.values())
    assert any("better title" in page.content.decode().lower() for page in pages.values())


def test_a_deleted_column_disappears(client, page_cache, django_capture_on_commit_callbacks):
    column = ColumnFactory(title="Soon gone")
    client.get(HOME)
    with django_capture_on_commit_callbacks(execute=True):
        column.delete()
    assert "Soon gone" not in client.get(HOME).content.decode()


def test_editors_always_see_fresh_pages(client, editor_client, page_cache):
    column = ColumnFactory(title="Old title")
    client.get(HOME)
    # A change that sends no signal: readers keep the cached page, the editor does not.
    Column.objects.filter(pk=column.pk).update(title="New title")
    assert "Old title" in client.get(HOME).content.decode()
    response = editor_client.get(HOME)
    assert "X-Page-Cache" not in response
    assert "New title" in response.content.decode()


def test_a_staff_preview_is_never_cached_even_without_its_cookie(client, editor_client, page_cache):
    scheduled = ColumnFactory(
        title="Scheduled piece", posted_at=timezone.now() + datetime.timedelta(days=1)
    )
    assert editor_client.get(scheduled.get_absolute_url()).status_code == 200
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_a_scheduled_column_goes_public_without_a_save(client, page_cache):
    now = timezone.now()
    ColumnFactory(title="Already out")
    ColumnFactory(title="Out in a minute", posted_at=now + datetime.timedelta(minutes=1))
    client.get(HOME)
    assert "Out in a minute" not in client.get(HOME).content.decode()
    with time_machine.travel(now + datetime.timedelta(minutes=1, seconds=1)):
        assert "Out in a minute" in client.get(HOME).content.decode()


@pytest.mark.parametrize("url", ["/healthz", "/no-such-page/", "/2015/13/"])
def test_errors_and_uncacheable_pages_are_not_stored(client, page_cache, url):
    ColumnFactory()
    client.get(url)
    assert client.get(url).get("X-Page-Cache") != "hit"


def test_only_plain_public_responses_are_cacheable():
    cacheable = PageCacheMiddleware.is_cacheable_response
    assert cacheable(HttpResponse("page"))
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("csrftoken", "x")
    never = HttpResponse("page")
    add_never_cache_headers(never)
    private = HttpResponse("page", headers={"Cache-Control": "private"})
    by_language = HttpResponse("page", headers={"Vary": "Accept-Language"})
    with_nonce = HttpResponse(
        "page", headers={"Content-Security-Policy": "script-src 'self' 'nonce-abc123'"}
    )
    responses = (with_cookie, never, private, by_language, with_nonce, HttpResponse(status=500))
    for response in responses:
        assert not cacheable(response)


def test_posts_and_readers_with_a_session_bypass_the_cache(client, page_cache):
    ColumnFactory()
    client.get(HOME)
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get(HOME)


def test_a_save_through_one_process_shows_through_another(
    client, redis_page_cache, monkeypatch, django_capture_on_commit_callbacks
):
    """Two Redis clients stand for two app processes sharing one Redis."""
    column = ColumnFactory(title="First title")
    client.get(HOME)
    assert client.get(HOME)["X-Page-Cache"] == "hit"

    monkeypatch.setattr(guard, "cache", caches["other_process"])
    with django_capture_on_commit_callbacks(execute=True):
        column.title = "Saved elsewhere"
        column.save()
    monkeypatch.undo()

    response = client.get(HOME)
    assert response["X-Page-Cache"] == "miss"
    assert "Saved elsewhere" in response.content.decode()
    assert client.get(HOME)["X-Page-Cache"] == "hit"


def test_without_redis_pages_are_served_uncached_and_it_is_logged_once(
    client, redis_down, caplog, django_capture_on_commit_callbacks
):
    ColumnFactory(title="Still readable")
    with caplog.at_level(logging.WARNING, logger="pagecache"):
        for _ in range(3):
            response = client.get(HOME)
            assert response.status_code == 200
            assert "Still readable" in response.content.decode()
            assert "X-Page-Cache" not in response
        with django_capture_on_commit_callbacks(execute=True):
            OutletFactory()  # a save must not fail either
    warnings = [r for r in caplog.records if r.name == "pagecache"]
    assert len(warnings) == 1
    assert "serving pages uncached" in warnings[0].getMessage()
