"""
On a column's page: the metadata citation managers read (`{% citation_meta column %}` in the
head) and the "Cite" section (`{% cite_column column %}`).

Zotero's generic translator reads Highwire `citation_*` tags, PRISM and Dublin Core, not
JSON-LD. `citation_journal_title` alone would make every column a journal article; PRISM's
aggregation type (magazines) and Dublin Core's "NewsItem" type (newspapers) make it the right
kind of item.
"""

from django import template
from django.template.loader import render_to_string

from citations.exports import FORMATS
from citations.records import csl_item, is_newspaper
from citations.styles import STYLES, format_references

register = template.Library()


def _item(context, column):
    request = context["request"]
    return csl_item(column, request.build_absolute_uri(column.get_absolute_url()))


@register.simple_tag(takes_context=True)
def citation_meta(context, column):
    item = _item(context, column)
    return render_to_string(
        "citations/meta.html",
        {
            "column": column,
            "item": item,
            "container": item["container-title"],
            "date": "/".join(f"{part:02d}" for part in item["issued"]["date-parts"][0]),
            "iso_date": "-".join(f"{part:02d}" for part in item["issued"]["date-parts"][0]),
            "newspaper": is_newspaper(column),
            "authors": [byline.author.name for byline in column.ordered_bylines],
            "genre": "analysis" if column.article_type == "AnalysisNewsArticle" else "opinion",
        },
    )


@register.simple_tag(takes_context=True)
def cite_column(context, column):
    item = _item(context, column)
    references = format_references(item)
    return render_to_string(
        "citations/cite.html",
        {
            "column": column,
            "references": [(STYLES[key], html) for key, html in references.items()],
            "formats": [
                (fmt, label)
                for fmt, label in [("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON")]
                if fmt in FORMATS
            ],
            "path": column.get_absolute_url(),
        },
    )
