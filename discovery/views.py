from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from columns.models import Column, TaggedColumn
from core.params import clean_param
from mentions.models import Mention, TaggedMention
from pagecache.paginator import cached_aggregate
from pagecache.query import reads

from .search import clean_query, most_recent, safe_headline, search_backend

KINDS = {"column": Column, "mention": Mention}
TAGGED = {"column": TaggedColumn, "mention": TaggedMention}
DATE_FIELD = {"column": "day", "mention": "date"}
RESULTS_PER_PAGE = 20
FACET_SIZE = 15


def read_filters(params):
    """The facet filters of a search. Unknown values filter to nothing rather than fail."""
    year = clean_param(params.get("year", ""))
    kind = clean_param(params.get("kind", ""))
    return {
        "outlet": clean_param(params.get("outlet", "")),
        "tag": clean_param(params.get("tag", "")),
        "year": int(year) if year.isdecimal() and len(year) <= 4 else None,
        "kind": kind if kind in KINDS else "",
    }


def filtered(items, kind, filters):
    if filters["outlet"]:
        items = items.filter(outlet__slug=filters["outlet"])
    if filters["tag"]:
        items = items.filter(tags__slug=filters["tag"])
    if filters["year"]:
        items = items.filter(**{f"{DATE_FIELD[kind]}__year": filters["year"]})
    return items


def find(found, limit):
    """The `limit` most recent matches of each kind, with their facet counts.

    Returns (rows, facets, capped): the (kind, pk) of the matches best first, as the page
    shows them; facets counted over those rows; the kinds that had more than `limit` matches.
    Two queries per kind, however many matches: the matches (with rank, date and outlet) and
    their tags.
    """
    ranked, capped = [], []
    kinds, outlets, tags, years = Counter(), Counter(), Counter(), Counter()
    for kind, items in found.items():
        recent = most_recent(items, limit + 1).values_list(
            "pk", "rank", DATE_FIELD[kind], "outlet__slug", "outlet__name"
        )
        matches = list(recent)
        if len(matches) > limit:
            capped.append(kind)
            del matches[limit:]
        kinds[kind] = len(matches)
        for pk, rank, date, outlet_slug, outlet_name in matches:
            ranked.append((rank, date, pk, kind))
            if outlet_slug:
                outlets[outlet_slug, outlet_name] += 1
            years[date.year] += 1
        if matches:
            ids = [match[0] for match in matches]
            tagged = search_backend().among(TAGGED[kind].objects.all(), "content_object", ids)
            by_tag = tagged.values_list("tag__slug", "tag__name").annotate(
                n=Count("content_object", distinct=True)
            )
            for slug, name, n in by_tag:
                tags[slug, name] += n
    # The order of the former ranked UNION: best match, then newest, then last added.
    ranked.sort(key=lambda match: match[:3], reverse=True)

    def top(counter):
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        return [{"value": key[0], "label": key[1], "count": n} for key, n in ranked]

    facets = {
        "kind": [{"value": k, "label": f"{k.title()}s", "count": n} for k, n in kinds.items() if n],
        "outlet": top(outlets),
        "tag": top(tags),
        "year": [{"value": y, "label": y, "count": n} for y, n in sorted(years.items())[::-1]],
    }
    return [(kind, pk) for _, _, pk, kind in ranked], facets, capped


def link_facets(facets, filters, params):
    """Give each facet value the address that applies it, and each facet one that clears it."""

    def address(name, value):
        query = params.copy()
        query.pop("page", None)
        query.pop(name, None)
        if value is not None:
            query[name] = value
        return "?" + query.urlencode()

    return [
        {
            "name": name,
            "title": title,
            "clear_url": address(name, None),
            "values": [
                {**v, "url": address(name, v["value"]), "selected": v["value"] == filters[name]}
                for v in facets[name]
            ],
        }
        for name, title in [("kind", "Type"), ("outlet", "Outlet"), ("tag", "Topic"),
                            ("year", "Year")]
    ]  # fmt: skip


# What a result never shows: loading them cost more than the rest of the row (the stored
# search document is ~4 KB a column).
UNSHOWN = {
    "column": ["intro", "body", "excerpt", "original_html", "search_vector", "wordpress_fields",
               "possible_mentions"],
    "mention": ["internal_note", "search_vector"],
}  # fmt: skip


def load_page(rows, query):
    """The columns and mentions of one page of result rows, with highlighted snippets: one
    query per kind (a result shows its outlet, and a mention its column; no tags, no
    byline)."""
    highlighted = search_backend().highlighted
    ids = {kind: [pk for row_kind, pk in rows if row_kind == kind] for kind in KINDS}
    objects = {}
    if ids["column"]:
        columns = Column.objects.published().filter(pk__in=ids["column"])
        # In the rows' order (below), not the model's: ordering costs more to build than run.
        columns = columns.select_related("outlet").defer(*UNSHOWN["column"]).order_by()
        columns = highlighted(
            columns, query, title_html=["title"], snippet=["dek", "intro", "body"]
        )
        objects.update({("column", c.pk): c for c in columns})
    if ids["mention"]:
        mentions = Mention.objects.published().filter(pk__in=ids["mention"])
        mentions = mentions.select_related("outlet", "column").defer(*UNSHOWN["mention"])
        mentions = mentions.order_by()
        mentions = highlighted(mentions, query, snippet=["topic", "public_note"])
        objects.update({("mention", m.pk): m for m in mentions})
    results = []
    for kind, pk in rows:
        item = objects.get((kind, pk))
        if item is None:
            continue
        for name in ("title_html", "snippet"):
            if hasattr(item, name):
                setattr(item, name, safe_headline(getattr(item, name)))
        results.append({"kind": kind, "item": item})
    return results


@reads("q", "page", "outlet", "tag", "year", "kind")
def search(request):
    query, was_cut = clean_query(request.GET.get("q", ""))
    context = {"query": query, "was_cut": was_cut, "full_text": search_backend().full_text}
    if query:
        filters = read_filters(request.GET)
        matching = search_backend().matching
        found = {
            kind: filtered(matching(model, query), kind, filters)
            for kind, model in KINDS.items()
            if filters["kind"] in ("", kind)
        }
        limit = settings.SEARCH_MATCH_LIMIT
        # The matches and their facets change only with the content: kept under its version
        # like a list's count, so that later pages and repeated searches skip them.
        key = f"search:{limit}:{sorted(filters.items())}:{query}"
        rows, facets, capped = cached_aggregate(key, lambda: find(found, limit), in_memory=False)
        page = Paginator(rows, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filters=filters,
            facets=link_facets(facets, filters, request.GET),
            unfiltered_url="?" + urlencode({"q": query}),
            page_obj=page,
            results=load_page(list(page), query),
            match_limit=limit,
            capped=[f"{kind}s" for kind in capped],
        )
    return render(request, "search/search.html", context)
