"""
Which query parameters make a cached page: only those its view reads.

A view says which parameters it reads (`reads("page")` on a function, or a class attribute
`page_cache_params = ("page",)` on a class-based view). For its pages, the cache key holds
the path and those parameters only; any other parameter (`?utm_source=…`, `?fbclid=…`, junk)
is taken off the request before the view sees it, so the reader gets the canonical page and
the cache one entry for it, however many variants are asked for. A view that says nothing is
cached only when asked without a query string. Keys stay bounded however hostile the query:
a query that is too long is served but never stored.
"""

import functools

from django.http import QueryDict
from django.urls import Resolver404, resolve

# A query string (of parameters a page reads) longer than this is served but not stored.
MAX_QUERY_LENGTH = 256


def reads(*names):
    """Decorate a view function: its pages depend on these query parameters only."""

    def decorate(view):
        view.page_cache_params = frozenset(names)
        return view

    return decorate


@functools.lru_cache(maxsize=2048)
def params_read(path_info, urlconf=None):
    """The parameters the view at `path_info` reads (a frozenset), or None when it does not
    say (or nothing answers there)."""
    try:
        match = resolve(path_info, urlconf)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    while view is not None:  # through decorators (functools.wraps) to the view itself
        names = getattr(view, "page_cache_params", None)
        if names is not None:
            return frozenset(names)
        view = getattr(view, "__wrapped__", None)
    return None


def canonical_query(request):
    """The query string this request's page is cached under ("" for none), after taking off
    the request the parameters its view does not read; None if the page must not be stored
    (its view says nothing and there is a query, or the query is too long)."""
    if not request.META.get("QUERY_STRING"):
        return ""
    names = params_read(request.path_info, getattr(request, "urlconf", None))
    if names is None:
        return None
    kept = QueryDict(mutable=True)
    for name in sorted(names & request.GET.keys()):
        kept.setlist(name, request.GET.getlist(name))
    query = kept.urlencode()
    if len(query) > MAX_QUERY_LENGTH:
        return None
    if len(kept) != len(request.GET):
        # The view renders the canonical page: nothing it does not read can reach it.
        kept._mutable = False
        request.GET = kept
        request.META["QUERY_STRING"] = query
    return query
