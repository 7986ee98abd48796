"""
Values from the request, made safe to filter on.

Two layers: `RefuseNulMiddleware` turns away, with a 400, any request whose address (path or
query string) or cookies hold a NUL, which PostgreSQL refuses in text and which no address of
ours contains: so no view, lookup (the redirects' fallback, the admin's filters and
autocomplete) or session read ever hands one to the database. `clean_param` then makes a
filter value plain text of a sane length.
"""

from django.http import HttpResponseBadRequest


def clean_param(value):
    """A filter value as text the database accepts (no NUL, which PostgreSQL refuses in text),
    or "" when absurd: a hostile or mangled address filters to nothing, never an error."""
    value = "".join(ch for ch in value if ch.isprintable()).strip()
    return value if len(value) <= 200 else ""


def holds_nul(request):
    texts = [request.path, request.path_info]
    texts += [text for key, values in request.GET.lists() for text in (key, *values)]
    texts += [text for cookie in request.COOKIES.items() for text in cookie]
    return any("\x00" in text for text in texts)


class RefuseNulMiddleware:
    """A request with a NUL in its address or cookies is a 400, before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            return HttpResponseBadRequest(
                "This address holds a NUL character; no page of this site has one.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
