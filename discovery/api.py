"""
The read-only JSON API under /api/: published columns, mentions, outlets and tags.

Plain views returning `{"count", "next", "previous", "results"}` pages; no login, no writes.
Every response carries an ETag (304 on If-None-Match) and `Access-Control-Allow-Origin: *`.
The shapes are described in `openapi.py`, and the tests check every response against it.
"""

from functools import wraps

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import conditional_page, require_http_methods
from taggit.models import Tag

from columns.models import Column, TaggedColumn
from core.params import clean_param
from mentions.models import Mention, TaggedMention
from outlets.models import Outlet
from pagecache.paginator import VersionedCountPaginator
from tags.links import tag_url

from .search import clean_query, most_recent, search_backend

PAGE_SIZE = 20


class BadRequest(Exception):
    """A filter or page the API cannot read: answered with 400 and the message."""


def api_view(view):
    """GET, HEAD and OPTIONS only; CORS open to every origin; ETags; JSON errors."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Max-Age"] = "86400"
        else:
            try:
                response = conditional_page(view)(request, *args, **kwargs)
            except BadRequest as error:
                response = JsonResponse({"error": str(error)}, status=400)
            except Http404:
                response = JsonResponse({"error": "Not found."}, status=404)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return require_http_methods(["GET", "HEAD", "OPTIONS"])(wrapper)


def int_param(request, name, minimum=1, maximum=9999):
    value = request.GET.get(name)
    if value is None:
        return None
    if not value.isdecimal() or not minimum <= int(value) <= maximum:
        raise BadRequest(f"`{name}` must be a whole number from {minimum} to {maximum}.")
    return int(value)


def paginated(request, items, serialise):
    """A page of `items` as {count, next, previous, results}; bad or missing pages are 400/404."""
    number = request.GET.get("page", "1")
    # The total is cached under the content version, as for the HTML lists: a COUNT(*) of
    # every public column grows with the archive (BENCHMARKS.md).
    query = request.GET.copy()
    query.pop("page", None)
    paginator = VersionedCountPaginator(
        items, PAGE_SIZE, count_key=f"{request.path}?{query.urlencode()}"
    )
    try:
        page = paginator.page(number)
    except PageNotAnInteger:
        raise BadRequest("`page` must be a whole number from 1.") from None
    except EmptyPage:
        if not number.isdecimal() or int(number) < 1:
            raise BadRequest("`page` must be a whole number from 1.") from None
        return JsonResponse(
            {"error": f"There is no page {number}; there are {paginator.num_pages}."}, status=404
        )

    def link(n):
        query = request.GET.copy()
        query["page"] = n
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [serialise(item) for item in page],
        }
    )


def stamp(value):
    return value.isoformat() if value else None


def mention_data(request, mention, with_column=True):
    data = {
        "id": mention.pk,
        "outlet": {"name": mention.outlet.name, "slug": mention.outlet.slug},
        "topic": mention.topic,
        "sentence": mention.sentence,
        "date": mention.date.isoformat(),
        "kind": mention.kind,
        "url": mention.url or None,
        "tags": sorted((tag.name for tag in mention.tags.all()), key=str.casefold),
    }
    if with_column:
        column = mention.public_column
        data["column"] = request.build_absolute_uri(column.get_absolute_url()) if column else None
    return data


def column_data(request, column):
    absolute = request.build_absolute_uri
    outlet = column.outlet
    return {
        "id": column.pk,
        "url": absolute(column.get_absolute_url()),
        "title": column.title,
        "slug": column.slug,
        "dek": column.dek,
        "intro_html": column.intro,
        "body_html": column.body,
        "excerpt_html": column.excerpt_html,
        "outlet": {
            "name": outlet.name,
            "slug": outlet.slug,
            "url": absolute(outlet.get_absolute_url()),
        }
        if outlet
        else None,
        "authors": [
            {"name": b.author.name, "slug": b.author.slug, "bio": b.printed_bio}
            for b in column.ordered_bylines
        ],
        "tags": sorted((tag.name for tag in column.tags.all()), key=str.casefold),
        "posted_at": stamp(column.posted_at),
        "published_at": stamp(column.outlet_published_at),
        "updated_at": stamp(column.outlet_updated_at),
        "original_url": column.original_url or None,
        "print_headline": column.print_headline,
        "mentions": [mention_data(request, m, with_column=False) for m in column.mentions.all()],
    }


def columns_for_api(columns):
    """Columns with everything `column_data` prints, in a fixed number of queries."""
    mentions = Mention.objects.published().select_related("outlet").prefetch_related("tags")
    return columns.with_listing_data().prefetch_related(Prefetch("mentions", queryset=mentions))


def text_param(request, name):
    return clean_param(request.GET.get(name, ""))


@api_view
def api_root(request):
    """Where each list lives, for clients finding their way in."""
    names = ["columns", "mentions", "outlets", "tags"]
    links = {name: request.build_absolute_uri(reverse(f"discovery:api_{name}")) for name in names}
    return JsonResponse(
        {**links, "openapi": request.build_absolute_uri(reverse("discovery:openapi"))}
    )


@api_view
def unknown(request, path):
    raise Http404


@api_view
def column_list(request):
    query, _ = clean_query(request.GET.get("q", ""))
    search = search_backend()
    columns = search.matching(Column, query) if query else Column.objects.published()
    if tag := text_param(request, "tag"):
        columns = columns.filter(tags__slug=tag)
    if outlet := text_param(request, "outlet"):
        columns = columns.filter(outlet__slug=outlet)
    if author := text_param(request, "author"):
        columns = columns.filter(authors__slug=author)
    if (year := int_param(request, "year")) is not None:
        columns = columns.filter(day__year=year)
    if query:
        # As on the search page: the best matches among the most recent ones.
        recent = most_recent(columns, settings.SEARCH_MATCH_LIMIT).values("pk")
        columns = search.ranked(Column.objects.filter(pk__in=recent), query)
        columns = columns.order_by("-rank", "-date", "-id")
    return paginated(request, columns_for_api(columns), lambda c: column_data(request, c))


@api_view
def column_detail(request, pk):
    column = get_object_or_404(columns_for_api(Column.objects.published()), pk=pk)
    return JsonResponse(column_data(request, column))


@api_view
def mention_list(request):
    mentions = Mention.objects.published()
    if tag := text_param(request, "tag"):
        mentions = mentions.filter(tags__slug=tag)
    if outlet := text_param(request, "outlet"):
        mentions = mentions.filter(outlet__slug=outlet)
    if (year := int_param(request, "year")) is not None:
        mentions = mentions.filter(date__year=year)
    mentions = mentions.with_listing_data()
    return paginated(request, mentions, lambda m: mention_data(request, m))


def counted(request, item, url):
    return {"name": item.name, "slug": item.slug, "url": url, "count": item.count}


@api_view
def outlet_list(request):
    published = Column.objects.published()
    outlets = (
        Outlet.objects.filter(
            Q(pk__in=published.values("outlet"))
            | Q(pk__in=Mention.objects.published().values("outlet"))
        )
        .annotate(count=Count("columns", filter=Q(columns__in=published)))
        .order_by(Lower("name"), "pk")
    )
    return paginated(
        request,
        outlets,
        lambda o: counted(request, o, request.build_absolute_uri(o.get_absolute_url())),
    )


@api_view
def tag_list(request):
    on_columns = TaggedColumn.objects.filter(content_object__in=Column.objects.published())
    on_mentions = TaggedMention.objects.filter(content_object__in=Mention.objects.published())
    tags = (
        Tag.objects.filter(Q(pk__in=on_columns.values("tag")) | Q(pk__in=on_mentions.values("tag")))
        .annotate(
            count=Count(
                "columns_taggedcolumn_items",
                filter=Q(columns_taggedcolumn_items__in=on_columns),
                distinct=True,
            )
        )
        .order_by(Lower("name"), "pk")
    )
    return paginated(
        request, tags, lambda t: counted(request, t, request.build_absolute_uri(tag_url(t.slug)))
    )
