"""
What every public list shares (`PublicListMixin`): forgiving pagination (`?page=abc` is page 1,
`?page=999` the last), the total count cached until the content changes (pagecache/paginator.py),
so a list's cost does not grow with the archive, and the query string without `page` for the
page links. The read API's lists use the same pieces (`paginator_for`, `page_query`).
"""

import unicodedata

from django.db.models import Count

from pagecache.keys import dont_store
from pagecache.paginator import VersionedCountPaginator, cached_aggregate


def reading_order(name):
    """A sort key that orders names as people read them, the same on every database: case and
    accents ignored ("Central Asia" before "CSTO", "Égypte" beside "Egypt"), then the exact
    spelling to keep equal keys in a stable order."""
    letters = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in letters if not unicodedata.combining(char))
    return (plain.casefold(), name)


def query_without_page(request, page_kwarg="page"):
    """The request's query string without its page number: other parameters (filters) survive
    the page links, and a list's count is shared by all its pages."""
    query = request.GET.copy()
    query.pop(page_kwarg, None)
    return query.urlencode()


def page_query(request, page_kwarg="page"):
    """`query_without_page()` ready for `page=N` to be appended: "tag=x&", or "" alone."""
    query = query_without_page(request, page_kwarg)
    return query + "&" if query else ""


def paginator_for(request, queryset, per_page, page_kwarg="page", **kwargs):
    """A paginator of `queryset` whose count is cached per list (path and filters)."""
    count_key = f"{request.path}?{query_without_page(request, page_kwarg)}"
    return VersionedCountPaginator(queryset, per_page, count_key=count_key, **kwargs)


def count_by(name, queryset, field):
    """{value of `field`: number of rows} in one GROUP BY query over the whole archive,
    cached under the content version as `name` (recounted once per content change)."""
    return cached_aggregate(
        f"count_by:{name}",
        lambda: dict(queryset.order_by().values_list(field).annotate(n=Count("pk"))),
    )


class PublicListMixin:
    """For a ListView of public things: Paginator.get_page() instead of ListView's 404 on a
    malformed or huge page number, a cached count, and `page_query` for the page links."""

    # Pages with a second section of mentions (tags, outlets) show this many of them.
    mentions_shown = 10
    # The query parameters these pages read; the page cache ignores others (pagecache/query.py).
    page_cache_params = ("page",)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kw):
        return paginator_for(
            self.request,
            queryset,
            per_page,
            self.page_kwarg,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kw,
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        asked = self.request.GET.get(self.page_kwarg)
        page = paginator.get_page(asked)
        if asked is not None and asked != str(page.number):
            dont_store()  # `?page=abc` or `?page=999` shows another page: not one to keep
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_query"] = page_query(self.request, self.page_kwarg)
        return context

    def add_latest_mentions(self, context, mentions):
        """The page's `mentions` (public ones, latest first) as a second section, on the first
        page only and at most `mentions_shown` of them however many there are: the rest are
        one link away on "In the media", filtered. One more is loaded to know whether there
        are more (`more_mentions`)."""
        latest = []
        if context["page_obj"].number == 1:
            latest = list(
                mentions.published().select_related("outlet", "column")[: self.mentions_shown + 1]
            )
        context["mentions"] = latest[: self.mentions_shown]
        context["more_mentions"] = len(latest) > self.mentions_shown
