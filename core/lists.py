"""
What every public list shares (`PublicListMixin`): forgiving pagination (`?page=abc` is page 1,
`?page=999` the last), the total count cached until the content changes (pagecache/paginator.py),
so a list's cost does not grow with the archive, and the query string without `page` for the
page links. The read API's lists use the same pieces (`paginator_for`, `page_query`).

A list that says what it lists (`list_keys()`: every column, a tag's members, a month's
columns) keeps each page's ids until a change touches those keys (pagecache.paginator.kept):
its page is then the rows of those ids (`KeptRows`), which the cards load only when they are
not kept rendered themselves (columns/templatetags/cards.py), so a page whose list and
cards did not change runs no query for them.
"""

import unicodedata
from collections.abc import Sequence

from django.db.models import Count

from pagecache.keys import dont_store
from pagecache.paginator import VersionedCountPaginator, cached_aggregate, kept


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


class KeptRows(Sequence):
    """The rows of a page whose ids were kept, in their order: loaded (in one query) only
    when read, or only some of them (`rows_of()`), e.g. those whose cards are not kept."""

    def __init__(self, ids, queryset, rows=None):
        self.ids = ids
        self.queryset = queryset
        self._by_pk = {row.pk: row for row in rows} if rows is not None else {}

    def rows_of(self, ids):
        """The rows of `ids` (some of this page's), loading those not loaded yet; a row gone
        since the ids were kept (a race with its deletion, which invalidates them) is left out."""
        wanted = [pk for pk in ids if pk not in self._by_pk]
        if wanted:
            self._by_pk.update(self.queryset.in_bulk(wanted))
        return [self._by_pk[pk] for pk in ids if pk in self._by_pk]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self.rows_of(self.ids)[index]

    def __iter__(self):
        return iter(self.rows_of(self.ids))


def _page_number(asked):
    """A page number as a page's own links write it ("3"), or None: only those are kept."""
    # ASCII digits only: "²" and "٣" are digits to isdigit(), not to int().
    if asked is None or (
        asked.isascii() and asked.isdigit() and asked == str(int(asked)) and len(asked) < 7
    ):
        return asked
    return None


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

    def list_keys(self):
        """The page cache's keys of what this list lists (pagecache/keys.py), whatever page:
        with them, each page's ids are kept until a change touches them; None: not kept."""
        return None

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        asked = self.request.GET.get(self.page_kwarg)
        keys = self.list_keys()
        if keys is None or (asked is not None and _page_number(asked) is None):
            page = paginator.get_page(asked)
        else:
            page = self.kept_page(paginator, asked, keys)
        if asked is not None and asked != str(page.number):
            dont_store()  # `?page=abc` or `?page=999` shows another page: not one to keep
        return paginator, page, page.object_list, page.has_other_pages()

    def kept_page(self, paginator, asked, keys):
        """paginator.get_page(asked), from its count, number and ids kept under `keys`."""
        loaded = []

        def compute():
            page = paginator.get_page(asked)
            loaded[:] = page.object_list
            return paginator.count, page.number, [row.pk for row in loaded]

        count, number, ids = kept(
            # Named by what it lists too: a tag's slug may come to name another tag.
            f"page ids:{','.join(sorted(keys))}:{paginator.count_key}#{asked or ''}",
            compute,
            keys,
            rows_shown=False,
            worth_keeping=lambda value: asked is None or asked == str(value[1]),
        )
        paginator.__dict__["count"] = count  # Paginator.count is a cached_property
        page = paginator.page(number)
        page.object_list = KeptRows(ids, paginator.object_list, loaded or None)
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_query"] = page_query(self.request, self.page_kwarg)
        return context

    def add_latest_mentions(self, context, mentions):
        """The page's `mentions` (public ones, latest first) as a second section, on the first
        page only and at most `mentions_shown` of them however many there are: the rest are
        one link away on "In the media", filtered. One more is loaded to know whether there
        are more (`more_mentions`). Kept as the list's ids are, with the rows they show."""
        latest = []
        if context["page_obj"].number == 1:

            def compute():
                shown = self.mentions_shown + 1
                return list(mentions.published().select_related("outlet", "column")[:shown])

            keys = self.list_keys()
            name = f"latest mentions:{','.join(sorted(keys or ()))}"
            latest = compute() if keys is None else kept(name, compute, keys)
        context["mentions"] = latest[: self.mentions_shown]
        context["more_mentions"] = len(latest) > self.mentions_shown
