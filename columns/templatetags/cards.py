"""`{% load cards %}`: what a column's card shows besides its title (templates/includes)."""

import html
from pathlib import Path

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.lists import KeptRows
from pagecache import fragments

from ..models import prefetch_card_data

register = template.Library()

# A card's summary when the column has no standfirst: this many words of its excerpt.
EXCERPT_WORDS = 30


@register.filter
def card_summary(column):
    """The standfirst, else the start of the excerpt as plain text (no markup, no intro)."""
    if column.dek:
        return column.dek
    text = " ".join(html.unescape(strip_tags(column.excerpt_html)).split())
    return Truncator(text).words(EXCERPT_WORDS)


@register.simple_tag
def other_authors(column, owner, page_author=None):
    """The byline's authors that the page does not already imply (the owner; the author whose
    page it is), and whether it named any of those: a card reads "with Li Wei" for a co-author
    of the owner, "by Li Wei" for a column the owner did not write, nothing for theirs alone."""
    implied = {getattr(person, "pk", None) for person in (owner, page_author)} - {None}
    authors = [byline.author for byline in column.ordered_bylines]
    others = [author for author in authors if author.pk not in implied]
    return {"authors": others, "with": len(others) < len(authors)}


@register.simple_tag(takes_context=True)
def column_cards(context, columns, **given):
    """The cards of `columns` (includes/column_card.html, with `given` in its context, as
    `{% include ... with %}` would), each from the fragment cache when it is still current
    (pagecache/fragments.py), else rendered, with the bylines of only those cards loaded,
    and kept. A card depends on its page in four ways, which name its fragment with the
    version of its template and of this module: its heading, whether the page is an
    outlet's, the site's owner and the page's author."""
    with context.push(**given):
        page = [
            context.get("heading") or "h2",
            bool(context.get("hide_outlet")),
            getattr(context.get("site_owner"), "pk", None),
            getattr(context.get("author"), "pk", None),
        ]
        card = context.template.engine.get_template("includes/column_card.html")
        variant = ":".join(map(str, [fragments.code_version(card.source, Path(__file__)), *page]))
        if isinstance(columns, KeptRows):
            # A page of public columns kept by their ids: only the rows of the cards not
            # kept rendered are loaded.
            ids = columns.ids
            names = {pk: f"card:{pk}:{variant}" for pk in ids}
            version, kept = fragments.get_many(list(names.values()))
            loaded = {c.pk: c for c in columns.rows_of([pk for pk in ids if names[pk] not in kept])}
        else:
            loaded = {c.pk: c for c in columns}
            ids = list(loaded)
            # Public columns only, whoever reads: a staff preview's draft is never kept.
            names = {pk: f"card:{pk}:{variant}" for pk, c in loaded.items() if c.is_public}
            version, kept = fragments.get_many(list(names.values()))
            loaded = {pk: c for pk, c in loaded.items() if names.get(pk) not in kept}
        prefetch_card_data(list(loaded.values()))
        cards, rendered = [], {}
        for pk in ids:
            name = names.get(pk)
            if name in kept:
                cards.append(kept[name])
            elif pk in loaded:  # (not gone since its page's ids were kept)
                with context.push(column=loaded[pk]):
                    cards.append(card.render(context))
                if name:
                    rendered[name] = (cards[-1], fragments.instance_keys(loaded[pk]))
        fragments.set_many(version, rendered)
    # Rendered by the card's template, which escapes what it prints.
    return mark_safe("".join(cards))
