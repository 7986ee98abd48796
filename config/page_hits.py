"""
Cached pages answered before Django's request cycle (config/wsgi.py).

A page-cache hit needs the cache and nothing else, but through Django it also pays for the
request cycle: the request signals, the middleware before the page cache (each a call and
its checks), the response's conversions. `PageHits` wraps the WSGI application and answers
a hit itself, with the same bytes and headers Django would send: it asks the page cache the
same question (PageCacheMiddleware.look_up), and adds the headers the middleware before the
page cache adds to every response (SecurityMiddleware's). It declines, and Django answers,
whenever a middleware before the page cache would have answered in its place or changed
the request it sees:

- SecurityMiddleware: a plain-HTTP request it would redirect to HTTPS;
- RefuseNulMiddleware: a NUL in the path, the cookies or the query string;
- WhiteNoiseMiddleware and MediaFilesMiddleware: a static or media file's address;
- ConditionalGetMiddleware: a conditional request (If-None-Match, If-Modified-Since, ...),
  answered with a 304 or a 412 by Django;
- WordPressQueryMiddleware: WordPress's /?p=12, redirected;
- and any request Django would refuse itself (a host not allowed, too many parameters).

It answers only when the middleware before the page cache are exactly those it knows
(`OUTER_MIDDLEWARE`); with any other list it stands aside, and a test says so.

A hit must not wait for a render. The server gives each process several threads
(config/serve.py), and a process renders at most RENDERS_AT_ONCE public pages at a time
(one by default): a request that is not a hit waits for a render slot, so the other threads
stay free to answer hits meanwhile (each takes Python's lock from the rendering thread within
the switch interval config/wsgi.py sets), and renders do not slow each other down by sharing
the lock. Once it has the slot, the request looks in the page cache again, since the page
may have been rendered while it waited (many readers asking for a page a save has just
invalidated make one render, not one each). Editors' requests (with a session cookie), other
methods than GET and HEAD, and static and media files never wait for a slot; nor does any
request wait longer than RENDER_WAIT_SECONDS (then it renders beside the others).
"""

import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.http import parse_cookie
from django.middleware.security import SecurityMiddleware

from pagecache.middleware import PageCacheMiddleware
from redirects.middleware import is_wordpress_query

from .media import media_prefix

log = logging.getLogger(__name__)

PAGE_CACHE_MIDDLEWARE = "pagecache.middleware.PageCacheMiddleware"
# What runs before the page cache, in order: the checks below stand for these.
OUTER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "core.params.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.media.MediaFilesMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "redirects.middleware.WordPressQueryMiddleware",
)
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def outer_middleware():
    """The middleware that settings.MIDDLEWARE puts before the page cache (None: no page
    cache)."""
    middleware = list(settings.MIDDLEWARE)
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        return None
    return tuple(middleware[: middleware.index(PAGE_CACHE_MIDDLEWARE)])


class PageHits:
    def __init__(self, application):
        self.application = application
        self.enabled = outer_middleware() == OUTER_MIDDLEWARE
        if not self.enabled:
            log.warning(
                "Page-cache hits go through Django's request cycle: the middleware before the "
                "page cache are not those config/page_hits.py knows."
            )
        self.security = SecurityMiddleware(lambda request: None)
        renders = settings.RENDERS_AT_ONCE
        self.render_slots = threading.BoundedSemaphore(renders) if renders > 0 else None
        # One thread at a time answers hits: more would only take turns with each other and
        # with the rendering thread for Python's lock, and a render would get a share of it.
        self.hit_lane = threading.Lock() if renders > 0 else None

    def __call__(self, environ, start_response):
        response = self.cached(environ)
        if response is None:
            if self.render_slots is None or not self.is_public_page(environ):
                return self.application(environ, start_response)
            with self.render_slot():
                response = self.cached(environ)  # rendered while this request waited?
                if response is None:
                    return self.application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

    def cached(self, environ):
        if not self.enabled:
            return None
        if self.hit_lane is None:
            return self.hit(environ)
        with self.hit_lane:
            return self.hit(environ)

    @contextmanager
    def render_slot(self):
        acquired = self.render_slots.acquire(timeout=settings.RENDER_WAIT_SECONDS)
        try:
            yield
        finally:
            if acquired:
                self.render_slots.release()

    @staticmethod
    def is_public_page(environ):
        """Whether this request waits for a render slot: a reader's page, not an editor's
        request, a form's POST or a file."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in parse_cookie(environ.get("HTTP_COOKIE", "")):
            return False
        return not is_a_file(environ.get("PATH_INFO", ""))

    def hit(self, environ):
        """The cached page for this request, as Django would send it, or None."""
        if settings.PAGE_CACHE_SECONDS <= 0 or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if any(name in environ for name in CONDITIONAL_HEADERS):
            return None
        query = environ.get("QUERY_STRING", "")
        if "\x00" in query or "%00" in query:
            return None
        # A copy: the page cache takes unread parameters off the request, and Django builds
        # its own request from `environ` if this one is declined.
        request = WSGIRequest(dict(environ))
        try:
            if self.answered_before_the_page_cache(request):
                return None
            found = PageCacheMiddleware.look_up(request)
        except SuspiciousOperation:  # a host not allowed, too many parameters: Django's 400
            return None
        if found is None or found[2] is None:
            return None
        return self.security.process_response(request, found[2])

    @staticmethod
    def answered_before_the_page_cache(request):
        """Whether a middleware before the page cache would answer this request itself."""
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return True
        path = request.path_info
        cookies = (text for cookie in request.COOKIES.items() for text in cookie)
        if "\x00" in path or "\x00" in request.path or any("\x00" in text for text in cookies):
            return True
        return is_a_file(path) or is_wordpress_query(request)


def is_a_file(path):
    """Whether this address is a static or media file's (WhiteNoise's or ours to serve)."""
    media = media_prefix()
    return path.startswith(settings.STATIC_URL) or (media is not None and path.startswith(media))
