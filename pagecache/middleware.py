"""
Whole pages for anonymous readers, served from the cache (PageCacheMiddleware).
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag

from . import keys as page_keys
from . import versions
from .purge import header_keys
from .query import canonical_query

# A reader with one of these cookies may see something personal: never a shared page.
PRIVATE_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
UNCACHEABLE_CONTROLS = {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """
    Whole pages for anonymous readers, from the cache, keyed by path and the query parameters
    the page reads (pagecache/query.py), and checked against the content version and the keys
    of what the page shows (pagecache/versions.py, pagecache/keys.py).

    It sits before the session middleware: a hit touches neither the session nor the
    database. It also sits outside the middleware that adds the security headers, so a page
    is stored with them and a hit skips their work. Editors (any request with a session
    cookie) always get fresh pages, and so does anything not a plain GET answered 200
    without cookies or no-cache headers.

    A hit costs one round trip: the content version and the page are read together, and the
    page counts only if it was stored under the current version. A page is kept until the
    first scheduled item that it would show goes public at most (pagecache/versions.py), so
    a hit never needs the database to know whether it is still current.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = self.look_up(request)
        if found is None:
            return self.get_response(request)
        key, current, response = found
        if response is not None:
            return response
        recording, token = page_keys.start_recording()
        try:
            response = self.get_response(request)
        finally:
            page_keys.stop_recording(token)
        if request.method == "GET" and recording.cacheable and self.is_cacheable_response(response):
            keys = recording.fine_grained_keys()
            if settings.HTTP_CACHE_SECONDS > 0:
                # For the HTTP caches in front: what the page shows, to purge it by.
                response["xkey"] = response["Surrogate-Key"] = header_keys(keys)
            frozen = self.freeze(response, keys)
            versions.store_current(key, current, frozen, settings.PAGE_CACHE_SECONDS, keys=keys)
            response["X-Page-Cache"] = "miss"
            self.shared(response, current, keys)
        return response

    @classmethod
    def look_up(cls, request):
        """(its key, the Current, the cached page or None) for a request the cache may answer,
        or None for one it must not (nor store its page), or when the cache is down. What a
        hit costs, whether Django's request cycle reached here or config/page_hits.py did."""
        if not cls.is_cacheable_request(request):
            return None
        query = canonical_query(request)
        if query is None:  # a query string the page may read but the cache must not key on
            return None
        key = cls.key(request, query)
        current, stored = versions.read_current(key)
        if current is None:  # the cache is down: serve uncached
            return None
        if stored is None:
            return key, current, None
        response, keys = cls.thaw(stored)
        return key, current, cls.shared(response, current, keys)

    @staticmethod
    def shared(response, current, keys):
        """Let HTTP caches in front keep the page (`s-maxage`), until the first go-live that
        touches what it shows (`keys`) at most; browsers check it each time (`max-age=0`,
        answered with a 304)."""
        lifetime = int(current.lifetime(settings.HTTP_CACHE_SECONDS, keys))
        if lifetime > 0:
            patch_cache_control(response, max_age=0, s_maxage=lifetime)
        return response

    @staticmethod
    def is_cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not PRIVATE_COOKIES.intersection(request.COOKIES)
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(f"/{settings.ADMIN_PATH}")
            # Health checks answer from the database and cache themselves, never from here.
            and request.path != getattr(settings, "HEALTH_CHECK_PATH", None)
        )

    @staticmethod
    def is_cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        controls = {
            c.split("=")[0].strip().lower()
            for c in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        varies = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
        # A page whose scripts carry this request's CSP nonce must not be shown to others.
        one_time_nonce = "'nonce-" in response.get("Content-Security-Policy", "")
        return (
            not controls & UNCACHEABLE_CONTROLS and varies <= {"", "cookie"} and not one_time_nonce
        )

    @staticmethod
    def key(request, query):
        address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        return f"page:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"

    @staticmethod
    def freeze(response, keys):
        # The ETag too, so that ConditionalGetMiddleware need not hash the page on each hit.
        set_response_etag(response)
        return (response.status_code, list(response.items()), response.content, keys)

    @staticmethod
    def thaw(stored):
        """The response stored, and the keys of what it shows (None from before they were
        stored with it)."""
        status, headers, content, *keys = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response, keys[0] if keys else None
