import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from . import versions
from .guard import cache_call

# A reader with one of these cookies may see something personal: never a shared page.
PRIVATE_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
UNCACHEABLE_CONTROLS = {"private", "no-cache", "no-store"}


class PageCacheMiddleware:
    """
    Whole pages for anonymous readers, from the cache, keyed by URL and content version.

    It sits before the session middleware: a hit touches neither the session nor the
    database. Editors (any request with a session cookie) always get fresh pages, and so
    does anything not a plain GET answered 200 without cookies or no-cache headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        version = versions.current_version()
        if version is None:  # the cache is down: serve uncached
            return self.get_response(request)
        key = self.key(request, version)
        stored = cache_call("get", key)
        if stored is not None:
            return self.thaw(stored)
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(response):
            cache_call("set", key, self.freeze(response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not PRIVATE_COOKIES.intersection(request.COOKIES)
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(f"/{settings.ADMIN_PATH}")
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
        return not controls & UNCACHEABLE_CONTROLS and varies <= {"", "cookie"}

    @staticmethod
    def key(request, version):
        url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
        return f"page:{version}:{url.hexdigest()}"

    @staticmethod
    def freeze(response):
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def thaw(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
