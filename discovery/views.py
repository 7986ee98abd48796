from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.shortcuts import render

from columns.models import Column, TaggedColumn
from core.params import clean_param
from mentions.models import Mention, TaggedMention
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

    Returns (rows, facets, capped): rows of the matches best first, as the page shows them;
    facets counted over those rows; the kinds that had more than `limit` matches. Two queries
    per kind, however many matches: the matches (with rank, date and outlet) and their tags.
    """
    rows, capped = [], []
    kinds, outlets, tags, years = Counter(), Counter(), Counter(), Counter()
    for kind, items in found.items():
        recent = most_recent(items, limit + 1).values(
            "pk", "rank", "outlet__slug", "outlet__name", sort_date=F(DATE_FIELD[kind])
        )
        matches = list(recent)
        if len(matches) > limit:
            capped.append(kind)
            del matches[limit:]
        for match in matches:
            rows.append({"result_kind": kind, "item": match["pk"], **match})
            kinds[kind] += 1
            if match["outlet__slug"]:
                outlets[match["outlet__slug"], match["outlet__name"]] += 1
            years[match["sort_date"].year] += 1
        if matches:
            tagged = TAGGED[kind].objects.filter(content_object__in=[m["pk"] for m in matches])
            by_tag = tagged.values("tag__slug", "tag__name").annotate(
                n=Count("content_object", distinct=True)
            )
            for row in by_tag:
                tags[row["tag__slug"], row["tag__name"]] += row["n"]
    # The order of the former ranked UNION: best match, then newest, then last added.
    rows.sort(key=lambda row: (row["rank"], row["sort_date"], row["pk"]), reverse=True)

    def top(counter):
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        return [{"value": key[0], "label": key[1], "count": n} for key, n in ranked]

    facets = {
        "kind": [{"value": k, "label": f"{k.title()}s", "count": kinds[k]} for k in kinds],
        "outlet": top(outlets),
        "tag": top(tags),
        "year": [{"value": y, "label": y, "count": n} for y, n in sorted(years.items())[::-1]],
    }
    return rows, facets, capped


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


def load_page(rows, query):
    """The columns and mentions of one page of result rows, with highlighted snippets."""
    highlighted = search_backend().highlighted
    ids = {kind: [row["item"] for row in rows if row["result_kind"] == kind] for kind in KINDS}
    objects = {}
    if ids["column"]:
        columns = Column.objects.published().filter(pk__in=ids["column"]).with_listing_data()
        columns = highlighted(
            columns, query, title_html=["title"], snippet=["dek", "intro", "body"]
        )
        objects.update({("column", c.pk): c for c in columns})
    if ids["mention"]:
        mentions = Mention.objects.published().filter(pk__in=ids["mention"]).with_listing_data()
        mentions = highlighted(mentions, query, snippet=["topic", "public_note"])
        objects.update({("mention", m.pk): m for m in mentions})
    results = []
    for row in rows:
        item = objects.get((row["result_kind"], row["item"]))
        if item is None:
            continue
        for name in ("title_html", "snippet"):
            if hasattr(item, name):
                setattr(item, name, safe_headline(getattr(item, name)))
        results.append({"kind": row["result_kind"], "item": item})
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
        rows, facets, capped = find(found, limit)
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
