"""
schema.org structured data for search engines and link previews (JSON-LD): a column as an
`OpinionNewsArticle` or `AnalysisNewsArticle` whose authors are `Person`s with their page here
and their other profiles (`sameAs`), published by its outlet; an author's page as a
`ProfilePage` about that person. The shapes are those of Google's Article documentation.
"""

import json

from django.utils.encoding import escape_uri_path

# Written inside <script>: no "<", ">" or "&" can close it or start markup.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_script_json(data):
    return json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)


def person(author, request):
    data = {
        "@type": "Person",
        "name": author.name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    same_as = [*author.profile_urls, *([author.website] if author.website else [])]
    if same_as:
        data["sameAs"] = list(dict.fromkeys(same_as))
    if author.bio:
        data["description"] = author.bio
    if author.photo_id and author.photo:
        data["image"] = request.build_absolute_uri(author.photo.file.url)
    return data


def article(column, request, tags):
    page_url = request.build_absolute_uri(column.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": column.article_type,
        "headline": column.title,
        "datePublished": (column.outlet_published_at or column.date).isoformat(),
        "dateModified": (
            column.outlet_updated_at or column.outlet_published_at or column.date
        ).isoformat(),
        "author": [person(byline.author, request) for byline in column.ordered_bylines],
        "mainEntityOfPage": page_url,
        "url": column.live_original_url or page_url,
    }
    if column.print_headline:
        data["alternativeHeadline"] = column.print_headline
    if column.dek:
        data["description"] = column.dek
    if column.outlet:
        data["publisher"] = {"@type": "NewsMediaOrganization", "name": column.outlet.name}
        if column.outlet.homepage:
            data["publisher"]["url"] = column.outlet.homepage
    if column.live_original_url:
        data["isBasedOn"] = column.live_original_url
    elif column.archived_url:
        data["isBasedOn"] = column.archived_url
    if column.image:
        data["image"] = request.build_absolute_uri(column.image.url)
    keywords = [tag.name for tag in tags]
    if keywords:
        data["keywords"] = keywords
    return as_script_json(data)


def profile_page(author, request):
    return as_script_json(
        {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            # The About or the author page.
            "url": request.build_absolute_uri(escape_uri_path(request.path)),
            "mainEntity": person(author, request),
        }
    )
