"""
Values from the request, made safe to filter on, in one place.

PostgreSQL refuses NUL in text, and no address of ours contains one. `RefuseNulMiddleware`,
before anything reads the request, answers 400 to a path or cookie holding a NUL and drops
NUL from the query string's names and values (as clean_param always did: `?q=a%00b` searches
for "ab"): no view, lookup (the redirects' fallback, the admin's list filters and
autocomplete) or session read ever hands one to the database. `clean_param` then makes a
filter value plain text of a sane length.
"""

from django.http import HttpResponseBadRequest, QueryDict


def clean_param(value):
    """A filter value as text the database accepts (no NUL, which PostgreSQL refuses in text),
    or "" when absurd: a hostile or mangled address filters to nothing, never an error."""
    value = "".join(ch for ch in value if ch.isprintable()).strip()
    return value if len(value) <= 200 else ""


def without_nul(query):
    """`query` (a QueryDict) with NUL dropped from every name and value, or None if it had none."""
    if not any("\x00" in text for key, values in query.lists() for text in (key, *values)):
        return None
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


class RefuseNulMiddleware:
    """A NUL in the path or a cookie is a 400; in the query string, it is dropped."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cookies = (text for cookie in request.COOKIES.items() for text in cookie)
        if (
            "\x00" in request.path
            or "\x00" in request.path_info
            or any("\x00" in t for t in cookies)
        ):
            return HttpResponseBadRequest(
                "This address holds a NUL character; no page of this site has one.",
                content_type="text/plain; charset=utf-8",
            )
        cleaned = without_nul(request.GET)
        if cleaned is not None:
            request.GET = cleaned
        return self.get_response(request)
