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
"""

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
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

    def __call__(self, environ, start_response):
        response = self.hit(environ) if self.enabled else None
        if response is None:
            return self.application(environ, start_response)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

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
        media = media_prefix()
        if path.startswith(settings.STATIC_URL) or (media is not None and path.startswith(media)):
            return True
        return is_wordpress_query(request)
