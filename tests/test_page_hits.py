"""Cached pages answered before Django's request cycle (config/page_hits.py): the same bytes
and headers Django would send, and Django's own answer whenever a middleware before the page
cache would have answered instead."""

import pytest
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import RequestFactory

from config.page_hits import PageHits
from pagecache import guard
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


class Counted:
    """Django's WSGI application, counting the requests it is given."""

    def __init__(self):
        self.application = WSGIHandler()
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


@pytest.fixture
def apps(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()
    # As Django's test client does: the request signals must not close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    django = Counted()
    yield PageHits(django), django
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    guard.reset()


def call(application, path="/", method="GET", secure=False, headers=None, **extra):
    request = RequestFactory().generic(method, path, secure=secure, headers=headers, **extra)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, response_headers

    result = application(request.environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return answer["status"], sorted(answer["headers"]), body


def test_a_hit_is_answered_as_django_answers_it(apps):
    fast, django = apps
    ColumnFactory(title="The SCO grows up")
    ColumnFactory.create_batch(12)
    asked = [("/", "GET"), ("/", "HEAD"), ("/?page=2", "GET"), ("/?utm_source=x", "GET")]
    for path, method in asked:
        call(django, path, method)  # stored, if it was not yet
        through_django = call(django, path, method)
        calls = django.calls
        answered = call(fast, path, method)
        assert django.calls == calls, f"{method} {path} went through Django"
        assert ("X-Page-Cache", "hit") in answered[1]
        assert answered == through_django


def test_https_pages_keep_their_security_headers(apps, settings):
    _, before = apps
    ColumnFactory()
    call(before, "/")  # stored under http://, before the site moved to HTTPS
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    django = Counted()  # the middleware read their settings when they are made
    fast = PageHits(django)
    call(django, "/", secure=True)
    through_django = call(django, "/", secure=True)
    calls = django.calls
    answered = call(fast, "/", secure=True)
    assert django.calls == calls
    assert ("Strict-Transport-Security", "max-age=3600") in answered[1]
    assert answered == through_django
    # Plain HTTP is Django's to redirect, though a page is stored for it.
    assert call(fast, "/")[0].startswith("301")
    assert django.calls == calls + 1


@pytest.mark.parametrize(
    "path, extra, status",
    [
        ("/", {"headers": {"If-None-Match": "*"}}, "304"),  # ConditionalGetMiddleware
        ("/", {"headers": {"Cookie": "sessionid=abc"}}, "200"),  # an editor: never a shared page
        ("/", {"HTTP_HOST": "evil.example"}, "400"),  # a host not allowed
        ("/%00", {}, "400"),  # RefuseNulMiddleware
        ("/", {"headers": {"Cookie": 'theme="\\000"'}}, "400"),  # a NUL in a cookie
        ("/?page=2%00", {}, "200"),  # NUL taken off the query by RefuseNulMiddleware
        ("/?p=1", {}, "200"),  # WordPressQueryMiddleware's (no such post: the home page)
        ("/static/css/site.css", {}, None),  # whitenoise's
        ("/?" + "&".join(f"page={n}" for n in range(2000)), {}, "400"),  # too many fields
    ],
)
def test_what_a_middleware_before_the_page_cache_answers_is_left_to_django(
    apps, path, extra, status
):
    fast, django = apps
    ColumnFactory.create_batch(12)
    call(django, "/")
    call(django, "/?page=2")
    expected = call(django, path, **extra)
    calls = django.calls
    answered = call(fast, path, **extra)
    assert django.calls == calls + 1
    assert answered[0] == expected[0]
    if status:
        assert answered[0].startswith(status)


def test_with_other_middleware_before_the_page_cache_hits_go_through_django(apps, settings):
    _, django = apps
    settings.MIDDLEWARE = ["config.security.PermissionsPolicyMiddleware", *settings.MIDDLEWARE]
    fast = PageHits(django)
    assert not fast.enabled
    ColumnFactory()
    call(fast, "/")
    calls = django.calls
    assert ("X-Page-Cache", "hit") in call(fast, "/")[1]
    assert django.calls == calls + 1
