"""
The read-only JSON API under /api/: published columns, mentions, outlets and tags.

Built on django-ninja: the schemas in `schemas.py` serialise every response and, with the
typed parameters below, generate the OpenAPI 3.1 document at /api/openapi.json (the tests
check every response against it). Lists answer `{"count", "next", "previous", "results"}`
pages; no login, no writes. GET, HEAD and OPTIONS only; every response carries an ETag (304
on If-None-Match) and `Access-Control-Allow-Origin: *`; errors are `{"error": "…"}`.
"""

from functools import wraps
from typing import Annotated

from django.conf import settings
from django.core.paginator import EmptyPage
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, reverse
from django.utils.encoding import escape_uri_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page, require_GET
from ninja import Field, NinjaAPI, Query
from ninja.errors import ValidationError
from ninja.responses import Status
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError
from taggit.models import Tag

from columns.models import Column, TaggedColumn
from core.content import carried_by_public
from core.lists import page_query, paginator_for
from core.params import clean_param
from mentions.models import Mention
from outlets.models import Outlet
from tags.links import tag_url

from . import schemas
from .search import clean_query, most_recent, search_backend

PAGE_SIZE = 20
ERRORS = {400: schemas.Error, 404: schemas.Error}


def whole_number(name, minimum, maximum=None):
    """An integer query parameter written in digits alone (no sign, space or point); anything
    else is a 400 that says what `name` must be."""
    limits = f"from {minimum} to {maximum}" if maximum else f"from {minimum}"
    message = f"`{name}` must be a whole number {limits}."

    def parse(value):
        try:
            # int() also refuses digits past Python's 4,300-digit limit.
            number = int(value) if isinstance(value, str) and value.isdecimal() else None
        except ValueError:
            number = None
        if number is None or number < minimum or (maximum is not None and number > maximum):
            raise PydanticCustomError("whole_number", message)
        return number

    # The bounds come first so that the document shows them as minimum and maximum.
    return Annotated[int, Field(ge=minimum, le=maximum), BeforeValidator(parse)]


Year = whole_number("year", 1, 9999)
PageNumber = whole_number("page", 1)
PAGE = Query(1, description="Page number, from 1.")
YEAR = Query(None, description="Only this year.")
TAG = Query("", description="Only items with the tag of this slug.")
OUTLET = Query("", description="Only items from the outlet of this slug.")


class ReadAPI(NinjaAPI):
    def get_content_type(self):
        # "application/json", as Django's JsonResponse writes it: JSON is UTF-8 by definition.
        return self.renderer.media_type


def openapi_view(view):
    """The document: GET only, readable from any origin."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return require_GET(wrapper)


api = ReadAPI(
    title="Columnist read API",
    version="1",
    description="Published columns, media mentions, outlets and tags. Read-only, no login; "
    "CORS is open to every origin; responses carry ETags.",
    # The document only: ninja's interactive page (not an installed app here) loads Swagger UI
    # from a CDN, which the site's Content-Security-Policy forbids.
    docs_url=None,
    docs_decorator=openapi_view,
    # The URL names stay in the site's "discovery" namespace (discovery/urls.py).
    urls_namespace="discovery",
)


def http_rules(run):
    """Around every operation: a CORS preflight answer to OPTIONS, ETags and 304s, CORS."""
    conditional_run = conditional_page(run)

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = conditional_run(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return wrapper


api.add_decorator(http_rules, mode="view")


@api.exception_handler(ValidationError)
def bad_request(request, error):
    return api.create_response(request, {"error": error.errors[0]["msg"]}, status=400)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"error": "Not found."}, status=404)


def read(path, **options):
    """Register `view` for GET at `path`, as documented, and for HEAD and OPTIONS, which
    every path answers the same way (`http_rules`) and the document leaves out."""

    def register(view):
        api.get(path, **options)(view)
        undocumented = {**options, "include_in_schema": False}
        api.api_operation(["HEAD", "OPTIONS"], path, **undocumented)(view)
        return view

    return register


def paginated(request, items, page_number, result=None):
    """Page `page_number` of `items` as {count, next, previous, results}, or a 404 past the end;
    `result(item)` gives what the schema reads of an item, when not the item itself.

    The total is cached under the content version and the page links keep the other
    parameters, as on the HTML lists (core/lists.py): a COUNT(*) of every public column grows
    with the archive (BENCHMARKS.md).
    """
    paginator = paginator_for(request, items, PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        message = f"There is no page {page_number}; there are {paginator.num_pages}."
        return Status(404, {"error": message})
    query = page_query(request)

    def link(number):
        return request.build_absolute_uri(f"{escape_uri_path(request.path)}?{query}page={number}")

    return {
        "count": paginator.count,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [result(item) for item in page] if result else list(page),
    }


def columns_for_api(columns):
    """Columns with everything `schemas.Column` prints, in a fixed number of queries."""
    mentions = Mention.objects.published().select_related("outlet").prefetch_related("tags")
    return columns.with_listing_data().prefetch_related(Prefetch("mentions", queryset=mentions))


def counted(request, item, path):
    url = request.build_absolute_uri(path)
    return {"name": item.name, "slug": item.slug, "url": url, "count": item.count}


@read("/", response=schemas.Links, url_name="api")
def api_root(request):
    """The addresses of the lists and of this document."""
    names = ["columns", "mentions", "outlets", "tags"]
    links = {name: request.build_absolute_uri(reverse(f"discovery:api_{name}")) for name in names}
    return {**links, "openapi": request.build_absolute_uri(reverse("discovery:openapi-json"))}


@read("/columns/", response={200: schemas.ColumnPage, **ERRORS}, url_name="api_columns")
def column_list(
    request,
    tag: str = TAG,
    outlet: str = OUTLET,
    author: str = Query("", description="Only columns by the author of this slug."),
    year: Year = YEAR,
    q: str = Query(
        "",
        description="Words to search for (web-search syntax). Results are the best matches "
        "among the most recent ones (1,000 unless the site sets otherwise), so `count` is at "
        "most that.",
    ),
    page: PageNumber = PAGE,
):
    """Published columns, newest first (best match first with `q`)."""
    query, _ = clean_query(q)
    search = search_backend()
    columns = search.matching(Column, query) if query else Column.objects.published()
    if tag := clean_param(tag):
        columns = columns.filter(tags__slug=tag)
    if outlet := clean_param(outlet):
        columns = columns.filter(outlet__slug=outlet)
    if author := clean_param(author):
        columns = columns.filter(authors__slug=author)
    if year is not None:
        columns = columns.filter(day__year=year)
    if query:
        # As on the search page: the best matches among the most recent ones.
        recent = most_recent(columns, settings.SEARCH_MATCH_LIMIT).values("pk")
        columns = search.ranked(Column.objects.filter(pk__in=recent), query)
        columns = columns.order_by("-rank", "-date", "-id")
    return paginated(request, columns_for_api(columns), page)


@read("/columns/{int:id}/", response={200: schemas.Column, **ERRORS}, url_name="api_column")
def column_detail(request, id: int):
    """One published column."""
    return get_object_or_404(columns_for_api(Column.objects.published()), pk=id)


@read("/mentions/", response={200: schemas.MentionPage, **ERRORS}, url_name="api_mentions")
def mention_list(
    request, tag: str = TAG, outlet: str = OUTLET, year: Year = YEAR, page: PageNumber = PAGE
):
    """Published media mentions, newest first."""
    mentions = Mention.objects.published()
    if tag := clean_param(tag):
        mentions = mentions.filter(tags__slug=tag)
    if outlet := clean_param(outlet):
        mentions = mentions.filter(outlet__slug=outlet)
    if year is not None:
        mentions = mentions.filter(date__year=year)
    return paginated(request, mentions.with_listing_data(), page)


@read("/outlets/", response={200: schemas.CountedPage, **ERRORS}, url_name="api_outlets")
def outlet_list(request, page: PageNumber = PAGE):
    """Outlets with published content, by name; `count` is of published columns."""
    published = Column.objects.published()
    outlets = (
        carried_by_public(Outlet.objects.all())
        .annotate(count=Count("columns", filter=Q(columns__in=published)))
        .order_by(Lower("name"), "pk")
    )
    return paginated(request, outlets, page, lambda o: counted(request, o, o.get_absolute_url()))


@read("/tags/", response={200: schemas.CountedPage, **ERRORS}, url_name="api_tags")
def tag_list(request, page: PageNumber = PAGE):
    """Tags on published content, by name; `count` is of published columns."""
    on_columns = TaggedColumn.objects.filter(content_object__in=Column.objects.published())
    tags = (
        carried_by_public(Tag.objects.all())
        .annotate(
            count=Count(
                "columns_taggedcolumn_items",
                filter=Q(columns_taggedcolumn_items__in=on_columns),
                distinct=True,
            )
        )
        .order_by(Lower("name"), "pk")
    )
    return paginated(request, tags, page, lambda t: counted(request, t, tag_url(t.slug)))


@read("/{path:rest}", response={404: schemas.Error}, include_in_schema=False)
def unknown(request, rest: str):
    raise Http404


READ_METHODS = ("GET", "HEAD", "OPTIONS")


def read_only(view):
    """Any other method is a JSON 405 saying the API is read-only, before anything else: not
    the HTML CSRF page (the API keeps no session state to protect), nor ninja's plain text."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in READ_METHODS:
            return view(request, *args, **kwargs)
        error = f"The API is read-only: {request.method} is not allowed; use GET."
        response = JsonResponse({"error": error}, status=405)
        response["Allow"] = ", ".join(READ_METHODS)
        return response

    wrapper.answers_methods = True  # (config.security.KnownMethodsMiddleware leaves them here)
    return wrapper


def read_only_urls():
    """The API's URL patterns (the document's included), each behind `read_only`."""
    patterns, _, _ = api.urls
    return [URLPattern(p.pattern, read_only(p.callback), p.default_args, p.name) for p in patterns]
