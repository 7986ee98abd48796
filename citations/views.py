"""
Citing columns: one column's record (BibTeX, RIS, CSL-JSON), the bibliography of any list
(the archive, a tag, an outlet, a co-author, a year) streamed in those formats, and the
"Publications" page that lists it as formatted references to paste into a CV.
"""

import datetime

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from columns.models import Column
from core.lists import PublicListMixin, query_without_page
from core.params import clean_param

from .exports import FORMATS, export_chunks
from .records import csl_item
from .styles import DEFAULT_STYLE, STYLES, format_references

FILTERS = {
    "tag": "tags__slug",
    "outlet": "outlet__slug",
    "author": "authors__slug",
}


def _download(response, fmt, name):
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def column_citation(request, year, month, day, slug, fmt):
    """One public column's record, named after its slug."""
    try:
        day = datetime.date(year, int(month), int(day))
    except (ValueError, OverflowError):
        raise Http404("No such date.") from None
    column = get_object_or_404(Column.objects.published().with_listing_data(), day=day, slug=slug)
    item = csl_item(column, request.build_absolute_uri(column.get_absolute_url()))
    body = "".join(export_chunks(fmt, [item]))
    return _download(HttpResponse(body, content_type=FORMATS[fmt][0]), fmt, column.slug)


def filtered_columns(request):
    """The public columns a list's query string chooses, newest first, and the filters used.
    Unknown or malformed values choose nothing rather than fail."""
    columns = Column.objects.published()
    used = {}
    for name in [*FILTERS, "year"]:
        if name not in request.GET:
            continue
        value = used[name] = clean_param(request.GET[name])
        if name == "year":
            valid = value.isdigit() and len(value) == 4 and int(value) > 0
            columns = columns.filter(day__year=int(value)) if valid else columns.none()
        else:
            columns = columns.filter(**{FILTERS[name]: value}) if value else columns.none()
    if "tag" in used or "author" in used:
        columns = columns.distinct()
    return columns.order_by("-date", "-pk"), used


def bibliography(request, fmt):
    """Every column of the list, streamed: memory stays flat however long the archive."""
    columns, used = filtered_columns(request)
    rows = columns.with_listing_data().iterator(chunk_size=500)
    build = request.build_absolute_uri
    items = (csl_item(column, build(column.get_absolute_url())) for column in rows)
    response = StreamingHttpResponse(export_chunks(fmt, items), content_type=FORMATS[fmt][0])
    name = "-".join(["publications", *(f"{k}-{v}" for k, v in sorted(used.items()))])
    return _download(response, fmt, "".join(ch for ch in name if ch.isalnum() or ch in "-_"))


class PublicationsView(PublicListMixin, ListView):
    """The archive as a list of references, in the reader's chosen style, newest first."""

    template_name = "citations/publications.html"
    # The page cache keys on these alone (pagecache/query.py).
    page_cache_params = frozenset({*FILTERS, "year", "style", "page"})
    paginate_by = 50

    def get_queryset(self):
        self.columns, self.filters = filtered_columns(self.request)
        return self.columns.with_listing_data()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        style = self.request.GET.get("style", DEFAULT_STYLE)
        style = style if style in STYLES else DEFAULT_STYLE
        build = self.request.build_absolute_uri
        context["references"] = [
            (column, format_references(csl_item(column, build(column.get_absolute_url())))[style])
            for column in context["object_list"]
        ]
        query = self.request.GET.copy()
        query.pop("style", None)
        query.pop("page", None)
        context.update(
            style=STYLES[style],
            styles=STYLES.values(),
            filters=self.filters,
            export_query=query.urlencode(),
            style_query=query_without_page(self.request),
            title="Publications",
            description="Every column as a reference to cite or paste into a list of "
            "publications, and as BibTeX, RIS or CSL-JSON.",
        )
        return context
